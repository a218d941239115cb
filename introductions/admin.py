"""The reviewers' desk in the admin: the requests of a manager's hubs (the agency's: all, and
alone those without a hub), to read, approve or decline in bulk and export; each request's
page on the site shows the two profiles side by side and takes every step."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.csv_export import csv_response
from core.moderation import reject_with_reason, review_each
from members.admin_scoping import AuditedAdmin, HubScopedAdmin

from . import services
from .forms import DeclineReasonForm
from .models import Introduction, Outcome


class OutcomeInline(admin.TabularInline):
    model = Outcome
    extra = 0
    fields = ["answer", "created"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return True  # the parent admin decides who sees the request


@admin.action(description=gettext_lazy("Approve the selected requests and ask the members"))
def approve_introductions(modeladmin, request, queryset):
    done = review_each(
        request,
        queryset,
        review=lambda introduction: services.approve_introduction(
            introduction=introduction, moderator=request.user
        ),
        refused=services.IntroductionError,
    )
    if done:
        message = ngettext(
            "%(count)s request approved; the member has been asked.",
            "%(count)s requests approved; the members have been asked.",
            done,
        )
        modeladmin.message_user(request, message % {"count": done})


@admin.action(description=gettext_lazy("Decline the selected requests, with a reason"))
def decline_introductions(modeladmin, request, queryset):
    def decline(reason):
        done = review_each(
            request,
            queryset,
            review=lambda introduction: services.decline_introduction(
                introduction=introduction, moderator=request.user, reason=reason
            ),
            refused=services.IntroductionError,
        )
        if done:
            message = ngettext(
                "%(count)s request declined; the member who asked has been told why.",
                "%(count)s requests declined; the members who asked have been told why.",
                done,
            )
            modeladmin.message_user(request, message % {"count": done})

    return reject_with_reason(
        modeladmin,
        request,
        queryset,
        form_class=DeclineReasonForm,
        reject=decline,
        title=_("Decline requests"),
        intro=_(
            "The members who asked receive the reason by email; the members they asked about are not told:"
        ),
    )


@admin.action(description=gettext_lazy("Export the selected requests as CSV"))
def export_introductions(modeladmin, request, queryset):
    header = [
        _("Requested"),
        _("Hub"),
        _("Requested by"),
        _("Introduction to"),
        _("Status"),
        _("Waiting since"),
    ]
    rows = (
        [
            introduction.created.date().isoformat(),
            introduction.hub.name_de if introduction.hub else _("Hub-Agency"),
            IntroductionAdmin.name_of(introduction.requester),
            IntroductionAdmin.name_of(introduction.recipient),
            introduction.get_status_display(),
            introduction.waiting_since.date().isoformat(),
        ]
        for introduction in queryset.with_people().order_by("created", "pk")
    )
    return csv_response(filename="introductions", header=header, rows=rows)


@admin.register(Introduction)
class IntroductionAdmin(HubScopedAdmin, AuditedAdmin):
    """Requests are made and answered on the site, through the services; here they are read,
    reviewed in bulk and exported."""

    list_display = [
        "created",
        "requested_by",
        "introduction_to",
        "hub",
        "status",
        "waiting_since",
        "on_the_site",
    ]
    list_filter = ["status", "hub"]
    search_fields = [
        "requester__profile__display_name",
        "recipient__profile__display_name",
        "requester__email",
        "recipient__email",
    ]
    date_hierarchy = "created"
    actions = [approve_introductions, decline_introductions, export_introductions]
    fields = [
        "requester", "recipient", "hub", "status", "note", "hub_message", "reviewed_by",
        "created", "waiting_since", "reminded", "approved", "answered", "outcome_asked",
    ]  # fmt: skip
    readonly_fields = fields
    inlines = [OutcomeInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_people()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @staticmethod
    def name_of(user) -> str:
        profile = getattr(user, "profile", None) if user else None
        return profile.display_name if profile else _("(deleted)")

    @admin.display(description=gettext_lazy("requested by"), ordering="requester__profile__display_name")
    def requested_by(self, introduction):
        return self.name_of(introduction.requester)

    @admin.display(description=gettext_lazy("introduction to"), ordering="recipient__profile__display_name")
    def introduction_to(self, introduction):
        return self.name_of(introduction.recipient)

    @admin.display(description=gettext_lazy("on the site"))
    def on_the_site(self, introduction):
        return format_html(
            '<a href="{}">{}</a>', reverse("introductions:detail", args=[introduction.pk]), _("Review")
        )
