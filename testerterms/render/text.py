"""Scorecards as text for people: the terminal table and Markdown."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Final

from .. import _escape
from ..profiles import GRADES
from ..rules import CATEGORIES
from . import _width
from ._base import (
    WIDENED,
    Piece,
    Reporter,
    Scored,
    _num,
    blockers_text,
    grade_text,
    program_label,
    range_text,
    span_text,
    turns_on_text,
)

if TYPE_CHECKING:  # a table put together from pieces imports neither model nor scorer
    from ..model import Program
    from ..profiles import Profile
    from ..scoring import FactUsed, Finding, Scorecard

_SPANS: Final = [
    span_text(GRADES[best : worst + 1])
    for best in range(len(GRADES))
    for worst in range(best, len(GRADES))
]
ABBREVIATIONS: Final[dict[str, str]] = {
    "none (not enough evidence)": "none*",
    **{f"{span}, not enough known": f"{span}*" for span in _SPANS},
}
"""Long values shortened in a table too wide for the terminal; a legend gives them in full."""
Row = tuple[tuple[bool, int, float], list[str]]
"""A summary row as text, with its ranking key (the programs themselves are not kept)."""


class TableReporter(Reporter):
    """The terminal table: a heading, then (with ``--details``) each program's findings as it
    is scored, then the summary table of every program in ranking order (the rows are kept,
    as text)."""

    fits_terminal: ClassVar[bool] = True
    """Wrap to the terminal's width (see :mod:`._width`); Markdown keeps its lines whole (a
    GitHub table)."""
    width: int | None = None
    """Columns to fit; None: ``COLUMNS``, the terminal's width, or 100."""

    def _width(self) -> int:
        return self.width or _width.terminal_width()

    def text(self, value: object) -> str:
        """Text from a file, safe for this format (a terminal: no control characters)."""
        return _escape.terminal(value)

    def _table(self, rows: list[list[Any]], headers: list[str]) -> str:
        if not self.fits_terminal:
            return _width.markdown_table(rows, headers)
        return _width.fit_table(rows, headers, self._width(), ABBREVIATIONS)

    def heading(self) -> str:
        p = self.profile
        return (
            f"Profile: {self.text(p.id)} {self.text(p.version)} ({self.text(p.title)}); "
            f"disputed terms follow: {self.text(p.disputes)}"
        )

    def row(self, card: Scorecard) -> Row:
        from ..scoring import rank_key

        cells = [
            self.text(cell)
            for cell in (
                program_label(card),
                card.organization,
                headline_score(card),
                range_text(card),
                f"{card.coverage * 100:.0f}%",
                grade_text(card),
                blockers_text(card),
                turns_on_text(card, most=1),
                len(card.disputed_terms) or "–",
            )
        ]
        return rank_key(card), cells

    def summary(self, rows: Sequence[Row]) -> str:
        headers = [
            "program",
            "organization",
            "score",
            "range",
            "coverage",
            "grade",
            "blockers",
            "turns on",
            "disputed",
        ]
        ordered = sorted(rows, key=lambda row: row[0])  # stable: ties in file order
        table = self._table([cells for _, cells in ordered], headers)
        if any(cells[3].endswith("(widened)") for _, cells in rows):
            table += "\n\n" + WIDENED
        return table

    def findings(self, program: Program, card: Scorecard) -> str:
        t = self.text
        rows = [
            [
                t(f.rule),
                t(_outcome_text(f)),
                _num(f.credit),
                f"{f.weight:g}",
                t(f.evidence or "–"),
                t(", ".join(f.sources) or "–"),
                t(f.reason),
            ]
            for f in card.findings
        ]
        headers = ["rule", "outcome", "credit", "weight", "evidence", "sources", "reason"]
        cited = sorted({s for f in card.findings for s in f.sources})
        lines = [
            f"{t(card.program_name)} ({t(program_label(card))}): {self._headline(card)}",
            "",
            self._table(rows, headers),
        ]
        lines += [
            "",
            "By category: "
            + "; ".join(
                f"{CATEGORIES[c.category]} {_num(c.score)} ({c.coverage * 100:.0f}% known)"
                for c in card.categories
            ),
        ]
        used = [f for f in card.findings if f.facts]
        if used:
            lines += ["", "Facts used:"]
            for f in used:
                for fact in f.facts:
                    lines.append(f"  {t(f.rule)}  {_fact_text(fact, t)}")
        dated = [f for f in card.findings if f.history]
        if dated:
            lines += ["", "History (the current value scores):"]
            for f in dated:
                for fact in f.history:
                    lines.append(f"  {t(f.rule)}  {_fact_text(fact, t)}")
        if card.disputed_terms:
            disputed = t(", ".join(card.disputed_terms))
            lines += ["", "Disputed terms (they move a finding): " + disputed]
        if card.other_disputes:
            lines += [
                "",
                "Other disputes (no finding depends on them): " + t(", ".join(card.other_disputes)),
            ]
        lines += self.asks(card)
        if cited:
            lines += ["", "Sources:"]
            for sid in cited:
                source = program.sources[sid]
                where = source.url or (f"seed {source.seed}" if source.seed else source.path)
                if source.mirrors:
                    where = f"{where}; read on {', '.join(source.mirrors)}"
                lines.append(f"  {t(sid)}: {t(source.title)} ({t(source.party)}; {t(where)})")
        return "\n".join(lines)

    def asks(self, card: Scorecard) -> list[str]:
        """What to ask for: the remedy clause of each rule not met, and the findings that
        alone would change the grade."""
        from ..advice.render import ask_lines

        return ask_lines(card, self.profile)

    def _headline(self, card: Scorecard) -> str:
        span = f"range {range_text(card)}"
        coverage = f"coverage {card.coverage * 100:.0f}%"
        if below_coverage(card, self.profile):
            minimum = f"{self.profile.min_coverage * 100:.0f}%"
            line = (
                f"{span}, {coverage} (below the profile's minimum {minimum}), "
                f"grade {grade_text(card)}"
            )
        else:
            line = f"score {_num(card.score)}, {span}, {coverage}, grade {grade_text(card)}"
        if card.blockers:
            line += f"; blockers not met: {blockers_text(card)}"
        if card.turns_on:
            line += f"; turns on {self.text(turns_on_text(card))}"
        if not card.range_exact:
            line += f"; range {WIDENED}"
        return line

    def _fit(self, text: str) -> str:
        """Lines longer than the terminal wrapped (tables already fit it)."""
        return _width.wrap_lines(text, self._width()) if self.fits_terminal else text

    splits: ClassVar[bool] = True

    def piece(self, program: Program, card: Scorecard) -> Piece:
        """The program's summary row with its ranking key, and (``details``) its findings."""
        key, cells = self.row(card)
        details = self._fit(self.findings(program, card)) if self.details else None
        return [list(key), cells, details]

    def piece_options(self) -> str:
        fitted = f" width={self._width()}" if self.details and self.fits_terminal else ""
        return super().piece_options() + fitted

    def assemble(self, pieces: Iterable[Piece]) -> Iterator[str]:
        yield self._fit(self.heading()) + "\n"
        rows: list[Row] = []
        for key, cells, details in pieces:
            rows.append((tuple(key), cells))
            if details is not None:
                yield "\n" + details + "\n"
        yield "\n" + self._fit(self.summary(rows)) + "\n"


