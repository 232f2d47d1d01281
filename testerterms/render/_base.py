"""What every reporter shares: the scored pair it reads and small formatting helpers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from ..model import Program
from ..profiles import Profile
from ..scoring import Scorecard

if TYPE_CHECKING:
    from ..loading import ProgramFile

Scored = tuple[Program, Scorecard]


def _num(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def paragraphs(text: str) -> list[str]:
    """A docstring's hard-wrapped paragraphs, each as one line."""
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


def grade_text(card: Scorecard) -> str:
    return card.grade or "none (not enough evidence)"


class Reporter:
    """Turns scorecards into text. ``stream`` yields pieces as programs arrive."""

    streams: ClassVar[bool] = False
    needs_files: ClassVar[bool] = False
    """Whether ``render`` reads where each program's keys stand (``files``, in order)."""

    def __init__(
        self,
        profile: Profile,
        *,
        details: bool = False,
        files: Sequence[ProgramFile] = (),
    ) -> None:
        self.profile = profile
        self.details = details
        self.files = files

    def render(self, scored: Sequence[Scored]) -> str:
        raise NotImplementedError

    def stream(self, scored: Iterable[Scored]) -> Iterable[str]:
        yield self.render(list(scored))
