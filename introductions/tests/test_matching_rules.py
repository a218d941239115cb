"""Each rule of the matchmaking's table (introductions.matching.PAIRINGS), from both sides: the
points it gives and the sentence each member reads."""

import pytest
from django.utils import translation

from introductions.matching import score_person
from members.models import Profile

pytestmark = pytest.mark.django_db

Type = Profile.MemberType


def person(member_type, **facts):
    """A profile as the matchmaking reads it (with the ids and codes its queries annotate)."""
    profile = Profile(display_name=str(member_type), member_type=member_type)
    for name in ("need_codes", "stage_codes", "theme_ids", "hub_ids", "language_codes"):
        setattr(profile, name, facts.pop(name, []))
    for name, value in facts.items():
        setattr(profile, name, value)
    return profile


def founder(**facts):
    return person(Type.FOUNDER, **{"startup_stage": "seed", "funding_sought": None, **facts})


def investor(**facts):
    return person(Type.INVESTOR, **{"ticket_min": None, "ticket_max": None, **facts})


def corporate(**facts):
    return person(Type.CORPORATE, **{"offers_pilots": False, **facts})


def researcher(**facts):
    return person(Type.SCIENCE, **{"research_field": "", **facts})


def read(viewer, other) -> tuple[int, list[str]]:
    with translation.override("en"):
        suggestion = score_person(viewer, other)
        return suggestion.score, [str(reason) for reason in suggestion.reasons]


@pytest.mark.parametrize(
    ("stages", "founder_reads", "investor_reads", "points"),
    [
        (
            ["seed"],
            "Invests at Seed stage; you look for Seed funding",
            "Looks for Seed funding; you invest at this stage",
            5,
        ),
        ([], "An investor; you look for funding", "Looks for funding", 2),
    ],
)
def test_an_investor_and_a_founder_looking_for_funding_fit_by_stage_or_at_least_by_funding(
    stages, founder_reads, investor_reads, points
):
    looking, investing = founder(need_codes=["funding"]), investor(stage_codes=stages)

    assert read(looking, investing) == (points, [founder_reads])
    assert read(investing, looking) == (points, [investor_reads])


def test_a_ticket_range_that_holds_the_sum_sought_adds_two_points():
    looking = founder(need_codes=["funding"], funding_sought=500_000)
    investing = investor(ticket_min=250_000, ticket_max=2_000_000)

    assert read(looking, investing) == (
        4,
        ["An investor; you look for funding", "Tickets up to 2,000,000 € fit the 500,000 € you seek"],
    )
    assert read(investing, looking) == (4, ["Looks for funding", "Seeks 500,000 €, within your tickets"])
    assert read(looking, investor(ticket_min=1_000_000))[0] == 2  # the sum sought is below the tickets


def test_a_founder_without_the_need_is_not_paired_with_an_investor():
    assert read(founder(need_codes=["talent"]), investor(stage_codes=["seed"])) == (0, [])


def test_a_corporate_with_pilot_projects_fits_a_founder_looking_for_customers():
    looking, piloting = founder(need_codes=["customers"]), corporate(offers_pilots=True)

    assert read(looking, piloting) == (4, ["Runs pilot projects with start-ups; you look for customers"])
    assert read(piloting, looking) == (4, ["Looks for customers; you run pilot projects with start-ups"])


def test_a_corporate_without_pilot_projects_is_only_a_possible_partner_and_only_for_the_founder():
    looking, other = founder(need_codes=["partners"]), corporate()

    assert read(looking, other) == (1, ["A possible partner from industry; you look for partners"])
    assert read(other, looking) == (0, [])


@pytest.mark.parametrize(
    ("field", "founder_points", "founder_reads"),
    [
        ("robotics", 3, "Researches robotics; you look for talent"),
        ("", 1, "Works in research; you look for talent"),
    ],
)
def test_a_researcher_fits_a_founder_looking_for_talent_best_with_a_field(
    field, founder_points, founder_reads
):
    looking, researching = founder(need_codes=["talent"]), researcher(research_field=field)

    assert read(looking, researching) == (founder_points, [founder_reads])
    assert read(researching, looking) == (3, ["Looks for talent in research"])


def test_a_corporate_and_a_researcher_each_read_what_the_other_brings():
    assert read(corporate(), researcher(research_field="robotics")) == (2, ["Research partner: robotics"])
    assert read(researcher(), corporate(offers_pilots=True)) == (
        2,
        ["Runs pilot projects, also with research"],
    )
    assert read(corporate(offers_pilots=True), researcher()) == (0, [])


def test_two_founders_are_no_pairing():
    assert read(founder(need_codes=["partners"]), founder(need_codes=["funding"])) == (0, [])
