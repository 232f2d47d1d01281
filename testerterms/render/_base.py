"""What every reporter shares: the scored pair it reads and small formatting helpers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from ..model import Program
from ..profiles import Profile
from ..scoring import Scorecard

Scored = tuple[Program, Scorecard]


def _num(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def program_label(card: Scorecard) -> str:
    """The program's id, marked when it is an example rather than a real program."""
    return f"{card.program_id} (example)" if card.example else card.program_id


def grade_text(card: Scorecard) -> str:
    return card.grade or "none (not enough evidence)"


class Reporter:
    """Turns scorecards into text. ``stream`` yields pieces as programs arrive."""

    streams: ClassVar[bool] = False

    def __init__(self, profile: Profile, *, details: bool = False) -> None:
        self.profile = profile
        self.details = details

    def render(self, scored: Sequence[Scored]) -> str:
        raise NotImplementedError

    def stream(self, scored: Iterable[Scored]) -> Iterable[str]:
        yield self.render(list(scored))
