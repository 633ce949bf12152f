"""CSV files for a French spreadsheet: what every export of the site shares.

UTF-8 with a BOM (Excel then shows the accents), « ; » between cells, streamed a
row at a time, and every cell that a spreadsheet would run as a formula made
text by a leading quote (https://owasp.org/www-community/attacks/CSV_Injection).
The activity table, the Rapport d'activité and the listings' « Exporter en CSV »
write through these; PostgreSQL's COPY of the activity table does the same in
SQL (`phases.reports.activity_copy`).
"""

import csv

from django.http import StreamingHttpResponse

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff".encode()


def neutralise_formula(value):
    """Keep a spreadsheet from executing a cell: prefix risky text with a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class Echo:
    """A file-like object whose `write` returns the bytes: `csv.writer(Echo())`
    turns each row into the bytes to stream."""

    def write(self, value):
        return value.encode("utf-8")


def csv_response(filename, headings, rows):
    """A streamed CSV download of `rows` (iterables of cells; None is empty)."""
    writer = csv.writer(Echo(), delimiter=";")

    def lines():
        yield BOM
        yield writer.writerow([str(heading) for heading in headings])
        for row in rows:
            yield writer.writerow(
                [neutralise_formula("" if cell is None else str(cell)) for cell in row]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
