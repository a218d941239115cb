"""The dashboard in the admin for each role, its downloads and the quarterly report; the public
page; the commands. The numbers are conftest.counted's first quarter of 2026."""

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from figures.measures import Scope, default_period

pytestmark = pytest.mark.django_db

QUARTER = "date_from=2026-01-01&date_to=2026-03-31"


def test_agency_staff_see_the_network_and_any_hub(client, agency, counted):
    client.force_login(agency)

    response = client.get(f"/admin/figures/?{QUARTER}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Das ganze Netzwerk" in html
    assert '<option value="berlin">Berlin</option>' in html
    assert '<option value="hamburg">Hamburg</option>' in html
    # Members, of them new; events; registrations, of them from other hubs; attendance counted.
    assert [figure.number for figure in response.context["headline"]][:6] == [3, 2, 2, 5, 2, 25]
    for figure in response.context["headline"]:  # each leads to the table that defines it
        assert f'<a class="figures-headline__label" href="#figure-{figure.table}">' in html
        assert f'id="figure-{figure.table}"' in html


def test_a_hub_manager_sees_only_their_hub(client, manager, counted):
    client.force_login(manager)

    response = client.get(f"/admin/figures/?{QUARTER}")

    assert response.status_code == 200
    assert response.context["scope"].hubs == (counted["a"],)
    html = response.content.decode()
    assert "Alle meine Hubs" in html
    assert '<option value="berlin">' not in html
    # Anna and Cleo: Hamburg's members; the manager joined after the quarter.
    assert response.context["headline"][0].number == 2


def test_another_hubs_numbers_are_refused_to_a_manager(client, other_manager, counted):
    client.force_login(other_manager)

    response = client.get(f"/admin/figures/?hub=hamburg&{QUARTER}")

    assert response.status_code == 400
    assert "Bitte eine gültige Auswahl treffen" in response.content.decode()
    assert response.context["scope"].hubs == (counted["b"],)  # their own, the default period
    assert response.context["scope"].start == default_period()[0]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "date_from=2026-03-01&date_to=2026-01-01",
            "Der Zeitraum muss an oder nach seinem ersten Tag enden.",
        ),
        ("date_from=2015-01-01&date_to=2026-01-01", "Wählen Sie einen Zeitraum von höchstens fünf Jahren."),
        ("date_from=gestern", "Bitte ein gültiges Datum eingeben."),
    ],
)
def test_a_bad_period_is_explained_and_kept_in_the_form(client, agency, query, message):
    client.force_login(agency)

    response = client.get(f"/admin/figures/?{query}")

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    if "2026" in query:
        assert 'value="2026-01-01"' in html  # what was typed stays in the form


