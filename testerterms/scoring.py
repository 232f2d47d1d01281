"""Program x profile -> scorecard: findings, score, range, coverage, grade.

The scorer never reads files and never prints. For each rule it gathers the values the
rule's terms can take: one value for an agreed term, every value the schema allows for an
unknown term, and each claimed value for a disputed term. A rule's outcome is known only
when it is the same whatever the unknown terms are; when it changes with a disputed term's
claims, the finding is disputed and the profile's policy picks the headline outcome.

The range is worked out jointly, not rule by rule: rules share terms (``compensation.money``
decides PAY001, PAY002 and TRN003), and a rule that does not apply changes the
denominator (or moves its weight to the rule it folds into). The open rules (unknown or
disputed) are grouped by the open terms they share; within a group every joint assignment
of the shared terms is tried, and the terms only one rule reads are left to that rule; the
groups' (credit, weight) sums are then added up. So each end of the range is the score of
some assignment of the unknown terms and the disputed claims: no end is a sum of
outcomes that cannot happen together. A term that only refines a rule is not assigned:
it stays unstated, as it does for the headline.

The score is over known rules, the range over every applicable rule, so the score can lie
outside the range (known rules all met while an open rule can at best be partly met).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any, Final, Literal, get_args, get_origin

from ._version import __version__
from .model import EVIDENCE_STRENGTH, Evidence, Fact, Program, Term, Terms
from .profiles import MAX_WEIGHT, Grade, Profile
from .rules import CATALOGUE, CREDIT, Outcome, Parameters, Rule, Values, Verdict

_OUTCOME_RANK: Final = {"not-met": 0, "partly": 1, "met": 2, "n/a": 3}
_POSSIBLE_ORDER: Final[tuple[Outcome, ...]] = ("met", "partly", "not-met", "n/a")


# Results are plain frozen dataclasses, not pydantic models: they are built by the scorer,
# never parsed from input, and building 15 findings a program is the hot path in big folders.


@dataclass(frozen=True, slots=True)
class FactUsed:
    """One claim a finding rests on, as it traces back to its source."""

    term: str
    value: str
    sources: tuple[str, ...]
    party: str
    evidence: Evidence
    quote: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """What one rule says of one program."""

    rule: str
    title: str
    category: str
    outcome: Outcome
    credit: float | None
    weight: float
    evidence: Evidence | None
    sources: tuple[str, ...]
    reason: str
    terms: tuple[str, ...] = ()
    """The terms whose facts the outcome rests on."""
    facts: tuple[FactUsed, ...] = ()
    disputed: bool = False
    possible: tuple[Outcome, ...] = ()
    """Every outcome the rule can still take given what is known: one for a known finding,
    several for an unknown or disputed one (in the order met, partly, not-met, n/a)."""
    history: tuple[FactUsed, ...] = ()
    """The dated history of the terms used (``since``/``until``), past and current entries."""


@dataclass(frozen=True, slots=True)
class CategoryScore:
    """The score of the rules of one category."""

    category: str
    score: float | None
    weight: float
    coverage: float


@dataclass(frozen=True, slots=True)
class Scorecard:
    """One program scored under one profile."""

    tool_version: str
    profile_id: str
    profile_version: str
    program_id: str
    program_name: str
    organization: str
    score: float | None
    range: tuple[float, float]
    coverage: float
    grade: Grade | None
    blockers: tuple[str, ...]
    categories: tuple[CategoryScore, ...]
    findings: tuple[Finding, ...]
    disputed_terms: tuple[str, ...]
    """Disputed terms that move a finding (its outcome depends on which claim holds)."""
    other_disputes: tuple[str, ...] = ()
    """Disputed terms that no finding depends on (a headcount, an event date)."""
    example: bool = False
    """The program is an example (kind ``reference``), not a real program."""

    def finding(self, code: str) -> Finding:
        for finding in self.findings:
            if finding.rule == code:
                return finding
        raise KeyError(code)


# --- the values a term can take ------------------------------------------------------------------


def _domain(annotation: Any) -> tuple[Any, ...]:
    """Every value a check may see for an unknown term of this type."""
    origin = get_origin(annotation)
    if origin is Literal:
        return get_args(annotation)
    if annotation is bool or (get_args(annotation) and get_args(annotation)[0] is bool):
        return (False, True)
    if annotation is float or (get_args(annotation) and get_args(annotation)[0] is float):
        return (0.0, math.inf)  # checks only compare numbers with one threshold
    return (None,)


@cache
def term_domain(key: str) -> tuple[Any, ...]:
    return _domain(Terms.value_type(key))


@lru_cache(maxsize=65536)
def _run(
    code: str, params: Parameters, keys: tuple[str, ...], values: tuple[Any, ...]
) -> tuple[Verdict, tuple[str, ...]]:
    view = Values(dict(zip(keys, values, strict=True)))
    verdict = CATALOGUE[code].check(view, params)
    return verdict, tuple(view.used)


# --- one rule ----------------------------------------------------------------------------------


def _weakest(classes: Iterable[Evidence]) -> Evidence:
    return min(classes, key=EVIDENCE_STRENGTH.__getitem__)


def _term_evidence(program: Program, term: Term[Any]) -> Evidence:
    """Claims that agree corroborate: the strongest class among them. Claims that disagree
    (without changing this outcome) count as the weakest of them."""
    classes = [program.evidence_of(f) for f in term.claims]
    if term.disputed:
        return _weakest(classes)
    return max(classes, key=EVIDENCE_STRENGTH.__getitem__)


State = tuple[Any, ...]
"""What the sources say of one term, as the checks need it: ``("unknown",)``,
``("known", value)`` or ``("disputed", ((value, parties), ...))``."""


def _state(program: Program, term: Term[Any]) -> State:
    if not term.known:
        return ("unknown",)
    if not term.disputed:
        return ("known", term.value)
    sides = {
        value: frozenset(program.party_of(f) for f in term.claims if f.value == value)
        for value in term.values
    }
    return ("disputed", tuple(sorted(sides.items(), key=lambda side: repr(side[0]))))


@dataclass(frozen=True)
class _Judgement:
    outcome: Outcome
    reason: str
    used: frozenset[str]
    disputed: bool
    possible: tuple[Outcome, ...]


def evaluate(
    rule: Rule, program: Program, profile: Profile, states: dict[str, State] | None = None
) -> Finding:
    """The finding of one rule on one program under one profile.

    ``states`` may hold the program's term states already worked out (see :func:`score`)."""
    keys = rule.terms
    terms = {key: program.terms.term(key) for key in keys}
    if states is None:
        states = {key: _state(program, terms[key]) for key in keys}
    judged = _judge(
        rule.code, profile.parameters, profile.disputes, tuple(states[key] for key in keys)
    )
    return _finding(rule, keys, judged, profile, _Facts(program, terms))


