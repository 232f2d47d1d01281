"""Confidentiality: whether there is a duty, what it covers, how long, and what it leaves out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Final

from .._core import Hit, spotter
from .._text import Sentence
from ._vocab import NEGATION, PROHIBIT, actor, gap, hit, near, negated, required, rx

_NDA_NAME: Final = (
    r"(?:non-?disclosure|confidentiality)\s+(?:agreement|provisions?|obligations?|undertaking|"
    r"terms|duty|duties|clause)|\bNDA\b"
)
_SIGN_NDA: Final = rx(
    r"\b(?:sign|signs|signed|signing|agree\s+to|enter\s+into|subject\s+to|under|bound\s+by|"
    r"includes?|accept|conducted\s+under)\s+(?:a\s+|an\s+|the\s+|our\s+)?(?:separate\s+|mutual\s+|"
    r"binding\s+)?" + _NDA_NAME
)
_KEEP: Final = rx(
    r"\b(?:keep|treat|hold|maintain|preserve|protect)\s+"
    + gap(80)
    + r"\b(?:confidential|in\s+(?:strict\s+)?confidence|secret|confidentiality)\b|"
    r"\b(?:must|shall|will|are\s+to|is\s+to)\s+be\s+(?:kept|treated|held)\s+(?:strictly\s+)?"
    r"(?:confidential|in\s+confidence|secret)"
)
_IS_CONFIDENTIAL: Final = rx(
    r"\b(?:is|are|(?:will|shall)\s+be\s+(?:considered|deemed|treated\s+as))\s+(?:the\s+)?"
    r"(?:non-public,?\s+|proprietary\s+and\s+|strictly\s+|\w+'s\s+)*"
    r"confidential\b(?:\s+(?:and\s+proprietary\s+)?information\s+(?:of|to)\b)?"
)
_DISCLOSE_HEAD: Final = rx(
    rf"\b{PROHIBIT}\s+(?:[\w,]+\s+){{0,4}}?(?:disclos\w*|shar\w*|publish\w*|disseminat\w*|"
    r"releas\w*|reveal\w*|discuss\w*|talk\w*\s+about|post\w*|blog\w*|tweet\w*)\b"
)
_SECRET: Final = rx(
    r"\b(?:confidential\s+information|confidential\s+details|information\s+about|"
    r"any\s+(?:other\s+)?information|beta\s+materials|anything\s+about|details\s+of|"
    r"(?:submission|report|vulnerability|finding)\s+details|vulnerabilit(?:y|ies)|anything\b|"
    r"information\s+(?:marked|designated|identified)|your\s+(?:role|participation|work)\b)"
)
_DISCLOSE_BAN: Final = rx(_DISCLOSE_HEAD.pattern + gap(80) + _SECRET.pattern)
_LIST_OPENS: Final = rx(rf"\b{PROHIBIT}\s+\((?:i|a|1)\)\s")
_LIST_ITEM: Final = re.compile(r"\(\w{1,4}\)\s+")
_ITEM_BAN: Final = rx(
    r"(?:\w+\s+or\s+)?(?:disclos\w*|shar\w*|publish\w*|disseminat\w*|releas\w*|reveal\w*|"
    r"discuss\w*|describ\w*|talk\w*\s+about|post\w*|blog\w*|tweet\w*)\b"
    + gap(80)
    + r"(?:"
    + _SECRET.pattern
    + r"|\b(?:any|all)\s+(?:parts?|aspects?|details?)\s+of\b)"
)
"""A list of rules a prohibition opens ("Please do not (i) ...; (ii) ...; or (iii) describe or
discuss any part of the software"): each item is read as if the prohibition stood before it."""


def _list_ban(text: str) -> re.Match[str] | None:
    if "(i)" not in text and "(a)" not in text and "(1)" not in text:
        return None  # no list (a cheap test first)
    opens = _LIST_OPENS.search(text)
    if opens is None or actor(text, opens.start() + 1) == "organization":
        return None
    if re.search(r"\bshould\b", text[max(0, opens.start() - 20) : opens.start()]):
        return None
    for item in _LIST_ITEM.finditer(text, opens.end() - 5):
        found = _ITEM_BAN.match(text, item.end())
        if found is not None:
            return found
    return None


_NOTHING_DISCLOSED: Final = rx(
    r"\bno\s+(?:[\w-]+\s+){0,3}?(?:vulnerabilit(?:y|ies)|information|details|reports?|"
    r"submissions?|findings?|outputs?|content)\b"
    + gap(80)
    + r"\b(?:may|shall|can|will)\s+be\s+(?:disclosed|shared|published|made\s+public|released)\b"
)
_OBLIGATIONS: Final = rx(
    r"\b(?:your|participants'?|testers'?|these|the)\s+(?:confidentiality|non-?disclosure)\s+"
    r"(?:obligations?|duty|duties|undertakings?)\b"
)
_NO_NDA: Final = rx(
    r"\b(?:not|no\s+longer|never)\s+(?:be\s+)?(?:required|asked|obliged)\s+to\s+sign\s+(?:a|an|any)\s+"
    r"(?:non-?disclosure|confidentiality|NDA)|\bno\s+(?:NDA|non-?disclosure\s+agreement|"
    r"confidentiality\s+(?:agreement|obligations?))\s+(?:is\s+)?(?:required|needed)|"
    r"\b(?:do|does)\s+not\s+(?:need\s+to|have\s+to)\s+sign\s+(?:a|an|any)\s+(?:non-?disclosure|NDA)|"
    r"\bthere\s+is\s+no\s+(?:NDA|non-?disclosure\s+agreement)"
)
_FIX: Final = (
    r"(?:time|opportunity)\s+(?:for\s+(?:remediation|a\s+fix|fixing|resolution|patching)|"
    r"to\s+(?:fix|remediate|resolve|patch|address|correct)\b)"
)
_BEFORE_PUBLIC: Final = (
    r"\bbefore\s+(?:any\s+|making\s+(?:it|them)\s+)?(?:public\s+disclosure|disclosing\s+"
    r"(?:it|them)\s+publicly|(?:you\s+)?disclos\w*\s+(?:it\s+|them\s+)?(?:publicly|to\s+the\s+"
    r"public)|going\s+public|publishing)"
)
_COORDINATED: Final = rx(
    r"\b(?:report|submit|disclose)\s+(?:\w+\s+){0,2}?(?:vulnerabilit(?:y|ies)|security\s+"
    r"(?:issues?|bugs?|flaws?)|findings?|bugs?)\s+(?:\w+\s+){0,3}?privately\b|"
    r"\b(?:allow|give|grant|provide)\s+(?:us\s+|\w+\s+)?(?:(?:a\s+)?(?:reasonable|sufficient|"
    r"enough|adequate)\s+)?" + _FIX + gap(80) + _BEFORE_PUBLIC
)
"""Coordinated disclosure told as a duty: "Report vulnerabilities privately", "allow time for
remediation before public disclosure" (docs/codebook.md, "Duties"). Only an imperative or a
verb after "must", "will", "agree to" counts (:func:`required`): "the researcher allows the
vendor the opportunity to ..." describes the practice and sets no duty."""
_NOT_ALLOWED: Final = rx(
    r"\b(?:does|do)\s+not\s+(?:allow|permit)\s+(?:any\s+)?(?:public\s+)?disclosure\b|"
    r"\b(?:public\s+)?disclosure\s+is\s+(?:not|never)\s+(?:allowed|permitted)\b|"
    r"\bno\s+(?:public\s+)?disclosure\s+(?:is|will\s+be)\s+(?:allowed|permitted)\b"
)
"""A rule that disclosure is not allowed: "This program does not allow disclosure." """
_GROUND_HEAD: Final = rx(
    r"\b(?:reasons?|grounds?|causes?)\s+for\s+(?:a\s+|an\s+)?(?:ban\w*|remov\w*|block\w*|"
    r"suspen\w*|terminat\w*|disqualif\w*|exclu\w*)|"
    r"\b(?:bann?ed|removed|suspended|terminated|blocked|disqualified|excluded)\s+(?:\w+\s+){0,4}?for$"
)
_GROUND: Final = rx(
    r"\b(?:disclos(?:ure|ing)|shar(?:e|ing)|leak(?:s|ing|age)?|publish(?:ing)?)\s+(?:of\s+)?"
    r"(?:any\s+|the\s+)?(?:confidential|non-public)\s+(?:information|details|data|materials?)\b"
)
"""Disclosing confidential information named as a ground for a ban: "The main reasons for
banning: Disclosure of confidential information.", "accounts are suspended for sharing
confidential information". A consequence the terms attach marks a duty (docs/codebook.md,
"Duties")."""


_GROUND_CUE: Final = ("ban", "remov", "block", "suspen", "terminat", "disqualif", "exclu")


def _ground(text: str) -> re.Match[str] | None:
    """The ground of a ban (:data:`_GROUND`) where a ban stands up to 200 characters before it
    in the sentence with no word of negation between (a colon may stand between)."""
    for found in _GROUND.finditer(text):
        low = max(0, found.start() - 200)
        heads = list(_GROUND_HEAD.finditer(text[low : found.start()].rstrip(" :-–—")))
        head = heads[-1] if heads else None  # the nearest
        if head is not None and not NEGATION.search(text, low + head.start(), found.start()):
            return found
    return None


_OWN_DUTY: Final = rx(
    r"\b(?:your|participants'?|testers'?)\s+(?:personal\s+)?(?:data|information|details|"
    r"identity)\b"
)


_DUTY_CUE: Final = (
    "confidential",
    "disclos",
    "nda",
    "secret",
    "proprietary",
    "information about",
    "anything about",
)


def duty(sentence: Sentence) -> tuple[bool, re.Match[str]] | None:
    """Whether the sentence sets a confidentiality duty on participants (True) or says there is
    none (False), with the words that decide; None when it says neither."""
    return _duty(sentence.plain)


@lru_cache(maxsize=64)  # five spotters read the same sentence's duty in turn
def _duty(text: str) -> tuple[bool, re.Match[str]] | None:
    none = _NO_NDA.search(text)
    if none:
        return False, none
    lower = text.lower()  # the words each reading below cannot match without, tested first
    ground = _ground(text) if any(stem in lower for stem in _GROUND_CUE) else None
    if ground is not None:
        return True, ground
    rule = _NOT_ALLOWED.search(text) if "disclosure" in lower else None
    if (
        rule is not None
        and actor(text, rule.start() + 1) != "participant"
        and not _OWN_DUTY.search(text)
    ):
        return True, rule  # the program's rule, whoever states it
    listed = _list_ban(text)
    if listed is not None:
        return True, listed
    coordinated = (
        _COORDINATED.search(text)
        if "privately" in lower or ("before" in lower and ("time" in lower or "opportun" in lower))
        else None
    )
    if (
        coordinated is not None
        and required(text, coordinated.start())
        and not negated(text, coordinated.start() + 1, 25)
        and actor(text, coordinated.start() + 1) != "organization"
    ):
        return True, coordinated
    for pattern in (
        _SIGN_NDA,
        _KEEP,
        _DISCLOSE_BAN,
        _NOTHING_DISCLOSED,
        _OBLIGATIONS,
        _IS_CONFIDENTIAL,
    ):
        if pattern is _DISCLOSE_BAN:  # found cheaply on "you may not post" repeated
            match = near(_DISCLOSE_BAN, _DISCLOSE_HEAD, _SECRET, text, 80)
        else:
            match = pattern.search(text)
        if match is None or negated(text, match.start() + 1, 25):
            continue
        if pattern is _DISCLOSE_BAN and re.search(r"\bshould\b", text[: match.start()]):
            continue
        who = actor(text, match.start() + 1)
        if who == "organization" and pattern is not _IS_CONFIDENTIAL:
            continue  # the company's own duty to keep things confidential
        if pattern in (_KEEP, _IS_CONFIDENTIAL) and _OWN_DUTY.search(text):
            continue  # "we keep your personal information confidential"
        return True, match
    return None


@spotter(
    "confidentiality.nda",
    cue=_DUTY_CUE,
    prefer=(True, False),
    examples={
        "You agree to a non-disclosure agreement before every playtest.": True,
        "The pre-release software is non-public, confidential information of Acme.": True,
        "You promise not to disclose, publish, or disseminate any Confidential Information to "
        "any third party.": True,
        "Submission details must be kept confidential during the validation period.": True,
        "Testers are no longer required to sign a non-disclosure agreement.": False,
        "The main reasons for banning: Disclosure of confidential information.": True,
        "Accounts may be suspended for sharing confidential information with others.": True,
        "Report vulnerabilities privately and allow time for remediation before public "
        "disclosure.": True,
        "You must give Acme reasonable time to fix the issue before you disclose it "
        "publicly.": True,
        "This program does not allow disclosure.": True,
        "Please do not (i) share your password; or (ii) disclose or discuss any part of the "
        "beta with anyone.": True,
    },
    counter_examples=(
        "We will keep your personal information confidential.",
        "We will not (i) sell your data; or (ii) disclose any part of your submissions.",
        "You should not (i) share your password; or (ii) disclose any part of the beta.",
        "You may (a) use the beta; and (b) disclose or discuss any part of it after launch.",
        "You should not disclose confidential details.",
        "Any information publicly shared by Acme is not covered by an NDA.",
        "Testers said they had to sign an NDA.",
        "The main reasons for banning: spam and fake accounts.",
        "Disclosure of confidential information is not a reason for banning.",
        "Researchers report vulnerabilities privately.",
        "You should report vulnerabilities privately.",
        "We report vulnerabilities privately to vendors and allow time for remediation before "
        "public disclosure.",
        "The researcher allows the vendor the opportunity to fix the issue before any party "
        "discloses it publicly.",
        "You do not need to report vulnerabilities privately.",
        "We do not allow disclosure of your personal data.",
    ),
)
def nda(sentence: Sentence) -> Iterator[Hit]:
    """Participants have a confidentiality duty: "sign a non-disclosure agreement", "you agree
    to keep ... confidential", "may not disclose Confidential Information", "is confidential
    information of Acme", "does not allow disclosure", coordinated disclosure told as a duty
    ("Report vulnerabilities privately and allow time for remediation before public
    disclosure"), each rule of a list a prohibition opens ("Please do not (i) ...; or (iii)
    describe or discuss any part of the software"), or disclosing confidential information
    named as a ground for a ban ("The main reasons for banning: Disclosure of confidential
    information.").

    ``false`` needs the duty denied ("not required to sign a non-disclosure agreement"). The
    organization's promise to keep participants' data confidential is not this term; "should
    not disclose" is a request; coordinated disclosure needs an imperative or "must", "will",
    "agree to" ("researchers report vulnerabilities privately" describes a practice).
    Information said not to be covered by an NDA is a carve-out (``carve_outs``), not
    ``false``. Where sentences disagree, ``true`` is written.

    Limits: whether participants may still speak about their own experience
    (``own_experience``) is not proposed; a duty that only the press reports is read like any
    other sentence (the source's party says who speaks).
    """
    found = duty(sentence)
    if found is not None:
        value, match = found
        cue = "a confidentiality duty" if value else "no confidentiality duty"
        yield hit(sentence, value, *match.span(), cue)


_BROAD: Final = rx(
    r"\b(?:anything|everything)\s+(?:about|related\s+to|regarding)\b|"
    r"\b(?:any|all)\s+(?:other\s+)?information\s+(?:you\s+(?:receive|learn|obtain|get)|related\s+to|relating\s+to|"
    r"regarding|about|in\s+connection\s+with|concerning)\b|"
    r"\b(?:all|any)\s+(?:aspects?|details?|parts?)\s+of\s+the\s+(?:program|software|product|game|"
    r"service|beta)\b|\bthe\s+info(?:rmation)?\s+you\s+learn\b|\bbeta\s+materials\b|"
    r"\b(?:any\s+)?non-public\s+information\s+(?:that\s+)?(?:we|\w+)\s+(?:share|provide|"
    r"disclose|give)|"
    r"\bthe\s+existence\s+of\s+(?:the|this)\s+(?:program|agreement)\b|"
    r"\b(?:your|the)\s+(?:participation|role|work)\s+(?:in|as)\b|\babout\s+the\s+game\b|"
    r"\bthe\s+(?:pre-release|beta)\s+(?:[\w-]+\s+)?(?:software|product|materials)\b|"
    r"\binformation\s+(?:that\s+)?you\s+(?:receive|learn|obtain|get|access)\s+(?:during|in|through|"
    r"while|as\s+part\s+of|in\s+connection\s+with)\s+(?:the\s+course\s+of\s+)?(?:the\s+|this\s+|"
    r"your\s+)?(?:participation|program|beta|test|testing|study|preview)\b"
)
_NARROW: Final = rx(
    r"\b(?:marked|designated|identified|labell?ed)\s+(?:as\s+)?confidential\b|"
    r"\bconfidential\s+information\s+(?:means|is\s+defined|includes|shall\s+mean)\b|"
    r"\bconfidential\s+information\s+(?:that\s+)?(?:we|\w+)\s+(?:share|provide|"
    r"disclose|give)|"
    r"\b(?:submission|report|vulnerability|finding)\s+details\b|\bdetails\s+of\s+(?:the\s+|any\s+)?"
    r"(?:vulnerabilit|submission|report|finding)|\binformation\s+about\s+(?:the\s+)?vulnerabilit|"
    r"\bany\s+vulnerabilit(?:y|ies)\b|\bvulnerabilit(?:y|ies)\s+(?:found|you\s+find|information)\b|"
    r"\b(?:submitted|reported)\s+(?:vulnerabilit(?:y|ies)|findings?|reports?|issues?)\b|"
    r"\b(?:report|submit|disclose)\s+(?:\w+\s+){0,2}?(?:vulnerabilit(?:y|ies)|findings?|bugs?)\s+"
    r"(?:\w+\s+){0,3}?privately\b"
)


@spotter(
    "confidentiality.scope",
    cue=_DUTY_CUE,
    prefer=("broad", "narrow"),
    examples={
        "You agree to a non-disclosure agreement, which prohibits you from sharing anything "
        "about the game with anyone.": "broad",
        "You may not disclose any information you receive in connection with the Program.": (
            "broad"
        ),
        "Submission details must be kept confidential during the validation period.": "narrow",
        "You agree not to disclose information marked as confidential.": "narrow",
        "You agree that any non-public information we share with you will be considered Acme's "
        "confidential information.": "broad",
        "The information you receive during the course of the program is proprietary and "
        "confidential information to Acme.": "broad",
        "No submitted vulnerability may be disclosed without explicit customer permission.": (
            "narrow"
        ),
        "Report vulnerabilities privately and allow time for remediation before public "
        "disclosure.": "narrow",
        "Please do not (i) share your password; or (ii) disclose or discuss any part of the "
        "software with anyone.": "broad",
    },
    counter_examples=(
        "We will keep all information about you confidential.",
        "You agree to sign a non-disclosure agreement.",
        "You should not share anything about the game with anyone.",
        "Testers said they could not share any information about the Program.",
        "You are not required to keep any information about the Program confidential.",
        "Work conducted as a part of the network is conducted under a non-disclosure "
        "agreement (NDA).",
        "Allow time for remediation before public disclosure.",
        "We will keep the information you receive during the program confidential.",
        "Researchers report vulnerabilities privately.",
    ),
)
def scope(sentence: Sentence) -> Iterator[Hit]:
    """What the confidentiality duty covers: ``broad`` (the whole program: "anything about the
    game", "any information you receive in connection with the Program", "any non-public
    information we share with you": "non-public" is a carve-out, not a class) or ``narrow``
    (defined confidential information: "information marked as confidential", "submission
    details", "any vulnerabilities", "no submitted vulnerability", "report vulnerabilities
    privately"). "The information you receive during the course of the program" is the whole
    program.

    Read only in a sentence that sets the duty (as ``confidentiality.nda`` reads it). Where
    sentences disagree, ``broad`` is written.

    Limits: a duty named without saying what it covers ("sign an NDA") leaves the scope
    unknown; a definition of confidential information in another sentence is not joined to
    the duty.
    """
    found = duty(sentence)
    if found is None or found[0] is False:
        return
    text = sentence.plain
    for pattern, value in ((_BROAD, "broad"), (_NARROW, "narrow")):
        match = pattern.search(text)
        if match:
            low, high = min(found[1].start(), match.start()), max(found[1].end(), match.end())
            yield hit(sentence, value, low, high, f"a {value} duty")
            return


_NUMBER: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty": 30,
    "thirty-six": 36, "sixty": 60, "ninety": 90, "a": 1, "an": 1,
}  # fmt: skip
_AMOUNT: Final = r"(?P<n>\d+(?:\.\d+)?|" + "|".join(sorted(_NUMBER, key=len, reverse=True)) + r")"
_UNIT: Final = r"(?P<unit>years?|months?|weeks?|days?)"
_DURATIONS: Final = (
    rx(
        rf"\b(?:for|during|of|lasts?)\s+(?:a\s+(?:period|term)\s+of\s+)?{_AMOUNT}\s*"
        rf"(?:\(\d+\)\s*)?[-\s]?{_UNIT}\b"
    ),
    rx(rf"\b{_AMOUNT}[-\s]{_UNIT}\s+(?:term|period|duration)\b"),
    rx(rf"\bperiod\s*\(\s*{_AMOUNT}\s+{_UNIT}\s*\)"),
)
_MONTHS_IN: Final = {"year": 12.0, "month": 1.0, "week": 7 / 30.44, "day": 1 / 30.44}


