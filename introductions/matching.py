"""Matchmaking: the people and organisations that fit a member, ranked, each with its reasons
in words ("Invests at seed stage in FinTech; you look for seed funding").

Fit is complementarity first (what a founder looks for against what the other side offers: an
investor's stages and tickets, a corporate's pilot projects, a researcher's field), then shared
focus themes, shared hubs, a shared working language and city. Only profiles the member may
see and whose owners take part in matchmaking are suggested, never one hidden by the member or
one already introduced or asked for.

Two steps keep it fast at any size of the network: the database ranks the candidates of the
complementary member types by fit and shared themes and returns a few dozen; those are scored
and explained here.
"""

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

from django.core.cache import cache
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hubs.reference import network
from members.models import Membership, Need, Profile, Stage, WorkLanguage
from members.permissions import visible_profiles
from partners.models import Affiliation, Organisation, OrganisationKind, Partnership

from .models import HiddenSuggestion, Introduction

Type = Profile.MemberType
CANDIDATES_BY_THEME = 40
CANDIDATES_BY_HUB = 20
SHORTLIST_SECONDS = 600

# Which member types have something for whom: the other side of each need, and who a type
# looks for when it states no needs.
OFFERS_FOR_NEED = {
    Need.FUNDING: {Type.INVESTOR},
    Need.CUSTOMERS: {Type.CORPORATE},
    Need.PARTNERS: {Type.CORPORATE, Type.SCIENCE},
    Need.TALENT: {Type.SCIENCE},
}
COUNTERPARTS = {
    Type.FOUNDER: {Type.INVESTOR, Type.CORPORATE, Type.SCIENCE},
    Type.INVESTOR: {Type.FOUNDER},
    Type.CORPORATE: {Type.FOUNDER, Type.SCIENCE},
    Type.SCIENCE: {Type.FOUNDER, Type.CORPORATE},
    Type.ADMINISTRATION: {Type.FOUNDER, Type.CORPORATE, Type.SCIENCE},
    Type.OTHER: {Type.FOUNDER, Type.CORPORATE, Type.SCIENCE, Type.INVESTOR},
}
ORGANISATION_KINDS = {
    Type.FOUNDER: {OrganisationKind.INVESTOR, OrganisationKind.CORPORATE, OrganisationKind.MITTELSTAND, OrganisationKind.RESEARCH},
    Type.INVESTOR: {OrganisationKind.STARTUP},
    Type.CORPORATE: {OrganisationKind.STARTUP, OrganisationKind.RESEARCH},
    Type.SCIENCE: {OrganisationKind.STARTUP, OrganisationKind.CORPORATE, OrganisationKind.MITTELSTAND},
    Type.ADMINISTRATION: {OrganisationKind.STARTUP, OrganisationKind.CORPORATE, OrganisationKind.MITTELSTAND, OrganisationKind.RESEARCH, OrganisationKind.ASSOCIATION},
    Type.OTHER: set(OrganisationKind.values),
}  # fmt: skip


# A need inside a sentence ("you look for customers").
NEED_PHRASES = {
    Need.FUNDING: gettext_lazy("funding"),
    Need.CUSTOMERS: gettext_lazy("customers"),
    Need.PARTNERS: gettext_lazy("partners"),
    Need.TALENT: gettext_lazy("talent"),
}


@dataclass
class Suggestion:
    """A person (`profile`) or an organisation, with its score and the reasons in words."""

    score: int
    reasons: list[str] = field(default_factory=list)
    profile: Profile | None = None
    organisation: Organisation | None = None


@dataclass
class Matches:
    people: list[Suggestion]
    organisations: list[Suggestion]
    switched_off: bool = False
    has_profile: bool = True


def viewer_profile(user) -> Profile | None:
    return Profile.objects.for_cards().filter(user=user).first()


def matches_for(user, *, people: int, organisations: int) -> Matches:
    """The best `people` people and `organisations` organisations for `user`, best first."""
    return matches_of(viewer_profile(user), user, people=people, organisations=organisations)


def matches_of(viewer: Profile | None, user, *, people: int, organisations: int) -> Matches:
    """As matches_for, with the user's profile read already (Profile.objects.for_cards())."""
    if viewer is None:
        return Matches([], [], has_profile=False)
    if not viewer.matchmaking:
        return Matches([], [], switched_off=True)
    return Matches(
        people=suggested_people(viewer, user, limit=people) if people else [],
        organisations=suggested_organisations(viewer, user, limit=organisations) if organisations else [],
    )