class _Facts:
    """A program's terms as findings cite them, each worked out once while it is scored
    (a term several rules read, like ``compensation.money``, is cited by each of them)."""

    __slots__ = ("_cited", "_evidence", "program", "terms")

    def __init__(self, program: Program, terms: dict[str, Term[Any]]) -> None:
        self.program = program
        self.terms = terms
        self._cited: dict[str, tuple[tuple[FactUsed, ...], tuple[FactUsed, ...], set[str]]] = {}
        self._evidence: dict[str, Evidence] = {}

    def cited(self, key: str) -> tuple[tuple[FactUsed, ...], tuple[FactUsed, ...], set[str]]:
        """The term's claims and history as facts used, and the sources they cite."""
        found = self._cited.get(key)
        if found is None:
            term, program = self.terms[key], self.program
            claims = tuple(_fact_used(program, key, f) for f in term.claims)
            history = tuple(_fact_used(program, key, f) for f in term.history)
            sources = {s for fact in claims + history for s in fact.sources}
            found = self._cited[key] = (claims, history, sources)
        return found

    def evidence(self, key: str) -> Evidence:
        found = self._evidence.get(key)
        if found is None:
            found = self._evidence[key] = _term_evidence(self.program, self.terms[key])
        return found


def _finding(
    rule: Rule, keys: tuple[str, ...], judged: _Judgement, profile: Profile, facts: _Facts
) -> Finding:
    terms = facts.terms
    used_known = tuple(k for k in keys if k in judged.used and terms[k].known)
    reason = judged.reason
    evidence: Evidence | None = None
    if judged.disputed:
        disputed = [k for k in keys if terms[k].disputed]
        reason = _dispute_reason(
            facts.program, terms, disputed, profile.disputes, judged.outcome, reason
        )
        evidence = "disputed"
    elif used_known:
        evidence = _weakest(facts.evidence(k) for k in used_known)
    if len(used_known) == 1:
        claims, history, sources = facts.cited(used_known[0])
    else:
        cited = [facts.cited(k) for k in used_known]
        claims = tuple(fact for c in cited for fact in c[0])
        history = tuple(fact for c in cited for fact in c[1])
        sources = set().union(*(c[2] for c in cited))
    return Finding(
        rule=rule.code,
        title=rule.title,
        category=rule.category,
        outcome=judged.outcome,
        credit=CREDIT[judged.outcome],
        weight=profile.rules[rule.code],
        evidence=evidence,
        sources=tuple(sorted(sources)),
        reason=reason,
        terms=used_known,
        facts=claims,
        disputed=judged.disputed,
        possible=judged.possible,
        history=history,
    )


