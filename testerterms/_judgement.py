"""One rule on one program: the outcome, its reason, and every outcome it can still take.

A rule's check is a pure function of the values of the terms it reads. The judge calls it
with every combination of the values those terms can take: the value of an agreed term,
each *distinct* claimed value of a disputed term (a thousand claims of two values are two
options), every value of an unknown term's type for a term the rule reads (``None`` for a
term it only refines: such a term never decides the outcome alone). The outcome is known
when every combination gives the same one; when it changes with a disputed term's claims,
the finding is disputed and the profile's policy picks the headline.

Cost. The combinations are the product of each term's options, so a rule that reads two
terms with many distinct claimed values each would multiply them. The judge works through
at most :data:`LIMITS` ``.evaluations`` combinations of one rule; a rule with more is *not
settled*: its finding is unknown, it may take any outcome, and the range counts it so (the
range widens, it never narrows), which the scorecard says (``range_exact``). No bundled
program comes near the limit (the largest rule of theirs has a few dozen combinations).
"""

from __future__ import annotations

import itertools
import math
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Final, Literal, get_args, get_origin

from .model import EVIDENCE_STRENGTH, Evidence, Program, Term, Terms
from .rules import CATALOGUE, Outcome, Parameters, Values, Verdict

OUTCOME_RANK: Final = {"not-met": 0, "partly": 1, "met": 2, "n/a": 3}
POSSIBLE_ORDER: Final[tuple[Outcome, ...]] = ("met", "partly", "not-met", "n/a")
"""The order of a finding's ``possible`` outcomes."""
CODES: Final[tuple[Outcome, ...]] = ("met", "partly", "not-met", "n/a", "unknown")
"""An outcome's code in an outcome table (its index)."""
_CODE_OF: Final = {outcome: code for code, outcome in enumerate(CODES)}


@dataclass
class Limits:
    """How much work one rule, and one group of rules that share open terms, may take."""

    evaluations: int = 4096
    """Most combinations of term values one rule's judgement works through."""
    joint: int = 4096
    """Most joint assignments of shared open terms tried for one group of rules (the
    range); a group with more is summed rule by rule, which may widen the range."""


LIMITS: Final = Limits()


@dataclass
class Work:
    """What scoring has done since the counters were last reset: steps, not time."""

    evaluations: int = 0
    """Rule checks called (a check is a pure function; a call the cache answers is free)."""
    assignments: int = 0
    """Joint assignments of shared open terms tried for the range."""

    def reset(self) -> None:
        self.evaluations = self.assignments = 0


WORK: Final = Work()


@contextmanager
def limits(*, evaluations: int | None = None, joint: int | None = None) -> Iterator[Limits]:
    """Score with other limits for a while (tests use small ones to reach the bounds with
    small programs); every cache is cleared on the way in and out."""
    saved = (LIMITS.evaluations, LIMITS.joint)
    clear_caches()
    if evaluations is not None:
        LIMITS.evaluations = evaluations
    if joint is not None:
        LIMITS.joint = joint
    try:
        yield LIMITS
    finally:
        LIMITS.evaluations, LIMITS.joint = saved
        clear_caches()


_CLEARERS: list[Any] = []


def clear_caches() -> None:
    """Forget every judgement and sum worked out so far."""
    for clear in _CLEARERS:
        clear()


# --- the values a term can take ------------------------------------------------------------------


def _domain(annotation: Any) -> tuple[Any, ...]:
    """Every value a check may see for an unknown term of this type."""
    origin = get_origin(annotation)
    if origin is Literal:
        return get_args(annotation)
    if annotation is bool or (get_args(annotation) and get_args(annotation)[0] is bool):
        return (False, True)
    if annotation is float or (get_args(annotation) and get_args(annotation)[0] is float):
        return (0.0, math.inf)  # checks compare a number with thresholds: the two far ends
    return (None,)


@cache
def term_domain(key: str) -> tuple[Any, ...]:
    return _domain(Terms.value_type(key))


State = tuple[Any, ...]
"""What the sources say of one term, as the checks need it: ``("unknown",)``,
``("known", value)`` or ``("disputed", ((value, parties), ...))`` (each distinct value once,
sorted by its text, with the parties that claim it)."""

UNKNOWN: Final[State] = ("unknown",)