def counterpart_types(viewer: Profile) -> set[str]:
    if viewer.is_founder and viewer.need_codes:
        return set().union(*(OFFERS_FOR_NEED[Need(code)] for code in viewer.need_codes))
    return COUNTERPARTS[Type(viewer.member_type)]


def fit_condition(viewer: Profile) -> Q:
    """What makes a candidate fit the viewer beyond sharing themes, as a database condition
    (subqueries rather than joins, so that each candidate stays one row)."""
    needs = set(viewer.need_codes or ())
    if viewer.is_founder:
        condition = (
            Q(member_type=Type.CORPORATE, offers_pilots=True)
            if needs & {Need.CUSTOMERS, Need.PARTNERS}
            else Q(pk=None)
        )
        if Need.FUNDING in needs:
            invests_at_stage = Exists(
                Profile.investment_stages.through.objects.filter(
                    profile=OuterRef("pk"), investmentstage=viewer.startup_stage
                )
            )
            condition |= Q(member_type=Type.INVESTOR) & (Q(invests_at_stage) if viewer.startup_stage else Q())
        if needs & {Need.PARTNERS, Need.TALENT}:
            condition |= Q(member_type=Type.SCIENCE) & ~Q(research_field="")
        return condition
    founders_needing = {
        Type.INVESTOR: [Need.FUNDING],
        Type.CORPORATE: [Need.CUSTOMERS, Need.PARTNERS] if viewer.offers_pilots else [Need.PARTNERS],
        Type.SCIENCE: [Need.PARTNERS, Need.TALENT],
    }.get(viewer.member_type)
    if not founders_needing:
        return Q(pk=None)
    condition = Q(member_type=Type.FOUNDER) & Q(
        Exists(
            Profile.looking_for.through.objects.filter(
                profile=OuterRef("pk"), founderneed__in=founders_needing
            )
        )
    )
    if viewer.is_investor and viewer.stage_codes:
        condition &= Q(startup_stage__in=viewer.stage_codes)
    return condition


def already_asked(user) -> set[int]:
    """The members `user` has asked or been asked about, unless the request came to nothing
    before the other side was involved (declined by the hub, expired, withdrawn)."""
    pairs = (
        Introduction.objects.filter(Q(requester=user) | Q(recipient=user))
        .exclude(
            status__in=[
                Introduction.Status.DECLINED_BY_HUB,
                Introduction.Status.EXPIRED,
                Introduction.Status.WITHDRAWN,
            ]
        )
        .values_list("requester_id", "recipient_id")
    )
    return {pk for pair in pairs for pk in pair if pk is not None} - {user.pk}


def candidates(viewer: Profile, user, *, asked: set[int]):
    """The profiles that may be suggested to `user` at all."""
    return (
        visible_profiles(user)
        .filter(matchmaking=True, member_type__in=counterpart_types(viewer))
        .exclude(user=user)
        .exclude(user__in=asked)
        .exclude(
            pk__in=HiddenSuggestion.objects.filter(user=user, profile__isnull=False).values("profile_id")
        )
    )


def suggested_people(viewer: Profile, user, *, limit: int) -> list[Suggestion]:
    asked = already_asked(user)
    # Who was hidden or asked meanwhile, or can no longer be seen, drops out here.
    profiles = (
        candidates(viewer, user, asked=asked).for_cards().filter(pk__in=shortlist(viewer, user, asked=asked))
    )
    scored = [score_person(viewer, profile) for profile in profiles]
    scored = [suggestion for suggestion in scored if suggestion is not None and suggestion.reasons]
    scored.sort(
        key=lambda suggestion: (-suggestion.score, suggestion.profile.display_name, suggestion.profile.pk)
    )
    return scored[:limit]


def shortlist(viewer: Profile, user, *, asked: set[int]) -> list[int]:
    """The candidates worth scoring, best first by fit and shared themes, and from the
    viewer's hubs: the costly step, kept for SHORTLIST_SECONDS while what the viewer says of
    themselves stays the same (forget_shortlist drops it when they hide or ask somebody)."""
    facts = [
        viewer.member_type, viewer.startup_stage, viewer.offers_pilots,
        *[sorted(getattr(viewer, name) or ()) for name in ("theme_ids", "hub_ids", "need_codes", "stage_codes")],
    ]  # fmt: skip
    fingerprint = hashlib.sha256(repr(facts).encode()).hexdigest()
    kept = cache.get(shortlist_key(user))
    if kept and kept[0] == fingerprint:
        return kept[1]
    found = shortlist_from_database(viewer, user, asked=asked)
    cache.set(shortlist_key(user), (fingerprint, found), SHORTLIST_SECONDS)
    return found


