"""Scorecards as text for people: the terminal table and Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from ..model import Program
from ..rules import CATEGORIES
from ..scoring import Scorecard
from ._base import Reporter, Scored, _num, grade_text


class TableReporter(Reporter):
    tablefmt: ClassVar[str] = "simple"

    def _table(self, rows: list[list[Any]], headers: list[str]) -> str:
        from tabulate import tabulate

        return tabulate(rows, headers=headers, tablefmt=self.tablefmt, disable_numparse=True)

    def heading(self) -> str:
        p = self.profile
        return f"Profile: {p.id} {p.version} ({p.title}); disputed terms follow: {p.disputes}"

    def summary(self, scored: Sequence[Scored]) -> str:
        rows = [
            [
                card.program_id,
                card.organization,
                _num(card.score),
                f"{_num(card.range[0])}–{_num(card.range[1])}",
                f"{card.coverage * 100:.0f}%",
                grade_text(card),
                ", ".join(card.blockers) or "–",
                len(card.disputed_terms) or "–",
            ]
            for _, card in scored
        ]
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
        rows = [
            [
                f.rule,
                f.outcome + (" (disputed)" if f.disputed else ""),
                _num(f.credit),
                f"{f.weight:g}",
                f.evidence or "–",
                ", ".join(f.sources) or "–",
                f.reason,
            ]
            for f in card.findings
        ]
        headers = ["rule", "outcome", "credit", "weight", "evidence", "sources", "reason"]
        cited = sorted({s for f in card.findings for s in f.sources})
        lines = [
            f"{card.program_name} ({card.program_id}): score {_num(card.score)}, range "
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
                    quote = f' "{fact.quote}"' if fact.quote else ""
                    lines.append(
                        f"  {f.rule}  {fact.term} = {fact.value}  "
                        f"[{', '.join(fact.sources)}; {fact.party}, {fact.evidence}]{quote}"
                    )
        if card.disputed_terms:
            lines += ["", "Disputed terms: " + ", ".join(card.disputed_terms)]
        lines += self.asks(card)
        if cited:
            lines += ["", "Sources:"]
            for sid in cited:
                source = program.sources[sid]
                where = source.url or (f"seed {source.seed}" if source.seed else source.path)
                lines.append(f"  {sid}: {source.title} ({source.party}; {where})")
        return "\n".join(lines)

    def asks(self, card: Scorecard) -> list[str]:
        """What to ask for: the remedy clause of each rule not met, and the findings that
        alone would change the grade."""
        from ..advice.render import ask_lines

        return ask_lines(card, self.profile)

    def render(self, scored: Sequence[Scored]) -> str:
        parts = [self.heading(), "", self.summary(scored)]
        if self.details:
            for program, card in scored:
                parts += ["", self.findings(program, card)]
        return "\n".join(parts) + "\n"


class MarkdownReporter(TableReporter):
    tablefmt: ClassVar[str] = "github"

    def heading(self) -> str:
        return f"**{super().heading()}**"
