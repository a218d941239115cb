"""CSV downloads from the admin, safe to open in spreadsheet programs."""

import csv

from django.http import HttpResponse
from django.utils import timezone


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
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([spreadsheet_safe(value) for value in row])
    return response
