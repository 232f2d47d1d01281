"""Train the weights ``testerterms extract`` weighs sentences with (``weights.json``).

    python scripts/train_extract.py           # rewrite testerterms/extract/weights.json
    python scripts/train_extract.py --check   # exit 1 when the shipped weights differ

The data is the development corpus carried in ``benchmarks/corpora/claudette-en-dev`` (25
English terms of service, one sentence a line, with sentence labels; CC BY 4.0, see its
README.md). Its categories ``a`` (arbitration), ``ch`` (unilateral change) and ``ter``
(unilateral termination) are the terms ``voice.arbitration``, ``expectations.terms_changes``
and ``access.revocation``. For each whose spotter names features (``voice.arbitration`` is
read by its patterns alone), the examples are the sentences on which that term's spotter
fires (before any weighing), each with the spotter's named features and the cue it read its
value by (:func:`testerterms.extract._core.features_of`), for the values the judge
weighs (:attr:`~testerterms.extract._core.Spotter.judged`); a sentence labelled at level
2 or 3 is a positive, one labelled at level 1 only is left out, every other one is a negative.

The model is a logistic regression over those binary features with an L2 penalty on the
weights (not the bias), fitted by Newton's method from zero to convergence: no random start,
no sampling, so the same corpus and features give the same weights, rounded to 4 decimals.
``benchmarks/extract.py`` fits the same model leaving each document out in turn to measure it
on documents it was not trained on.
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from testerterms.extract._core import SPOTTERS, candidates, features_of  # noqa: E402
from testerterms.extract._judge import WEIGHTS  # noqa: E402

CORPUS = REPO / "benchmarks" / "corpora" / "claudette-en-dev"
"""The development corpus, carried in the repository (CC BY 4.0: see its README.md)."""
CATEGORIES: dict[str, str] = {
    "a": "voice.arbitration",
    "ch": "expectations.terms_changes",
    "ter": "access.revocation",
}
PENALTY = 1.0
"""The L2 penalty on the weights: with a few hundred positives, it keeps a feature seen in a
handful of sentences from deciding alone."""
ATTRIBUTION = (
    "Weights learned by scripts/train_extract.py from claudette-en-dev: 25 English terms of "
    "service with sentence labels from Galassi, Lagioia, Jabłonowska and Lippi, 'Unfair clause "
    "detection in terms of service across multiple languages', Artificial Intelligence and Law, "
    "2024 (https://doi.org/10.1007/s10506-024-09398-7), built on the CLAUDETTE corpus (Lippi et "
    "al., Artificial Intelligence and Law 27, 2019). Licensed under CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/); changes: the labels of three categories "
    "turned into weights of testerterms' features."
)


@dataclass
class Document:
    """One labelled document: its sentences, one a line, and the tags of each line."""

    name: str
    lines: list[str]
    labels: list[set[str]]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def line_starts(self) -> list[int]:
        starts = [0]
        for line in self.lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        return starts

    def level(self, index: int, category: str) -> int:
        """The highest level the line is labelled with in ``category`` (0: not labelled)."""
        levels = [
            int(tag[len(category) :])
            for tag in self.labels[index]
            if tag.startswith(category) and tag[len(category) :].isdigit()
        ]
        return max(levels, default=0)


def load_corpus(folder: Path = CORPUS) -> list[Document]:
    """The documents of ``folder`` in the order of their sorted names."""
    documents = []
    for path in sorted(folder.glob("*.sentences.txt")):
        name = path.name[: -len(".sentences.txt")]
        lines = path.read_text(encoding="utf-8").split("\n")
        tags = (folder / f"{name}.tags.txt").read_text(encoding="utf-8").split("\n")
        tags += [""] * (len(lines) - len(tags))
        documents.append(Document(name, lines, [set(t.split()) for t in tags[: len(lines)]]))
    return documents


Example = tuple[frozenset[str], int]


def examples(document: Document, category: str) -> list[Example]:
    """The sentences of ``document`` that the category's spotter fires on, as (features,
    label); sentences labelled at level 1 only are left out."""
    term = CATEGORIES[category]
    starts = document.line_starts()
    found: list[Example] = []
    for sentence, hits in candidates(document.text, [term]):
        for unit, hit in hits:
            if not unit.weighs(hit.value):
                continue
            index = bisect.bisect_right(starts, sentence.start + hit.start) - 1
            level = document.level(index, category)
            if level == 1:
                continue
            found.append((features_of(unit, sentence, hit), int(level >= 2)))
    return found


def fit(data: Sequence[Example], penalty: float = PENALTY) -> tuple[float, dict[str, float]]:
    """The bias and weights of an L2-penalised logistic regression, by Newton's method."""
    names = sorted({name for features, _ in data for name in features})
    index = {name: i + 1 for i, name in enumerate(names)}  # 0 is the bias
    size = len(names) + 1
    grouped: dict[tuple[tuple[int, ...], int], int] = {}
    for features, label in data:
        key = (tuple(sorted(index[name] for name in features)), label)
        grouped[key] = grouped.get(key, 0) + 1
    rows = [((0, *columns), label, count) for (columns, label), count in sorted(grouped.items())]
    weights = [0.0] * size
    for _ in range(100):
        gradient = [penalty * w for w in weights]
        gradient[0] = 0.0
        hessian = [[0.0] * size for _ in range(size)]
        for i in range(1, size):
            hessian[i][i] = penalty
        hessian[0][0] = 1e-9
        for columns, label, count in rows:
            z = math.fsum(weights[c] for c in columns)
            p = 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
            for c in columns:
                gradient[c] += count * (p - label)
            curvature = count * p * (1.0 - p)
            for a in columns:
                for b in columns:
                    hessian[a][b] += curvature
        step = _solve(hessian, gradient)
        weights = [w - s for w, s in zip(weights, step, strict=True)]
        if max(abs(s) for s in step) < 1e-10:
            break
    return weights[0], {name: weights[index[name]] for name in names}


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """``matrix`` x = ``vector`` by Gaussian elimination with partial pivoting."""
    size = len(vector)
    rows = [[*row, value] for row, value in zip(matrix, vector, strict=True)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        head = rows[col][col]
        for r in range(col + 1, size):
            factor = rows[r][col] / head
            if factor:
                rows[r] = [x - factor * y for x, y in zip(rows[r], rows[col], strict=True)]
    solution = [0.0] * size
    for r in range(size - 1, -1, -1):
        solution[r] = (
            rows[r][size] - math.fsum(rows[r][c] * solution[c] for c in range(r + 1, size))
        ) / rows[r][r]
    return solution


def train(
    documents: Iterable[Document], cache: dict[tuple[str, str], list[Example]] | None = None
) -> dict[str, Any]:
    """The weights document for ``documents`` (``cache`` keeps each document's examples
    between calls, keyed by document name and category)."""
    documents = list(documents)
    terms: dict[str, Any] = {}
    for category, term in CATEGORIES.items():
        if not SPOTTERS[term].features:
            continue  # read by its patterns alone (voice.arbitration: see docs/extract.md)
        data: list[Example] = []
        for document in documents:
            key = (document.name, category)
            if cache is None or key not in cache:
                found = examples(document, category)
                if cache is None:
                    data += found
                    continue
                cache[key] = found
            data += cache[key]
        bias, weights = fit(data)
        terms[term] = {
            "bias": round(bias, 4),
            "weights": {name: round(weight, 4) for name, weight in sorted(weights.items())},
            "examples": len(data),
            "positives": sum(label for _, label in data),
        }
    return {
        "about": ATTRIBUTION,
        "documents": [document.name for document in documents],
        "penalty": PENALTY,
        "terms": terms,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--check", action="store_true", help="exit 1 if weights.json differs")
    args = parser.parse_args(argv)
    fresh = json.dumps(train(load_corpus(args.corpus)), indent=1, ensure_ascii=False) + "\n"
    if args.check:
        if WEIGHTS.read_text(encoding="utf-8") != fresh:
            print(f"{WEIGHTS} is stale: run python scripts/train_extract.py", file=sys.stderr)
            return 1
        return 0
    WEIGHTS.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
