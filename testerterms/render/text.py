"""Scorecards as text for people: the terminal table and Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Final

from ..model import Program
from ..profiles import Profile
from ..rules import CATEGORIES
from ..scoring import FactUsed, Finding, Scorecard
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
                headline_score(card),
                f"{_num(card.range[0])}–{_num(card.range[1])}",
                f"{card.coverage * 100:.0f}%",
                grade_text(card),
                ", ".join(card.blockers) or "–",
                len(card.disputed_terms) or "–",
            ]
            for _, card in ranked(scored)
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
                _outcome_text(f),
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
            f"{card.program_name} ({card.program_id}): {self._headline(card)}",
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
                    lines.append(f"  {f.rule}  {_fact_text(fact)}")
        dated = [f for f in card.findings if f.history]
        if dated:
            lines += ["", "History (the current value scores):"]
            for f in dated:
                for fact in f.history:
                    lines.append(f"  {f.rule}  {_fact_text(fact)}")
        if card.disputed_terms:
            lines += ["", "Disputed terms (they move a finding): " + ", ".join(card.disputed_terms)]
        if card.other_disputes:
            lines += [
                "",
                "Other disputes (no finding depends on them): " + ", ".join(card.other_disputes),
            ]
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

    def _headline(self, card: Scorecard) -> str:
        span = f"range {_num(card.range[0])}–{_num(card.range[1])}"
        coverage = f"coverage {card.coverage * 100:.0f}%"
        if below_coverage(card, self.profile):
            minimum = f"{self.profile.min_coverage * 100:.0f}%"
            return (
                f"{span}, {coverage} (below the profile's minimum {minimum}), "
                f"grade {grade_text(card)}"
            )
        return f"score {_num(card.score)}, {span}, {coverage}, grade {grade_text(card)}"

    def render(self, scored: Sequence[Scored]) -> str:
        parts = [self.heading(), "", self.summary(scored)]
        if self.details:
            for program, card in scored:
                parts += ["", self.findings(program, card)]
        return "\n".join(parts) + "\n"


_GRADE_RANK: Final = {grade: rank for rank, grade in enumerate("ABCDE")}


def ranked(scored: Sequence[Scored]) -> list[Scored]:
    """Programs in ranking order: by grade (no grade last), then by the worst case of the
    range, highest first; ties in file order."""
    return sorted(
        scored,
        key=lambda pair: (
            _GRADE_RANK.get(pair[1].grade or "", len(_GRADE_RANK)),
            -pair[1].range[0],
        ),
    )


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


def _fact_text(fact: FactUsed) -> str:
    dated = ""
    if fact.since or fact.until:
        dated = f" ({'since ' + fact.since if fact.since else ''}"
        dated += f"{', ' if fact.since and fact.until else ''}"
        dated += f"{'until ' + fact.until if fact.until else ''})"
    quote = f' "{fact.quote}"' if fact.quote else ""
    return (
        f"{fact.term} = {fact.value}{dated}  "
        f"[{', '.join(fact.sources)}; {fact.party}, {fact.evidence}]{quote}"
    )


class MarkdownReporter(TableReporter):
    tablefmt: ClassVar[str] = "github"

    def heading(self) -> str:
        return f"**{super().heading()}**"
