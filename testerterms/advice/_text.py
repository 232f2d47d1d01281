"""Small text helpers the advice renderers share: tables, numbers, the headline. Text that
came from a file goes through :mod:`testerterms._escape`, the one place that escapes for
each format: nothing a program file says may forge an output."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import _escape
from ..profiles import Grade
from ..render import _width


def plain(text: object) -> str:
    """Text from a file for a terminal or plain text: one line, controls shown visibly."""
    return _escape.terminal(text)


def md(text: object) -> str:
    """Text from a file, safe in Markdown prose and table cells."""
    return _escape.markdown(text)


def num(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def grade_words(grade: Grade | None) -> str:
    return grade or "none (not enough evidence)"


def headline(
    score: float | None, range_: tuple[float, float], coverage: float, grade: Grade | None
) -> str:
    """Range and coverage first; a score only beside a grade (never a bare score that
    reads like a result for a program known in part)."""
    text = f"range {num(range_[0])}–{num(range_[1])}, coverage {coverage * 100:.0f}%"
    if grade is None:
        return f"{text}, grade none (not enough evidence)"
    return f"{text}, score {num(score)}, grade {grade}"


def table(
    rows: Sequence[Sequence[Any]], headers: Sequence[str], fmt: str, width: int | None = None
) -> str:
    """Markdown keeps one line per row; the terminal table fits ``width`` (default: ``COLUMNS``,
    the terminal's width, or 100), wrapping cells and never cutting a value."""
    if fmt == "markdown":
        from tabulate import tabulate

        return tabulate(
            [list(r) for r in rows], headers=list(headers), tablefmt="github", disable_numparse=True
        )
    return _width.fit_table(rows, headers, width)


def fit(text: str, fmt: str, width: int | None = None) -> str:
    """Text for the terminal with every line longer than ``width`` wrapped (tables already
    fit it); Markdown and data as they are."""
    if fmt != "table":
        return text
    return _width.wrap_lines(text, width or _width.terminal_width())
