"""How stable a ranking is when the weights move: seeded, reproducible sampling.

Each sample multiplies every rule weight of the profile by a factor drawn uniformly from
[1 - spread, 1 + spread] (default: up to ±50%), scores the programs again and ranks them
(by grade, then the worst case of the range, then the score). A program's robustness is
the share of samples in which it keeps the rank it has under the profile as written.
The same seed gives the same samples, so the figures are reproducible. (A factor never
takes a weight past the largest a profile may hold.)
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Program
from ..profiles import MAX_WEIGHT, Profile
from ..scoring import Scorecard, score
from . import _outcomes


def rank_key(card: Scorecard) -> tuple[int, float, float, str]:
    """Smaller ranks higher: grade, then the worst case, then the score, then the id."""
    return (
        _outcomes.grade_rank(card.grade),
        -card.range[0],
        -(card.score if card.score is not None else -1.0),
        card.program_id,
    )


def ranks(cards: Sequence[Scorecard]) -> dict[str, int]:
    """Rank of each program (1 is first); programs that tie share a rank."""
    ordered = sorted(cards, key=rank_key)
    result: dict[str, int] = {}
    previous: tuple[int, float, float] | None = None
    rank = 0
    for position, card in enumerate(ordered, start=1):
        key = rank_key(card)[:3]
        if key != previous:
            rank, previous = position, key
        result[card.program_id] = rank
    return result


@dataclass(frozen=True)
class Robustness:
    profile_id: str
    seed: int
    samples: int
    spread: float
    rank: dict[str, int]
    """Each program's rank under the profile as written."""
    kept: dict[str, float]
    """Share of samples (0-1) in which each program keeps that rank."""


def robustness(
    programs: Sequence[Program],
    profile: Profile,
    *,
    samples: int = 200,
    seed: int = 0,
    spread: float = 0.5,
) -> Robustness:
    """The share of weight samples in which each program keeps its rank."""
    base = ranks([score(p, profile) for p in programs])
    generator = random.Random(seed)
    kept = dict.fromkeys(base, 0)
    for _ in range(samples):
        weights = {
            code: min(weight * generator.uniform(1 - spread, 1 + spread), MAX_WEIGHT)
            for code, weight in profile.rules.items()
        }
        varied = profile.model_copy(update={"rules": weights})
        sampled = ranks([score(p, varied) for p in programs])
        for program_id, rank in base.items():
            kept[program_id] += sampled[program_id] == rank
    return Robustness(
        profile_id=profile.id,
        seed=seed,
        samples=samples,
        spread=spread,
        rank=base,
        kept={k: (v / samples if samples else 1.0) for k, v in kept.items()},
    )
