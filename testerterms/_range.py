"""The range: the lowest and the highest score some joint assignment of the open terms gives.

The range is worked out jointly, not rule by rule: rules share terms (``compensation.money``
decides PAY001, PAY002 and TRN003), and a rule that does not apply changes the denominator
(or moves its weight to the rule it folds into). The open rules (unknown or disputed) are
grouped by the open terms they share; within a group every joint assignment of the shared
terms is tried, and the terms only one rule reads are left to that rule; the groups' (total
weight, lowest and highest weight x credit) sums are then added up. So each end of the range
is the score of some assignment of the unknown terms and the disputed claims: no end is a
sum of outcomes that cannot happen together. A term that only refines a rule is not
assigned: it stays unstated, as it does for the headline.

Cost. The checks are not called again here: each open rule's judgement holds the outcome of
every combination of its terms' values, and a group reads those tables. A group tries at
most :data:`LIMITS` ``.joint`` joint assignments; a group with more shared assignments is
summed rule by rule, and a rule that was not settled counts at any outcome: both can only
widen the range, and the range then says it is not exact.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final, Protocol

from ._judgement import (
    _CLEARERS,
    CODES,
    LARGE,
    LIMITS,
    POSSIBLE_ORDER,
    WORK,
    Judgement,
    Kept,
    State,
    open_terms,
    size,
)
from .rules import CATALOGUE, CREDIT, Outcome, Parameters

Sums = tuple[tuple[float, float, float], ...]
"""What a set of rules can reach together: for each total weight (the denominator: a rule
that does not apply leaves it), the lowest and the highest sum of weight x credit. Only
these two matter for the ends of a ratio with that denominator."""

_ZERO: Final[Sums] = ((0.0, 0.0, 0.0),)
_ANY: Final[frozenset[Outcome]] = frozenset(POSSIBLE_ORDER)

Reach = tuple[frozenset[Outcome], ...]
"""The outcomes each member of a group can take together, for one joint assignment."""


class Judged(Protocol):
    """What the range reads of a finding."""

    @property
    def outcome(self) -> Outcome: ...
    @property
    def disputed(self) -> bool: ...
    @property
    def credit(self) -> float | None: ...
    @property
    def weight(self) -> float: ...


@dataclass(frozen=True)
class Range:
    worst: float
    best: float
    exact: bool
    """False when a bound widened it (a rule not settled, a group summed rule by rule)."""
    totals: Sums
    """The sums it was read from (the fixed rules' included)."""


def ends(totals: Sums) -> tuple[float, float]:
    """The lowest and highest score some sums allow."""
    found = [(100.0 * low / den, 100.0 * high / den) for den, low, high in totals if den > 1e-12]
    if not found:
        return 0.0, 100.0
    return max(0.0, min(low for low, _ in found)), min(100.0, max(high for _, high in found))


def joint_range(
    params: Parameters,
    weights: Mapping[str, float],
    folds: Sequence[tuple[str, str]],
    states: Mapping[str, State],
    judged: Mapping[str, Judged],
    folded: Mapping[str, Judged],
    judgements: Mapping[str, Judgement],
    sums_cache: dict[Any, tuple[Sums, bool]],
) -> Range:
    """The lowest and highest score some joint assignment of the open terms gives.

    ``judged`` are the findings before weights fold, ``folded`` after; ``judgements`` the
    judgement of each open rule; ``sums_cache`` keeps group sums for these weights."""
    is_open = {
        code: finding.outcome == "unknown" or finding.disputed for code, finding in judged.items()
    }
    parent = {code: code for code in judged}

    def root(code: str) -> str:
        while parent[code] != code:
            parent[code] = parent[parent[code]]
            code = parent[code]
        return code

    holders: dict[str, str] = {}
    for code in judged:
        if not is_open[code] or not judgements[code].settled:
            continue  # a rule not settled takes any outcome, whatever its terms
        for key, _ in open_terms(code, _states_of(code, states)):
            if key in holders:
                parent[root(code)] = root(holders[key])
            else:
                holders[key] = code
    grouped: set[str] = {code for code in judged if is_open[code]}
    for code, target in folds:
        if is_open[code] or is_open[target]:
            parent[root(code)] = root(target)
            grouped |= {code, target}
    groups: dict[str, list[str]] = {}
    for code in judged:
        if code in grouped:
            groups.setdefault(root(code), []).append(code)

    fixed_num = fixed_den = 0.0
    for code, finding in folded.items():
        if code not in grouped and finding.credit is not None and finding.weight > 0:
            fixed_num += finding.weight * finding.credit
            fixed_den += finding.weight
    totals: Sums = ((fixed_den, fixed_num, fixed_num),)
    exact = True
    for members in groups.values():
        keys = sorted({k for code in members for k in CATALOGUE[code].terms})
        group = (
            tuple(members),
            tuple([(k, states[k]) for k in keys]),
            tuple([None if is_open[code] else judged[code].outcome for code in members]),
        )
        with_weights = (group, tuple([weights[code] for code in members]))
        found = sums_cache.get(with_weights)
        if found is None:
            judgement_of = {code: judgements[code] for code in members if is_open[code]}
            reach, group_exact = _reach(params, *group, judgement_of)
            found = (_sums(members, reach, weights), group_exact)
            if size(s for _, s in group[1]) <= LARGE:  # large states are not kept here
                sums_cache[with_weights] = found
        sums, group_exact = found
        exact = exact and group_exact
        totals = _add(totals, sums)
    worst, best = ends(totals)
    return Range(worst, best, exact, totals)


def _states_of(code: str, states: Mapping[str, State]) -> tuple[State, ...]:
    return tuple([states[k] for k in CATALOGUE[code].terms])


def _reach(
    params: Parameters,
    members: tuple[str, ...],
    states: tuple[tuple[str, State], ...],
    fixed: tuple[Outcome | None, ...],
    judgements: Mapping[str, Judgement],
) -> tuple[frozenset[Reach], bool]:
    """The distinct outcome sets the group's members reach together, and whether exactly.
    Cached apart from the weights (a profile with other weights reuses it)."""
    key = (params, members, states, fixed)
    weight = size(s for _, s in states)
    if weight <= LARGE:
        return _reach_small(key, _Unhashed(judgements))
    found: tuple[frozenset[Reach], bool] | None = _LARGE_REACH.get(key)
    if found is None:
        found = _work_out_reach(key, _Unhashed(judgements))
        _LARGE_REACH.put(key, found, weight)
    return found


class _Unhashed:
    """Passes the judgements along a cached call without keying on them (they follow from
    the states the call is keyed by)."""

    __slots__ = ("judgements",)

    def __init__(self, judgements: Mapping[str, Judgement]) -> None:
        self.judgements = judgements

    def __hash__(self) -> int:
        return 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Unhashed)


