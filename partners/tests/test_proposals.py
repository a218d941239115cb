"""A member proposes an organisation to their hub; its managers publish or reject it."""

import pytest
from django.core import mail
from django.urls import reverse

from members.tests.factories import ProfileFactory
from partners.models import Affiliation, Organisation

from .factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def proposal_data(for_hub, **overrides):
    return {
        "name": "Hafenlogistik GmbH",
        "kind": Organisation.Kind.MITTELSTAND,
        "hub": for_hub.pk,
        "city": "Hamburg",
        "website": "hafenlogistik.example",
        "description_de": "Logistik im Hafen.",
        "description_en": "Logistics in the port.",
        "role": Affiliation.Role.FOUNDER,
        **overrides,
    }


def test_member_proposes_an_organisation_and_the_hub_managers_are_told(
    client, member, manager, other_manager, hub, django_capture_on_commit_callbacks
):
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("partners:propose"), proposal_data(hub))

    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response.url == organisation.get_absolute_url()
    assert organisation.status == Organisation.Status.SUBMITTED
    assert organisation.proposed_by == member
    assert organisation.hub == hub
    assert organisation.website == "https://hafenlogistik.example"
    assert [message.to for message in mail.outbox] == [[manager.email]]
    assert "Hafenlogistik GmbH" in mail.outbox[0].subject
    assert reverse("admin:partners_organisation_change", args=[organisation.pk]) in mail.outbox[0].body
    # Linked as founder; shown once published.
    assert Affiliation.objects.get(organisation=organisation).user == member


def test_a_proposal_is_not_public_until_published(client, member, other_member, hub):
    client.force_login(member)
    client.post(reverse("partners:propose"), proposal_data(hub))
    organisation = Organisation.objects.get()

    assert client.get(organisation.get_absolute_url()).status_code == 200  # the proposer sees it
    client.logout()
    assert client.get(organisation.get_absolute_url()).status_code == 404
    assert "Hafenlogistik" not in client.get(reverse("partners:directory")).content.decode()
    client.force_login(other_member)
    assert client.get(organisation.get_absolute_url()).status_code == 404


def test_member_cannot_propose_to_a_hub_they_do_not_belong_to(client, member, other_hub):
    client.force_login(member)

    response = client.post(reverse("partners:propose"), proposal_data(other_hub))

    assert response.status_code == 200
    assert "hub" in response.context["form"].errors
    assert not Organisation.objects.exists()


def test_member_without_hubs_is_asked_to_join_one(client):
    client.force_login(ProfileFactory().user)

    response = client.get(reverse("partners:propose"))

    assert response.status_code == 302
    assert response.url == reverse("hubs:list")


def test_the_same_name_twice_is_refused_on_the_form_whatever_the_case(client, member, hub):
    OrganisationFactory(name="Hafenlogistik GmbH")
    client.force_login(member)

    response = client.post(reverse("partners:propose"), proposal_data(hub, name="HAFENLOGISTIK gmbh"))

    assert response.status_code == 200
    assert "Eine Organisation dieses Namens ist bereits im Portal." in response.content.decode()
    assert 'value="HAFENLOGISTIK gmbh"' in response.content.decode()  # nothing typed is lost
    assert Organisation.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"kind": "castle"}, "kind"),
        ({"website": "not a web address"}, "website"),
        ({"description_de": "x" * 601}, "description_de"),
        ({"role": "king"}, "role"),
        ({"hub": "999999"}, "hub"),
    ],
)
def test_bad_input_is_explained_on_the_form(client, member, hub, overrides, field):
    client.force_login(member)

    response = client.post(reverse("partners:propose"), proposal_data(hub, **overrides))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Organisation.objects.exists()


def test_a_logo_that_is_no_picture_is_refused(client, member, hub):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(member)
    data = proposal_data(hub, logo=SimpleUploadedFile("logo.png", b"not a picture", content_type="image/png"))

    response = client.post(reverse("partners:propose"), data)

    assert response.status_code == 200
    assert "logo" in response.context["form"].errors


