from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import Group
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.csv_export import csv_response
from core.images import AvatarField, LogoField
from core.mail import absolute_url
from hubs.models import City, FocusTheme, Hub, HubFocus

from . import services
from .admin_scoping import AgencyOnlyAdmin, AgencyOnlyInline, AuditedAdmin, HubScopedAdmin
from .models import Membership, Profile, User
from .permissions import grants_permissions, is_agency


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["email"]


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class MembershipInline(AgencyOnlyInline, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["hub"]
    readonly_fields = ["joined"]


@admin.register(User)
class UserAdmin(AgencyOnlyAdmin, DjangoUserAdmin):
    """Accounts are the agency's: hub managers never see them here. Only superusers grant
    superuser rights or single permissions."""

    form = UserEditForm
    add_form = UserCreationForm
    list_display = ["email", "display_name", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email", "profile__display_name"]
    ordering = ["email"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            gettext_lazy("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (gettext_lazy("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "usable_password", "password1", "password2"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Staff status follows the roles (the agency group, a hub's manager role, superuser).
        readonly = [*super().get_readonly_fields(request, obj), "is_staff"]
        if not grants_permissions(request.user):
            readonly += ["is_superuser", "user_permissions"]
        return readonly

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("profile")

    @admin.display(description=gettext_lazy("display name"), ordering="profile__display_name")
    def display_name(self, user):
        profile = getattr(user, "profile", None)
        return profile.display_name if profile else None


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(DjangoGroupAdmin):
    """Groups and their permissions are for superusers only."""

    def has_module_permission(self, request):
        return grants_permissions(request.user)

    def has_view_permission(self, request, obj=None):
        return grants_permissions(request.user)

    def has_add_permission(self, request):
        return grants_permissions(request.user)

    def has_change_permission(self, request, obj=None):
        return grants_permissions(request.user)

    def has_delete_permission(self, request, obj=None):
        return grants_permissions(request.user)


@admin.register(Profile)
class ProfileAdmin(AgencyOnlyAdmin):
    formfield_overrides = {
        **AgencyOnlyAdmin.formfield_overrides,
        models.ImageField: {"form_class": AvatarField},
    }
    list_display = ["display_name", "member_type", "organisation", "visibility", "updated"]
    list_filter = ["member_type", "visibility", "focus_themes"]
    search_fields = ["display_name", "organisation", "user__email"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["focus_themes", "investment_stages", "looking_for"]
    readonly_fields = ["created", "updated"]
    prepopulated_fields = {"slug": ["display_name"]}

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.keep_choices_of_member_type(form.instance)


@admin.action(description=gettext_lazy("Export the selected memberships as CSV"))
def export_memberships(modeladmin, request, queryset):
    header = [
        _("Hub"),
        _("Name"),
        _("Email address"),
        _("Organisation"),
        _("Member type"),
        _("Role"),
        _("Joined"),
    ]
    rows = (
        [
            membership.hub.name_de,
            getattr(getattr(membership.user, "profile", None), "display_name", ""),
            membership.user.email,
            getattr(getattr(membership.user, "profile", None), "organisation", ""),
            membership.user.profile.get_member_type_display() if hasattr(membership.user, "profile") else "",
            membership.get_role_display(),
            timezone.localtime(membership.joined).strftime("%Y-%m-%d"),
        ]
        for membership in queryset.select_related("hub", "user__profile")
    )
    return csv_response(filename="memberships", header=header, rows=rows)


@admin.register(Membership)
class MembershipAdmin(HubScopedAdmin, AuditedAdmin):
    """Hub managers see and end their hubs' memberships; appointing managers is the agency's."""

    manager_can_delete = True
    agency_only_fields = ("user", "hub", "role")
    list_display = ["member_name", "member_email", "hub", "role", "joined"]
    list_filter = ["role", "hub"]
    ordering = ["-joined", "-pk"]
    search_fields = ["user__email", "user__profile__display_name", "hub__name_de"]
    autocomplete_fields = ["user", "hub"]
    readonly_fields = ["joined"]
    actions = [export_memberships]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("hub", "user__profile")

    def save_model(self, request, obj, form, change):
        if change and form.changed_data == ["role"]:
            services.set_membership_role(membership=obj, role=obj.role, by=request.user)
        else:
            super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None):
        # A manager removes members from their hub, not fellow managers.
        if obj is not None and obj.is_manager and not is_agency(request.user):
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description=gettext_lazy("member"), ordering="user__profile__display_name")
    def member_name(self, membership):
        profile = getattr(membership.user, "profile", None)
        return profile.display_name if profile else None

    @admin.display(description=gettext_lazy("email address"), ordering="user__email")
    def member_email(self, membership):
        return membership.user.email


# The hubs are curated here, beside the roles that decide who curates them: the hubs app lies
# below members (a membership names its hub) and cannot know agency staff and hub managers.


class CityInline(AgencyOnlyInline, admin.TabularInline):
    model = City
    extra = 0
    min_num = 1
    fields = ["name_de", "name_en", "state", "latitude", "longitude", "position"]


class HubFocusInline(AgencyOnlyInline, admin.TabularInline):
    model = HubFocus
    extra = 0
    min_num = 1
    fields = ["theme", "city", "position"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Offer only the edited hub's own cities; HubFocus.clean() enforces the same on save.
        if db_field.name == "city":
            hub_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = City.objects.filter(hub_id=hub_id) if hub_id else City.objects.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Hub)
class HubAdmin(HubScopedAdmin, AuditedAdmin):
    """Agency staff curate every hub; a hub manager edits the texts and contact of their own."""

    formfield_overrides = {**HubScopedAdmin.formfield_overrides, models.ImageField: {"form_class": LogoField}}
    hub_field = "pk"
    agency_only_fields = ("slug", "selected_in", "name_de", "name_en", "featured")
    list_display = ["name_de", "name_en", "city_names", "theme_names", "selected_in", "featured", "updated"]
    list_filter = ["featured", "selected_in", "cities__state", "focus_themes"]
    search_fields = ["name_de", "name_en", "tagline_de", "tagline_en", "cities__name_de", "cities__name_en"]
    readonly_fields = ["created", "updated", "embed_code"]
    inlines = [CityInline, HubFocusInline]
    fieldsets = [
        (None, {"fields": ["slug", "selected_in", "featured", "website", "contact_email", "logo"]}),
        (
            gettext_lazy("Events on the hub's website"),
            {
                "fields": ["embed_origins", "embed_code"],
                "description": gettext_lazy(
                    "The hub's coming events can appear on its own website. Name the website below "
                    "and save: until then the list stays empty there, because the portal lets only "
                    "the websites named here show it. Then copy the code into a page of the website."
                ),
            },
        ),
        (gettext_lazy("German"), {"fields": ["name_de", "tagline_de", "description_de"]}),
        (gettext_lazy("English"), {"fields": ["name_en", "tagline_en", "description_en"]}),
        (gettext_lazy("History"), {"fields": ["created", "updated"], "classes": ["collapse"]}),
    ]

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ["name_de"]} if is_agency(request.user) else {}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("cities", "focus_areas__theme").distinct()

    @admin.display(description=gettext_lazy("code for the website"))
    def embed_code(self, hub):
        """The script to copy into the hub's website, and a preview of what it shows."""
        if hub.pk is None:
            return _("Save the hub first.")
        script = absolute_url(reverse("embed:script"))
        code = f'<script src="{script}" data-hub="{hub.slug}" data-count="5" async></script>'  # shown as text
        return render_to_string(
            "admin/hubs/embed_code.html",
            {"hub": hub, "code": code, "preview": f"{reverse('embed:hub_events', args=[hub.slug])}?count=5"},
        )

    @admin.display(description=gettext_lazy("cities"))
    def city_names(self, hub):
        return ", ".join(city.name_de for city in hub.cities.all())

    @admin.display(description=gettext_lazy("focus themes"))
    def theme_names(self, hub):
        return ", ".join(focus.theme.name_de for focus in hub.focus_areas.all())


@admin.register(FocusTheme)
class FocusThemeAdmin(AgencyOnlyAdmin):
    list_display = ["name_de", "name_en", "slug", "hub_count"]
    search_fields = ["name_de", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_de"]}
    fieldsets = [
        (None, {"fields": ["slug"]}),
        (gettext_lazy("German"), {"fields": ["name_de", "description_de"]}),
        (gettext_lazy("English"), {"fields": ["name_en", "description_en"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_hub_count()

    @admin.display(description=gettext_lazy("hubs"), ordering="hub_count")
    def hub_count(self, theme):
        return theme.hub_count
