"""The catalogue of spotters, and what reading a text with them gives: clauses with provenance.

A spotter is a function decorated with :func:`spotter`: it reads one sentence and yields a
:class:`Hit` for each place the sentence states its term, with the value and the words that
decided it. Its docstring is its documentation (``docs/extract.md`` is made from it): a first
line saying what it looks for, then what each value needs, then its known limits. Its
``examples`` (sentence -> value) and ``counter_examples`` (sentences that must propose
nothing) are its tests.

:func:`read_text` runs every spotter on every sentence and turns each hit into a
:class:`Clause`: the term, the value, the quote (the clause of the sentence that states the
term, verbatim), its offsets into the text, its line, and why. :func:`decide` picks one value
per term from the clauses, by the spotter's ``prefer`` order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Final

from .._checks import NEGATION
from ._judge import Judge, load_judges
from ._patterns import Searchable
from ._text import Sentence, clause, sentences

__all__ = [
    "SPOTTERS",
    "Clause",
    "Extraction",
    "Hit",
    "Spotter",
    "candidates",
    "decide",
    "features_of",
    "read_text",
    "spotter",
]

MAX_TERMS_PER_QUOTE: Final = 3
"""A quote backs at most this many terms (``validate`` warns beyond it)."""
NEGATIVE_VALUES: Final = (False, "none", "no")
SAYS_NO: Final = NEGATION
"""Words that say no. A ``false``, ``none`` or ``no`` is proposed only on a quote that holds
one: what a quote does not say is unknown (the codebook's "Silence"). The same words as
``validate``'s check of such a fact (:data:`testerterms._checks.NEGATION`), so that a draft
passes ``validate --strict``."""


@dataclass(frozen=True)
class Hit:
    """A sentence states a term: the value, where the deciding words are in the sentence
    (``start:end``), and why, in a few words (which cue fired)."""

    value: Any
    start: int
    end: int
    why: str
    narrow: tuple[int, int] | None = None
    """A shorter span that still states the term, used when the clause backs too many terms."""


Spot = Callable[[Sentence], Iterable[Hit]]


@dataclass(frozen=True)
class Spotter:
    """One unit of the catalogue: the term it proposes and how it reads a sentence."""

    term: str
    spot: Spot
    doc: str
    examples: Mapping[str, Any]
    counter_examples: tuple[str, ...]
    prefer: tuple[Any, ...]
    """Where sentences disagree, the value written: the first of these that a sentence
    states (values not listed come after, in text order)."""
    cue: tuple[str, ...]
    """A cheap test: a sentence whose lower-case text holds none of these is not read
    further (word stems, matched as plain substrings)."""
    features: tuple[tuple[str, Searchable], ...] = ()
    """Named patterns a :class:`~testerterms.extract._judge.Judge` weighs, for a spotter
    whose term the development corpus labels (see :mod:`._judge`)."""
    judged: tuple[Any, ...] = ()
    """The values the judge weighs: those the corpus's labels stand for (a change of terms
    after notice is not what "unilateral change" labels, so it is read by patterns alone)."""
    cued: re.Pattern[str] = field(init=False, repr=False, compare=False)
    """Finds any of :attr:`cue` in a lower-case text: one search, not a test per stem."""

    def __post_init__(self) -> None:
        cued = re.compile("|".join(re.escape(stem) for stem in self.cue) or "(?!)")
        object.__setattr__(self, "cued", cued)

    def weighs(self, value: Any) -> bool:
        return bool(self.features) and value in self.judged

    @property
    def summary(self) -> str:
        return self.doc.strip().split("\n\n")[0].replace("\n", " ")


SPOTTERS: dict[str, Spotter] = {}
"""The catalogue, by term (``section.name``), in the order of the model's sections."""


def spotter(
    term: str,
    *,
    cue: Iterable[str],
    examples: Mapping[str, Any],
    counter_examples: Iterable[str],
    prefer: Iterable[Any] = (),
    features: Mapping[str, Searchable] | None = None,
    judged: Iterable[Any] = (),
) -> Callable[[Spot], Spot]:
    """Register the decorated function as the spotter of ``term``."""

    def register(spot: Spot) -> Spot:
        if term in SPOTTERS:
            raise AssertionError(f"two spotters for {term}")
        SPOTTERS[term] = Spotter(
            term=term,
            spot=spot,
            doc=spot.__doc__ or "",
            examples=dict(examples),
            counter_examples=tuple(counter_examples),
            prefer=tuple(prefer),
            cue=tuple(cue),
            features=tuple((features or {}).items()),
            judged=tuple(judged),
        )
        return spot

    return register


