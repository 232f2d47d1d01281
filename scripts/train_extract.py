"""Train the sentence detectors ``testerterms extract`` weighs sentences with (``detector.json``).

    python scripts/train_extract.py           # rewrite testerterms/extract/detector.json
    python scripts/train_extract.py --check   # exit 1 when the shipped file differs

The data is the development corpus carried in ``benchmarks/corpora/claudette-en-dev`` (25
English terms of service, one sentence a line, with sentence labels; CC BY 4.0, see its
README.md). Its categories ``a`` (arbitration), ``ch`` (unilateral change) and ``ter``
(unilateral termination) are the terms ``voice.arbitration``, ``expectations.terms_changes``
and ``access.revocation``.

**Examples.** Each document is read as ``extract`` reads it (its lines joined into one text,
cut into sentences by ``extract``'s own segmenter). For each term, an example is a sentence the
detector would weigh at run time: one the term's spotter read a value the detector weighs from
(:attr:`~testerterms.extract._core.Spotter.judged`), or one the spotter read nothing from but
its cautious reading (:attr:`~testerterms.extract._core.Spotter.found`) gives a value. Its
features are its words and word pairs and the cue the spotter read it by
(:func:`testerterms.extract._core.detector_words`); its label is that of the line holding most
of it: level 2 or 3 positive, level 1 only left out, none negative.

**Model.** A logistic regression over the features seen in at least :data:`MIN_DOCUMENTS` of
the training documents, with an L2 penalty (one of :data:`PENALTIES`) on the weights (not the
bias), fitted by L-BFGS from zero to a small gradient: no random start and no sampling, so the
same corpus gives the same weights. Weights are rounded to 3 decimals; those that round to zero
are left out. The spotter's own examples and counter-examples are fitted on too
(:func:`own_examples`; they count as one more document): the catalogue promises a reader those
sentences, in the words of tester programs, which terms of service seldom use.

**Thresholds.** ``keep`` (for sentences the spotter read) and ``find`` (for sentences only the
cautious reading gives a value), and the penalty, are chosen inside the training documents
alone: they are split into :data:`FOLDS` parts by position, each part is weighed by a model
fitted on the others (and the spotter's examples), and the choice that gives the highest sum
of document F1 and sentence F1 over those weighings (as ``benchmarks/extract.py`` counts them)
is kept, the higher on a tie. The tests check that the shipped detectors keep every example.

``benchmarks/extract.py`` runs :func:`train` leaving each document out in turn, so that every
figure it reports for the detectors is for a document neither their weights nor their
thresholds were chosen on.
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import mul
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from testerterms.extract import SPOTTERS  # noqa: E402
from testerterms.extract._core import Hit, Spotter, detector_words, readings  # noqa: E402
from testerterms.extract._detector import WEIGHTS, grams  # noqa: E402
from testerterms.extract._text import Sentence  # noqa: E402

CORPUS = REPO / "benchmarks" / "corpora" / "claudette-en-dev"
"""The development corpus, carried in the repository (CC BY 4.0: see its README.md)."""
CATEGORIES: dict[str, tuple[str, frozenset[Any]]] = {
    "a": ("voice.arbitration", frozenset({True})),
    "ch": ("expectations.terms_changes", frozenset({"at-will", "with-notice"})),
    "ter": ("access.revocation", frozenset({"at-will", "collective"})),
}
"""Each category's term and the values that count as the category (the issue's mapping)."""
PENALTIES: tuple[float, ...] = (1.0, 3.0, 10.0)
"""The L2 penalties on the weights tried (the one chosen is chosen like the thresholds): with
a few dozen to a few hundred positives, a penalty keeps a word seen in a handful of sentences
from deciding alone."""
MIN_DOCUMENTS = 2
"""A word or pair is a feature only if it is in this many training documents: a name or a
phrase one document uses teaches nothing about another."""
FOLDS = 4
"""Parts the training documents are split into to choose the thresholds."""
GRID: tuple[float, ...] = tuple(x / 2 for x in range(-8, 5))
"""The thresholds tried: -4 to 2 by halves (a log-odds of -4 is odds of 1 in 55)."""
ATTRIBUTION = (
    "Weights learned by scripts/train_extract.py from claudette-en-dev: 25 English terms of "
    "service with sentence labels from Galassi, Lagioia, Jabłonowska and Lippi, 'Unfair clause "
    "detection in terms of service across multiple languages', Artificial Intelligence and Law, "
    "2024 (https://doi.org/10.1007/s10506-024-09398-7), built on the CLAUDETTE corpus (Lippi et "
    "al., Artificial Intelligence and Law 27, 2019). Licensed under CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/); changes: the labels of three categories "
    "turned into weights of words and word pairs."
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


def line_of(starts: list[int], start: int, end: int) -> int:
    """The line (from 0) that holds most of ``text[start:end]``: a quote that runs on from a
    heading with no full stop into the sentence below is that sentence's."""
    first = bisect.bisect_right(starts, start) - 1
    last = bisect.bisect_right(starts, max(start, end - 1)) - 1
    if first == last:
        return first
    bounds = [*starts[first + 1 : last + 1], end]
    lows = [start, *bounds[:-1]]
    lengths = [min(end, high) - max(start, low) for low, high in zip(lows, bounds, strict=True)]
    return first + lengths.index(max(lengths))