@spotter(
    "confidentiality.duration_months",
    cue=("confidential", "disclos", "nda", "secret"),
    examples={
        "The five-year term in the NDA is the time in which you are not permitted to discuss "
        "anything you are testing.": 60.0,
        "Submission details must be kept confidential during the validation period (two "
        "weeks).": 0.5,
        "You must keep the Confidential Information secret for two (2) years after the "
        "program ends.": 24.0,
    },
    counter_examples=(
        "You must report a vulnerability within 30 days of finding it.",
        "Confidentiality obligations survive the end of this agreement.",
        "You should keep the Confidential Information secret for two years.",
        "Testers said they had to keep the beta confidential for five years.",
        "We will keep your personal information confidential for two years.",
    ),
)
def duration_months(sentence: Sentence) -> Iterator[Hit]:
    """How long the confidentiality duty lasts, in months: "for two (2) years", "the
    five-year term in the NDA", "the validation period (two weeks)".

    Read only where the sentence is about confidentiality (an NDA, keeping something
    confidential, not disclosing). Years count 12 months, weeks and days 30.44 days a month,
    rounded to a tenth.

    Limits: a duty with no end ("survives termination", "perpetual") proposes nothing; a
    period that starts at an event (after the program ends) is read as its length alone.
    """
    text = sentence.plain
    found = duty(sentence)
    if found is None or found[0] is False:
        return
    match = next((m for pattern in _DURATIONS if (m := pattern.search(text))), None)
    if match is None:
        return
    amount_text = match.group("n").lower()
    amount = float(_NUMBER.get(amount_text, 0) or amount_text)
    unit = match.group("unit").lower().rstrip("s")
    months = round(amount * _MONTHS_IN[unit], 1)
    yield hit(sentence, months, *match.span(), f"a confidentiality period of {months:g} months")


