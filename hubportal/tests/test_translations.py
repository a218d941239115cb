"""Every UI string has a German translation, and the compiled catalogue is up to date."""

import gettext
from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES"
CATALOGUES = [Path(path) / "de" / "LC_MESSAGES" for path in settings.LOCALE_PATHS]


def test_every_string_is_translated_to_german():
    catalogue = polib.pofile(str(CATALOGUE / "django.po"))

    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


@pytest.mark.parametrize("directory", CATALOGUES, ids=lambda directory: directory.parent.parent.name)
def test_compiled_catalogues_match_their_source(directory):
    catalogue = polib.pofile(str(directory / "django.po"))
    with open(directory / "django.mo", "rb") as compiled_file:
        compiled = gettext.GNUTranslations(compiled_file)

    stale = [
        entry.msgid
        for entry in catalogue.translated_entries()
        if not entry.msgid_plural and not entry.msgctxt and compiled.gettext(entry.msgid) != entry.msgstr
    ]
    assert stale == [], "run `make compilemessages`"


def test_account_pages_address_members_formally(client):
    from django.urls import reverse

    content = client.get(reverse("account_signup")).content.decode()

    assert "Sie haben schon ein Konto?" in content
    assert "Du hast" not in content
