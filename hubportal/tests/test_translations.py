"""Every UI string has a German translation, and the compiled catalogue is up to date."""

import ast
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


EAGER_GETTEXT = {"gettext", "ngettext", "pgettext", "npgettext"}


def eager_translations_at_import(tree: ast.Module) -> list[int]:
    """The lines where a module calls a non-lazy gettext while it is imported (at module level,
    in a class body, a decorator or a default value): such a string is translated once, into
    whatever language the process had then, and every later visitor reads that language."""
    eager_names = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation"
        for alias in node.names
        if alias.name in EAGER_GETTEXT
    }
    lines = []

    def visit(node):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            evaluated_at_definition = [*node.decorator_list, *node.args.defaults, *node.args.kw_defaults]
            for child in filter(None, evaluated_at_definition):
                visit(child)
            return
        if isinstance(node, ast.Lambda):
            return
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in eager_names:
            lines.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return lines


def project_modules():
    for path in sorted(Path(settings.BASE_DIR).rglob("*.py")):
        relative = path.relative_to(settings.BASE_DIR)
        if relative.parts[0] in {".venv", "node_modules", "bench"} or "migrations" in relative.parts:
            continue
        if "tests" in relative.parts:
            continue
        yield relative


def test_no_module_translates_eagerly_at_import():
    found = {
        str(module): lines
        for module in project_modules()
        if (lines := eager_translations_at_import(ast.parse((settings.BASE_DIR / module).read_text())))
    }

    assert found == {}, "use gettext_lazy for strings made at import time"


def test_the_eager_translation_check_finds_what_it_must():
    source = """
from django.utils.translation import gettext as _, gettext_lazy
TABS = {"a": _("Awaiting review")}
LAZY = gettext_lazy("Fine")
class Form:
    label = _("In a class body")
def view(request, title=_("A default")):
    return _("Fine inside a function")
"""
    assert eager_translations_at_import(ast.parse(source)) == [3, 6, 7]