@dataclass(frozen=True)
class Example:
    """One sentence of a document as a detector meets it."""

    words: frozenset[str]
    line: int
    level: int
    read: tuple[Any, ...]
    """The values the spotter read that the detector weighs (at ``keep``)."""
    found: tuple[Any, ...]
    """The values the cautious reading gives where the spotter read nothing (at ``find``)."""


@dataclass(frozen=True)
class Labelled:
    """A document's examples for one category, what the patterns alone propose in it, and
    its labelled lines."""

    name: str
    examples: tuple[Example, ...]
    fixed: tuple[tuple[Any, int], ...]
    """Values read by patterns alone (never weighed), with their lines."""
    gold: frozenset[int]
    ignored: frozenset[int]


def example(
    unit: Spotter, sentence: Sentence, hits: list[Hit], line: int, level: int
) -> Example | None:
    """``sentence`` as ``unit``'s detector meets it (``hits``: what the spotter read), or None
    where the detector does not weigh it (no value the detector weighs, nothing found)."""
    weighed = tuple(one.value for one in hits if unit.weighs(one.value))
    found: tuple[Any, ...] = ()
    if not hits and unit.found is not None:
        found = tuple(one.value for one in unit.found(sentence))
    if not (weighed or found):
        return None
    return Example(detector_words(grams(sentence.plain), hits), line, level, weighed, found)


def labelled(document: Document, category: str) -> Labelled:
    """The examples of ``document`` for ``category``'s term."""
    term = CATEGORIES[category][0]
    starts = document.line_starts()
    examples: list[Example] = []
    fixed: list[tuple[Any, int]] = []
    for sentence, read in readings(document.text, [term]):
        [(unit, hits)] = read
        line = line_of(starts, sentence.start, sentence.end)
        fixed += [(one.value, line) for one in hits if not unit.weighs(one.value)]
        one = example(unit, sentence, hits, line, document.level(line, category))
        examples += [one] if one is not None else []
    levels = [document.level(i, category) for i in range(len(document.lines))]
    return Labelled(
        document.name,
        tuple(examples),
        tuple(fixed),
        frozenset(i for i, level in enumerate(levels) if level >= 2),
        frozenset(i for i, level in enumerate(levels) if level == 1),
    )


# --- the model -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Model:
    bias: float
    weights: dict[str, float]

    def score(self, words: Iterable[str]) -> float:
        return self.bias + math.fsum(self.weights[w] for w in words if w in self.weights)


def fit_model(documents: Sequence[Labelled], penalty: float) -> Model:
    """The detector fitted on ``documents``' examples (level-1 sentences left out)."""
    seen: dict[str, set[str]] = {}
    data = [(e, d.name) for d in documents for e in d.examples if e.level != 1]
    for example, name in data:
        for word in example.words:
            seen.setdefault(word, set()).add(name)
    names = sorted(word for word, found in seen.items() if len(found) >= MIN_DOCUMENTS)
    index = {word: i for i, word in enumerate(names)}
    rows = [tuple(sorted(index[w] for w in e.words if w in index)) for e, _ in data]
    labels = [int(e.level >= 2) for e, _ in data]
    bias, weights = fit(rows, labels, len(names), penalty)
    rounded = {name: round(w, 3) for name, w in zip(names, weights, strict=True)}
    return Model(round(bias, 3), {name: w for name, w in rounded.items() if w != 0.0})


