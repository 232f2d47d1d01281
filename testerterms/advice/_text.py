"""Small text helpers the advice renderers share: escaping text that came from a file, and
tables. Nothing a program file says may forge an output: control characters are dropped,
line breaks folded, and in Markdown the characters that make markup are escaped."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Final

from ..profiles import Grade

_CONTROL: Final = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
)
_BREAKS: Final = re.compile(r"[\t\n\r\x85\u2028\u2029]+")
_MARKDOWN: Final = re.compile(r"([\\`*\[\]<>|~]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))")
_LEADING: Final = re.compile(r"^(\d*)([#+\-=>!.)])(?=\s|$)")
_FORMULA: Final = ("=", "+", "-", "@", "\t", "\r")


def plain(text: object) -> str:
    """One line of text with no control characters."""
    return _CONTROL.sub("", _BREAKS.sub(" ", str(text)))


def md(text: object) -> str:
    """Text from a file, safe in Markdown prose and table cells."""
    escaped = _MARKDOWN.sub(r"\\\1", plain(text)).strip()
    return _LEADING.sub(r"\1\\\2", escaped)


def csv_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet reads as a formula."""
    if isinstance(value, str):
        value = plain(value)
        if value.startswith(_FORMULA):
            return "'" + value
    return value


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


def table(rows: Sequence[Sequence[Any]], headers: Sequence[str], fmt: str) -> str:
    from tabulate import tabulate

    tablefmt = "github" if fmt == "markdown" else "simple"
    return tabulate(
        [list(r) for r in rows], headers=list(headers), tablefmt=tablefmt, disable_numparse=True
    )
