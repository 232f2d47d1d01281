"""Words the spotters share: who acts, what negates, what a duty, a right and a request sound
like, and the nouns for outputs, sharing and access. Every pattern is matched on a sentence's
plain text (``Sentence.plain``), case-insensitively, with bounded gaps, so a sentence of any
length costs time in proportion to it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, Final

from .._core import Hit
from .._patterns import SHORT, Pattern, Searchable
from .._text import Sentence


def rx(pattern: str) -> Pattern:
    """``pattern``, case-insensitive, compiled not to run on a sentence that holds none of the
    words every match needs (see :class:`~testerterms.extract._patterns.Pattern`)."""
    return Pattern(re.compile(pattern, re.IGNORECASE))


def led(first: str, pattern: Searchable) -> Pattern:
    """``pattern`` found faster, where every match of it starts with a character of the class
    ``first``: one character is checked before its many alternatives are tried at a place, and
    every match passes that check, so the matches are the same (a pass of "You may withdraw
    from" repeated costs a third to a half)."""
    return rx(f"(?={first})(?:{pattern.pattern})")


def gap(most: int) -> str:
    """Up to ``most`` characters within one clause: no semicolon or colon. A full stop may be
    crossed: inside a sentence it is an abbreviation ("etc.", "U.S."), and the one that ends the
    sentence has nothing after it to match."""
    return rf"[^;:]{{0,{most}}}?"


PARTICIPANT: Final = (
    r"(?:you|participants?|testers?|users?|researchers?|creators?|members?|artists?|"
    r"contributors?|licensees?|hackers?|insiders?|finders?|players?|annotators?|workers?)"
)
WORD: Final = r"(?:(?!(?:not|never|no|nor|neither)\b)\w+\s+)"
"""One word and the space after it, if the word is not a negation: the slot after a modal
verb ("will also be paid") that must not take in "not" ("will not be paid")."""
ORG_WORD: Final = r"(?:we|us|the\s+company|the\s+organi[sz]ation|the\s+provider)"

NEGATION: Final = rx(
    r"\bnot\b|n't\b|\bnever\b|\bno\b|\bnone\b|\bnor\b|\bneither\b|\bwithout\b|\bcannot\b|"
    r"\bno\s+longer\b"
)
PROHIBIT: Final = (
    r"(?:may\s+not|must\s+not|shall\s+not|will\s+not|won't|cannot|can't|can\s+not|"
    r"(?:agree|promise|undertake)s?\s+not\s+to|are\s+not\s+(?:permitted|allowed)\s+to|"
    r"is\s+not\s+(?:permitted|allowed)|do\s+not|don't|never|(?:refrain(?:ing)?|prohibited|"
    r"forbidden|barred)\s+from|prohibits?\s+(?:you|participants|testers)\s+from|avoid|not\s+to)"
)
SHARE: Final = (
    r"(?:shar(?:e|es|ed|ing)|post(?:s|ed|ing)?|publish(?:es|ed|ing)?|disclos(?:e|es|ed|ing|ure)|"
    r"releas(?:e|es|ed|ing)|distribut(?:e|es|ed|ing)|display(?:s|ed|ing)?|upload(?:s|ed|ing)?|"
    r"broadcast(?:s|ing)?|stream(?:s|ed|ing)?|talk(?:s|ed|ing)?\s+about|discuss(?:es|ed|ing)?|"
    r"exhibit(?:s|ed|ing)?|tweet(?:s|ed|ing)?|blog(?:s|ged|ging)?|reveal(?:s|ed|ing)?|"
    r"disseminat(?:e|es|ed|ing)|show(?:s|ed|ing)?|screen(?:s|ed|ing)?)"
)
GATE: Final = (
    r"(?:(?:prior|advance|express|explicit|written|and|formal)\s+){0,3}"
    r"(?:approval|permission|consent|authori[sz]ation|sign-off|clearance)"
)
GATED: Final = r"(?:approved|authori[sz]ed|permitted|cleared|reviewed)"
OUTPUTS: Final = (
    r"(?:outputs?|content|creations?|creative\s+(?:works?|outputs?)|works?|videos?|images?|"
    r"art(?:works?)?|materials?|submissions?|deliverables?|results|generations?|films?|"
    r"recordings?|screen\s*shots?|photos?|pictures?|footage|clips?|findings?|reports?|"
    r"vulnerabilit(?:y|ies)|anything|everything)"
)
FEEDBACK: Final = r"(?:feedback|suggestions?|ideas?|comments?|recommendations?)"

AT_WILL: Final = rx(
    r"\bat\s+any\s+time\b|\banytime\b|\bfor\s+any\s+(?:or\s+no\s+)?reason\b|\bfor\s+no\s+reason\b|"
    r"\b(?:in|at)\s+(?:our|its|their|\w+'s)\s+(?:(?:sole|absolute|own|complete|reasonable)\s+"
    r"(?:and\s+)?)*discretion\b|\bwithout\s+(?:cause|reason)\b|"
    r"\bwith\s+or\s+without\s+(?:cause|reason)\b|\bfor\s+any\s+other\s+(?:\w+\s+){0,2}reason\b|"
    r"\bfor\s+convenience\b|\bfrom\s+time\s+to\s+time\b"
)
"""Words that make a power unconditioned: at any time, for any reason, in its discretion."""

_CLAUSE_START: Final = re.compile(r"[;:]|\(\w{1,4}\)\s")
_PARTICIPANT_SUBJECT: Final = rx(rf"\b{PARTICIPANT}\b")
_OBJECT_BEFORE: Final = rx(
    r"\b(?:give|gives|provide|provides|notify|notifies|send|sends|tell|tells|grant|grants|allow|"
    r"allows|let|pay|pays|offer|offers|inform|informs|to|with|for|from|of|by|ask|asks|invite|"
    r"invites|remind|help|against)\s+$"
)
_ORG_SUBJECT: Final = re.compile(
    r"\b(?:[Ww]e|[Uu]s|[Tt]he\s+[Cc]ompany|[Tt]he\s+[Oo]rgani[sz]ation|[Tt]he\s+[Pp]rovider)\b|"
    r"\b(?!You\b|Your\b|If\b|The\b|This\b|Any\b|All\b|Each\b|In\b|Participants?\b|Testers?\b|"
    r"Users?\b)[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}(?=\s+(?:may|will|shall|must|can|could|"
    r"reserves?|has|have|is|does|retains?|also|alone|at)\b)"
)


def clause_start(plain: str, at: int) -> int:
    """Where the clause holding ``at`` begins (looking back at most 400 characters, so that a
    huge sentence costs no more per call than a normal one). The clause marks are found once
    per sentence, so a sentence of many candidate matches costs one pass and a lookup each."""
    low = max(0, at - 400)
    starts, ends = _clause_marks(plain)
    index = bisect.bisect_right(ends, at) - 1
    return ends[index] if index >= 0 and starts[index] >= low else low


@lru_cache(maxsize=4)  # the spotters read one sentence after another
def _clause_marks(plain: str) -> tuple[list[int], list[int]]:
    """Where each clause mark (a semicolon, a colon, "(a) ") starts and ends; no two overlap."""
    found = list(_CLAUSE_START.finditer(plain))
    return [match.start() for match in found], [match.end() for match in found]


def negated(plain: str, at: int, lookback: int = 50) -> bool:
    """Whether a negation stands shortly before ``at`` in the same clause."""
    low = max(clause_start(plain, at), at - lookback)
    return NEGATION.search(plain, low, at) is not None


_BREAK: Final = re.compile(r"[;:]")


def near(
    pattern: Searchable, head: Searchable, tail: Searchable, text: str, most: int
) -> re.Match[str] | None:
    """``pattern.search(text)`` for a ``pattern`` that is ``head + gap(most) + tail``, without
    trying ``tail`` at each of ``most`` characters after every ``head``: heads and tails are
    each found in one pass, and ``pattern`` runs only on a window where a tail starts at most
    ``most`` characters after a head with no semicolon or colon between (where it matches).
    A text of one head repeated a megabyte long costs three passes, not a pass per head."""
    if len(text) < SHORT:  # a short sentence costs less read at once
        return pattern.search(text)
    starts = [found.start() for found in tail.finditer(text)]
    if not starts:
        return None
    breaks = [found.start() for found in _BREAK.finditer(text)]
    for found in head.finditer(text):
        index = bisect.bisect_left(starts, found.end())
        if index == len(starts) or starts[index] - found.end() > most:
            continue
        stop = bisect.bisect_left(breaks, found.end())
        if stop < len(breaks) and breaks[stop] < starts[index]:
            continue  # the clause ends before the tail
        match = pattern.search(text, found.start(), min(len(text), starts[index] + 200))
        if match is not None:
            return match
    return None


_DUTY_BEFORE: Final = rx(
    r"\b(?:must|shall|will|agrees?\s+to|(?:are|is)\s+(?:required|expected|obliged)\s+to|"
    r"ha(?:ve|s)\s+to|needs?\s+to)\s+(?:\w+\s+)?$"
)
_OPENERS: Final = frozenset({"please", "and", "or", "then", "also", "always", "-", "*", "•"})


def required(plain: str, at: int) -> bool:
    """Whether the verb at ``at`` is a duty: an imperative (nothing before it in its clause but
    "please", "and", a list marker) or after "must", "will", "agree to", "are required to". A
    verb in the present tense ("researchers report vulnerabilities privately") describes a
    practice and is neither."""
    before = plain[clause_start(plain, at) : at]
    if _DUTY_BEFORE.search(before[-60:]):
        return True
    return all(
        word.lower() in _OPENERS or re.fullmatch(r"\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]", word)
        for word in before.split()
    )


def actor(plain: str, at: int) -> str | None:
    """Who acts in the clause before ``at``: ``participant``, ``organization`` or None, by the
    nearest subject word (you, participants; we, the company, a capitalised name)."""
    low = max(clause_start(plain, at), at - 80)
    best: tuple[int, str] | None = None
    for match in _PARTICIPANT_SUBJECT.finditer(plain, low, at):
        if not _OBJECT_BEFORE.search(plain, max(low, match.start() - 12), match.start()):
            best = (match.start(), "participant")
    for match in _ORG_SUBJECT.finditer(plain, low, min(len(plain), at + 40)):
        if match.start() >= at:
            break
        if best is None or match.start() > best[0]:
            best = (match.start(), "organization")
    return best[1] if best else None


def words(sentence: Sentence, start: int, end: int, most: int = 90) -> str:
    """The sentence's own words at ``start:end``, shortened for a reason line."""
    text = " ".join(sentence.text[start:end].split())
    return text if len(text) <= most else text[: most - 3].rstrip() + "..."


def hit(
    sentence: Sentence,
    value: Any,
    start: int,
    end: int,
    cue: str,
    narrow: tuple[int, int] | None = None,
) -> Hit:
    """A hit whose reason names the cue and quotes the words that decided it."""
    return Hit(value, start, end, f'{cue}: "{words(sentence, start, end)}"', narrow)


def span(*matches: re.Match[str] | None) -> tuple[int, int]:
    """From the first match's start to the last one's end (None skipped)."""
    found = [m for m in matches if m is not None]
    return min(m.start() for m in found), max(m.end() for m in found)


ANYWHERE: Final = 2**62
"""The reach of a :class:`Staged` tail that may stand any distance after its head (a head or
gap of words or spaces with no bound on their length): the tail only has to follow in the same
clause."""


_Found = tuple["_Places", list[list["_Places"]], dict[int, tuple[int, "int | None"]]]
"""What a :class:`Staged` search has found in one text: breaks, tails, whole alternatives."""


class Staged:
    """A pattern written as alternatives, some of them pieces far apart (``head``, then each
    later piece within some characters of the head), searched so that a text of one head
    repeated a megabyte long costs a pass per piece, not the pieces' gaps tried at every head.

    ``alternatives`` are regular expressions, joined with ``|`` into :attr:`pattern` (so the
    pattern is the one written before); each is either the text of the alternative (searched
    as it is), or ``(text, head, (most, tail), ...)``: a match of the alternative starts where
    ``head`` matches, and each ``tail`` starts at or after the previous one and at most
    ``most`` characters (summed) after that start, with no semicolon or colon before the last
    (the alternative's gaps cross none, and its pieces hold none). ``head`` and the tails are
    only filters: the alternative itself is matched, at each head that passes them, so
    :meth:`search` finds what ``pattern.search`` finds."""

    def __init__(self, *alternatives: str | tuple[Any, ...]) -> None:
        self.alternatives = alternatives
        texts = [alt if isinstance(alt, str) else alt[0] for alt in alternatives]
        self.pattern = rx("|".join(texts))
        self._alternatives: list[
            tuple[Searchable, Searchable | None, tuple[tuple[int, Searchable], ...]]
        ] = []
        for alt in alternatives:
            if isinstance(alt, str):
                self._alternatives.append((rx(alt), None, ()))
            else:
                text, head, *links = alt
                self._alternatives.append(
                    (
                        rx(text),
                        rx(f"(?={head})"),
                        tuple((most, rx(f"(?={tail})")) for most, tail in links),
                    )
                )

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        if len(text) < SHORT:  # a short sentence costs less read at once than in stages
            return self.pattern.search(text, pos)
        return self._search(text, pos, self._places(text))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """As ``pattern.finditer``, for a pattern that matches no empty text (the pieces are
        found once for the whole text)."""
        if len(text) < SHORT:
            yield from self.pattern.finditer(text)
            return
        places, pos = self._places(text), 0
        while (found := self._search(text, pos, places)) is not None:
            yield found
            pos = max(found.end(), found.start() + 1)

    def _places(self, text: str) -> _Found:
        """Where semicolons and colons stand, where each alternative's tails start (each
        found only as far as a head asks, so a match near the start costs no pass), and where
        each whole alternative was last found (so that ``finditer`` reads the text once for
        it, not once a match)."""
        breaks = _Places(_BREAK, text)
        tails = [[_Places(tail, text) for _, tail in links] for _, _, links in self._alternatives]
        return breaks, tails, {}

    def _search(self, text: str, pos: int, places: _Found) -> re.Match[str] | None:
        breaks, tails, wholes = places
        best: int | None = None
        for index, (pattern, head, _) in enumerate(self._alternatives):
            if head is None:  # whole alternatives first: they bound where the staged ones are
                known = wholes.get(index)  # tried. The first match at or after ``pos`` is the
                # one found from an earlier place, if that one is at or after ``pos``.
                if known is not None and known[0] <= pos and (known[1] is None or known[1] >= pos):
                    start = known[1]
                else:
                    found = pattern.search(text, pos)
                    start = None if found is None else found.start()
                    wholes[index] = (pos, start)
                if start is not None and (best is None or start < best):
                    best = start
        for (pattern, head, links), starts in zip(self._alternatives, tails, strict=True):
            if head is not None:
                at = _first_start(pattern, head, links, starts, breaks, text, pos, best)
                if at is not None:
                    best = at
        return None if best is None else self.pattern.match(text, best)


class _Places:
    """Where a piece (a zero-width lookahead) matches in a text, found in order and only as
    far as asked: the whole text is read at most once, however often it is asked."""

    def __init__(self, piece: Searchable, text: str) -> None:
        self._found = piece.finditer(text)
        self._places: list[int] = []
        self._done = False

    def first(self, at: int) -> int | None:
        """The first place at or after ``at``, or None."""
        while not self._done and (not self._places or self._places[-1] < at):
            found = next(self._found, None)
            if found is None:
                self._done = True
            else:
                self._places.append(found.start())
        index = bisect.bisect_left(self._places, at)
        return self._places[index] if index < len(self._places) else None


def _first_start(
    pattern: Searchable,
    head: Searchable,
    links: tuple[tuple[int, Searchable], ...],
    starts: list[_Places],
    breaks: _Places,
    text: str,
    pos: int,
    before: int | None,
) -> int | None:
    """Where ``pattern`` first matches at or after ``pos`` (and before ``before``), trying it
    only at heads whose tails (starting at ``starts``) follow in reach."""
    end = len(text) if before is None else before
    if any(found.first(pos) is None for found in starts):
        return None
    for found in head.finditer(text, pos):
        at = found.start()
        if at >= end:
            return None
        last, reach = at, at
        for (most, _), places in zip(links, starts, strict=True):
            reach += most
            place = places.first(last)
            if place is None or place > reach:
                break
            last = place
        else:
            stop = breaks.first(at)
            if (stop is None or stop >= last) and pattern.match(text, at):
                return at
    return None
