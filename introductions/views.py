"""Matchmaking and introductions on the site: the suggestions, asking for an introduction, the
request's page for its two members and its reviewers with every step, the reviewers' queue
and the counts per hub."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.csv_export import csv_response
from core.redirects import on_this_site
from members.models import Profile
from members.permissions import has_curation_role, visible_profiles
from partners.models import Organisation

from . import matching, permissions, services
from .forms import IntroductionRequestForm, OutcomeForm, RevisionForm, YearForm, decline_form, question_form
from .models import Introduction, Outcome

MATCHES_PAGE_PEOPLE = 20
MATCHES_PAGE_ORGANISATIONS = 10
EARLIER_REQUESTS_SHOWN = 10
QUEUE_PAGE_SIZE = 20
Status = Introduction.Status


@never_cache
@login_required
def matches(request):
    found = matching.matches_for(
        request.user, people=MATCHES_PAGE_PEOPLE, organisations=MATCHES_PAGE_ORGANISATIONS
    )
    return render(request, "introductions/matches.html", {"matches": found})


def back_to(request, default: str):
    """Where a small form came from, if it is on this site."""
    return redirect(on_this_site(request, request.POST.get("next", "")) or default)


@require_POST
@login_required
def hide(request):
    profile_id, organisation_id = request.POST.get("profile", ""), request.POST.get("organisation", "")
    if profile_id.isdigit():
        profile = get_object_or_404(visible_profiles(request.user), pk=profile_id)
        services.hide_suggestion(user=request.user, profile=profile)
        messages.success(
            request, _("%(name)s will not be suggested to you again.") % {"name": profile.display_name}
        )
    elif organisation_id.isdigit():
        organisation = get_object_or_404(Organisation.objects.published(), pk=organisation_id)
        services.hide_suggestion(user=request.user, organisation=organisation)
        messages.success(
            request, _("%(name)s will not be suggested to you again.") % {"name": organisation.name}
        )
    else:
        raise Http404
    return back_to(request, reverse("introductions:matches"))


@require_POST
@login_required
def show_hidden(request):
    count = services.show_hidden_suggestions(user=request.user)
    if count:
        messages.success(request, _("The suggestions you hid may appear again."))
    else:
        messages.info(request, _("You have not hidden any suggestion."))
    return back_to(request, reverse("introductions:matches"))


@require_POST
@login_required
def switch_matchmaking(request):
    on = request.POST.get("on") == "1"
    if not services.set_matchmaking(user=request.user, on=on):
        messages.info(request, _("Please complete your profile first."))
        return redirect("members:profile_edit")
    if on:
        messages.success(request, _("Matchmaking is on: we suggest people who fit you, and you to them."))
    else:
        messages.success(
            request,
            _(
                "Matchmaking is off: you see no suggestions, nobody is suggested you, and nobody can ask for an introduction to you."
            ),
        )
    return back_to(request, reverse("members:dashboard"))


@never_cache
@login_required
def ask(request, slug):
    profile = get_object_or_404(visible_profiles(request.user).for_cards(), slug=slug)
    refusal = permissions.request_refusal(request.user, profile)
    hubs = services.shared_hubs(request.user, profile.user_id)
    form = IntroductionRequestForm(request.POST or None, hubs=hubs) if refusal is None else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            introduction = services.request_introduction(
                requester=request.user,
                profile=profile,
                note=form.cleaned_data["note"],
                hub=form.cleaned_data.get("hub"),
            )
        except services.IntroductionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Thank you! The hub reviews your request; we will tell you by email.")
            )
            return redirect(introduction)
    status = 400 if form is not None and form.errors else 200
    return render(
        request,
        "introductions/ask.html",
        {"profile": profile, "form": form, "refusal": refusal},
        status=status,
    )


def introduction_for(request, pk, *, allowed=permissions.can_view) -> Introduction:
    """The request, if the user may see it (404 otherwise, so that its existence stays private),
    and may do what the view does (403)."""
    introduction = get_object_or_404(Introduction.objects.with_people(), pk=pk)
    if not permissions.can_view(request.user, introduction):
        raise Http404
    if not allowed(request.user, introduction):
        raise PermissionDenied
    return introduction


def detail_page(request, introduction: Introduction, *, status=200, **forms):
    user = request.user
    actions = permissions.introduction_actions(user, introduction)
    party_ids = [pk for pk in (introduction.requester_id, introduction.recipient_id) if pk]
    profiles = {
        profile.user_id: profile for profile in Profile.objects.for_cards().filter(user_id__in=party_ids)
    }
    context = {
        "introduction": introduction,
        "requester": profiles.get(introduction.requester_id),
        "recipient": profiles.get(introduction.recipient_id),
        "actions": actions,
        "my_outcome": Outcome.objects.filter(introduction=introduction, member=user).first(),
        "answers": Outcome.Answer.choices,
        "earlier": (
            Introduction.objects.between(introduction.requester_id, introduction.recipient_id)
            .exclude(pk=introduction.pk)
            .select_related("hub")
            .order_by("-created")[:EARLIER_REQUESTS_SHOWN]
            if actions.see_earlier and len(party_ids) == 2
            else []
        ),
        "decline_form": forms.get("decline_form") or (decline_form() if actions.review else None),
        "question_form": forms.get("question_form") or (question_form() if actions.review else None),
        "revision_form": forms.get("revision_form")
        or (RevisionForm(initial={"note": introduction.note}) if actions.revise else None),
    }
    return render(request, "introductions/detail.html", context, status=status)


@never_cache
@login_required
def detail(request, pk):
    return detail_page(request, introduction_for(request, pk))


def act(request, introduction: Introduction, step, success: str):
    """Take a step of the request's life; a refused one is a message on its page."""
    try:
        step()
    except services.IntroductionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect(introduction)


