"""The smallest set of term changes, from the rules' remedies, that reaches a target grade.

"Reaches" means for certain: the grade holds however the terms that stay unknown or
disputed are settled. The worst case reaches the target's band, coverage reaches the
profile's minimum, and no blocker rule that caps the grade below the target can still turn
out not met. The worst case here takes each open rule at the worst outcome it can still
take (its finding's ``possible`` outcomes), each on its own: never above the worst case of
the scorecard's range, so a suggestion that reaches the target by it reaches it by the
scorecard too.

The candidate changes are the terms of the remedies of the rules not yet certainly met,
each set to its remedy value, and each bounded number (a rate, a deadline) whose bound such
a rule's clause states, set to the profile's own bound (PAY001's "no less than 45 US
dollars an hour" under a guild's floor), where the stated number falls outside it. Each
rule's finding depends only on the terms it reads, so it is looked up from a table built by
scoring the program with each combination of that rule's candidate terms changed (at most a
few dozen programs a rule, whatever the program says).
The search is a branch and bound over those changes (:class:`_Search`) and is exact: a
branch is cut only when no set in it can win. It tries at most 30,000 sets (a second or
so); past that it keeps the best set it has found, leaves out of it each change the rest
reach the target without (so every change is still needed), and says that a smaller set may
exist (``proven`` false). Every bundled program, under every bundled profile and target, is
settled well within it.

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

import bisect
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

from ..errors import UsageError
from ..model import Program
from ..profiles import GRADES, Grade, Profile, load_profile
from ..rules import CATALOGUE
from ..scoring import Finding, Scorecard, score
from . import _outcomes
from ._changes import (
    BOUNDS,
    TermChange,
    apply_changes,
    asked_terms,
    asked_value,
    show_term,
    within_bound,
)

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
    proven: bool = True
    """The search finished: no smaller (or, as small, cheaper) set makes the target certain.
    False when it stopped after trying its most sets; the set is then the best it found."""
    sets_tried: int = 0
    """Sets of changes the search tried (steps, not time)."""

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


def candidate_changes(program: Program, card: Scorecard, profile: Profile) -> dict[str, Any]:
    """What the clauses of the rules not certainly met ask for (:func:`._changes.asked_terms`),
    for terms not already there: a remedy's value, or a bounded number at the profile's own
    bound where the stated number falls outside it (or is not stated, or disputed)."""
    parameters = profile.parameters
    wanted: dict[str, Any] = {}
    for finding in card.findings:
        if _outcomes.possible_outcomes(finding) in (("met",), ("n/a",)):
            continue
        rule = CATALOGUE[finding.rule]
        for key in asked_terms(rule):
            value = asked_value(rule, key, parameters)
            term = program.terms.term(key)
            if term.known and not term.disputed:
                if term.value == value:
                    continue
                if key in BOUNDS and within_bound(key, term.value, parameters):
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
    """Each rule's finding for every combination of its candidate terms changed, and the
    same read for the worst case (:class:`._outcomes.Reading`), by bit mask of the changes."""

    def __init__(self, program: Program, profile: Profile, candidates: dict[str, Any]) -> None:
        self.codes = list(profile.rules)
        self.candidates = candidates
        self.bit = {key: 1 << index for index, key in enumerate(candidates)}
        self.keys = {
            code: tuple(k for k in _depends_on(code, self.codes) if k in candidates)
            for code in self.codes
        }
        cache: dict[frozenset[str], Scorecard] = {}
        self.table: dict[str, dict[frozenset[str], Finding]] = {}
        self.masks: list[tuple[int, dict[int, _outcomes.Reading]]] = []
        for code in self.codes:
            rows: dict[frozenset[str], Finding] = {}
            readings: dict[int, _outcomes.Reading] = {}
            keys = self.keys[code]
            for n in range(len(keys) + 1):
                for combo in itertools.combinations(keys, n):
                    chosen = frozenset(combo)
                    if chosen not in cache:
                        changed = apply_changes(program, {k: candidates[k] for k in chosen})
                        cache[chosen] = score(changed, profile)
                    rows[chosen] = cache[chosen].finding(code)
                    readings[self.mask(chosen)] = _outcomes.read(rows[chosen])
            self.table[code] = rows
            self.masks.append((self.mask(keys), readings))

    def mask(self, keys: Iterable[str]) -> int:
        return sum(self.bit[k] for k in keys)

    def findings(self, chosen: frozenset[str]) -> list[Finding]:
        return [self.table[code][chosen & frozenset(self.keys[code])] for code in self.codes]

    def readings(self, chosen: int) -> list[_outcomes.Reading]:
        return [rows[chosen & mask] for mask, rows in self.masks]

    def worst_weight(self, chosen: int) -> float:
        """Weight x the worst credit, summed over the rules, with ``chosen`` changed."""
        return sum(r.weight * r.lowest for r in self.readings(chosen))

    def least_total(self) -> float:
        """The least applicable weight any combination of changes can leave."""
        return sum(min(r.weight for r in rows.values()) for _, rows in self.masks)

    def shares(self) -> dict[str, float]:
        """For each candidate, the most worst-case weight it can add per key used, from the
        program as it is: each rule it changes counts at the best average rise it reaches
        (with j of its keys changed, its rise over j). No set of changes adds more to the
        program's worst-case weight than the sum of its keys' shares."""
        share = dict.fromkeys(self.candidates, 0.0)
        for code, (_, rows) in zip(self.codes, self.masks, strict=True):
            values = {row: r.weight * r.lowest for row, r in rows.items()}
            base = values[0]
            best = max(
                ((value - base) / row.bit_count() for row, value in values.items() if row),
                default=0.0,
            )
            for key in self.keys[code]:
                share[key] += max(best, 0.0)
        return share

    def gains(self) -> dict[str, float]:
        """For each candidate, the most worst-case weight it can add, alone or with others
        (for each rule it changes, the rule's highest value less its lowest)."""
        gain = dict.fromkeys(self.candidates, 0.0)
        for code, (_, rows) in zip(self.codes, self.masks, strict=True):
            values = [r.weight * r.lowest for r in rows.values()]
            for key in self.keys[code]:
                gain[key] += max(values) - min(values)
        return gain


_MOST_UNSURE_KEYS: Final = 3
"""Keys that do not only help, up to which every subset of them is tried to tell whether a
branch can still reach the target (beyond, the branch is judged rule by rule)."""
_MOST_SETS: Final = 30_000
"""Sets of changes the search tries before it settles for the smallest it has found."""


def suggest(program: Program, profile: Profile | str = "articles", target: str = "B") -> Suggestion:
    """The smallest set of remedy changes after which ``program`` certainly reaches ``target``."""
    profile = _as_profile(profile)
    goal = _as_grade(target)
    before = score(program, profile)
    candidates = candidate_changes(program, before, profile)
    tables = _Tables(program, profile, candidates)
    settles = {k: not program.terms.term(k).known for k in candidates}
    costs = {k: change_cost(k, settles[k]) for k in candidates}
    search = _Search(tables, profile, goal, costs)
    best = search.run()
    reached = best is not None
    chosen = best if best is not None else frozenset(candidates)
    suggestion = _suggestion(program, profile, goal, before, candidates, chosen, costs, reached)
    return replace(suggestion, proven=search.proven, sets_tried=search.tried)


class _Search:
    """Branch and bound over the candidate changes: the smallest set that makes the target
    certain, then the cheapest, then the one whose worst case is highest, then the first in
    alphabetical order.

    Keys are taken strongest first (the most worst-case weight they can add), each in or
    out; a set that makes the target certain is not grown further. A branch is cut when
    none of its sets can make the target certain (:meth:`_reachable`, :meth:`_fewest`,
    :meth:`_possible`), or when the fewest keys it still needs would make the set larger
    (or, as large, dearer) than the best found. A change toward a remedy never lowers the
    rule it meets, but it can lower coverage or another rule (a rule that did not apply
    comes to depend on an unstated term), so no cut assumes that adding keys helps, except
    for the keys shown to only help (:meth:`_helpers`). A greedy set found first bounds the
    search; past :data:`_MOST_SETS` sets tried, the best found is kept, unproven."""

    def __init__(
        self, tables: _Tables, profile: Profile, goal: Grade, costs: dict[str, float]
    ) -> None:
        self.tables = tables
        self.profile = profile
        self.goal = goal
        gains = tables.gains()
        self.keys = sorted(tables.candidates, key=lambda k: (-gains[k], k))
        self.bits = [tables.bit[k] for k in self.keys]
        self.costs = [costs[k] for k in self.keys]
        n = len(self.keys)
        # From each position: the sums of the strongest gains (the keys are in that order)
        # and of the cheapest costs of the keys still open.
        shares = tables.shares()
        self.shares = [shares[k] for k in self.keys]
        self.unchanged = tables.worst_weight(0)
        # From each position on: the sums of the largest gains and shares the keys still
        # open can add (the first j of them, for each j), and of their cheapest costs.
        self.gain_sums = [_prefix_sums([gains[k] for k in self.keys[i:]]) for i in range(n + 1)]
        self.share_sums = [
            _prefix_sums(sorted(self.shares[i:], reverse=True)) for i in range(n + 1)
        ]
        self.cost_sums = [_prefix_sums(sorted(self.costs[i:])) for i in range(n + 1)]
        self.rest = [sum(self.bits[i:]) for i in range(n + 1)]
        band = profile.grades[goal] if goal != "E" else 0.0
        self.needed = band / 100.0 * tables.least_total()
        self.tried = 0
        self.proven = True
        # Each rule's readings by the changes among its keys, and whether it is a blocker
        # that caps the grade below the target (then it must be certainly not failed).
        self.rows = [
            (
                mask,
                list(rows.items()),
                code in profile.blockers
                and GRADES.index(profile.blockers[code]) > GRADES.index(goal),
            )
            for code, (mask, rows) in zip(tables.codes, tables.masks, strict=True)
        ]
        self.fatal = {
            code for code, cap in profile.blockers.items() if GRADES.index(cap) > GRADES.index(goal)
        }
        self.helps = self._helpers()
        self.blocking = 0
        for mask, _, blocking in self.rows:
            self.blocking |= mask if blocking else 0
        self._needs: dict[tuple[int, int], list[tuple[int | None, int]]] = {}
        self.best: tuple[int, float, float, list[str]] | None = None
        self.best_mask = 0
        self._ok: dict[int, bool] = {}

    def ok(self, chosen: int) -> bool:
        """Whether ``chosen`` makes the target certain: what ``reaches(worst_grade_of(...))``
        says, the cheap parts first (a blocker below the target that may fail, coverage)."""
        found = self._ok.get(chosen)
        if found is None:
            self.tried += 1
            found = self._ok[chosen] = self._certain(self.tables.readings(chosen))
            if len(self._ok) > 4 * _MOST_SETS:
                self._ok.clear()
        return found

    def _certain(self, readings: list[_outcomes.Reading]) -> bool:
        known = total = 0.0
        for reading in readings:
            if reading.may_fail and reading.rule in self.fatal:
                return False
            total += reading.weight
            if reading.known:
                known += reading.weight
        if total <= 0 or known / total < self.profile.min_coverage:
            return False
        worst = self.profile.grade_for(_outcomes.worst_of(readings))
        return GRADES.index(worst) <= GRADES.index(self.goal)

    def run(self) -> frozenset[str] | None:
        greedy = self._greedy()
        if greedy is not None:
            self._offer(greedy)
        self._branch(0, 0, 0, 0.0)
        if self.best is None:
            return None
        if not self.proven:
            self._trim()
        return frozenset(
            k for k, bit in zip(self.keys, self.bits, strict=True) if self.best_mask & bit
        )

    def _reachable(self, chosen: int, rest: int) -> bool:
        """Whether some set of ``chosen`` and keys of ``rest`` could make the target certain,
        tried with every key that only helps (:meth:`_helpers`) added, and each subset of
        the others: adding a key that only helps never undoes a certain target. Without
        a say (too many keys that do not only help), as if it could."""
        others = [bit for bit in self.bits if rest & ~self.helps & bit]
        if len(others) > _MOST_UNSURE_KEYS:
            return True
        with_helpers = chosen | (rest & self.helps)
        return any(
            self.ok(with_helpers | sum(subset))
            for n in range(len(others) + 1)
            for subset in itertools.combinations(others, n)
        )

    def _helpers(self) -> int:
        """The keys whose change never lowers any reading the target depends on, whatever
        else is changed: for each rule it changes, the same weight, no lower worst credit,
        no new doubt whether the rule applies, known where it was known, and no new risk of
        failing. (Most are; a change that makes a rule apply to an unstated term is not.)"""
        helps = sum(self.bits)
        for mask, rows, _ in self.rows:
            by_row = dict(rows)
            for row, reading in rows:
                for bit in self.bits:
                    if not mask & bit or row & bit:
                        continue
                    after = by_row[row | bit]
                    if not (
                        after.weight == reading.weight
                        and after.lowest >= reading.lowest
                        and after.unsure == reading.unsure
                        and after.known >= reading.known
                        and after.may_fail <= reading.may_fail
                    ):
                        helps &= ~bit
        return helps

    def _fewest(self, chosen: int, at: int) -> int | None:
        """The fewest keys from position ``at`` on that, added to ``chosen``, could make the
        target certain, as far as blockers and the worst-case weight tell (None: no number
        does): the blockers below the target whose keys do not overlap each need their own
        (taken the most needing first); the weight missing needs at least as many keys as
        it takes of the largest gains (:meth:`_Tables.gains`) and of the largest shares
        (:meth:`_Tables.shares`) the keys still open can add."""
        fewest, taken = 0, 0
        needs = self._blocker_needs(chosen, chosen | self.rest[at])
        if any(need is None for need, _ in needs):
            return None
        for need, mask in sorted(needs, key=lambda pair: -(pair[0] or 0)):
            if not mask & taken:
                fewest += need or 0
                taken |= mask
        shared = sum(
            share for share, bit in zip(self.shares, self.bits, strict=True) if chosen & bit
        )
        most = 0
        for missing, sums in (
            (self.needed - self.tables.worst_weight(chosen), self.gain_sums[at]),
            (self.needed - self.unchanged - shared, self.share_sums[at]),
        ):
            picks = bisect.bisect_left(sums, missing - 1e-9)
            if picks == len(sums):
                return None
            most = max(most, picks)
        return max(fewest, most)

    def _blocker_needs(self, chosen: int, allowed: int) -> list[tuple[int | None, int]]:
        """For each blocker below the target: the fewest keys of ``allowed`` that, added to
        ``chosen``, make it certainly not failed (None: none do), and the keys it may use."""
        key = (chosen & self.blocking, allowed & self.blocking)
        found = self._needs.get(key)
        if found is None:
            found = []
            for mask, rows, blocking in self.rows:
                if not blocking:
                    continue
                own, free = chosen & mask, allowed & mask
                counts = [
                    (row & ~own).bit_count()
                    for row, r in rows
                    if not r.may_fail and row & own == own and row & ~free == 0
                ]
                found.append((min(counts) if counts else None, free & ~own))
            self._needs[key] = found
        return found

    def _possible(self, chosen: int, allowed: int, limit: int) -> bool:
        """Whether adding at most ``limit`` keys of ``allowed`` to ``chosen`` could still make
        the target certain, each rule looked at on its own (which never rules out a set
        that works): a blocker below the target must be able to be certainly not failed,
        and the best each rule can do must add up to the coverage and the worst-case weight
        needed. No rule is assumed to improve as keys are added: a change toward a remedy
        can lower coverage (a rule that did not apply comes to depend on an unstated term)."""
        known = total = value = 0.0
        for mask, rows, blocking in self.rows:
            own, free = chosen & mask, allowed & mask
            usable = [
                r
                for row, r in rows
                if row & own == own and row & ~free == 0 and (row & ~own).bit_count() <= limit
            ]
            if blocking and all(r.may_fail for r in usable):
                return False
            known += max(r.weight if r.known else 0.0 for r in usable)
            total += min(r.weight for r in usable)
            value += max(r.weight * r.lowest for r in usable)
        if value < self.needed - 1e-9:
            return False
        minimum = self.profile.min_coverage
        if total <= 0:
            return known > 0 or minimum <= 0
        return known / total >= minimum - 1e-12

    def _greedy(self) -> int | None:
        """A set that works, if this finds one: the strongest keys one by one until the
        target is certain, then each key left out again where the rest still works."""
        chosen = 0
        for bit in self.bits:
            if self.ok(chosen):
                break
            chosen |= bit
        if not self.ok(chosen):
            return None
        return self._needed_only(chosen, reversed(self.bits))

    def _trim(self) -> None:
        """Leave out of the best set each change the rest reach the target without, the
        dearest first. An exact search needs this never (a smaller set would have won); one
        cut off at the bound may have stopped on a set that holds a change it does not need
        (14 changes for `ownership.outputs: shared` alone and target A, one of them not
        needed)."""
        dearest = sorted(range(len(self.keys)), key=lambda i: (-self.costs[i], -i))
        self._offer(self._needed_only(self.best_mask, [self.bits[i] for i in dearest]))

    def _needed_only(self, chosen: int, order: Iterable[int]) -> int:
        """``chosen`` without each change, taken in ``order``, that the rest still make the
        target certain without: at most one look-up a change."""
        for bit in order:
            if chosen & bit and self.ok(chosen & ~bit):
                chosen &= ~bit
        return chosen

    def _key(self, chosen: int) -> tuple[int, float, float, list[str]]:
        keys = [k for k, bit in zip(self.keys, self.bits, strict=True) if chosen & bit]
        cost = sum(c for c, bit in zip(self.costs, self.bits, strict=True) if chosen & bit)
        worst = _outcomes.worst_of(self.tables.readings(chosen))
        return len(keys), cost, -worst, sorted(keys)

    def _offer(self, chosen: int) -> None:
        key = self._key(chosen)
        if self.best is None or key < self.best:
            self.best, self.best_mask = key, chosen

    def _branch(self, at: int, chosen: int, size: int, cost: float) -> None:
        if self.tried > _MOST_SETS:
            self.proven = False
            return
        if self.ok(chosen):
            self._offer(chosen)
            return
        if at == len(self.keys):
            return
        if not self._reachable(chosen, self.rest[at]):
            return
        found = self._fewest(chosen, at)
        if found is None:  # even every key still open cannot make the target certain
            return
        picks = max(found, 1)
        if self.best is not None:
            best_size, best_cost = self.best[0], self.best[1]
            if size + picks > best_size:
                return
            if size + picks == best_size and cost + self.cost_sums[at][picks] > best_cost + 1e-9:
                return
        limit = len(self.keys) if self.best is None else self.best[0] - size
        if (self.rest[at] & ~self.helps).bit_count() > _MOST_UNSURE_KEYS and not self._possible(
            chosen, chosen | self.rest[at], limit
        ):
            return
        self._branch(at + 1, chosen | self.bits[at], size + 1, cost + self.costs[at])
        self._branch(at + 1, chosen, size, cost)


def _prefix_sums(values: Sequence[float]) -> list[float]:
    sums = [0.0]
    for value in values:
        sums.append(sums[-1] + value)
    return sums


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
            if key in asked_terms(CATALOGUE[code])
            and asked_value(CATALOGUE[code], key, profile.parameters) == candidates[key]
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