_UNTIL_RELEASE: Final = rx(
    r"\buntil\s+(?:the\s+|its\s+)?(?:\w+\s+){0,3}?(?:is\s+|are\s+)?(?:publicly\s+|commercially\s+)?"
    r"(?:released|releases?|launched|launch(?:es)?|announced|announces?|"
    r"made\s+(?:publicly\s+)?available|public\s+release|"
    r"general\s+availability|commercial\s+release|launch|release)\b|"
    r"\b(?:ends?|expires?|terminates?|lapses?|ceases?)\s+(?:when|upon|at|on)\s+(?:the\s+)?"
    r"(?:\w+\s+){0,3}?(?:public\s+)?(?:release|launch|announcement)\b|"
    r"\b(?:no\s+longer|not)\s+(?:be\s+)?confidential\s+(?:once|after|when)\b"
    + gap(60)
    + r"\b(?:released|public|launched|announced)|"
    r"\b(?:extends?|lasts?|continues?|runs?|applies|remains?\s+in\s+(?:force|effect))\s+"
    r"(?:through|until|till|up\s+to)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:public\s+disclosure|"
    r"(?:public\s+)?release|launch)\b|"
    r"\buntil\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?public\s+disclosure\s+date\b|"
    r"\buntil\s+(?:the\s+|a\s+)?(?:\w+\s+){0,3}?(?:is|are|has\s+been|have\s+been)\s+(?:fixed|"
    r"remediated|patched|resolved)\b|" + _FIX + gap(80) + _BEFORE_PUBLIC
)
"""Ends at release, or, for findings in a released product, at the fix or the coordinated
disclosure date (docs/codebook.md): "through the coordinated public disclosure date", "until
the vulnerability is fixed", "allow time for remediation before public disclosure"."""
_NAMES_DUTY: Final = rx(
    r"\bconfidentiality\s+(?:period|obligations?|dut(?:y|ies)|term|restrictions?)\b|"
    r"\bduty\s+of\s+confidentiality\b|\bNDA\b|\bnon-?disclosure\b"
)
_ENDS_WORDS: Final = ("until", "till", "releas", "launch", "announc", "before", "through", "up to")
"""Words :data:`_UNTIL_RELEASE` cannot match without (each alternative holds one)."""
_UNTIL: Final = rx(r"\b(?:until|till|unless|without|except|before|after|prior\s+to)\b")


