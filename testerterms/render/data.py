"""Scorecards as data: JSON, JSON lines and CSV."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Final

from .._escape import finite, json_dumps
from .._version import __version__
from ..rules import CATALOGUE
from . import _csv
from ._base import Piece, Reporter, Scored, turning_point_text

if TYPE_CHECKING:  # output put together from pieces imports neither model nor scorer
    from ..model import Program
    from ..profiles import Profile
    from ..scoring import FactUsed, Scorecard


def program_json(program: Program, card: Scorecard, *, details: bool = True) -> dict[str, Any]:
    """The JSON object of one scored program (the README's `score --format json`)."""
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
    """One JSON document (the README's `score --format json`), written as it goes: the
    header, each program as it is scored, then the closing brackets; the same text
    ``json.dumps(indent=2)`` gives."""

    splits: ClassVar[bool] = True

    def piece(self, program: Program, card: Scorecard) -> Piece:
        """The program's entry of the ``programs`` list, indented as it stands there."""
        entry = json_dumps(program_json(program, card), indent=2)
        return "\n".join("    " + line for line in entry.splitlines())

    def piece_options(self) -> str:
        return type(self).__name__  # the document always has the details

    def assemble(self, pieces: Iterable[Piece]) -> Iterator[str]:
        header = {
            "tool_version": __version__,
            "profile": {"id": self.profile.id, "version": self.profile.version},
        }
        yield json_dumps(header, indent=2)[: -len("\n}")] + ',\n  "programs": ['
        separator = "\n"
        for entry in pieces:
            yield separator + entry
            separator = ",\n"
        yield ("\n  ]" if separator != "\n" else "]") + "\n}\n"


class JsonLinesReporter(Reporter):
    splits: ClassVar[bool] = True

    def piece(self, program: Program, card: Scorecard) -> Piece:
        """The program's line."""
        profile = {"id": self.profile.id, "version": self.profile.version}
        entry = {"tool_version": __version__, "profile": profile}
        entry.update(program_json(program, card, details=self.details))
        return json_dumps(entry) + "\n"

    def assemble(self, pieces: Iterable[Piece]) -> Iterator[str]:
        return iter(pieces)


_ROWS_AT_ONCE: Final = 256
"""Ranked CSV rows handed on together (the command writes and flushes each piece of text)."""


class CsvReporter(Reporter):
    """One row per program (or, with ``details``, one per finding), in the ranking order the
    table shows, in the one CSV dialect (:mod:`._csv`). The rows wait in a temporary file
    until the last program is scored. Documented in the README: grade ``none`` and an empty
    score where there is not enough evidence, coverage in percent, how firm the headline is
    (``blocker_cap``, ``possible_grades`` best first, ``turns_on``, ``score_over_known_rules``,
    ``range_exact``), a score column per category and an outcome column per rule, ``example``
    true for the reference program."""

    PROGRAM_FIELDS: ClassVar[list[str]] = [
        "rank",
        "profile",
        "profile_version",
        "id",
        "name",
        "organization",
        "kind",
        "example",
        *_csv.STANDING,
        "blockers",
        "disputed_terms",
        "blocker_cap",
        "possible_grades",
        "turns_on",
        "score_over_known_rules",
        "range_exact",
    ]
    FINDING_FIELDS: ClassVar[list[str]] = [
        "rank",
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
        """The program's rows, every column but ``rank`` (known once every program is)."""
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
                    "outcome": _csv.outcome(f.outcome),
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
            **_csv.standing(card.score, card.range, card.coverage, card.grade),
            "blockers": " ".join(card.blockers),
            "disputed_terms": " ".join(card.disputed_terms),
            "blocker_cap": card.blocker_cap or "",
            "possible_grades": " ".join(card.possible_grades),
            "turns_on": "; ".join(turning_point_text(point) for point in card.turns_on),
            "score_over_known_rules": card.known_score,
            "range_exact": card.range_exact,
        }
        row.update({f"{c.category}_score": c.score for c in card.categories})
        row.update({f.rule: _csv.outcome(f.outcome) for f in card.findings})
        yield row

    splits: ClassVar[bool] = True

    def piece(self, program: Program, card: Scorecard) -> Piece:
        """The program's ranking key and its rows (every column but ``rank``, which is known
        once every program is), as text. Every cell goes through :func:`_csv.cell`: no cell
        starts a formula."""
        from ..scoring import rank_key

        writer = _csv.Writer(self.fields()[1:])
        return [list(rank_key(card)), [writer.rows([row]) for row in self.rows(program, card)]]

    def assemble(self, pieces: Iterable[Piece]) -> Iterator[str]:
        """The header at once; the rows, ranked, once every program is scored. Until then the
        rows wait in a temporary file, and only each program's ranking key and where its rows
        are stay in memory, so memory stays flat in the number of programs."""
        yield _csv.Writer(self.fields()).header()
        kept: list[tuple[tuple[Any, ...], int, tuple[int, ...]]] = []
        with tempfile.TemporaryFile() as spool:
            offset = 0
            for key, rows in pieces:
                lines = [row.encode("utf-8") for row in rows]
                spool.write(b"".join(lines))
                kept.append((tuple(key), offset, tuple(map(len, lines))))
                offset += sum(map(len, lines))
            kept.sort(key=lambda entry: entry[0])  # stable: ties in file order
            ranks = _csv.competition_ranks([key for key, _, _ in kept])
            batch: list[str] = []
            for rank, (_, start, sizes) in zip(ranks, kept, strict=True):
                spool.seek(start)
                batch += [f"{rank},{spool.read(size).decode('utf-8')}" for size in sizes]
                if len(batch) >= _ROWS_AT_ONCE:  # a write (and a flush) for many rows
                    yield "".join(batch)
                    batch.clear()
            if batch:
                yield "".join(batch)
