"""Scorecards as data: JSON, JSON lines and CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from .._escape import csv_cell, finite, json_dumps
from .._version import __version__
from ..model import Program
from ..profiles import Profile
from ..rules import CATALOGUE
from ..scoring import FactUsed, Scorecard
from ._base import Reporter, Scored, turning_point_text


def program_json(program: Program, card: Scorecard, *, details: bool = True) -> dict[str, Any]:
    """The JSON object of one scored program (DESIGN section 4)."""
    entry: dict[str, Any] = {
        "id": card.program_id,
        "name": card.program_name,
        "organization": card.organization,
        "example": card.example,
        "score": finite(card.score),
        "range": [finite(card.range[0]), finite(card.range[1])],
        "coverage": finite(card.coverage),
        "grade": card.grade,
        "blockers": list(card.blockers),
        "blocker_cap": card.blocker_cap,
        "possible_grades": list(card.possible_grades),
        "turns_on": [
            {
                "term": point.term,
                "rules": list(point.rules),
                "disputed": point.disputed,
                "value": point.value,
                "grade": point.grade,
            }
            for point in card.turns_on
        ],
        "score_over_known_rules": finite(card.known_score),
        "range_exact": card.range_exact,
        "disputed_terms": list(card.disputed_terms),
        "other_disputes": list(card.other_disputes),
        "categories": {
            c.category: {
                "score": finite(c.score),
                "weight": finite(c.weight),
                "coverage": finite(c.coverage),
            }
            for c in card.categories
        },
        "findings": [
            {
                "rule": f.rule,
                "title": f.title,
                "category": f.category,
                "outcome": f.outcome,
                "credit": finite(f.credit),
                "weight": finite(f.weight),
                "evidence": f.evidence,
                "disputed": f.disputed,
                "possible": list(f.possible),
                "settled": f.settled,
                "terms": list(f.terms),
                "sources": list(f.sources),
                "reason": f.reason,
                "facts": [_fact_json(fact) for fact in f.facts],
                "history": [_fact_json(fact) for fact in f.history],
            }
            for f in card.findings
        ],
    }
    if details:
        entry["source_index"] = {
            sid: source.model_dump(exclude_none=True) for sid, source in program.sources.items()
        }
    return entry


def scorecard_dict(program: Program, card: Scorecard) -> dict[str, Any]:
    """The scorecard as the dict ``score --format json`` prints for the program (one entry of
    its ``programs`` list), ready for :func:`json.dumps`."""
    return program_json(program, card, details=True)


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
    if fact.since is not None:
        entry["since"] = fact.since
    if fact.until is not None:
        entry["until"] = fact.until
    return entry


def document_json(scored: Iterable[Scored], profile: Profile) -> dict[str, Any]:
    return {
        "tool_version": __version__,
        "profile": {"id": profile.id, "version": profile.version},
        "programs": [program_json(p, c) for p, c in scored],
    }


class JsonReporter(Reporter):
    """One JSON document (DESIGN section 4), written as it goes: the header, each program as
    it is scored, then the closing brackets; the same text ``json.dumps(indent=2)`` gives."""

    def stream(self, scored: Iterable[Scored]) -> Iterator[str]:
        header = {
            "tool_version": __version__,
            "profile": {"id": self.profile.id, "version": self.profile.version},
        }
        yield json_dumps(header, indent=2)[: -len("\n}")] + ',\n  "programs": ['
        separator = "\n"
        for program, card in scored:
            entry = json_dumps(program_json(program, card), indent=2)
            yield separator + "\n".join("    " + line for line in entry.splitlines())
            separator = ",\n"
        yield ("\n  ]" if separator != "\n" else "]") + "\n}\n"


class JsonLinesReporter(Reporter):
    def stream(self, scored: Iterable[Scored]) -> Iterator[str]:
        profile = {"id": self.profile.id, "version": self.profile.version}
        for program, card in scored:
            entry = {"tool_version": __version__, "profile": profile}
            entry.update(program_json(program, card, details=self.details))
            yield json_dumps(entry) + "\n"


def _cell(value: object) -> object:
    """One CSV cell: booleans as ``true``/``false``, everything else through
    :func:`testerterms._escape.csv_cell` (no cell starts a formula, no control character)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return csv_cell(value)