@require_POST
@login_required
def approve(request, pk):
    introduction = introduction_for(request, pk, allowed=permissions.brokers)
    return act(
        request,
        introduction,
        lambda: services.approve_introduction(introduction=introduction, moderator=request.user),
        _("Approved: the member has been asked."),
    )


def act_with_words(
    request, introduction: Introduction, form, *, shown_as: str, field: str, step, success: str
):
    """A step that needs somebody's words: an invalid form comes back on the request's page with
    its error and what was typed (400); valid words go to `step(words)`."""
    if not form.is_valid():
        return detail_page(request, introduction, status=400, **{shown_as: form})
    return act(request, introduction, lambda: step(form.cleaned_data[field]), success)


@require_POST
@login_required
def decline(request, pk):
    introduction = introduction_for(request, pk, allowed=permissions.brokers)
    return act_with_words(
        request,
        introduction,
        decline_form(request.POST),
        shown_as="decline_form",
        field="message",
        step=lambda reason: services.decline_introduction(
            introduction=introduction, moderator=request.user, reason=reason
        ),
        success=_("Declined: the member who asked has been told why."),
    )


@require_POST
@login_required
def ask_more(request, pk):
    introduction = introduction_for(request, pk, allowed=permissions.brokers)
    return act_with_words(
        request,
        introduction,
        question_form(request.POST),
        shown_as="question_form",
        field="message",
        step=lambda question: services.ask_for_more(
            introduction=introduction, moderator=request.user, question=question
        ),
        success=_("Your question has been sent to the member who asked."),
    )


@require_POST
@login_required
def revise(request, pk):
    introduction = introduction_for(request, pk, allowed=permissions.is_requester)
    return act_with_words(
        request,
        introduction,
        RevisionForm(request.POST),
        shown_as="revision_form",
        field="note",
        step=lambda note: services.revise_introduction(
            introduction=introduction, requester=request.user, note=note
        ),
        success=_("Your answer has been sent; the hub reviews your request again."),
    )


@require_POST
@login_required
def withdraw(request, pk):
    introduction = introduction_for(request, pk, allowed=permissions.is_requester)
    return act(
        request,
        introduction,
        lambda: services.withdraw_introduction(introduction=introduction, requester=request.user),
        _("Your request has been withdrawn."),
    )


@require_POST
@login_required
def accept(request, pk):
    introduction = introduction_for(request, pk, allowed=permissions.is_recipient)
    return act(
        request,
        introduction,
        lambda: services.accept_introduction(introduction=introduction, recipient=request.user),
        _("Accepted: you will both receive each other's contact details by email."),
    )


