"""What every reporter shares: the scored pair it reads and small formatting helpers."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from typing import ClassVar

from ..model import Program
from ..profiles import Profile
from ..scoring import Scorecard

Scored = tuple[Program, Scorecard]


def _num(value: float | None, digits: int = 1) -> str:
    return "–" if value is None or not math.isfinite(value) else f"{value:.{digits}f}"


def program_label(card: Scorecard) -> str:
    """The program's id, marked when it is an example rather than a real program."""
    return f"{card.program_id} (example)" if card.example else card.program_id


def grade_text(card: Scorecard) -> str:
    return card.grade or "none (not enough evidence)"


class Reporter:
    """Turns scorecards into text, as they arrive.

    :meth:`stream` is the reporter: it reads the scored programs one at a time and yields
    text as soon as it can, keeping none of the programs (a table keeps only its rows, as
    text). :meth:`render` joins the pieces for a caller that wants one string. Every piece
    of text that came from a file goes through :mod:`testerterms._escape` for the format.
    """

    def __init__(self, profile: Profile, *, details: bool = False) -> None:
        self.profile = profile
        self.details = details

    def stream(self, scored: Iterable[Scored]) -> Iterator[str]:
        raise NotImplementedError

    def render(self, scored: Iterable[Scored]) -> str:
        return "".join(self.stream(scored))

    streams: ClassVar[bool] = True
    """Every reporter streams (kept for callers that asked)."""