def _work_out_reach(
    key: tuple[
        Parameters, tuple[str, ...], tuple[tuple[str, State], ...], tuple[Outcome | None, ...]
    ],
    passed: _Unhashed,
) -> tuple[frozenset[Reach], bool]:
    _, members, states, fixed = key
    judgements = passed.judgements
    state_of = dict(states)
    fixed_of = dict(zip(members, fixed, strict=True))
    settled = {code for code in members if fixed_of[code] is None and judgements[code].settled}
    opened = {
        code: dict(open_terms(code, tuple(state_of[k] for k in CATALOGUE[code].terms)))
        if code in settled
        else {}
        for code in members
    }
    readers: dict[str, int] = {}
    for code in members:
        for term in opened[code]:
            readers[term] = readers.get(term, 0) + 1
    folds = {code for code in members if CATALOGUE[code].folds_into in members}
    paired = folds | {CATALOGUE[code].folds_into for code in folds}
    domains: dict[str, tuple[Any, ...]] = {}
    for code in members:
        for term, values in opened[code].items():
            if readers[term] > 1 or code in paired:
                domains[term] = values
    exact = len(settled) == sum(outcome is None for outcome in fixed)
    shared = sorted(domains)
    if math.prod(len(values) for values in domains.values()) > LIMITS.joint:
        shared, exact = [], False

    lookups = [_lookup(code, fixed_of[code], judgements.get(code), shared) for code in members]
    reached: set[Reach] = set()
    for picked in itertools.product(*(domains[term] for term in shared)):
        WORK.assignments += 1
        assignment = dict(zip(shared, picked, strict=True))
        reached.add(tuple([lookup(assignment) for lookup in lookups]))
    return frozenset(reached), exact


