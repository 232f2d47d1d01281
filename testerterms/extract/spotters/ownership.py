"""Ownership: who owns outputs, the licences the organization takes, and use of data."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from .._core import Hit, spotter
from .._patterns import Searchable
from .._text import Sentence
from ._vocab import (
    ANYWHERE,
    FEEDBACK,
    NEGATION,
    OUTPUTS,
    PARTICIPANT,
    WORD,
    Staged,
    actor,
    gap,
    hit,
    led,
    negated,
    rx,
)

_MADE: Final = (
    rf"(?:{OUTPUTS}|code|text|media)\s+(?:that\s+)?(?:you|participants?|creators?)\s+"
    r"(?:create|make|generate|produce|submit|upload|author)\w*|"
    r"(?:outputs?|creative\s+(?:works?|outputs?)|generations?|videos?|images?|art(?:works?)?|"
    r"films?|creations?|deliverables?)"
)
_PARTICIPANT_OWNS: Final = Staged(
    (
        rf"\b{PARTICIPANT}\s+(?:will\s+|shall\s+|continue\s+to\s+)?(?:retain|keep|own|maintain|hold)s?\s+"
        r"(?:all\s+|full\s+|any\s+|the\s+|sole\s+)?(?:(?:right,?\s+title,?\s+and\s+interest|ownership|"
        r"rights?|title|intellectual\s+property(?:\s+rights)?|copyright)\s+(?:in|to|of|over)\s+)?"
        + gap(60)
        + rf"\b(?:{_MADE})\b",
        rf"\b{PARTICIPANT}\s+(?:will\s+|shall\s+|continue\s+to\s+)?(?:retain|keep|own|maintain|hold)",
        (ANYWHERE, rf"\b(?:{_MADE})\b"),
    ),
    (
        r"(?P<disowned>\b(?:does|do|will|shall)\s+not\s+(?:own|claim\s+(?:any\s+)?ownership\s+"
        r"(?:of|in)|acquire\s+(?:any\s+)?(?:ownership|rights?|title)\s+(?:in|to))\s+"
        + gap(40)
        + rf"\b(?:{_MADE})\b)",
        r"\b(?:does|do|will|shall)\s+not\s+(?:own|claim|acquire)",
        (ANYWHERE, rf"\b(?:{_MADE})\b"),
    ),
    (
        rf"\b(?:{_MADE})\b" + gap(80) + rf"\b(?:belongs?|remains?|are|is)\s+{WORD}?"
        r"(?:to\s+you|yours|owned\s+by\s+you|your\s+(?:sole\s+)?property)\b",
        rf"\b(?:{_MADE})\b",
        (ANYWHERE, r"(?:to\s+you|yours|owned\s+by\s+you|your\s+(?:sole\s+)?property)\b"),
    ),
)
"""Searched in stages (see :class:`~._vocab.Staged`): a word for what participants make is
looked for after a participant who keeps, or a company that does not own, only where one
follows in the clause."""
_ORGANIZATION_OWNS: Final = Staged(
    (
        r"\b(?:hereby\s+)?assigns?\s+(?:to\s+\w+\s+)?(?:all\s+)?(?:(?:of\s+)?(?:your\s+)?(?:right|"
        r"title|ownership|rights|interest))" + gap(80) + rf"\b(?:{_MADE})\b",
        r"\b(?:hereby\s+)?assigns?\s",
        (ANYWHERE, rf"\b(?:{_MADE})\b"),
    ),
    (
        rf"\b(?:{_MADE})\b" + gap(100) + r"\b(?:shall|will|is|are)\s+(?:be\s+|become\s+|remain\s+)?"
        r"(?:the\s+)?(?:sole\s+(?:and\s+exclusive\s+)?|exclusive\s+)?(?:property\s+of|owned\s+"
        r"(?:exclusively\s+|solely\s+)?by)\s+(?!you\b)",
        rf"\b(?:{_MADE})\b",
        (ANYWHERE, r"(?:property\s+of|owned\s)"),
    ),
    rf"\b(?:we|(?!not\b|never\b)\w+)\s+(?:will\s+|shall\s+)?own\s+(?:all\s+)?(?:right,?\s+title\s+and\s+interest\s+in\s+)?"
    rf"(?:the\s+|all\s+|any\s+)?(?:{_MADE})\b",
    r"\bworks?\s+made\s+for\s+hire\b",
)
"""Searched in stages: an assignment, or a word for what participants make, is tried only
where the rest of the alternative's words follow in the clause."""
_SHARED_OWNERSHIP: Final = rx(r"\bjointly\s+owned\b|\bjoint\s+ownership\b|\bco-own\w*")


