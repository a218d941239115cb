"""Suggestions on the dashboard and the matches page: ranked by fit, explained in words, only
from profiles the member may see and whose owners take part, hidden on request."""

import pytest
from django.urls import reverse

from conftest import person_in
from hubs.tests.factories import FocusThemeFactory
from introductions.models import HiddenSuggestion
from introductions.tests.factories import IntroductionFactory
from members.models import Profile
from partners.tests.factories import OrganisationFactory, PartnershipFactory

from .conftest import make_founder, make_investor, speaks

pytestmark = pytest.mark.django_db


def people_on(client, user):
    client.force_login(user)
    response = client.get(reverse("introductions:matches"))
    assert response.status_code == 200
    return response, [suggestion.profile.user for suggestion in response.context["matches"].people]


def test_founder_sees_fitting_investor_first_with_reasons_in_words(client, founder, investor, hub, fintech):
    other_investor = make_investor(person_in(hub, "Otto Growth"), themes=[fintech], stages=["growth"])
    stranger = make_investor(
        person_in(hub, "Sina Andersthema"), themes=[FocusThemeFactory()], stages=["seed"]
    )

    response, people = people_on(client, founder)

    assert people[0] == investor
    assert set(people) >= {investor, other_investor}
    assert people.index(investor) < people.index(other_investor)
    assert people.index(investor) < people.index(stranger)
    reasons = response.context["matches"].people[0].reasons
    assert "Investiert in der Phase Seed in FinTech; Sie suchen eine Seed-Finanzierung" in reasons
    assert "Tickets bis 2.000.000 € passen zu den 500.000 €, die Sie suchen" in reasons
    assert "Beide im Hub Hamburg" in reasons
    assert "Investiert in der Phase Seed in FinTech" in response.content.decode()


def test_reasons_follow_the_visitors_language(client, founder, investor):
    client.force_login(founder)

    response = client.get("/en" + reverse("introductions:matches"))

    assert "Invests at Seed stage in FinTech; you look for Seed funding" in response.content.decode()


def test_investor_sees_the_founder_with_the_reason_from_their_side(client, founder, investor):
    response, people = people_on(client, investor)

    assert people == [founder]
    assert (
        "Sucht eine Seed-Finanzierung in FinTech; Sie investieren in dieser Phase"
        in response.context["matches"].people[0].reasons
    )


def test_corporate_with_pilots_and_researcher_fit_a_founder_looking_for_customers_and_talent(
    client, member, hub, fintech
):
    make_founder(member, themes=[fintech], needs=["customers", "talent"])
    corporate = person_in(hub, "Carla Konzern")
    Profile.objects.filter(user=corporate).update(
        member_type=Profile.MemberType.CORPORATE, offers_pilots=True
    )
    researcher = person_in(hub, "Rudi Forscher")
    Profile.objects.filter(user=researcher).update(
        member_type=Profile.MemberType.SCIENCE, research_field="Kryptografie für Zahlungen"
    )

    response, people = people_on(client, member)

    assert set(people) == {corporate, researcher}
    reasons = {s.profile.user: s.reasons for s in response.context["matches"].people}
    assert "Führt Pilotprojekte mit Start-ups durch; Sie suchen Kunden" in reasons[corporate]
    assert any("Kryptografie für Zahlungen" in reason for reason in reasons[researcher])


def test_only_visible_profiles_of_members_taking_part_are_suggested(client, founder, investor, hub, fintech):
    hidden = make_investor(person_in(hub, "Hanna Versteckt"), themes=[fintech])
    Profile.objects.filter(user=hidden).update(visibility=Profile.Visibility.HIDDEN)
    opted_out = make_investor(person_in(hub, "Olaf Ohne"), themes=[fintech])
    Profile.objects.filter(user=opted_out).update(matchmaking=False)
    inactive = make_investor(person_in(hub, "Ida Inaktiv"), themes=[fintech])
    inactive.is_active = False
    inactive.save()

    _response, people = people_on(client, founder)

    assert people == [investor]


def test_nobody_without_a_shared_working_language_is_suggested(client, founder, investor):
    speaks(founder, "en")
    speaks(investor, "de")

    _response, people = people_on(client, founder)

    assert people == []


def test_a_shared_language_other_than_german_is_a_reason(client, founder, investor):
    speaks(founder, "en", "de")
    speaks(investor, "en")

    response, _people = people_on(client, founder)

    assert "Sie arbeiten beide auf Englisch" in response.context["matches"].people[0].reasons


def test_people_already_asked_are_not_suggested_again(client, founder, investor, hub):
    IntroductionFactory(requester=founder, recipient=investor, hub=hub)

    _response, people = people_on(client, founder)

    assert people == []


def test_a_hidden_suggestion_stays_hidden_until_shown_again(client, founder, investor):
    client.force_login(founder)
    matches = reverse("introductions:matches")

    response = client.post(
        reverse("introductions:hide"), {"profile": investor.profile.pk, "next": matches}, follow=True
    )

    assert response.redirect_chain[-1][0] == matches
    assert response.context["matches"].people == []
    assert "Ines Investorin wird Ihnen nicht mehr vorgeschlagen." in response.content.decode()

    response = client.post(reverse("introductions:show_hidden"), {"next": matches}, follow=True)

    assert [s.profile.user for s in response.context["matches"].people] == [investor]


