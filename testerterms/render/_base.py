"""What every reporter shares: the scored pair it reads and small formatting helpers."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

# Names for types only: a reporter that writes from pieces (the cache's, or workers') is
# built without importing the program model or the scorer.
if TYPE_CHECKING:
    from ..loading import ProgramFile
    from ..model import Program
    from ..profiles import Profile
    from ..scoring import Scorecard

Scored = tuple["Program", "Scorecard"]
Piece = Any
"""What a reporter writes of one scored program, as JSON data (text, numbers, lists): made
where the program is scored, in a worker process or kept in the cache, and put together by
:meth:`Reporter.assemble`."""


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
        if not self.splits:
            raise NotImplementedError
        return self.assemble(self.piece(program, card) for program, card in scored)

    def render(self, scored: Iterable[Scored]) -> str:
        return "".join(self.stream(scored))

    splits: ClassVar[bool] = False
    """Whether the reporter writes each program as a piece of its own (:meth:`piece`) that
    :meth:`assemble` puts together. Such a reporter's pieces can be made in worker processes
    and kept in the cache: its :meth:`stream` is ``assemble(piece(...) for each program)``."""

    def piece(self, program: Program, card: Scorecard) -> Piece:
        """What the output says of one program: JSON data, the same however often it is
        made for the same program, profile and :meth:`piece_options`."""
        raise NotImplementedError

    def assemble(self, pieces: Iterable[Piece]) -> Iterator[str]:
        """The output from the programs' pieces, in the order of the files."""
        raise NotImplementedError

    def piece_options(self) -> str:
        """Everything besides the program and the profile that a piece depends on (the
        cache keys pieces by it)."""
        return f"{type(self).__name__} details={self.details}"

    streams: ClassVar[bool] = True
    """Every reporter streams (kept for callers that asked)."""
