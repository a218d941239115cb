"""Reviewing what members submit (events, proposed organisations), alike in every app: each
item through the app's service, a refused one a message rather than an error page, and in the
admin a rejection that first asks for the reason the member will read."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse


def review_each(request, items, *, review, refused: type[Exception]) -> int:
    """Call `review(item)` for each item; a `refused` one tells the moderator why. Returns how
    many were reviewed."""
    done = 0
    for item in items:
        try:
            review(item)
        except refused as error:
            messages.error(request, f"{item}: {error}")
        else:
            done += 1
    return done


def review_actions(name: str, review, *, form_class, publish: str, reject: str, title: str, intro: str):
    """The admin's two actions on what members submit, `publish_<name>` and `reject_<name>`:
    `review(request, queryset, publish=…, reason=…)` (the app's, through its services), the
    rejection after asking for the reason (`form_class`) the members will read."""

    def publish_selected(modeladmin, request, queryset):
        review(request, queryset, publish=True)

    def reject_selected(modeladmin, request, queryset):
        return reject_with_reason(
            modeladmin,
            request,
            queryset,
            form_class=form_class,
            reject=lambda reason: review(request, queryset, publish=False, reason=reason),
            title=title,
            intro=intro,
        )

    publish_selected.__name__ = f"publish_{name}"
    reject_selected.__name__ = f"reject_{name}"
    return admin.action(description=publish)(publish_selected), admin.action(description=reject)(
        reject_selected
    )


def reject_with_reason(modeladmin, request, queryset, *, form_class, reject, title: str, intro: str):
    """An admin action's two steps: ask for the reason (`form_class`), then `reject(reason)`."""
    form = form_class(request.POST if "apply" in request.POST else None)
    if form.is_bound and form.is_valid():
        reject(form.cleaned_data["reason"])
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "intro": intro,
        "objects": queryset.select_related("hub"),
        "form": form,
        "opts": modeladmin.model._meta,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "action": request.POST.get("action", ""),
    }
    return TemplateResponse(request, "admin/reject_with_reason.html", context)
