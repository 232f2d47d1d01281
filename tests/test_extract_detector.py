"""`extract`'s sentence detector learned from words: weights that ship with their attribution,
are reproduced by the training script, say which words decided, keep or drop what a spotter
read, find with a cautious reading only where the words state a value (never make one); and
the work of reading grows with the text, not faster."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import replace

import pytest

from testerterms.extract import SPOTTERS, read_text
from testerterms.extract._core import Hit, Spot, Spotter, detector_words, readings
from testerterms.extract._detector import WEIGHTS, Detector, grams, load_detectors
from testerterms.extract._text import Sentence

from .conftest import REPO

DETECTED = [term for term, unit in SPOTTERS.items() if unit.judged]


def test_the_corpus_labelled_terms_are_the_ones_a_detector_weighs() -> None:
    assert DETECTED == ["expectations.terms_changes", "voice.arbitration", "access.revocation"]
    assert sorted(load_detectors()) == sorted(DETECTED)
    assert all(SPOTTERS[term].found is not None for term in DETECTED)


def test_the_weights_carry_the_corpus_attribution_and_licence() -> None:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert "CC BY 4.0" in data["about"]
    assert "Galassi" in data["about"] and "CLAUDETTE" in data["about"]
    assert len(data["documents"]) == 25
    assert (REPO / "benchmarks" / "corpora" / "claudette-en-dev" / "LICENSE.txt").is_file()


@pytest.mark.slow
def test_the_training_script_reproduces_the_shipped_detectors() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "train_extract.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_words_are_lower_case_words_and_pairs_with_numbers_as_zero() -> None:
    assert grams("Acme may END it in 30 days.") == {
        *("acme", "may", "end", "it", "in", "0", "days"),
        *("acme may", "may end", "end it", "it in", "in 0", "0 days"),
    }


def test_a_kept_sentence_says_which_words_weighed_most() -> None:
    text = "Acme may suspend or terminate your account at any time, for any reason."
    why = read_text(text).values["access.revocation"].why
    [(sentence, read)] = list(readings(text, ["access.revocation"]))
    [(_, hits)] = read
    detector = load_detectors()["access.revocation"]
    words = detector_words(grams(sentence.plain), hits)
    assert "reads: revocable at will" in words and "any reason" in words
    verdict = detector.weigh(words, detector.keep or 0.0)
    assert len(verdict.deciding) == 3
    for name, weight in verdict.deciding:
        assert f'"{name}" {weight:+.1f}' in why
        assert name in words


def test_a_detector_below_its_threshold_drops_the_sentence_and_never_makes_a_value() -> None:
    sentence = "Acme may terminate your account at any time."
    assert read_text(sentence).values["access.revocation"].value == "at-will"
    against = {"access.revocation": Detector("access.revocation", -50.0, {}, 0.0, 0.0)}
    assert "access.revocation" not in read_text(sentence, detectors=against).values
    favour = {"access.revocation": Detector("access.revocation", 50.0, {}, 0.0, 0.0)}
    for text in ("Please enjoy the beta.", "Your account will be reviewed by our team."):
        assert "access.revocation" not in read_text(text, detectors=favour).values


def test_a_sentence_no_pattern_reads_is_found_only_where_its_words_state_the_value() -> None:
    text = "Termination of your account may occur if you breach these terms."
    [(sentence, [(unit, hits)])] = list(readings(text, ["access.revocation"]))
    assert hits == [] and unit.found is not None
    assert "access.revocation" not in read_text(text, detectors={}).values
    favour = {"access.revocation": Detector("access.revocation", 50.0, {}, 0.0, 0.0)}
    found = read_text(text, detectors=favour).values["access.revocation"]
    assert found.value == "for-cause"
    assert "takes access, for a cause" in found.why and "detector +50.0" in found.why
    never = {"access.revocation": Detector("access.revocation", 50.0, {}, 0.0, None)}
    assert "access.revocation" not in read_text(text, detectors=never).values
    # the same words of taking away with no condition stated: no value to find
    bare = "Termination of your account may occur."
    assert "access.revocation" not in read_text(bare, detectors=favour).values


def test_a_change_after_notice_is_read_by_patterns_alone() -> None:
    unit: Spotter = SPOTTERS["expectations.terms_changes"]
    assert not unit.weighs("with-notice") and unit.weighs("at-will")
    against = {
        "expectations.terms_changes": Detector("expectations.terms_changes", -50.0, {}, 0, 0)
    }
    found = read_text(
        "If we change these terms, we will email you 30 days before the changes take effect.",
        detectors=against,
    )
    assert found.values["expectations.terms_changes"].value == "with-notice"


@pytest.mark.parametrize("term", DETECTED)
def test_the_shipped_detector_keeps_every_example_and_finds_no_counter_example(term: str) -> None:
    unit = SPOTTERS[term]
    for text, value in unit.examples.items():
        assert read_text(text, [term]).values[term].value == value, text
    for text in unit.counter_examples:
        assert term not in read_text(text, [term]).values, text


def test_reading_costs_work_in_proportion_to_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every spotter and cautious reading reads each sentence at most once, every sentence is
    at most 10,000 characters, and a detector weighs only the words of a sentence a spotter
    was cued by: so the characters read grow with the text (counted, not timed)."""
    given: list[int] = []
    for term, unit in list(SPOTTERS.items()):

        def counting(sentence: Sentence, spot: Spot = unit.spot) -> Iterable[Hit]:
            given.append(len(sentence.plain))
            return spot(sentence)

        found = unit.found
        if found is not None:

            def finding(sentence: Sentence, spot: Spot = found) -> Iterable[Hit]:
                given.append(len(sentence.plain))
                return spot(sentence)

            found = finding
        monkeypatch.setitem(SPOTTERS, term, replace(unit, spot=counting, found=found))
    clause = "Acme may suspend or terminate your account at any time, for any reason. "
    hostile = "terminate arbitration change notice confidential " * 20_000  # 1 MB, one line
    for text in (clause * 100, clause * 1000, hostile):
        given.clear()
        read_text(text)
        assert given, "the spotters read the text"
        assert sum(given) <= 2 * len(SPOTTERS) * len(text)
        assert max(given) <= 10_000
