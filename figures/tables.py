"""The numbers of figures.measures as titled tables in the reader's language: each shown as a
table (the accessible version), drawn as a chart (figures.charts) and downloadable."""

from dataclasses import dataclass, field
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from events.models import Event
from hubs.reference import network
from members.models import Profile

from . import charts
from .measures import Scope


@dataclass
class Table:
    key: str
    title: str
    description: str
    columns: list[str]  # the first names the rows
    rows: list[tuple[str, list[int]]] = field(default_factory=list)
    chart: str = "bars"  # "months": columns over time; "bars": one bar a row; "": no chart
    months: list[date] = field(default_factory=list)  # the month of each row, in a table by month
    summed: bool = True  # whether a total row makes sense

    @property
    def short_labels(self) -> list[str]:
        """The rows' labels under the columns of a chart by month."""
        return [date_format(month, "M Y") for month in self.months]

    @property
    def svg(self):
        return charts.svg(self)

    @property
    def charted(self) -> list[tuple[str, int]]:
        """The rows' labels and first values, as the chart draws them."""
        return [(label, values[0]) for label, values in self.rows]

    @property
    def charts_some_rows(self) -> bool:
        """Whether the chart leaves rows out (figures.charts.MOST_BARS)."""
        return self.chart == "bars" and len(self.rows) > charts.MOST_BARS

    @property
    def totals(self) -> list[int]:
        return [sum(values[index] for _label, values in self.rows) for index in range(len(self.columns) - 1)]


def month_label(month: date) -> str:
    return date_format(month, "YEAR_MONTH_FORMAT")


def hub_name(pk) -> str:
    hub = network().hubs_by_pk.get(int(pk))
    return hub.name if hub else str(_("a hub no longer on the portal"))


# The measures counted as several numbers a month (figures.measures.count).
WIDTHS = {"desk_days": 2, "introductions": 3}


def monthly(scope: Scope, numbers: dict, *names: str) -> list[tuple[str, list[int]]]:
    """One row a month of the period, with the month's numbers of each of `names` (0 if none)."""
    rows = []
    for month in scope.months:
        key = month.isoformat()[:7]
        values = []
        for name in names:
            value = numbers[name].get(key, [0] * WIDTHS.get(name, 1))
            values.extend(value if isinstance(value, list) else [value])
        rows.append((month_label(month), values))
    return rows


def by_code(counted: dict, choices) -> list[tuple[str, list[int]]]:
    """One row a choice, in the choices' order, with what was counted for its code."""
    return [(label, [counted.get(code, 0)]) for code, label in choices]


def by_hub(counted: dict) -> list[tuple[str, list[int]]]:
    rows = [(hub_name(pk), [number]) for pk, number in counted.items()]
    return sorted(rows, key=lambda row: (-row[1][0], row[0]))


def members_by_hub(numbers: dict) -> list[tuple[str, list[int]]]:
    """One row a hub: its memberships, then how many of each type."""
    counted = {}
    for key, number in numbers["members_by_type"].items():
        hub, code = key.split(":")
        types = counted.setdefault(hub, {})
        types[code or Profile.MemberType.OTHER] = types.get(code or Profile.MemberType.OTHER, 0) + number
    rows = [
        (hub_name(hub), [sum(types.values()), *(types.get(code, 0) for code in Profile.MemberType.values)])
        for hub, types in counted.items()
    ]
    return sorted(rows, key=lambda row: (-row[1][0], row[0]))


def member_types(numbers: dict) -> dict[str, int]:
    counted = {}
    for key, number in numbers["members_by_type"].items():
        code = key.split(":")[1] or Profile.MemberType.OTHER
        counted[code] = counted.get(code, 0) + number
    return counted