def fit(
    rows: Sequence[tuple[int, ...]], labels: Sequence[int], size: int, penalty: float
) -> tuple[float, list[float]]:
    """The bias and weights of an L2-penalised logistic regression over binary features
    (``rows``: the indices of each example's features), by L-BFGS from zero."""
    bias_at = size
    data = [((*row, bias_at), label) for row, label in zip(rows, labels, strict=True)]

    def loss_and_gradient(w: list[float]) -> tuple[float, list[float]]:
        gradient = [penalty * x for x in w]
        gradient[bias_at] = 0.0
        parts = [0.5 * penalty * math.fsum(x * x for x in w[:bias_at])]
        for row, label in data:
            z = math.fsum([w[j] for j in row])
            if z >= 0:
                e = math.exp(-z)
                p = 1.0 / (1.0 + e)
                parts.append(math.log1p(e) + (1 - label) * z)
            else:
                e = math.exp(z)
                p = e / (1.0 + e)
                parts.append(math.log1p(e) - label * z)
            for j in row:
                gradient[j] += p - label
        return math.fsum(parts), gradient

    w = [0.0] * (size + 1)
    loss, gradient = loss_and_gradient(w)
    steps: list[tuple[list[float], list[float], float]] = []  # (s, y, 1 / s.y), the last 8
    for _ in range(500):
        if max(map(abs, gradient)) < 1e-5:
            break
        direction = _two_loop(gradient, steps)
        slope = -_dot(gradient, direction)
        step = 1.0
        while True:  # backtracking until the loss falls enough (Armijo)
            trial = [a - step * b for a, b in zip(w, direction, strict=True)]
            trial_loss, trial_gradient = loss_and_gradient(trial)
            if trial_loss <= loss + 1e-4 * step * slope or step < 1e-10:
                break
            step /= 2
        s = [a - b for a, b in zip(trial, w, strict=True)]
        y = [a - b for a, b in zip(trial_gradient, gradient, strict=True)]
        sy = _dot(s, y)
        if sy > 1e-12:
            steps = [*steps[-7:], (s, y, 1.0 / sy)]
        w, loss, gradient = trial, trial_loss, trial_gradient
    return w[bias_at], w[:bias_at]


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    return math.fsum(map(mul, a, b))


def _two_loop(
    gradient: list[float], steps: list[tuple[list[float], list[float], float]]
) -> list[float]:
    """L-BFGS's estimate of the inverse Hessian times ``gradient``."""
    q = list(gradient)
    alphas = []
    for s, y, rho in reversed(steps):
        alpha = rho * _dot(s, q)
        alphas.append(alpha)
        q = [qi - alpha * yi for qi, yi in zip(q, y, strict=True)]
    if steps:
        s, y, _ = steps[-1]
        gamma = _dot(s, y) / _dot(y, y)
    else:
        gamma = 1.0 / max(1.0, math.sqrt(_dot(gradient, gradient)))
    r = [gamma * x for x in q]
    for (s, y, rho), alpha in zip(steps, reversed(alphas), strict=True):
        beta = rho * _dot(y, r)
        r = [ri + si * (alpha - beta) for ri, si in zip(r, s, strict=True)]
    return r


# --- what the detectors propose, counted as the benchmark counts ----------------------------


Scores = Mapping[tuple[str, int], float]
"""A detector's score of each example, by document name and the example's index."""


def proposals(
    document: Labelled, scores: Scores, keep: float, find: float | None
) -> list[tuple[Any, int]]:
    """The values proposed in ``document`` with their lines, in text order of the examples
    (the values read by patterns alone first)."""
    found = list(document.fixed)
    for index, example in enumerate(document.examples):
        score = scores[(document.name, index)]
        if example.read and score >= keep:
            found += [(value, example.line) for value in example.read]
        elif example.found and find is not None and score >= find:
            found += [(value, example.line) for value in example.found]
    return found


def tally(
    category: str, documents: Iterable[Labelled], scores: Scores, keep: float, find: float | None
) -> tuple[list[int], list[int]]:
    """Document and sentence counts (true positives, false positives, misses), as
    ``benchmarks/extract.py`` counts them, of the values proposed at ``keep`` and ``find``."""
    term, mapped = CATEGORIES[category]
    prefer = SPOTTERS[term].prefer
    doc, sent = [0, 0, 0], [0, 0, 0]
    for document in documents:
        found = proposals(document, scores, keep, find)
        cited = {line for value, line in found if value in mapped}
        sent[0] += len(cited & document.gold)
        sent[1] += len(cited - document.gold - document.ignored)
        sent[2] += len(document.gold - cited)
        ranked = sorted(found, key=lambda vl: prefer.index(vl[0]) if vl[0] in prefer else 99)
        predicted = bool(ranked) and ranked[0][0] in mapped
        hit = predicted and bool(cited & document.gold)
        doc[0] += hit
        doc[1] += predicted and not hit
        doc[2] += bool(document.gold) and not hit
    return doc, sent


