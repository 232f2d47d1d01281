"""Program x profile -> scorecard: findings, score, range, coverage, grade, and how firm it is.

The scorer never reads files and never prints. Each rule is judged on what the sources say
of the terms it reads (:mod:`._judgement`): an outcome that is the same whatever the unknown
terms are, or disputed (the profile's policy picks the headline), or unknown. The range is
the lowest and highest score some joint assignment of the unknown terms and disputed claims
gives (:mod:`._range`).

The headline, and what each number means:

- ``known_score``: 100 x sum(weight x credit) / sum(weight) over the known rules alone. It
  can lie outside the range (known rules all met while an open rule can at best be partly
  met), so it is not the headline.
- ``score``: the known rules' score brought inside the range: where the open rules cannot
  let the program reach what the known rules say, the nearer end of the range. So
  ``worst <= score <= best`` always, and the score is what the grade is read from.
- ``grade``: the profile's band of the score, capped by every blocker known not to be met;
  none below the profile's minimum coverage. ``possible_grades``: every grade the range
  allows once the open rules are settled (the worst end capped by every blocker that may
  still turn out not met); ``blockers`` (known not met, graded or not) and
  ``blocker_cap``, the best grade they allow; ``turns_on``: for a graded program, each fact
  (a stated term read as unstated) or dispute (a disputed term read as one of its claims)
  that changes its grade, worked out when first asked.

Cost, for a program of C claims scored under a profile of R rules: building the term states
and citing the facts is O(C) (claims are grouped by value, never compared in pairs); each
rule's judgement calls its check once for each combination of its terms' distinct values,
at most ``LIMITS.evaluations`` (4,096) times, else the rule is not settled and counts at
any outcome; the range reads those outcomes back, trying at most ``LIMITS.joint`` (4,096)
joint assignments for each group of rules that share open terms (rule by rule past that).
So at most R x 4,096 check calls and R x 4,096 joint assignments a scorecard, whatever the
claims: O(C + R) with a bounded constant, and never more than the exact work. Where a bound
cut the work the range is wider than the exact one, never narrower, and
``range_exact`` is false. (``WORK`` counts the steps, for tests and benchmarks.) The turning
points score the program again once for each fact a scored finding rests on (and each
claim of a disputed term, up to 16): O(T) scorecards for T such terms, most of their
judgements and group sums read from the caches. What is kept between scorecards is bounded:
caches keyed by small states hold at most a fixed number of entries; those keyed by large
ones (thousands of claimed values) at most a fixed number of values in all; what is worked
out from one term goes when the term does.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final, Protocol, TypeVar

from ._judgement import (
    _CLEARERS,
    LARGE,
    LIMITS,
    MEMO,
    UNKNOWN,
    WORK,
    Judgement,
    State,
    claims_listed,
    dispute_reason,
    judge,
    limits,
    show_value,
    size,
    term_domain,
    term_evidence,
    term_state,
    weakest,
)
from ._range import Judged, Range, joint_range
from ._version import __version__
from .model import EVIDENCE_OF_PARTY, Evidence, Fact, Program, Term
from .profiles import GRADES, MAX_WEIGHT, Grade, Profile
from .rules import CATALOGUE, CREDIT, Outcome, Parameters, Rule

__all__ = [
    "LIMITS",
    "WORK",
    "CategoryScore",
    "FactUsed",
    "Finding",
    "Scorecard",
    "TurningPoint",
    "cap_grade",
    "evaluate",
    "limits",
    "rank_key",
    "score",
    "score_all",
    "show_value",
    "term_domain",
]

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
    settled: bool = True
    """False when the rule's terms have more combinations of values than the scorer works
    through (see :mod:`._judgement`): the finding is unknown and may take any outcome."""


@dataclass(frozen=True, slots=True)
class CategoryScore:
    """The score of the rules of one category."""

    category: str
    score: float | None
    weight: float
    coverage: float


@dataclass(frozen=True, slots=True)
class TurningPoint:
    """One fact, or one dispute, that a graded program's grade turns on: read otherwise,
    the grade changes. A stated term is read as if no source stated it (a fact that does
    not hold up); a disputed term, as if one of its claims held."""

    term: str
    rules: tuple[str, ...]
    """The rules whose finding then changes."""
    disputed: bool
    """The term is disputed, and the grade turns on which claim holds."""
    value: str | None
    """The claimed value that would change the grade (a disputed term); None when it is
    the fact's absence."""
    grade: Grade | None
    """The grade the program would then have (None: no grade, too little known)."""


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
    """The known rules' score, brought inside the range (see the module's docstring)."""
    range: tuple[float, float]
    coverage: float
    grade: Grade | None
    blockers: tuple[str, ...]
    """Blocker rules known not to be met, whether or not the program is graded."""
    categories: tuple[CategoryScore, ...]
    findings: tuple[Finding, ...]
    disputed_terms: tuple[str, ...]
    """Disputed terms that move a finding (its outcome depends on which claim holds)."""
    other_disputes: tuple[str, ...] = ()
    """Disputed terms that no finding depends on (a headcount, an event date)."""
    example: bool = False
    """The program is an example (kind ``reference``), not a real program."""
    known_score: float | None = None
    """100 x sum(weight x credit) / sum(weight) over the known rules alone; may lie outside
    the range."""
    range_exact: bool = True
    """False when a bound on the work widened the range (it still holds every score the
    program can have)."""
    blocker_cap: Grade | None = None
    """The best grade the blockers known not to be met allow ("at best D")."""
    possible_grades: tuple[Grade, ...] = ()
    """Every grade the range allows once the open rules are settled, best first."""
    turning: Any = field(default=(), repr=False, compare=False)
    """What :attr:`turns_on` is read from: the turning points, or a function that works
    them out when first asked (most scorecards ``suggest`` and ``compare`` make are never
    asked)."""

    @property
    def turns_on(self) -> tuple[TurningPoint, ...]:
        """For a graded program, each fact or dispute whose other reading changes the grade
        (see :class:`TurningPoint`); empty for an ungraded one."""
        if callable(self.turning):
            object.__setattr__(self, "turning", self.turning())
        points: tuple[TurningPoint, ...] = self.turning
        return points

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled (to and from worker processes) with the turning points worked out: the
        # function that would work them out holds the scorer's caches.
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        values["turning"] = self.turns_on
        return (_scorecard, (values,))

    def finding(self, code: str) -> Finding:
        for finding in self.findings:
            if finding.rule == code:
                return finding
        raise KeyError(code)


