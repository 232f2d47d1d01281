"""Expectations: how the terms may change, and whether taking part is voluntary."""

from __future__ import annotations

import re
from collections.abc import Iterator
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
    near,
    negated,
    rx,
)

_CHANGE: Final = (
    r"(?:chang(?:e|es|ed)|modif(?:y|ies|ied)|amend(?:s|ed)?|updat(?:e|ed)|revis(?:e|es|ed)|"
    r"alter(?:s|ed)?|supplement(?:s|ed)?|var(?:y|ies|ied)|replac(?:e|es|ed)|adjust(?:s|ed)?|"
    r"discontinu(?:e|es|ed)|eliminat(?:e|es|ed)|withdraw(?:s|n)?|remov(?:e|es|ed)|"
    r"revok(?:e|es|ed)|upgrad(?:e|es|ed)|charg(?:e|es)\s+(?:you\s+)?(?:fees|for|a\s+fee)|"
    r"make\s+(?:any\s+|such\s+)?(?:changes|modifications|amendments|alterations))"
)
_TERMS: Final = (
    r"(?:terms|agreement|conditions|polic(?:y|ies)|rules|guidelines|provisions|fees|prices?|"
    r"pricing|charges|rates|rewards?|bount(?:y|ies)|compensation|payment\s+(?:methods|terms)|"
    r"subscriptions?|eligibility|regulations|procedures|timetables?|"
    r"terms\s+and\s+conditions|conditions\s+of\s+(?:use|sale))\b"
)
_OFFER: Final = (
    r"(?:program(?:me)?s?|services?|site|website|beta|software|products?|features?|"
    r"functionalit(?:y|ies)|platform|app|tool|offers?|exceptions|microtransactions|"
    r"promotional\s+programs?|availability|solution|aspects?\s+of)\b"
)
_POWER: Final = (
    r"(?:may|might|can|could|reserves?\s+(?:all\s+)?(?:the\s+)?rights?,?\s+(?:[\w']+,?\s+){0,6}?to|"
    r"retains?\s+the\s+right\s+to|is\s+entitled\s+to|has\s+the\s+right\s+to|needs?\s+to|"
    r"(?:is|are)\s+(?:free|permitted)\s+to)"
)
_POWER_TO_CHANGE: Final = rx(rf"\b{_POWER},?\s+(?:[\w()]+,?\s+){{0,6}}?{_CHANGE}\b")
_TERMS_OR_OFFER: Final = rx(rf"\b(?:{_TERMS}|{_OFFER})")
_NAMED: Final = led("[abcefgmoprstw]", _TERMS_OR_OFFER)
"""Where :data:`_TERMS_OR_OFFER` matches, found three times faster (each of its words starts
with one of these letters)."""
_CHANGES_THEM: Final = rx(_POWER_TO_CHANGE.pattern + gap(120) + _TERMS_OR_OFFER.pattern)
_UNILATERAL: Final = Staged(
    (
        rf"\b(?:{_TERMS}|{_OFFER})" + gap(80) + rf"\b(?:may|might|can|could)\s+(?:\w+\s+){{0,3}}?"
        rf"(?:be\s+)?(?:subject\s+to\s+)?{_CHANGE}\b",
        rf"\b(?:{_TERMS}|{_OFFER})",
        (ANYWHERE, r"\b(?:may|might|can|could)\s+(?:\w+\s+){0,3}?(?:be\s+)?"),
    ),
    (
        rf"\b(?:{_TERMS}|{_OFFER})" + gap(60) + r"\b(?:are|is)\s+subject\s+to\s+change\b",
        rf"\b(?:{_TERMS}|{_OFFER})",
        (ANYWHERE, r"\b(?:are|is)\s+subject\s+to\s+change\b"),
    ),
    rf"\breserves?\s+the\s+right\s+to\s+{_CHANGE}\s+(?:them|it)\b",
    rf"\b(?:they|it|these|this)\s+may\s+(?:\w+\s+)?{_CHANGE}\s+"
    r"(?:at\s+any\s+time|from\s+time\s+to\s+time)",
    (
        rf"\b{_POWER},?\s+(?:[\w()]+,?\s+){{0,6}}?make\s+(?:any\s+|such\s+)?(?:changes|"
        r"modifications|amendments|alterations)\b",
        rf"\b{_POWER}",
        (ANYWHERE, r"make\s+(?:any\s+|such\s+)?(?:changes|modifications|amendments|alterations)\b"),
    ),
)
"""The other ways of saying the terms may change, searched in stages: a text of "you may
withdraw from" repeated has no "subject to change" or "make changes", so those alternatives
cost one pass for their tail and none for their head."""
_UNNAMED: Final = Staged(*_UNILATERAL.alternatives[2:])
"""The alternatives of :data:`_UNILATERAL` that name no terms or offer (its first two start
with one), for a sentence that names none."""
_TERMS_CHANGED: Final = rx(
    rf"\b(?:changes?|modifications?|amendments?|updates?|revisions?)\s+(?:to|of|in)\s+"
    rf"(?:these|the|this|our|its)\s+{_TERMS}|\b(?:chang\w*|modif\w*|amend\w*|updat\w*|revis\w*)\s+"
    rf"(?:these|the|this|our|its)\s+{_TERMS}"
)
_NOTICE_BEFORE: Final = rx(
    r"\b(?:\d+|seven|ten|fourteen|thirty|sixty|ninety)\s*(?:\(\d+\)\s*)?(?:calendar\s+)?days?'?\s+"
    r"(?:prior\s+|advance\s+)?(?:written\s+)?notice|\b(?:prior|advance|reasonable)\s+(?:written\s+)?"
    r"notice\b|\b(?:notify|inform|email|e-mail|tell)\s+you\s+(?:\w+\s+){0,8}?(?:in\s+advance|before|"
    r"prior\s+to)\b|\b(?:\d+|seven|ten|fourteen|thirty)\s+days\s+before\s+(?:we\s+make|the\s+changes?|"
    r"they\s+take)|\bbefore\s+(?:the\s+|any\s+)?changes?\s+(?:take|takes|become|becomes)\s+effect\b|"
    r"\bafter\s+a\s+notice\s+period\b|\bopportunity\s+to\s+(?:terminate|reject|review)\b"
)
_NO_NOTICE: Final = rx(
    r"\bwithout\s+(?:any\s+)?(?:prior\s+|advance\s+|further\s+)?(?:notice|notification)|"
    r"\bwith\s+or\s+without\s+(?:prior\s+)?notice"
)
_AGREED: Final = rx(
    r"\bbe\s+(?:amended|modified|changed|varied)\s+only\s+(?:by|in|with|through)\b|"
    r"\b(?:may|can|shall|will)\s+(?:only|not)\s+be\s+(?:amended|modified|changed|varied)\s+"
    r"(?:except\s+)?(?:by|in|with|through)\s+(?:a\s+|an\s+|the\s+)?(?:written|mutual|signed|"
    r"agreement|consent)|\b(?:amendments?|modifications?|changes?|variations?)\s+"
    r"(?:\w+\s+){0,4}?(?:must|shall|will)\s+(?:only\s+)?be\s+(?:made\s+)?(?:in\s+writing|agreed|"
    r"signed)|\b(?:change|modify|amend)\s+(?:these|the|this)\s+(?:terms|agreement)\s+only\s+with\s+"
    r"your\s+(?:written\s+)?(?:consent|agreement)"
)
_ADDED_TERMS: Final = rx(
    r"\b(?:may|can|will)\s+(?:also\s+|from\s+time\s+to\s+time\s+)?(?:notify|inform|provide|send|"
    r"give|post|issue|publish|introduce|add|impose)\b"
    + gap(80)
    + r"\b(?:additional|new|supplemental|further|other)\s+(?:[\w-]+\s+){0,3}?(?:terms|conditions|"
    r"rules|policies|guidelines|requirements)\b"
    + gap(160)
    + r"\b(?:(?:will|shall)\s+(?:be\s+deemed|be\s+considered|become|form)|(?:are|is|will\s+be|"
    r"shall\s+be)\s+(?:deemed|incorporated))\s+(?:to\s+be\s+|into\s+|in\s+)?(?:a\s+|an\s+)?"
    r"(?:(?:integral\s+)?part\s+of\s+)?(?:this|these|the)\s+(?:agreement|terms)\b"
)
"""Terms the organization may add by sending them, which bind once sent: "Google may also
notify you in writing of additional Testing Program terms and conditions, ... which will be
deemed a part of this Agreement" (docs/codebook.md, ``terms_changes``)."""
_CONSENT: Final = rx(
    r"\b(?:if|once|when|after)\s+you\s+(?:\w+\s+)?(?:accept|agree|sign|consent)|"
    r"\byour\s+(?:prior\s+)?(?:written\s+)?(?:consent|agreement|acceptance)\b"
)
_CONTINUED_USE: Final = rx(
    r"\bcontinu\w*\s+(?:to\s+)?(?:access\w*\s+or\s+)?(?:use|using|participat\w*|access)\s+"
    + gap(120)
    + r"\b(?:after|following)\s+(?:\w+\s+){0,4}?(?:changes?|modifications?|updates?|revisions?)"
)