@spotter(
    "ownership.outputs",
    cue=("own", "title", "belong", "property", "assign", "retain", "hire"),
    prefer=("organization", "shared", "participant"),
    examples={
        "You retain ownership of the outputs you create with the tool.": "participant",
        "Acme does not own the output sent to you by the software.": "participant",
        "You hereby assign to Acme all right, title and interest in the videos you "
        "create.": "organization",
        "All outputs shall be the sole and exclusive property of Acme.": "organization",
        "Works you create in the program are jointly owned by you and Acme.": "shared",
    },
    counter_examples=(
        "Acme retains all right, title and interest in the Beta Software.",
        "You may not claim ownership of the Acme logo.",
        "Creators said they kept the rights to their videos.",
        "You should not claim ownership of the outputs you create.",
        "We retain ownership of our models, not of the videos you create.",
        "You will not own the outputs you create.",
        "The outputs you create do not belong to you.",
        "Outputs you create are not owned by you.",
    ),
)
def outputs(sentence: Sentence) -> Iterator[Hit]:
    """Who owns what participants create: "you retain ownership of the outputs"
    (``participant``), "you assign all right, title and interest in the videos" or "shall be
    the property of Acme" (``organization``), "jointly owned" (``shared``).

    Read only where the sentence names what participants make (outputs, videos, content they
    create, submissions); the organization's ownership of its own software is not this term.
    Where sentences disagree, ``organization`` is written.

    Limits: a licence the organization takes (``output_licence``) is not ownership; "neither
    party acquires rights" is not read as ``participant``.
    """
    text = sentence.plain
    for pattern, value, cue in (
        (_ORGANIZATION_OWNS, "organization", "the organization owns outputs"),
        (_SHARED_OWNERSHIP, "shared", "outputs owned jointly"),
        (_PARTICIPANT_OWNS, "participant", "participants own outputs"),
    ):
        match = pattern.search(text)
        if match is None:
            continue
        if pattern is not _PARTICIPANT_OWNS or match.group("disowned") is None:
            if negated(text, match.start() + 1, 20) or (
                pattern is _PARTICIPANT_OWNS and NEGATION.search(match.group(0))
            ):
                continue  # "outputs you create do not belong to you"
        elif actor(text, match.start() + 1) == "participant":
            continue  # "you will not own the outputs": the participant disowns them
        yield hit(sentence, value, *match.span(), cue)
        return


_LIMITS: Final = (
    (
        "personal-use",
        rx(
            r"\b(?:your\s+)?(?:own\s+)?(?:personal|private)(?:,?\s+(?:and\s+)?non-?commercial)?\s+"
            r"(?:use|purposes)\b"
        ),
    ),
    (
        "non-commercial",
        rx(
            r"\bnon-?commercial\s+(?:use|purposes)\b|\bmay\s+not\s+(?:use|sell|exploit|monetize|"
            r"license)\s+" + gap(60) + r"\bcommercial(?:ly)?\b|\bfor\s+any\s+commercial\s+purpose"
        ),
    ),
    (
        "not-before-release",
        rx(
            r"\b(?:until|before)\s+(?:the\s+|its\s+)?(?:\w+\s+){0,2}?(?:public\s+|official\s+)?"
            r"(?:release|launch)\b"
        ),
    ),
)
_USE_OUTPUTS: Final = rx(
    rf"\b{PARTICIPANT}\s+(?:may|can|must|shall|will|agree)\s+(?:\w+\s+){{0,3}}?(?:use|sell|exploit|"
    r"publish|share|distribute|monetize)\w*\b" + gap(80) + rf"\b(?:{_MADE})\b|"
    rf"\b(?:{_MADE})\b" + gap(60) + r"\b(?:may|can)\s+(?:only\s+)?be\s+used\b"
)


