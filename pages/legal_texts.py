"""The first versions of the Impressum and the Datenschutz page.

`ensure_legal_pages` creates them after every `migrate` where they are missing, so that
they exist from the first deploy; the agency edits them in the admin, and nothing here
touches an existing page again.
"""

from .models import Page

IMPRESSUM_DE = """\
## Anbieter

Hub-Agentur der Digital Hub Initiative
im Auftrag des Bundesministeriums für Wirtschaft und Energie (BMWE)

Die Hub-Agentur trägt hier vor dem Start des Portals ihre vollständige Anschrift, ihre
Vertretungsberechtigten, das Registergericht mit Registernummer und die
Umsatzsteuer-Identifikationsnummer ein (Angaben nach § 5 Digitale-Dienste-Gesetz).

## Kontakt

E-Mail: kontakt@de-hub.example.org

## Verantwortlich für den Inhalt (§ 18 Abs. 2 MStV)

Die Leitung der Hub-Agentur, Anschrift wie oben.

## Inhalte der Mitglieder

Veranstaltungen und Profile, die Mitglieder einstellen, verantworten die jeweiligen Mitglieder.
Die Hubs und die Hub-Agentur prüfen Veranstaltungen vor der Veröffentlichung.

## Streitschlichtung

Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor einer
Verbraucherschlichtungsstelle teilzunehmen.
"""

IMPRESSUM_EN = """\
## Provider

Hub-Agency of the Digital Hub Initiative
on behalf of the Federal Ministry for Economic Affairs and Energy (BMWE)

Before the portal goes live, the Hub-Agency enters its full postal address, its legal
representatives, its commercial register entry and its VAT identification number here
(information required by section 5 of the German Digital Services Act, DDG).

## Contact

Email: kontakt@de-hub.example.org

## Responsible for content (section 18 (2) MStV)

The management of the Hub-Agency, address as above.

## Content by members

Members are responsible for the events and profiles they publish. The hubs and the
Hub-Agency review events before they are published.

## Dispute resolution

We are neither willing nor obliged to take part in dispute resolution proceedings before a
consumer arbitration board.
"""

