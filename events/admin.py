from django.contrib import admin
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.csv_export import csv_response
from core.moderation import review_actions
from members.admin_scoping import AgencyOnlyAdmin, AgencyOnlyInline, AuditedAdmin, HubScopedAdmin

from . import services, tasks
from .forms import PostingSuspensionForm, RejectionForm
from .models import CalendarFeed, Event, EventForReview, EventReport, PostingSuspension, Registration
from .moderation import review


class RegistrationInline(AgencyOnlyInline, admin.TabularInline):
    model = Registration
    extra = 0
    autocomplete_fields = ["user"]
    readonly_fields = ["created"]


publish_events, reject_events = review_actions(
    "events",
    review,
    form_class=RejectionForm,
    publish=gettext_lazy("Publish the selected events"),
    reject=gettext_lazy("Reject the selected events, with a reason"),
    title=gettext_lazy("Reject events"),
    intro=gettext_lazy("The organisers of these events receive the reason by email:"),
)


@admin.action(description=gettext_lazy("Export the selected events as CSV"))
def export_events(modeladmin, request, queryset):
    header = [
        _("Title"),
        _("Hub"),
        _("Co-hosts"),
        _("Start"),
        _("End"),
        _("Type"),
        _("Format"),
        _("Status"),
        _("Registered"),
        _("Capacity"),
    ]
    rows = (
        [
            event.title,
            event.hub.name_de,
            ", ".join(hub.name_de for hub in event.cohosts.all()),
            timezone.localtime(event.start).strftime("%Y-%m-%d %H:%M"),
            timezone.localtime(event.end).strftime("%Y-%m-%d %H:%M"),
            event.get_event_type_display(),
            event.get_format_display(),
            event.get_status_display(),
            event.attendee_count,
            event.capacity,
        ]
        for event in queryset.select_related("hub").prefetch_related("cohosts")
    )
    return csv_response(filename="events", header=header, rows=rows)


