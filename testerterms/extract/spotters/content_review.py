"""Content review: approval before sharing, and sharing forbidden outright."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from .._core import Hit, spotter
from .._text import Sentence
from ._vocab import (
    GATE,
    GATED,
    OUTPUTS,
    PROHIBIT,
    SHARE,
    WORD,
    actor,
    gap,
    hit,
    near,
    negated,
    required,
    rx,
)

_REQUIRED_BEFORE: Final = rx(
    r"\b(?:requires?|required|requiring|need(?:s|ed)?|must\s+(?:first\s+)?(?:obtain|get|seek|"
    r"receive|have)|subject\s+to)\s+(?:our\s+|the\s+|\w+'s\s+|an?\s+)?"
    + GATE
    + gap(80)
    + rf"\b(?:before|prior\s+to|to|in\s+order\s+to)\s+(?:\w+\s+)?{SHARE}"
)
_APPROVED_BEFORE: Final = rx(
    rf"\b(?:must|shall|will|needs?\s+to|has\s+to|have\s+to)\s+be\s+{GATED}\s+"
    + gap(60)
    + rf"\b(?:before|prior\s+to)\s+(?:being\s+|it\s+is\s+|they\s+are\s+)?{SHARE}"
)
_UNLESS: Final = (
    rf"(?:without|unless|until|except\s+(?:with|as)|other\s+than\s+with)\s+(?:\w+\s+){{0,6}}?"
    rf"(?:{GATE}|{GATED}|(?:approves?|authori[sz]es?|permits?|consents?))"
)
_FORBIDDEN_HEAD: Final = rx(rf"\b{PROHIBIT}\s+(?:\w+\s+){{0,4}}?{SHARE}\b")
_UNLESS_RX: Final = rx(rf"\b{_UNLESS}")
_FORBIDDEN: Final = rx(_FORBIDDEN_HEAD.pattern + gap(220) + _UNLESS_RX.pattern)
_FORBIDDEN_UNLESS: Final = rx(
    r"\b(?:no|not)\s+"
    + gap(80)
    + rf"\b(?:may|shall|will|can)\s+be\s+{SHARE}\s+"
    + gap(60)
    + rf"\b{_UNLESS}"
)
_SHARED_AFTER: Final = rx(
    rf"\bmay\s+be\s+{SHARE}\b"
    + gap(120)
    + r"\b(?:after|once|when|if|with)\b"
    + gap(120)
    + rf"\b(?:provided|given|granted|received)\s+"
    rf"(?:\w+\s+)?{GATE}"
)
_IF_AGREED: Final = rx(
    r"\b(?:if|once|when|only\s+if)\s+" + gap(60) + r"\b(?:agrees?|approves?|consents?|"
    r"authori[sz]es?)\s+(?:to\s+)?(?:the\s+)?(?:disclosure|publication|sharing|release)\b"
)
_NO_REVIEW: Final = rx(
    rf"\b(?:without|no\s+need\s+(?:for|of))\s+(?:our|prior|any|the|\w+'s)?\s*(?:prior\s+)?"
    rf"(?:approval|permission|review|consent)\b|"
    rf"\b(?:do(?:es)?\s+not|don't|never)\s+need\s+(?:our\s+|\w+'s\s+|any\s+)?(?:approval|"
    rf"permission|review)\s+(?:to|before)\s+{SHARE}|"
    rf"\bno\s+(?:prior\s+)?(?:approval|permission|review)\s+(?:is\s+)?(?:required|needed)\b"
)
_MAY_SHARE: Final = rx(
    rf"\b(?:you|participants?|testers?|creators?|artists?)\s+(?:may|can|are\s+free\s+to|are\s+"
    rf"welcome\s+to|are\s+allowed\s+to|are\s+permitted\s+to)\s+{WORD}{{0,2}}?{SHARE}\b"
)
_NARROW: Final = rx(
    r"\b(?:certain|specific|some|particular|sensitive|confidential|non-public|pre-release|"
    r"unreleased|beta)\b|\buntil\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:public\s+)?(?:release|launch|"
    r"announce\w*)|\bbefore\s+(?:the\s+|its\s+)?(?:\w+\s+){0,2}?(?:public\s+|official\s+)?"
    r"(?:release|launch|announcement)|\bbefore\s+(?:any\s+)?public\s+disclosure\b|"
    r"\bduring\s+the\s+(?:[\w-]+\s+){0,2}?period\b|\buntil\s+(?:the\s+|a\s+)?(?:\w+\s+){0,3}?"
    r"(?:is|are|has\s+been|have\s+been)\s+(?:fixed|remediated|patched|resolved)\b|"
    r"\b(?:for|before)\s+remediation\b"
)
_OUTPUT_WORDS: Final = rx(rf"\b{OUTPUTS}\b|\bthe\s+feature\b|\bany\s+(?:other\s+)?information\b")


def _scope(text: str, start: int, end: int) -> str:
    return "narrow" if _NARROW.search(text, max(0, start - 60), min(len(text), end + 60)) else "all"


@spotter(
    "content_review.pre_approval",
    cue=("approv", "permission", "consent", "authori", "clearance", "sign-off", "agree"),
    prefer=("all", "narrow", "none"),
    examples={
        "Every video generated with the tool requires approval from Acme before sharing.": "all",
        "Every output needs to be approved by the Acme team before sharing.": "all",
        "Avoid public disclosure of any vulnerabilities until authorized by Acme in writing.": (
            "all"
        ),
        "You may not post screenshots of the pre-release software unless given advance and "
        "express permission by Acme.": "narrow",
        "You may share your outputs publicly without our approval.": "none",
        "If the admin of your program agrees to disclosure, the contents of the report will "
        "be made public.": "all",
    },
    counter_examples=(
        "We will not share your content without your permission.",
        "You should ask us before you share anything you make.",
        "You may not share your account credentials with anyone.",
        "Artists said every output required approval before sharing.",
    ),
)
def pre_approval(sentence: Sentence) -> Iterator[Hit]:
    """Participants need the organization's approval before they share what they make:
    "requires approval before sharing", "must be approved before it is posted", "may not
    publish ... without our prior written permission".

    ``all`` is approval for outputs in general ("any", "every", unqualified); ``narrow`` for
    some of them (pre-release, confidential or specific material, or until a release);
    ``none`` needs sharing allowed without approval in so many words. The organization's own
    promise not to share a participant's content without consent is not this term. Where
    sentences disagree, ``all`` is written, then ``narrow``.

    Limits: a waiting period before disclosure with no approval step ("give us 90 days
    before you disclose") is not read as approval; review criteria, deadlines and release on
    silence (``criteria_published``, ``response_days``, ``release_on_silence``) are not
    proposed.
    """
    text = sentence.plain
    for pattern in (
        _REQUIRED_BEFORE,
        _APPROVED_BEFORE,
        _FORBIDDEN_UNLESS,
        _SHARED_AFTER,
        _IF_AGREED,
    ):
        match = pattern.search(text)
        if pattern is _FORBIDDEN_UNLESS:  # "may not post ... unless", found cheaply, or else
            match = near(_FORBIDDEN, _FORBIDDEN_HEAD, _UNLESS_RX, text, 220) or match
        if match is None or (
            actor(text, match.start() + 1) == "organization" and pattern in (_FORBIDDEN_UNLESS,)
        ):
            continue
        if _credentials(text, match):
            continue
        scope = _scope(text, match.start(), match.end())
        yield hit(sentence, scope, *match.span(), "approval before sharing")
        return
    free = _NO_REVIEW.search(text)
    may = _MAY_SHARE.search(text)
    if free and may and not negated(text, may.start() + 1, 20):
        low, high = min(free.start(), may.start()), max(free.end(), may.end())
        yield hit(sentence, "none", low, high, "sharing without approval")


_CREDENTIALS: Final = rx(r"\b(?:account|credentials?|password|api\s+keys?|login|access\s+token)\b")


def _credentials(text: str, match: re.Match[str]) -> bool:
    """Sharing an account or a key is an access rule, not a review of outputs."""
    return bool(_CREDENTIALS.search(text, match.start(), match.end() + 40))


_SHOULD: Final = rx(r"\bshould\b")
_BAN_HEAD: Final = rx(rf"\b{PROHIBIT}\s+(?:\w+\s+){{0,4}}?{SHARE}\b(?:\s+or\s+\w+)?")
_BAN_OBJECT: Final = rx(
    rf"\b(?:{OUTPUTS}|the\s+feature|its\s+outputs?|information\s+(?:about|regarding|related)|"
    rf"opinions?|anything)\b"
)
_BAN: Final = rx(_BAN_HEAD.pattern + gap(120) + _BAN_OBJECT.pattern)
_NO_DISCLOSURE: Final = rx(r"\b(?:does|do)\s+not\s+(?:allow|permit)\s+(?:public\s+)?disclosure\b")
_KEPT_BY: Final = rx(
    rf"\b{OUTPUTS}\s+(?:details\s+)?(?:must|shall|are\s+to|is\s+to)\s+be\s+kept\s+"
    r"(?:strictly\s+)?(?:confidential|private|secret)\b(?!\s+by\b)"
)
"""The passive "submission details must be kept confidential", tried only shortly before each
"be kept" (its leading nouns are many, so trying them at every word would cost a pass each)."""
_BE_KEPT: Final = rx(r"\bbe\s+kept\b")
_KEPT_PRIVATE: Final = rx(
    rf"\bkeep\s+(?:your\s+|all\s+|any\s+|the\s+)?{OUTPUTS}\s+(?:details\s+)?(?:strictly\s+)?"
    r"(?:confidential|private|secret)\b|"
    r"\b(?:report|submit)\s+(?:\w+\s+){0,2}?(?:vulnerabilit(?:y|ies)|findings?|bugs?)\s+"
    r"(?:\w+\s+){0,3}?privately\b"
)
"""What participants find or make kept private: "Submission details must be kept confidential",
"Report vulnerabilities privately". A finding of a bounty is both the finder's work and
information about the product (docs/codebook.md, "The product and what participants make").
"Will be kept confidential" and "kept confidential by" are the organization's promise."""


_SHARE_CUE: Final = (
    "shar",
    "post",
    "publish",
    "disclos",
    "releas",
    "distribut",
    "display",
    "upload",
    "broadcast",
    "stream",
    "talk",
    "discuss",
    "exhibit",
    "tweet",
    "blog",
    "reveal",
    "disseminat",
    "show",
    "screen",
)
"""The stems of :data:`~._vocab.SHARE`: a ban or a right to share needs one of them."""


@spotter(
    "content_review.share_ban",
    cue=(
        *_SHARE_CUE,
        "confidential",
        "private",
        "secret",
    ),
    prefer=("all", "narrow", "none"),
    examples={
        "You cannot share or distribute the Gemini feature or its outputs.": "all",
        "This program does not allow disclosure.": "all",
        "You may not post videos of the game until its public release.": "narrow",
        "You may share your videos and screenshots on social media without restriction.": "none",
        "Submission details must be kept confidential during the validation period (two "
        "weeks).": "narrow",
        "Report vulnerabilities privately and allow time for remediation before public "
        "disclosure.": "narrow",
        "You must keep your findings confidential.": "all",
    },
    counter_examples=(
        "We will not share your videos with third parties.",
        "You may not post screenshots without our prior written approval.",
        "You should not share your outputs before launch.",
        "You may not share your account password.",
        "Testers said they could not share their videos.",
        "We will keep your submission details confidential.",
        "Submission details should be kept confidential during the validation period.",
        "Many researchers report vulnerabilities privately.",
        "Your reports do not need to be kept confidential.",
        "Your submissions will be kept confidential.",
        "Submission details must be kept confidential by our staff.",
    ),
)
def share_ban(sentence: Sentence) -> Iterator[Hit]:
    """Sharing outputs is forbidden outright, not by approval: "you cannot share or
    distribute the feature or its outputs", "does not allow disclosure", "submission details
    must be kept confidential", "report vulnerabilities privately".

    ``all`` forbids the feature and its outputs in general; ``narrow`` forbids some of them
    or only for a time (until a release or a fix, before public disclosure, during a
    period); ``none`` needs sharing allowed in so many words, with a word that
    says no limit applies ("you may share your videos without restriction"). A ban with an
    approval route ("without our permission") is ``pre_approval``, not this term; "should
    not" is a request; the organization's own promise not to share is not this term. Where
    sentences disagree, ``all`` is written, then ``narrow``.

    Limits: a duty to keep information confidential is ``confidentiality.nda``; it is read
    here only where it names what participants make or find (submissions, reports, findings,
    vulnerabilities), with "must", "shall" or an imperative ("will be kept confidential" is
    the organization's promise).
    """
    text = sentence.plain
    lower = text.lower()
    shares = any(stem in lower for stem in _SHARE_CUE)  # what every reading but kept needs
    ban = (
        (near(_BAN, _BAN_HEAD, _BAN_OBJECT, text, 120) or _NO_DISCLOSURE.search(text))
        if shares
        else None
    )
    kept = None
    if ban is None and "kept" in lower:
        for place in _BE_KEPT.finditer(text):
            kept = _KEPT_BY.search(text, max(0, place.start() - 80), place.end() + 40)
            if kept is not None:
                break
    if ban is None and kept is None and ("keep" in lower or "privately" in lower):
        kept = _KEPT_PRIVATE.search(text)  # the words it cannot match without, tested first
    if kept is not None and (
        required(text, kept.start())
        or not kept.group(0).lower().startswith(("report", "submit", "keep"))
    ):
        ban = kept if not negated(text, kept.start() + 1, 25) else None
    if (
        ban
        and not re.search(_UNLESS, text, re.IGNORECASE)
        and not _credentials(text, ban)
        and actor(text, ban.start() + 1) != "organization"
        and not _SHOULD.search(text, max(0, ban.start() - 20), ban.start() + 10)
    ):
        if ban is kept:  # "confidential" in its own words narrows nothing: look around them
            scope = "narrow" if _NARROW.search(text, ban.end(), ban.end() + 60) else "all"
        else:
            scope = _scope(text, ban.start(), ban.end())
        yield hit(sentence, scope, *ban.span(), "sharing forbidden")
        return
    may = _MAY_SHARE.search(text) if shares else None
    if (
        may
        and not negated(text, may.start() + 1, 20)
        and not re.search(_UNLESS, text, re.IGNORECASE)
        and _OUTPUT_WORDS.search(text, may.end())
        and not _credentials(text, may)
        and not _NARROW.search(text)
    ):
        yield hit(sentence, "none", *span_to_object(text, may), "sharing allowed")


def span_to_object(text: str, match: re.Match[str]) -> tuple[int, int]:
    found = _OUTPUT_WORDS.search(text, match.end())
    return match.start(), found.end() if found else match.end()
