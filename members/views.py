import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import DetailView
from django_filters.views import FilterView

from core.page_cache import CountedOncePerVersion
from core.redirects import on_this_site
from hubs.models import Hub

from . import services
from .filters import MemberFilter
from .forms import DeleteAccountForm, ProfileForm
from .models import Profile
from .permissions import visible_profiles


class MemberDirectoryView(FilterView):
    template_name = "members/member_list.html"
    filterset_class = MemberFilter
    context_object_name = "profiles"
    paginate_by = 24
    paginator_class = CountedOncePerVersion

    def get_queryset(self):
        return visible_profiles(self.request.user).for_cards().order_by("display_name", "pk")


class ProfileDetailView(DetailView):
    """A member's profile; one the visitor may not see answers 404, so its existence stays private."""

    template_name = "members/profile_detail.html"
    context_object_name = "profile"

    def get_queryset(self):
        return visible_profiles(self.request.user).for_cards()


@never_cache
@login_required
def dashboard(request):
    # With what cards show: the suggestions are computed from it too.
    profile = Profile.objects.for_cards().filter(user=request.user).first()
    memberships = request.user.memberships.select_related("hub").order_by("hub__name_de")
    return render(request, "members/dashboard.html", {"profile": profile, "memberships": memberships})


@never_cache
@login_required
def profile_edit(request):
    profile = Profile.objects.filter(user=request.user).first()
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=profile)
        if form.is_valid():
            services.save_profile(
                user=request.user,
                profile=form.save(commit=False),
                focus_themes=form.cleaned_data["focus_themes"],
                investment_stages=form.cleaned_data["investment_stages"],
                looking_for=form.cleaned_data["looking_for"],
                languages=form.cleaned_data["languages"],
            )
            messages.success(request, _("Your profile has been saved."))
            return redirect(on_this_site(request, request.GET.get("next")) or "members:dashboard")
    else:
        form = ProfileForm(instance=profile)
    return render(request, "members/profile_form.html", {"form": form, "is_new": profile is None})


@require_POST
@login_required
def join_hub(request, slug):
    hub = get_object_or_404(Hub, slug=slug)
    if not Profile.objects.filter(user=request.user).exists():
        messages.info(request, _("Please complete your profile first, so the hub knows who joins."))
        return redirect("members:profile_edit")
    _membership, created = services.join_hub(user=request.user, hub=hub)
    if created:
        messages.success(request, _("Welcome to the hub %(hub)s!") % {"hub": hub.name})
    else:
        messages.info(request, _("You are already a member of %(hub)s.") % {"hub": hub.name})
    return redirect(hub)


@require_POST
@login_required
def leave_hub(request, slug):
    hub = get_object_or_404(Hub, slug=slug)
    if services.leave_hub(user=request.user, hub=hub):
        messages.success(request, _("You have left the hub %(hub)s.") % {"hub": hub.name})
    else:
        messages.info(request, _("You are not a member of %(hub)s.") % {"hub": hub.name})
    return redirect(hub)


@never_cache
@login_required
def export_data(request):
    data = services.export_member_data(user=request.user)
    filename = f"digital-hubs-my-data-{timezone.localdate().isoformat()}.json"
    return HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@never_cache
@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.delete_account(user=user)
        messages.success(request, _("Your account and all your personal data have been deleted."))
        return redirect("home")
    return render(request, "members/delete_account.html", {"form": form})
