"""Patterns that answer no at once where a text cannot hold a match.

Python's ``re`` tries a case-insensitive pattern that starts with a word boundary and many
alternative words at every word of the text: it has no quick test for first letters when case
is ignored. A megabyte that repeats a spotter's own words makes every sentence a candidate for
dozens of patterns, and each pattern that finds nothing costs a pass that tries all its words
at every word. But most of those patterns need a word the text does not hold at all ("suspen",
"terminat", "deny" ...). :func:`needs` reads those words from the parsed pattern (never written
by hand, so they cannot drift from it), and a :class:`Pattern` tests them (one substring test
each, on the text lower-cased once) before it runs: it finds exactly what the compiled pattern
finds, and where none of the words is in the text it finds nothing without a pass.

A pattern whose parse names no word that every match needs (a class first, a back-reference)
is run as it is.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, Final, TypeAlias, Union

__all__ = ["Pattern", "Searchable", "folded", "needs"]

# The parser of ``re`` (``re._parser`` from Python 3.11, ``sre_parse`` before): the parse
# tree's shape is the same in every version we support, and anything :func:`_needs` does not
# read names no word (the pattern is then always run), never a guess.
_PARSER: Final[Any] = importlib.import_module(
    "re._parser" if sys.version_info >= (3, 11) else "sre_parse"
)

SHORT: Final = 400
"""Texts shorter than this are searched without testing for the words first."""
_REPEATS: Final = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


def _name(op: Any) -> str:
    return str(op)


_FOLDS: Final = str.maketrans({"\u0307": None, "\u0131": "i", "\u017f": "s"})
"""``str.lower`` and a case-insensitive ``re`` differ on three characters: "İ" lowers to "i"
and a combining dot, and "ı" and "ſ" match "i" and "s" but lower to themselves."""


@lru_cache(maxsize=8)  # the patterns of one sentence are asked about in turn
def folded(text: str) -> str:
    """``text`` lower-cased as a case-insensitive pattern sees it (offsets not kept)."""
    return text.lower().translate(_FOLDS)


def _needs(parsed: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """The best set of words one of which every match of a parsed sequence holds."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in parsed:
        name = _name(op)
        if name == "LITERAL" and av < 128:
            run.append(chr(av).lower())
            continue
        flush()
        found: frozenset[str] | None = None
        if name == "SUBPATTERN" and not av[1]:
            found = _needs(av[3])
        elif name in _REPEATS and av[0] >= 1:
            found = _needs(av[2])
        elif name == "ASSERT":  # what a lookahead or lookbehind sees is in the text
            found = _needs(av[1])
        elif name == "BRANCH":
            branches = [_needs(branch) for branch in av[1]]
            if all(branch is not None for branch in branches):
                found = frozenset().union(*branches)  # type: ignore[arg-type]
        if found:
            candidates.append(found)
    flush()
    if not candidates:
        return None
    return max(candidates, key=lambda words: (min(map(len, words)), -len(words)))


def needs(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Words (lower case) one of which every match of ``pattern`` holds, or None where the
    pattern names none that every match needs (or is not case-insensitive)."""
    return _needs_of(pattern.pattern, pattern.flags)


@lru_cache(maxsize=1024)  # keyed by the pattern's text: a compiled pattern hashes its code
def _needs_of(pattern: str, flags: int) -> frozenset[str] | None:
    if not flags & re.IGNORECASE:
        return None
    try:
        words = _needs(_PARSER.parse(pattern, flags))
    except (re.error, TypeError, ValueError):
        return None
    if words is None:
        return None
    # a word that holds another is found wherever it is: test only the shorter
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


class Pattern:
    """A compiled pattern that is not run on a text holding none of the words it needs: its
    ``search``, ``match`` and ``finditer`` find what ``compiled``'s find. Whether a text holds
    them is remembered for the last text asked about (the spotters ask about one sentence many
    times, at many places)."""

    __slots__ = ("_may", "_needs", "_text", "compiled", "flags", "needs", "pattern")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self.needs = needs(compiled)
        self._needs = _any_of(self.needs)
        self._text: str | None = None
        self._may = True

    def __repr__(self) -> str:
        return f"Pattern({self.compiled!r})"

    def may_match(self, text: str) -> bool:
        """False only where no match can be found anywhere in ``text``. A text shorter than
        :data:`SHORT` is not tested: the pattern costs as little as the test there."""
        if self._needs is None or len(text) < SHORT:
            return True
        if text is not self._text:
            self._text = text
            self._may = _holds(self._needs, text)
        return self._may

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos) if self.may_match(text) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos) if self.may_match(text) else None

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos, endpos) if self.may_match(text) else iter(())


@lru_cache(maxsize=1024)  # patterns that need the same words ask about a sentence once
def _holds(words: str, text: str) -> bool:
    """Whether the folded ``text`` holds a match of ``words`` (the text of an
    :func:`_any_of` pattern: strings hash once, compiled patterns hash their code each time)."""
    return re.compile(words).search(folded(text)) is not None


@lru_cache(maxsize=1024)
def _any_of(words: frozenset[str] | None) -> str | None:
    """A pattern that finds any of ``words`` in a folded text (case as it is, so ``re`` finds
    it by its first letters without trying every place)."""
    if words is None:
        return None
    return "|".join(re.escape(word) for word in sorted(words))


Searchable: TypeAlias = Union[re.Pattern[str], Pattern]  # noqa: UP007 (an alias run on 3.10)
"""What a spotter may search with: a :class:`Pattern` or a plain compiled pattern."""