PRIVACY_DE = """\
## Verantwortliche Stelle

Verantwortlich für die Datenverarbeitung auf diesem Portal ist die Hub-Agentur der Digital
Hub Initiative (Anschrift im [Impressum](/impressum/)).

## Keine Drittanbieter, kein Tracking

Das Portal lädt keine Inhalte von fremden Servern: Schriften, Stylesheets, Skripte und die
Deutschlandkarte liefern wir selbst aus. Wir setzen keine Analyse- oder Werkzeuge zur
Reichweitenmessung ein und binden keine sozialen Netzwerke ein.

## Server-Protokolle

Beim Aufruf einer Seite verarbeitet der Webserver die IP-Adresse, Datum und Uhrzeit, die
aufgerufene Adresse, den Statuscode und die Angaben des Browsers. Das ist für den sicheren
Betrieb erforderlich (Art. 6 Abs. 1 lit. e und f DSGVO). Die Protokolle werden nach
sieben Tagen gelöscht.

## Cookies

Wir setzen nur technisch notwendige Cookies (§ 25 Abs. 2 TDDDG):

- `csrftoken` schützt Formulare vor Missbrauch durch fremde Seiten;
- `sessionid` hält eine Anmeldung aufrecht und wird erst beim Anmelden gesetzt; ohne
  „Angemeldet bleiben" endet sie mit dem Schließen des Browsers;
- `django_language` merkt sich die Sprache, wenn Sie sie umschalten.

## Konto und Profil

Für ein Konto speichern wir Ihre E-Mail-Adresse und Ihr Passwort, das nur als sicherer
Hash-Wert abgelegt wird. An die Adresse schicken wir die Bestätigungs- und
Passwort-Links, in der Sprache, in der Sie das Portal zuletzt genutzt haben; sie wird
anderen Mitgliedern und Besuchern nie angezeigt. Alle
Profilangaben sind freiwillig. Sie entscheiden, wer Ihr Profil sieht: alle Besucher, nur
angemeldete Mitglieder oder niemand außer Ihnen (die Hub-Agentur sieht verborgene Profile,
um das Portal zu betreuen). Profilbilder speichern wir als neu erzeugte, verkleinerte Kopie
ohne die Metadaten der Originaldatei. Rechtsgrundlage ist Art. 6 Abs. 1 lit. b DSGVO.

## Veranstaltungen

Wenn Sie sich für eine Veranstaltung anmelden, sehen die Veranstalter, die Manager des
ausrichtenden Hubs und die Hub-Agentur Ihren Anzeigenamen und Ihre Organisation, nicht
Ihre E-Mail-Adresse. Die Bestätigung und Nachrichten zur Veranstaltung (Nachrücken von der
Warteliste, Absage) erhalten Sie per E-Mail. Bei Veranstaltungen, die Sie einstellen, wird
Ihr Anzeigename als Veranstalter gezeigt. Ihre persönliche Kalenderadresse ist geheim;
Sie können sie unter „Mein Bereich" jederzeit erneuern, dann funktioniert die alte nicht mehr.
Melden Sie eine Veranstaltung, sehen die Manager des ausrichtenden Hubs und die Hub-Agentur
den Grund, Ihre Nachricht und wer gemeldet hat; die Veranstalter erfahren nicht, wer es war.
Setzt die Hub-Agentur Ihr Recht aus, Veranstaltungen einzustellen (etwa bei Spam), speichern
wir das mit dem Grund, bis Sie Ihr Konto löschen.

Zeigt die Website eines Hubs dessen kommende Veranstaltungen aus diesem Portal (in einem
Rahmen), lädt Ihr Browser die Liste von unserem Server: Es gelten die Server-Protokolle wie bei
jedem Besuch; die Liste setzt keine Cookies und speichert nichts über Sie. Veranstaltungen,
die ein Hub aus seinem eigenen Kalender übernimmt, holt unser Server von dort; dabei werden
keine Daten über Besucherinnen und Besucher weitergegeben.

Halten Sie als Veranstalter oder Hub-Manager das Ergebnis einer Veranstaltung fest oder
veröffentlichen es als Format, speichern wir, wer es festgehalten und veröffentlicht hat; öffentlich
sichtbar sind nur das Format, die Hubs, die es durchgeführt haben, und die Teilnehmendenzahl.

## Partner-Organisationen

Wenn Sie sich mit einer Organisation verknüpfen (etwa Ihrem Start-up, Ihrem Unternehmen oder
Ihrem Fonds), speichern wir die Verknüpfung und Ihre Rolle dort. Die Seite der Organisation
zeigt Sie nur so weit, wie die Sichtbarkeit Ihres Profils es erlaubt; die Manager des Hubs,
der die Organisation betreut, und die Hub-Agentur sehen die Verknüpfung und können sie
entfernen. Sie entfernen sie selbst jederzeit auf der Seite der Organisation. Schlagen Sie
eine Organisation vor, sehen die Manager des gewählten Hubs und die Hub-Agentur, dass der
Vorschlag von Ihnen stammt, und wir schreiben Ihnen per E-Mail, was aus ihm wurde.
Verknüpfungen speichern wir, bis Sie sie entfernen oder Ihr Konto löschen.

## Schreibtische mit der Start-up Card

Buchen Sie einen Schreibtisch in einem anderen Hub, speichern wir den Raum, den Tag und ob
die Buchung besteht, storniert ist oder Sie nicht gekommen sind. Die Manager des
gastgebenden Hubs und die Hub-Agentur sehen Ihren Anzeigenamen und den Namen Ihres
Start-ups auf der Check-in-Liste des Tages; andere Mitglieder sehen Ihre Buchungen nicht.
Die Bestätigung mit den Hausregeln und eine Erinnerung am Vortag erhalten Sie per E-Mail.
90 Tage nach dem gebuchten Tag entfernen wir Ihren Namen aus der Buchung; es bleibt nur
die Zahl der gebuchten Tage je Hub und Monat, ohne Bezug zu Ihnen.

## Matchmaking und Vorstellungen

Ist das Matchmaking eingeschaltet (die Voreinstellung; Sie schalten es in Ihrem Profil oder
unter „Mein Bereich" aus), schlagen wir Ihnen Mitglieder und Organisationen vor, die zu Ihren
Angaben passen: Fokusthemen, was Sie suchen oder bieten (etwa Finanzierungsphase und
Ticketgröße, Pilotprojekte, Forschungsgebiet), gemeinsame Hubs, Arbeitssprachen und Stadt.
Die Vorschläge werden beim Aufruf aus den Profilen berechnet, die Sie ohnehin sehen dürfen,
und nicht gespeichert; Sie werden nur Mitgliedern vorgeschlagen, die Ihr Profil sehen
dürfen. Vorschläge, die Sie ausblenden, speichern wir, damit sie nicht wiederkommen.
Ist das Matchmaking ausgeschaltet, sehen Sie keine Vorschläge, werden niemandem vorgeschlagen
und niemand kann um eine Vorstellung bei Ihnen bitten.

Bitten Sie um eine Vorstellung, lesen zuerst die Manager eines Hubs, dem Sie beide
angehören (sonst die Hub-Agentur), Ihre Nachricht und beide Profile; erst wenn sie die
Anfrage freigeben, sieht das andere Mitglied sie. Ihre E-Mail-Adressen erhalten Sie beide
nur, wenn das andere Mitglied annimmt, und zwar per E-Mail. Lehnt der Hub ab, erfährt das
andere Mitglied nichts davon. Einen Monat nach einer Vorstellung fragen wir beide, was daraus
geworden ist; die Hubs und die Hub-Agentur zählen die Antworten je Hub, ohne Namen. Anfragen,
Nachrichten, Antworten und ihren Verlauf speichern wir, bis Sie Ihr Konto löschen; dann
bleiben nur die Zahlen, ohne Ihren Namen und ohne den Text der Nachrichten.

## Ihre Daten herunterladen und Ihr Konto löschen

Unter „Mein Bereich" laden Sie jederzeit alles, was das Portal über Sie speichert, als
JSON-Datei herunter. Dort löschen Sie auch Ihr Konto: Konto, E-Mail-Adressen, Profil mit
Bild, Hub-Mitgliedschaften, Anmeldungen zu Veranstaltungen und Verknüpfungen mit
Organisationen werden sofort gelöscht, nicht nur deaktiviert; aus Ihren
Schreibtischbuchungen und Anfragen für Vorstellungen wird Ihr Name entfernt, aus den Anfragen
auch der Text der Nachrichten.
Veranstaltungen, die Sie eingestellt haben, bleiben als Veranstaltungen des jeweiligen
Hubs bestehen, denn andere Mitglieder haben sich vielleicht angemeldet; Ihr Name wird
dabei als Veranstalter entfernt. Ebenso bleiben Organisationen, die Sie vorgeschlagen
haben, ohne Ihren Namen bestehen.

## Ihre Rechte

Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung
(Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und
Widerspruch (Art. 21). Sie können sich außerdem bei einer Datenschutz-Aufsichtsbehörde
beschweren (Art. 77 DSGVO), zuständig ist die Bundesbeauftragte für den Datenschutz und
die Informationsfreiheit.

## Kontakt zum Datenschutz

E-Mail: datenschutz@de-hub.example.org
"""

