import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.querysets import having
from core.search import matching
from hubs.filters import focus_theme_filter, hub_filter

from .models import Membership, Profile, Stage


class MemberFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="filter_text", max_length=100, help_text=_("Name, organisation or city")
    )
    type = django_filters.ChoiceFilter(
        label=_("Member type"),
        field_name="member_type",
        choices=Profile.MemberType.choices,
        empty_label=_("All"),
    )
    hub = hub_filter(method="filter_hub")
    theme = focus_theme_filter()
    stage = django_filters.ChoiceFilter(
        label=_("Investment stage"),
        method=lambda queryset, name, stage: having(queryset, "investment_stages", code=stage),
        choices=Stage.choices,
        empty_label=_("All stages"),
        help_text=_("Investors only"),
    )
    ticket = django_filters.NumberFilter(
        label=_("Ticket size (EUR)"),
        method="filter_ticket",
        min_value=0,
        max_value=10_000_000_000,
        help_text=_("Investors whose ticket range includes this amount"),
        widget=forms.NumberInput(attrs={"step": 1000}),
    )

    class Meta:
        model = Profile
        fields = ["q", "type", "hub", "theme", "stage", "ticket"]

    def filter_text(self, queryset, name, value):
        text = value.strip()
        if not text:
            return queryset
        return matching(queryset, text, Profile.SEARCHED_FIELDS)

    def filter_hub(self, queryset, name, slug):
        return queryset.filter(user__in=Membership.objects.filter(hub__slug=slug).values("user_id"))

    def filter_ticket(self, queryset, name, value):
        """Investors whose range includes `value`; an open end counts as no limit."""
        return (
            queryset.filter(member_type=Profile.MemberType.INVESTOR)
            .exclude(ticket_min__isnull=True, ticket_max__isnull=True)
            .filter(Q(ticket_min__isnull=True) | Q(ticket_min__lte=value))
            .filter(Q(ticket_max__isnull=True) | Q(ticket_max__gte=value))
        )
