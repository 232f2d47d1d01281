"""Scorecards, rules and profiles as text: table, markdown, json, jsonl, csv.

Renderers only format what the scorer produced; they never score and never print. The CLI's
``--format`` choices are the keys of :data:`REPORTERS`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from ._version import __version__
from .model import Program
from .profiles import Profile
from .rules import CATALOGUE, CATEGORIES, Rule
from .scoring import FactUsed, Scorecard

Scored = tuple[Program, Scorecard]


def _num(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def grade_text(card: Scorecard) -> str:
    return card.grade or "none (not enough evidence)"


def program_json(program: Program, card: Scorecard, *, details: bool = True) -> dict[str, Any]:
    """The JSON object of one scored program (DESIGN section 4)."""
    entry: dict[str, Any] = {
        "id": card.program_id,
        "name": card.program_name,
        "organization": card.organization,
        "score": card.score,
        "range": list(card.range),
        "coverage": card.coverage,
        "grade": card.grade,
        "blockers": list(card.blockers),
        "disputed_terms": list(card.disputed_terms),
        "categories": {
            c.category: {"score": c.score, "weight": c.weight, "coverage": c.coverage}
            for c in card.categories
        },
        "findings": [
            {
                "rule": f.rule,
                "title": f.title,
                "category": f.category,
                "outcome": f.outcome,
                "credit": f.credit,
                "weight": f.weight,
                "evidence": f.evidence,
                "disputed": f.disputed,
                "terms": list(f.terms),
                "sources": list(f.sources),
                "reason": f.reason,
                "facts": [_fact_json(fact) for fact in f.facts],
            }
            for f in card.findings
        ],
    }
    if details:
        entry["source_index"] = {
            sid: source.model_dump(exclude_none=True) for sid, source in program.sources.items()
        }
    return entry


def _fact_json(fact: FactUsed) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "term": fact.term,
        "value": fact.value,
        "sources": list(fact.sources),
        "party": fact.party,
        "evidence": fact.evidence,
    }
    if fact.quote is not None:
        entry["quote"] = fact.quote
    return entry


def document_json(scored: Sequence[Scored], profile: Profile) -> dict[str, Any]:
    return {
        "tool_version": __version__,
        "profile": {"id": profile.id, "version": profile.version},
        "programs": [program_json(p, c) for p, c in scored],
    }


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
        if cited:
            lines += ["", "Sources:"]
            for sid in cited:
                source = program.sources[sid]
                where = source.url or (f"seed {source.seed}" if source.seed else source.path)
                lines.append(f"  {sid}: {source.title} ({source.party}; {where})")
        return "\n".join(lines)

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


class JsonReporter(Reporter):
    def render(self, scored: Sequence[Scored]) -> str:
        return json.dumps(document_json(scored, self.profile), indent=2, ensure_ascii=False) + "\n"


class JsonLinesReporter(Reporter):
    streams: ClassVar[bool] = True

    def render(self, scored: Sequence[Scored]) -> str:
        return "".join(self.stream(scored))

    def stream(self, scored: Iterable[Scored]) -> Iterable[str]:
        profile = {"id": self.profile.id, "version": self.profile.version}
        for program, card in scored:
            entry = {"tool_version": __version__, "profile": profile}
            entry.update(program_json(program, card, details=self.details))
            yield json.dumps(entry, ensure_ascii=False) + "\n"


class CsvReporter(Reporter):
    PROGRAM_FIELDS: ClassVar[list[str]] = [
        "profile",
        "profile_version",
        "id",
        "name",
        "organization",
        "score",
        "worst",
        "best",
        "coverage",
        "grade",
        "blockers",
        "disputed_terms",
    ]
    FINDING_FIELDS: ClassVar[list[str]] = [
        "profile",
        "profile_version",
        "id",
        "rule",
        "outcome",
        "credit",
        "weight",
        "evidence",
        "disputed",
        "sources",
        "reason",
    ]

    def render(self, scored: Sequence[Scored]) -> str:
        out = io.StringIO()
        fields = self.FINDING_FIELDS if self.details else self.PROGRAM_FIELDS
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        base = {"profile": self.profile.id, "profile_version": self.profile.version}
        for _, card in scored:
            if self.details:
                for f in card.findings:
                    writer.writerow(
                        {
                            **base,
                            "id": card.program_id,
                            "rule": f.rule,
                            "outcome": f.outcome,
                            "credit": f.credit,
                            "weight": f.weight,
                            "evidence": f.evidence,
                            "disputed": f.disputed,
                            "sources": " ".join(f.sources),
                            "reason": f.reason,
                        }
                    )
            else:
                writer.writerow(
                    {
                        **base,
                        "id": card.program_id,
                        "name": card.program_name,
                        "organization": card.organization,
                        "score": card.score,
                        "worst": card.range[0],
                        "best": card.range[1],
                        "coverage": card.coverage,
                        "grade": card.grade or "",
                        "blockers": " ".join(card.blockers),
                        "disputed_terms": " ".join(card.disputed_terms),
                    }
                )
        return out.getvalue()


REPORTERS: dict[str, type[Reporter]] = {
    "table": TableReporter,
    "markdown": MarkdownReporter,
    "json": JsonReporter,
    "jsonl": JsonLinesReporter,
    "csv": CsvReporter,
}


# --- the catalogue and profiles ------------------------------------------------------------------


def rule_json(rule: Rule, profiles: Sequence[Profile]) -> dict[str, Any]:
    return {
        "code": rule.code,
        "title": rule.title,
        "category": rule.category,
        "basis": rule.basis,
        "rationale": rule.rationale,
        "citations": [{"source": c.source, "quote": c.quote} for c in rule.citations],
        "terms": list(rule.terms),
        "remedy": {
            "terms": dict(rule.remedy.terms),
            "clause": rule.remedy.clause_for(profiles[0].parameters),
        },
        "weights": {p.id: p.rules.get(rule.code) for p in profiles},
        "blocker": {p.id: p.blockers.get(rule.code) for p in profiles},
    }


def profile_json(profile: Profile) -> dict[str, Any]:
    return {
        "id": profile.id,
        "version": profile.version,
        "title": profile.title,
        "description": profile.description,
        "rules": profile.rules,
        "parameters": profile.parameters.model_dump(),
        "grades": profile.grades,
        "min_coverage": profile.min_coverage,
        "disputes": profile.disputes,
        "blockers": profile.blockers,
    }


def rules_text(profiles: Sequence[Profile], fmt: str) -> str:
    """The whole catalogue: one row per rule, with its weight under each profile."""
    if fmt == "json":
        payload = {
            "tool_version": __version__,
            "profiles": [profile_json(p) for p in profiles],
            "rules": [rule_json(r, profiles) for r in CATALOGUE.values()],
        }
        return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    from tabulate import tabulate

    rows = [
        [r.code, CATEGORIES[r.category], r.basis, r.title] + [_weight(p, r.code) for p in profiles]
        for r in CATALOGUE.values()
    ]
    headers = ["code", "category", "basis", "title"] + [p.id for p in profiles]
    tablefmt = "github" if fmt == "markdown" else "simple"
    table = tabulate(rows, headers=headers, tablefmt=tablefmt, disable_numparse=True)
    return table + "\n\n" + grades_text(profiles, fmt) + "\n"


def _weight(profile: Profile, code: str) -> str:
    weight = profile.rules.get(code)
    if weight is None:
        return "–"
    cap = profile.blockers.get(code)
    return f"{weight:g}" + (f" (caps at {cap})" if cap else "")


def grades_text(profiles: Sequence[Profile], fmt: str) -> str:
    from tabulate import tabulate

    rows = [
        [
            p.id,
            p.version,
            *(f"≥{p.grades[g]:g}" for g in ("A", "B", "C", "D")),
            f"<{p.grades['D']:g}",
            f"{p.min_coverage * 100:.0f}%",
            p.disputes,
            ", ".join(f"{c} not met → at most {g}" for c, g in p.blockers.items()) or "–",
        ]
        for p in profiles
    ]
    headers = [
        "profile",
        "version",
        "A",
        "B",
        "C",
        "D",
        "E",
        "grade needs coverage",
        "disputes",
        "blockers",
    ]
    return tabulate(
        rows,
        headers=headers,
        tablefmt="github" if fmt == "markdown" else "simple",
        disable_numparse=True,
    )


def rule_text(rule: Rule, profiles: Sequence[Profile], fmt: str) -> str:
    """One rule explained: rationale, citations, terms read, remedy and weights."""
    if fmt == "json":
        return json.dumps(rule_json(rule, profiles), indent=2, ensure_ascii=False) + "\n"
    lines = [
        f"{rule.code}: {rule.title}",
        f"category: {CATEGORIES[rule.category]}; basis: {rule.basis}",
        "",
        rule.rationale,
        "",
        "Citations:",
        *(f'  - {c.source}: "{c.quote}"' for c in rule.citations),
        "",
        "Terms read: " + ", ".join(rule.terms),
        "",
        "Remedy: " + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in rule.remedy.terms.items()),
        "Clause: " + rule.remedy.clause_for(profiles[0].parameters),
        "",
        "Weight per profile: " + ", ".join(f"{p.id} {_weight(p, rule.code)}" for p in profiles),
    ]
    if rule.folds_into:
        lines.append(
            f"Does not apply without its subject; its weight then counts toward {rule.folds_into}."
        )
    return "\n".join(lines) + "\n"


def _yaml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def profiles_text(profiles: Sequence[Profile], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([profile_json(p) for p in profiles], indent=2, ensure_ascii=False) + "\n"
    from tabulate import tabulate

    rows = [[p.id, p.version, p.title, len(p.rules), p.disputes] for p in profiles]
    table = tabulate(
        rows,
        headers=["profile", "version", "title", "rules", "disputes"],
        tablefmt="github" if fmt == "markdown" else "simple",
        disable_numparse=True,
    )
    return table + "\n"
