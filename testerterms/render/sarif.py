"""Scorecards as SARIF 2.1.0, for code-scanning views: one result per rule not met or
partly met, located at the term it rests on in the program file.

The positions come from the loader (:class:`~testerterms.loading.ProgramFile`); this module
never reads a file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, ClassVar, Final
from urllib.parse import quote

from .._escape import json_dumps
from .._version import __version__
from ..loading import ProgramFile
from ..rules import CATALOGUE, CATEGORIES
from ..scoring import Finding
from ._base import Reporter, Scored
from ._width import paragraphs

SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS: Final = {"not-met": "error", "partly": "warning"}
"""The findings that become results, and their SARIF level."""


def term_loc(term: str) -> tuple[str, ...]:
    """Where a term key such as ``compensation.money`` stands in a program file."""
    first, _, rest = term.partition(".")
    if first in ("participants", "events"):
        return (first, rest) if rest else (first,)
    return ("terms", first, rest)


def artifact_uri(path: Path) -> str:
    """The file as a URI: relative to the working folder where it lies below it."""
    try:
        relative = path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path.resolve().as_uri()
    return quote(relative.as_posix())


class SarifReporter(Reporter):
    needs_files: ClassVar[bool] = True

    def rules(self) -> list[dict[str, Any]]:
        parameters = self.profile.parameters
        entries = []
        for code in (c for c in CATALOGUE if c in self.profile.rules):
            rule = CATALOGUE[code]
            clause = rule.remedy.clause_for(parameters)
            rationale = "\n\n".join(paragraphs(rule.rationale)) or rule.title
            citations = "; ".join(f'{c.source}: "{c.quote}"' for c in rule.citations)
            entries.append(
                {
                    "id": code,
                    "shortDescription": {"text": rule.title},
                    "fullDescription": {"text": rationale},
                    "help": {
                        "text": f"{rationale}\n\nWhat to ask for: {clause}\n\n"
                        f"Where it comes from: {citations}",
                    },
                    "defaultConfiguration": {"level": "error"},
                    "properties": {
                        "category": CATEGORIES[rule.category],
                        "basis": rule.basis,
                        "weight": self.profile.rules[code],
                        "tags": [rule.category, rule.basis],
                    },
                }
            )
        return entries

    def _location(self, where: ProgramFile, term: str) -> dict[str, Any]:
        line, col = where.position(term_loc(term))
        return {
            "physicalLocation": {
                "artifactLocation": {"uri": artifact_uri(where.path)},
                "region": {"startLine": line, "startColumn": col},
            },
            "message": {"text": term},
        }

    def _result(self, index: int, where: ProgramFile, name: str, f: Finding) -> dict[str, Any]:
        rule = CATALOGUE[f.rule]
        terms = f.terms or rule.terms
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": index,
            "level": LEVELS[f.outcome],
            "message": {
                "text": f"{name}: {f.title}: {'partly met' if f.outcome == 'partly' else 'not met'}"
                f" ({f.reason})"
            },
            "locations": [self._location(where, terms[0])],
            "properties": {
                "outcome": f.outcome,
                "evidence": f.evidence,
                "disputed": f.disputed,
                "sources": list(f.sources),
                "weight": f.weight,
            },
        }
        if len(terms) > 1:
            result["relatedLocations"] = [
                {"id": n, **self._location(where, term)} for n, term in enumerate(terms[1:], 1)
            ]
        return result

    def stream(self, scored: Iterable[Scored]) -> Iterator[str]:
        """One SARIF document, written once every program is scored (``files`` grows as the
        caller loads them: the n-th program scored has the n-th file)."""
        rules = self.rules()
        index = {entry["id"]: n for n, entry in enumerate(rules)}
        results = []
        for number, (_, card) in enumerate(scored):
            if number >= len(self.files):
                raise ValueError("SARIF needs the file of every program scored")
            where = self.files[number]
            for f in card.findings:
                if f.outcome in LEVELS:
                    result = self._result(index[f.rule], where, card.program_name, f)
                    result["properties"]["program"] = card.program_id
                    results.append(result)
        document = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "testerterms",
                            "version": __version__,
                            "rules": rules,
                        }
                    },
                    "properties": {
                        "profile": {"id": self.profile.id, "version": self.profile.version}
                    },
                    "results": results,
                }
            ],
        }
        yield json_dumps(document, indent=2) + "\n"