@spotter(
    "ownership.output_limits",
    cue=("commercial", "personal", "private", "release", "launch"),
    examples={
        "You may use the outputs you create for personal, non-commercial purposes only.": (
            "personal-use",
            "non-commercial",
        ),
        "You may not sell or otherwise use the videos you make commercially.": ("non-commercial",),
        "You may not publish outputs you generate until the public release of the tool.": (
            "not-before-release",
        ),
    },
    counter_examples=(
        "Acme may use your content for commercial purposes.",
        "You may not use the beta software for commercial purposes.",
        "You should use the outputs you create for personal, non-commercial purposes.",
        "Testers said they could use their videos for personal use only.",
    ),
)
def output_limits(sentence: Sentence) -> Iterator[Hit]:
    """Limits on how participants may use the outputs they make: ``personal-use``,
    ``non-commercial``, ``not-before-release``.

    Read only where the participant's use of what they make is limited ("you may use the
    outputs ... for personal, non-commercial purposes only"); limits on the organization's
    use, or on the participant's use of the organization's software, are not this term.

    Limits: ``other`` (any other limit) is never proposed; limits spread over several
    sentences are not joined.
    """
    text = sentence.plain
    use = _USE_OUTPUTS.search(text)
    if use is None or actor(text, use.start() + 1) == "organization":
        return
    found = [(name, m) for name, pattern in _LIMITS if (m := pattern.search(text))]
    if not found:
        return
    low = min([use.start(), *(m.start() for _, m in found)])
    high = max([use.end(), *(m.end() for _, m in found)])
    yield hit(sentence, tuple(name for name, _ in found), low, high, "limits on using outputs")


# --- licences ------------------------------------------------------------------------------

_GRANT: Final = Staged(
    (
        r"\b(?:you\s+)?(?:hereby\s+)?(?:grants?|gives?|provides?|licen[cs]es?)\s+(?:to\s+)?"
        r"(?P<who>[\w&.,' -]{1,60}?)\s+(?:(?:a|an|the)\s+)?(?P<adjectives>[^;:.]{0,200}?)\b"
        r"(?P<noun>licen[cs]es?|rights?|permission)\b(?P<rest>[^;:]{0,300})",
        r"\b(?:you\s+)?(?:hereby\s+)?(?:grants?|gives?|provides?|licen[cs]es?)\s",
        (600, r"\b(?:licen[cs]es?|rights?|permission)\b"),
    ),
    (
        r"\b(?P<object>" + FEEDBACK + r"|(?:videos?|content|outputs?|submissions?|reports?))\b"
        r"[^;:.]{0,80}?\b(?:may|can|will)\s+be\s+used\s+by\b(?P<rest2>[^;:]{0,200})",
        r"\b(?:" + FEEDBACK + r"|(?:videos?|content|outputs?|submissions?|reports?))\b",
        (300, r"\b(?:may|can|will)\s+be\s+used\s+by\b"),
    ),
    r"\b(?:we|\w+)\s+(?:may|can)\s+(?:freely\s+)?use\s+(?:any|your|all|the)?\s*(?P<object2>"
    + FEEDBACK
    + r"|(?:videos?|content|outputs?|submissions?))\b(?P<rest3>[^;:]{0,200})",
    r"\b(?:you\s+)?licen[cs]es?\s+\w+\s+to\s+(?:freely\s+)?use\s+(?:any|your|all|the)?\s*"
    r"(?P<object3>"
    + FEEDBACK
    + r"|(?:videos?|content|outputs?|submissions?))\b(?P<rest4>[^;:]{0,200})",
)
_BROAD_USE: Final = rx(
    r"\bany\s+(?:way|purpose|manner|media)\b|\bfor\s+any\s+purpose\b|\bwithout\s+(?:any\s+)?"
    r"(?:obligations?|restrictions?|limitations?)\b|\bcommerciali[sz]\w*|\bcommercial(?:ly)?\b|"
    r"\bsub-?licens\w*|\bperpetual\b|\birrevocable\b|\bworldwide\b|\btransferable\b|\bfreely\b|"
    r"\bfull\s+rights\b|\bmarketing\b|\bpromot\w*|\badvertis\w*|\bunrestricted\b|"
    r"\bdisplay,?\s+repost\b|\breproduce,?\s+distribute\b"
)
_LIMITED_USE: Final = rx(
    r"\b(?:solely|only)\s+(?:to|for)\s+(?:the\s+purposes?\s+of\s+)?(?:operat|provid|improv|run|"
    r"administer|evaluat|the\s+program|the\s+purposes?\s+of\s+the\s+program)"
)