def _fact_used(program: Program, key: str, fact: Fact[Any]) -> FactUsed:
    return FactUsed(
        term=key,
        value=show_value(fact.value),
        sources=fact.source,
        party=program.party_of(fact),
        evidence=program.evidence_of(fact),
        quote=fact.quote,
        since=fact.since,
        until=fact.until,
    )


@lru_cache(maxsize=65536)
def _judge(code: str, params: Parameters, policy: str, states: tuple[State, ...]) -> _Judgement:
    """Outcome, reason and the terms used, from what is known of each term the rule reads.

    Cached: programs share states, and checks are pure functions of them."""
    rule = CATALOGUE[code]
    keys = rule.terms
    unknown = {
        k for k, st in zip(keys, states, strict=True) if st[0] == "unknown" and k in rule.reads
    }
    disputed = [(k, st[1]) for k, st in zip(keys, states, strict=True) if st[0] == "disputed"]

    def options(key: str, state: State, choice: dict[str, Any]) -> tuple[Any, ...]:
        if key in choice:
            return (choice[key],)
        if state[0] == "known":
            return (state[1],)
        return term_domain(key) if key in rule.reads else (None,)

    # One result per combination of disputed claims: (choice, outcome, verdict, terms used).
    results: list[tuple[dict[str, Any], Outcome, Verdict, frozenset[str]]] = []
    reached: set[Outcome] = set()
    for picked in itertools.product(*((value for value, _ in sides) for _, sides in disputed)):
        choice = {key: value for (key, _), value in zip(disputed, picked, strict=True)}
        verdicts = [
            _run(code, params, keys, combo)
            for combo in itertools.product(
                *(options(k, st, choice) for k, st in zip(keys, states, strict=True))
            )
        ]
        used = frozenset().union(*(u for _, u in verdicts))
        reached.update(v.outcome for v, _ in verdicts)
        if len({v.outcome for v, _ in verdicts}) == 1:
            clean = [v for v, u in verdicts if not set(u) & unknown]
            known = {k: st[1] for k, st in zip(keys, states, strict=True) if st[0] == "known"}
            verdict = clean[0] if clean else _either(verdicts, unknown, {**known, **choice})
            results.append((choice, verdict.outcome, verdict, used))
        else:
            results.append((choice, "unknown", verdicts[0][0], used))

    all_used = frozenset().union(*(r[3] for r in results))
    possible = tuple(o for o in _POSSIBLE_ORDER if o in reached)
    if len({outcome for _, outcome, _, _ in results}) > 1:
        outcome, verdict = _settle(policy, dict(disputed), results)
        return _Judgement(outcome, verdict.reason, all_used, True, possible)
    # Claims that disagree without changing the outcome: the reason must not depend on
    # the order they were written in.
    _, outcome, verdict, _ = min(results, key=lambda r: r[2].reason)
    if outcome == "unknown":
        missing = [k for k in keys if k in unknown and k in all_used] or sorted(unknown)
        reason = f"not known: depends on {', '.join(missing)}, which no source states"
        return _Judgement(outcome, reason, all_used, False, possible)
    return _Judgement(outcome, verdict.reason, all_used, False, possible)


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

    def preferred(key: str, value: Any) -> bool:
        claimed_by_party = [v for v, parties in sides[key] if party in parties]
        return not claimed_by_party or value in claimed_by_party

    allowed = [r for r in results if all(preferred(k, v) for k, v in r[0].items())] or results
    rank = lambda r: (_OUTCOME_RANK[r[1]], r[2].reason)  # noqa: E731 - ties break on text, not order
    chosen = max(allowed, key=rank) if policy == "best" else min(allowed, key=rank)
    return chosen[1], chosen[2]


