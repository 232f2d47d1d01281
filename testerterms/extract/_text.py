"""The text core: sentences with their offsets, and the clause of a sentence that states a term.

Every offset is into the text as extracted (for a ``.txt`` file, the file's own text), so that
``text[start:end]`` is the quote, verbatim. Spotters match on :attr:`Sentence.plain`, a copy
of the sentence of the same length with typographic quotes, dashes and spaces made plain, so
an offset found there is an offset into the text too.

Sentence boundaries are found with a regular expression and a list of abbreviations rather
than a library: on the 25 labelled documents of ``claudette-en-dev`` (their sentence
boundaries, the documents joined into running text) it finds boundaries with precision 0.997
and recall 0.72, against syntok's 0.965 and 0.76 and pysbd's 0.914 and 0.74, in 0.08 s against
syntok's 1.9 s and pysbd's 21.6 s (the misses are headings with no full stop, which a line
break separates in a real document; see ``benchmarks/extract.py``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

PLAIN: Final = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\t": " ",
    }
)
"""One character for one character, so offsets stay the same."""

# Words a full stop follows without ending a sentence (lower case, inner dots kept).
ABBREVIATIONS: Final = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "inc",
        "ltd",
        "llc",
        "co",
        "corp",
        "jr",
        "sr",
        "st",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "e.u",
        "no",
        "nos",
        "sec",
        "art",
        "para",
        "paras",
        "fig",
        "approx",
        "dept",
        "est",
        "govt",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "pp",
        "vol",
        "ed",
        "u.s.a",
        "a.m",
        "p.m",
        "cf",
        "viz",
        "al",
        "b.v",
        "n.v",
        "s.a",
        "gmbh",
        "pty",
        "plc",
        "s.r.l",
        "k.k",
        "seq",
        "ref",
        "ibid",
        "incl",
        "min",
        "max",
        "av",
        "ave",
        "blvd",
        "rd",
        "ch",
        "cl",
        "sch",
    ]
)

_BOUNDARY: Final = re.compile(r"""[.!?]+['")\]]*(?=\s+['"(\[]?[A-Z0-9\u2022])""")
_WORD_BEFORE: Final = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NUMBER_BEFORE: Final = re.compile(r"(?:^|(?<=\s))\(?\d+(?:\.\d+)*$")
_LIST_ITEM: Final = re.compile(r"\s*(?:[\u2022*\-]\s|\(?[0-9]{1,3}[.)]\s|\(?[a-zA-Z]{1,4}\)\s|#)")
_CONNECTOR_END: Final = re.compile(
    r"(?:[,\-(/]|\b(?:the|a|an|and|or|of|to|in|for|by|with|on|at|from|that|any|all|your|our|"
    r"its|their|this|these|such|as|be|is|are|will|may|shall|not|you|we|which|who|if))$",
    re.IGNORECASE,
)
_HARD_END: Final = re.compile(r"""[.!?:;]['")\]]*$""")
_LETTER: Final = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a text: where it is, and its text verbatim and made plain."""

    start: int
    end: int
    line: int
    """The line its first character is on, from 1."""
    text: str
    """The sentence, verbatim: ``document[start:end]``."""
    plain: str
    """The same text, of the same length, with quotes, dashes and spaces made plain."""


def sentences(text: str) -> Iterator[Sentence]:
    """The sentences of ``text`` in order. A blank line, and a line break after a full stop or
    before a list item or a heading, ends a sentence; a line break inside a wrapped sentence
    does not."""
    plain = text.translate(PLAIN)
    line = 1
    counted = 0
    for block_start, block_end in _blocks(plain):
        for start, end in _split(plain, block_start, block_end):
            line += plain.count("\n", counted, start)
            counted = start
            yield Sentence(start, end, line, text[start:end], plain[start:end])


def _blocks(plain: str) -> Iterator[tuple[int, int]]:
    """Runs of lines that belong together (a paragraph, a list item, a heading)."""
    start = 0
    position = 0
    length = len(plain)
    while position < length:
        newline = plain.find("\n", position)
        if newline < 0:
            break
        current = plain[position:newline].strip()
        following_end = plain.find("\n", newline + 1)
        following = plain[newline + 1 : following_end if following_end >= 0 else length]
        if _hard_break(current, following):
            yield start, newline
            start = newline + 1
        position = newline + 1
    yield start, length


def _hard_break(current: str, following: str) -> bool:
    after = following.strip()
    if not current or not after:
        return True
    if _HARD_END.search(current) or _LIST_ITEM.match(following):
        return True
    if current.isupper():  # a heading in capitals
        return True
    if after[0].islower():
        return False
    if _CONNECTOR_END.search(current):
        return False
    # A long line that stops without punctuation was wrapped; a short one is a heading.
    return len(current) < 50


def _split(plain: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    begin = start
    for match in _BOUNDARY.finditer(plain, start, end):
        if _abbreviation(plain, match.start(), start):
            continue
        yield from _trimmed(plain, begin, match.end())
        begin = match.end()
    yield from _trimmed(plain, begin, end)


def _abbreviation(plain: str, at: int, floor: int) -> bool:
    if plain[at] != ".":
        return False
    before = plain[max(floor, at - 24) : at]
    word = _WORD_BEFORE.search(before)
    if word:
        name = word.group(1).lower().rstrip(".")
        return name in ABBREVIATIONS or len(name) == 1
    number = _NUMBER_BEFORE.search(before)
    if number:  # "1.6." numbering a section, not "in 2024." ending a sentence
        rest = before[: number.start()].rstrip()
        return rest == "" or rest[-1] in ".:;"
    return False


MAX_SENTENCE: Final = 10_000
"""A run of text longer than this with no sentence boundary is cut at a space (a sentence that
long is a list or a table flattened into one line; reading it in pieces keeps the cost of
every pattern in proportion to the text)."""


def _trimmed(plain: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and plain[start].isspace():
        start += 1
    while end > start and plain[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = plain.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        yield from _trimmed(plain, start, cut)
        start = cut
        while start < end and plain[start].isspace():
            start += 1
    if _LETTER.search(plain, start, end):
        yield start, end


# --- the clause that states a term -------------------------------------------------------------

_CLAUSE_BREAK: Final = re.compile(r"[;:](?=\s)|\s(?=\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s)")
_COMMA_BREAK: Final = re.compile(r",(?=\s)")
LONG_QUOTE: Final = 400
"""A clause longer than this is cut further, at commas, around the words that decided."""


def clause(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The part of ``sentence`` that states what lies at ``start:end`` (offsets in the
    sentence): the pieces between semicolons, colons and list markers that hold it, and, for
    a piece longer than :data:`LONG_QUOTE`, only the comma-separated parts that hold it."""
    text = sentence.plain
    starts, ends = _clause_breaks(text)
    before = bisect.bisect_right(ends, start) - 1  # the last break that ends by ``start``
    after = bisect.bisect_left(starts, end, max(before + 1, 0))  # the first at ``end`` or on
    low = ends[before] if before >= 0 else 0
    high = starts[after] if after < len(starts) else len(text)
    if high - low > LONG_QUOTE:
        low, high = _pieces(text, _COMMA_BREAK, low, high, start, end)
    return _tidy(text, low, high)