_BY_SUBMITTING: Final = rx(
    r"\b(?:by|when|upon|in)\s+(?:submitting|uploading|posting|sending|providing|making)\s+"
    r"(?P<given>(?:a|an|any|your|the|such)?\s*(?:[\w-]+\s+){0,2}?(?:"
    + FEEDBACK
    + "|"
    + OUTPUTS
    + r"))\b"
)
"""What a licence is over, where the grant names it only as what is submitted: "By submitting a
report, you grant Acme full rights to use ..." (the words after the grant may be cut off)."""


@dataclass(frozen=True)
class Grant:
    """A licence a sentence grants: over what (``outputs`` or ``feedback``), its words, and
    where its adjectives stand."""

    over: str
    start: int
    end: int
    adjectives: tuple[int, int]
    noun_end: int


@lru_cache(maxsize=64)
def _grant(plain: str) -> Grant | None:
    match = _GRANT.search(plain)
    if match is None or negated(plain, match.start() + 1, 20):
        return None
    if match.group("noun"):
        who = match.group("who").lower()
        if re.search(rf"\b{PARTICIPANT}\b", who) and not who.startswith(("you ", "your")):
            pass
        if re.match(r"you\b", who.strip()) and match.group(0).lower().startswith(("grant", "give")):
            who_grants_you = actor(plain, match.start() + 1) == "organization"
            if who_grants_you:
                return None  # the organization grants the participant a licence
        rest = match.group("rest") + " " + match.group("adjectives")
        adjectives = match.span("adjectives")
        noun_end = match.end("noun")
    else:
        rest = (
            (match.group("object") or match.group("object2") or match.group("object3") or "")
            + " "
            + (match.group("rest2") or match.group("rest3") or match.group("rest4") or "")
        )
        adjectives = (match.start(), match.start())
        noun_end = match.end()
    feedback = re.search(rf"\b{FEEDBACK}\b", rest, re.IGNORECASE)
    made = re.search(rf"\b(?:{OUTPUTS})\b", rest, re.IGNORECASE)
    if feedback is None and made is None:  # "By submitting a report, you grant Acme ... rights"
        given = _BY_SUBMITTING.search(plain, max(0, match.start() - 120), match.start())
        if given is not None:
            rest = given.group("given")
            feedback = re.search(rf"\b{FEEDBACK}\b", rest, re.IGNORECASE)
            made = re.search(rf"\b(?:{OUTPUTS})\b", rest, re.IGNORECASE)
    if feedback and (made is None or feedback.start() < made.start()):
        over = "feedback"
    elif made:
        over = "outputs"
    else:
        return None
    return Grant(over, match.start(), match.end(), adjectives, noun_end)


def _breadth(sentence: Sentence, grant: Grant) -> tuple[str, re.Match[str]] | None:
    text = sentence.plain
    broad = _BROAD_USE.search(text, grant.start, grant.end)
    if broad:
        return "broad", broad
    limited = _LIMITED_USE.search(text, grant.start, grant.end)
    if limited:
        return "limited", limited
    return None


def _licence(sentence: Sentence, over: str, what: str) -> Iterator[Hit]:
    """A licence over ``over`` (outputs or feedback) and how far it reaches."""
    grant = _grant(sentence.plain)
    if grant is None or grant.over != over:
        return
    found = _breadth(sentence, grant)
    if found:
        value, match = found
        high = max(grant.end, match.end())
        yield hit(sentence, value, grant.start, high, f"a {value} licence {what}")


