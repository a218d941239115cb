import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from hubs.tests.factories import HubFactory
from members.models import AGENCY_GROUP, Membership, Profile, User

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    """A member whose email address is verified, as after a completed sign-up."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.org")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


class StaffFactory(UserFactory):
    """Agency staff: a superuser, who curates everything."""

    is_staff = True
    is_superuser = True


class AgencyStaffFactory(UserFactory):
    """Agency staff through the agency group, without superuser rights."""

    is_staff = True

    @factory.post_generation
    def agency_group(user, create, extracted, **kwargs):
        if create:
            group, _created = Group.objects.get_or_create(name=AGENCY_GROUP)
            user.groups.add(group)


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    slug = factory.Sequence(lambda n: f"member-{n}")
    display_name = factory.Sequence(lambda n: f"Mitglied {n}")
    member_type = Profile.MemberType.FOUNDER
    organisation = "Beispiel GmbH"
    visibility = Profile.Visibility.PUBLIC

    @factory.post_generation
    def focus_themes(profile, create, extracted, **kwargs):
        if create and extracted:
            profile.focus_themes.set(extracted)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    hub = factory.SubFactory(HubFactory)