@spotter(
    "confidentiality.ends_at_release",
    cue=("release", "launch", "announce", "available", "disclos", "fixed", "remediat", "patched"),
    prefer=(True, False),
    examples={
        "You must keep the beta confidential until Acme publicly releases it.": True,
        "Your confidentiality obligations end upon the public release of the game.": True,
        "If contracted, the confidentiality period extends through the coordinated public "
        "disclosure date.": True,
        "Report vulnerabilities privately and allow time for remediation before public "
        "disclosure.": True,
        "You must keep the details of a vulnerability confidential until it has been fixed.": (
            True
        ),
        "This program does not allow disclosure.": False,
    },
    counter_examples=(
        "Acme will release the beta to more testers in March.",
        "Avoid public disclosure of any vulnerabilities until authorized by Acme in writing.",
        "These confidentiality obligations continue after the public release of the product.",
        "You should keep the beta confidential until Acme publicly releases it.",
        "Testers said the beta was confidential until Acme released it.",
        "We allow vendors time for remediation before public disclosure of what we find.",
        "The researcher allows the vendor the opportunity to fix the issue before any party "
        "discloses it publicly.",
        "You should allow time for remediation before public disclosure.",
        "This program does not allow disclosure without our written permission.",
        "We do not allow disclosure of your personal data.",
        "The bug bounty program runs until the public release of version 2.",
        "Your confidentiality obligations continue until five years after the public release.",
    ),
)
def ends_at_release(sentence: Sentence) -> Iterator[Hit]:
    """The confidentiality duty ends when the product is public, or, for findings in a
    released product, at the fix or the coordinated disclosure date: "confidential until Acme
    publicly releases it", "obligations end upon the public release", "the confidentiality
    period extends through the coordinated public disclosure date", "allow time for
    remediation before public disclosure".

    Read only in a sentence that sets the duty or names it (an NDA, the confidentiality
    period or obligations). ``false`` needs disclosure never allowed: "This program does not
    allow disclosure.", with no "until", "without" or "unless" after it. "Continue after the
    public release" says no word of negation and proposes nothing: a value the quote does
    not say in so many words is unknown.

    Limits: a duty that ends at an authorization ("until authorized in writing") or a fixed
    date says nothing about release and proposes nothing; a duty for a fixed term is
    ``duration_months``; a duty whose end is not stated ("you may not disclose") is unknown,
    not ``false``.
    """
    text = sentence.plain
    lower = text.lower()
    ends = any(word in lower for word in _ENDS_WORDS)
    if not ends and "disclosure" not in lower:
        return  # neither an end nor a rule on disclosure: a cheap test first
    found = duty(sentence)
    if found is not None and found[0] is False:
        return
    if found is None and not (
        any(word in lower for word in ("confidentiality", "nda", "disclosure agreement"))
        and _NAMES_DUTY.search(text)
    ):
        return
    until = _UNTIL_RELEASE.search(text) if ends else None
    if until and not negated(text, until.start() + 1, 15):
        yield hit(sentence, True, *until.span(), "the duty ends at release")
        return
    if found is None or found[1].re is not _NOT_ALLOWED.compiled:
        return
    if not _UNTIL.search(text, found[1].end()) and not _OWN_DUTY.search(text):
        yield hit(sentence, False, *found[1].span(), "disclosure is never allowed")


