"""CSV cells that a spreadsheet program will not run as formulas (OWASP "CSV injection").

Every CSV the portal writes goes through :func:`csv_cell`: a text cell starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return gets a leading apostrophe, so Excel, LibreOffice and Google Sheets show
the text instead of evaluating it (``=HYPERLINK(...)``, ``=cmd|...``). Numbers are numbers and stay as
they are (a negative number is not text); the JSON exports are unchanged.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_row(row: dict) -> dict:
    return {key: csv_cell(value) for key, value in row.items()}