def _dispute_reason(
    program: Program,
    terms: dict[str, Term[Any]],
    disputed: Sequence[str],
    policy: str,
    outcome: str,
    reason: str,
) -> str:
    sides = []
    for key in disputed:
        claims = sorted(
            f"{show_value(f.value)} ({program.party_of(f)}, {', '.join(f.source)})"
            for f in terms[key].claims
        )
        sides.append(f"{key}: " + " vs ".join(claims))
    taken = {"worst": "the worse claim", "best": "the better claim", "unknown": "no claim"}.get(
        policy, f"the {policy.removeprefix('prefer-')}'s claim"
    )
    if outcome == "unknown":
        return f"disputed ({'; '.join(sides)}); not scored"
    return f"disputed ({'; '.join(sides)}); headline follows {taken}: {reason}"


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


# --- the scorecard ------------------------------------------------------------------------------


def _ratio(pairs: Sequence[tuple[float, float]]) -> float | None:
    total = sum(w for w, _ in pairs)
    return None if total == 0 else 100.0 * sum(w * c for w, c in pairs) / total


def score(program: Program, profile: Profile | str = "articles") -> Scorecard:
    """Score ``program`` under ``profile`` (a :class:`Profile`, or a bundled profile's id or a
    profile file's path)."""
    if not isinstance(profile, Profile):
        from .profiles import load_profile

        profile = load_profile(profile)
    plan = _plan(profile)
    every = program.all_terms()
    terms = dict(every)
    states: dict[str, State] = {}
    for key in plan.keys:
        term = terms[key]
        states[key] = _state(program, term) if term.claims else _UNKNOWN
    facts = _Facts(program, terms)
    judgements = plan.judgements
    judged = {}
    for code, rule, keys in plan.rules:
        at = (code, tuple([states[key] for key in keys]))
        known = judgements.get(at)
        if known is None:
            # Not through _judge's own cache: the plan keeps it (and one copy is enough).
            judgement = _judge.__wrapped__(code, profile.parameters, profile.disputes, at[1])
            finding = _finding(rule, keys, judgement, profile, facts)
            # A finding that rests on no fact is the same for every program in this state.
            shared = None if judgement.disputed or finding.terms else finding
            judgements[at] = (judgement, shared)
        elif known[1] is not None:
            finding = known[1]
        else:
            finding = _finding(rule, keys, known[0], profile, facts)
        judged[code] = finding
    if len(judgements) > _MAX_CACHED:
        judgements.clear()
    findings = dict(judged)
    for code, target in plan.folds:
        finding = judged[code]
        if finding.outcome == "n/a" and findings[target].credit is not None:
            host = findings[target]
            findings[target] = replace(
                host,
                weight=host.weight + finding.weight,
                reason=f"{host.reason} (carries {code}'s weight: {finding.reason})",
            )
            findings[code] = replace(finding, weight=0.0)
    ordered = tuple([findings[code] for code in plan.ordered])

    known_score, _, _, coverage = _summary(ordered)
    worst, best = _range(profile, states, judged, findings, plan)
    grade: Grade | None = None
    hit: tuple[str, ...] = ()
    if known_score is not None and coverage >= profile.min_coverage:
        grade = profile.grade_for(known_score)
        hit = tuple(
            f.rule for f in ordered if f.rule in profile.blockers and f.outcome == "not-met"
        )
        for code in hit:
            cap = profile.blockers[code]
            if "ABCDE".index(cap) > "ABCDE".index(grade):
                grade = cap
    categories = []
    for category, codes in plan.categories:
        members = [findings[code] for code in codes]
        cat_score, _, _, cat_coverage = _summary(members)
        categories.append(
            CategoryScore(
                category=category,
                score=None if cat_score is None else round(cat_score, 1),
                weight=sum(f.weight for f in members if f.outcome != "n/a"),
                coverage=round(cat_coverage, 3),
            )
        )
    moving = {
        key
        for f in ordered
        if f.disputed
        for key in plan.terms_of[f.rule]
        if states[key][0] == "disputed"
    }
    # Only a term with two claims or more can be disputed: most are not looked at further.
    disputed = [key for key, term in every if len(term.claims) > 1 and term.disputed]
    return Scorecard(
        tool_version=__version__,
        profile_id=profile.id,
        profile_version=profile.version,
        program_id=program.id,
        program_name=program.name,
        organization=program.organization,
        score=None if known_score is None else round(known_score, 1),
        range=(round(worst, 1), round(best, 1)),
        coverage=round(coverage, 3),
        grade=grade,
        blockers=hit,
        categories=tuple(categories),
        findings=ordered,
        disputed_terms=tuple(key for key in disputed if key in moving),
        other_disputes=tuple(key for key in disputed if key not in moving),
        example=program.kind == "reference",
    )


