"""Term changes applied to a program: the proposal a guild sends back.

A changed term gets one fact that cites a ``proposal`` source (added to the program), so
the changed program is a valid program file that says where its new terms come from.
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Mapping, Sequence
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
    replaced = [program.terms.term(key) for key in changes]
    dropped = _uncited(program, replaced)
    if dropped:
        kept = {k: v for k, v in changed.sources.items() if k not in dropped}
        changed = changed.model_copy(update={"sources": kept})
    return changed


def _uncited(program: Program, replaced: Sequence[Term[Any]]) -> set[str]:
    """The sources that only the facts of the ``replaced`` terms cite. Counted once per
    program: ``suggest`` changes the same program in many ways, and a program may hold
    thousands of facts."""
    own = Counter(s for term in replaced for fact in term.facts for s in fact.source)
    if not own:
        return set()
    counts = _citations(program)
    return {source for source, times in own.items() if counts[source] == times}


_COUNTED: dict[int, tuple[weakref.ref[Program], Counter[str]]] = {}


def _citations(program: Program) -> Counter[str]:
    """How many times each source is cited: by facts, and by a section as its default."""
    entry = _COUNTED.get(id(program))
    if entry is not None and entry[0]() is program:
        return entry[1]
    counts = Counter(
        source for _, term in program.all_terms() for fact in term.facts for source in fact.source
    )
    for name in program.terms.SECTIONS:
        counts.update(getattr(program.terms, name).source or ())
    if len(_COUNTED) >= 64:
        _COUNTED.clear()
    _COUNTED[id(program)] = (weakref.ref(program), counts)
    return counts


def current(program: Program, key: str) -> Term[Any]:
    return program.terms.term(key)