def _scorecard(values: dict[str, Any]) -> Scorecard:
    return Scorecard(**values)


# --- one rule ----------------------------------------------------------------------------------


def evaluate(
    rule: Rule, program: Program, profile: Profile, states: dict[str, State] | None = None
) -> Finding:
    """The finding of one rule on one program under one profile.

    ``states`` may hold the program's term states already worked out (see :func:`score`)."""
    keys = rule.terms
    terms = {key: program.terms.term(key) for key in keys}
    if states is None:
        states = {key: term_state(program, terms[key]) for key in keys}
    judged = judge(
        rule.code, profile.parameters, profile.disputes, tuple(states[key] for key in keys)
    )
    return _finding(rule, keys, judged, profile, _Facts(program, terms))


class _Cited:
    """A term's claims and history as findings cite them, and the sources they cite."""

    __slots__ = ("_listing", "claims", "history", "sources")

    def __init__(self, program: Program, key: str, term: Term[Any]) -> None:
        self.claims = tuple([_fact_used(program, key, f) for f in term.claims])
        self.history = tuple([_fact_used(program, key, f) for f in term.history])
        self.sources = frozenset(s for fact in self.claims + self.history for s in fact.sources)
        self._listing: str | None = None

    def listing(self) -> str:
        """The claims as a dispute's reason lists them (worked out once)."""
        if self._listing is None:
            self._listing = claims_listed([(f.value, f.party, f.sources) for f in self.claims])
        return self._listing


class _Facts:
    """A program's terms as findings cite them, each worked out once while it is scored
    (a term several rules read, like ``compensation.money``, is cited by each of them)."""

    __slots__ = ("_cited", "_evidence", "program", "terms")

    def __init__(self, program: Program, terms: dict[str, Term[Any]]) -> None:
        self.program = program
        self.terms = terms
        self._cited: dict[str, _Cited] = {}
        self._evidence: dict[str, Evidence] = {}

    def cited(self, key: str) -> _Cited:
        found = self._cited.get(key)
        if found is None:
            found = self._cited[key] = _cited(self.program, key, self.terms[key])
        return found

    def evidence(self, key: str) -> Evidence:
        found = self._evidence.get(key)
        if found is None:
            found = self._evidence[key] = term_evidence(self.program, self.terms[key])
        return found


