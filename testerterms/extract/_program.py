"""From what was read to a draft program file, and the reports ``extract`` prints.

The draft has one source, the document (``party: organization``), and one fact per term
found: the value, ``quote:`` (the clause, verbatim) and a ``note:`` that says it was proposed
by ``extract``, on which line, and which spotter fired on which words. Every other term is
left out, so it stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from .._escape import json_dumps, terminal
from ._core import SPOTTERS, Clause, Extraction
from ._readers import Document

DEFAULT_ORGANIZATION: Final = "unknown (give --organization)"
_KINDS: Final = (
    ("bug-bounty", r"\bbug\s+bount|\bbounty\s+program|\bvulnerability\s+disclosure"),
    ("red-team", r"\bred[\s-]team"),
    ("creative-partner", r"\bcreative\s+partner"),
    ("playtest", r"\bplaytest"),
    ("user-research", r"\buser\s+research|\bresearch\s+stud(?:y|ies)\b"),
    ("early-access", r"\bearly[\s-]access"),
    ("beta", r"\bbeta\b|\bpre-?release|\bpreview\b|\btest(?:ing)?\s+program"),
)


@dataclass(frozen=True)
class Head:
    """What the draft says about the program itself (``--id``, ``--name`` ...)."""

    program_id: str
    name: str | None = None
    organization: str | None = None
    kind: str | None = None
    url: str | None = None
    source_title: str | None = None
    source_path: str | None = None


def guess_kind(text: str) -> str:
    """The program kind its text names most plainly (``beta`` when it names none)."""
    for kind, pattern in _KINDS:
        if re.search(pattern, text[:200_000], re.IGNORECASE):
            return kind
    return "beta"


def draft_program(extraction: Extraction, head: Head) -> Any:
    """The draft as a :class:`testerterms.Program`: checked by the model as it is built."""
    from ..model import Program

    title = head.source_title or head.name or "The agreement read by testerterms extract"
    source: dict[str, Any] = {"title": title, "party": "organization"}
    if head.url:
        source["url"] = head.url
    else:
        source["path"] = head.source_path or "-"
    source["note"] = (
        "the document testerterms extract read; every fact below quotes it and was proposed "
        "by a spotter, not checked by a person"
    )
    terms: dict[str, dict[str, Any]] = {}
    for key, chosen in extraction.values.items():
        section, name = key.split(".")
        terms.setdefault(section, {})[name] = {
            "value": list(chosen.value) if isinstance(chosen.value, tuple) else chosen.value,
            "source": "S1",
            "quote": " ".join(chosen.quote.split()),  # a wrapped line's break as a space
            "note": note(chosen, extraction),
        }
    found = len(extraction.values)
    data = {
        "id": head.program_id,
        "name": head.name or head.source_title or head.program_id,
        "organization": head.organization or DEFAULT_ORGANIZATION,
        "kind": head.kind or guess_kind(extraction.text),
        "summary": (
            f"Proposed by testerterms extract: {found} of the {len(SPOTTERS)} terms it reads "
            f"were found in {extraction.sentences} sentences; the rest stay unknown. Check each "
            "value against its quote before relying on it."
        ),
        "sources": {"S1": source},
        "terms": terms,
    }
    return Program.model_validate(data)


def note(chosen: Clause, extraction: Extraction) -> str:
    """Why a fact was proposed, and what else the text says about the term."""
    others = [c for c in extraction.clauses if c.term == chosen.term and c is not chosen]
    text = f"proposed by testerterms extract (line {chosen.line}): {chosen.why}"
    differing = sorted({_value(c.value) for c in others if c.value != chosen.value})
    if differing:
        text += f"; other sentences say {', '.join(differing)}: see --details"
    elif others:
        text += f"; {len(others)} more sentence{'s agree' if len(others) > 1 else ' agrees'}"
    return text


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def program_yaml(program: Any, document: Document) -> str:
    """The draft program as YAML, under a comment that says what it is."""
    from .._authoring import dump_program

    header = (
        f"# Proposed by `testerterms extract` from {terminal(document.name)}.\n"
        "# Every value quotes the clause it rests on; nothing found stays unknown (left out).\n"
        "# Check each fact against its quote (`testerterms extract SOURCE --details`) before\n"
        "# relying on it, then `testerterms validate` and `testerterms score` this file.\n"
    )
    return header + dump_program(program)


def extraction_json(extraction: Extraction, document: Document) -> str:
    """``--format json``: the source, every clause with its offsets, and the values chosen."""
    data = {
        "source": document.name,
        "kind": document.kind,
        "url": document.url,
        "title": document.title,
        "characters": len(extraction.text),
        "sentences": extraction.sentences,
        "clauses": [clause.as_json() for clause in extraction.clauses],
        "proposed": {key: _json_value(c.value) for key, c in extraction.values.items()},
        "unknown": [key for key in SPOTTERS if key not in extraction.values],
    }
    return json_dumps(data) + "\n"


def _json_value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def details_text(extraction: Extraction, document: Document) -> str:
    """``--details``: each sentence that fired, the term, the value and why; then the terms
    not found. Text from the document is escaped for a terminal."""
    found = extraction.values
    lines = [
        f"{terminal(document.name)}: {len(found)} of {len(SPOTTERS)} terms proposed, from "
        f"{len(extraction.clauses)} clauses in {extraction.sentences} sentences",
        "",
    ]
    by_term: dict[str, list[Clause]] = {}
    for clause in extraction.clauses:
        by_term.setdefault(clause.term, []).append(clause)
    for key in SPOTTERS:
        clauses = by_term.get(key)
        if not clauses:
            continue
        chosen = found[key]
        lines.append(f"{key}: {_value(chosen.value)}")
        for clause in clauses:
            mark = "*" if clause is chosen else " "
            lines.append(f" {mark} line {clause.line}: {_value(clause.value)}")
            lines.append(f'     "{terminal(clause.quote)}"')
            lines.append(f"     why: {terminal(clause.why)}")
        lines.append("")
    missing = [key for key in SPOTTERS if key not in found]
    if missing:
        lines.append("not found (stay unknown): " + ", ".join(missing))
    lines.append("* the clause written to the program where sentences disagree or repeat")
    return "\n".join(lines) + "\n"


def terms_json() -> str:
    """``--terms --format json``: the terms extract can propose."""
    return json_dumps({"terms": list(SPOTTERS)}) + "\n"


def terms_text() -> str:
    """``--terms``: each term extract can propose and what its spotter looks for."""
    lines = []
    for key, unit in SPOTTERS.items():
        lines.append(f"{key}")
        lines.append(f"    {unit.summary}")
    return "\n".join(lines) + "\n"