class TermMemo:
    """What is worked out from a term with many facts, kept while the term lives and the
    sources its facts cite are the same objects: the same term is scored under several
    profiles, and in every program ``suggest`` and ``compare`` try. Terms with few facts
    are simply worked out again."""

    FEW: Final = 8

    def __init__(self) -> None:
        self.entries: dict[tuple[int, str], tuple[Any, tuple[str, ...], tuple[Any, ...], Any]] = {}
        _CLEARERS.append(self.entries.clear)

    def _forget(self, key: tuple[int, str]) -> Any:
        entries = self.entries

        def forget(_: Any) -> None:
            entries.pop(key, None)

        return forget

    def get(self, program: Program, term: Term[Any], tag: str, make: Any) -> Any:
        if len(term.claims) + len(term.history) < self.FEW:
            return make()
        sources = program.sources
        key = (id(term), tag)
        entry = self.entries.get(key)
        if (
            entry is not None
            and entry[0]() is term
            and entry[2] == tuple([sources.get(s) for s in entry[1]])
        ):
            return entry[3]
        value = make()
        if len(self.entries) >= 4096:
            self.entries.clear()
        cited = tuple(sorted({s for f in term.claims + term.history for s in f.source}))
        signature = tuple([sources.get(s) for s in cited])
        # The entry goes with its term: a folder of large programs scored one after another
        # does not keep what was worked out from each.
        self.entries[key] = (weakref.ref(term, self._forget(key)), cited, signature, value)
        return value


MEMO: Final = TermMemo()


class _Sides(tuple):  # type: ignore[type-arg]
    """A disputed term's sides, hashed once: a large state is looked up in several caches."""

    def __hash__(self) -> int:
        found: int | None = self.__dict__.get("_hash")
        if found is None:
            found = self.__dict__["_hash"] = tuple.__hash__(self)
        return found


def term_state(program: Program, term: Term[Any]) -> State:
    """The term's state; linear in its claims (values are grouped, not compared in pairs)."""
    if not term.known:
        return UNKNOWN
    values = term.values
    if len(values) == 1:
        return ("known", values[0])
    return MEMO.get(program, term, "", lambda: _disputed(program, term))  # type: ignore[no-any-return]


def _disputed(program: Program, term: Term[Any]) -> State:
    values = term.values
    sides: dict[Any, set[str]] = {}
    try:
        for fact in term.claims:
            sides.setdefault(fact.value, set()).add(program.party_of(fact))
        pairs = [(value, frozenset(parties)) for value, parties in sides.items()]
    except TypeError:  # a value that cannot be hashed: compare them in pairs
        pairs = [
            (value, frozenset(program.party_of(f) for f in term.claims if f.value == value))
            for value in values
        ]
    return ("disputed", _Sides(sorted(pairs, key=lambda side: repr(side[0]))))


def size(states: Iterable[State]) -> int:
    """How many claimed values some states hold in disputes: what a cache keyed by them
    keeps alive beyond a value a term."""
    return sum(len(state[1]) for state in states if state[0] == "disputed")


LARGE: Final = 32
"""States holding more disputed values than this are kept apart, in caches bounded by the
values they hold (:class:`Kept`), so that a folder of programs with thousands of claims
does not keep them all."""


def _options(code: str, states: Sequence[State]) -> list[tuple[Any, ...]]:
    rule = CATALOGUE[code]
    found = []
    for key, state in zip(rule.terms, states, strict=True):
        if state[0] == "known":
            found.append((state[1],))
        elif state[0] == "disputed":
            found.append(tuple(value for value, _ in state[1]))
        else:
            found.append(term_domain(key) if key in rule.reads else (None,))
    return found


def open_terms(code: str, states: tuple[State, ...]) -> tuple[tuple[str, tuple[Any, ...]], ...]:
    """The terms of a rule that can still change, each with the values it can take: an
    unknown term the rule reads (its whole domain), a disputed term (its claimed values)."""
    if size(states) > LARGE:
        return _open_terms(code, states)
    return _open_terms_cached(code, states)


def _open_terms(code: str, states: tuple[State, ...]) -> tuple[tuple[str, tuple[Any, ...]], ...]:
    rule = CATALOGUE[code]
    return tuple(
        (key, options)
        for key, state, options in zip(rule.terms, states, _options(code, states), strict=True)
        if state[0] == "disputed" or (state[0] == "unknown" and key in rule.reads)
    )


def _run(
    code: str, params: Parameters, keys: tuple[str, ...], values: tuple[Any, ...]
) -> tuple[Verdict, tuple[str, ...]]:
    view = Values(dict(zip(keys, values, strict=True)))
    WORK.evaluations += 1
    verdict = CATALOGUE[code].check(view, params)
    return verdict, tuple(view.used)


# --- the judgement -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Judgement:
    outcome: Outcome
    reason: str
    used: frozenset[str]
    disputed: bool
    possible: tuple[Outcome, ...]
    settled: bool = True
    """False when the rule has more combinations than :data:`LIMITS` allows: not worked out."""
    table: bytes = b""
    """The outcome (its index in :data:`CODES`) of every combination of the rule's terms'
    options, in ``itertools.product`` order; empty when not settled."""
    options: tuple[tuple[Any, ...], ...] = ()
    """Each term's options, in the rule's order of terms."""