def _cited(program: Program, key: str, term: Term[Any]) -> _Cited:
    """The facts of a term as findings cite them (kept for a term with many facts)."""
    return MEMO.get(program, term, key, lambda: _Cited(program, key, term))  # type: ignore[no-any-return]


def _finding(
    rule: Rule, keys: tuple[str, ...], judged: Judgement, profile: Profile, facts: _Facts
) -> Finding:
    terms = facts.terms
    used_known = tuple(k for k in keys if k in judged.used and terms[k].known)
    reason = judged.reason
    evidence: Evidence | None = None
    if judged.disputed:
        if judged.settled:
            sides = [(k, facts.cited(k).listing()) for k in keys if terms[k].disputed]
            reason = dispute_reason(sides, profile.disputes, judged.outcome, reason)
        evidence = "disputed"
    elif used_known:
        evidence = weakest(facts.evidence(k) for k in used_known)
    if len(used_known) == 1:
        one = facts.cited(used_known[0])
        claims, history, sources = one.claims, one.history, one.sources
    else:
        cited = [facts.cited(k) for k in used_known]
        claims = tuple(itertools.chain.from_iterable([c.claims for c in cited]))
        history = tuple(itertools.chain.from_iterable([c.history for c in cited]))
        sources = frozenset().union(*[c.sources for c in cited])
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
        settled=judged.settled,
    )


def _fact_used(program: Program, key: str, fact: Fact[Any]) -> FactUsed:
    party = program.party_of(fact)
    return FactUsed(
        term=key,
        value=show_value(fact.value),
        sources=fact.source,
        party=party,
        evidence=EVIDENCE_OF_PARTY[party],  # what program.evidence_of(fact) reads
        quote=fact.quote,
        since=fact.since,
        until=fact.until,
    )


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
        states[key] = term_state(program, term) if term.claims else UNKNOWN
    facts = _Facts(program, terms)
    cache = plan.judgements
    judged: dict[str, Finding] = {}
    judgements: dict[str, Judgement] = {}
    for code, rule, keys in plan.rules:
        at = (code, tuple([states[key] for key in keys]))
        known = cache.get(at)
        if known is None:
            judgement = judge(code, profile.parameters, profile.disputes, at[1])
            finding = _finding(rule, keys, judgement, profile, facts)
            # A finding that rests on no fact is the same for every program in this state;
            # large states are not kept for the programs that follow.
            shared = None if judgement.disputed or finding.terms else finding
            if size(at[1]) <= LARGE:
                cache[at] = (judgement, shared)
        else:
            judgement, finding_or_none = known
            finding = finding_or_none or _finding(rule, keys, judgement, profile, facts)
        judged[code] = finding
        judgements[code] = judgement
    if len(cache) > _MAX_CACHED:
        cache.clear()
    findings = _fold(plan, judged)
    ordered = tuple([findings[code] for code in plan.ordered])

    known_score, _, _, coverage = _summary(ordered)
    found = _range_of(plan, states, judged, findings, judgements)
    if len(plan.group_sums) > _MAX_GROUPS:
        plan.group_sums.clear()
    headline = _Headline(profile, ordered, found)
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
    worst, best = round(found.worst, 1), round(found.best, 1)
    return Scorecard(
        tool_version=__version__,
        profile_id=profile.id,
        profile_version=profile.version,
        program_id=program.id,
        program_name=program.name,
        organization=program.organization,
        score=None if headline.score is None else round(headline.score, 1),
        range=(worst, best),
        coverage=round(coverage, 3),
        grade=headline.grade,
        blockers=headline.blockers,
        categories=tuple(categories),
        findings=ordered,
        disputed_terms=tuple(key for key in disputed if key in moving),
        other_disputes=tuple(key for key in disputed if key not in moving),
        example=program.kind == "reference",
        known_score=None if known_score is None else round(known_score, 1),
        range_exact=found.exact,
        blocker_cap=headline.cap,
        possible_grades=headline.possible_grades(),
        turning=functools.partial(_turning_points, plan, states, ordered, headline.grade, found)
        if headline.grade is not None
        else (),
    )


# --- the headline: score, grade, and how firm they are ---------------------------------------


def cap_grade(grade: Grade, codes: Iterable[str], profile: Profile) -> Grade:
    """The grade, capped by each blocker rule in ``codes``."""
    for code in codes:
        cap = profile.blockers[code]
        if GRADES.index(cap) > GRADES.index(grade):
            grade = cap
    return grade


