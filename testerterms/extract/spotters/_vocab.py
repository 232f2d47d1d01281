"""Words the spotters share: who acts, what negates, what a duty, a right and a request sound
like, and the nouns for outputs, sharing and access. Every pattern is matched on a sentence's
plain text (``Sentence.plain``), case-insensitively, with bounded gaps, so a sentence of any
length costs time in proportion to it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any, Final

from .._core import Hit
from .._text import Sentence


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


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
    huge sentence costs no more per call than a normal one)."""
    start = max(0, at - 400)
    for match in _CLAUSE_START.finditer(plain, start, at):
        start = match.end()
    return start


def negated(plain: str, at: int, lookback: int = 50) -> bool:
    """Whether a negation stands shortly before ``at`` in the same clause."""
    low = max(clause_start(plain, at), at - lookback)
    return NEGATION.search(plain, low, at) is not None


_BREAK: Final = re.compile(r"[;:]")


def near(
    pattern: re.Pattern[str], head: re.Pattern[str], tail: re.Pattern[str], text: str, most: int
) -> re.Match[str] | None:
    """``pattern.search(text)`` for a ``pattern`` that is ``head + gap(most) + tail``, without
    trying ``tail`` at each of ``most`` characters after every ``head``: heads and tails are
    each found in one pass, and ``pattern`` runs only on a window where a tail starts at most
    ``most`` characters after a head with no semicolon or colon between (where it matches).
    A text of one head repeated a megabyte long costs three passes, not a pass per head."""
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
        texts = [alt if isinstance(alt, str) else alt[0] for alt in alternatives]
        self.pattern = rx("|".join(texts))
        self._alternatives: list[
            tuple[re.Pattern[str], re.Pattern[str] | None, tuple[tuple[int, re.Pattern[str]], ...]]
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
        return self._search(text, pos, self._places(text))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """As ``pattern.finditer``, for a pattern that matches no empty text (the pieces are
        found once for the whole text)."""
        places, pos = self._places(text), 0
        while (found := self._search(text, pos, places)) is not None:
            yield found
            pos = max(found.end(), found.start() + 1)

    def _places(self, text: str) -> tuple[list[int], list[list[list[int]]]]:
        """Where semicolons and colons stand, and where each alternative's tails start."""
        breaks = [found.start() for found in _BREAK.finditer(text)]
        tails = [
            [[found.start() for found in tail.finditer(text)] for _, tail in links]
            for _, _, links in self._alternatives
        ]
        return breaks, tails

    def _search(
        self, text: str, pos: int, places: tuple[list[int], list[list[list[int]]]]
    ) -> re.Match[str] | None:
        breaks, tails = places
        best: int | None = None
        for (pattern, head, links), starts in zip(self._alternatives, tails, strict=True):
            if head is None:
                found = pattern.search(text, pos)
                if found is not None and (best is None or found.start() < best):
                    best = found.start()
                continue
            at = _first_start(pattern, head, links, starts, breaks, text, pos, best)
            if at is not None:
                best = at
        return None if best is None else self.pattern.match(text, best)


def _first_start(
    pattern: re.Pattern[str],
    head: re.Pattern[str],
    links: tuple[tuple[int, re.Pattern[str]], ...],
    starts: list[list[int]],
    breaks: list[int],
    text: str,
    pos: int,
    before: int | None,
) -> int | None:
    """Where ``pattern`` first matches at or after ``pos`` (and before ``before``), trying it
    only at heads whose tails (starting at ``starts``) follow in reach."""
    end = len(text) if before is None else before
    if any(not found or found[-1] < pos for found in starts):
        return None
    for found in head.finditer(text, pos):
        at = found.start()
        if at >= end:
            return None
        last, reach = at, at
        for (most, _), places in zip(links, starts, strict=True):
            reach += most
            index = bisect.bisect_left(places, last)
            if index == len(places) or places[index] > reach:
                break
            last = places[index]
        else:
            stop = bisect.bisect_left(breaks, at)
            if (stop == len(breaks) or breaks[stop] >= last) and pattern.match(text, at):
                return at
    return None
