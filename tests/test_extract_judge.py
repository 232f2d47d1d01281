"""`extract`'s learned judge: weights that ship with their attribution, name only the features
the spotters declare, are reproduced by the training script, say which words decided, and
never make a value; and the work of reading grows with the text, not faster."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import replace

import pytest

from testerterms.extract import SPOTTERS, read_text
from testerterms.extract._core import Hit, Spot, Spotter, candidates, features_of
from testerterms.extract._judge import KEEP_FROM, WEIGHTS, Judge, load_judges
from testerterms.extract._text import Sentence

from .conftest import REPO

JUDGED = [term for term, unit in SPOTTERS.items() if unit.features]


def test_the_corpus_labelled_terms_are_the_ones_a_judge_weighs() -> None:
    assert JUDGED == ["expectations.terms_changes", "access.revocation"]
    assert sorted(load_judges()) == sorted(JUDGED)


def test_the_weights_carry_the_corpus_attribution_and_licence() -> None:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert "CC BY 4.0" in data["about"]
    assert "Galassi" in data["about"] and "CLAUDETTE" in data["about"]
    assert len(data["documents"]) == 25
    assert (REPO / "benchmarks" / "corpora" / "claudette-en-dev" / "LICENSE.txt").is_file()


@pytest.mark.parametrize("term", JUDGED)
def test_every_weight_names_a_declared_feature_or_cue(term: str) -> None:
    unit = SPOTTERS[term]
    declared = {name for name, _ in unit.features}
    for name in load_judges()[term].weights:
        assert name in declared or name.startswith("reads: "), name


@pytest.mark.slow
def test_the_training_script_reproduces_the_shipped_weights() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "train_extract.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_a_kept_sentence_says_which_features_weighed_most() -> None:
    text = "Acme may suspend or terminate your account at any time, for any reason."
    why = read_text(text).values["access.revocation"].why
    [(sentence, hits)] = list(candidates(text, ["access.revocation"]))
    unit, hit = hits[0]
    judge = load_judges()["access.revocation"]
    verdict = judge.weigh(features_of(unit, sentence, hit))
    assert verdict.reason() in why
    assert len(verdict.deciding) == 3
    for name, weight in verdict.deciding:
        assert f'"{name}" {weight:+.1f}' in why
        assert name in features_of(unit, sentence, hit)


def test_a_judge_below_its_threshold_drops_the_sentence_and_never_makes_a_value() -> None:
    sentence = "Acme may terminate your account at any time."
    assert read_text(sentence).values["access.revocation"].value == "at-will"
    against = {"access.revocation": Judge("access.revocation", KEEP_FROM - 5.0, {})}
    assert "access.revocation" not in read_text(sentence, judges=against).values
    favour = {"access.revocation": Judge("access.revocation", 50.0, {})}
    assert "access.revocation" not in read_text("Please enjoy the beta.", judges=favour).values


def test_a_change_after_notice_is_read_by_patterns_alone() -> None:
    unit: Spotter = SPOTTERS["expectations.terms_changes"]
    assert not unit.weighs("with-notice") and unit.weighs("at-will")
    against = {"expectations.terms_changes": Judge("expectations.terms_changes", -50.0, {})}
    found = read_text(
        "If we change these terms, we will email you 30 days before the changes take effect.",
        judges=against,
    )
    assert found.values["expectations.terms_changes"].value == "with-notice"


def test_features_are_the_named_patterns_found_and_the_cue() -> None:
    text = "We may suspend your account at any time without notice."
    [(sentence, hits)] = list(candidates(text, ["access.revocation"]))
    unit, hit = next((u, h) for u, h in hits if u.term == "access.revocation")
    features = features_of(unit, sentence, hit)
    assert {"at any time", "an account", "without notice", "may"} <= features
    assert "reads: revocable at will" in features


def test_reading_costs_work_in_proportion_to_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every spotter reads each sentence at most once, every sentence is at most 10,000
    characters, and the judge weighs only the hits: so the characters the spotters are given
    grow with the text (counted, not timed)."""
    given: list[int] = []
    for term, unit in list(SPOTTERS.items()):

        def counting(sentence: Sentence, spot: Spot = unit.spot) -> Iterable[Hit]:
            given.append(len(sentence.plain))
            return spot(sentence)

        monkeypatch.setitem(SPOTTERS, term, replace(unit, spot=counting))
    clause = "Acme may suspend or terminate your account at any time, for any reason. "
    hostile = "terminate arbitration change notice confidential " * 20_000  # 1 MB, one line
    for text in (clause * 100, clause * 1000, hostile):
        given.clear()
        read_text(text)
        assert given, "the spotters read the text"
        assert sum(given) <= len(SPOTTERS) * len(text)
        assert max(given) <= 10_000