_NOTICE_LED: Final = led(r"[\dstfnpariebo]", _NOTICE_BEFORE)  # the first letters of its words
_AGREED_LED: Final = led("[bmcswav]", _AGREED)

_CHANGE_FEATURES: Final = {
    "reserves the right": rx(r"\breserves?\s+(?:all\s+)?(?:the\s+)?rights?\b"),
    "may": rx(r"\bmay\b"),
    "these terms": rx(
        r"\b(?:these|this|the|our)\s+(?:terms|agreement|conditions|polic(?:y|ies))\b"
    ),
    "the service or its features": rx(
        r"\b(?:services?|site|website|features?|functionalit(?:y|ies)|software|products?|"
        r"platform|app)\b"
    ),
    "fees or prices": rx(r"\b(?:fees?|prices?|pricing|charges|rates|payment)\b"),
    "at any time": rx(r"\bat\s+any\s+time\b|\banytime\b"),
    "from time to time": rx(r"\bfrom\s+time\s+to\s+time\b"),
    "in its discretion": rx(r"\bdiscretion\b"),
    "without notice": _NO_NOTICE,
    "notice before": _NOTICE_BEFORE,
    "by posting": rx(r"\bpost(?:s|ed|ing)?\b"),
    "continued use": _CONTINUED_USE,
    "discontinue or suspend": rx(r"\b(?:discontinu|suspen|terminat|cancel|withdraw)\w*"),
    "modify, change or amend": rx(r"\b(?:modif|chang|amend|revis|updat|alter)\w*"),
    "content": rx(r"\b(?:content|submissions?|posts?|reviews?|messages?|listings?)\b"),
    "if or unless": rx(r"\b(?:if|unless|in\s+the\s+event)\b"),
    "you agree": rx(r"\byou\s+(?:\w+\s+)?(?:agree|accept|acknowledge)\b"),
    "we or the company": rx(r"\b(?:we|us|our)\b"),
    "effective": rx(r"\beffective\b|\btake\s+effect\b"),
    "for any reason": rx(r"\bfor\s+any\s+(?:or\s+no\s+)?reason\b"),
    "liability": rx(r"\bliab\w*"),
    "law or regulation": rx(r"\b(?:laws?|legal|regulat\w*|comply)\b"),
}