class EventAdminBase(HubScopedAdmin):
    """Agency staff curate every event; a hub manager their hubs' events. The status changes
    only through the actions, so that every transition runs the workflow and sends its emails."""

    manager_can_add = True
    agency_only_fields = ("featured", "cohosts", "organiser")
    list_display = ["__str__", "hub", "start", "event_type", "format", "status", "featured", "attendee_count"]
    list_filter = ["status", "featured", "event_type", "format", "language", "hub"]
    search_fields = [*Event.TEXT_COLUMNS, "venue", "hub__name_de"]
    date_hierarchy = "start"
    autocomplete_fields = ["hub", "organiser"]
    filter_horizontal = ["cohosts", "focus_themes"]
    readonly_fields = [
        "status",
        "rejection_reason",
        "series",
        "occurrence_start",
        "source_feed",
        "source_key",
        "revision",
        "created",
        "updated",
    ]
    actions = [publish_events, reject_events, export_events]
    inlines = [RegistrationInline]
    fieldsets = [
        (None, {"fields": ["slug", "status", "rejection_reason", "organiser", "featured"]}),
        (gettext_lazy("In German"), {"fields": ["title_de", "description_de"]}),
        (gettext_lazy("In English"), {"fields": ["title_en", "description_en"]}),
        (gettext_lazy("Hubs and themes"), {"fields": ["hub", "cohosts", "focus_themes"]}),
        (
            gettext_lazy("When and where"),
            {
                "fields": [
                    "start",
                    "end",
                    "series",
                    "occurrence_start",
                    "format",
                    "venue",
                    "address",
                    "online_url",
                ]
            },
        ),
        (gettext_lazy("Content"), {"fields": ["event_type", "language"]}),
        (
            gettext_lazy("Registration and cost"),
            {
                "fields": [
                    "registration_mode",
                    "capacity",
                    "waitlist",
                    "registration_url",
                    "free_of_charge",
                    "cost_note_de",
                    "cost_note_en",
                ]
            },
        ),
        (
            gettext_lazy("History"),
            {
                "fields": ["source_feed", "source_key", "revision", "created", "updated"],
                "classes": ["collapse"],
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("hub", "organiser")

    def save_model(self, request, obj, form, change):
        """Through the same services as the site: revision, review and history included."""
        relations = {
            "cohosts": form.cleaned_data.get("cohosts"),
            "focus_themes": form.cleaned_data.get("focus_themes"),
        }
        if change:
            changes = {name: form.cleaned_data[name] for name in form.changed_data if name not in relations}
            services.update_event(event=obj, editor=request.user, changes=changes, **relations)
        else:
            services.create_event(event=obj, organiser=request.user, **relations)

    def save_related(self, request, form, formsets, change):
        # Co-hosts and themes are the services' (save_model); only the inlines are left.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


@admin.register(Event)
class EventAdmin(EventAdminBase, AuditedAdmin):
    pass


@admin.register(EventForReview)
class EventForReviewAdmin(EventAdminBase):
    """The queue of submitted events for the hubs the user moderates. A series awaiting review
    is one row, its first date, with its rule and how many dates it has: the hub reviews it as
    one."""

    list_display = ["what_and_when", "hub", "repeats", "dates", "event_type", "organiser", "created"]
    list_filter = ["hub", "event_type"]
    actions = [publish_events, reject_events]
    inlines = []

    def get_queryset(self, request):
        awaiting = Event.objects.awaiting_review()
        earlier_date = awaiting.filter(series=OuterRef("series")).filter(
            Q(start__lt=OuterRef("start")) | Q(start=OuterRef("start"), pk__lt=OuterRef("pk"))
        )
        dates = awaiting.filter(series=OuterRef("series")).order_by().values("series").annotate(n=Count("pk"))
        return (
            super()
            .get_queryset(request)
            .awaiting_review()
            .exclude(Q(series__isnull=False) & Exists(earlier_date))
            .annotate(awaiting_dates=Coalesce(Subquery(dates.values("n")), 1))
            .select_related("series")
        )

    @admin.display(description=gettext_lazy("event"), ordering="start")
    def what_and_when(self, event):
        """The title with its first date, so that rows of the same title can be told apart (on a
        phone too, where the other columns are out of sight)."""
        return f"{event} · {date_format(timezone.localtime(event.start), 'SHORT_DATETIME_FORMAT')}"

    @admin.display(description=gettext_lazy("repeats"))
    def repeats(self, event):
        return event.series.describe() if event.series_id else None

    @admin.display(description=gettext_lazy("dates"), ordering="awaiting_dates")
    def dates(self, event):
        return event.awaiting_dates

    def has_add_permission(self, request):
        return False


@admin.action(description=gettext_lazy("Close the selected reports"))
def close_selected_reports(modeladmin, request, queryset):
    closed = services.close_reports(reports=queryset, moderator=request.user)
    modeladmin.message_user(
        request, ngettext("%(count)s report closed.", "%(count)s reports closed.", closed) % {"count": closed}
    )


@admin.register(EventReport)
class EventReportAdmin(HubScopedAdmin):
    """Members' reports of the events a user moderates; made on the site, closed here or there."""

    hub_field = "event__hub"
    list_display = ["created", "event", "reason", "closed"]
    list_filter = ["reason", ("closed", admin.EmptyFieldListFilter), "event__hub"]
    search_fields = ["event__title_de", "event__title_en", "note"]
    actions = [close_selected_reports]
    fields = ["event", "reporter", "reason", "note", "created", "closed", "closed_by"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event", "reporter", "closed_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.action(description=gettext_lazy("Lift the selected suspensions"))
def lift_suspensions(modeladmin, request, queryset):
    lifted = sum(services.lift_suspension(suspension=suspension, by=request.user) for suspension in queryset)
    modeladmin.message_user(
        request,
        ngettext("%(count)s suspension lifted.", "%(count)s suspensions lifted.", lifted) % {"count": lifted},
    )


@admin.register(PostingSuspension)
class PostingSuspensionAdmin(AgencyOnlyAdmin, AuditedAdmin):
    """The agency's switch: a member's right to post events, suspended with a reason and lifted
    with the action; both are recorded with who and when."""

    form = PostingSuspensionForm
    list_display = ["user", "created", "lifted"]
    list_filter = [("lifted", admin.EmptyFieldListFilter)]
    search_fields = ["user__email", "user__profile__display_name", "reason"]
    autocomplete_fields = ["user"]
    actions = [lift_suspensions]

    def get_fields(self, request, obj=None):
        return ["user", "reason"] if obj is None else ["user", "reason", "created", "lifted"]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else ["user", "reason", "created", "lifted"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")

    def save_model(self, request, obj, form, change):
        if not change:
            saved = services.suspend_posting(user=obj.user, reason=obj.reason, by=request.user)
            obj.pk = saved.pk

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and obj is None

    def has_delete_permission(self, request, obj=None):
        return False  # lifted, never deleted: the record stays


@admin.action(description=gettext_lazy("Import the selected calendars now"))
def import_calendars_now(modeladmin, request, queryset):
    feeds = list(queryset.filter(active=True))
    for feed in feeds:
        tasks.import_calendar_feed.enqueue(feed_id=feed.pk)
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)s calendar is being imported; its new events appear in the queue.",
            "%(count)s calendars are being imported; their new events appear in the queue.",
            len(feeds),
        )
        % {"count": len(feeds)},
    )


@admin.register(CalendarFeed)
class CalendarFeedAdmin(HubScopedAdmin):
    """A hub's own calendars, whose events come into its queue (events.calendar_import): its
    managers add, pause and remove them; the import runs every hour and on request."""

    manager_can_add = True
    manager_can_delete = True
    list_display = ["url", "hub", "language", "active", "last_checked", "last_failed", "last_result"]
    list_filter = ["active", "last_failed", "hub"]
    search_fields = ["url", "hub__name_de"]
    fields = ["hub", "url", "language", "active", "added_by", "created", "last_checked", "last_result"]
    readonly_fields = ["added_by", "created", "last_checked", "last_result"]
    actions = [import_calendars_now]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("hub")

    def save_model(self, request, obj, form, change):
        if not change:
            obj.added_by = request.user
        super().save_model(request, obj, form, change)