PRIVACY_EN = """\
## Controller

The controller for data processing on this portal is the Hub-Agency of the Digital Hub
Initiative (address in the [legal notice](/en/impressum/)).

## No third parties, no tracking

The portal loads nothing from other servers: we serve fonts, stylesheets, scripts and the
map of Germany ourselves. We use no analytics or audience measurement and embed no social
networks.

## Server logs

When a page is requested, the web server processes the IP address, date and time, the
requested address, the status code and what the browser reports about itself. This is
necessary for secure operation (Art. 6 (1) (e) and (f) GDPR). The logs are deleted after
seven days.

## Cookies

We set only strictly necessary cookies (section 25 (2) TDDDG):

- `csrftoken` protects forms against misuse by other sites;
- `sessionid` keeps you logged in and is set only when you log in; without "remember me"
  it ends when you close the browser;
- `django_language` remembers the language when you switch it.

## Account and profile

For an account we store your email address and your password, kept only as a secure hash.
We send the confirmation and password links to that address, in the language you last used
the portal in; it is never shown to other members or visitors. Every profile detail is voluntary. You decide who sees your profile:
every visitor, logged-in members only, or nobody but you (the Hub-Agency sees hidden
profiles in order to look after the portal). We store profile pictures as a newly made,
smaller copy without the metadata of the original file. The legal basis is Art. 6 (1) (b)
GDPR.

## Events

When you register for an event, its organisers, the managers of the hosting hub and the
Hub-Agency see your display name and organisation, not your email address. You receive the
confirmation and news about the event (a seat from the waitlist, a cancellation) by email.
For events you post, your display name is shown as organiser. Your personal calendar
address is secret; you can renew it in "My area" at any time, and the old one stops working.
When you report an event, the managers of the hosting hub and the Hub-Agency see the reason,
your note and who reported it; the organisers do not learn who it was.
If the Hub-Agency suspends your right to post events (for instance for spam), we keep that
with its reason until you delete your account.

When a hub's website shows the hub's coming events from this portal (in a frame), your
browser loads the list from our server: the server logs apply as for any visit; the list sets
no cookies and stores nothing about you. Events a hub takes over from its own calendar are
fetched from there by our server; no data about visitors is passed on.

When you, as organiser or hub manager, record the outcome of an event or publish it as a
format, we store who recorded and published it; publicly visible are only the format, the hubs
that ran it and the attendance.

## Partner organisations

When you link yourself to an organisation (such as your start-up, your company or your
fund), we store the link and your role there. The organisation's page shows you only as far
as your profile's visibility allows; the managers of the hub that looks after the
organisation and the Hub-Agency see the link and can remove it. You remove it yourself at
any time on the organisation's page. When you propose an organisation, the managers of the
hub you chose and the Hub-Agency see that the proposal is yours, and we email you what
became of it. We keep links until you remove them or delete your account.

## Desks with the Start-up Card

When you book a desk in another hub, we store the space, the day and whether the booking
stands, was cancelled or you did not come. The managers of the hosting hub and the
Hub-Agency see your display name and your start-up's name on the day's check-in list; other
members do not see your bookings. You receive the confirmation with the house rules and a
reminder the day before by email. 90 days after the booked day we remove your name from the
booking; only the number of booked days per hub and month remains, without any link to you.

## Matchmaking and introductions

While matchmaking is on (the default; you switch it off in your profile or in "My area"), we
suggest members and organisations that fit what you say about yourself: focus themes, what
you look for or offer (such as investment stage and ticket size, pilot projects, research
field), shared hubs, working languages and city. Suggestions are computed when you look,
from the profiles you may see anyway, and are not stored; you are suggested only to members
who may see your profile. Suggestions you hide are stored so that they do not come back.
While matchmaking is off, you see no suggestions, are suggested to nobody, and nobody can ask
for an introduction to you.

When you ask for an introduction, the managers of a hub you both belong to (otherwise the
Hub-Agency) first read your note and both profiles; only once they approve does the other
member see the request. You both receive each other's email address only if the other member
accepts, by email. If the hub declines, the other member learns nothing of it. A month after
an introduction we ask both what came of it; the hubs and the Hub-Agency count the answers
per hub, without names. We keep requests, notes, answers and their history until you delete
your account; then only the numbers remain, without your name and without the text of the
notes.

## Download your data and delete your account

In "My area" you can download everything the portal stores about you as a JSON file at any
time. There you can also delete your account: account, email addresses, profile with
picture, hub memberships, event registrations and links to organisations are deleted at
once, not merely deactivated, and your name is removed from your desk bookings and from
introduction requests, together with the text of their notes. Events you have
posted remain as events of their hub, because other members may have registered; your
name is removed from them as organiser. Organisations you proposed likewise remain, without
your name.

## Your rights

You have the right of access (Art. 15 GDPR), rectification (Art. 16), erasure (Art. 17),
restriction of processing (Art. 18), data portability (Art. 20) and to object (Art. 21).
You may also lodge a complaint with a data protection supervisory authority (Art. 77
GDPR); the competent one is the Federal Commissioner for Data Protection and Freedom of
Information.

## Data protection contact

Email: datenschutz@de-hub.example.org
"""

