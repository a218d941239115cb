"""The quarterly report as a PDF a ministry can receive: A4, the portal's fonts embedded, a
cover with the numbers at a glance, page numbers, charts whose labels are whole."""

import io

import pytest
import weasyprint
from django.core.management import call_command

from figures.charts import MOST_BARS
from figures.pdf import StaticFiles
from figures.tables import tables

from .conftest import QUARTER

pytestmark = pytest.mark.django_db

A4 = (793.7, 1122.5)  # CSS pixels


def test_a_curator_downloads_the_report_as_an_a4_pdf(client, agency, counted):
    client.force_login(agency)

    response = client.get("/admin/figures/report.pdf?quarter=2026-1&hub=hamburg")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="quartalsbericht-2026-1-hamburg.pdf"'
    document = weasyprint.HTML(
        string=client.get("/admin/figures/report/?quarter=2026-1&hub=hamburg").content.decode(),
        base_url="https://digital-hubs.example.org/",
        url_fetcher=StaticFiles(),
    ).render()
    assert 2 <= len(document.pages) <= 12
    for page in document.pages:
        assert (round(page.width, 1), round(page.height, 1)) == A4
    document.write_pdf()
    fonts = {font.name.decode() for font in document.fonts.values()}
    assert any("Source-Sans-3" in name for name in fonts), fonts


def test_the_pdf_numbers_its_pages_and_opens_with_the_cover(client, agency, counted):
    client.force_login(agency)
    html = client.get("/admin/figures/report/?quarter=2026-1").content.decode()

    document = weasyprint.HTML(string=html, base_url="https://x.example/", url_fetcher=StaticFiles()).render()

    first_page_text = text_of(document.pages[0])
    assert "Das Netzwerk in Zahlen" in first_page_text
    assert "Auf einen Blick" in first_page_text
    assert "davon im Zeitraum neu" in first_page_text
    assert f"Seite 1 von {len(document.pages)}" in first_page_text
    assert "Neue Mitglieder" not in first_page_text.split("Auf einen Blick")[0]  # the tables follow


def text_of(page) -> str:
    """The words laid out on a page, its margin boxes (the page number) included."""
    words = []

    def walk(box):
        if hasattr(box, "text") and box.text:
            words.append(box.text)
        for child in getattr(box, "children", []):
            walk(child)

    walk(page._page_box)
    return " ".join(words)


@pytest.mark.parametrize("who", ["manager", "other_manager"])
def test_a_manager_gets_the_pdf_of_their_hub_only(client, request, counted, who):
    client.force_login(request.getfixturevalue(who))

    response = client.get("/admin/figures/report.pdf?quarter=2026-1&hub=hamburg")

    assert response.status_code == (200 if who == "manager" else 404)


def test_the_command_writes_the_pdf(counted, tmp_path):
    target = tmp_path / "bericht.pdf"

    call_command("quarterly_report", quarter="2026-1", output=str(target), stdout=io.StringIO())

    content = target.read_bytes()
    assert content.startswith(b"%PDF-")
    assert len(content) > 10_000


def test_the_pdf_reads_nothing_but_the_portals_static_files():
    fetch = StaticFiles()

    assert (
        fetch("https://digital-hubs.example.org/static/css/report.css").headers["Content-Type"] == "text/css"
    )
    with pytest.raises(ValueError, match="only the portal's static files"):
        fetch("https://tracker.example.com/pixel.png")


def test_chart_labels_are_whole_and_bars_are_the_largest_rows(counted):
    from figures.measures import Scope, count

    numbers = count(Scope(hubs=(), start=QUARTER[0], end=QUARTER[1]))
    numbers["cross_hub"] = {f"{a}:{b}": a * 100 + b for a in range(1, 6) for b in range(1, 6) if a != b}
    shown = {table.key: table for table in tables(Scope(hubs=(), start=QUARTER[0], end=QUARTER[1]), numbers)}

    svg = str(shown["cross_hub"].svg)
    assert "…" not in svg
    assert svg.count('class="chart__bar"') == MOST_BARS
    assert shown["cross_hub"].charts_some_rows
