"""What reading hostile text costs `extract`: a pattern is not run on a sentence that lacks the
words every match needs, a sentence repeated word for word is read once, and a clause's
breaks are found once a sentence; each finds exactly what the plain way finds (counted and
compared, never timed)."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from testerterms.extract import SPOTTERS, _core, _text, read_text, spotters
from testerterms.extract._patterns import SHORT, Pattern, needs
from testerterms.extract._text import Sentence, clause
from testerterms.extract.spotters._vocab import Staged, rx


def _catalogue_patterns() -> Iterator[Pattern]:
    """Every pattern of the spotters and the core: module constants, the pieces of staged
    patterns, and the judges' features."""
    modules = [
        importlib.import_module(f"testerterms.extract.spotters.{found.name}")
        for found in pkgutil.iter_modules(spotters.__path__)
    ] + [_core]
    seen: set[int] = set()

    def once(pattern: Pattern) -> Iterator[Pattern]:
        if id(pattern) not in seen:
            seen.add(id(pattern))
            yield pattern

    for module in modules:
        for value in vars(module).values():
            if isinstance(value, Pattern):
                yield from once(value)
            elif isinstance(value, Staged):
                yield from once(value.pattern)  # type: ignore[arg-type]
                for whole, head, links in value._alternatives:
                    yield from once(whole)  # type: ignore[arg-type]
                    if head is not None:
                        yield from once(head)  # type: ignore[arg-type]
                    for _, tail in links:
                        yield from once(tail)  # type: ignore[arg-type]
    for unit in SPOTTERS.values():
        for _, feature in unit.features:
            if isinstance(feature, Pattern):
                yield from once(feature)


PATTERNS = list(_catalogue_patterns())
WORDS = sorted(
    {
        word.strip(".,;:")
        for unit in SPOTTERS.values()
        for text in unit.examples
        for word in text.split()
    }
    | {stem for unit in SPOTTERS.values() for stem in unit.cue}
    | {"İ", "ı", "ſ", "\u212a", "İNFORMATİON", "ſhare", "dıscontinue", "\u212aeep", "30", ";", ":"}
)


def test_the_catalogue_is_compiled_to_skip_sentences_that_lack_its_words() -> None:
    assert len(PATTERNS) > 150
    guarded = [pattern for pattern in PATTERNS if pattern.needs is not None]
    assert len(guarded) >= 0.9 * len(PATTERNS)


def test_the_words_a_pattern_needs_are_read_from_the_pattern() -> None:
    assert needs(re.compile(r"\b(?:suspend|terminat)\w*\s+(?:your|the)", re.I)) == {
        "suspend",
        "terminat",
    }
    # the longest word of a sequence; a word that holds another is not tested again
    assert needs(re.compile(r"\bmay\s+(?:not|never)\s+share\b", re.I)) == {"share"}
    assert needs(re.compile(r"\b(?:no|none|not)\b", re.I)) == {"no"}
    # nothing that every match needs: a class first, an optional word, an alternative of none
    assert needs(re.compile(r"[a-z]+\d", re.I)) is None
    assert needs(re.compile(r"(?:notice)?\d+", re.I)) is None
    assert needs(re.compile(r"notice|\d+", re.I)) is None
    assert needs(re.compile(r"notice")) is None  # only case-insensitive patterns are read


