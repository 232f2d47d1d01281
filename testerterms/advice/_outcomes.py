"""What a scorecard's findings still allow: the worst grade, and the grade they give.

Advice reads findings, never the scorer's internals. A finding that is unknown or disputed
may still take several outcomes; :func:`possible_outcomes` says which, from what the
finding exposes (its ``possible`` outcomes where the scorer gives them; otherwise every
outcome, which is the cautious reading).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from ..profiles import GRADES, Grade, Profile
from ..rules import CREDIT
from ..scoring import Finding, Scorecard

_ALL: Final = ("met", "partly", "not-met")


def possible_outcomes(finding: Finding) -> tuple[str, ...]:
    """The outcomes a finding can still take once its unknown and disputed terms are settled."""
    exposed = getattr(finding, "possible", None)
    if exposed:
        return tuple(exposed)
    if finding.outcome == "n/a":
        return ("n/a",)
    if finding.outcome == "unknown" or finding.disputed:
        return _ALL
    return (finding.outcome,)


def worst_credit(finding: Finding) -> float:
    """The lowest credit the finding can still take, counting its weight.

    A finding that may still turn out not to apply counts at 0: had it not applied, its
    weight would have left the sum (or moved to the rule it folds into), which can only
    give a score at or above the one where it counts 0."""
    possible = possible_outcomes(finding)
    if "n/a" in possible:
        return 0.0
    credits = [CREDIT[o] for o in possible]
    return min((c for c in credits if c is not None), default=0.0)


def _applicable(findings: Sequence[Finding]) -> list[Finding]:
    return [f for f in findings if f.outcome != "n/a" and f.weight > 0]


def worst_score(findings: Sequence[Finding]) -> float:
    """The worst case of the range: each open finding at the lowest credit it can take."""
    counted = _applicable(findings)
    total = sum(f.weight for f in counted)
    if total == 0:
        return 0.0
    return 100.0 * sum(f.weight * worst_credit(f) for f in counted) / total


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
