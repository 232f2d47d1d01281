"""Weights learned from labelled text: which of a spotter's sentences state its term.

Some spotters name **features**: short phrases a reader can check ("at any time", "an
account", "the award"), each found by a pattern in the sentence, beside the cue the spotter
read its value by. For those spotters a :class:`Judge` weighs every sentence the spotter fired
on: the sum of the weights of the features the sentence has, plus a bias (the log-odds that
the sentence states the term). A sentence whose sum is below :data:`KEEP_FROM` proposes
nothing; any other proposes the value the spotter read, and its reason names the features
that weighed most. The judge never makes a value: it only keeps or drops a sentence that the
spotter's own patterns (negation, modality, who acts) already read a value from.

The weights are a logistic regression over those features, trained by
``scripts/train_extract.py`` (deterministic: the same data and features give the same weights)
from the development corpus carried in ``benchmarks/corpora/claudette-en-dev`` (25 English
terms of service with sentence labels; Galassi, Lagioia, Jabłonowska and Lippi, Artificial
Intelligence and Law, 2024, built on CLAUDETTE; CC BY 4.0), and ship as ``weights.json``
beside this module, which carries the same attribution. Nothing is downloaded or trained at
run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

__all__ = ["WEIGHTS", "Judge", "Verdict", "load_judges"]

WEIGHTS: Final = Path(__file__).resolve().parent / "weights.json"
SHOWN: Final = 3
"""How many features a reason names."""
KEEP_FROM: Final = -1.0
"""The lowest score a sentence is kept at: a judge drops a sentence only where the corpus
makes it unlikely (odds under about 1 in 3) that the sentence states the term. On the
documents the spotters were written from, weighed by weights trained without them, F1 is the
same at -1 as at 0 (the middle), and -1 keeps more of the sentences a reader would accept."""


@dataclass(frozen=True)
class Verdict:
    """What the judge made of one sentence: its score (the log-odds that the sentence states
    the term) and the features that weighed most, strongest first."""

    score: float
    deciding: tuple[tuple[str, float], ...]

    @property
    def kept(self) -> bool:
        return self.score >= KEEP_FROM

    def reason(self) -> str:
        named = ", ".join(f'"{name}" {weight:+.1f}' for name, weight in self.deciding)
        return f"weighed {self.score:+.1f} ({named})" if named else f"weighed {self.score:+.1f}"


@dataclass(frozen=True)
class Judge:
    """The learned weights of one spotter's features."""

    term: str
    bias: float
    weights: Mapping[str, float]

    def weigh(self, features: Iterable[str]) -> Verdict:
        present = sorted({name for name in features if name in self.weights})
        score = self.bias + math.fsum(self.weights[name] for name in present)
        strongest = sorted(present, key=lambda name: (-abs(self.weights[name]), name))
        return Verdict(score, tuple((name, self.weights[name]) for name in strongest[:SHOWN]))


def judges_from(data: Mapping[str, Any]) -> dict[str, Judge]:
    """The judges of a weights document (the shape ``weights.json`` has)."""
    return {
        term: Judge(term, float(entry["bias"]), dict(entry["weights"]))
        for term, entry in data["terms"].items()
    }


@lru_cache(maxsize=1)
def load_judges() -> dict[str, Judge]:
    """The judges shipped with the package, by term."""
    return judges_from(json.loads(WEIGHTS.read_text(encoding="utf-8")))
