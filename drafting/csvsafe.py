"""CSV cells a spreadsheet will not run as formulas (OWASP's rule for CSV injection).

A cell starting with =, +, -, @, tab or carriage return is a formula to Excel, LibreOffice and
Google Sheets: a report titled `=HYPERLINK("http://evil", "click")` would become a live link.
Such a cell is written with a leading apostrophe, which spreadsheets show as text and hide. To
keep `library export` then `library add` a round trip, a cell that already starts with
apostrophes before one of those characters gets one more, and reading a CSV takes one off.
"""
from __future__ import annotations

import re
from typing import Any

_FORMULA = re.compile(r"'*[=+\-@\t\r]")
_NEUTRALISED = re.compile(r"'+[=+\-@\t\r]")


def cell(value: Any) -> Any:
    """The value as a CSV cell a spreadsheet shows as text (numbers are left as numbers)."""
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def row(values: list[Any]) -> list[Any]:
    return [cell(v) for v in values]


def record(values: dict[str, Any]) -> dict[str, Any]:
    return {k: cell(v) for k, v in values.items()}


def restore(value: Any) -> Any:
    """Undo cell() when reading a CSV this tool (or a careful spreadsheet) wrote."""
    if isinstance(value, str) and _NEUTRALISED.match(value):
        return value[1:]
    return value