_CARVE_OUTS: Final = (
    (
        "public-information",
        rx(
            r"\bpublicly\s+available\b|\bpublic\s+knowledge\b|\bgenerally\s+(?:known|available)\b|"
            r"\b(?:is|becomes|has\s+become)\s+(?:publicly\s+)?(?:public|known)\b|"
            r"\bpublicly\s+(?:shared|disclosed|released|announced)\s+by\b|\bin\s+the\s+public\s+domain\b"
        ),
    ),
    (
        "own-experience",
        rx(
            r"\b(?:talk|speak|write|post|share|blog)\w*\s+(?:publicly\s+)?about\s+(?:your|their)\s+"
            r"(?:own\s+)?(?:experience|participation|opinions?|views?)"
        ),
    ),
    (
        "after-release",
        rx(
            r"\b(?:after|once|following)\s+(?:the\s+|its\s+)?(?:\w+\s+){0,3}?(?:public\s+)?"
            r"(?:release|launch|is\s+released|becomes\s+public)"
        ),
    ),
    (
        "required-by-law",
        rx(
            r"\brequired\s+(?:to\s+do\s+so\s+)?by\s+(?:law|regulation|a\s+court|statute)|"
            r"\b(?:court|judicial|governmental|government)\s+(?:or\s+\w+\s+)*orders?\b|\bsubpoena\b|"
            r"\blegally\s+(?:compelled|required)\b"
        ),
    ),
)
_EXCEPT: Final = rx(
    r"\b(?:(?:does|do|will|shall)\s+not\s+(?:include|apply|cover)|won't\s+(?:include|apply|cover)|"
    r"not\s+(?:be\s+)?liable\s+(?:\w+\s+){0,3}?for\s+(?:the\s+)?disclosure|not\s+covered|except|"
    r"exclud\w*|other\s+than|"
    r"shall\s+not\s+(?:include|apply)|exceptions?|may\s+(?:disclose|share|discuss|talk|speak)|"
    r"(?:is|are)\s+free\s+to|nothing\s+(?:in\s+(?:\w+\s+){1,3})?(?:prevents|stops|restricts)|"
    r"in\s+accordance\s+with|you\s+may\s+do\s+so)\b"
)


