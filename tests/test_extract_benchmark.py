"""`benchmarks/extract.py`'s bounds: what the corpus's labels let a reader reach, counted from
the labels and the spotters' own readings."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from .conftest import REPO


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "extract_benchmark", REPO / "benchmarks" / "extract.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["extract_benchmark"] = module
    spec.loader.exec_module(module)
    return module


def test_a_termination_for_a_cause_that_is_labelled_bounds_the_mapped_sentence_f1(
    bench: ModuleType,
) -> None:
    document = bench.Document(
        "Acme",
        [
            "Acme may terminate your account at any time for any reason.",
            "Acme may suspend your account if you breach these Terms.",
            "Welcome to Acme.",
        ],
        [{"ter3"}, {"ter2"}, set()],
    )
    bound = bench.bounds([document], "ter")
    assert (bound.labelled, bound.for_cause) == (2, 1)
    assert bound.best_mapped == pytest.approx(2 / 3)  # recall 1/2 at precision 1
    assert bound.best_kinds == pytest.approx(2 / 3)
    assert sum(cited for cited, _ in bound.kinds.values()) == 1


def test_the_best_union_of_kinds_leaves_out_a_kind_no_label_backs(bench: ModuleType) -> None:
    document = bench.Document(
        "Acme",
        [
            "All disputes between you and Acme will be resolved by binding arbitration.",
            "These Terms contain an arbitration provision.",
        ],
        [{"a2"}, set()],
    )
    bound = bench.bounds([document], "a")
    assert bound.labelled == 1
    assert len(bound.kinds) == 2
    assert bound.best_kinds == 1.0  # citing the labelled kind alone
    assert bound.for_cause == 0


def test_the_hand_readings_name_only_documents_the_spotters_are_written_from(
    bench: ModuleType,
) -> None:
    """The documents at odd positions are measured, never read: no hand reading names them,
    and every listed `ter` or `ch` sentence is one the corpus labels."""
    documents = bench.load_corpus()
    written = {document.name: document for document in documents[0::2]}
    for category, readings in bench.READ_BY_HAND.items():
        assert set(readings) <= set(written), category
        for name, lines in readings.items():
            for number in lines:
                line = written[name].lines[number - 1]
                if category == "a":
                    assert "arbitra" in line.lower(), (name, number)
                else:
                    assert written[name].level(number - 1, category) >= 2, (name, number)