@spotter(
    "ownership.output_licence",
    cue=("licen", "right", "permission", "use"),
    prefer=("broad", "limited", "none"),
    examples={
        "You grant Acme a perpetual, worldwide, royalty-free, non-exclusive license to use, "
        "display, repost and share any videos you create using the tool.": "broad",
        "You grant Acme a licence to use your submissions solely to operate the "
        "program.": "limited",
        "By submitting a report, you grant Acme full rights to use the vulnerability "
        "information.": "broad",
        "By submitting a report, you grant Acme full rights to use it.": "broad",
    },
    counter_examples=(
        "Acme grants you a limited licence to use the beta software.",
        "You grant Acme a perpetual licence to use your feedback for any purpose.",
        "By submitting feedback, you grant Acme full rights to use it.",
        "By submitting a report, you grant Acme a licence to use it.",
        "You do not grant Acme any licence to your videos.",
        "You should grant Acme a worldwide licence to use the videos you create.",
        "Artists said they had to grant Acme a perpetual licence to their videos.",
    ),
)
def output_licence(sentence: Sentence) -> Iterator[Hit]:
    """The licence the organization takes over what participants make (not their feedback):
    ``broad`` ("for any purpose", "worldwide", "perpetual", "sublicensable", marketing use)
    or ``limited`` ("solely to operate the program").

    A licence granted to the participant (to use the organization's software) is not this
    term. What the licence is over may be named as what is submitted ("By submitting a
    report, you grant Acme full rights to use it"). Where sentences disagree, ``broad`` is
    written.

    Limits: ``none`` is not proposed (a licence not taken is rarely stated); what the licence
    covers (``output_licence_uses``) is not proposed; a grant without words about its reach
    leaves the reach unknown.
    """
    yield from _licence(sentence, "outputs", "over outputs")


@spotter(
    "ownership.feedback_licence",
    cue=("feedback", "suggestion", "idea", "comment", "recommendation"),
    prefer=("broad", "limited", "none"),
    examples={
        "You give Acme the right to use, share, and commercialize your feedback in any way "
        "and for any purpose.": "broad",
        "Acme may use any Feedback without any obligations or restrictions.": "broad",
        "Any feedback that you provide can be used by Acme without charge, in any way, for "
        "any purpose.": "broad",
        "You grant Acme a licence to use your feedback solely to improve the program.": ("limited"),
    },
    counter_examples=(
        "Please send us your feedback by email.",
        "You grant Acme a worldwide licence to use the videos you create.",
        "Testers said Acme used their feedback for any purpose.",
        "You should give Acme the right to use your feedback for any purpose.",
        "Acme does not take any licence to your feedback for any purpose.",
    ),
)
def feedback_licence(sentence: Sentence) -> Iterator[Hit]:
    """The licence the organization takes to participants' feedback and suggestions:
    ``broad`` ("in any way and for any purpose", "without obligations or restrictions",
    "commercialize", "perpetual") or ``limited`` ("solely to improve the program").

    Where sentences disagree, ``broad`` is written.

    Limits: ``none`` is not proposed; whether the licence outlives participation
    (``licence_survives``) is not proposed.
    """
    yield from _licence(sentence, "feedback", "to feedback")


def _modifier(sentence: Sentence, pattern: Searchable, value: bool, cue: str) -> Iterator[Hit]:
    """A word among a licence's adjectives ("a perpetual, royalty-free license"): the hit runs
    from the grant to the word; its narrow quote from the word to the licence noun."""
    grant = _grant(sentence.plain)
    if grant is None or grant.over != "outputs":
        return
    low, high = grant.adjectives
    match = pattern.search(sentence.plain, low, high)
    if match is None:
        return
    narrow = (match.start(), grant.noun_end)
    yield hit(sentence, value, grant.start, grant.noun_end, cue, narrow=narrow)


_PERPETUAL: Final = rx(r"(?<![-\w])perpetual\b")
_NOT_PERPETUAL: Final = rx(r"\b(?:non-perpetual|term-limited|time-limited)\b")
_IRREVOCABLE: Final = rx(r"(?<![-\w])irrevocable\b")
_EXCLUSIVE: Final = rx(r"(?<![-\w])exclusive\b")
_NON_EXCLUSIVE: Final = rx(r"\bnon-?exclusive\b")
_UNPAID: Final = rx(
    r"\broyalty-free\b|\bfully\s+paid(?:-up|\s+up)?\b|\bwithout\s+(?:charge|payment|compensation)\b|"
    r"\bfree\s+of\s+charge\b|\bno-charge\b"
)
_PAID: Final = rx(r"\broyalty-bearing\b|\bpaid\s+licen[cs]e\b")

