"""What to ask for, where people look: the single findings that would change the grade.

A finding *pivots* the grade when, had it gone the other way, the headline grade would be
different: a finding that is met, partly met or not met is turned to the opposite end (met
to not met, partly or not met to met); an unknown one is tried both ways."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..profiles import Grade, Profile
from ..rules import CREDIT
from ..scoring import Scorecard
from ._outcomes import headline_grade


@dataclass(frozen=True)
class Pivot:
    rule: str
    outcome: str
    """The finding's outcome now."""
    instead: str
    """The outcome that would change the grade."""
    grade: Grade | None
    """The grade it would give."""


def pivotal_findings(card: Scorecard, profile: Profile) -> tuple[Pivot, ...]:
    """Each finding that, flipped alone, changes the headline grade."""
    now = headline_grade(card.findings, profile)
    pivots = []
    for index, finding in enumerate(card.findings):
        if finding.outcome == "n/a" or finding.weight == 0:
            continue
        if finding.outcome == "met":
            flips = ["not-met"]
        elif finding.outcome == "unknown":
            flips = ["met", "not-met"]
        else:
            flips = ["met"]
        for instead in flips:
            flipped = replace(finding, outcome=instead, credit=CREDIT[instead], disputed=False)  # type: ignore[arg-type]
            findings = (*card.findings[:index], flipped, *card.findings[index + 1 :])
            grade = headline_grade(findings, profile)
            if grade != now:
                pivots.append(Pivot(finding.rule, finding.outcome, instead, grade))
    return tuple(pivots)