@lru_cache(maxsize=4)  # the clauses of one sentence are asked for in turn
def _clause_breaks(text: str) -> tuple[list[int], list[int]]:
    """Where each clause break of ``text`` starts and ends (found once, not once a clause:
    a sentence of many clauses costs a pass, not a pass per clause)."""
    found = list(_CLAUSE_BREAK.finditer(text))
    return [match.start() for match in found], [match.end() for match in found]


def _pieces(
    text: str, pattern: re.Pattern[str], low: int, high: int, start: int, end: int
) -> tuple[int, int]:
    first, last = low, high
    for match in pattern.finditer(text, low, high):
        if match.end() <= start:
            first = match.end()
        elif match.start() >= end:
            last = match.start()
            break
    return first, last


def _tidy(text: str, low: int, high: int) -> tuple[int, int]:
    """Without the separators and list markers at its edges."""
    while True:
        lead = re.match(r"[\s,;:]+|\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s*", text[low:high])
        if not lead or lead.end() == 0:
            break
        low += lead.end()
    while high > low and text[high - 1] in " \t\n,;:":
        high -= 1
    return low, high


# --- Markdown to plain text --------------------------------------------------------------------

_MARKDOWN: Final = [
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE), ""),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),
    # Each gap stops at the next opener of its own kind ("[", "(", "*", "_", "`"), so no
    # character is scanned from more than one opener: time in proportion to the text, however
    # many openers are left unclosed ("**x " or "[a" a million times).
    (
        re.compile(r"!?\[([^\[\]\n]{0,500})\]\((?:[^()\n]|\([^()\n]{0,200}\)){0,2000}\)"),
        r"\1",
    ),
    (re.compile(r"\*\*(?=\S)([^*\n]{0,2000}?\S)\*\*"), r"\1"),
    (re.compile(r"__(?=\S)([^_\n]{0,2000}?\S)__"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{0,2000}?\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]{0,2000}?\S)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`\n]{0,2000})`"), r"\1"),
    # once more: "**bold *italic* bold**" and "*italic **bold** italic*" lose the outer marks
    # only once the inner ones are gone
    (re.compile(r"\*\*(?=\S)([^*\n]{0,2000}?\S)\*\*"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{0,2000}?\S)\*(?![\w*])"), r"\1"),
]


def markdown_text(source: str) -> str:
    """Markdown as the words a reader sees: no comments, heading or quote markers, emphasis,
    link targets or code ticks (the offsets of ``extract`` are into this text; a comment
    leaves its line breaks, so every line keeps its number)."""
    source = _without_comments(source)
    for pattern, replacement in _MARKDOWN:
        source = pattern.sub(replacement, source)
    return source


def _without_comments(source: str) -> str:
    """``<!-- ... -->`` removed but for its line breaks, in one pass; an unclosed ``<!--``
    and everything after it stay (a reader sees them too)."""
    parts: list[str] = []
    done = 0
    while True:
        start = source.find("<!--", done)
        end = source.find("-->", start + 4) if start >= 0 else -1
        if end < 0:
            break
        parts.append(source[done:start])
        parts.append("\n" * source.count("\n", start, end))
        done = end + 3
    parts.append(source[done:])
    return "".join(parts)