@spotter(
    "confidentiality.carve_outs",
    cue=("confidential", "disclos", "nda"),
    examples={
        "Any information publicly shared by Acme is not covered by an NDA.": (
            "public-information",
        ),
        "If you are required by law or a court order to disclose our Confidential "
        "Information, you may do so, but only if you notify us first.": ("required-by-law",),
        "Nothing in this NDA prevents you from talking about your own experience in the program.": (
            "own-experience",
        ),
        "The confidentiality obligations in this Section won't apply to information that you can "
        "prove: (i) was generally available to the public before we disclosed it to you;": (
            "public-information",
        ),
        "Further, you shall not be liable to Acme for disclosure of confidential information "
        "which you can prove becomes publicly known through no wrongful act of yours.": (
            "public-information",
        ),
    },
    counter_examples=(
        "You must keep all Confidential Information secret.",
        "Acme may disclose your data where required by law.",
        "Testers said information that is publicly available was not covered by the NDA.",
        "You should not disclose confidential information, even if it is publicly available.",
        "You will be liable for any disclosure of confidential information that is not "
        "publicly available.",
    ),
)
def carve_outs(sentence: Sentence) -> Iterator[Hit]:
    """What the confidentiality duty leaves out: public information, the participant's own
    experience, what may be said after release, disclosure required by law.

    Read only in a sentence about confidentiality that makes an exception ("not covered",
    "except", "won't apply to", "you may disclose", "nothing prevents you", "you shall not be
    liable for disclosure of"). The value lists what that one
    sentence names; where several sentences name carve-outs, the one that names most is
    written and ``--details`` shows the others.

    Limits: carve-outs spread over several sentences are not joined into one value; the
    organization's own right to disclose (as required by law) is not a carve-out.
    """
    text = sentence.plain
    exception = _EXCEPT.search(text)
    if exception is None:
        return
    if exception.group(0).lower().startswith("may") and actor(text, exception.start() + 1) == (
        "organization"
    ):
        return  # the organization's own right to disclose
    found = [(name, m) for name, pattern in _CARVE_OUTS if (m := pattern.search(text))]
    if not found:
        return
    low = min([exception.start(), *(m.start() for _, m in found)])
    high = max([exception.end(), *(m.end() for _, m in found)])
    names = tuple(name for name, _ in found)
    yield hit(sentence, names, low, high, "exceptions to confidentiality")
