"""The smallest set of term changes, from the rules' remedies, that reaches a target grade.

"Reaches" means for certain: the grade holds however the terms that stay unknown or
disputed are settled. The worst case reaches the target's band, coverage reaches the
profile's minimum, and no blocker rule that caps the grade below the target can still turn
out not met. The worst case here takes each open rule at the worst outcome it can still
take (its finding's ``possible`` outcomes), each on its own: never above the worst case of
the scorecard's range, so a suggestion that reaches the target by it reaches it by the
scorecard too.

The search is exact. The candidate changes are the terms of the remedies of the rules not
yet certainly met, each set to its remedy value; sets are tried by size, smallest first,
and a branch is cut only when even every remaining candidate could not reach the target
(changes toward a remedy never lower a finding). Each rule's finding depends only on the
terms it reads, so it is looked up from a table built by scoring the program with each
combination of that rule's candidate terms changed.

Among sets of the same size, the one that costs the organization least wins. The cost of
one change (:func:`change_cost`):

====  ============================================================================
cost  change
====  ============================================================================
0.5   states an unknown term of transparency, credit, voice, access, reports, safety
1     changes a stated term of those sections
1.5   states an unknown term of content review, ownership, confidentiality, likeness
2     changes a stated term of those sections (control of work and information)
2.5   states an unknown pay term (compensation)
3     changes a stated pay term
====  ============================================================================

So settling what the program leaves unsaid costs less than changing what it says, and
words and process cost less than control of work, which costs less than money. Further ties
go to the set whose worst case is highest, then to the alphabetical order of the terms.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from ..errors import UsageError
from ..model import Program
from ..profiles import GRADES, Grade, Profile, load_profile
from ..rules import CATALOGUE
from ..scoring import Finding, Scorecard, score
from . import _outcomes
from ._changes import TermChange, apply_changes, show_term

_SECTION_COST: Final = {
    "compensation": 3.0,
    "content_review": 2.0,
    "ownership": 2.0,
    "confidentiality": 2.0,
    "likeness": 2.0,
}


def change_cost(term: str, settles_unknown: bool) -> float:
    """What one change costs the organization (see the module's table)."""
    base = _SECTION_COST.get(term.split(".")[0], 1.0)
    return base - 0.5 if settles_unknown else base


@dataclass(frozen=True)
class Step:
    """One suggested change, with the clause that states it and where the program stands
    once it (and every change listed before it) is made."""

    change: TermChange
    rules: tuple[str, ...]
    """The rules whose remedy sets this term."""
    clause: str
    """The clause of the first of those rules, with the profile's parameters."""
    cost: float
    score: float | None
    range: tuple[float, float]
    grade: Grade | None
    worst_grade: Grade | None


@dataclass(frozen=True)
class Suggestion:
    """The smallest set of remedy changes that makes ``target`` certain."""

    program_id: str
    profile_id: str
    profile_version: str
    target: Grade
    reached: bool
    """Whether the target is certain after the changes (False: not reachable from the
    remedies; ``steps`` then lists every remedy change)."""
    steps: tuple[Step, ...]
    before: Scorecard
    after: Scorecard
    before_worst_grade: Grade | None
    after_worst_grade: Grade | None
    program: Program
    """The program with the changes made (its new facts cite a proposal source)."""

    @property
    def changes(self) -> dict[str, Any]:
        return {step.change.term: step.change.new for step in self.steps}


def _as_profile(profile: Profile | str) -> Profile:
    return load_profile(profile) if isinstance(profile, str) else profile


def _as_grade(target: str) -> Grade:
    upper = target.upper()
    for grade in GRADES:
        if grade == upper:
            return grade
    raise UsageError(f"no grade {target!r}; the grades are: {', '.join(GRADES)}")


def candidate_changes(program: Program, card: Scorecard) -> dict[str, Any]:
    """Remedy values of the rules not certainly met, for terms not already at that value."""
    wanted: dict[str, Any] = {}
    for finding in card.findings:
        if _outcomes.possible_outcomes(finding) in (("met",), ("n/a",)):
            continue
        for key, value in CATALOGUE[finding.rule].remedy.terms.items():
            term = program.terms.term(key)
            if term.known and not term.disputed and term.value == value:
                continue
            wanted.setdefault(key, value)
    return dict(sorted(wanted.items()))


def _depends_on(code: str, codes: Sequence[str]) -> tuple[str, ...]:
    """The terms a rule's finding (weight included) depends on: its own, and those of the
    rules its weight folds into or that fold their weight into it."""
    rule = CATALOGUE[code]
    keys = set(rule.terms)
    for other in codes:
        if other == rule.folds_into or CATALOGUE[other].folds_into == code:
            keys |= set(CATALOGUE[other].terms)
    return tuple(sorted(keys))


class _Tables:
    """Each rule's finding for every combination of its candidate terms changed."""

    def __init__(self, program: Program, profile: Profile, candidates: dict[str, Any]) -> None:
        self.codes = list(profile.rules)
        self.candidates = candidates
        self.keys = {
            code: tuple(k for k in _depends_on(code, self.codes) if k in candidates)
            for code in self.codes
        }
        cache: dict[frozenset[str], Scorecard] = {}
        self.table: dict[str, dict[frozenset[str], Finding]] = {}
        for code in self.codes:
            rows: dict[frozenset[str], Finding] = {}
            keys = self.keys[code]
            for n in range(len(keys) + 1):
                for combo in itertools.combinations(keys, n):
                    chosen = frozenset(combo)
                    if chosen not in cache:
                        changed = apply_changes(program, {k: candidates[k] for k in chosen})
                        cache[chosen] = score(changed, profile)
                    rows[chosen] = cache[chosen].finding(code)
            self.table[code] = rows

    def findings(self, chosen: frozenset[str]) -> list[Finding]:
        return [self.table[code][chosen & frozenset(self.keys[code])] for code in self.codes]

    def worst_weight(self, chosen: frozenset[str]) -> float:
        """Weight x the worst credit, summed over the rules, with ``chosen`` changed."""
        return sum(_counted(f) * _outcomes.lowest_credit(f) for f in self.findings(chosen))

    def least_total(self) -> float:
        """The least applicable weight any combination of changes can leave."""
        return sum(min(_counted(f) for f in rows.values()) for rows in self.table.values())

    def gains(self) -> dict[str, float]:
        """For each candidate, the most worst-case weight it can add, alone or with others."""
        gain = dict.fromkeys(self.candidates, 0.0)
        for code, rows in self.table.items():
            base = _counted(rows[frozenset()]) * _outcomes.lowest_credit(rows[frozenset()])
            most = max(_counted(f) * _outcomes.lowest_credit(f) for f in rows.values()) - base
            for key in self.keys[code]:
                gain[key] += max(most, 0.0)
        return gain


def _counted(finding: Finding) -> float:
    return 0.0 if finding.outcome == "n/a" else finding.weight


def suggest(program: Program, profile: Profile | str = "articles", target: str = "B") -> Suggestion:
    """The smallest set of remedy changes after which ``program`` certainly reaches ``target``."""
    profile = _as_profile(profile)
    goal = _as_grade(target)
    before = score(program, profile)
    candidates = candidate_changes(program, before)
    tables = _Tables(program, profile, candidates)
    keys = list(candidates)

    def ok(chosen: frozenset[str]) -> bool:
        return _outcomes.reaches(_outcomes.worst_grade(tables.findings(chosen), profile), goal)

    settles = {k: not program.terms.term(k).known for k in keys}
    costs = {k: change_cost(k, settles[k]) for k in keys}
    gains = tables.gains()
    keys.sort(key=lambda k: -gains[k])  # strong candidates first: cuts come early
    needed = profile.grades[goal] / 100.0 * tables.least_total() if goal != "E" else 0.0

    def hopeful(chosen: frozenset[str], rest: Sequence[str], picks: int) -> bool:
        top = sum(sorted((gains[k] for k in rest), reverse=True)[:picks])
        return tables.worst_weight(chosen) + top >= needed - 1e-9

    best: frozenset[str] | None = None
    if ok(frozenset(keys)):
        for size in range(len(keys) + 1):
            found = _sets_of_size(keys, size, ok, hopeful)
            if found:
                best = min(
                    found,
                    key=lambda c: (
                        sum(costs[k] for k in c),
                        -_outcomes.worst_score(tables.findings(c)),
                        sorted(c),
                    ),
                )
                break
    reached = best is not None
    chosen = best if best is not None else frozenset(keys)
    return _suggestion(program, profile, goal, before, candidates, chosen, costs, reached)


def _sets_of_size(keys: list[str], size: int, ok: Any, hopeful: Any) -> list[frozenset[str]]:
    """Every set of ``size`` keys that passes ``ok``. A branch is cut when the keys still
    available to it cannot add enough worst-case weight (``hopeful``), or when adding all
    of them would still not pass: changes toward remedies never lower a finding."""
    found: list[frozenset[str]] = []

    def extend(chosen: tuple[str, ...], start: int) -> None:
        if len(chosen) == size:
            if ok(frozenset(chosen)):
                found.append(frozenset(chosen))
            return
        if len(keys) - start < size - len(chosen):
            return
        rest = keys[start:]
        if not hopeful(frozenset(chosen), rest, size - len(chosen)):
            return
        if not ok(frozenset(chosen) | frozenset(rest)):
            return
        for index in range(start, len(keys)):
            extend((*chosen, keys[index]), index + 1)

    extend((), 0)
    return found


def _suggestion(
    program: Program,
    profile: Profile,
    goal: Grade,
    before: Scorecard,
    candidates: dict[str, Any],
    chosen: frozenset[str],
    costs: dict[str, float],
    reached: bool,
) -> Suggestion:
    ordered = sorted(chosen, key=lambda k: (costs[k], k))
    steps: list[Step] = []
    applied: dict[str, Any] = {}
    for key in ordered:
        applied[key] = candidates[key]
        changed = apply_changes(program, applied)
        card = score(changed, profile)
        rules = tuple(
            code
            for code in profile.rules
            if CATALOGUE[code].remedy.terms.get(key, object()) == candidates[key]
        )
        term = program.terms.term(key)
        steps.append(
            Step(
                change=TermChange(
                    term=key,
                    old=show_term(term),
                    new=candidates[key],
                    settles_unknown=not term.known,
                ),
                rules=rules,
                clause=CATALOGUE[rules[0]].remedy.clause_for(profile.parameters) if rules else "",
                cost=costs[key],
                score=card.score,
                range=card.range,
                grade=card.grade,
                worst_grade=_outcomes.worst_grade(card.findings, profile),
            )
        )
    new_program = apply_changes(program, applied)
    after = score(new_program, profile)
    return Suggestion(
        program_id=program.id,
        profile_id=profile.id,
        profile_version=profile.version,
        target=goal,
        reached=reached,
        steps=tuple(steps),
        before=before,
        after=after,
        before_worst_grade=_outcomes.worst_grade(before.findings, profile),
        after_worst_grade=_outcomes.worst_grade(after.findings, profile),
        program=new_program,
    )