def test_a_logo_is_stored_re_encoded_with_its_size(client, member, hub):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    picture = BytesIO()
    Image.new("RGB", (1200, 300), "navy").save(picture, format="JPEG")
    client.force_login(member)
    data = proposal_data(
        hub, logo=SimpleUploadedFile("logo.jpg", picture.getvalue(), content_type="image/jpeg")
    )

    client.post(reverse("partners:propose"), data)

    organisation = Organisation.objects.get()
    assert organisation.logo.name.endswith(".png")
    assert (organisation.logo_width, organisation.logo_height) == (600, 150)


@pytest.mark.parametrize(
    ("role", "outcome"),
    [
        ("anonymous", "login"),
        ("member", 403),
        ("other_member", 404),
        ("manager", "published"),
        ("other_manager", 404),
        ("agency", "published"),
    ],
)
def test_who_publishes_a_proposal(client, request, hub, role, outcome, django_capture_on_commit_callbacks):
    proposer = ProfileFactory().user
    organisation = OrganisationFactory(hub=hub, status=Organisation.Status.SUBMITTED, proposed_by=proposer)
    if role == "member":
        # A member of the hub who did not propose it sees nothing to review: it is not theirs.
        organisation.proposed_by = request.getfixturevalue("member")
        organisation.save()
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("partners:publish", args=[organisation.slug]))

    organisation.refresh_from_db()
    if outcome == "login":
        assert response.url.startswith(reverse("account_login"))
    elif outcome == "published":
        assert response.status_code == 302
        assert organisation.status == Organisation.Status.PUBLISHED
        assert [message.to for message in mail.outbox] == [[proposer.email]]
        return
    else:
        assert response.status_code == outcome
    assert organisation.status == Organisation.Status.SUBMITTED
    assert mail.outbox == []


def test_rejection_needs_a_reason_and_tells_the_proposer(
    client, manager, hub, django_capture_on_commit_callbacks
):
    proposer = ProfileFactory().user
    organisation = OrganisationFactory(hub=hub, status=Organisation.Status.SUBMITTED, proposed_by=proposer)
    client.force_login(manager)

    client.post(reverse("partners:reject", args=[organisation.slug]), {"reason": "  "})
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.SUBMITTED

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("partners:reject", args=[organisation.slug]), {"reason": "Bitte Website angeben."}
        )

    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.REJECTED
    assert mail.outbox[0].to == [proposer.email]
    assert "Bitte Website angeben." in mail.outbox[0].body


def test_the_proposer_changes_a_rejected_proposal_and_it_returns_to_review(
    client, member, manager, hub, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(
        hub=hub, status=Organisation.Status.REJECTED, proposed_by=member, rejection_reason="Website fehlt."
    )
    client.force_login(member)
    page = client.get(reverse("partners:edit", args=[organisation.slug]))
    assert "Website fehlt." in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("partners:edit", args=[organisation.slug]),
            proposal_data(hub, name=organisation.name, website="https://neu.example"),
        )

    organisation.refresh_from_db()
    assert response.status_code == 302
    assert organisation.status == Organisation.Status.SUBMITTED
    assert organisation.website == "https://neu.example"
    assert [message.to for message in mail.outbox] == [[manager.email]]


def test_a_published_organisation_is_no_longer_the_proposers_to_edit(client, member, hub):
    organisation = OrganisationFactory(hub=hub, proposed_by=member)
    client.force_login(member)

    assert client.get(reverse("partners:edit", args=[organisation.slug])).status_code == 403


def test_publishing_twice_is_a_message_not_an_error(client, manager, hub):
    organisation = OrganisationFactory(hub=hub, status=Organisation.Status.SUBMITTED)
    client.force_login(manager)
    client.post(reverse("partners:publish", args=[organisation.slug]))

    response = client.post(reverse("partners:publish", args=[organisation.slug]), follow=True)

    assert response.status_code == 200
    assert any(
        "Nur Vorschläge, die auf Prüfung warten" in str(message) for message in response.context["messages"]
    )