_LICENCE_EXAMPLE: Final = (
    "You grant Acme a perpetual, irrevocable, worldwide, royalty-free, non-exclusive license "
    "to use and display any videos you create."
)


@spotter(
    "ownership.output_licence_perpetual",
    cue=("perpetual",),
    prefer=(True, False),
    examples={
        _LICENCE_EXAMPLE: True,
        "You grant Acme a non-perpetual licence to display the videos you create.": False,
    },
    counter_examples=("You grant Acme a perpetual licence to use your feedback.",),
)
def output_licence_perpetual(sentence: Sentence) -> Iterator[Hit]:
    """The licence over outputs has no end: "a perpetual ... license"; ``false`` needs
    "non-perpetual" or "time-limited".

    Read only among the adjectives of a licence over outputs (see ``output_licence``).

    Limits: a licence "for the duration of the program" is not read as ``false``.
    """
    yield from _modifier(sentence, _PERPETUAL, True, "a perpetual licence")
    yield from _modifier(sentence, _NOT_PERPETUAL, False, "a time-limited licence")


@spotter(
    "ownership.output_licence_irrevocable",
    cue=("revocable",),
    prefer=(True, False),
    examples={_LICENCE_EXAMPLE: True},
    counter_examples=("Acme grants you a revocable licence to the beta software.",),
)
def output_licence_irrevocable(sentence: Sentence) -> Iterator[Hit]:
    """The licence over outputs cannot be withdrawn: "an irrevocable ... license".

    Read only among the adjectives of a licence over outputs.

    Limits: ``false`` ("a revocable license") is not proposed, since the quote would say no
    word of negation; a right to withdraw stated in another sentence is not joined to the
    licence.
    """
    yield from _modifier(sentence, _IRREVOCABLE, True, "an irrevocable licence")


@spotter(
    "ownership.output_licence_exclusive",
    cue=("exclusive",),
    prefer=(True, False),
    examples={
        _LICENCE_EXAMPLE: False,
        "You grant Acme an exclusive licence to the videos you create.": True,
    },
    counter_examples=("Acme grants you a non-exclusive licence to the beta software.",),
)
def output_licence_exclusive(sentence: Sentence) -> Iterator[Hit]:
    """The licence over outputs is exclusive to the organization: "an exclusive license";
    ``false``: "non-exclusive".

    Read only among the adjectives of a licence over outputs.

    Limits: exclusivity stated apart from the grant is not read.
    """
    yield from _modifier(sentence, _NON_EXCLUSIVE, False, "a non-exclusive licence")
    yield from _modifier(sentence, _EXCLUSIVE, True, "an exclusive licence")


@spotter(
    "ownership.output_licence_paid",
    cue=("royalty", "paid", "charge", "payment", "compensation"),
    prefer=(False, True),
    examples={_LICENCE_EXAMPLE: False},
    counter_examples=("You grant Acme a royalty-free licence to use your feedback.",),
)
def output_licence_paid(sentence: Sentence) -> Iterator[Hit]:
    """Participants are paid for the licence over their outputs: ``false`` for
    "royalty-free", "fully paid-up", "without charge"; ``true`` for a royalty-bearing or paid
    licence.

    Read only among the adjectives of a licence over outputs.

    Limits: payment for the licence promised in another sentence is not joined to it.
    """
    yield from _modifier(sentence, _UNPAID, False, "an unpaid licence")
    yield from _modifier(sentence, _PAID, True, "a paid licence")


