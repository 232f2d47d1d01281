"""Term changes applied to a program: the proposal a guild sends back.

A changed term gets one fact that cites a ``proposal`` source (added to the program), so
the changed program is a valid program file that says where its new terms come from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from ..model import Fact, Program, Source, Term
from ..scoring import show_value

PROPOSAL: Final = "proposal"


@dataclass(frozen=True)
class TermChange:
    """One term set to a new value."""

    term: str
    """``section.name``."""
    old: str
    """What the program says now, in words: a value, ``unknown``, or ``disputed: a | b``."""
    new: Any
    settles_unknown: bool
    """The program says nothing of this term yet: the change only states it."""


def show_term(term: Term[Any]) -> str:
    """A term's state in words: ``unknown``, its value, or ``disputed: a | b``."""
    if not term.known:
        return "unknown"
    if term.disputed:
        return "disputed: " + " | ".join(show_value(v) for v in term.values)
    return show_value(term.value)


def proposal_source_id(program: Program) -> str:
    source_id, n = PROPOSAL, 1
    while source_id in program.sources:
        n += 1
        source_id = f"{PROPOSAL}-{n}"
    return source_id


def apply_changes(
    program: Program,
    changes: Mapping[str, Any],
    *,
    source: Source | None = None,
    source_id: str | None = None,
    note: str | None = None,
) -> Program:
    """``program`` with each ``section.name`` in ``changes`` set to its value, backed by a
    proposal source. The program is not validated again: values come from the catalogue."""
    if not changes:
        return program
    sid = source_id or proposal_source_id(program)
    proposal = source or Source(
        title=f"Proposed terms for {program.name}",
        party="participants",
        path=f"{program.id}.yaml",
        note="Terms proposed in negotiation (written by testerterms); not agreed terms.",
    )
    by_section: dict[str, dict[str, Term[Any]]] = {}
    for key, value in changes.items():
        section, name = key.split(".")
        fact: Fact[Any] = Fact(value=value, source=(sid,), note=note)
        by_section.setdefault(section, {})[name] = Term(claims=(fact,))
    updated = {
        section: getattr(program.terms, section).model_copy(update=terms)
        for section, terms in by_section.items()
    }
    changed = program.model_copy(
        update={
            "terms": program.terms.model_copy(update=updated),
            "sources": {**program.sources, sid: proposal},
        }
    )
    # A source whose every fact was replaced is no longer cited: leave it out, so the
    # changed program validates without warnings.
    dropped = _cited(program) - _cited(changed)
    if dropped:
        kept = {k: v for k, v in changed.sources.items() if k not in dropped}
        changed = changed.model_copy(update={"sources": kept})
    return changed


def _cited(program: Program) -> set[str]:
    sections = {
        source
        for name in program.terms.SECTIONS
        for source in getattr(program.terms, name).source or ()
    }
    return program.cited_sources() | sections


def current(program: Program, key: str) -> Term[Any]:
    return program.terms.term(key)
