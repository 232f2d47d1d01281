"""What every reporter shares: the scored pair it reads and small formatting helpers."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Final

# Names for types only: a reporter that writes from pieces (the cache's, or workers') is
# built without importing the program model or the scorer.
if TYPE_CHECKING:
    from ..loading import ProgramFile
    from ..model import Program
    from ..profiles import Profile
    from ..scoring import Scorecard, TurningPoint

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


def span_text(grades: Sequence[str]) -> str:
    """Grades from the worst to the best (``E–C``), as the range reads from worst to best."""
    return grades[-1] if len(grades) == 1 else f"{grades[-1]}–{grades[0]}"


def grade_text(card: Scorecard) -> str:
    """The grade cell: the grade, with the grades the range still allows where it spans
    more than one (``C (D–B possible)``); for a program too little known to grade, that
    span (``E–D, not enough known``)."""
    span = card.possible_grades
    if card.grade is None:
        return f"{span_text(span)}, not enough known" if span else "none (not enough evidence)"
    if len(span) > 1:
        return f"{card.grade} ({span_text(span)} possible)"
    return card.grade


def blockers_text(card: Scorecard) -> str:
    """The blockers known not met, graded or not, and the best grade they allow."""
    if not card.blockers:
        return "–"
    return f"{', '.join(card.blockers)} (at best {card.blocker_cap})"


def range_text(card: Scorecard) -> str:
    """The range, marked where a bound on the work widened it."""
    span = f"{_num(card.range[0])}–{_num(card.range[1])}"
    return span if card.range_exact else f"{span} (widened)"


WIDENED: Final = (
    "(widened): more combinations of disputed claims than the scorer works through; the "
    "range still holds every score the program can have, and may be wider"
)
"""The note under a table where a range is marked (widened)."""


def turning_point_text(point: TurningPoint, brief: bool = False) -> str:
    """One turning point: ``CTL001: share_ban (B without it)``; ``brief``: ``CTL001:
    share_ban``."""
    name = point.term.rsplit(".", 1)[-1]
    rules = ", ".join(point.rules) or "no rule"
    if brief:
        return f"{point.rules[0] if point.rules else 'no rule'}: {name}" + (
            " (disputed)" if point.disputed else ""
        )
    grade = point.grade or "no grade"
    if point.disputed:
        return f"{rules}: {name} (disputed; {grade} if {point.value})"
    return f"{rules}: {name} ({grade} without it)"


def turns_on_text(card: Scorecard, most: int | None = None) -> str:
    """What the grade turns on: in full, or (``most``) the first few, briefly, and a count
    of the rest."""
    if not card.turns_on:
        return "–"
    if most is None:
        return "; ".join(turning_point_text(point) for point in card.turns_on)
    shown = [turning_point_text(point, brief=True) for point in card.turns_on[:most]]
    more = len(card.turns_on) - len(shown)
    return "; ".join(shown) + (f" +{more}" if more else "")


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