_reach_small = lru_cache(maxsize=4096)(_work_out_reach)
_CLEARERS.append(_reach_small.cache_clear)
_LARGE_REACH: Final = Kept(200_000)


def _lookup(
    code: str, outcome: Outcome | None, judgement: Judgement | None, shared: Sequence[str]
) -> Any:
    """For one member: the outcomes it can take, given a joint assignment of the shared
    terms (read from its judgement's table of outcomes)."""
    if outcome is not None:
        known = frozenset([outcome])
        return lambda assignment: known
    if judgement is None or not judgement.settled:
        return lambda assignment: _ANY
    terms = CATALOGUE[code].terms
    at = [i for i, term in enumerate(terms) if term in shared]
    picked = [terms[i] for i in at]
    table: dict[tuple[Any, ...], set[Outcome]] = {}
    for combo, index in zip(itertools.product(*judgement.options), judgement.table, strict=True):
        table.setdefault(tuple([combo[i] for i in at]), set()).add(CODES[index])
    frozen = {values: frozenset(outcomes) for values, outcomes in table.items()}
    return lambda assignment: frozen[tuple([assignment[term] for term in picked])]


def _sums(members: Sequence[str], reach: frozenset[Reach], weights: Mapping[str, float]) -> Sums:
    """What the group's reach gives in weight x credit, for these weights."""
    weight = {code: weights[code] for code in members}
    hosts = {CATALOGUE[code].folds_into: code for code in members}
    folds = {code for code in members if CATALOGUE[code].folds_into in members}
    reached: Sums = ()
    for outcomes in sorted(reach, key=_reach_order):
        can = dict(zip(members, outcomes, strict=True))
        sums = _ZERO
        for code in members:
            if code in folds:
                continue
            if code in hosts and hosts[code] in folds:
                sums = _add(sums, _fold(code, hosts[code], can, weight))
            else:
                sums = _add(sums, _credits(weight[code], can[code]))
        reached = _union(reached, sums)
    return reached


def _reach_order(reach: Reach) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(sorted(outcomes)) for outcomes in reach)


def _fold(
    host: str, guest: str, reach: Mapping[str, frozenset[Outcome]], weight: Mapping[str, float]
) -> Sums:
    """A host rule and the rule that folds into it when it does not apply: the guest's
    weight counts toward the host's credit."""
    sums: Sums = ()
    for own in sorted(reach[guest]):
        for outcome in sorted(reach[host]):
            if own == "n/a" and CREDIT[outcome] is not None:
                pair = _credits(weight[host] + weight[guest], {outcome})
            else:
                pair = _add(_credits(weight[guest], {own}), _credits(weight[host], {outcome}))
            sums = _union(sums, pair)
    return sums


def _add(left: Sums, right: Sums) -> Sums:
    merged: dict[float, tuple[float, float]] = {}
    for den_a, low_a, high_a in left:
        for den_b, low_b, high_b in right:
            den = round(den_a + den_b, 9)
            low, high = low_a + low_b, high_a + high_b
            if den in merged:
                old_low, old_high = merged[den]
                low, high = min(low, old_low), max(high, old_high)
            merged[den] = (low, high)
    return tuple((den, low, high) for den, (low, high) in sorted(merged.items()))


def _union(left: Sums, right: Sums) -> Sums:
    merged: dict[float, tuple[float, float]] = {}
    for den, low, high in left + right:
        if den in merged:
            low, high = min(low, merged[den][0]), max(high, merged[den][1])
        merged[den] = (low, high)
    return tuple((den, low, high) for den, (low, high) in sorted(merged.items()))


def _credits(weight: float, outcomes: frozenset[Outcome] | set[Outcome]) -> Sums:
    sums: Sums = ()
    for outcome in sorted(outcomes):
        credit = CREDIT[outcome]
        if credit is None or weight == 0:
            sums = _union(sums, _ZERO)
        else:
            sums = _union(sums, ((round(weight, 9), weight * credit, weight * credit),))
    return sums
