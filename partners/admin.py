from django.contrib import admin
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.csv_export import csv_response
from core.images import LogoField
from core.moderation import review_actions
from members.admin_scoping import AgencyOnlyAdmin, AgencyOnlyInline, AuditedAdmin, HubScopedAdmin
from members.permissions import has_curation_role, is_agency

from . import services
from .forms import RejectionForm
from .models import Affiliation, Organisation, Partnership, PartnershipLevel
from .moderation import review


class PartnershipInline(AgencyOnlyInline, admin.TabularInline):
    """Shown with the organisation; managers add their hub's partnerships under Partnerships."""

    model = Partnership
    extra = 0
    fields = ["hub", "level", "since"]


class AffiliationInline(admin.TabularInline):
    """The members linked to the organisation: they link themselves; its curators may remove a link."""

    model = Affiliation
    extra = 0
    fields = ["user", "role", "created"]
    readonly_fields = ["user", "role", "created"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "organisation")

    # Only reached through the organisation, whose admin already checked the curator's scope.

    def has_view_permission(self, request, obj=None):
        return has_curation_role(request.user)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return obj is not None and has_curation_role(request.user)


publish_organisations, reject_organisations = review_actions(
    "organisations",
    review,
    form_class=RejectionForm,
    publish=gettext_lazy("Publish the selected proposals"),
    reject=gettext_lazy("Reject the selected proposals, with a reason"),
    title=gettext_lazy("Reject proposals"),
    intro=gettext_lazy("The members who proposed these organisations receive the reason by email:"),
)


@admin.action(description=gettext_lazy("Export the selected organisations as CSV"))
def export_organisations(modeladmin, request, queryset):
    header = [
        _("Name"),
        _("Kind"),
        _("City"),
        _("Website"),
        _("Sectors"),
        _("Curated by"),
        _("Partner of"),
        _("Linked members"),
        _("Status"),
        _("Created"),
    ]
    rows = (
        [
            organisation.name,
            organisation.get_kind_display(),
            organisation.city,
            organisation.website,
            ", ".join(theme.name_de for theme in organisation.focus_themes.all()),
            organisation.hub.name_de if organisation.hub else _("Hub-Agency"),
            ", ".join(
                f"{partnership.hub.name_de} ({partnership.level.name_de}, {partnership.since.isoformat()})"
                for partnership in organisation.partnerships.all()
            ),
            organisation.people,
            organisation.get_status_display(),
            organisation.created.date().isoformat(),
        ]
        for organisation in queryset.select_related("hub")
        .prefetch_related("focus_themes", "partnerships__hub", "partnerships__level")
        .annotate(people=models.Count("affiliations"))
        .order_by("name", "pk")
    )
    return csv_response(filename="organisations", header=header, rows=rows)


@admin.register(Organisation)
class OrganisationAdmin(HubScopedAdmin, AuditedAdmin):
    """Agency staff curate every organisation; a hub manager those their hub curates, and reviews
    what members propose to it. The status changes only through the actions."""

    formfield_overrides = {**HubScopedAdmin.formfield_overrides, models.ImageField: {"form_class": LogoField}}
    manager_can_add = True
    list_display = ["name", "kind", "city", "hub", "status", "updated"]
    list_filter = ["status", "kind", "hub", "partnerships__hub"]
    search_fields = ["name", "city"]
    autocomplete_fields = ["hub"]
    filter_horizontal = ["focus_themes"]
    readonly_fields = ["status", "rejection_reason", "proposed_by", "created", "updated"]
    actions = [publish_organisations, reject_organisations, export_organisations]
    inlines = [PartnershipInline, AffiliationInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "hub", "status", "rejection_reason", "proposed_by"]}),
        (gettext_lazy("Profile"), {"fields": ["city", "website", "logo", "focus_themes"]}),
        (gettext_lazy("German"), {"fields": ["description_de"]}),
        (gettext_lazy("English"), {"fields": ["description_en"]}),
        (gettext_lazy("History"), {"fields": ["created", "updated"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("hub")

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if "hub" in form.base_fields and not is_agency(request.user):
            form.base_fields["hub"].required = True  # a manager's organisations stay in their hub
        return form

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ["name"]}

    def get_search_results(self, request, queryset, search_term):
        """A manager records partnerships of their hub with any published organisation, also
        those another hub curates: the partnership form's search offers them all."""
        match = request.resolver_match
        if match and match.url_name == "autocomplete" and request.GET.get("model_name") == "partnership":
            queryset = Organisation.objects.published()
        return super().get_search_results(request, queryset, search_term)

    def save_model(self, request, obj, form, change):
        """Through the service, with the history entry."""
        services.save_organisation(
            organisation=obj, editor=request.user, focus_themes=form.cleaned_data.get("focus_themes")
        )

    def save_related(self, request, form, formsets, change):
        # The sectors are the service's (save_model); only the inlines are left.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


@admin.register(Partnership)
class PartnershipAdmin(HubScopedAdmin, AuditedAdmin):
    """A hub's partners: agency staff all, a manager their hub's, added and ended by them."""

    manager_can_add = True
    manager_can_delete = True
    list_display = ["organisation", "hub", "level", "since"]
    list_filter = ["hub", "level"]
    search_fields = ["organisation__name", "hub__name_de"]
    autocomplete_fields = ["organisation", "hub"]
    date_hierarchy = "since"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation", "hub", "level")


@admin.register(PartnershipLevel)
class PartnershipLevelAdmin(AgencyOnlyAdmin):
    list_display = ["name_de", "name_en", "position"]
    search_fields = ["name_de", "name_en"]
    fieldsets = [
        (None, {"fields": ["position"]}),
        (gettext_lazy("Names"), {"fields": ["name_de", "name_en"]}),
    ]