_F = TypeVar("_F", "Finding", "_Outcome")


class _Headline:
    """Score, grade and blockers from the findings (weights folded) and the range."""

    def __init__(self, profile: Profile, findings: Sequence[_Counted], found: Range) -> None:
        self.profile = profile
        self.findings = findings
        self.range = found
        counted = [f for f in findings if f.outcome != "n/a" and f.weight > 0]
        weight = sum(f.weight for f in counted if f.credit is not None)
        credit = sum(f.weight * (f.credit or 0.0) for f in counted)
        total = weight + sum(f.weight for f in counted if f.credit is None)
        self.blockers = tuple(
            f.rule for f in findings if f.rule in profile.blockers and f.outcome == "not-met"
        )
        self.cap: Grade | None = cap_grade("A", self.blockers, profile) if self.blockers else None
        self.score: float | None = None
        self.grade: Grade | None = None
        self.known: float | None = None
        if weight > 0:
            self.known = 100.0 * credit / weight
            self.score = min(max(self.known, found.worst), found.best)
            if weight / total >= profile.min_coverage:
                self.grade = cap_grade(profile.grade_for(self.score), self.blockers, profile)

    def possible_grades(self) -> tuple[Grade, ...]:
        """Every grade from the best the range and the blockers certainly not met allow to
        the worst the range allows with every blocker that may turn out not met.

        A blocker counted not met because of a disputed claim (the worse claim decides the
        headline) may turn out met: it caps the worst end, not the best."""
        profile = self.profile
        blockers = [f for f in self.findings if f.rule in profile.blockers]
        at_risk = [f.rule for f in blockers if "not-met" in (f.possible or (f.outcome,))]
        certain = [f.rule for f in blockers if set(f.possible or (f.outcome,)) == {"not-met"}]
        best = cap_grade(profile.grade_for(self.range.best), certain, profile)
        worst = cap_grade(profile.grade_for(self.range.worst), at_risk, profile)
        return GRADES[GRADES.index(best) : GRADES.index(worst) + 1]


class _Counted(Judged, Protocol):
    """What the headline reads of a finding."""

    @property
    def rule(self) -> str: ...
    @property
    def possible(self) -> tuple[Outcome, ...]: ...


@dataclass(frozen=True, slots=True)
class _Outcome:
    """A finding reduced to what the headline reads (for a program read otherwise)."""

    rule: str
    outcome: Outcome
    credit: float | None
    weight: float
    disputed: bool
    possible: tuple[Outcome, ...]
    reason: str = ""


def _fold(plan: _Plan, judged: dict[str, _F]) -> dict[str, _F]:
    """The findings with the weight of each rule that does not apply moved to the rule it
    folds into (where that one has a credit)."""
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
    return findings


_MOST_TRIED_VALUES: Final = 16
"""A disputed term with more claimed values than this is not tried value by value for the
turning points (no bundled program comes near)."""


def _turning_points(
    plan: _Plan,
    states: dict[str, State],
    findings: Sequence[Finding],
    grade: Grade | None,
    span: Range,
) -> tuple[TurningPoint, ...]:
    """The facts and disputes the grade turns on (see :class:`TurningPoint`): each term a
    scored finding rests on, read as unstated (a stated term) or as each of its claims (a
    disputed one), with the program scored again (judgements and group sums come from the
    caches: programs in a folder share most of them)."""
    at = tuple([states[key] for key in plan.keys])
    small = size(at) <= LARGE
    cached = plan.turning_points.get(at) if small else None
    if cached is not None:
        return cached
    tried = sorted({k for f in findings if f.credit is not None and f.weight > 0 for k in f.terms})
    base = {code: _judgement(plan, code, states) for code in plan.ordered}
    points = []
    for key in tried:
        state = states[key]
        if state[0] == "known":
            readings: list[tuple[State, str | None]] = [(UNKNOWN, None)]
        elif len(state[1]) <= _MOST_TRIED_VALUES:
            readings = [(("known", value), show_value(value)) for value, _ in state[1]]
        else:
            continue
        for reading, value in readings:
            other = {**states, key: reading}
            judgements = {
                code: _judgement(plan, code, other) if key in plan.terms_of[code] else base[code]
                for code in plan.ordered
            }
            moved = _grade_of(plan, other, judgements, span if _widens(plan, key, state) else None)
            if moved != grade:
                rules = tuple(
                    code for code in plan.ordered if judgements[code].outcome != base[code].outcome
                )
                points.append(TurningPoint(key, rules, state[0] == "disputed", value, moved))
                break
    # Another letter first, then no grade: the letter is what a reader quotes.
    found = tuple(sorted(points, key=lambda point: point.grade is None))
    if small:
        if len(plan.turning_points) > _MAX_GROUPS:
            plan.turning_points.clear()
        plan.turning_points[at] = found
    return found


