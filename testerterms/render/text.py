"""Scorecards as text for people: the terminal table and Markdown."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from .. import _escape
from ..model import Program
from ..rules import CATEGORIES
from ..scoring import Scorecard
from ._base import Reporter, Scored, _num, grade_text


class TableReporter(Reporter):
    """The terminal table: a heading, then (with ``--details``) each program's findings as it
    is scored, then the summary table of every program (the rows are kept, as text)."""

    tablefmt: ClassVar[str] = "simple"

    def text(self, value: object) -> str:
        """Text from a file, safe for this format (a terminal: no control characters)."""
        return _escape.terminal(value)

    def _table(self, rows: list[list[Any]], headers: list[str]) -> str:
        from tabulate import tabulate

        return tabulate(rows, headers=headers, tablefmt=self.tablefmt, disable_numparse=True)

    def heading(self) -> str:
        p = self.profile
        return (
            f"Profile: {self.text(p.id)} {self.text(p.version)} ({self.text(p.title)}); "
            f"disputed terms follow: {self.text(p.disputes)}"
        )

    def row(self, card: Scorecard) -> list[str]:
        return [
            self.text(cell)
            for cell in (
                card.program_id,
                card.organization,
                _num(card.score),
                f"{_num(card.range[0])}–{_num(card.range[1])}",
                f"{card.coverage * 100:.0f}%",
                grade_text(card),
                ", ".join(card.blockers) or "–",
                len(card.disputed_terms) or "–",
            )
        ]

    def summary(self, rows: list[list[str]]) -> str:
        headers = [
            "program",
            "organization",
            "score",
            "range",
            "coverage",
            "grade",
            "blockers",
            "disputed",
        ]
        return self._table(rows, headers)

    def findings(self, program: Program, card: Scorecard) -> str:
        t = self.text
        rows = [
            [
                t(f.rule),
                t(f.outcome + (" (disputed)" if f.disputed else "")),
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
            f"{t(card.program_name)} ({t(card.program_id)}): score {_num(card.score)}, range "
            f"{_num(card.range[0])}–{_num(card.range[1])}, coverage {card.coverage * 100:.0f}%, "
            f"grade {grade_text(card)}",
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
                    quote = f' "{t(fact.quote)}"' if fact.quote else ""
                    lines.append(
                        f"  {t(f.rule)}  {t(fact.term)} = {t(fact.value)}  "
                        f"[{t(', '.join(fact.sources))}; {t(fact.party)}, {t(fact.evidence)}]"
                        f"{quote}"
                    )
        if card.disputed_terms:
            lines += ["", "Disputed terms: " + t(", ".join(card.disputed_terms))]
        if cited:
            lines += ["", "Sources:"]
            for sid in cited:
                source = program.sources[sid]
                where = source.url or (f"seed {source.seed}" if source.seed else source.path)
                lines.append(f"  {t(sid)}: {t(source.title)} ({t(source.party)}; {t(where)})")
        return "\n".join(lines)

    def stream(self, scored: Iterable[Scored]) -> Iterator[str]:
        yield self.heading() + "\n"
        rows: list[list[str]] = []
        for program, card in scored:
            rows.append(self.row(card))
            if self.details:
                yield "\n" + self.findings(program, card) + "\n"
        yield "\n" + self.summary(rows) + "\n"


class MarkdownReporter(TableReporter):
    tablefmt: ClassVar[str] = "github"

    def text(self, value: object) -> str:
        """Text from a file, safe in a Markdown table cell or line (no ``|``, newline, HTML)."""
        return _escape.markdown(value)

    def heading(self) -> str:
        return f"**{super().heading()}**"
