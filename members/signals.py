from django.utils.translation import get_language

from hubportal.translation import active_language


def remember_language(sender, request, user, **kwargs):
    """user_logged_in: write to members in the language they use the portal in."""
    language = active_language() if get_language() else ""
    if language and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