ACCESSIBILITY_DE = """\
Die Hub-Agentur ist bemüht, dieses Portal im Einklang mit dem Behindertengleichstellungsgesetz
(BGG) und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich
zu machen.

## Stand der Vereinbarkeit

Das Portal ist mit den Anforderungen der BITV 2.0 und der WCAG 2.1 auf Stufe AA weitgehend
vereinbar. Wir prüfen jede Seite automatisch mit axe-core, in deutscher und englischer
Sprache, bedienen die wichtigsten Abläufe allein mit der Tastatur und testen die Darstellung
ab 360 Pixel Breite.

## Nicht barrierefreie Inhalte

- Beschreibungen von Veranstaltungen und Profile stammen von Mitgliedern; Bilder darin
  haben nicht immer Alternativtexte.
- Die Deutschlandkarte auf der Startseite ist eine Grafik; dieselben Inhalte stehen als
  Liste daneben.

## Erstellung dieser Erklärung

Diese Erklärung beruht auf einer Selbstbewertung der Hub-Agentur.

## Feedback und Kontakt

Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Schreiben Sie uns an
barrierefreiheit@de-hub.example.org; wir antworten innerhalb von zwei Wochen.

## Schlichtungsverfahren

Wenn wir Ihr Anliegen nicht zufriedenstellend lösen, können Sie sich an die
Schlichtungsstelle nach § 16 BGG beim Beauftragten der Bundesregierung für die Belange von
Menschen mit Behinderungen wenden (www.schlichtungsstelle-bgg.de).
"""