_CHANGE_CUE: Final = (
    "chang",
    "modif",
    "amend",
    "updat",
    "revis",
    "alter",
    "supplement",
    "vary",
    "varie",
    "replac",
    "adjust",
    "discontinu",
    "eliminat",
    "withdraw",
    "remov",
    "notice",
    "notify",
    "email",
)
"""Words a change of terms, or notice of one, is read by."""
_ADDED_CUE: Final = (
    "deemed a part",
    "deemed part",
    "deemed to be part",
    "incorporated into",
    "become part",
    "become a part",
    "form part",
    "form a part",
)
"""Words added terms that bind once sent (:data:`_ADDED_TERMS`) are read by."""


@spotter(
    "expectations.terms_changes",
    cue=(*_CHANGE_CUE, *_ADDED_CUE),
    prefer=("with-notice", "at-will", "agreed"),
    features=_CHANGE_FEATURES,
    judged=("at-will",),
    examples={
        "We may change these Terms at any time.": "at-will",
        "Acme reserves the right, at its sole discretion, to modify these terms.": "at-will",
        "We may revise these Terms from time to time and the most current version will "
        "always be posted on our website.": "at-will",
        "If we change these terms, we will email you 30 days before the changes take "
        "effect.": "with-notice",
        "Acme may modify the rewards table, and will give you 14 days' prior notice of any "
        "change.": "with-notice",
        "These terms may only be amended by a written agreement signed by both parties.": (
            "agreed"
        ),
        "Acme may modify or discontinue the Program at any time without notice.": "at-will",
        "Acme may also notify you in writing of additional Testing Program terms and "
        "conditions, which will be deemed a part of this Agreement.": "at-will",
        "Acme may post additional program rules, which are incorporated into these Terms.": (
            "at-will"
        ),
    },
    counter_examples=(
        "If you accept them, additional terms that Acme provides will be deemed part of this "
        "Agreement.",
        "Acme may not introduce additional terms which will be deemed part of this Agreement.",
        "The Privacy Policy is incorporated into this Agreement.",
        "You may not modify, adapt or translate the beta software.",
        "Please tell us if your contact details change.",
        "We will not change the reward for a report after it has been accepted.",
        "Testers said Acme changed the rules at any time.",
        "You should update your app to the latest version.",
    ),
)
def terms_changes(sentence: Sentence) -> Iterator[Hit]:
    """The organization may change the terms, or what the program offers, on its own:
    "we may change these Terms at any time", "reserves the right to modify", "subject to
    change".

    ``with-notice`` needs a warning before the change takes effect ("30 days before the
    changes take effect", "prior notice"); a change announced by posting the new version is
    not notice, nor are added terms that bind once sent ("may notify you of additional terms
    ..., which will be deemed a part of this Agreement" is ``at-will``). ``at-will`` is a
    change the organization may make without such a warning. ``agreed`` needs changes to be
    made only in writing signed by both, or with the participant's consent. A change to the
    program itself (its features, fees, rewards, the service) counts as a change of the
    terms, as in CLAUDETTE's "unilateral change". Where sentences disagree, ``with-notice``
    is written, then ``at-will``.

    Limits: how long the notice is goes to the reader (``change_notice_days`` is not
    proposed); notice "where possible" still reads as notice; a participant's duty to keep
    software up to date is not a change of terms.
    """
    text = sentence.plain
    lower = text.lower()
    changes = any(stem in lower for stem in _CHANGE_CUE)
    if changes:  # not a sentence read only for added terms
        agreed = _AGREED_LED.search(text)
        if agreed:
            yield hit(sentence, "agreed", *agreed.span(), "changes only by agreement")
            return
    if any(w in lower for w in ("deemed", "incorporated", "become", "form")):
        added = _ADDED_TERMS.search(text)
        if (
            added is not None
            and not negated(text, added.start() + 1, 30)
            and actor(text, added.start() + 1) != "participant"
            and not _CONSENT.search(text)
        ):
            before = _NOTICE_LED.search(text)
            if before is not None and not negated(text, before.start(), 20):
                yield hit(sentence, "with-notice", *added.span(), "added terms after notice")
            else:
                yield hit(sentence, "at-will", *added.span(), "added terms bind once sent")
            return
    change = _first(text) if changes else None
    if change is None:
        if not changes:
            return
        announced = _NOTICE_LED.search(text)
        if (
            announced
            and (_TERMS_CHANGED.search(text) or "before we make" in announced.group(0).lower())
            and not negated(text, announced.start(), 20)
        ):
            yield hit(sentence, "with-notice", *announced.span(), "changes after notice")
        return
    verb = re.search(_CHANGE, text[change.start() : change.end()], re.IGNORECASE)
    verb_at = change.start() + (verb.start() if verb else 0)
    if negated(text, change.start() + 1, 30) or NEGATION.search(text, change.start(), verb_at):
        return
    if actor(text, change.start() + 1) == "participant" and not _passive_change(text):
        return
    if _NOT_TERMS.search(text, change.start(), min(len(text), change.end() + 30)):
        return  # content removed, or software updated: not a change of terms
    before = _NOTICE_LED.search(text)
    if before and not _NO_NOTICE.search(text, before.start() - 40 if before.start() > 40 else 0):
        low, high = min(change.start(), before.start()), max(change.end(), before.end())
        yield hit(sentence, "with-notice", low, high, "changes after notice")
        return
    will = AT_WILL.search(text) or _NO_NOTICE.search(text)
    if will:
        low, high = min(change.start(), will.start()), max(change.end(), will.end())
        yield hit(sentence, "at-will", low, high, "changes at will")
    else:
        yield hit(sentence, "at-will", *change.span(), "changes, no notice stated")


