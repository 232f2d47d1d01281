"""The one CSV dialect every command writes (``score``, ``compare``, ``suggest``, ``diff``), so
that a spreadsheet, the csv module and pandas' defaults read each file the same way:

- RFC 4180: commas, double quotes where needed, lines ending in CRLF;
- booleans ``true`` and ``false``;
- the same name for the same column in every file: ``profile``, ``profile_version``, ``id``
  (the program), ``rank``, ``grade``, ``score``, ``worst``, ``best``, ``coverage_percent``;
- coverage in percent, 0-100 (``coverage_percent``), one decimal like the scores;
- ``grade`` is ``none`` where too little is known for a grade, and the ``score`` cell is
  then empty: ``worst``, ``best`` and ``coverage_percent`` say what is known, and no
  spreadsheet sorts a bare score of an ungraded program to the top;
- an empty cell is a value that does not exist (that score, a category with nothing known,
  the credit of an unknown finding), never a word: the outcome ``n/a`` is written
  ``not-applicable`` and unknown is ``unknown``, so pandas (which reads ``n/a``, ``NA``,
  ``null`` or ``None`` as missing) and spreadsheets keep them as text;
- ``rank`` is the place in the ranking every table shows (grade, then the worst case;
  programs that tie share a rank), and rows come in that order;
- no cell starts a formula, and no control character reaches a cell
  (:func:`testerterms._escape.csv_cell`).

Columns are built here (:func:`standing`), so a column that every CSV shares is added once.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Final

from .._escape import csv_cell

LINE_END: Final = "\r\n"
NOT_APPLICABLE: Final = "not-applicable"
"""How the outcome ``n/a`` is spelt in a CSV cell."""
NO_GRADE: Final = "none"

STANDING: Final = ["grade", "score", "worst", "best", "coverage_percent"]
"""The headline columns of a program, in every CSV that has one."""


def cell(value: object) -> object:
    """One cell in the dialect: ``true``/``false``, empty for None, numbers as numbers, text
    that no spreadsheet runs as a formula."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return csv_cell(value)


def outcome(value: str) -> str:
    """A finding's outcome as a cell (``n/a`` would read as missing)."""
    return NOT_APPLICABLE if value == "n/a" else value


def coverage_percent(coverage: float) -> float:
    return round(coverage * 100, 1)


def standing(
    score: float | None, range_: tuple[float, float], coverage: float, grade: str | None
) -> dict[str, object]:
    """The headline columns (:data:`STANDING`): no score without a grade."""
    return {
        "grade": grade or NO_GRADE,
        "score": score if grade is not None else None,
        "worst": range_[0],
        "best": range_[1],
        "coverage_percent": coverage_percent(coverage),
    }


def competition_ranks(keys: Sequence[object]) -> list[int]:
    """The rank of each of ``keys`` (already in ranking order): its place, shared by ties."""
    ranks: list[int] = []
    for place, key in enumerate(keys, start=1):
        ranks.append(ranks[-1] if ranks and keys[place - 2] == key else place)
    return ranks


class Writer:
    """Rows of one CSV file, as text: the header first, then rows as they come."""

    def __init__(self, fields: Sequence[str]) -> None:
        self._buffer = io.StringIO()
        self._writer = csv.DictWriter(
            self._buffer, fieldnames=list(fields), lineterminator=LINE_END
        )

    def header(self) -> str:
        self._writer.writeheader()
        return self._take()

    def rows(self, rows: Iterable[Mapping[str, object]]) -> str:
        for row in rows:
            self._writer.writerow({key: cell(value) for key, value in row.items()})
        return self._take()

    def _take(self) -> str:
        text = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return text


def document(fields: Sequence[str], rows: Iterable[Mapping[str, object]]) -> str:
    """A whole CSV file: the header and every row."""
    writer = Writer(fields)
    return writer.header() + writer.rows(rows)


def stream(fields: Sequence[str], rows: Iterable[Mapping[str, object]]) -> Iterator[str]:
    writer = Writer(fields)
    yield writer.header()
    for row in rows:
        yield writer.rows([row])