ACCESSIBILITY_EN = """\
The Hub-Agency strives to make this portal accessible in accordance with the German
Disability Equality Act (BGG) and the Accessible Information Technology Ordinance (BITV 2.0).

## Compliance status

The portal largely complies with BITV 2.0 and WCAG 2.1 level AA. Every page is checked
automatically with axe-core, in German and English, the main journeys are tested with the
keyboard alone, and the layout is tested from 360 pixels wide.

## Content that is not accessible

- Event descriptions and profiles are written by members; pictures in them do not always
  have text alternatives.
- The map of Germany on the home page is a graphic; the same content is listed beside it.

## Preparation of this statement

This statement is based on a self-assessment by the Hub-Agency.

## Feedback and contact

Have you found a barrier? Write to barrierefreiheit@de-hub.example.org; we answer within
two weeks.

## Enforcement procedure

If we cannot resolve your concern satisfactorily, you can turn to the conciliation body
under section 16 BGG at the Federal Government Commissioner for Matters relating to Persons
with Disabilities (www.schlichtungsstelle-bgg.de).
"""

PAGES = [
    {
        "slug": "impressum",
        "title_de": "Impressum",
        "title_en": "Legal notice",
        "body_de": IMPRESSUM_DE,
        "body_en": IMPRESSUM_EN,
    },
    {
        "slug": "datenschutz",
        "title_de": "Datenschutzerklärung",
        "title_en": "Privacy policy",
        "body_de": PRIVACY_DE,
        "body_en": PRIVACY_EN,
    },
    {
        "slug": "barrierefreiheit",
        "title_de": "Erklärung zur Barrierefreiheit",
        "title_en": "Accessibility statement",
        "body_de": ACCESSIBILITY_DE,
        "body_en": ACCESSIBILITY_EN,
    },
]


def ensure_legal_pages(**kwargs):
    """post_migrate handler: create whichever legal page does not exist yet."""
    for page in PAGES:
        Page.objects.get_or_create(slug=page["slug"], defaults=page)
