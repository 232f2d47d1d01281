"""Program x profile -> scorecard: findings, score, range, coverage, grade.

The scorer never reads files and never prints. For each rule it gathers the values the
rule's terms can take: one value for an agreed term, every value the schema allows for an
unknown term, and each claimed value for a disputed term. A rule's outcome is known only
when it is the same whatever the unknown terms are; when it changes with a disputed term's
claims, the finding is disputed and the profile's policy picks the headline outcome.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any, Final, Literal, get_args, get_origin

from ._version import __version__
from .model import EVIDENCE_STRENGTH, Evidence, Program, Term, Terms
from .profiles import Grade, Profile
from .rules import CATALOGUE, CREDIT, Outcome, Parameters, Rule, Values, Verdict

_OUTCOME_RANK: Final = {"not-met": 0, "partly": 1, "met": 2, "n/a": 3}


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
    section, name = key.split(".")
    section_model = Terms.model_fields[section].annotation
    term_type = section_model.model_fields[name].annotation  # type: ignore[union-attr]
    value_type = (
        term_type.model_fields["claims"].annotation.__args__[0].model_fields["value"].annotation
    )
    return _domain(value_type)


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
    used_known = tuple(k for k in keys if k in judged.used and terms[k].known)
    reason = judged.reason
    if judged.disputed:
        disputed = [k for k in keys if terms[k].disputed]
        reason = _dispute_reason(program, terms, disputed, profile.disputes, judged.outcome, reason)
    evidence: Evidence | None = None
    if judged.disputed:
        evidence = "disputed"
    elif used_known:
        evidence = _weakest(_term_evidence(program, terms[k]) for k in used_known)
    facts = tuple(
        FactUsed(
            term=k,
            value=_show(f.value),
            sources=f.source,
            party=program.party_of(f),
            evidence=program.evidence_of(f),
            quote=f.quote,
        )
        for k in used_known
        for f in terms[k].claims
    )
    sources = {s for fact in facts for s in fact.sources}
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
        facts=facts,
        disputed=judged.disputed,
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
    for picked in itertools.product(*((value for value, _ in sides) for _, sides in disputed)):
        choice = {key: value for (key, _), value in zip(disputed, picked, strict=True)}
        verdicts = [
            _run(code, params, keys, combo)
            for combo in itertools.product(
                *(options(k, st, choice) for k, st in zip(keys, states, strict=True))
            )
        ]
        used = frozenset().union(*(u for _, u in verdicts))
        if len({v.outcome for v, _ in verdicts}) == 1:
            clean = [v for v, u in verdicts if not set(u) & unknown]
            known = {k: st[1] for k, st in zip(keys, states, strict=True) if st[0] == "known"}
            verdict = clean[0] if clean else _either(verdicts, unknown, {**known, **choice})
            results.append((choice, verdict.outcome, verdict, used))
        else:
            results.append((choice, "unknown", verdicts[0][0], used))

    all_used = frozenset().union(*(r[3] for r in results))
    if len({outcome for _, outcome, _, _ in results}) > 1:
        outcome, verdict = _settle(policy, dict(disputed), results)
        return _Judgement(outcome, verdict.reason, all_used, True)
    # Claims that disagree without changing the outcome: the reason must not depend on
    # the order they were written in.
    _, outcome, verdict, _ = min(results, key=lambda r: r[2].reason)
    if outcome == "unknown":
        missing = [k for k in keys if k in unknown and k in all_used] or sorted(unknown)
        reason = f"not known: depends on {', '.join(missing)}, which no source states"
        return _Judgement(outcome, reason, all_used, False)
    return _Judgement(outcome, verdict.reason, all_used, False)


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
    given = ", ".join(f"{k}: {_show(v)}" for k, v in known.items() if k in used)
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
            f"{_show(f.value)} ({program.party_of(f)}, {', '.join(f.source)})"
            for f in terms[key].claims
        )
        sides.append(f"{key}: " + " vs ".join(claims))
    taken = {"worst": "the worse claim", "best": "the better claim", "unknown": "no claim"}.get(
        policy, f"the {policy.removeprefix('prefer-')}'s claim"
    )
    if outcome == "unknown":
        return f"disputed ({'; '.join(sides)}); not scored"
    return f"disputed ({'; '.join(sides)}); headline follows {taken}: {reason}"


def _show(value: Any) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, tuple):
        return ", ".join(map(str, value))
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
    states = {key: _state(program, term) for key, term in program.terms.items()}
    findings = {code: evaluate(CATALOGUE[code], program, profile, states) for code in profile.rules}
    for code, finding in list(findings.items()):
        target = CATALOGUE[code].folds_into
        if finding.outcome == "n/a" and target in findings and findings[target].credit is not None:
            host = findings[target]
            findings[target] = replace(
                host,
                weight=host.weight + finding.weight,
                reason=f"{host.reason} (carries {code}'s weight: {finding.reason})",
            )
            findings[code] = replace(finding, weight=0.0)
    ordered = tuple(findings[code] for code in CATALOGUE if code in findings)

    known_score, worst, best, coverage = _summary(ordered)
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
    for category in dict.fromkeys(CATALOGUE[f.rule].category for f in ordered):
        members = [f for f in ordered if f.category == category]
        cat_score, _, _, cat_coverage = _summary(members)
        categories.append(
            CategoryScore(
                category=category,
                score=None if cat_score is None else round(cat_score, 1),
                weight=sum(f.weight for f in members if f.outcome != "n/a"),
                coverage=round(cat_coverage, 3),
            )
        )
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
        disputed_terms=tuple(key for key, term in program.all_terms() if term.disputed),
    )


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