def tables(scope: Scope, numbers: dict) -> list[Table]:
    """Every table of the dashboard, in its order."""
    cross_hub = sorted(
        (
            (f"{hub_name(pair.split(':')[0])} → {hub_name(pair.split(':')[1])}", [number])
            for pair, number in numbers["cross_hub"].items()
        ),
        key=lambda row: (-row[1][0], row[0]),
    )
    return [
        Table(
            "new_members",
            _("New members"),
            _(
                "People who became members in the period, each once, in the month of their first "
                "membership (joining a further hub later does not make anybody new again)."
            ),
            [_("Month"), _("New members")],
            monthly(scope, numbers, "new_members"),
            chart="months",
            months=scope.months,
        ),
        Table(
            "members_by_type",
            _("Members by type"),
            _("Memberships at the end of the period, by what the members said they are."),
            [_("Type"), _("Memberships")],
            by_code(member_types(numbers), Profile.MemberType.choices),
        ),
        Table(
            "members_by_hub",
            _("Members by hub"),
            _(
                "Memberships of each hub at the end of the period, and of which type (a member of two hubs is in both rows)."
            ),
            [_("Hub"), _("Memberships"), *Profile.MemberType.labels],
            members_by_hub(numbers),
            summed=False,
        ),
        Table(
            "events",
            _("Events"),
            _("Published events by the month they start (cancelled ones not counted)."),
            [_("Month"), _("Events")],
            monthly(scope, numbers, "events"),
            chart="months",
            months=scope.months,
        ),
        Table(
            "events_by_type",
            _("Events by type"),
            _("Published events of the period, by type."),
            [_("Type"), _("Events")],
            by_code(numbers["events_by_type"], Event.Type.choices),
        ),
        Table(
            "events_by_format",
            _("Events by format"),
            _("Published events of the period: on site, online or both."),
            [_("Format"), _("Events")],
            by_code(numbers["events_by_format"], Event.Format.choices),
        ),
        Table(
            "events_by_hub",
            _("Events by hub"),
            _("Published events of the period, by hosting hub."),
            [_("Hub"), _("Events")],
            by_hub(numbers["events_by_hub"]),
        ),
        Table(
            "registrations",
            _("Registrations and attendance"),
            _(
                "Confirmed registrations on the portal, by the month of the event; and the attendance "
                "the organisers counted on the day, where they recorded it. Attendance includes people "
                "who did not register on the portal, so it can be higher than the registrations."
            ),
            [_("Month"), _("Registrations"), _("Attendance (organisers' count)")],
            monthly(scope, numbers, "registrations", "attendance"),
            chart="months",
            months=scope.months,
        ),
        Table(
            "cross_hub",
            _("Cross-hub attendance"),
            _(
                "Registrations of members of one hub at events of another hub they are not members of: "
                "from the members' hub to the hosting hub. A member of several hubs is counted for each "
                "of them, so the rows are not added up."
            ),
            [_("From → to"), _("Registrations")],
            cross_hub,
            summed=False,
        ),
        Table(
            "desk_days",
            _("Desk-days"),
            _(
                "Guest desks booked with the Start-up Card, by month, and those used (days past that were "
                "not marked as no-show)."
            ),
            [_("Month"), _("Booked"), _("Used")],
            monthly(scope, numbers, "desk_days"),
            chart="months",
            months=scope.months,
        ),
        Table(
            "introductions",
            _("Introductions"),
            _(
                "Introductions requested in each month; of those, how many were accepted and how many "
                "led to an outcome (a meeting, follow-up, pilot or investment)."
            ),
            [_("Month"), _("Requested"), _("Accepted"), _("With an outcome")],
            monthly(scope, numbers, "introductions"),
            chart="months",
            months=scope.months,
        ),
        Table(
            "partners",
            _("Partners"),
            _("Partnerships of the hubs with published organisations at the end of the period."),
            [_("Hub"), _("Partnerships")],
            by_hub(numbers["partners"]),
        ),
    ]


@dataclass(frozen=True)
class Headline:
    """A number at a glance, with the table that defines and breaks it down (its key)."""

    label: str
    number: int
    table: str = ""


def headline(numbers: dict) -> list[Headline]:
    """The dashboard's numbers at a glance. A number beside another is never larger than the
    whole it is a part of: new members of the members, registrations from other hubs of the
    registrations, desk-days used of those booked, introductions accepted of those requested and
    with an outcome of those accepted."""
    registrations = sum(numbers["registrations"].values())
    desk_days = [sum(values) for values in zip(*numbers["desk_days"].values(), strict=True)] or [0, 0]
    introductions = [sum(values) for values in zip(*numbers["introductions"].values(), strict=True)] or [
        0,
        0,
        0,
    ]
    return [
        Headline(_("Members"), numbers["members"], "members_by_hub"),
        Headline(_("of them new in the period"), sum(numbers["new_members"].values()), "new_members"),
        Headline(_("Events"), sum(numbers["events"].values()), "events"),
        Headline(_("Registrations"), registrations, "registrations"),
        Headline(_("of them from other hubs"), numbers["cross_hub_registrations"], "cross_hub"),
        Headline(_("Attendance (organisers' count)"), sum(numbers["attendance"].values()), "registrations"),
        Headline(_("Desk-days booked"), desk_days[0], "desk_days"),
        Headline(_("of them used"), desk_days[1], "desk_days"),
        Headline(_("Introductions requested"), introductions[0], "introductions"),
        Headline(_("of them accepted"), introductions[1], "introductions"),
        Headline(_("of those with an outcome"), introductions[2], "introductions"),
        Headline(_("Partner organisations"), numbers["partner_organisations"], "partners"),
    ]