def _widens(plan: _Plan, key: str, state: State) -> bool:
    """Whether reading a stated term as unstated can only widen the range: the value it
    had is one the scorer then tries (a term of a few values, read by every rule that has
    it, not only refining one)."""
    return (
        state[0] == "known"
        and state[1] in term_domain(key, plan.profile.parameters)
        and all(key in CATALOGUE[code].reads for code in plan.ordered if key in plan.terms_of[code])
    )


def _judgement(plan: _Plan, code: str, states: dict[str, State]) -> Judgement:
    profile = plan.profile
    return judge(
        code,
        profile.parameters,
        profile.disputes,
        tuple([states[key] for key in plan.terms_of[code]]),
    )


def _grade_of(
    plan: _Plan,
    states: dict[str, State],
    judgements: dict[str, Judgement],
    widened: Range | None = None,
) -> Grade | None:
    """The grade a program in these states gets. ``widened``: a range the program's own
    holds (it only lost a fact, so its range can only have widened): where the known rules'
    score lies in it, it lies in the program's own, so that range need not be worked out."""
    profile = plan.profile
    judged = {
        code: _Outcome(
            code,
            j.outcome,
            CREDIT[j.outcome],
            profile.rules[code],
            j.disputed,
            j.possible,
            j.reason,
        )
        for code, j in judgements.items()
    }
    folded = _fold(plan, judged)
    ordered = [folded[code] for code in plan.ordered]
    if widened is not None:
        headline = _Headline(profile, ordered, widened)
        if headline.known is None or widened.worst <= headline.known <= widened.best:
            return headline.grade
    found = _range_of(plan, states, judged, folded, judgements)
    return _Headline(profile, ordered, found).grade


def _range_of(
    plan: _Plan,
    states: dict[str, State],
    judged: Mapping[str, Judged],
    folded: Mapping[str, Judged],
    judgements: dict[str, Judgement],
) -> Range:
    profile = plan.profile
    return joint_range(
        profile.parameters,
        profile.rules,
        plan.folds,
        states,
        judged,
        folded,
        judgements,
        plan.group_sums,
    )


_MAX_CACHED: Final = 65536
"""Most judgements kept for one profile (as many as the judge's own cache keeps)."""
_MAX_GROUPS: Final = 4096
"""Most group sums kept for one profile."""


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
    judgements: dict[tuple[str, tuple[State, ...]], tuple[Judgement, Finding | None]]
    """By rule and the states of its terms: the judgement, and the finding where it rests on
    no fact of the program (the same finding, then, for every program)."""
    group_sums: dict[Any, Any]
    """Group sums for this profile's weights (see :mod:`._range`)."""
    turning_points: dict[tuple[State, ...], tuple[TurningPoint, ...]]
    """By the states of every term: what a graded program's grade turns on."""

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
        turning_points={},
    )
    if len(_PLANS) >= _MAX_PLANS:
        _PLANS.clear()
    _PLANS[id(profile)] = plan
    return plan


def _forget_plans() -> None:
    _PLANS.clear()


_CLEARERS.append(_forget_plans)


def _check_weights(profile: Profile) -> None:
    """A NaN never reaches a score: a profile loaded from a file is checked where it is read;
    this refuses one put together without validation (``model_construct``)."""
    for code, weight in profile.rules.items():
        if not (isinstance(weight, (int, float)) and 0 < weight <= MAX_WEIGHT):
            raise ValueError(
                f"profile {profile.id}: weight of {code} must be in (0, {MAX_WEIGHT:g}]"
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


_GRADE_RANK: Final = {grade: rank for rank, grade in enumerate("ABCDE")}


def rank_key(card: Scorecard) -> tuple[bool, int, float]:
    """The ranking order every output uses: real programs before examples
    (the reference program is not ranked among them), then by grade (no grade last), then by
    the worst case of the range, highest first. Sort with it for ties in file order."""
    return card.example, _GRADE_RANK.get(card.grade or "", len(_GRADE_RANK)), -card.range[0]