def shortlist_key(user) -> str:
    return f"introductions:shortlist:{user.pk}"


def forget_shortlist(user) -> None:
    cache.delete(shortlist_key(user))


def shortlist_from_database(viewer: Profile, user, *, asked: set[int]) -> list[int]:
    themes = list(viewer.theme_ids or ())
    hubs = list(viewer.hub_ids or ())
    fit = Case(When(fit_condition(viewer), then=Value(1)), default=Value(0), output_field=IntegerField())
    found = set()
    if themes:
        found |= set(
            candidates(viewer, user, asked=asked)
            .filter(focus_themes__in=themes)
            .annotate(shared=Count("focus_themes", distinct=True), fit=fit)
            .order_by("-fit", "-shared", "-updated", "pk")
            .values_list("pk", flat=True)[:CANDIDATES_BY_THEME]
        )
    if hubs:
        found |= set(
            candidates(viewer, user, asked=asked)
            .filter(Exists(Membership.objects.filter(user=OuterRef("user"), hub__in=hubs)))
            .annotate(fit=fit)
            .order_by("-fit", "-updated", "pk")
            .values_list("pk", flat=True)[:CANDIDATES_BY_HUB]
        )
    if not themes and not hubs:
        found |= set(
            candidates(viewer, user, asked=asked)
            .annotate(fit=fit)
            .order_by("-fit", "-updated", "pk")
            .values_list("pk", flat=True)[:CANDIDATES_BY_HUB]
        )
    return sorted(found)


def names(items) -> str:
    return ", ".join(str(item.name) for item in items)


def stage_label(code: str) -> str:
    return str(Stage(code).label)


def euros(amount: int) -> str:
    return f"{number_format(amount, force_grouping=True)} €"


@dataclass(frozen=True)
class Pair:
    """Two members a pairing brings together: `lead` (e.g. the founder) and `partner`."""

    lead: Profile
    partner: Profile
    need: str | None  # what the lead looks for that the partner offers
    shared_themes: list

    @cached_property
    def values(self) -> dict:
        """What the sentences name (made once for the pair, whichever rules read it)."""
        stage = self.lead.startup_stage
        return {
            "stage": stage_label(stage) if stage else "",
            "themes": names(self.shared_themes),
            "need": NEED_PHRASES[self.need] if self.need else "",
            "field": self.partner.research_field or names(self.shared_themes),
            "sought": euros(self.lead.funding_sought or 0),
            "high": euros(self.partner.ticket_max or self.lead.funding_sought or 0),
        }

    def with_themes(self, with_themes, without) -> str:
        return (with_themes if self.shared_themes else without) % self.values


@dataclass(frozen=True)
class Reason:
    """What one side reads, and the points it gives."""

    points: int
    text: object  # Pair -> str


@dataclass(frozen=True)
class Rule:
    """One way two members fit: when it holds, and what the lead and the partner each read
    (None: that side is not told, and it scores nothing for them)."""

    holds: object  # Pair -> bool
    lead: Reason | None
    partner: Reason | None


@dataclass(frozen=True)
class Pairing:
    """Member types that complement each other: a `lead` of one type who looks for one of
    `needs` (any, when none are named) and a `partner` of another. Of each group of rules the
    first that holds counts."""

    lead: str
    partner: str
    needs: tuple = ()
    groups: tuple = ()
    tells_themes: bool = False  # its sentences name the shared themes

    def need_of(self, lead: Profile) -> str | None:
        """The first of `needs` the lead looks for; None when the pairing does not apply."""
        stated = set(lead.need_codes or ())
        return next((need for need in self.needs if need in stated), None)

    def applies(self, lead: Profile, partner: Profile) -> bool:
        return (
            lead.member_type == self.lead
            and partner.member_type == self.partner
            and (not self.needs or self.need_of(lead) is not None)
        )


def stage_wanted(pair: Pair) -> bool:
    stage = pair.lead.startup_stage
    return bool(stage) and stage in (pair.partner.stage_codes or ())


def ticket_fits(pair: Pair) -> bool:
    sought, low, high = pair.lead.funding_sought, pair.partner.ticket_min, pair.partner.ticket_max
    return bool(sought and (low or high) and (low or 0) <= sought <= (high or sought))


def always(pair: Pair) -> bool:
    return True


