"""What the parts of manage.py seed_scale share: the random numbers of one seed, one moment of
"now", the hubs and themes, the words fictitious data is made of, and writing rows in batches.

Each app fills its own tables at the network's size (`<app>/scale.py`); the command in hubportal
runs them in order. Rows are written with bulk_create, so signals do not run: each app fills its
stored counts at the end, in one statement each (`counted`)."""

import random
import sys
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

DOMAIN = "scale.example.org"
BATCH = 5000
FIRST_NAMES = [
    "Anna",
    "Ben",
    "Clara",
    "David",
    "Emma",
    "Felix",
    "Greta",
    "Hannah",
    "Ilias",
    "Jana",
    "Kemal",
    "Lena",
    "Mehmet",
    "Nora",
    "Oskar",
    "Paula",
    "Quentin",
    "Rosa",
    "Samir",
    "Tom",
    "Ute",
    "Vera",
    "Wim",
    "Xenia",
    "Yusuf",
    "Zoe",
]
LAST_NAMES = [
    "Albrecht",
    "Bauer",
    "Celik",
    "Dietrich",
    "Engel",
    "Fischer",
    "Günther",
    "Hartmann",
    "Iwanow",
    "Jung",
    "Krüger",
    "Lange",
    "Meyer",
    "Nowak",
    "Özdemir",
    "Peters",
    "Quast",
    "Richter",
    "Schmidt",
    "Thomas",
    "Ulrich",
    "Vogel",
    "Weber",
    "Yilmaz",
    "Zimmer",
]
WORDS = [
    "Daten",
    "Netz",
    "Labor",
    "Werk",
    "Wolke",
    "Stack",
    "Forge",
    "Pilot",
    "Kompass",
    "Brücke",
    "Signal",
    "Hafen",
    "Quelle",
    "Spur",
    "Welle",
]
CITIES = [
    "Berlin",
    "Hamburg",
    "München",
    "Köln",
    "Frankfurt",
    "Stuttgart",
    "Dortmund",
    "Dresden",
    "Leipzig",
    "Karlsruhe",
    "Mannheim",
    "Potsdam",
    "Nürnberg",
    "Erlangen",
    "Darmstadt",
]


@dataclass
class Scale:
    """One run of seed_scale: the same seed gives the same data."""

    random: random.Random
    now: datetime
    hubs: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    stdout: object = sys.stdout

    def write(self, label, model, rows, **options):
        """bulk_create `rows` in batches, with a progress bar."""
        total = len(rows)
        for offset in range(0, total, BATCH):
            model.objects.bulk_create(rows[offset : offset + BATCH], **options)
            done = min(offset + BATCH, total)
            bar = "#" * (30 * done // total)
            self.stdout.write(f"\r{label:<20} [{bar:<30}] {done}/{total}", ending="")
            self.stdout.flush()
        self.stdout.write("")
        if total == 0:
            self.stdout.write(f"{label:<20} none", ending="\n")
        sys.stdout.flush()


def counted(model, relation, **conditions):
    """The number of `model` rows whose `relation` is the outer row, for an update of a stored count."""
    rows = model.objects.filter(**{relation: OuterRef("pk")}, **conditions).values(relation)
    return Coalesce(Subquery(rows.annotate(number=Count("pk")).values("number")), 0)
