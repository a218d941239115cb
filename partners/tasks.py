"""Emails about proposed organisations, written in the background worker (see events.tasks)."""

from django.urls import reverse
from django_tasks import task

from core.mail import absolute_url, in_language_of, send_portal_mail
from members.permissions import hub_managers

from .models import Organisation


@task()
def notify_reviewers(*, organisation_id: int) -> None:
    """A proposal awaits review: tell the managers of the hub it was proposed to."""
    organisation = (
        Organisation.objects.select_related("hub", "proposed_by").filter(pk=organisation_id).first()
    )
    if organisation is None or not organisation.is_awaiting_review:
        return
    for manager in hub_managers(organisation.hub_id):
        with in_language_of(manager):
            review_url = absolute_url(reverse("admin:partners_organisation_change", args=[organisation.pk]))
            send_portal_mail(
                to=[manager.email],
                template="partners/email/submitted",
                context={"organisation": organisation, "review_url": review_url},
            )


@task()
def notify_proposer(*, organisation_id: int) -> None:
    """Tell the member who proposed an organisation whether it was published or rejected."""
    organisation = Organisation.objects.select_related("proposed_by").filter(pk=organisation_id).first()
    if organisation is None or organisation.proposed_by is None or organisation.is_awaiting_review:
        return
    proposer = organisation.proposed_by
    with in_language_of(proposer):
        send_portal_mail(
            to=[proposer.email],
            template="partners/email/published" if organisation.is_published else "partners/email/rejected",
            context={
                "organisation": organisation,
                "organisation_url": absolute_url(organisation.get_absolute_url()),
            },
        )
