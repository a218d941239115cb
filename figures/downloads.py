"""The dashboard's tables as CSV (one table) and XLSX (every table, a sheet each)."""

from io import BytesIO

from django.http import HttpResponse
from openpyxl import Workbook

from core.csv_export import csv_response, spreadsheet_safe

MONTH_FORMAT = "mmmm yyyy"  # Excel shows the month's name in the reader's language


def table_rows(table):
    header = [str(column) for column in table.columns]
    rows = [[label, *values] for label, values in table.rows]
    return header, rows


def as_csv(table, *, filename: str) -> HttpResponse:
    header, rows = table_rows(table)
    return csv_response(filename=f"{filename}-{table.key}", header=header, rows=rows)


def as_xlsx(tables, *, filename: str) -> HttpResponse:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(str(table.title)[:31])  # Excel's limit for a sheet's name
        header, rows = table_rows(table)
        sheet.append(header)
        for index, row in enumerate(rows):
            # A row of a table by month names its month as a date, shown as one ("Januar 2026"),
            # so that the spreadsheet sorts, filters and charts it as time.
            label = table.months[index] if table.months else spreadsheet_safe(row[0])
            sheet.append([label, *row[1:]])
            if table.months:
                sheet.cell(row=index + 2, column=1).number_format = MONTH_FORMAT
        sheet.column_dimensions["A"].width = 36
    content = BytesIO()
    workbook.save(content)
    response = HttpResponse(
        content.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
