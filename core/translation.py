"""Content in German and English, stored as paired fields (`name_de`, `name_en`).

We chose paired fields over django-modeltranslation on purpose: both language
versions are ordinary, visible columns, so database constraints, migrations,
forms and the admin treat them like any other field, and nothing rewrites
queries behind the reader's back. `TranslatedField` gives templates one name
(`hub.name`) that reads the active language and falls back to German.
"""

from django.conf import settings
from django.utils.translation import get_language


def active_language() -> str:
    """The active language as one of settings.LANGUAGES, German if it is none of them."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    supported = {code for code, _name in settings.LANGUAGES}
    return language if language in supported else settings.LANGUAGE_CODE


def localized(field_name: str) -> str:
    """The column of `field_name` in the active language, e.g. for order_by()."""
    return f"{field_name}_{active_language()}"


def preference() -> list[str]:
    """The languages in the order a visitor would rather read them: theirs, German, the rest."""
    codes = [code for code, _name in settings.LANGUAGES]
    return list(dict.fromkeys([active_language(), settings.LANGUAGE_CODE, *codes]))


def shown_language(instance, field_name: str) -> str:
    """The language whose version of `field_name` a TranslatedField shows: the first filled
    one in the visitor's preference (the active language if none is)."""
    for language in preference():
        if getattr(instance, f"{field_name}_{language}"):
            return language
    return active_language()


class TranslatedField:
    """Read `<name>_<active language>`, falling back to German, then to any other filled version
    (content the agency writes always has German; members may write in English only)."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return getattr(instance, f"{self.name}_{shown_language(instance, self.name)}")

    def __set__(self, instance, value):
        raise AttributeError(f"{self.name} is read from its languages' fields: set {self.name}_de or _en.")


class ShownLanguage:
    """For a model whose `title` is a TranslatedField: in which language the visitor reads it,
    so that pages say so and mark it with `lang` (WCAG 3.1.2)."""

    @property
    def text_language(self) -> str:
        return shown_language(self, "title")

    @property
    def text_in_other_language(self) -> bool:
        return self.text_language != active_language()
