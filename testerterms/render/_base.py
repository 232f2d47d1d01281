"""What every reporter shares: the scored pair it reads and small formatting helpers."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar

from ..model import Program
from ..profiles import Profile
from ..scoring import Scorecard

if TYPE_CHECKING:
    from ..loading import ProgramFile

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

    needs_files: ClassVar[bool] = False
    """Whether the reporter reads where each program's keys stand (``files``: the files of
    the programs scored so far, in order, filled in by the caller as it goes)."""

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

    def stream(self, scored: Iterable[Scored]) -> Iterator[str]:
        raise NotImplementedError

    def render(self, scored: Iterable[Scored]) -> str:
        return "".join(self.stream(scored))

    streams: ClassVar[bool] = True
    """Every reporter streams (kept for callers that asked)."""