_NOT_TERMS: Final = rx(
    r"\b(?:content|(?:user|your|their|such|any|the)\s+(?:submissions?|reviews?|messages?|posts?)|"
    r"passengers?|"
    r"(?:updat\w*|upgrad\w*)\s+(?:\w+\s+){0,2}?(?:software|app|application))\b"
)


def _first(text: str) -> re.Match[str] | None:
    """The earliest power to change the terms: found with :func:`near` (cheaply on a text of
    repeated "you may withdraw from"), or one of the other ways of saying it. A sentence that
    names no terms and no offer is read for only the ways that need neither."""
    if _NAMED.search(text) is None:
        return _UNNAMED.search(text)  # what _UNILATERAL finds where no term or offer is named
    power = near(_CHANGES_THEM, _POWER_TO_CHANGE, _NAMED, text, 120)
    other = _UNILATERAL.search(text)
    if other is not None and (power is None or other.start() <= power.start()):
        return other
    return power


def _passive_change(text: str) -> bool:
    return bool(
        rx(
            r"\b(?:may|will|can)\s+be\s+(?:changed|modified|amended|updated|revised)|"
            r"\bmay\s+(?:\w+\s+)?(?:vary|change)\s+(?:from\s+time\s+to\s+time|at\s+any\s+time)|"
            r"\bsubject\s+to\s+change\b|\bcontinu\w*\s+(?:to\s+)?(?:use|using|access)"
        ).search(text)
    )


