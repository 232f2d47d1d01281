"""The exceptions testerterms raises.

    TesterTermsError
     ├── LoadError      a program or profile file could not be loaded (carries every problem)
     └── UsageError     an argument or name that does not exist (unknown rule, profile, grade)

A :class:`LoadError` holds one or more :class:`Problem` records, each located at
``path:line:col``, so a caller can show all the mistakes of a file at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from ._escape import path as _shown_path
from ._escape import terminal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One located message about an input file (line and column are 1-based)."""

    path: str
    line: int
    col: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        """One line, whatever the path and message hold (they come from a file)."""
        where = f"{_shown_path(self.path)}:{self.line}:{self.col}"
        return f"{where}: {self.severity}: {terminal(self.message)}"


class TesterTermsError(Exception):
    """Base class of every error testerterms raises on purpose."""


class UsageError(TesterTermsError):
    """A name or argument that does not exist, such as an unknown rule code."""


class LoadError(TesterTermsError):
    """A file could not be loaded; ``problems`` lists every error found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("LoadError needs at least one problem")
        self.problems: tuple[Problem, ...] = tuple(
            sorted(problems, key=lambda p: (p.path, p.line, p.col, p.message))
        )
        first = self.problems[0]
        self.path, self.line, self.col, self.msg = first.path, first.line, first.col, first.message
        super().__init__("\n".join(str(p) for p in self.problems))


def closest(word: object, choices: Iterable[str]) -> str | None:
    """The choice ``word`` was most likely meant to be, if one is close enough: a near
    spelling, the same words in another case or with ``_`` for ``-``, or a choice it starts."""
    if not isinstance(word, str) or len(word) > 200:
        return None
    options = list(choices)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        folded = word.lower().replace("_", "-")
        close = [c for c in options if c.lower().replace("_", "-") == folded]
    if not close and len(word) >= 3:
        close = [c for c in options if c.startswith(word)]
    return close[0] if close else None


def did_you_mean(word: object, choices: Iterable[str]) -> str:
    """`` (did you mean 'X'?)`` for the choice closest to ``word``, or nothing."""
    close = closest(word, choices)
    return f" (did you mean {close!r}?)" if close else ""
