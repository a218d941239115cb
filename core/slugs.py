"""Addresses (slugs) for what members create: profiles and events."""

import secrets

from django.utils.text import slugify


def unique_slug(model, text: str, *, fallback: str, length: int = 60) -> str:
    """A lasting address for a new `model` row: the text plus a random part, so that it reveals
    neither how many namesakes there are nor the order in which they were made."""
    while True:
        slug = f"{slugify(text)[:length] or fallback}-{secrets.token_hex(3)}"
        if not model._default_manager.filter(slug=slug).exists():
            return slug