class Kept:
    """Results worked out from large states (thousands of claimed values), kept while their
    states hold at most ``most`` values in all; the least recently used go first. So a
    command that scores one such program many times (``suggest``, ``compare``) works each
    out once, and a folder of them does not keep them all."""

    def __init__(self, most: int) -> None:
        self.most = most
        self.entries: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self.held = 0
        _CLEARERS.append(self.clear)

    def get(self, key: Any) -> Any:
        found = self.entries.get(key)
        if found is None:
            return None
        self.entries.move_to_end(key)
        return found[0]

    def put(self, key: Any, value: Any, weight: int) -> None:
        self.entries[key] = (value, weight)
        self.held += weight
        while self.held > self.most and len(self.entries) > 1:
            _, (_, dropped) = self.entries.popitem(last=False)
            self.held -= dropped

    def clear(self) -> None:
        self.entries.clear()
        self.held = 0


_LARGE_JUDGEMENTS: Final = Kept(200_000)


def judge(code: str, params: Parameters, policy: str, states: tuple[State, ...]) -> Judgement:
    """Outcome, reason, the terms used and the outcomes still possible, from what is known
    of each term the rule reads. Cached: programs share states, and checks are pure."""
    weight = size(states)
    if weight <= LARGE:
        return _judge_small(code, params, policy, states)
    key = (code, params, policy, states)
    found: Judgement | None = _LARGE_JUDGEMENTS.get(key)
    if found is None:
        found = _judge(code, params, policy, states)
        _LARGE_JUDGEMENTS.put(key, found, weight)
    return found


def _judge(code: str, params: Parameters, policy: str, states: tuple[State, ...]) -> Judgement:
    rule = CATALOGUE[code]
    keys = rule.terms
    options = _options(code, states)
    combinations = math.prod(len(values) for values in options)
    disputed = [(k, st[1]) for k, st in zip(keys, states, strict=True) if st[0] == "disputed"]
    if combinations > LIMITS.evaluations:
        return _unsettled(code, states, combinations, bool(disputed))
    unknown = {
        k for k, st in zip(keys, states, strict=True) if st[0] == "unknown" and k in rule.reads
    }
    at = [i for i, st in enumerate(states) if st[0] == "disputed"]
    table = bytearray()
    # The verdicts of each combination of disputed claims, over every unknown's values.
    by_choice: dict[tuple[Any, ...], list[tuple[Verdict, tuple[str, ...]]]] = {}
    for combo in itertools.product(*options):
        ran = _run(code, params, keys, combo)
        table.append(_CODE_OF[ran[0].outcome])
        by_choice.setdefault(tuple([combo[i] for i in at]), []).append(ran)

    known = {k: st[1] for k, st in zip(keys, states, strict=True) if st[0] == "known"}
    results: list[tuple[dict[str, Any], Outcome, Verdict, frozenset[str]]] = []
    for picked, verdicts in by_choice.items():
        choice = {keys[i]: value for i, value in zip(at, picked, strict=True)}
        reads = frozenset().union(*(u for _, u in verdicts))
        if len({v.outcome for v, _ in verdicts}) == 1:
            clean = [v for v, u in verdicts if not set(u) & unknown]
            verdict = clean[0] if clean else _either(verdicts, unknown, {**known, **choice})
            results.append((choice, verdict.outcome, verdict, reads))
        else:
            results.append((choice, "unknown", verdicts[0][0], reads))

    reached = {CODES[code_] for code_ in set(table)}
    possible = tuple(o for o in POSSIBLE_ORDER if o in reached)
    all_used = frozenset().union(*(r[3] for r in results))
    worked = (bytes(table), tuple(options))
    if len({outcome for _, outcome, _, _ in results}) > 1:
        outcome, verdict = _settle(policy, dict(disputed), results)
        return Judgement(outcome, verdict.reason, all_used, True, possible, True, *worked)
    # Claims that disagree without changing the outcome: the reason must not depend on
    # the order they were written in.
    _, outcome, verdict, _ = min(results, key=lambda r: r[2].reason)
    reason = verdict.reason
    if outcome == "unknown":
        missing = [k for k in keys if k in unknown and k in all_used] or sorted(unknown)
        reason = f"not known: depends on {', '.join(missing)}, which no source states"
    return Judgement(outcome, reason, all_used, False, possible, True, *worked)


_judge_small = lru_cache(maxsize=65536)(_judge)
_open_terms_cached = lru_cache(maxsize=4096)(_open_terms)
_CLEARERS += [_judge_small.cache_clear, _open_terms_cached.cache_clear]