def ranked(scored: Sequence[Scored]) -> list[Scored]:
    """Programs in ranking order (see :func:`rank_key`); ties in file order."""
    from ..scoring import rank_key

    return sorted(scored, key=lambda pair: rank_key(pair[1]))


def below_coverage(card: Scorecard, profile: Profile) -> bool:
    """Whether too little is known for a headline score (no grade for lack of evidence)."""
    return card.score is None or card.coverage < profile.min_coverage


def headline_score(card: Scorecard) -> str:
    """The score cell: the score over known rules, or a dash where there is no grade."""
    return "–" if card.grade is None else _num(card.score)


def _outcome_text(finding: Finding) -> str:
    text = finding.outcome + (" (disputed)" if finding.disputed else "")
    if len(finding.possible) > 1:
        text += f"; can be {'/'.join(finding.possible)}"
    return text


def _fact_text(fact: FactUsed, t: Callable[[object], str]) -> str:
    """One fact as the file spells it; ``t`` escapes its text for the format."""
    dated = ""
    if fact.since or fact.until:
        dated = f" ({'since ' + fact.since if fact.since else ''}"
        dated += f"{', ' if fact.since and fact.until else ''}"
        dated += f"{'until ' + fact.until if fact.until else ''})"
    quote = f' "{t(fact.quote)}"' if fact.quote else ""
    return (
        f"{t(fact.term)} = {t(fact.value)}{t(dated)}  "
        f"[{t(', '.join(fact.sources))}; {t(fact.party)}, {t(fact.evidence)}]{quote}"
    )


class MarkdownReporter(TableReporter):
    fits_terminal: ClassVar[bool] = False

    def text(self, value: object) -> str:
        """Text from a file, safe in a Markdown table cell or line (no ``|``, newline, HTML)."""
        return _escape.markdown(value)

    def heading(self) -> str:
        return f"**{super().heading()}**"
