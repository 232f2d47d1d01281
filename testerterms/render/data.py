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
from ..scoring import FactUsed, Scorecard
from ._base import Reporter, Scored


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
        "example",
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

    def stream(self, scored: Iterable[Scored]) -> Iterator[str]:
        """A header, then each program's row (or finding rows) as it is scored. Every cell
        goes through :func:`csv_cell`: no cell starts a formula."""
        out = io.StringIO()
        fields = self.FINDING_FIELDS if self.details else self.PROGRAM_FIELDS
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        yield out.getvalue()
        base = {"profile": self.profile.id, "profile_version": self.profile.version}
        for _, card in scored:
            out.seek(0)
            out.truncate()
            rows: list[dict[str, Any]] = []
            if self.details:
                for f in card.findings:
                    rows.append(
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
                rows.append(
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
                        "example": card.example,
                    }
                )
            for row in rows:
                writer.writerow({key: csv_cell(value) for key, value in row.items()})
            yield out.getvalue()
