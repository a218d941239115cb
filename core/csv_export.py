"""CSV downloads, safe to open in spreadsheet programs and opened in columns by the Excel of the
reader's language: German Excel separates a CSV's columns by semicolons, English Excel by commas;
both read UTF-8 from its byte order mark."""

import csv

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language


def spreadsheet_safe(value) -> str:
    """Keep text that people entered from running as a formula when the CSV is opened."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_response(*, filename: str, header: list[str], rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{filename}-{timezone.localdate().isoformat()}.csv"'
    )
    response.write("\ufeff")  # so that spreadsheet programs read UTF-8
    writer = csv.writer(response, delimiter=";" if get_language() == "de" else ",")
    writer.writerow(header)
    for row in rows:
        writer.writerow([spreadsheet_safe(value) for value in row])
    return response
