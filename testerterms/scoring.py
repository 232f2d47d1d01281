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
from functools import cache, lru_cache
from typing import Any, Final, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict

from ._version import __version__
from .model import EVIDENCE_STRENGTH, Evidence, Program, Term, Terms
from .profiles import Grade, Profile
from .rules import CATALOGUE, CREDIT, Outcome, Parameters, Rule, Values, Verdict

_OUTCOME_RANK: Final = {"not-met": 0, "partly": 1, "met": 2, "n/a": 3}


class Finding(BaseModel):
    """What one rule says of one program."""

    model_config = ConfigDict(frozen=True)

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
    disputed: bool = False


class CategoryScore(BaseModel):
    model_config = ConfigDict(frozen=True)

    category: str
    score: float | None
    weight: float
    coverage: float


class Scorecard(BaseModel):
    """One program scored under one profile."""

    model_config = ConfigDict(frozen=True)

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


def _preferred(program: Program, term: Term[Any], policy: str) -> tuple[Any, ...]:
    if not policy.startswith("prefer-"):
        return term.values
    party = policy.removeprefix("prefer-")
    chosen = tuple(
        v
        for v in term.values
        if any(f.value == v and program.party_of(f) == party for f in term.claims)
    )
    return chosen or term.values


def evaluate(rule: Rule, program: Program, profile: Profile) -> Finding:
    """The finding of one rule on one program under one profile."""
    params = profile.parameters
    keys = rule.terms
    terms = {key: program.terms.term(key) for key in keys}
    unknown = [k for k in rule.reads if not terms[k].known]
    disputed = [k for k in keys if terms[k].disputed]

    def options(key: str, choice: dict[str, Any]) -> tuple[Any, ...]:
        if key in choice:
            return (choice[key],)
        term = terms[key]
        if term.known:
            return (term.value,)
        return term_domain(key) if key in rule.reads else (None,)

    results: list[tuple[dict[str, Any], Outcome, Verdict, set[str]]] = []
    for picked in itertools.product(*(terms[k].values for k in disputed)):
        choice = dict(zip(disputed, picked, strict=True))
        verdicts = [
            _run(rule.code, params, keys, combo)
            for combo in itertools.product(*(options(k, choice) for k in keys))
        ]
        outcomes = {v.outcome for v, _ in verdicts}
        used = set().union(*(u for _, u in verdicts))
        if len(outcomes) == 1:
            clean = [v for v, u in verdicts if not set(u) & set(unknown)]
            results.append(
                (
                    choice,
                    verdicts[0][0].outcome,
                    clean[0] if clean else _either(verdicts, unknown),
                    used,
                )
            )
        else:
            results.append((choice, "unknown", verdicts[0][0], used))

    distinct = {outcome for _, outcome, _, _ in results}
    is_disputed = len(distinct) > 1
    if is_disputed:
        choice, outcome, verdict, used = _settle(rule, program, profile, terms, results)
    else:
        # Claims that disagree without changing the outcome: the order they were written in
        # must not choose the reason, so take the same one whatever the order.
        choice, outcome, verdict, _ = min(results, key=lambda r: r[2].reason)
        used = set().union(*(r[3] for r in results))
    if outcome == "unknown" and not is_disputed:
        missing = [k for k in unknown if k in used] or unknown
        reason = f"not known: depends on {', '.join(missing)}, which no source states"
        used_known = [k for k in keys if k in used and terms[k].known]
    else:
        reason = verdict.reason
        used_known = [k for k in keys if k in used and terms[k].known]
    if is_disputed:
        reason = _dispute_reason(program, terms, disputed, profile.disputes, outcome, reason)

    facts = [f for k in used_known for f in terms[k].claims]
    sources = tuple(sorted({s for f in facts for s in f.source}))
    evidence: Evidence | None = None
    if is_disputed:
        evidence = "disputed"
    elif used_known:
        evidence = _weakest(_term_evidence(program, terms[k]) for k in used_known)
    return Finding(
        rule=rule.code,
        title=rule.title,
        category=rule.category,
        outcome=outcome,
        credit=CREDIT[outcome],
        weight=profile.rules[rule.code],
        evidence=evidence,
        sources=sources,
        reason=reason,
        terms=tuple(used_known),
        disputed=is_disputed,
    )


def _either(verdicts: list[tuple[Verdict, tuple[str, ...]]], unknown: list[str]) -> Verdict:
    """One verdict that holds whatever the unknown terms are, naming them."""
    reasons = list(dict.fromkeys(v.reason for v, _ in verdicts))
    open_keys = [k for k in unknown if any(k in used for _, used in verdicts)]
    return Verdict(
        verdicts[0][0].outcome,
        f"{' or '.join(reasons)} (so whatever {', '.join(open_keys)} is; no source states it)",
    )


def _settle(
    rule: Rule,
    program: Program,
    profile: Profile,
    terms: dict[str, Term[Any]],
    results: list[tuple[dict[str, Any], Outcome, Verdict, set[str]]],
) -> tuple[dict[str, Any], Outcome, Verdict, set[str]]:
    """Pick the headline among a disputed rule's outcomes, by the profile's policy."""
    policy = profile.disputes
    if policy == "unknown" or any(outcome == "unknown" for _, outcome, _, _ in results):
        first = results[0]
        return first[0], "unknown", first[2], first[3]
    allowed = [
        r
        for r in results
        if all(v in _preferred(program, terms[k], policy) for k, v in r[0].items())
    ] or results
    rank = lambda r: (_OUTCOME_RANK[r[1]], r[2].reason)  # noqa: E731 - ties break on text, not order
    return max(allowed, key=rank) if policy == "best" else min(allowed, key=rank)


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


def score(program: Program, profile: Profile) -> Scorecard:
    """Score ``program`` under ``profile``."""
    findings = {code: evaluate(CATALOGUE[code], program, profile) for code in sorted(profile.rules)}
    for code, finding in list(findings.items()):
        target = CATALOGUE[code].folds_into
        if finding.outcome == "n/a" and target in findings and findings[target].credit is not None:
            host = findings[target]
            findings[target] = host.model_copy(
                update={
                    "weight": host.weight + finding.weight,
                    "reason": f"{host.reason} (carries {code}'s weight: {finding.reason})",
                }
            )
            findings[code] = finding.model_copy(update={"weight": 0.0})
    ordered = tuple(findings[code] for code in profile.rules if code in findings)
    ordered = tuple(sorted(ordered, key=lambda f: list(CATALOGUE).index(f.rule)))

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