def _unsettled(code: str, states: Sequence[State], combinations: int, disputed: bool) -> Judgement:
    rule = CATALOGUE[code]
    open_keys = [k for k, _ in open_terms(code, tuple(states))]
    reason = (
        f"not settled: {', '.join(open_keys)} give {combinations:,} combinations of values, "
        f"more than the {LIMITS.evaluations:,} worked through for one rule; the range counts "
        "it at any outcome"
    )
    used = frozenset(k for k, st in zip(rule.terms, states, strict=True) if st[0] != "unknown")
    return Judgement("unknown", reason, used, disputed, POSSIBLE_ORDER, settled=False)


_OUTCOME_WORDS: Final = {
    "met": "met",
    "partly": "partly met",
    "not-met": "not met",
    "n/a": "does not apply",
}


def _either(
    verdicts: list[tuple[Verdict, tuple[str, ...]]], unknown: set[str], known: dict[str, Any]
) -> Verdict:
    """One verdict that holds whatever the unknown terms are, saying so."""
    outcome = verdicts[0][0].outcome
    reasons = [v.reason for v, _ in verdicts]
    shortest = min(reasons, key=len)
    if all(r.startswith(shortest) for r in reasons):  # the extra words came from the unknowns
        return Verdict(outcome, shortest)
    open_keys = sorted(k for k in unknown if any(k in used for _, used in verdicts))
    used = {k for _, u in verdicts for k in u}
    given = ", ".join(f"{k}: {show_value(v)}" for k, v in known.items() if k in used)
    return Verdict(
        outcome,
        f"{_OUTCOME_WORDS[outcome]} whatever {', '.join(open_keys)} is (no source states it)"
        + (f", given {given}" if given else ""),
    )


def _settle(
    policy: str,
    sides: dict[str, tuple[tuple[Any, frozenset[str]], ...]],
    results: list[tuple[dict[str, Any], Outcome, Verdict, frozenset[str]]],
) -> tuple[Outcome, Verdict]:
    """Pick the headline among a disputed rule's outcomes, by the profile's policy."""
    if policy == "unknown" or any(outcome == "unknown" for _, outcome, _, _ in results):
        return "unknown", min(results, key=lambda r: r[2].reason)[2]
    party = policy.removeprefix("prefer-") if policy.startswith("prefer-") else None
    claimed_by = {
        key: {value for value, parties in values if party in parties}
        for key, values in sides.items()
    }

    def preferred(key: str, value: Any) -> bool:
        return not claimed_by[key] or value in claimed_by[key]

    allowed = [r for r in results if all(preferred(k, v) for k, v in r[0].items())] or results
    rank = lambda r: (OUTCOME_RANK[r[1]], r[2].reason)  # noqa: E731 - ties break on text, not order
    chosen = max(allowed, key=rank) if policy == "best" else min(allowed, key=rank)
    return chosen[1], chosen[2]


_MOST_LISTED: Final = 12
"""Claims of one term a dispute's reason lists; the rest are counted (JSON has them all)."""


def claims_listed(claims: Sequence[tuple[str, str, tuple[str, ...]]]) -> str:
    """A disputed term's claims, (value, party, sources) each, as a dispute's reason lists
    them: in the order of their text (not the file's), the first few, then a count."""
    listed = sorted(f"{value} ({party}, {', '.join(sources)})" for value, party, sources in claims)
    more = len(listed) - _MOST_LISTED
    return " vs ".join(listed[:_MOST_LISTED]) + (f" and {more:,} more" if more > 0 else "")


def dispute_reason(sides: Sequence[tuple[str, str]], policy: str, outcome: str, reason: str) -> str:
    """The reason of a disputed finding; ``sides`` holds each disputed term's key and its
    claims as :func:`claims_listed` gives them."""
    listed = "; ".join(f"{key}: {claims}" for key, claims in sides)
    taken = {"worst": "the worse claim", "best": "the better claim", "unknown": "no claim"}.get(
        policy, f"the {policy.removeprefix('prefer-')}'s claim"
    )
    if outcome == "unknown":
        return f"disputed ({listed}); not scored"
    return f"disputed ({listed}); headline follows {taken}: {reason}"


def show_value(value: Any) -> str:
    """A term's value as a program file spells it (``true``, ``[a, b]``, ``24``)."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(map(show_value, value)) + "]"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


# --- evidence ------------------------------------------------------------------------------------


def weakest(classes: Iterable[Evidence]) -> Evidence:
    return min(classes, key=EVIDENCE_STRENGTH.__getitem__)


def term_evidence(program: Program, term: Term[Any]) -> Evidence:
    """Claims that agree corroborate: the strongest class among them. Claims that disagree
    (without changing this outcome) count as the weakest of them."""
    classes = {program.evidence_of(f) for f in term.claims}
    if term.disputed:
        return weakest(classes)
    return max(classes, key=EVIDENCE_STRENGTH.__getitem__)
