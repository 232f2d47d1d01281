"""What changed between two versions of a program: terms, findings, score and grade.

The new version is *worse* when, compared in this order, its grade is lower (no grade is
below E), or the grade is the same and the worst case of its range is lower, or both are
the same and its score (over known rules) is lower.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Program
from ..profiles import Grade, Profile, load_profile
from ..scoring import Finding, Scorecard, score
from . import _outcomes
from ._changes import show_term


@dataclass(frozen=True)
class TermDiff:
    term: str
    old: str
    new: str


@dataclass(frozen=True)
class FindingDiff:
    rule: str
    title: str
    old: str
    new: str
    old_reason: str
    new_reason: str


@dataclass(frozen=True)
class Standing:
    """Where one version stands: score, range, coverage, grade."""

    score: float | None
    range: tuple[float, float]
    coverage: float
    grade: Grade | None

    @classmethod
    def of(cls, card: Scorecard) -> Standing:
        return cls(card.score, card.range, card.coverage, card.grade)

    def key(self) -> tuple[int, float, float]:
        """Larger is better."""
        return (
            -_outcomes.grade_rank(self.grade),
            self.range[0],
            -1.0 if self.score is None else self.score,
        )


@dataclass(frozen=True)
class ProgramDiff:
    old_id: str
    new_id: str
    profile_id: str
    profile_version: str
    terms: tuple[TermDiff, ...]
    findings: tuple[FindingDiff, ...]
    before: Standing
    after: Standing

    @property
    def worse(self) -> bool:
        return self.after.key() < self.before.key()

    @property
    def better(self) -> bool:
        return self.after.key() > self.before.key()

    @property
    def score_delta(self) -> float | None:
        if self.before.score is None or self.after.score is None:
            return None
        return round(self.after.score - self.before.score, 1)


def _outcome(finding: Finding) -> str:
    return str(finding.outcome) + (" (disputed)" if finding.disputed else "")


def diff(old: Program, new: Program, profile: Profile | str = "articles") -> ProgramDiff:
    """The terms and findings that differ between ``old`` and ``new``, and how the score moves.

    Terms are compared by what they say (unknown, a value, or the values in dispute), not by
    their sources: a new source for the same value is not a change of terms."""
    profile = load_profile(profile) if isinstance(profile, str) else profile
    old_terms = dict(old.all_terms())
    new_terms = dict(new.all_terms())
    changed = []
    for key in dict.fromkeys([*old_terms, *new_terms]):
        before = show_term(old_terms[key]) if key in old_terms else "unknown"
        after = show_term(new_terms[key]) if key in new_terms else "unknown"
        if before != after:
            changed.append(TermDiff(key, before, after))
    old_card, new_card = score(old, profile), score(new, profile)
    moved = []
    for a in old_card.findings:
        b = new_card.finding(a.rule)
        if _outcome(a) != _outcome(b):
            moved.append(FindingDiff(a.rule, a.title, _outcome(a), _outcome(b), a.reason, b.reason))
    return ProgramDiff(
        old_id=old.id,
        new_id=new.id,
        profile_id=profile.id,
        profile_version=profile.version,
        terms=tuple(changed),
        findings=tuple(moved),
        before=Standing.of(old_card),
        after=Standing.of(new_card),
    )