_VOLUNTARY: Final = Staged(
    r"\bparticipation\s+(?:in\s+" + gap(60) + r"\s+)?(?:is|shall\s+be|will\s+be|remains)\s+"
    r"(?:entirely\s+|completely\s+|purely\s+|strictly\s+|always\s+)?voluntary\b",
    r"\bvoluntary\s+(?:participation|basis)\b",
    (
        rf"\b{PARTICIPANT}\s+(?:may|can|are\s+free\s+to|have\s+the\s+(?:right|option)\s+to)\s+"
        r"(?:choose\s+to\s+|decide\s+to\s+|always\s+)?(?:withdraw|leave|opt\s+out|unregister|quit|"
        r"stop\s+(?:participating|taking\s+part)|end\s+(?:your|their)\s+participation|exit|cease)"
        + gap(100)
        + r"(?:\bat\s+any\s+time\b|\bany\s*time\b|\bwithout\s+(?:any\s+)?(?:penalty|reason|"
        r"consequence)|\bthe\s+program\b|\bthe\s+study\b)",
        rf"\b{PARTICIPANT}\s",
        (
            ANYWHERE,
            r"(?:\bat\s+any\s+time\b|\bany\s*time\b|\bwithout\s+(?:any\s+)?(?:penalty|reason|"
            r"consequence)|\bthe\s+program\b|\bthe\s+study\b)",
        ),
    ),
    r"\b(?:have|has)\s+the\s+option\s+to\s+(?:leave|withdraw|opt\s+out|quit)\b",
    r"\b(?:are|is)\s+not\s+(?:required|obligated|obliged)\s+to\s+(?:participate|take\s+part|"
    r"join)\b",
    r"\bno\s+obligation\s+to\s+(?:participate|take\s+part|provide\s+feedback|use)\b",
    (
        rf"\b{PARTICIPANT}\s+can\s+(?:(?!not\b|never\b)\w+\s+){{0,3}}?(?:unregister|leave\s+the\s+"
        r"program)\b",
        rf"\b{PARTICIPANT}\s",
        (ANYWHERE, r"(?:unregister|leave\s+the\s+program)\b"),
    ),
)
"""Searched in stages: the alternatives whose pieces lie apart are tried only at a
participant followed, anywhere in the clause, by their last piece."""


@spotter(
    "expectations.voluntary",
    cue=(
        "voluntar",
        "withdraw",
        "opt out",
        "leave",
        "unregister",
        "quit",
        "stop",
        "obligat",
        "required",
        "obliged",
        "mandatory",
        "compulsory",
        "exit",
        "cease",
    ),
    prefer=(True,),
    examples={
        "Participation in the Program is voluntary.": True,
        "You may withdraw from the Study at any time without penalty.": True,
        "You have the option to leave a program.": True,
        "You are not required to participate in any study.": True,
    },
    counter_examples=(
        "Acme may withdraw the beta at any time.",
        "You may not withdraw a report once it has been submitted.",
        "We encourage voluntary disclosure of security issues.",
        "Testers said participation was voluntary.",
        "You should not withdraw from the Program at any time.",
        "You can not leave the program at any time.",
    ),
)
def voluntary(sentence: Sentence) -> Iterator[Hit]:
    """Taking part is voluntary: "participation is voluntary", "you may withdraw at any time
    without penalty", "you are not required to participate".

    ``true`` needs the participant to be free to join or leave; the organization's right to
    withdraw the program is not this term. ``false`` is not proposed: "participation is
    mandatory" says no word of negation, so the codebook leaves it to the reader.

    Limits: work that is voluntary in name but needed to stay in the program (a quota of
    reports) is not read as ``false``: that is ``feedback_required``, which is not proposed.
    """
    text = sentence.plain
    match = _VOLUNTARY.search(text)
    if match and not negated(text, match.start() + 1, 20):
        yield hit(sentence, True, *match.span(), "participation voluntary")