_UNKNOWN: Final[State] = ("unknown",)
_MAX_CACHED: Final = 65536
"""Most judgements kept for one profile (as many as ``_judge``'s own cache keeps)."""
_MAX_GROUPS: Final = 4096
"""Most group sums kept for one profile (as many as ``_group_sums``'s own cache keeps)."""


@dataclass(frozen=True)
class _Plan:
    """What scoring under one profile needs of the catalogue, worked out once per profile.

    Holds the profile itself, so that the id it is found by stays that profile's; and the
    weights, parameters and policy it was worked out for, so that a profile whose
    ``rules`` dict was changed in place gets a new plan (and its weights checked again)."""

    profile: Profile
    weights: dict[str, float]
    parameters: Parameters
    disputes: str
    rules: tuple[tuple[str, Rule, tuple[str, ...]], ...]
    """(code, rule, the terms it reads and refines) in the profile's order."""
    keys: tuple[str, ...]
    """Every term some rule of the profile reads or refines."""
    terms_of: dict[str, tuple[str, ...]]
    ordered: tuple[str, ...]
    """The profile's rules in catalogue order (the order of the findings)."""
    folds: tuple[tuple[str, str], ...]
    """(rule, the rule it folds into), where both are the profile's, in the profile's order."""
    categories: tuple[tuple[str, tuple[str, ...]], ...]
    """Each category in the order of the findings, with its rules in that order."""
    judgements: dict[tuple[str, tuple[State, ...]], tuple[_Judgement, Finding | None]]
    """By rule and the states of its terms: the judgement, and the finding where it rests on
    no fact of the program (the same finding, then, for every program)."""
    group_sums: dict[tuple[Any, ...], Sums]

    def fits(self, profile: Profile) -> bool:
        return (
            self.profile is profile
            and self.parameters is profile.parameters
            and self.disputes == profile.disputes
            and self.weights == profile.rules
        )


_PLANS: dict[int, _Plan] = {}
_MAX_PLANS: Final = 16


def _plan(profile: Profile) -> _Plan:
    plan = _PLANS.get(id(profile))
    if plan is not None and plan.fits(profile):
        return plan
    _check_weights(profile)
    rules = tuple((code, CATALOGUE[code], CATALOGUE[code].terms) for code in profile.rules)
    ordered = tuple(code for code in CATALOGUE if code in profile.rules)
    categories: dict[str, list[str]] = {}
    for code in ordered:
        categories.setdefault(CATALOGUE[code].category, []).append(code)
    plan = _Plan(
        profile=profile,
        weights=dict(profile.rules),
        parameters=profile.parameters,
        disputes=profile.disputes,
        rules=rules,
        keys=tuple(dict.fromkeys(key for _, _, keys in rules for key in keys)),
        terms_of={code: keys for code, _, keys in rules},
        ordered=ordered,
        folds=tuple(
            (code, rule.folds_into)
            for code, rule, _ in rules
            if rule.folds_into is not None and rule.folds_into in profile.rules
        ),
        categories=tuple((category, tuple(codes)) for category, codes in categories.items()),
        judgements={},
        group_sums={},
    )
    if len(_PLANS) >= _MAX_PLANS:
        _PLANS.clear()
    _PLANS[id(profile)] = plan
    return plan


def _check_weights(profile: Profile) -> None:
    """A NaN never reaches a score: a profile loaded from a file is checked where it is read;
    this refuses one put together without validation (``model_construct``)."""
    for code, weight in profile.rules.items():
        if not (isinstance(weight, (int, float)) and 0 < weight <= MAX_WEIGHT):
            raise ValueError(
                f"profile {profile.id}: weight of {code} must be in (0, {MAX_WEIGHT:g}]"
            )


# --- the range ---------------------------------------------------------------------------------