@dataclass(frozen=True)
class Clause:
    """A proposal and what it rests on: ``text[start:end] == quote``."""

    term: str
    value: Any
    quote: str
    start: int
    end: int
    line: int
    why: str
    sentence_start: int
    sentence_end: int

    def as_json(self) -> dict[str, Any]:
        value = list(self.value) if isinstance(self.value, tuple) else self.value
        return {
            "term": self.term,
            "value": value,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "why": self.why,
        }


@dataclass(frozen=True)
class Extraction:
    """What reading one text found."""

    text: str
    clauses: tuple[Clause, ...]
    sentences: int
    values: dict[str, Clause] = field(default_factory=dict)
    """The clause chosen for each term found: its value is the term's proposed value."""


# Reported speech: what someone said is not a term the document sets. Terms of service write
# "arbitration according to the rules of the AAA" and "users alleged to infringe", which are
# terms: "according to" counts only before a person or a report, "alleged" only as "alleged
# that" or "allegedly", "said" not as the legal "the said Rules" (ICC's model arbitration clause).
_REPORTED: Final = re.compile(
    r"\baccording\s+to\s+(?:an?\s+|the\s+|some\s+|several\s+|many\s+)?(?:\w+\s+){0,2}?"
    r"(?:reports?|sources?|spokes\w*|statements?|people|testers|artists|participants|employees|"
    r"insiders|members|documents|emails|posts?|letters?|interviews?|press)\b|"
    r"\b(?:(?<!the\s)(?<!such\s)said|says|told|claimed|complained|argued|wrote|reportedly|allegedly)\b|"
    r"\balleged\s+(?:that|in)\b",
    re.IGNORECASE,
)


# A request is not a duty: "should", "we encourage you to", "we ask testers to".
_REQUEST: Final = re.compile(
    r"\b(?:should|encouraged?\s+(?:you\s+|participants\s+|testers\s+)?to|"
    r"ask(?:s|ed)?\s+(?:you|participants|testers|members|researchers)\s+to|"
    r"we\s+recommend|recommended\s+that|invited\s+to)\b",
    re.IGNORECASE,
)


MEMO_CHARS: Final = 1_000
"""A sentence up to this long is read once per text, however often it is repeated."""
MEMO_SENTENCES: Final = 2_048
"""At most this many sentences are remembered at a time (the oldest is forgotten first)."""


def read_text(
    text: str, terms: Iterable[str] | None = None, judges: Mapping[str, Judge] | None = None
) -> Extraction:
    """Every clause of ``text`` that states a covered term (or one of ``terms``), in text
    order, and the value chosen for each term. A spotter with features keeps only the
    sentences its judge weighs at zero or more (``judges``: the shipped weights unless
    given; an empty mapping keeps every sentence).

    What a sentence says depends on its words alone, so a sentence that the text repeats
    word for word (boilerplate, or a hostile text of one clause a megabyte long) is read once
    and its clauses are placed again at each repeat."""
    judges = load_judges() if judges is None else judges
    chosen = _chosen(terms)
    found: list[Clause] = []
    read: dict[str, tuple[Sentence, tuple[Clause, ...]]] = {}
    count = 0
    for sentence in sentences(text):
        count += 1
        earlier = read.get(sentence.text)
        if earlier is not None:
            found += _moved(earlier[1], earlier[0], sentence)
            continue
        hits = _hits(sentence, chosen)
        said = tuple(_clauses(sentence, _judged(sentence, hits, judges))) if hits else ()
        found += said
        if len(sentence.text) <= MEMO_CHARS:
            if len(read) >= MEMO_SENTENCES:
                del read[next(iter(read))]
            read[sentence.text] = (sentence, said)
    clauses = tuple(found)
    return Extraction(text, clauses, count, decide(clauses))


def candidates(
    text: str, terms: Iterable[str] | None = None
) -> Iterator[tuple[Sentence, list[tuple[Spotter, Hit]]]]:
    """Each sentence of ``text`` on which a spotter fired, with its hits, before any judge
    weighs them."""
    chosen = _chosen(terms)
    for sentence in sentences(text):
        hits = _hits(sentence, chosen)
        if hits:
            yield sentence, hits


def _chosen(terms: Iterable[str] | None) -> list[Spotter]:
    return [SPOTTERS[t] for t in terms] if terms is not None else list(SPOTTERS.values())