def f1(counts: Sequence[int]) -> float:
    tp, fp, fn = counts
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def thresholds(
    category: str, documents: Sequence[Labelled], scores: Scores
) -> tuple[float, float | None, float]:
    """The ``keep`` (``-inf``: every sentence the spotter read) and ``find`` (``None``: no
    sentence only the cautious reading gives a value) that give the highest document F1 +
    sentence F1 over ``documents`` weighed by ``scores`` (the higher pair on a tie), ``find``
    no lower than ``keep``; and that sum."""
    best: tuple[float, float, float] | None = None
    chosen: tuple[float, float | None] = (GRID[0], None)
    for keep in (-math.inf, *GRID):
        finds = [f for f in GRID if f >= keep]
        for find in (*finds, None):
            doc, sent = tally(category, documents, scores, keep, find)
            key = (round(f1(doc) + f1(sent), 9), keep, math.inf if find is None else find)
            if best is None or key > best:
                best, chosen = key, (keep, find)
    assert best is not None
    return chosen[0], chosen[1], best[0]


def own_examples(category: str) -> Labelled:
    """The term's spotter's own examples as training examples: each example a spotter reads
    a value the detector weighs from is a positive, each counter-example the cautious reading
    gives a value is a negative. They are the catalogue's promise to a reader, in the words of
    tester programs rather than of terms of service, and no document of the corpus: they are
    fitted on, never counted when thresholds are chosen."""
    unit = SPOTTERS[CATEGORIES[category][0]]
    examples: list[Example] = []
    for text in [*unit.examples, *unit.counter_examples]:
        for sentence, [(_, hits)] in readings(text, [unit.term]):
            level = 3 if any(unit.weighs(one.value) for one in hits) else 0
            one = example(unit, sentence, hits, 0, level)
            examples += [one] if one is not None else []
    return Labelled(f"({unit.term} examples)", tuple(examples), (), frozenset(), frozenset())


def train_term(category: str, documents: Sequence[Labelled]) -> dict[str, Any]:
    """The detector of ``category``'s term fitted on ``documents`` and the spotter's own
    examples (:func:`own_examples`): its penalty and thresholds chosen on weighings of
    ``documents`` in :data:`FOLDS` parts."""
    own = own_examples(category)
    best: tuple[float, float] | None = None
    chosen: dict[str, Any] = {}
    for penalty in PENALTIES:
        model = fit_model([*documents, own], penalty)
        scores: dict[tuple[str, int], float] = {}
        for part in range(FOLDS):
            held = [d for i, d in enumerate(documents) if i % FOLDS == part]
            inner = fit_model(
                [*(d for i, d in enumerate(documents) if i % FOLDS != part), own], penalty
            )
            for document in held:
                for index, example in enumerate(document.examples):
                    scores[(document.name, index)] = inner.score(example.words)
        keep, find, value = thresholds(category, documents, scores)
        if best is None or (value, penalty) > best:
            best = (value, penalty)
            chosen = {
                "bias": model.bias,
                "keep": None if keep == -math.inf else keep,
                "find": find,
                "penalty": penalty,
            }
            chosen["weights"] = dict(sorted(model.weights.items()))
    examples = [e for d in documents for e in d.examples if e.level != 1]
    chosen["examples"] = len(examples)
    chosen["positives"] = sum(e.level >= 2 for e in examples)
    return chosen


def train(
    documents: Iterable[Document], cache: dict[tuple[str, str], Labelled] | None = None
) -> dict[str, Any]:
    """The detectors document for ``documents`` (``cache`` keeps each document's examples
    between calls, keyed by document name and category)."""
    documents = list(documents)
    cache = {} if cache is None else cache
    terms: dict[str, Any] = {}
    for category, (term, _) in CATEGORIES.items():
        examples = []
        for document in documents:
            key = (document.name, category)
            if key not in cache:
                cache[key] = labelled(document, category)
            examples.append(cache[key])
        terms[term] = train_term(category, examples)
    return {
        "about": ATTRIBUTION,
        "documents": [document.name for document in documents],
        "min_documents": MIN_DOCUMENTS,
        "folds": FOLDS,
        "terms": terms,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--check", action="store_true", help="exit 1 if detector.json differs")
    args = parser.parse_args(argv)
    fresh = json.dumps(train(load_corpus(args.corpus)), indent=0, ensure_ascii=False) + "\n"
    if args.check:
        if WEIGHTS.read_text(encoding="utf-8") != fresh:
            print(f"{WEIGHTS} is stale: run python scripts/train_extract.py", file=sys.stderr)
            return 1
        return 0
    WEIGHTS.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