_DATA: Final = (
    r"(?:(?:personal\s+)?data|(?:personal\s+)?information|usage\s+(?:data|information)|telemetry|"
    r"recordings?|videos|inputs?|prompts?|content|submissions?|gameplay|diagnostics?|"
    r"conversations?|screen|outputs?)"
)
_PURPOSE: Final = (
    r"(?:improv\w*|develop\w*|train\w*|research|evaluat\w*|analy[sz]\w*|deliver\w*|better|"
    r"build\w*|enhanc\w*|make\s+better)"
)
_DATA_USE: Final = Staged(
    (
        rf"\b{_DATA}\b" + gap(120) + rf"\b(?:is|are|will\s+be|may\s+be|can\s+be)\s+{WORD}?"
        r"(?:used|processed|analy[sz]ed|shared|sent|leveraged|collected)\b"
        + gap(120)
        + rf"\b{_PURPOSE}\b",
        rf"\b{_DATA}\b",
        (300, r"\b(?:is|are|will|may|can)\s"),
        (300, rf"\b{_PURPOSE}\b"),
    ),
    (
        r"\b(?:we|(?!(?:not|never)\b)\w+)\s+(?:may\s+|will\s+|also\s+)*(?:use|process|analy[sz]e|leverage|record|send|"
        r"collect|train\s+on)\w*\s+" + gap(80) + rf"\b{_DATA}\b" + gap(120) + rf"\b{_PURPOSE}\b",
        r"\b\w+\s",
        (300, rf"\b{_DATA}\b"),
        (300, rf"\b{_PURPOSE}\b"),
    ),
    (
        rf"\bconsent\s+to\s+(?:our|\w+'s)\s+use\s+of\s+(?:your\s+)?{_DATA}\b"
        + gap(60)
        + rf"\b(?:for\s+)?{_PURPOSE}",
        r"\bconsent\s",
        (400, rf"\b{_PURPOSE}"),
    ),
    (
        r"\bwe\s+record\s+" + gap(80) + r"\b(?:then\s+)?we\s+send\b",
        r"\bwe\s+record\s",
        (300, r"\b(?:then|we)\s"),
    ),
    (
        r"\b(?:provide|send|give)\w*\s+(?:\w+\s+){0,2}?with\s+"
        + gap(60)
        + rf"\b{_DATA}\b"
        + gap(160)
        + r"\b(?:so\s+that|to\s+help|in\s+order\s+to)\b"
        + gap(80)
        + rf"\b{_PURPOSE}\b",
        r"\b(?:provide|send|give)",
        (300, rf"\b{_DATA}\b"),
        (300, r"\b(?:so|to|in)\s"),
        (300, rf"\b{_PURPOSE}\b"),
    ),
    r"\b(?:we|(?!(?:not|never)\b)\w+)\s+(?:may\s+|will\s+|also\s+)*(?:use|leverage|analy[sz]e)\s+(?:\w+\s+){0,3}?"
    r"(?:data|telemetry|recordings?)\s+from\s+your\b",
)
"""Each way of saying data is used for a purpose; the first three pieces far apart are searched
in stages (see :class:`~._vocab.Staged`), so "we may also leverage data" repeated without a
purpose costs a pass per piece."""
_TRAINING: Final = (
    r"\b(?:to\s+train|for\s+(?:model\s+)?training|"
    r"train\s+(?:our\s+|its\s+|any\s+)?(?:ai\s+)?models?)\b"
)
_NO_TRAINING: Final = rx(
    r"\b(?:will|do|does|shall)\s+(?:not|never)\s+(?:use|train\s+on|process)\s+"
    + gap(80)
    + _TRAINING
    + rf"|\b{_DATA}\s+(?:is|are|will|shall)\s+(?:not|never)\s+(?:be\s+)?(?:used|processed)\s+"
    + gap(40)
    + _TRAINING
)


_USAGE_DATA: Final = (
    r"(?:usage|telemetry|diagnostic|activity|gameplay|performance)\s+(?:data|information)"
)
_COLLECTED: Final = led(
    "[acpsgt]",
    rx(
        r"\b(?:automatically\s+)?collect(?:s|ed|ing)?\s+(?:and\s+(?:provide|send|transmit|share)s?\s+)?"
        rf"(?:(?:\w+|,)\s+){{0,3}}?{_USAGE_DATA}\b|"
        r"\bautomatically\s+collect(?:s|ed|ing)?\s+(?:and\s+(?:provide|send|transmit)s?\s+)?"
        r"(?:\w+\s+){0,2}?(?:data|information)\b|"
        r"\b(?:provide|send|give|transmit)s?\s+(?:us|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)?)\s+with\s+"
        rf"(?:(?:\w+|,)\s+){{0,4}}?{_USAGE_DATA}\b"
    ),
)
"""Usage data collected by, or given to, the organization: "The Preview Service may
automatically collect and provide data to Microsoft", "provide Microsoft with feedback and
detailed usage data". The terms naming the data they take disclose its use; a purpose is not
needed (docs/codebook.md, ``data_use``)."""
_PASSIVE_USE: Final = rx(rf"\b(?:is|are|will\s+be|may\s+be)\s+{WORD}?used\b")