@pytest.mark.parametrize("role", [None, "member"])
def test_members_and_visitors_do_not_get_in(client, member, role):
    if role:
        client.force_login(member)

    for path in ("/admin/figures/", "/admin/figures/tables.xlsx", "/admin/figures/report/?quarter=2026-1"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.url.startswith("/admin/login/")


def test_the_members_of_each_hub_are_shown_by_type(client, agency, counted):
    client.force_login(agency)

    tables = {table.key: table for table in client.get(f"/admin/figures/?{QUARTER}").context["tables"]}

    # Hamburg: Anna (founder) and Cleo (science); Berlin: Ben (investor) and Cleo.
    assert tables["members_by_hub"].rows == [
        ("Berlin", [2, 0, 1, 0, 1, 0, 0]),
        ("Hamburg", [2, 1, 0, 0, 1, 0, 0]),
    ]


def test_a_table_downloads_as_csv_that_german_excel_opens_in_columns(client, agency, counted):
    client.force_login(agency)

    response = client.get(f"/admin/figures/tables.csv?{QUARTER}&table=registrations")

    assert response.status_code == 200
    content = response.content.decode()
    assert content.startswith("\ufeff")  # UTF-8, as Excel reads it
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff")), delimiter=";"))
    assert rows == [
        ["Monat", "Anmeldungen", "Teilnehmende (Zählung der Veranstaltenden)"],
        ["Januar 2026", "3", "25"],
        ["Februar 2026", "2", "0"],
        ["März 2026", "0", "0"],
    ]


def test_an_english_table_downloads_with_commas(client, agency, counted):
    client.force_login(agency)

    response = client.get(f"/en/admin/figures/tables.csv?{QUARTER}&table=registrations")

    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert rows[:2] == [
        ["Month", "Registrations", "Attendance (organisers' count)"],
        ["January 2026", "3", "25"],
    ]


def test_an_unknown_table_is_not_found(client, agency):
    client.force_login(agency)

    assert client.get("/admin/figures/tables.csv?table=salaries").status_code == 404


def test_every_table_downloads_as_one_workbook(client, manager, counted):
    client.force_login(manager)

    response = client.get(f"/admin/figures/tables.xlsx?{QUARTER}")

    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert "Neue Mitglieder" in workbook.sheetnames
    sheet = workbook["Vorstellungen"]
    assert [cell.value for cell in sheet[2]] == [datetime(2026, 1, 1), 2, 2, 1]
    assert sheet["A2"].number_format == "mmmm yyyy"  # a month, as a date, shown as one
    assert workbook["Mitglieder nach Art"]["A2"].data_type == "s"  # other tables name rows as text


def test_the_quarterly_report_is_german_and_printable(client, agency, counted):
    client.force_login(agency)

    response = client.get("/en/admin/figures/report/?quarter=2026-1&hub=hamburg")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "Quartalsbericht 1/2026" in html
    assert "Hamburg, 01.01.2026 bis 31.03.2026" in html
    assert "data-print" in html
    assert 'href="/admin/figures/report.pdf?quarter=2026-1&amp;hub=hamburg" download' in html
    assert response.context["headline"][0].number == 2


@pytest.mark.parametrize("query", ["quarter=2026-5", "quarter=", "quarter=2026-1&hub=atlantis"])
def test_a_report_for_no_quarter_or_hub_is_not_found(client, agency, query):
    client.force_login(agency)

    assert client.get(f"/admin/figures/report/?{query}").status_code == 404


def test_a_manager_gets_no_report_of_another_hub(client, other_manager, counted):
    client.force_login(other_manager)

    assert client.get("/admin/figures/report/?quarter=2026-1&hub=hamburg").status_code == 404


def test_the_admin_home_leads_to_the_numbers(client, manager):
    client.force_login(manager)

    assert 'href="/admin/figures/"' in client.get("/admin/").content.decode()


@pytest.mark.parametrize(
    ("language", "heading", "members"),
    [("", "Das Netzwerk in Zahlen", "Mitglieder"), ("/en", "The network in numbers", "Members")],
)
def test_the_public_page_shows_the_headline_numbers(client, hub, other_hub, language, heading, members):
    response = client.get(f"{language}/netzwerk-in-zahlen/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    headline = {str(figure.label): figure.number for figure in response.context["headline"]}
    assert headline[members] == 0
    assert '<svg class="chart"' in html
    assert "<caption" in html


def test_the_public_page_is_in_the_sitemap(client):
    assert "/netzwerk-in-zahlen/" in client.get("/sitemap-sections.xml").content.decode()


def test_refresh_counts_the_usual_views_into_the_cache(manager, counted):
    start, end = default_period()
    cache.clear()

    call_command("refresh_figures", stdout=io.StringIO())

    for hubs in [(), (counted["a"],), (counted["b"],)]:
        assert cache.get(Scope(hubs=hubs, start=start, end=end).cache_key) is not None


def test_the_report_command_writes_a_standalone_page(counted, tmp_path):
    target = tmp_path / "bericht.html"

    call_command("quarterly_report", quarter="2026-1", output=str(target), stdout=io.StringIO())

    html = Path(target).read_text()
    assert "<style>" in html and '<link rel="stylesheet"' not in html
    assert 'font-family: "Source Sans 3"' in html  # the stylesheet, not its HTML-escaped text
    assert "@page" in html
    assert "Quartalsbericht 1/2026" in html
    assert "Das ganze Netzwerk, 01.01.2026 bis 31.03.2026" in html


@pytest.mark.parametrize(
    ("options", "message"), [({"quarter": "2026-7"}, "names no quarter"), ({"hub": "atlantis"}, "no hub")]
)
def test_the_report_command_refuses_what_names_nothing(options, message):
    with pytest.raises(CommandError, match=message):
        call_command("quarterly_report", **options, stdout=io.StringIO())