def _finds_the_same(words: list[str]) -> None:
    text = "the " * (SHORT // 4) + " ".join(words)  # long enough to be tested for words
    for pattern in PATTERNS:
        ours, plain = pattern.search(text), pattern.compiled.search(text)
        assert (ours and ours.span()) == (plain and plain.span()), pattern.pattern[:60]
        assert [m.span() for m in pattern.finditer(text)][:3] == [
            m.span() for m in pattern.compiled.finditer(text)
        ][:3]


_TEXTS = st.lists(st.sampled_from(WORDS), min_size=60, max_size=400)


@settings(max_examples=5, deadline=None)
@given(_TEXTS)
def test_a_pattern_finds_exactly_what_its_compiled_pattern_finds(words: list[str]) -> None:
    """Over texts made of the spotters' own words and the letters a case-insensitive match
    folds differently from ``str.lower`` ("İ", "ı", "ſ", the Kelvin sign), every pattern of
    the catalogue finds the same first matches as its compiled pattern, including where it
    skips the text."""
    _finds_the_same(words)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_a_pattern_finds_exactly_what_its_compiled_pattern_finds_over_many_texts(
    words: list[str],
) -> None:
    _finds_the_same(words)


def test_letters_folded_apart_from_lower_case_still_count_as_the_word() -> None:
    pad = " filler" * (SHORT // 7 + 1)
    for word, text in (
        ("information", "İNFORMATİON"),
        ("is", "ıs"),
        ("share", "ſhare"),
        ("keep", "\u212aeep"),
    ):
        pattern = rx(rf"\b{word}\b")
        assert pattern.search(pad + " " + text + pad) is not None, text


class _Runs:
    """Counts the sentences longer than :data:`SHORT` each compiled pattern is run over."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.run: set[int] = set()
        for pattern in PATTERNS:
            monkeypatch.setattr(pattern, "compiled", self._counting(pattern.compiled))

    def _counting(self, compiled: re.Pattern[str]) -> object:
        runs = self

        class Counting:
            pattern, flags = compiled.pattern, compiled.flags

            def _seen(self, text: str) -> None:
                if len(text) >= SHORT:
                    runs.run.add(id(compiled))

            def search(self, text: str, *args: int) -> re.Match[str] | None:
                self._seen(text)
                return compiled.search(text, *args)

            def match(self, text: str, *args: int) -> re.Match[str] | None:
                self._seen(text)
                return compiled.match(text, *args)

            def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
                self._seen(text)
                return compiled.finditer(text, *args)

        return Counting()


@pytest.mark.parametrize(
    "opening",
    [
        "Acme may modify or discontinue the Program ",
        "Acme may discontinue the Program at any time ",
        "You may withdraw from ",
        "These terms may only be amended by a ",
    ],
)
def test_a_long_sentence_of_one_opening_runs_only_the_patterns_whose_words_it_holds(
    opening: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A megabyte that repeats one opening ran every pattern of every spotter whose cue it
    holds over each 10,000-character piece (2.2-2.4 s a megabyte for the first two). Now a
    pattern runs only where the piece holds one of the words every match of it needs: at
    most a fifth of the catalogue runs on such a piece (counted on 30,000 characters)."""
    runs = _Runs(monkeypatch)
    text = (opening * (30_000 // len(opening) + 1))[:30_000]
    read_text(text)
    assert len(runs.run) <= len(PATTERNS) // 5, len(runs.run)


def test_a_sentence_repeated_word_for_word_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """One clause a thousand times (and across line breaks) is read by the spotters once;
    its clauses are placed at every repeat, quoting the text at their own offsets and
    lines."""
    read: list[str] = []
    for term, unit in list(SPOTTERS.items()):

        def counting(sentence: Sentence, spot: object = unit.spot) -> object:
            read.append(sentence.text)
            return spot(sentence)  # type: ignore[operator]

        monkeypatch.setitem(SPOTTERS, term, replace(unit, spot=counting))
    sentence = "Acme may suspend or terminate your account at any time, for any reason."
    text = "\n".join(f"{sentence} {sentence}" for _ in range(500))
    found = read_text(text)
    assert set(read) == {sentence}
    assert len(read) <= len(SPOTTERS)  # each spotter once, not once a repeat
    revocation = [c for c in found.clauses if c.term == "access.revocation"]
    assert len(revocation) == 1_000
    for number, one in enumerate(revocation):
        assert text[one.start : one.end] == one.quote
        assert one.line == number // 2 + 1
        assert text[one.sentence_start : one.sentence_end] == sentence


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Acme may terminate your account at any time.",
                "We may change these Terms at any time.",
                "You may withdraw from the Study at any time without penalty.",
                "Acme will pay you $40 per hour.",
                "Lunch is at noon.",
                "You may not share screenshots without our prior written approval.",
                "\n",
                "\n\n",
            ]
        ),
        max_size=40,
    )
)
def test_reading_a_repeated_sentence_once_changes_no_clause(parts: list[str]) -> None:
    text = " ".join(parts)
    remembered = read_text(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_core, "MEMO_CHARS", -1)  # nothing remembered: every sentence read
        forgotten = read_text(text)
    assert remembered.clauses == forgotten.clauses
    assert remembered.sentences == forgotten.sentences


_PIECES = ["you may", "share", ";", ":", "(a)", "(iv)", "(12)", "the report", ",", "notice", "x"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=60), st.data())
def test_a_clause_is_cut_at_the_breaks_found_once_as_at_breaks_searched_each_time(
    pieces: list[str], data: st.DataObject
) -> None:
    plain = " ".join(pieces)
    start = data.draw(st.integers(0, len(plain) - 1))
    end = data.draw(st.integers(start + 1, len(plain)))
    sentence = Sentence(0, len(plain), 1, plain, plain)
    low, high = _text._pieces(plain, _text._CLAUSE_BREAK, 0, len(plain), start, end)
    if high - low > _text.LONG_QUOTE:
        low, high = _text._pieces(plain, _text._COMMA_BREAK, low, high, start, end)
    assert clause(sentence, start, end) == _text._tidy(plain, low, high)


