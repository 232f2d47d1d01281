"""Access: how it is taken away, and whether notice comes first."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Final

from .._core import Hit, spotter
from .._text import Sentence
from ._vocab import (
    ANYWHERE,
    AT_WILL,
    NEGATION,
    PARTICIPANT,
    Staged,
    actor,
    gap,
    hit,
    led,
    negated,
    rx,
)

REVOKE: Final = (
    r"(?:suspend(?:s|ed|ing)?|terminat(?:e|es|ed|ing)|revok(?:e|es|ed|ing)|remov(?:e|es|ed|ing)|"
    r"cancel(?:s|led|ed|ling|ing)?|discontinu(?:e|es|ed|ing)|disabl(?:e|es|ed|ing)|"
    r"deactivat(?:e|es|ed|ing)|ban(?:s|ned|ning)?|block(?:s|ed|ing)?|restrict(?:s|ed|ing)?|"
    r"deny|denies|denied|denying|clos(?:e|es|ed|ing)|ceas(?:e|es|ed|ing)|paus(?:e|es|ed|ing)|"
    r"delet(?:e|es|ed|ing)|withdraw(?:s|n)?|expel(?:s|led)?|end|ends|ended|cut\s+off|"
    r"exclud(?:e|es|ed|ing)|stop\s+(?:providing|offering))"
)
_NOUN: Final = (
    r"(?:termination|suspension|removal|ban|banning|cancellation|deactivation|closure|"
    r"exclusion|being\s+banned|being\s+suspended|being\s+removed)"
)
_ACCESS_OBJECT: Final = (
    r"(?:(?:your|their|his\s+or\s+her|any\s+user'?s?|participants'?|the\s+participant'?s?|all|"
    r"any|the|this|these)\s+(?:\w+\s+){0,3}?(?:accounts?|access|participation|membership|registration|"
    r"privileges|use\s+of|rights?\s+to\s+(?:use|access|participate)|licen[cs]es?|permission\s+to\s+use|"
    r"ability\s+to\s+use|invitations?|credentials|api\s+keys?|subscriptions?)|"
    r"(?:this|the)\s+agreement|these\s+terms|(?:its|our|the)\s+relationship\s+with\s+you|"
    r"accounts\b|access\b|you\b|users?\b|participants?\b|testers?\b|members?\b|anyone\b)"
)
_PROGRAM_OBJECT: Final = (
    r"(?:(?:the|our|its|this|any|all|some\s+or\s+all\s+of\s+(?:the|our)|any\s+or\s+all\s+"
    r"aspects\s+of\s+the)\s+)?(?:[\w-]+\s+){0,3}?(?:program(?:me)?s?|services?|site|website|beta|software|"
    r"testing\s+programs?|study|studies|preview|platform|app|feeds?|solution)\b"
)
_PROGRAM_NOUN: Final = (
    r"(?:program(?:me)?s?|services?|site|website|beta|software|testing\s+programs?|study|"
    r"studies|preview|platform|app|feeds?|solution)\b"
)
_POWER: Final = (
    r"(?:may|might|can|could|will|shall|reserves?\s+(?:all\s+)?(?:the\s+)?rights?|"
    r"retains?\s+the\s+right|is\s+entitled|ha(?:s|ve)\s+the\s+right|at\s+its\s+option)"
)
_ACTIVE: Final = Staged(
    (
        rf"\b{_POWER},?\s+(?:[\w()']+,?\s+){{0,10}}?{REVOKE}\b,?\s+(?:[\w-]+,?\s+){{0,8}}?"
        rf"(?:{_ACCESS_OBJECT}|{_PROGRAM_OBJECT})",
        rf"\b{_POWER}",
        (800, rf"{REVOKE}\b"),
        (
            800,
            r"\b(?:account|access|participation|membership|registration|privileges|use\s+of|"
            r"rights?\s+to\s+(?:use|access|participate)|licen[cs]e|permission\s+to\s+use|"
            r"ability\s+to\s+use|invitation|credentials|"
            r"api\s+key|subscription|agreement|terms|relationship|you\b|user|participant|tester|"
            r"member|anyone|program|service|site|website|beta|software|testing|stud|preview|"
            r"platform|app|feed|solution)",
        ),
    ),
)
"""A power to take access away: the power, the verb within ten words, what it takes within
eight more; searched in stages (see :class:`~._vocab.Staged`)."""
_ACTION: Final = rx(
    r"\b(?:take|taking)\s+(?:\w+\s+|\(\w+\s+\w+\)\s+){0,3}?actions?\b"
    + gap(120)
    + r"\b(?:including|such\s+as|by)\b"
    + gap(100)
    + rf"\b(?:{REVOKE}|{_NOUN})\b|"
    r"\bpolicy\b" + gap(80) + rf"\bto\s+{REVOKE}\s+(?:the\s+)?(?:\w+\s+)?accounts?\b"
)
_PASSIVE: Final = Staged(
    (
        r"\b(?:accounts?|access|participation|membership|registration|rights?|licen[cs]es?|"
        r"permission)\b"
        + gap(60)
        + rf"\b(?:may|will|shall|can|could)\s+(?:also\s+|immediately\s+|automatically\s+|"
        rf"then\s+)*(?:be\s+)?(?:\w+,?\s+(?:or\s+|and\s+)?){{0,3}}?(?:{REVOKE}|expire)\b",
        r"\b(?:accounts?|access|participation|membership|registration|rights?|licen[cs]es?|"
        r"permission)\b",
        (ANYWHERE, r"\b(?:may|will|shall|can|could)\s"),
    ),
    (
        r"\b(?:licen[cs]es?|rights?|permission)\s+(?:granted\s+)?(?:\w+\s+){0,6}?"
        r"(?:will\s+|shall\s+)?(?:automatically\s+)?(?:terminate|expire)s?\b",
        r"\b(?:licen[cs]es?|rights?|permission)\s",
        (ANYWHERE, r"(?:terminate|expire)"),
    ),
    r"\bhave\s+(?:his\s+or\s+her\s+|their\s+|your\s+)?(?:\w+\s+)?(?:membership|account|access)\s+"
    r"(?:\w+\s+)?(?:terminated|suspended|revoked|cancell?ed|closed)",
    rf"\b(?:you|they)\s+(?:may|will|can)\s+(?:also\s+)?be\s+(?:\w+\s+)?{REVOKE}\b",
    (
        rf"\b{_PROGRAM_NOUN}" + gap(40) + rf"\b(?:may|can|could)\s+(?:\w+,?\s+){{0,5}}?"
        rf"(?:be\s+)?{REVOKE}",
        rf"\b{_PROGRAM_NOUN}",
        (ANYWHERE, r"\b(?:may|can|could)\s"),
    ),
)
"""Access or a licence said to end, searched in stages: a word for access is tried only where
a modal verb (or "terminate", "expire") follows in the clause."""
_REVOKE_WORD: Final = rx(REVOKE)
"""A verb of :data:`REVOKE`, searched within a match (compiled once, not looked up in ``re``'s
cache at every match of a sentence that holds hundreds)."""
_PASSIVE_BEFORE: Final = re.compile(r"\bbe\b|\bbeing\b|\bhave\b")
_RESULT: Final = rx(r"\b(?:result|results|resulting)\s+in\b|\blead\s+to\b|\bgrounds\s+for\b")
_RESULT_NOUN: Final = rx(
    rf"\b(?:result\w*\s+in|lead\s+to|grounds\s+for),?\s+(?:[\w,/-]+\s+){{0,6}}?"
    rf"(?:{_NOUN}|your\s+(?:\w+\s+){{0,3}}?(?:account|access)\s+being\s+\w+)|"
    r"\bconsequences\b" + gap(80) + r"\b(?:loss\s+of\s+(?:\w+\s+){0,2}?(?:privileges|access)|"
    rf"{_NOUN})\b"
)
_AFTERMATH: Final = rx(
    r"\bsurviv\w*|\bupon\s+(?:the\s+|any\s+)?(?:termination|cancellation|expiration)|"
    r"\bconsequences\s+of\s+termination|\b(?:following|after)\s+(?:any\s+|the\s+)?termination|"
    r"\bnot\s+be\s+liable\b|\bno\s+liability\b|\bhow\s+to\s+terminate\b|\bin\s+error\b|"
    r"\bcooling-off\b|\bcancellation\s+period\b|\brefund\b"
)
_FOR_CAUSE: Final = rx(
    r"\bif\s+(?:you|we|\w+\s+(?:reasonably\s+)?(?:believes|suspects|determines))|"
    r"\bin\s+the\s+event\s+(?:of|that)\b|\bfor\s+(?:cause|violat\w*|breach\w*|misuse|abuse|"
    r"fraud\w*|failure)\b|\b(?:violat|breach|infring|abus|misus|fraud|inactiv|repeat)\w*|"
    r"\bfail(?:ure|s)?\s+to\s+comply|\bresult\w*\s+in\b|\blead\s+to\b|\bdue\s+to\b|"
    r"\bwhere\s+(?:we|\w+)\s+(?:are\s+)?required\b|\bgood\s+reason\b|\bjustified\s+reason\b|"
    r"\bconsequences?\b|"
    r"\b(?:if|unless|in\s+case)\b"
)
_FOR_CAUSE_LED: Final = led("[ifvbamrldwgjcu]", _FOR_CAUSE)  # the first letters of its words

_COLLECTIVE: Final = rx(
    r"\b(?:paus|suspend|end|terminat|cut|revok|den(?:y|ied))\w*\s+(?:\w+\s+){0,2}?"
    r"(?:all\s+(?:test\s+)?access|access\s+for\s+(?:all|everyone)|"
    r"(?:all|every)\s+(?:participants?|members?|testers?|artists?)(?:'s?)?\s+access|"
    r"all\s+(?:participants?|members?|testers?|artists?)\b)"
)
_NOTICE_AFTER: Final = rx(r"\bif\s+you\s+are\s+(?:removed|suspended|banned|terminated)\b")
_CONTENT: Final = rx(
    r"\b(?:content|data|information|material|messages?|posts?|reviews?|number|cards?|"
    r"items?|listings?|comments?|files?)\b"
)


def _revocation(sentence: Sentence) -> re.Match[str] | None:
    """The words that take away a participant's access or end the program, said by or of the
    organization (not the participant's own right to leave), or None."""
    return _revoking(sentence.plain)


MOST_PLACES: Final = 32
"""A sentence is weighed at its first this many places of each pattern of revocation. Each
place asks who acts and what is taken (a dozen small searches): a sentence of "you may withdraw
from the study" ten thousand characters long holds 230 places, each the participant's own right
to leave. No sentence of the corpus, the bundled programs or the docs holds more than 4."""


@lru_cache(maxsize=64)  # revocation and notice read the same sentence in turn
def _revoking(text: str) -> re.Match[str] | None:
    if _AFTERMATH.search(text):
        return None
    for pattern in (_ACTIVE, _ACTION, _PASSIVE, _RESULT_NOUN):
        for match in itertools.islice(pattern.finditer(text), MOST_PLACES):
            lookback = 12 if pattern is _RESULT_NOUN else 30  # "if you do not follow them, it
            # could result in removal": the negation is the cause's, not the removal's
            if negated(text, match.start() + 1, lookback) or NEGATION.search(
                text, match.start(), min(match.end(), match.start() + 25)
            ):
                continue
            verb = _REVOKE_WORD.search(text, match.start(), match.end())
            at = verb.start() if verb else match.start()
            if (
                pattern is not _RESULT_NOUN
                and actor(text, at) == "participant"
                and not _PASSIVE_BEFORE.search(text[max(0, at - 30) : at])
                and not _removes_another(text, at)
            ):
                continue  # the participant's own right to leave or cancel
            if pattern is _ACTIVE:
                if actor(text, match.start() + 1) == "participant" and not _removes_another(
                    text, at
                ):
                    continue
                if not _takes_access(text, match):
                    continue
            return match
    return None


_SUBJECT_YOU: Final = rx(r"\byou\b")
_OBJECT_YOU: Final = rx(r"\W*(?:[\w-]+\s+){0,3}?(?:you|your)\b")
_YOU_REMOVED: Final = rx(rf"\b{REVOKE},?\s+(?:[\w-]+\s+){{0,3}}?(?:you|your)\b")
_OBJECT_OTHER: Final = rx(rf"\W*(?:[\w-]+\s+){{0,3}}?{PARTICIPANT}\b")


def _removes_another(text: str, at: int) -> bool:
    """Whether the verb at ``at`` takes someone else's access, though its subject is a word
    for participants: "the researchers ... remove you", "you can take action to ban hackers"
    (said to a program owner). "You may terminate your participation" is one's own."""
    verb = _REVOKE_WORD.match(text, at)
    after = verb.end() if verb else at
    if _SUBJECT_YOU.search(text, max(0, at - 60), at) is not None:
        other = _OBJECT_OTHER.match(text, after)
        return other is not None and not _OBJECT_YOU.match(text, after)
    return _YOU_REMOVED.search(text, at, min(len(text), at + 120)) is not None


def _takes_access(text: str, match: re.Match[str]) -> bool:
    """Whether a verb of ``match`` takes away something other than content ("remove such
    content and/or terminate your account" takes the account)."""
    for verb in _REVOKE_WORD.finditer(text, match.start(), match.end()):
        after = verb.end()
        if not _CONTENT.search(text, after, min(len(text), after + 20, match.end() + 20)):
            return True
    return False


_REVOCATION_FEATURES: Final = {
    "suspend or terminate": rx(
        r"\b(?:suspen|terminat|disabl|deactivat|revok|ban|cancel|clos(?:e|es|ed|ing)\b)\w*"
    ),
    "deny or restrict": rx(r"\b(?:den(?:y|ies|ied)|restrict\w*|block\w*|limit\w*)\b"),
    "discontinue": rx(r"\bdiscontinu\w*|\bceas\w*"),
    "an account": rx(r"\baccounts?\b"),
    "access or use": rx(r"\baccess\b|\buse\s+of\b|\bright\s+to\s+use\b"),
    "the service": rx(r"\b(?:services?|site|website|platform|app|software)\b"),
    "at any time": rx(r"\bat\s+any\s+time\b|\banytime\b"),
    "for any reason": rx(r"\bfor\s+any\s+(?:or\s+no\s+)?reason\b|\bwithout\s+(?:cause|reason)\b"),
    "in its discretion": rx(r"\bdiscretion\b"),
    "without notice": rx(r"\bwithout\s+(?:any\s+)?(?:\w+\s+)?(?:notice|notification|warning)"),
    "notice": rx(r"\bnotice\b|\bnotif\w*"),
    "a violation or breach": rx(
        r"\b(?:violat|breach|infring|fail\w*\s+to\s+comply|fraud|misus|abus)\w*"
    ),
    "inactivity": rx(r"\binactiv\w*"),
    "if": rx(r"\b(?:if|unless|in\s+the\s+event|where)\b"),
    "may": rx(r"\bmay\b"),
    "reserves the right": rx(r"\breserves?\s+(?:all\s+)?(?:the\s+)?rights?\b"),
    "you may end it": rx(r"\byou\s+(?:may|can)\s+(?:\w+\s+){0,2}?(?:terminat|cancel|clos|delet)"),
    "after termination": _AFTERMATH,
    "content": _CONTENT,
    "modify or change": rx(r"\b(?:modif|chang|amend|updat)\w*"),
    "liability": rx(r"\bliab\w*"),
    "take action": rx(r"\btake\s+(?:\w+\s+){0,2}?action\b"),
    "result in": _RESULT,
    "immediately": rx(r"\bimmediate\w*|\bautomatic\w*"),
    "licence": rx(r"\blicen[cs]\w*"),
    "we or the company": rx(r"\b(?:we|us|our)\b"),
}


@spotter(
    "access.revocation",
    cue=(
        "suspend",
        "terminat",
        "revok",
        "remov",
        "cancel",
        "discontinu",
        "disabl",
        "deactivat",
        "ban",
        "block",
        "restrict",
        "den",
        "clos",
        "ceas",
        "paus",
        "delet",
        "withdraw",
        "expel",
        "end",
        "cut off",
        "exclud",
        "stop",
        "expire",
    ),
    prefer=("at-will", "collective", "for-cause"),
    features=_REVOCATION_FEATURES,
    judged=("at-will", "for-cause"),
    examples={
        "Acme may suspend or terminate your participation at any time, for any reason.": (
            "at-will"
        ),
        "We reserve the right to close your account in our sole discretion.": "at-will",
        "Acme may terminate your account if you breach these Terms.": "for-cause",
        "Any violation of the Guidelines may result in your account being suspended.": (
            "for-cause"
        ),
        "We are temporarily pausing all test access while we review the leak.": "collective",
        "Acme may discontinue the Program at any time.": "at-will",
    },
    counter_examples=(
        "You may terminate your participation at any time by emailing us.",
        "We will not suspend your account without telling you why.",
        "You can cancel your subscription in your account settings.",
        "Please remove any confidential material from your screenshots.",
        "Testers said their access was terminated at any time.",
        "Acme should not suspend your account at any time.",
    ),
)
def revocation(sentence: Sentence) -> Iterator[Hit]:
    """The organization may suspend, terminate, revoke or remove a participant's access,
    account or participation, or end the program: "may terminate your account at any time",
    "reserve the right to suspend your access".

    ``at-will`` needs the power to come with "at any time", "for any reason", "in our sole
    discretion" or the like, or with no condition at all; ``for-cause`` needs a stated cause
    and no such words ("if you breach these Terms", "any violation ... may result in");
    ``collective`` needs access cut for everyone ("pausing all test access"). Ending the
    program or service for all at the organization's discretion is ``at-will``, as the
    model defines it. Where sentences disagree, ``at-will`` is written, then ``collective``.

    Limits: a participant's own right to leave is not this term (see
    ``expectations.voluntary``); a cause as vague as "if we believe it is appropriate" still
    reads as ``for-cause``; a list of causes spread over several sentences is read sentence by
    sentence.
    """
    text = sentence.plain
    collective = _COLLECTIVE.search(text)
    if collective and not negated(text, collective.start(), 30):
        yield hit(sentence, "collective", *collective.span(), "access cut for everyone")
        return
    match = _revocation(sentence)
    if match is None:
        return
    will = AT_WILL.search(text)
    cause = _FOR_CAUSE_LED.search(text)
    if will:
        low, high = min(match.start(), will.start()), max(match.end(), will.end())
        yield hit(sentence, "at-will", low, high, "revocable at will")
    elif cause:
        low, high = min(match.start(), cause.start()), max(match.end(), cause.end())
        yield hit(sentence, "for-cause", low, high, "revocable for a stated cause")
    else:
        yield hit(sentence, "at-will", *match.span(), "revocable, no condition stated")


_NO_NOTICE: Final = rx(
    r"\bwithout\s+(?:any\s+)?(?:prior\s+|advance\s+|further\s+)?(?:\w+\s+)?"
    r"(?:notice|notification|warning)|\bwith\s+or\s+without\s+(?:prior\s+|advance\s+)?"
    r"(?:notice|notification)|\bno\s+(?:prior\s+|advance\s+)?notice\s+(?:is\s+|being\s+)?"
    r"(?:required|needed|necessary)"
)
_NOTICE_BEFORE: Final = rx(
    r"\b(?:\d+|one|two|three|five|seven|ten|fourteen|thirty|sixty|ninety)\s*(?:\(\d+\)\s*)?"
    r"(?:calendar\s+|business\s+)?days?'?\s+(?:prior\s+|advance\s+)?(?:written\s+)?notice|"
    r"\b(?:prior|advance|reasonable|appropriate)\s+(?:written\s+)?notice\b|"
    r"\bnotify\s+you\s+(?:\w+\s+){0,3}(?:in\s+advance|before|prior\s+to)\b|"
    r"\b(?:give|provide)\s+you\s+(?:with\s+)?(?:\w+\s+){0,4}notice\s+(?:before|of\s+(?:the\s+|any\s+)?"
    r"(?:termination|suspension|removal))|\bon\s+(?:\w+\s+){0,3}notice\b|"
    r"\bafter\s+(?:a\s+)?notice\s+period\b"
)


@spotter(
    "access.notice",
    cue=("notice", "notif", "warning"),
    prefer=(False, True),
    examples={
        "Acme may suspend your account at any time without notice.": False,
        "We may terminate your participation, with or without notice.": False,
        "Acme will give you at least 30 days' notice before terminating your access.": True,
        "Acme may terminate your right to access the beta for any reason on appropriate "
        "notice.": True,
    },
    counter_examples=(
        "If you are removed from the Study, we will notify you.",
        "We may change these terms without notice.",
        "Please notify us of any bug you find.",
        "Artists claimed Acme suspended access without notice.",
        "Acme should give you 30 days' notice before terminating your access.",
        "Acme will not give you notice before terminating your access.",
    ),
)
def notice(sentence: Sentence) -> Iterator[Hit]:
    """Whether participants are warned before their access ends: "30 days' notice before
    terminating", "on appropriate notice"; or not: "without notice", "with or without notice".

    Only sentences that also take away access or end the program (as ``access.revocation``
    reads them) count. ``true`` needs notice given before the decision; a message after it
    ("if you are removed, we will notify you") is not notice and proposes nothing. Where
    sentences disagree, ``false`` is written: notice that is not promised everywhere is not
    promised.

    Limits: how long the notice is goes to the reader (``suspension_notice_days`` is not
    proposed); notice "where possible" still reads as notice.
    """
    text = sentence.plain
    if _NOTICE_AFTER.search(text):
        return
    match = _revocation(sentence)
    if match is None:
        return
    none = _NO_NOTICE.search(text)
    if none:
        low, high = min(match.start(), none.start()), max(match.end(), none.end())
        yield hit(sentence, False, low, high, "no notice")
        return
    before = _NOTICE_BEFORE.search(text)
    if before and not negated(text, before.start(), 20):
        low, high = min(match.start(), before.start()), max(match.end(), before.end())
        yield hit(sentence, True, low, high, "notice before access ends")