PAIRINGS = [
    Pairing(
        lead=Type.FOUNDER,
        partner=Type.INVESTOR,
        needs=(Need.FUNDING,),
        tells_themes=True,
        groups=(
            (
                Rule(
                    stage_wanted,
                    lead=Reason(
                        5,
                        lambda pair: pair.with_themes(
                            _("Invests at %(stage)s stage in %(themes)s; you look for %(stage)s funding"),
                            _("Invests at %(stage)s stage; you look for %(stage)s funding"),
                        ),
                    ),
                    partner=Reason(
                        5,
                        lambda pair: pair.with_themes(
                            _("Looks for %(stage)s funding in %(themes)s; you invest at this stage"),
                            _("Looks for %(stage)s funding; you invest at this stage"),
                        ),
                    ),
                ),
                Rule(
                    always,
                    lead=Reason(
                        2,
                        lambda pair: pair.with_themes(
                            _("Invests in %(themes)s; you look for funding"),
                            _("An investor; you look for funding"),
                        ),
                    ),
                    partner=Reason(
                        2,
                        lambda pair: pair.with_themes(
                            _("Looks for funding in %(themes)s"), _("Looks for funding")
                        ),
                    ),
                ),
            ),
            (
                Rule(
                    ticket_fits,
                    lead=Reason(
                        2, lambda pair: _("Tickets up to %(high)s fit the %(sought)s you seek") % pair.values
                    ),
                    partner=Reason(2, lambda pair: _("Seeks %(sought)s, within your tickets") % pair.values),
                ),
            ),
        ),
    ),
    Pairing(
        lead=Type.FOUNDER,
        partner=Type.CORPORATE,
        needs=(Need.CUSTOMERS, Need.PARTNERS),
        groups=(
            (
                Rule(
                    lambda pair: pair.partner.offers_pilots,
                    lead=Reason(
                        4,
                        lambda pair: (
                            _("Runs pilot projects with start-ups; you look for %(need)s") % pair.values
                        ),
                    ),
                    partner=Reason(
                        4,
                        lambda pair: (
                            _("Looks for %(need)s; you run pilot projects with start-ups") % pair.values
                        ),
                    ),
                ),
                Rule(
                    always,
                    lead=Reason(
                        1,
                        lambda pair: (
                            _("A possible partner from industry; you look for %(need)s") % pair.values
                        ),
                    ),
                    partner=None,
                ),
            ),
        ),
    ),
    Pairing(
        lead=Type.FOUNDER,
        partner=Type.SCIENCE,
        needs=(Need.PARTNERS, Need.TALENT),
        groups=(
            (
                Rule(
                    lambda pair: bool(pair.values["field"]),
                    lead=Reason(
                        3, lambda pair: _("Researches %(field)s; you look for %(need)s") % pair.values
                    ),
                    partner=Reason(3, lambda pair: _("Looks for %(need)s in research") % pair.values),
                ),
                Rule(
                    always,
                    lead=Reason(1, lambda pair: _("Works in research; you look for %(need)s") % pair.values),
                    partner=Reason(3, lambda pair: _("Looks for %(need)s in research") % pair.values),
                ),
            ),
        ),
    ),
    Pairing(
        lead=Type.CORPORATE,
        partner=Type.SCIENCE,
        groups=(
            (
                Rule(
                    lambda pair: bool(pair.partner.research_field),
                    lead=Reason(2, lambda pair: _("Research partner: %(field)s") % pair.values),
                    partner=None,
                ),
            ),
            (
                Rule(
                    lambda pair: pair.lead.offers_pilots,
                    lead=None,
                    partner=Reason(2, lambda pair: _("Runs pilot projects, also with research")),
                ),
            ),
        ),
    ),
]


def complementary_reasons(
    viewer: Profile, other: Profile, shared_themes
) -> tuple[list[Reason], Pair | None, bool]:
    """The reasons the first pairing of the two gives `viewer`, the pair they speak of, and
    whether they named the shared themes."""
    for pairing in PAIRINGS:
        for lead, partner in ((viewer, other), (other, viewer)):
            if not pairing.applies(lead, partner):
                continue
            pair = Pair(lead, partner, need=pairing.need_of(lead), shared_themes=shared_themes)
            reasons = []
            for group in pairing.groups:
                rule = next((rule for rule in group if rule.holds(pair)), None)
                side = None if rule is None else rule.lead if viewer is lead else rule.partner
                if side is not None:
                    reasons.append(side)
            return reasons, pair, pairing.tells_themes and bool(shared_themes)
    return [], None, False


