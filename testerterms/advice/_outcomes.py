"""What a scorecard's findings still allow: the worst grade, and the grade they give.

Advice reads findings, never the scorer's internals. A finding that is unknown or disputed
may still take several outcomes; :func:`possible_outcomes` says which, from what the
finding exposes (its ``possible`` outcomes; a finding built without them is read
cautiously: every outcome).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Final

from ..profiles import GRADES, Grade, Profile
from ..rules import CATALOGUE, CREDIT
from ..scoring import Finding, Scorecard

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


def worst_score(findings: Sequence[Finding]) -> float:
    """The worst case: each open finding at the lowest credit it can still take, on its own.

    A finding that may still turn out not to apply is tried both ways: counted at its lowest
    credit, and left out (its weight leaving the sum, or moving to the rule it folds into,
    there at that rule's lowest credit); the lower score counts. Past ``_MOST_UNSURE`` such
    findings, the rest count at credit 0 (never above either way)."""
    counted = _applicable(findings)
    if not counted:
        return 0.0
    by_rule = {f.rule: f for f in counted}
    unsure = [f for f in counted if "n/a" in possible_outcomes(f)]
    tried, zero = unsure[:_MOST_UNSURE], unsure[_MOST_UNSURE:]
    sure = [f for f in counted if f not in unsure]
    base_num = sum(f.weight * lowest_credit(f) for f in sure)
    base_den = sum(f.weight for f in sure) + sum(f.weight for f in zero)
    lowest = 100.0
    for applies in itertools.product((True, False), repeat=len(tried)):
        num, den = base_num, base_den
        for finding, counts in zip(tried, applies, strict=True):
            if counts:
                num += finding.weight * lowest_credit(finding)
                den += finding.weight
                continue
            host = by_rule.get(CATALOGUE[finding.rule].folds_into or "")
            if host is not None:
                num += finding.weight * lowest_credit(host)
                den += finding.weight
        lowest = min(lowest, 0.0 if den == 0 else 100.0 * num / den)
    return lowest


def coverage(findings: Sequence[Finding]) -> float:
    counted = _applicable(findings)
    total = sum(f.weight for f in counted)
    known = sum(f.weight for f in counted if f.credit is not None)
    return 0.0 if total == 0 else known / total


def blockers_at_risk(findings: Sequence[Finding], profile: Profile) -> tuple[str, ...]:
    """Blocker rules that are, or could still turn out, not met."""
    return tuple(
        f.rule for f in findings if f.rule in profile.blockers and "not-met" in possible_outcomes(f)
    )


def _cap(grade: Grade, codes: Sequence[str], profile: Profile) -> Grade:
    for code in codes:
        cap = profile.blockers[code]
        if GRADES.index(cap) > GRADES.index(grade):
            grade = cap
    return grade


def worst_grade(findings: Sequence[Finding], profile: Profile) -> Grade | None:
    """The grade the program keeps however its unknowns and disputes are settled.

    None when coverage is below the profile's minimum (no grade can be given yet)."""
    if coverage(findings) < profile.min_coverage or not _applicable(findings):
        return None
    grade = profile.grade_for(worst_score(findings))
    return _cap(grade, blockers_at_risk(findings, profile), profile)


def headline_grade(findings: Sequence[Finding], profile: Profile) -> Grade | None:
    """The headline grade these findings give: the score over known rules, capped by the
    blockers not met; None below the profile's minimum coverage."""
    known = [f for f in _applicable(findings) if f.credit is not None]
    if not known or coverage(findings) < profile.min_coverage:
        return None
    total = sum(f.weight for f in known)
    score = 100.0 * sum(f.weight * (f.credit or 0.0) for f in known) / total
    hit = [f.rule for f in findings if f.rule in profile.blockers and f.outcome == "not-met"]
    return _cap(profile.grade_for(score), hit, profile)


def reaches(grade: Grade | None, target: Grade) -> bool:
    return grade is not None and GRADES.index(grade) <= GRADES.index(target)


def grade_rank(grade: Grade | None) -> int:
    """A sortable rank: A is 0, E is 4, no grade is 5."""
    return len(GRADES) if grade is None else GRADES.index(grade)


def card_worst_grade(card: Scorecard, profile: Profile) -> Grade | None:
    return worst_grade(card.findings, profile)
