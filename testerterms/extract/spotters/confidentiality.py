"""Confidentiality: whether there is a duty, what it covers, how long, and what it leaves out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Final

from .._core import Hit, spotter
from .._text import Sentence
from ._vocab import PROHIBIT, actor, gap, hit, negated, rx

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
_DISCLOSE_BAN: Final = rx(
    rf"\b{PROHIBIT}\s+(?:[\w,]+\s+){{0,4}}?(?:disclos\w*|shar\w*|publish\w*|disseminat\w*|"
    r"releas\w*|reveal\w*|discuss\w*|talk\w*\s+about|post\w*|blog\w*|tweet\w*)\b"
    + gap(80)
    + r"\b(?:confidential\s+information|confidential\s+details|information\s+about|"
    r"any\s+(?:other\s+)?information|beta\s+materials|anything\s+about|details\s+of|"
    r"(?:submission|report|vulnerability|finding)\s+details|vulnerabilit(?:y|ies)|anything\b|"
    r"information\s+(?:marked|designated|identified)|your\s+(?:role|participation|work)\b)"
)
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
    for pattern in (
        _SIGN_NDA,
        _KEEP,
        _DISCLOSE_BAN,
        _NOTHING_DISCLOSED,
        _OBLIGATIONS,
        _IS_CONFIDENTIAL,
    ):
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
    },
    counter_examples=(
        "We will keep your personal information confidential.",
        "You should not disclose confidential details.",
        "Any information publicly shared by Acme is not covered by an NDA.",
        "Testers said they had to sign an NDA.",
    ),
)
def nda(sentence: Sentence) -> Iterator[Hit]:
    """Participants have a confidentiality duty: "sign a non-disclosure agreement", "you agree
    to keep ... confidential", "may not disclose Confidential Information", "is confidential
    information of Acme".

    ``false`` needs the duty denied ("not required to sign a non-disclosure agreement"). The
    organization's promise to keep participants' data confidential is not this term; "should
    not disclose" is a request. Information said not to be covered by an NDA is a carve-out
    (``carve_outs``), not ``false``. Where sentences disagree, ``true`` is written.

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
    r"\bthe\s+(?:pre-release|beta)\s+(?:[\w-]+\s+)?(?:software|product|materials)\b"
)
_NARROW: Final = rx(
    r"\b(?:marked|designated|identified|labell?ed)\s+(?:as\s+)?confidential\b|"
    r"\bconfidential\s+information\s+(?:means|is\s+defined|includes|shall\s+mean)\b|"
    r"\bconfidential\s+information\s+(?:that\s+)?(?:we|\w+)\s+(?:share|provide|"
    r"disclose|give)|"
    r"\b(?:submission|report|vulnerability|finding)\s+details\b|\bdetails\s+of\s+(?:the\s+|any\s+)?"
    r"(?:vulnerabilit|submission|report|finding)|\binformation\s+about\s+(?:the\s+)?vulnerabilit|"
    r"\bany\s+vulnerabilit(?:y|ies)\b|\bvulnerabilit(?:y|ies)\s+(?:found|you\s+find|information)\b"
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
    },
    counter_examples=(
        "We will keep all information about you confidential.",
        "You agree to sign a non-disclosure agreement.",
        "You should not share anything about the game with anyone.",
        "Testers said they could not share any information about the Program.",
        "You are not required to keep any information about the Program confidential.",
        "Work conducted as a part of the network is conducted under a non-disclosure "
        "agreement (NDA).",
    ),
)
def scope(sentence: Sentence) -> Iterator[Hit]:
    """What the confidentiality duty covers: ``broad`` (the whole program: "anything about the
    game", "any information you receive in connection with the Program", "any non-public
    information we share with you": "non-public" is a carve-out, not a class) or ``narrow``
    (defined confidential information: "information marked as confidential", "submission
    details", "any vulnerabilities").

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
    + r"\b(?:released|public|launched|announced)"
)


@spotter(
    "confidentiality.ends_at_release",
    cue=("release", "launch", "announce", "available"),
    prefer=(True,),
    examples={
        "You must keep the beta confidential until Acme publicly releases it.": True,
        "Your confidentiality obligations end upon the public release of the game.": True,
    },
    counter_examples=(
        "Acme will release the beta to more testers in March.",
        "Avoid public disclosure of any vulnerabilities until authorized by Acme in writing.",
        "These confidentiality obligations continue after the public release of the product.",
        "You should keep the beta confidential until Acme publicly releases it.",
        "Testers said the beta was confidential until Acme released it.",
    ),
)
def ends_at_release(sentence: Sentence) -> Iterator[Hit]:
    """The confidentiality duty ends when the product is public: "confidential until Acme
    publicly releases it", "obligations end upon the public release".

    Read only in a sentence that sets the duty or names confidentiality. ``false`` is not
    proposed: "continue after the public release" says no word of negation, and a value the
    quote does not say in so many words is unknown.

    Limits: a duty that ends at an authorization ("until authorized in writing") or a fixed
    date says nothing about release and proposes nothing; a duty for a fixed term is
    ``duration_months``.
    """
    text = sentence.plain
    found = duty(sentence)
    if found is None or found[0] is False:
        return
    until = _UNTIL_RELEASE.search(text)
    if until and not negated(text, until.start() + 1, 15):
        yield hit(sentence, True, *until.span(), "the duty ends at release")


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
    r"\b(?:does\s+not\s+(?:include|apply|cover)|not\s+covered|except|exclud\w*|other\s+than|"
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
    },
    counter_examples=(
        "You must keep all Confidential Information secret.",
        "Acme may disclose your data where required by law.",
        "Testers said information that is publicly available was not covered by the NDA.",
        "You should not disclose confidential information, even if it is publicly available.",
    ),
)
def carve_outs(sentence: Sentence) -> Iterator[Hit]:
    """What the confidentiality duty leaves out: public information, the participant's own
    experience, what may be said after release, disclosure required by law.

    Read only in a sentence about confidentiality that makes an exception ("not covered",
    "except", "you may disclose", "nothing prevents you"). The value lists what that one
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