_PURPOSE_CUE: Final = (
    "improv",
    "develop",
    "train",
    "research",
    "evaluat",
    "analy",
    "deliver",
    "better",
    "build",
    "enhanc",
    "we send",
    "leverag",
)
"""Words every reading but :data:`_COLLECTED` needs (a purpose, or the words of a use)."""


@spotter(
    "ownership.data_use",
    cue=(
        *_PURPOSE_CUE,
        "collect",
        "usage data",
        "usage information",
        "telemetry data",
        "diagnostic data",
        "activity data",
    ),
    prefer=("disclosed", "none"),
    examples={
        "This usage information is used by Acme and may be shared with affiliates to help "
        "deliver, develop, evaluate, and improve the software.": "disclosed",
        "By participating, you consent to our use of your personal information for research "
        "purposes.": "disclosed",
        "We do not use your prompts or outputs to train our models.": "none",
        "We may also leverage data from your gameplay telemetry.": "disclosed",
        "Your prompts are not used to train our models.": "none",
        "Your recordings will never be used to train our models.": "none",
        "The Preview Service may automatically collect and provide data to Acme.": "disclosed",
        "Insiders provide Acme with feedback and detailed usage data about all activities on "
        "those devices.": "disclosed",
        "Acme collects usage data about how you use the beta.": "disclosed",
    },
    counter_examples=(
        "You may not use the data you collect to train models.",
        "Testers said Acme used their recordings to train its models.",
        "We will keep your personal information confidential.",
        "Acme should use your prompts to improve its models.",
        "This usage information is not used by Acme to improve the software.",
        "We may not also leverage data from your gameplay telemetry.",
        "Your prompts are not shared with affiliates to develop their products.",
        "Acme does not automatically collect any data from your device.",
        "You may not collect usage data from other testers.",
        "We collect your name and email address to create your account.",
        "You should provide Acme with detailed usage data.",
    ),
)
def data_use(sentence: Sentence) -> Iterator[Hit]:
    """Participants' work and data are used for training, evaluation or research, as the
    terms themselves say: "usage information is used ... to develop and improve" or "we do
    not use your prompts to train our models".

    ``disclosed`` needs the organization's use of participants' data or work for a purpose
    (improving, developing, training, research) stated in the sentence, or usage data
    (telemetry, diagnostics, activity) collected by or given to the organization ("may
    automatically collect and provide data to Acme", "provide Acme with ... detailed usage
    data"): the terms naming the data they take disclose its use. ``none`` needs such use
    denied. The participant's own use of data is not this term. ``undisclosed`` cannot be
    read from the terms (it is what they leave out) and is never proposed. Where sentences
    disagree, ``disclosed`` is written.

    Limits: an opt-out (``data_opt_out``) and the kind of grant for training
    (``training_grant``) are not proposed.
    """
    text = sentence.plain
    lower = text.lower()
    if any(stem in lower for stem in _PURPOSE_CUE):
        denied = _NO_TRAINING.search(text)
        if denied and actor(text, denied.start() + 1) != "participant":
            yield hit(sentence, "none", *denied.span(), "no training use")
            return
        used = _DATA_USE.search(text)
    else:
        used = None  # every other reading needs one of those words
    if used is None:
        taken = (
            _COLLECTED.search(text) if "collect" in lower or " with " in lower else None
        )  # the words it cannot match without
        if (
            taken is not None
            and not negated(text, taken.start() + 1, 30)
            and not (
                actor(text, taken.start() + 1) == "participant"
                and taken.group(0).lower().startswith("collect")
            )
        ):
            yield hit(sentence, "disclosed", *taken.span(), "usage data collected")
        return
    if not negated(text, used.start() + 1, 20):
        words_used = used.group(0)
        if (
            actor(text, used.start() + 1) == "participant"
            and not words_used.lower().startswith(("consent", "by", "provide", "send", "give"))
            and not _PASSIVE_USE.search(words_used)
        ):
            return
        yield hit(sentence, "disclosed", *used.span(), "use of participants' data stated")
