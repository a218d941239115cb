"""Partner pages: the directory, an organisation's page with its hubs and people, proposing
an organisation, reviewing proposals, and members linking themselves."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_filters.views import FilterView

from members.permissions import hubs_for_submission

from . import permissions, services
from .filters import OrganisationFilter
from .forms import AffiliationForm, ProposalForm, RejectionForm
from .models import Affiliation, Organisation, people_of
from .moderation import review
from .structured_data import organization_schema

PEOPLE_PER_PAGE = 24


class OrganisationDirectoryView(FilterView):
    template_name = "partners/organisation_list.html"
    filterset_class = OrganisationFilter
    context_object_name = "organisations"
    paginate_by = 24

    def get_queryset(self):
        return Organisation.objects.published().for_cards().order_by("name", "pk")


def organisation_for(request, slug, *, allowed) -> Organisation:
    """The organisation, if `allowed(user, organisation)`: 404 for those who may not even see it,
    403 for the rest."""
    organisation = get_object_or_404(Organisation.objects.select_related("hub"), slug=slug)
    if not permissions.can_view(request.user, organisation):
        raise Http404
    if not allowed(request.user, organisation):
        raise PermissionDenied
    return organisation


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.for_page(request.user), slug=slug)
    if not permissions.can_view(request.user, organisation):
        raise Http404
    partnerships = organisation.partnerships.select_related("hub", "level").order_by("hub__name_de")
    people = Paginator(people_of(organisation, request.user), PEOPLE_PER_PAGE).get_page(
        request.GET.get("page")
    )
    roles = dict(Affiliation.Role.choices)
    for profile in people:
        profile.organisation_role_label = roles.get(profile.organisation_role, "")
    context = {
        "organisation": organisation,
        "themes": organisation.themes,
        "partnerships": partnerships,
        "people": people,
        "viewer_role": roles.get(organisation.viewer_role, ""),
        "affiliation_form": AffiliationForm(initial={"role": organisation.viewer_role or None})
        if permissions.can_link(request.user, organisation)
        else None,
        "can_edit_proposal": permissions.can_edit_proposal(request.user, organisation),
        "can_review": permissions.can_review(request.user, organisation),
        "rejection_form": RejectionForm() if permissions.can_review(request.user, organisation) else None,
        "structured_data": organization_schema(organisation, partnerships)
        if organisation.is_published
        else None,
    }
    return render(request, "partners/organisation_detail.html", context)


@never_cache
@login_required
def propose(request):
    if not hubs_for_submission(request.user).exists():
        messages.info(request, _("Join a hub first: members propose organisations to their hubs."))
        return redirect("hubs:list")
    form = ProposalForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        organisation = services.propose_organisation(
            organisation=form.save(commit=False),
            proposer=request.user,
            focus_themes=form.cleaned_data["focus_themes"],
            role=form.cleaned_data["role"],
        )
        messages.success(request, _("Thank you! The hub reviews your proposal; we will tell you by email."))
        return redirect(organisation)
    return render(request, "partners/proposal_form.html", {"form": form})


@never_cache
@login_required
def edit_proposal(request, slug):
    organisation = organisation_for(request, slug, allowed=permissions.can_edit_proposal)
    form = ProposalForm(request.POST or None, request.FILES or None, instance=organisation, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.update_proposal(
            organisation=organisation,
            editor=request.user,
            changes=form.changes,
            focus_themes=form.cleaned_data["focus_themes"],
        )
        messages.success(request, _("Your proposal has been saved and awaits review by the hub."))
        return redirect(organisation)
    return render(request, "partners/proposal_form.html", {"form": form, "organisation": organisation})


@require_POST
@login_required
def publish(request, slug):
    organisation = organisation_for(request, slug, allowed=permissions.can_curate)
    review(request, [organisation], publish=True)
    return redirect(organisation)


@require_POST
@login_required
def reject(request, slug):
    organisation = organisation_for(request, slug, allowed=permissions.can_curate)
    form = RejectionForm(request.POST)
    if form.is_valid():
        review(request, [organisation], publish=False, reason=form.cleaned_data["reason"])
    else:
        messages.error(request, _("Please give the member a reason."))
    return redirect(organisation)


@require_POST
@login_required
def link(request, slug):
    organisation = get_object_or_404(Organisation.objects.published(), slug=slug)
    form = AffiliationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose your role in the organisation."))
        return redirect(organisation)
    try:
        _affiliation, created = services.link_member(
            organisation=organisation, user=request.user, role=form.cleaned_data["role"]
        )
    except services.PartnerError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The organisation's page now shows you, as far as your profile's visibility allows.")
            if created
            else _("Your role has been changed."),
        )
    return redirect(organisation)


@require_POST
@login_required
def unlink(request, slug):
    organisation = get_object_or_404(Organisation.objects.published(), slug=slug)
    if services.unlink_member(organisation=organisation, user=request.user):
        messages.success(request, _("You are no longer linked to %(name)s.") % {"name": organisation.name})
    else:
        messages.info(request, _("You were not linked to %(name)s.") % {"name": organisation.name})
    return redirect(organisation)