def test_hiding_a_profile_one_may_not_see_is_404(client, founder, investor):
    Profile.objects.filter(user=investor).update(visibility=Profile.Visibility.HIDDEN)
    client.force_login(founder)

    response = client.post(reverse("introductions:hide"), {"profile": investor.profile.pk})

    assert response.status_code == 404
    assert not HiddenSuggestion.objects.exists()


@pytest.mark.parametrize("data", [{}, {"profile": "abc"}, {"organisation": "-1"}, {"profile": "99999"}])
def test_hiding_nothing_or_something_unknown_is_404(client, founder, data):
    client.force_login(founder)

    assert client.post(reverse("introductions:hide"), data).status_code == 404


def test_hide_returns_only_to_this_site(client, founder, investor):
    client.force_login(founder)

    response = client.post(
        reverse("introductions:hide"), {"profile": investor.profile.pk, "next": "https://evil.example/"}
    )

    assert response.url == reverse("introductions:matches")


def test_switching_matchmaking_off_hides_suggestions_and_the_member(client, founder, investor):
    client.force_login(founder)

    client.post(reverse("introductions:switch"), {"on": "0"})

    response = client.get(reverse("introductions:matches"))
    assert response.context["matches"].switched_off
    assert "Matchmaking ist aus" in response.content.decode()
    _response, people = people_on(client, investor)
    assert people == []

    client.force_login(founder)
    client.post(reverse("introductions:switch"), {"on": "1"})
    assert Profile.objects.get(user=founder).matchmaking


def test_switching_without_a_profile_asks_for_one(client):
    from members.tests.factories import UserFactory

    client.force_login(UserFactory())

    response = client.post(reverse("introductions:switch"), {"on": "1"})

    assert response.url == reverse("members:profile_edit")


def test_organisations_of_the_complementary_kind_are_suggested_with_reasons(
    client, founder, hub, other_hub, fintech
):
    fund = OrganisationFactory(name="Beispiel Kapital", kind="investor", focus_themes=[fintech])
    PartnershipFactory(organisation=fund, hub=hub)
    OrganisationFactory(name="Fremdes Labor", kind="startup", focus_themes=[fintech])  # not for founders
    OrganisationFactory(name="Anderes Thema", kind="investor", focus_themes=[FocusThemeFactory()])
    client.force_login(founder)

    response = client.get(reverse("introductions:matches"))

    suggestions = response.context["matches"].organisations
    assert [s.organisation for s in suggestions] == [fund]
    assert suggestions[0].reasons == [
        "Investor in FinTech; Sie suchen eine Finanzierung",
        "Partner Ihres Hubs Hamburg",
    ]

    client.post(reverse("introductions:hide"), {"organisation": fund.pk})
    assert client.get(reverse("introductions:matches")).context["matches"].organisations == []


def test_dashboard_shows_the_best_few_and_links_to_all(client, founder, investor):
    client.force_login(founder)

    response = client.get(reverse("members:dashboard"))

    content = response.content.decode()
    assert "Für Sie vorgeschlagen" in content
    assert "Ines Investorin" in content
    assert reverse("introductions:ask", args=[investor.profile.slug]) in content


def test_dashboard_without_profile_invites_to_complete_it(client):
    from members.tests.factories import UserFactory

    client.force_login(UserFactory())

    response = client.get(reverse("members:dashboard"))

    assert response.status_code == 200
    assert "Vervollständigen Sie Ihr Profil, dann schlagen wir" in response.content.decode()


def test_the_database_shortlists_by_fit_before_shared_themes(client, founder, fintech):
    """More investors share two themes with the founder than the shortlist holds; the one at the
    founder's stage, sharing one theme, is still found, and first."""
    from members.tests.factories import ProfileFactory

    insurtech = FocusThemeFactory()
    Profile.objects.get(user=founder).focus_themes.add(insurtech)
    for _ in range(45):
        make_investor(ProfileFactory().user, themes=[fintech, insurtech], stages=["growth"])
    at_my_stage = make_investor(
        ProfileFactory(display_name="Zoe Seed").user, themes=[fintech], stages=["seed"]
    )

    _response, people = people_on(client, founder)

    assert people[0] == at_my_stage


def test_the_shortlist_is_kept_until_the_members_own_facts_change(client, founder, investor, hub, fintech):
    """Shortlisting is the costly step at the network's size: it is kept for ten minutes, and
    made anew at once when the member changes what they say of themselves."""
    people_on(client, founder)
    newcomer = make_investor(person_in(hub, "Nora Neu"), themes=[fintech])

    _response, people = people_on(client, founder)
    assert newcomer not in people

    Profile.objects.get(user=founder).focus_themes.add(FocusThemeFactory())
    _response, people = people_on(client, founder)
    assert newcomer in people


def test_suggestions_work_while_redis_is_down(client, founder, investor, settings):
    """The kept shortlist lives in the cache; without Redis it is kept in the process."""
    from core.cache import CONNECTION_OPTIONS
    from core.tests.support import free_port

    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": CONNECTION_OPTIONS,
        }
    }

    _response, people = people_on(client, founder)

    assert people == [investor]
    assert client.get(reverse("members:dashboard")).status_code == 200
