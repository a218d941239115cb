"""The digital hub network as the ministry selected it: the data `manage.py seed_hubs` loads."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ThemeData:
    slug: str
    name_de: str
    name_en: str
    description_de: str
    description_en: str


@dataclass(frozen=True)
class CityData:
    name_de: str
    name_en: str
    state: str
    latitude: str
    longitude: str


@dataclass(frozen=True)
class HubData:
    slug: str
    name_de: str
    name_en: str
    selected_in: int
    cities: list[CityData]
    # Theme slugs; a (slug, city name) pair ties a theme to one of the hub's cities.
    themes: list[str | tuple[str, str]]
    tagline_de: str
    tagline_en: str
    description_de: str
    description_en: str


THEMES = [
    ThemeData(
        "internet-of-things",
        "Internet of Things",
        "Internet of Things",
        "Vernetzte Geräte, Sensorik und die Plattformen, die ihre Daten nutzbar machen.",
        "Connected devices, sensors and the platforms that make their data useful.",
    ),
    ThemeData(
        "fintech",
        "FinTech",
        "FinTech",
        "Digitale Finanzdienstleistungen: Zahlungsverkehr, Banking, Investment und Regulierung.",
        "Digital financial services: payments, banking, investment and regulation.",
    ),
    ThemeData(
        "cyber-security",
        "Cyber Security",
        "Cyber Security",
        "Sichere Systeme und Netze, Kryptografie und der Schutz kritischer Infrastrukturen.",
        "Secure systems and networks, cryptography and the protection of critical infrastructure.",
    ),
    ThemeData(
        "logistics",
        "Logistik",
        "Logistics",
        "Digitale Lieferketten, Häfen, Lagerhaltung und der Transport von morgen.",
        "Digital supply chains, ports, warehousing and tomorrow's transport.",
    ),
    ThemeData(
        "mobility",
        "Mobilität",
        "Mobility",
        "Vernetzte, automatisierte und emissionsarme Mobilität in Stadt und Land.",
        "Connected, automated and low-emission mobility in cities and the countryside.",
    ),
    ThemeData(
        "insurtech",
        "InsurTech",
        "InsurTech",
        "Neue Versicherungsprodukte, digitale Schadenabwicklung und datenbasierte Risikomodelle.",
        "New insurance products, digital claims handling and data-driven risk models.",
    ),
    ThemeData(
        "smart-systems",
        "Smart Systems",
        "Smart Systems",
        "Mikroelektronik, eingebettete Systeme und intelligente Software für die Industrie.",
        "Microelectronics, embedded systems and intelligent software for industry.",
    ),
    ThemeData(
        "smart-infrastructure",
        "Smart Infrastructure",
        "Smart Infrastructure",
        "Digitale Energie-, Verkehrs- und Stadtinfrastrukturen.",
        "Digital infrastructure for energy, transport and cities.",
    ),
    ThemeData(
        "applied-ai",
        "Angewandte KI",
        "Applied AI",
        "Künstliche Intelligenz, die im Unternehmen ankommt: vom Prototyp zum Produkt.",
        "Artificial intelligence that reaches the business: from prototype to product.",
    ),
    ThemeData(
        "future-industries",
        "Future Industries",
        "Future Industries",
        "Industrie 4.0, Produktion und Maschinenbau im digitalen Wandel.",
        "Industry 4.0, manufacturing and mechanical engineering in the digital transformation.",
    ),
    ThemeData(
        "digital-chemistry",
        "Digitale Chemie",
        "Digital Chemistry",
        "Daten, Simulation und Automatisierung für die chemische Industrie.",
        "Data, simulation and automation for the chemical industry.",
    ),
    ThemeData(
        "digital-health",
        "Digitale Gesundheit",
        "Digital Health",
        "Medizintechnik, digitale Versorgung und Gesundheitsdaten.",
        "Medical technology, digital care and health data.",
    ),
    ThemeData(
        "mediatech",
        "MediaTech",
        "MediaTech",
        "Film, Games, Journalismus und neue Medienformate.",
        "Film, games, journalism and new media formats.",
    ),
]


def city(name_de, state, latitude, longitude, name_en=None):
    return CityData(name_de, name_en or name_de, state, latitude, longitude)


HUBS = [
    HubData(
        slug="berlin",
        name_de="Berlin",
        name_en="Berlin",
        selected_in=2016,
        cities=[city("Berlin", "BE", "52.52000", "13.40500")],
        themes=["internet-of-things", "fintech"],
        tagline_de="Internet of Things und FinTech in der Hauptstadt",
        tagline_en="Internet of Things and FinTech in the capital",
        description_de=(
            "Berlin verbindet die größte Start-up-Szene Deutschlands mit Industrie, Banken und "
            "Forschung. Der Hub bringt Gründerinnen und Gründer mit etablierten Unternehmen "
            "zusammen, die vernetzte Produkte und digitale Finanzdienste entwickeln wollen."
        ),
        description_en=(
            "Berlin connects Germany's largest start-up scene with industry, banks and research. "
            "The hub brings founders together with established companies that want to build "
            "connected products and digital financial services."
        ),
    ),
    HubData(
        slug="frankfurt-darmstadt",
        name_de="Frankfurt/Darmstadt",
        name_en="Frankfurt/Darmstadt",
        selected_in=2016,
        cities=[
            city("Frankfurt am Main", "HE", "50.11000", "8.68200"),
            city("Darmstadt", "HE", "49.87300", "8.65100"),
        ],
        themes=["fintech", ("cyber-security", "Darmstadt")],
        tagline_de="FinTech am Finanzplatz, Cyber Security in Darmstadt",
        tagline_en="FinTech at the financial centre, cyber security in Darmstadt",
        description_de=(
            "Am Finanzplatz Frankfurt arbeiten Banken, Börse, Aufsicht und FinTechs an den "
            "Finanzdiensten von morgen. Darmstadt ergänzt den Hub mit seiner "
            "Sicherheitsforschung um das Thema Cyber Security."
        ),
        description_en=(
            "At the Frankfurt financial centre, banks, the stock exchange, supervisors and "
            "fintechs work on tomorrow's financial services. Darmstadt adds cyber security, "
            "drawing on its security research."
        ),
    ),
    HubData(
        slug="hamburg",
        name_de="Hamburg",
        name_en="Hamburg",
        selected_in=2016,
        cities=[city("Hamburg", "HH", "53.55100", "9.99400")],
        themes=["logistics"],
        tagline_de="Digitale Logistik am Tor zur Welt",
        tagline_en="Digital logistics at the gateway to the world",
        description_de=(
            "Rund um einen der größten Häfen Europas entwickelt der Hub Hamburg mit Reedereien, "
            "Spediteuren, Hafenwirtschaft und Start-ups digitale Lösungen für Lieferketten."
        ),
        description_en=(
            "Around one of Europe's largest ports, the Hamburg hub works with shipping lines, "
            "forwarders, the port economy and start-ups on digital supply chains."
        ),
    ),
    HubData(
        slug="dortmund",
        name_de="Dortmund",
        name_en="Dortmund",
        selected_in=2016,
        cities=[city("Dortmund", "NW", "51.51400", "7.46800")],
        themes=["logistics"],
        tagline_de="Logistik aus dem Herzen des Ruhrgebiets",
        tagline_en="Logistics from the heart of the Ruhr",
        description_de=(
            "Dortmund bündelt Logistikforschung, Mittelstand und Gründungen. Im Hub entstehen "
            "gemeinsam mit Anwendern neue Ansätze für Intralogistik, Plattformen und Transport."
        ),
        description_en=(
            "Dortmund combines logistics research, the Mittelstand and new ventures. Together "
            "with users, the hub develops new approaches to intralogistics, platforms and "
            "transport."
        ),
    ),
    HubData(
        slug="muenchen",
        name_de="München",
        name_en="Munich",
        selected_in=2016,
        cities=[city("München", "BY", "48.13700", "11.57500", name_en="Munich")],
        themes=["mobility", "insurtech"],
        tagline_de="Mobilität und InsurTech in Bayerns Hauptstadt",
        tagline_en="Mobility and InsurTech in Bavaria's capital",
        description_de=(
            "Automobilhersteller, Zulieferer, Versicherer und Hochschulen machen München zum "
            "Standort für die Mobilität der Zukunft und für digitale Versicherungen."
        ),
        description_en=(
            "Car makers, suppliers, insurers and universities make Munich the place for the "
            "mobility of the future and for digital insurance."
        ),
    ),
    HubData(
        slug="koeln",
        name_de="Köln",
        name_en="Cologne",
        selected_in=2017,
        cities=[city("Köln", "NW", "50.93800", "6.96000", name_en="Cologne")],
        themes=["insurtech"],
        tagline_de="Die Versicherungshauptstadt wird digital",
        tagline_en="Germany's insurance capital goes digital",
        description_de=(
            "Köln ist einer der wichtigsten Versicherungsstandorte Europas. Der Hub verbindet "
            "Versicherer mit Start-ups, die Produkte, Vertrieb und Schadenbearbeitung neu denken."
        ),
        description_en=(
            "Cologne is one of Europe's leading insurance locations. The hub connects insurers "
            "with start-ups that rethink products, distribution and claims."
        ),
    ),
    HubData(
        slug="dresden-leipzig",
        name_de="Dresden/Leipzig",
        name_en="Dresden/Leipzig",
        selected_in=2017,
        cities=[
            city("Dresden", "SN", "51.05000", "13.73800"),
            city("Leipzig", "SN", "51.34000", "12.37500"),
        ],
        themes=["smart-systems", "smart-infrastructure"],
        tagline_de="Smart Systems und Smart Infrastructure aus Sachsen",
        tagline_en="Smart systems and smart infrastructure from Saxony",
        description_de=(
            "Dresden steht für Mikroelektronik und Software, Leipzig für Energie und "
            "Infrastruktur. Gemeinsam arbeiten sie an intelligenten Systemen und der "
            "Infrastruktur, die sie vernetzt."
        ),
        description_en=(
            "Dresden stands for microelectronics and software, Leipzig for energy and "
            "infrastructure. Together they work on smart systems and the infrastructure "
            "that connects them."
        ),
    ),
    HubData(
        slug="karlsruhe",
        name_de="Karlsruhe",
        name_en="Karlsruhe",
        selected_in=2017,
        cities=[city("Karlsruhe", "BW", "49.00700", "8.40400")],
        themes=["applied-ai"],
        tagline_de="Angewandte Künstliche Intelligenz",
        tagline_en="Applied artificial intelligence",
        description_de=(
            "Karlsruhe verbindet starke Informatikforschung mit einer lebendigen IT-Wirtschaft. "
            "Der Hub hilft Unternehmen, Künstliche Intelligenz in Produkte und Prozesse zu bringen."
        ),
        description_en=(
            "Karlsruhe combines strong computer science research with a lively IT industry. "
            "The hub helps companies bring artificial intelligence into products and processes."
        ),
    ),
    HubData(
        slug="stuttgart",
        name_de="Stuttgart",
        name_en="Stuttgart",
        selected_in=2017,
        cities=[city("Stuttgart", "BW", "48.77600", "9.18300")],
        themes=["future-industries"],
        tagline_de="Die Industrie der Zukunft",
        tagline_en="The industries of the future",
        description_de=(
            "Maschinenbau, Automobilindustrie und Forschung prägen die Region Stuttgart. Der Hub "
            "bringt digitale Geschäftsmodelle und Industrie 4.0 in den industriellen Mittelstand."
        ),
        description_en=(
            "Mechanical engineering, the automotive industry and research shape the Stuttgart "
            "region. The hub brings digital business models and Industry 4.0 to industrial SMEs."
        ),
    ),
    HubData(
        slug="ludwigshafen-mannheim",
        name_de="Ludwigshafen/Mannheim",
        name_en="Ludwigshafen/Mannheim",
        selected_in=2017,
        cities=[
            city("Ludwigshafen am Rhein", "RP", "49.47700", "8.44500"),
            city("Mannheim", "BW", "49.48700", "8.46600"),
        ],
        themes=["digital-chemistry", "digital-health"],
        tagline_de="Digitale Chemie und Digitale Gesundheit an Rhein und Neckar",
        tagline_en="Digital chemistry and digital health on the Rhine and Neckar",
        description_de=(
            "Die Metropolregion Rhein-Neckar vereint große Chemieunternehmen, Kliniken und "
            "Medizintechnik. Der Hub über zwei Länder hinweg treibt die Digitalisierung von "
            "Chemie und Gesundheitswesen voran."
        ),
        description_en=(
            "The Rhine-Neckar metropolitan region brings together major chemical companies, "
            "hospitals and medical technology. Spanning two states, the hub drives the "
            "digitalisation of chemistry and health care."
        ),
    ),
    HubData(
        slug="potsdam",
        name_de="Potsdam",
        name_en="Potsdam",
        selected_in=2017,
        cities=[city("Potsdam", "BB", "52.39100", "13.06500")],
        themes=["mediatech"],
        tagline_de="MediaTech am Filmstandort Babelsberg",
        tagline_en="MediaTech at the Babelsberg film location",
        description_de=(
            "Filmstudios, Hochschulen und Medienunternehmen machen Potsdam zum Standort für "
            "MediaTech: neue Formate, Produktionstechnik und digitale Distribution."
        ),
        description_en=(
            "Film studios, universities and media companies make Potsdam the place for "
            "MediaTech: new formats, production technology and digital distribution."
        ),
    ),
    HubData(
        slug="nuernberg-erlangen",
        name_de="Nürnberg/Erlangen",
        name_en="Nuremberg/Erlangen",
        selected_in=2017,
        cities=[
            city("Nürnberg", "BY", "49.45200", "11.07700", name_en="Nuremberg"),
            city("Erlangen", "BY", "49.59000", "11.00400"),
        ],
        themes=["digital-health"],
        tagline_de="Digitale Gesundheit in der Metropolregion Nürnberg",
        tagline_en="Digital health in the Nuremberg metropolitan region",
        description_de=(
            "Medizintechnik, Universitätsklinikum und Forschung machen Nürnberg und Erlangen zu "
            "einem Zentrum der digitalen Gesundheitswirtschaft."
        ),
        description_en=(
            "Medical technology, a university hospital and research make Nuremberg and "
            "Erlangen a centre of the digital health economy."
        ),
    ),
]
