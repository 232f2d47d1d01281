"""A sentence detector learned from words: which sentences state a term the corpus labels.

Three terms are labelled in the development corpus carried in
``benchmarks/corpora/claudette-en-dev`` (25 English terms of service with sentence labels;
Galassi, Lagioia, Jabłonowska and Lippi, Artificial Intelligence and Law, 2024, built on
CLAUDETTE; CC BY 4.0): ``voice.arbitration``, ``expectations.terms_changes`` and
``access.revocation``. For each, a :class:`Detector` weighs a sentence by the words in it: the
sum of the weights of its words and word pairs (and of the spotter's reading, ``reads: CUE``,
where the spotter read one), plus a bias: the log-odds that the sentence states the term. It
weighs only sentences that hold the spotter's cue, and it is used two ways:

- a sentence the **spotter read** a value from is proposed when it weighs at least ``keep``
  (``None``: always);
- a sentence the spotter read nothing from, but whose words the spotter's cautious reading
  (:attr:`~testerterms.extract._core.Spotter.found`) gives a value, is proposed when it weighs
  at least ``find`` (``None``: never).

The detector never makes a value: the value is the spotter's, or the cautious reading's, from
the sentence's own words; a sentence with no value stays unproposed. Each proposal's reason
names the words that weighed most.

The weights are an L2-regularised logistic regression over those words, fitted and its two
thresholds chosen by ``scripts/train_extract.py`` (deterministic: the same corpus gives the same
file), and ship as ``detector.json`` beside this module with the corpus's attribution. Scoring
is a few dictionary look-ups per sentence; nothing is downloaded or trained at run time.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Final

__all__ = ["WEIGHTS", "Detector", "Verdict", "grams", "load_detectors"]

WEIGHTS: Final = Path(__file__).resolve().parent / "detector.json"
SHOWN: Final = 3
"""How many words a reason names."""
READS: Final = "reads: "
"""The prefix of the feature that says which cue the spotter read its value by."""

_WORD: Final = re.compile(r"[a-z]+(?:'[a-z]+)?|[0-9]+")


@lru_cache(maxsize=8)  # the detectors of several terms may weigh one sentence in turn
def grams(plain: str) -> frozenset[str]:
    """The words of ``plain`` (lower case; every number is ``0``) and its pairs of adjacent
    words: what a detector weighs."""
    words = ["0" if w[0].isdigit() else w for w in _WORD.findall(plain.lower())]
    return frozenset([*words, *(f"{a} {b}" for a, b in pairwise(words))])


@dataclass(frozen=True)
class Verdict:
    """What a detector made of one sentence: its score (the log-odds that the sentence states
    the term), the threshold it was held to, and the words that weighed most, strongest first."""

    score: float
    threshold: float
    deciding: tuple[tuple[str, float], ...]

    @property
    def kept(self) -> bool:
        return self.score >= self.threshold

    def reason(self) -> str:
        named = ", ".join(f'"{name}" {weight:+.1f}' for name, weight in self.deciding)
        head = f"detector {self.score:+.1f}, needs {self.threshold:+.1f}"
        return f"{head} ({named})" if named else head


@dataclass(frozen=True)
class Detector:
    """The learned weights of one term's words, and the two thresholds."""

    term: str
    bias: float
    weights: Mapping[str, float]
    keep: float | None
    """The lowest score at which a sentence the spotter read is proposed; ``None``: every
    such sentence is."""
    find: float | None
    """The lowest score at which a sentence only the cautious reading gives a value is
    proposed; ``None``: such a sentence never is."""

    def weigh(self, words: Iterable[str], threshold: float) -> Verdict:
        present = sorted({w for w in words if w in self.weights})
        score = self.bias + math.fsum(self.weights[w] for w in present)
        strongest = sorted(present, key=lambda w: (-abs(self.weights[w]), w))[:SHOWN]
        return Verdict(score, threshold, tuple((w, self.weights[w]) for w in strongest))


def detectors_from(data: Mapping[str, Any]) -> dict[str, Detector]:
    """The detectors of a weights document (the shape ``detector.json`` has)."""
    return {
        term: Detector(
            term,
            float(entry["bias"]),
            {word: float(weight) for word, weight in entry["weights"].items()},
            None if entry["keep"] is None else float(entry["keep"]),
            None if entry["find"] is None else float(entry["find"]),
        )
        for term, entry in data["terms"].items()
    }


@lru_cache(maxsize=1)
def load_detectors() -> dict[str, Detector]:
    """The detectors shipped with the package, by term."""
    return detectors_from(json.loads(WEIGHTS.read_text(encoding="utf-8")))
