"""What a scorecard's findings still allow: the worst grade, and the grade they give.

Advice reads findings, never the scorer's internals. A finding that is unknown or disputed
may still take several outcomes; :func:`possible_outcomes` says which, from what the
finding exposes (its ``possible`` outcomes; a finding built without them is read
cautiously: every outcome).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ..profiles import GRADES, Grade, Profile
from ..rules import CATALOGUE, CREDIT
from ..scoring import Finding, Scorecard, cap_grade

_ALL: Final = ("met", "partly", "not-met")
_MOST_UNSURE: Final = 10
"""Findings that may or may not apply, beyond which the rest simply count at credit 0."""


def possible_outcomes(finding: Finding) -> tuple[str, ...]:
    """The outcomes a finding can still take once its unknown and disputed terms are settled."""
    if finding.possible:
        return tuple(finding.possible)
    if finding.outcome == "n/a":
        return ("n/a",)
    if finding.outcome == "unknown" or finding.disputed:
        return _ALL
    return (finding.outcome,)


def lowest_credit(finding: Finding) -> float:
    """The lowest credit the finding can take where it applies."""
    credits = [CREDIT[o] for o in possible_outcomes(finding)]
    return min((c for c in credits if c is not None), default=0.0)


def _applicable(findings: Sequence[Finding]) -> list[Finding]:
    return [f for f in findings if f.outcome != "n/a" and f.weight > 0]


@dataclass(frozen=True, slots=True)
class Reading:
    """What the worst case needs of one finding, worked out once (``suggest`` reads the same
    findings in many combinations)."""

    rule: str
    weight: float
    """The finding's weight where it applies now; 0 when it does not count (n/a, weight 0)."""
    lowest: float
    """The lowest credit it can take where it applies."""
    unsure: bool
    """It may still turn out not to apply."""
    known: bool
    """It has a credit now (it counts toward coverage)."""
    may_fail: bool
    """It is, or may still turn out, not met."""
    host: str | None
    """The rule its weight folds into when it does not apply."""


def read(finding: Finding) -> Reading:
    possible = possible_outcomes(finding)
    counts = finding.outcome != "n/a" and finding.weight > 0
    return Reading(
        rule=finding.rule,
        weight=finding.weight if counts else 0.0,
        lowest=lowest_credit(finding),
        unsure="n/a" in possible,
        known=finding.credit is not None,
        may_fail="not-met" in possible,
        host=CATALOGUE[finding.rule].folds_into,
    )


def worst_score(findings: Sequence[Finding]) -> float:
    """The worst case: each open finding at the lowest credit it can still take, on its own.

    A finding that may still turn out not to apply is tried both ways: counted at its lowest
    credit, and left out (its weight leaving the sum, or moving to the rule it folds into,
    there at that rule's lowest credit); the lower score counts. Past ``_MOST_UNSURE`` such
    findings, the rest count at credit 0 (never above either way)."""
    return worst_of([read(f) for f in findings])


def worst_of(readings: Sequence[Reading]) -> float:
    """:func:`worst_score` of findings already read."""
    counted = [r for r in readings if r.weight > 0]
    if not counted:
        return 0.0
    by_rule = {r.rule: r for r in counted}
    unsure = [r for r in counted if r.unsure]
    tried, zero = unsure[:_MOST_UNSURE], unsure[_MOST_UNSURE:]
    base_num = sum(r.weight * r.lowest for r in counted if not r.unsure)
    base_den = sum(r.weight for r in counted if not r.unsure) + sum(r.weight for r in zero)
    if not tried:
        return 0.0 if base_den == 0 else min(100.0, 100.0 * base_num / base_den)
    lowest = 100.0
    for applies in itertools.product((True, False), repeat=len(tried)):
        num, den = base_num, base_den
        for reading, counts in zip(tried, applies, strict=True):
            if counts:
                num += reading.weight * reading.lowest
                den += reading.weight
                continue
            host = by_rule.get(reading.host or "")
            if host is not None:
                num += reading.weight * host.lowest
                den += reading.weight
        lowest = min(lowest, 0.0 if den == 0 else 100.0 * num / den)
    return lowest


def coverage(findings: Sequence[Finding]) -> float:
    return coverage_of([read(f) for f in findings])


def coverage_of(readings: Sequence[Reading]) -> float:
    total = sum(r.weight for r in readings)
    known = sum(r.weight for r in readings if r.known)
    return 0.0 if total == 0 else known / total


def blockers_at_risk(findings: Sequence[Finding], profile: Profile) -> tuple[str, ...]:
    """Blocker rules that are, or could still turn out, not met."""
    return tuple(r.rule for r in map(read, findings) if r.rule in profile.blockers and r.may_fail)


def worst_grade(findings: Sequence[Finding], profile: Profile) -> Grade | None:
    """The grade the program keeps however its unknowns and disputes are settled.

    None when coverage is below the profile's minimum (no grade can be given yet)."""
    return worst_grade_of([read(f) for f in findings], profile)


def worst_grade_of(readings: Sequence[Reading], profile: Profile) -> Grade | None:
    """:func:`worst_grade` of findings already read."""
    if coverage_of(readings) < profile.min_coverage or not any(r.weight > 0 for r in readings):
        return None
    grade = profile.grade_for(worst_of(readings))
    at_risk = [r.rule for r in readings if r.rule in profile.blockers and r.may_fail]
    return cap_grade(grade, at_risk, profile)


def headline_grade(findings: Sequence[Finding], profile: Profile) -> Grade | None:
    """The grade these findings give from the known rules' score, capped by the blockers not
    met; None below the profile's minimum coverage. (A scorecard's own grade reads the
    score kept inside its range, which only the scorer knows; this one compares findings
    read one way and another, as :mod:`.pivotal` does.)"""
    known = [f for f in _applicable(findings) if f.credit is not None]
    if not known or coverage(findings) < profile.min_coverage:
        return None
    total = sum(f.weight for f in known)
    score = 100.0 * sum(f.weight * (f.credit or 0.0) for f in known) / total
    hit = [f.rule for f in findings if f.rule in profile.blockers and f.outcome == "not-met"]
    return cap_grade(profile.grade_for(score), hit, profile)


def reaches(grade: Grade | None, target: Grade) -> bool:
    return grade is not None and GRADES.index(grade) <= GRADES.index(target)


def grade_rank(grade: Grade | None) -> int:
    """A sortable rank: A is 0, E is 4, no grade is 5."""
    return len(GRADES) if grade is None else GRADES.index(grade)


def card_worst_grade(card: Scorecard, profile: Profile) -> Grade | None:
    return worst_grade(card.findings, profile)
