"""Programs side by side: a rule x program matrix, category subtotals, score, range and
grade per program, and, with several profiles, where the profiles disagree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Program
from ..profiles import Grade, Profile, load_profile
from ..rules import CATALOGUE
from ..scoring import Scorecard, score
from .robustness import Robustness, ranks, robustness


@dataclass(frozen=True)
class Disagreement:
    """One program whose grade or rank differs from one profile to another."""

    program_id: str
    grades: dict[str, Grade | None]
    ranks: dict[str, int]
    rules: dict[str, dict[str, str]]
    """Rules whose outcome differs: rule -> {profile: outcome}."""


@dataclass(frozen=True)
class ProfileView:
    """The programs under one profile."""

    profile: Profile
    cards: tuple[Scorecard, ...]
    ranks: dict[str, int]
    robustness: Robustness | None


@dataclass(frozen=True)
class Comparison:
    programs: tuple[Program, ...]
    views: tuple[ProfileView, ...]
    disagreements: tuple[Disagreement, ...]

    @property
    def rules(self) -> list[str]:
        """Every rule scored under any of the profiles, in catalogue order."""
        used = {code for view in self.views for code in view.profile.rules}
        return [code for code in CATALOGUE if code in used]


def compare(
    programs: Sequence[Program],
    profiles: Profile | str | Sequence[Profile | str] = ("articles",),
    *,
    samples: int = 0,
    seed: int = 0,
) -> Comparison:
    """Score every program under every profile (one profile, or several); with ``samples``,
    the ranking's robustness to weights varied by up to ±50% (see
    :mod:`testerterms.advice.robustness`)."""
    if isinstance(profiles, (str, Profile)):  # one profile, not a string's letters
        profiles = [profiles]
    loaded = [load_profile(p) if isinstance(p, str) else p for p in profiles] or [load_profile()]
    views = []
    for profile in loaded:
        cards = tuple(score(program, profile) for program in programs)
        stable = robustness(programs, profile, samples=samples, seed=seed) if samples else None
        views.append(ProfileView(profile, cards, ranks(cards), stable))
    disagreements = []
    if len(views) > 1:
        for index, program in enumerate(programs):
            grades = {v.profile.id: v.cards[index].grade for v in views}
            placed = {v.profile.id: v.ranks[program.id] for v in views}
            rules: dict[str, dict[str, str]] = {}
            for code in CATALOGUE:
                outcomes: dict[str, str] = {
                    v.profile.id: v.cards[index].finding(code).outcome
                    for v in views
                    if code in v.profile.rules
                }
                if len(set(outcomes.values())) > 1:
                    rules[code] = outcomes
            if len(set(grades.values())) > 1 or len(set(placed.values())) > 1:
                disagreements.append(Disagreement(program.id, grades, placed, rules))
    return Comparison(tuple(programs), tuple(views), tuple(disagreements))