_MAX_JOINT: Final = 4096
"""Most joint assignments of shared terms tried for one group of open rules. A larger group
(none of the bundled profiles has one) has its shared terms assigned rule by rule instead,
which can widen the range beyond what is attainable; it never narrows it."""

Sums = tuple[tuple[float, float, float], ...]
"""What a set of rules can reach together: for each total weight (the denominator: a rule
that does not apply leaves it), the lowest and the highest sum of weight x credit. Only
these two matter for the ends of a ratio with that denominator."""

_ZERO: Final[Sums] = ((0.0, 0.0, 0.0),)


def _range(
    profile: Profile,
    states: dict[str, State],
    judged: dict[str, Finding],
    folded: dict[str, Finding],
    plan: _Plan | None = None,
) -> tuple[float, float]:
    """The lowest and highest score some joint assignment of the open terms gives.

    ``judged`` are the findings before weights fold, ``folded`` after."""
    if plan is None:
        plan = _plan(profile)
    terms_of = plan.terms_of
    is_open = {
        code: finding.outcome == "unknown" or finding.disputed for code, finding in judged.items()
    }
    # Groups: open rules that share an open term, and a rule with the rule it folds into.
    parent = {code: code for code in judged}

    def root(code: str) -> str:
        while parent[code] != code:
            parent[code] = parent[parent[code]]
            code = parent[code]
        return code

    holders: dict[str, str] = {}
    for code in judged:
        if not is_open[code]:
            continue
        for key, _ in _open_terms(code, tuple([states[k] for k in terms_of[code]])):
            if key in holders:
                parent[root(code)] = root(holders[key])
            else:
                holders[key] = code
    grouped: set[str] = {code for code in judged if is_open[code]}
    for code, target in plan.folds:
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
    cache = plan.group_sums
    for members in groups.values():
        keys = tuple(sorted({k for code in members for k in terms_of[code]}))
        group = (
            tuple(members),
            tuple([profile.rules[code] for code in members]),
            tuple([(k, states[k]) for k in keys]),
            tuple([None if is_open[code] else judged[code].outcome for code in members]),
        )
        sums = cache.get(group)
        if sums is None:
            sums = cache[group] = _group_sums.__wrapped__(profile.parameters, *group)
        totals = _add(totals, sums)
    if len(cache) > _MAX_GROUPS:
        cache.clear()
    ends = [(100.0 * low / den, 100.0 * high / den) for den, low, high in totals if den > 1e-12]
    if not ends:
        return 0.0, 100.0
    return max(0.0, min(low for low, _ in ends)), min(100.0, max(high for _, high in ends))


@lru_cache(maxsize=4096)
def _open_terms(code: str, states: tuple[State, ...]) -> tuple[tuple[str, tuple[Any, ...]], ...]:
    """The terms of an open rule that can still change, each with the values it can take:
    an unknown term it reads (its whole domain), a disputed term (its claimed values)."""
    rule = CATALOGUE[code]
    found = []
    for key, state in zip(rule.terms, states, strict=True):
        if state[0] == "disputed":
            found.append((key, tuple(value for value, _ in state[1])))
        elif state[0] == "unknown" and key in rule.reads:
            found.append((key, term_domain(key)))
    return tuple(found)


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


