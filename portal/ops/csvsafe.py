"""Spreadsheet cells that a spreadsheet program will not run as formulas (OWASP "CSV injection").

The one rule (:func:`starts_like_formula`): a text starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is read as a formula by Excel, LibreOffice and Google Sheets (``=HYPERLINK(...)``,
``=cmd|...``). Numbers are numbers and stay as they are (a negative number is not text).

* CSV (:func:`csv_cell`, every CSV export): such a text gets a leading apostrophe, so the program shows the
  text instead of evaluating it. The JSON exports are unchanged.
* XLSX (:func:`xlsx_cell`, the translation spreadsheet): such a text is stored as text with the cell's
  quote prefix, the spreadsheet's own form of that apostrophe. It is not part of the value, so the text
  reads back unchanged (the import gets the translator's text as typed); and the cell stays text when
  someone edits it in Excel or LibreOffice instead of turning into a formula.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def starts_like_formula(value) -> bool:
    """True for a text that a spreadsheet program would read as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if starts_like_formula(text) else text


def csv_row(row: dict) -> dict:
    return {key: csv_cell(value) for key, value in row.items()}


def xlsx_cell(cell) -> None:
    """Mark an openpyxl cell whose text starts like a formula as text, with the quote prefix."""
    if starts_like_formula(cell.value):
        cell.data_type = "s"  # openpyxl took a text starting with "=" for a formula
        cell.quotePrefix = True