def test_a_sentence_of_many_clauses_is_searched_for_breaks_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    passes = [0]
    breaks = _text._CLAUSE_BREAK

    class Counting:
        def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
            passes[0] += 1
            return breaks.finditer(text, *args)

    monkeypatch.setattr(_text, "_CLAUSE_BREAK", Counting())
    _text._clause_breaks.cache_clear()
    plain = "; ".join(f"clause {number} says little" for number in range(2_000))
    sentence = Sentence(0, len(plain), 1, plain, plain)
    for at in range(0, len(plain) - 10, 97):
        clause(sentence, at, at + 5)
    _text._clause_breaks.cache_clear()
    assert passes[0] == 1


@pytest.mark.parametrize(
    "prefix",
    [
        "We reserve the right to close ",
        "You retain ownership of ",
        "You retain ownership of the ",
        "You hereby assign to Acme all right, ",
        "You hereby assign to Acme all right, title and interest in ",
    ],
)
def test_ownership_and_passive_revocation_are_tried_only_where_every_piece_follows(
    prefix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "You retain ownership of" and "assign ... all right" open ownership's patterns, whose
    word for what participants make (a long list) was tried at each of 60-100 characters after
    every opening: 1.4-1.7 s a megabyte; "we reserve the right to close" tried a power to
    revoke at every "reserve", and an access that "may be" ended at every "right". Those are
    now matched only where their later pieces follow in the clause: the places tried are
    counted (not timed)."""
    from testerterms.extract.spotters import access

    from .test_extract_hostile import _count_tries

    tried = _count_tries(monkeypatch)
    access._revoking.cache_clear()
    text = (prefix * (12_000 // len(prefix) + 1))[:12_000]
    read_text(text)
    access._revoking.cache_clear()
    assert tried[0] <= 5, prefix
    # the same patterns still find what they are written for
    assert read_text("You retain ownership of the videos you create.").values
    assert read_text("You hereby assign to Acme all right and title in the videos.").values
    assert read_text("Your access may be revoked at any time.").values


def test_a_staged_pattern_reads_the_text_once_for_each_whole_alternative(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``Staged.finditer`` looked for each whole alternative again from every match: a
    sentence of 230 matches read the text 230 times for an alternative found nowhere. Where a
    whole alternative was last found is kept, so it is searched about once a text, and the
    matches are those of the joined pattern (counted, not timed)."""
    from testerterms.extract.spotters._vocab import ANYWHERE, gap

    staged = Staged(
        (r"\bfoo" + gap(20) + r"\bbar\b", r"\bfoo", (ANYWHERE, r"\bbar\b")),
        r"\bqux\b",
    )
    whole = staged._alternatives[1][0]
    searched = [0]
    compiled = whole.compiled  # type: ignore[union-attr]

    class Counting:
        pattern, flags = compiled.pattern, compiled.flags

        def search(self, text: str, *args: int) -> re.Match[str] | None:
            searched[0] += 1
            return compiled.search(text, *args)

    monkeypatch.setattr(whole, "compiled", Counting())
    text = "qux " + "foo and bar " * 500
    found = [match.span() for match in staged.finditer(text)]
    assert found == [match.span() for match in staged.pattern.finditer(text)]
    assert len(found) == 501
    assert searched[0] <= 2


def test_revocation_weighs_a_bounded_number_of_places_in_one_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each place a pattern of revocation matches is weighed (who acts, what is taken: a dozen
    small searches). A sentence of "you may withdraw from the study" 10,000 characters long
    holds 230 such places, each the participant's own right to leave; a sentence is now
    weighed at its first MOST_PLACES places of each pattern (no real sentence holds more than
    4), so a megabyte of them costs a bounded number of weighings a sentence."""
    from testerterms.extract.spotters import access

    weighed = [0]
    negated = access.negated

    def counting(text: str, at: int, lookback: int = 50) -> bool:
        weighed[0] += 1
        return negated(text, at, lookback)

    monkeypatch.setattr(access, "negated", counting)
    access._revoking.cache_clear()
    opening = "You may withdraw from the Study at any time "
    text = (opening * (10_000 // len(opening)))[:9_990]
    read_text(text)
    access._revoking.cache_clear()
    assert 0 < weighed[0] <= 4 * 32 + 10
    # a place past the first MOST_PLACES of another pattern is still weighed
    assert read_text("You may withdraw from the Study. Acme may terminate your account.").values