@lru_cache(maxsize=4096)
def _group_sums(
    params: Parameters,
    members: tuple[str, ...],
    weights: tuple[float, ...],
    states: tuple[tuple[str, State], ...],
    fixed: tuple[Outcome | None, ...],
) -> Sums:
    """What one group of rules can reach together. ``fixed`` holds the outcome of a member
    that is not open (a rule another one folds into), None for an open one.

    Cached: programs in a folder share groups (everything unknown but a few terms)."""
    state_of = dict(states)
    weight = dict(zip(members, weights, strict=True))
    opened = {
        code: dict(_open_terms(code, tuple(state_of[k] for k in CATALOGUE[code].terms)))
        if outcome is None
        else {}
        for code, outcome in zip(members, fixed, strict=True)
    }
    fixed_of = dict(zip(members, fixed, strict=True))
    readers: dict[str, int] = {}
    for code in members:
        for key in opened[code]:
            readers[key] = readers.get(key, 0) + 1
    hosts = {CATALOGUE[code].folds_into: code for code in members}
    folds = {code for code in members if CATALOGUE[code].folds_into in members}
    paired = folds | {CATALOGUE[code].folds_into for code in folds}
    domains: dict[str, tuple[Any, ...]] = {}
    for code in members:
        for key, values in opened[code].items():
            if readers[key] > 1 or code in paired:
                domains[key] = values
    shared = sorted(domains)
    if math.prod(len(values) for values in domains.values()) > _MAX_JOINT:
        shared = []

    def outcomes(code: str, choice: dict[str, Any]) -> set[Outcome]:
        outcome = fixed_of[code]
        if outcome is not None:
            return {outcome}
        rule = CATALOGUE[code]
        options = []
        for key in rule.terms:
            state = state_of[key]
            if key in choice:
                options.append((choice[key],))
            elif key in opened[code]:
                options.append(opened[code][key])
            else:
                options.append((state[1],) if state[0] == "known" else (None,))
        return {
            _run(code, params, rule.terms, combo)[0].outcome
            for combo in itertools.product(*options)
        }

    reached: Sums = ()
    for picked in itertools.product(*(domains[key] for key in shared)):
        choice = dict(zip(shared, picked, strict=True))
        reach = {code: outcomes(code, choice) for code in members}
        sums = _ZERO
        for code in members:
            if code in folds:
                continue
            if code in hosts and hosts[code] in folds:
                sums = _add(sums, _fold(code, hosts[code], reach, weight))
            else:
                sums = _add(sums, _credits(weight[code], reach[code]))
        reached = _union(reached, sums)
    return reached


def _fold(host: str, guest: str, reach: dict[str, set[Outcome]], weight: dict[str, float]) -> Sums:
    """A host rule and the rule that folds into it when it does not apply: the guest's
    weight counts toward the host's credit."""
    sums: Sums = ()
    for own in reach[guest]:
        for outcome in reach[host]:
            if own == "n/a" and CREDIT[outcome] is not None:
                pair = _credits(weight[host] + weight[guest], {outcome})
            else:
                pair = _add(_credits(weight[guest], {own}), _credits(weight[host], {outcome}))
            sums = _union(sums, pair)
    return sums


def _union(left: Sums, right: Sums) -> Sums:
    merged: dict[float, tuple[float, float]] = {}
    for den, low, high in left + right:
        if den in merged:
            low, high = min(low, merged[den][0]), max(high, merged[den][1])
        merged[den] = (low, high)
    return tuple((den, low, high) for den, (low, high) in sorted(merged.items()))


def _credits(weight: float, outcomes: set[Outcome]) -> Sums:
    sums: Sums = ()
    for outcome in outcomes:
        credit = CREDIT[outcome]
        if credit is None or weight == 0:
            sums = _union(sums, _ZERO)
        else:
            sums = _union(sums, ((round(weight, 9), weight * credit, weight * credit),))
    return sums


def _summary(findings: Sequence[Finding]) -> tuple[float | None, float, float, float]:
    """(score, worst, best, coverage) of some findings."""
    known: list[tuple[float, float]] = []  # (weight, credit), disputed headlines included
    settled = 0.0  # weight x credit of known findings that are not disputed
    open_weight = 0.0  # weight of unknown and disputed findings
    for f in findings:
        if f.outcome == "n/a" or f.weight == 0:
            continue
        if f.credit is not None:
            known.append((f.weight, f.credit))
        if f.credit is None or f.disputed:
            open_weight += f.weight
        else:
            settled += f.weight * f.credit
    total = sum(w for w, _ in known) + sum(
        f.weight for f in findings if f.outcome == "unknown" and f.weight > 0
    )
    if total == 0:
        return None, 0.0, 100.0, 0.0
    worst = 100.0 * settled / total
    best = 100.0 * (settled + open_weight) / total
    coverage = sum(w for w, _ in known) / total
    return _ratio(known), worst, best, coverage


def score_all(programs: Iterable[Program], profile: Profile) -> list[Scorecard]:
    return [score(program, profile) for program in programs]


_GRADE_RANK: Final = {grade: rank for rank, grade in enumerate("ABCDE")}


def rank_key(card: Scorecard) -> tuple[bool, int, float]:
    """The ranking order every output uses: real programs before examples
    (the reference program is not ranked among them), then by grade (no grade last), then by
    the worst case of the range, highest first. Sort with it for ties in file order."""
    return card.example, _GRADE_RANK.get(card.grade or "", len(_GRADE_RANK)), -card.range[0]
