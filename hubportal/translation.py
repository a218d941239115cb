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


class TranslatedField:
    """Read `<name>_<active language>`, falling back to the German version when empty."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = getattr(instance, localized(self.name))
        return value or getattr(instance, f"{self.name}_{settings.LANGUAGE_CODE}")