def _hits(sentence: Sentence, chosen: list[Spotter]) -> list[tuple[Spotter, Hit]]:
    """What the spotters whose cue the sentence holds read from it."""
    if _REPORTED.search(sentence.plain):
        return []
    hits: list[tuple[Spotter, Hit]] = []
    lower = sentence.plain.lower()
    for unit in chosen:
        if unit.cued.search(lower) is None:
            continue
        hits += [(unit, hit) for hit in unit.spot(sentence)]
    return hits


def _judged(
    sentence: Sentence, hits: list[tuple[Spotter, Hit]], judges: Mapping[str, Judge]
) -> list[tuple[Spotter, Hit]]:
    """The hits their judges keep, each kept hit's reason with the judge's."""
    kept: list[tuple[Spotter, Hit]] = []
    for unit, one in hits:
        judge = judges.get(unit.term)
        if judge is not None and unit.weighs(one.value):
            verdict = judge.weigh(features_of(unit, sentence, one))
            if not verdict.kept:
                continue
            one = replace(one, why=f"{one.why}; {verdict.reason()}")
        kept.append((unit, one))
    return kept


def _moved(said: tuple[Clause, ...], first: Sentence, sentence: Sentence) -> Iterator[Clause]:
    """The clauses read from ``first``, placed in ``sentence`` (the same words elsewhere)."""
    shift, lines = sentence.start - first.start, sentence.line - first.line
    for one in said:
        yield Clause(
            term=one.term,
            value=one.value,
            quote=one.quote,
            start=one.start + shift,
            end=one.end + shift,
            line=one.line + lines,
            why=one.why,
            sentence_start=sentence.start,
            sentence_end=sentence.end,
        )


def features_of(unit: Spotter, sentence: Sentence, hit: Hit) -> frozenset[str]:
    """The features of ``unit`` that ``sentence`` has, and the cue its hit was read by
    (``reads: CUE``)."""
    found = {name for name, pattern in unit.features if pattern.search(sentence.plain)}
    found.add("reads: " + hit.why.split(":", 1)[0])
    return frozenset(found)


def _clauses(sentence: Sentence, hits: list[tuple[Spotter, Hit]]) -> Iterator[Clause]:
    spans = [clause(sentence, hit.start, hit.end) for _, hit in hits]
    # One quote backs at most MAX_TERMS_PER_QUOTE terms: past that, a hit is quoted by a
    # shorter span of its own (the words that decided it).
    used: dict[tuple[int, int], int] = {}
    for (unit, hit), span in zip(hits, spans, strict=True):
        if _REQUEST.search(sentence.plain, span[0], hit.end):
            continue  # asked, not required
        for candidate in (span, hit.narrow, (hit.start, hit.end)):
            if candidate is not None and used.get(candidate, 0) < MAX_TERMS_PER_QUOTE:
                span = candidate
                break
        used[span] = used.get(span, 0) + 1
        low, high = span
        quote = sentence.text[low:high]
        if says_absent(hit.value) and not SAYS_NO.search(quote):
            continue
        yield Clause(
            term=unit.term,
            value=hit.value,
            quote=quote,
            start=sentence.start + low,
            end=sentence.start + high,
            line=sentence.line + sentence.plain.count("\n", 0, low),
            why=hit.why,
            sentence_start=sentence.start,
            sentence_end=sentence.end,
        )


def says_absent(value: Any) -> bool:
    """``false``, ``none`` or ``no``: a value that needs a quote saying no."""
    return value is False or (isinstance(value, str) and value in NEGATIVE_VALUES)


def decide(clauses: Iterable[Clause]) -> dict[str, Clause]:
    """One clause per term: the first in text order among those stating the most preferred
    value (see :attr:`Spotter.prefer`; for a list, the clause that names most); a statement
    beats a heading (a clause under 25 characters)."""
    by_term: dict[str, list[Clause]] = {}
    for one in clauses:
        by_term.setdefault(one.term, []).append(one)
    chosen: dict[str, Clause] = {}
    for term, found in by_term.items():
        prefer = SPOTTERS[term].prefer

        def rank(item: tuple[int, Clause], prefer: tuple[Any, ...] = prefer) -> tuple[int, ...]:
            order, candidate = item
            if isinstance(candidate.value, tuple):  # a list: the clause that states most
                place = -len(candidate.value)
            else:
                place = prefer.index(candidate.value) if candidate.value in prefer else len(prefer)
            return (place, len(candidate.quote) < 25, order)

        chosen[term] = min(enumerate(found), key=rank)[1]
    return {term: chosen[term] for term in SPOTTERS if term in chosen}