class CsvReporter(Reporter):
    """One row per program (or, with ``details``, one per finding). Documented in the README:
    grade ``none`` when there is not enough evidence, coverage in percent, how firm the
    headline is (``blocker_cap``, ``possible_grades`` best first, ``turns_on``,
    ``score_over_known_rules``, ``range_exact``), a score column per category and an
    outcome column per rule, ``example`` true for the reference program."""

    PROGRAM_FIELDS: ClassVar[list[str]] = [
        "profile",
        "profile_version",
        "id",
        "name",
        "organization",
        "kind",
        "example",
        "grade",
        "score",
        "worst",
        "best",
        "coverage_percent",
        "blockers",
        "disputed_terms",
        "blocker_cap",
        "possible_grades",
        "turns_on",
        "score_over_known_rules",
        "range_exact",
    ]
    FINDING_FIELDS: ClassVar[list[str]] = [
        "profile",
        "profile_version",
        "id",
        "name",
        "example",
        "rule",
        "title",
        "category",
        "outcome",
        "credit",
        "weight",
        "evidence",
        "disputed",
        "sources",
        "reason",
    ]

    def fields(self) -> list[str]:
        if self.details:
            return self.FINDING_FIELDS
        codes = [code for code in CATALOGUE if code in self.profile.rules]
        categories = dict.fromkeys(CATALOGUE[code].category for code in codes)
        return self.PROGRAM_FIELDS + [f"{c}_score" for c in categories] + codes

    def rows(self, program: Program, card: Scorecard) -> Iterable[dict[str, object]]:
        base: dict[str, object] = {
            "profile": self.profile.id,
            "profile_version": self.profile.version,
            "id": card.program_id,
            "name": card.program_name,
            "example": card.example,
        }
        if self.details:
            for f in card.findings:
                yield {
                    **base,
                    "rule": f.rule,
                    "title": f.title,
                    "category": f.category,
                    "outcome": f.outcome,
                    "credit": f.credit,
                    "weight": f.weight,
                    "evidence": f.evidence,
                    "disputed": f.disputed,
                    "sources": " ".join(f.sources),
                    "reason": f.reason,
                }
            return
        row: dict[str, object] = {
            **base,
            "organization": card.organization,
            "kind": program.kind,
            "grade": card.grade or "none",
            "score": card.score,
            "worst": card.range[0],
            "best": card.range[1],
            "coverage_percent": round(card.coverage * 100, 1),
            "blockers": " ".join(card.blockers),
            "disputed_terms": " ".join(card.disputed_terms),
            "blocker_cap": card.blocker_cap or "",
            "possible_grades": " ".join(card.possible_grades),
            "turns_on": "; ".join(turning_point_text(point) for point in card.turns_on),
            "score_over_known_rules": card.known_score,
            "range_exact": card.range_exact,
        }
        row.update({f"{c.category}_score": c.score for c in card.categories})
        row.update({f.rule: f.outcome for f in card.findings})
        yield row

    def stream(self, scored: Iterable[Scored]) -> Iterator[str]:
        """A header, then each program's row (or finding rows) as it is scored. Every cell
        goes through :func:`csv_cell`: no cell starts a formula."""
        out = io.StringIO()
        # RFC 4180 line ends: a cell holding a lone \r or \n is then quoted like any line end.
        writer = csv.DictWriter(out, fieldnames=self.fields(), lineterminator="\r\n")
        writer.writeheader()
        yield out.getvalue()
        for program, card in scored:
            out.seek(0)
            out.truncate()
            for row in self.rows(program, card):
                writer.writerow({key: _cell(value) for key, value in row.items()})
            yield out.getvalue()
