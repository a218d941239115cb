"""Charts drawn on the server as SVG: no script, no third party, readable without colour.

Each chart draws the first value column of a figures.tables.Table; the table itself follows
it on the page, so the chart is named as an image and the numbers are read from the table.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

# Drawn for a phone's width first: at 360 units the text is as large as the page's small print,
# and figures.css keeps a chart from growing beyond 30rem on wider screens.
WIDTH = 360
ROW = 38  # a horizontal bar's row: its label on a line of its own above the bar, whole
BAR = 14
# Colours and type are attributes of the drawing itself (figures.css may restyle them on the
# screen), so that the chart looks the same wherever it is drawn: in a browser, and in the PDF
# of the quarterly report, which does not style an SVG from the page's stylesheet.
BAR_COLOUR = "#1659a8"
MOST_BARS = 12  # a chart of bars shows the largest rows; the table below lists every one
TEXT = 'font-family="Source Sans 3, sans-serif" font-size="12" fill="#1b1f24"'


def svg(table) -> SafeString:
    values = table.charted
    if not table.chart or not values:
        return SafeString("")
    top = max(value for _label, value in values) or 1
    if table.chart == "months":
        return columns(table, values, top)
    return bars(table, values, top)


def frame(table, height: int, content) -> SafeString:
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" focusable="false">{}</svg>',
        WIDTH,
        height,
        _("%(title)s as a chart; the numbers are in the table below") % {"title": table.title},
        content,
    )


def columns(table, values, top) -> SafeString:
    """One column a month, labelled every few months so that the labels never overlap."""
    height, base = 220, 190
    step = (WIDTH - 40) / len(values)
    every = max(1, round(len(values) / 4))
    parts = []
    for index, ((_label, value), short) in enumerate(zip(values, table.short_labels, strict=True)):
        x = 20 + index * step
        tall = round(value / top * (base - 30))
        parts.append(
            format_html(
                '<rect class="chart__bar" fill="{}" x="{}" y="{}" width="{}" height="{}"></rect>',
                BAR_COLOUR,
                f"{x + step * 0.15:.1f}",
                base - tall,
                f"{step * 0.7:.1f}",
                tall,
            )
        )
        if value:
            parts.append(
                format_html(
                    '<text class="chart__value" {} x="{}" y="{}" text-anchor="middle">{}</text>',
                    SafeString(TEXT),
                    f"{x + step / 2:.1f}",
                    base - tall - 6,
                    value,
                )
            )
        if index % every == 0:
            parts.append(
                format_html(
                    '<text class="chart__label" {} x="{}" y="{}" text-anchor="middle">{}</text>',
                    SafeString(TEXT),
                    f"{x + step / 2:.1f}",
                    base + 20,
                    short,
                )
            )
    axis = format_html(
        '<line class="chart__axis" stroke="#4a5560" x1="20" y1="{}" x2="{}" y2="{}"></line>',
        base,
        WIDTH - 20,
        base,
    )
    return frame(table, height, format_html_join("", "{}", ((part,) for part in [*parts, axis])))


def bars(table, values, top) -> SafeString:
    """One horizontal bar a row (the first MOST_BARS), its whole label on the line above it and
    its number after it."""
    values = values[:MOST_BARS]
    height = len(values) * ROW + 6
    parts = []
    room = WIDTH - 60
    for index, (label, value) in enumerate(values):
        y = index * ROW
        wide = round(value / top * room)
        parts.append(
            format_html(
                '<text class="chart__label" {} x="0" y="{}">{}</text>'
                '<rect class="chart__bar" fill="{}" x="0" y="{}" width="{}" height="{}"></rect>'
                '<text class="chart__value" {} x="{}" y="{}">{}</text>',
                SafeString(TEXT),
                y + 14,
                label,
                BAR_COLOUR,
                y + 19,
                wide,
                BAR,
                SafeString(TEXT),
                wide + 6,
                y + 31,
                value,
            )
        )
    return frame(table, height, format_html_join("", "{}", ((part,) for part in parts)))