@require_POST
@login_required
def refuse(request, pk):
    introduction = introduction_for(request, pk, allowed=permissions.is_recipient)
    return act(
        request,
        introduction,
        lambda: services.decline_as_recipient(introduction=introduction, recipient=request.user),
        _("Declined. The member who asked is told no more than that."),
    )


@require_POST
@login_required
def outcome(request, pk):
    introduction = introduction_for(request, pk, allowed=permissions.is_party)
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose one of the answers."))
        return redirect(introduction)
    return act(
        request,
        introduction,
        lambda: services.record_outcome(
            introduction=introduction, member=request.user, answer=form.cleaned_data["answer"]
        ),
        _("Thank you! Your answer has been saved."),
    )


QUEUE_VIEWS = {
    "review": (gettext_lazy("Awaiting review"), Q(status=Status.REQUESTED)),
    "open": (gettext_lazy("All open"), Q(status__in=[Status.REQUESTED, Status.MORE_INFO, Status.APPROVED])),
    "closed": (gettext_lazy("Closed"), ~Q(status__in=[Status.REQUESTED, Status.MORE_INFO, Status.APPROVED])),
}


@never_cache
@login_required
def queue(request):
    """The requests of the reviewer's hubs, those awaiting review oldest first."""
    if not has_curation_role(request.user):
        raise PermissionDenied
    shown = request.GET.get("show", "review")
    if shown not in QUEUE_VIEWS:
        raise Http404
    requests = Introduction.objects.curated_by(request.user).filter(QUEUE_VIEWS[shown][1]).with_people()
    requests = (
        requests.order_by("waiting_since", "pk")
        if shown != "closed"
        else requests.order_by("-updated", "-pk")
    )
    page = Paginator(requests, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    tabs = [(key, label) for key, (label, _condition) in QUEUE_VIEWS.items()]
    return render(request, "introductions/queue.html", {"page_obj": page, "tabs": tabs, "shown": shown})


def yearly_counts(user, year: int) -> list[dict]:
    """Per reviewing hub (the agency's own as "Hub-Agentur"): the requests of `year` by what
    became of them, and the outcomes their members reported; for agency staff every hub, for a
    manager their hubs."""
    requests = Introduction.objects.curated_by(user).filter(created__year=year)
    rows = {
        row["hub__name_de"]: row
        for row in requests.values("hub__name_de").count_by_step().order_by("hub__name_de")
    }
    outcomes = (
        Outcome.objects.filter(introduction__in=requests)
        .values("introduction__hub__name_de")
        .annotate(**{answer: Count("pk", filter=Q(answer=answer)) for answer in Outcome.Answer.values})
    )
    for row in rows.values():
        row.update(dict.fromkeys(Outcome.Answer.values, 0))
    for counted in outcomes:
        rows[counted.pop("introduction__hub__name_de")].update(counted)
    return sorted(rows.values(), key=lambda row: (row["hub__name_de"] is None, row["hub__name_de"] or ""))


def counts_for(request) -> tuple[YearForm, int, list[dict]]:
    if not has_curation_role(request.user):
        raise PermissionDenied
    form = YearForm(request.GET or None)
    year = (form.cleaned_data["year"] if form.is_valid() else None) or timezone.localdate().year
    return form, year, yearly_counts(request.user, year)


@never_cache
@login_required
def counts(request):
    form, year, rows = counts_for(request)
    status = 400 if form.errors else 200
    context = {"form": form, "year": year, "rows": rows, "answers": Outcome.Answer.choices}
    return render(request, "introductions/counts.html", context, status=status)


@never_cache
@login_required
def counts_csv(request):
    _form, year, rows = counts_for(request)
    header = [
        _("Year"), _("Hub"), _("Requested"), _("Approved by the hub"), _("Accepted"), _("Declined"),
        _("Declined by the hub"), _("Expired"), pgettext("introductions", "Open"), *[label for _value, label in Outcome.Answer.choices],
    ]  # fmt: skip
    lines = (
        [
            year,
            row["hub__name_de"] or _("Hub-Agency"),
            *[
                row[key]
                for key in [
                    "requested",
                    "approved",
                    "accepted",
                    "declined",
                    "declined_by_hub",
                    "expired",
                    "open",
                ]
            ],
            *[row[answer] for answer in Outcome.Answer.values],
        ]
        for row in rows
    )
    return csv_response(filename=f"introductions-{year}", header=header, rows=lines)