def score_person(viewer: Profile, other: Profile) -> Suggestion | None:
    """How well `other` fits `viewer`, and why; None when they share no working language.
    Complementarity first (PAIRINGS), then shared themes, hubs, a language other than German
    and the city."""
    viewer_languages, other_languages = set(viewer.language_codes or ()), set(other.language_codes or ())
    if viewer_languages and other_languages and not viewer_languages & other_languages:
        return None
    suggestion = Suggestion(score=0, profile=other)
    shared_themes = network().themes_named(set(viewer.theme_ids or ()) & set(other.theme_ids or ()))
    reasons, pair, themes_told = complementary_reasons(viewer, other, shared_themes)
    for reason in reasons:
        suggestion.score += reason.points
        suggestion.reasons.append(str(reason.text(pair)))
    if shared_themes:
        suggestion.score += 2 * len(shared_themes)
        if not themes_told:
            suggestion.reasons.append(
                _("You share interest in %(themes)s") % {"themes": names(shared_themes)}
            )
    shared_hubs = network().hubs_named(set(viewer.hub_ids or ()) & set(other.hub_ids or ()))
    if shared_hubs:
        suggestion.score += 2 * len(shared_hubs)
        suggestion.reasons.append(_("Both in the hub %(hubs)s") % {"hubs": names(shared_hubs)})
    foreign = sorted(viewer_languages & other_languages - {WorkLanguage.GERMAN})
    if foreign:
        suggestion.score += 1
        suggestion.reasons.append(
            _("You both work in %(languages)s")
            % {"languages": ", ".join(str(WorkLanguage(code).label) for code in foreign)}
        )
    if viewer.city and other.city and viewer.city.casefold() == other.city.casefold():
        suggestion.score += 1
        suggestion.reasons.append(_("Also in %(city)s") % {"city": other.city})
    return suggestion


def suggested_organisations(viewer: Profile, user, *, limit: int) -> list[Suggestion]:
    """Published organisations of the kinds that complement the viewer, sharing a sector with
    them, those partnering the viewer's hubs first; never the viewer's own."""
    themes = list(viewer.theme_ids or ())
    if not themes:
        return []
    hubs = list(viewer.hub_ids or ())
    organisations = (
        Organisation.objects.published()
        .filter(kind__in=ORGANISATION_KINDS[Type(viewer.member_type)], focus_themes__in=themes)
        .exclude(
            pk__in=HiddenSuggestion.objects.filter(user=user, organisation__isnull=False).values(
                "organisation_id"
            )
        )
        .exclude(pk__in=Affiliation.objects.filter(user=user).values("organisation_id"))
        .annotate(
            shared=Count("focus_themes", distinct=True),
            partner_of_mine=Exists(Partnership.objects.filter(organisation=OuterRef("pk"), hub__in=hubs)),
        )
        .order_by("-partner_of_mine", "-shared", "name", "pk")
    )
    top = list(organisations.values_list("pk", flat=True)[:limit])
    by_pk = {
        organisation.pk: organisation for organisation in Organisation.objects.for_cards().filter(pk__in=top)
    }
    return [explain_organisation(viewer, by_pk[pk]) for pk in top if pk in by_pk]


def explain_organisation(viewer: Profile, organisation: Organisation) -> Suggestion:
    suggestion = Suggestion(score=0, organisation=organisation)
    shared_themes = network().themes_named(set(viewer.theme_ids or ()) & set(organisation.theme_ids or ()))
    needs = set(viewer.need_codes or ())
    kind = organisation.get_kind_display()
    if viewer.is_founder and organisation.kind == OrganisationKind.INVESTOR and Need.FUNDING in needs:
        text = _("%(kind)s in %(themes)s; you look for funding")
    elif (
        viewer.is_founder
        and organisation.kind in (OrganisationKind.CORPORATE, OrganisationKind.MITTELSTAND)
        and needs & {Need.CUSTOMERS, Need.PARTNERS}
    ):
        text = _("%(kind)s in %(themes)s; you look for customers and partners")
    elif (
        viewer.is_founder
        and organisation.kind == OrganisationKind.RESEARCH
        and needs & {Need.PARTNERS, Need.TALENT}
    ):
        text = _("%(kind)s in %(themes)s; you look for partners and talent")
    else:
        text = _("%(kind)s in %(themes)s, like you")
    suggestion.reasons.append(text % {"kind": kind, "themes": names(shared_themes)})
    suggestion.score = 2 * len(shared_themes)
    partner_hubs = network().hubs_named(set(viewer.hub_ids or ()) & set(organisation.partner_hub_ids or ()))
    if partner_hubs:
        suggestion.score += 2
        suggestion.reasons.append(_("Partner of your hub %(hubs)s") % {"hubs": names(partner_hubs)})
    return suggestion
