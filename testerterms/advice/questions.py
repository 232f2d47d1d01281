"""The questions the rules need answered, in plain words, one term at a time.

The questionnaire (``testerterms ask``) asks them. Every question allows "don't know", which
leaves the term unknown. (A proposal words every term of the schema, not only these: see
:mod:`.wording`.)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

YES_NO: Final = (("yes", True), ("no", False))


@dataclass(frozen=True)
class Question:
    term: str
    """``section.name``."""
    text: str
    options: tuple[tuple[str, Any], ...] = YES_NO
    """(label, value); empty for a number."""
    skip_if: tuple[tuple[str, Any], ...] = ()
    """Not asked when an earlier answer makes it moot: (term, value) pairs."""

    @property
    def numeric(self) -> bool:
        return not self.options


QUESTIONS: Final[tuple[Question, ...]] = (
    Question(
        "compensation.money",
        "Are participants paid money?",
        (
            ("everyone who does the work", "everyone"),
            ("only some (prizes, grants, a selection)", "some"),
            ("per accepted result (like a bounty)", "per-result"),
            ("nobody", "none"),
        ),
    ),
    Question(
        "compensation.hourly_rate",
        "How much is paid per hour of work, in US dollars?",
        (),
        (("compensation.money", "none"),),
    ),
    Question("compensation.in_kind", "Do participants get free access, credits or other benefits?"),
    Question("expectations.feedback_required", "Is testing or feedback required of participants?"),
    Question(
        "content_review.pre_approval",
        "Do participants need approval before they share what they make?",
        (
            ("no approval needed", "none"),
            ("for some outputs or topics", "narrow"),
            ("for every output", "all"),
        ),
    ),
    Question(
        "content_review.criteria_published",
        "If there is a review: are its criteria written down and given to participants?",
        skip_if=(("content_review.pre_approval", "none"),),
    ),
    Question(
        "content_review.response_days",
        "If there is a review: within how many days does the company answer a request to share?",
        (),
        skip_if=(("content_review.pre_approval", "none"),),
    ),
    Question(
        "content_review.release_on_silence",
        "If there is a review: may participants share when the company does not answer in time?",
        skip_if=(("content_review.pre_approval", "none"),),
    ),
    Question(
        "ownership.outputs",
        "Who owns what participants create?",
        (
            ("the participants", "participant"),
            ("shared", "shared"),
            ("the company", "organization"),
        ),
    ),
    Question(
        "ownership.feedback_licence",
        "What licence does the company take to participants' feedback?",
        (
            ("none", "none"),
            ("limited to improving the product", "limited"),
            ("broad (any use, commercial)", "broad"),
        ),
    ),
    Question(
        "ownership.licence_survives",
        "Does that licence last after participation ends?",
        skip_if=(("ownership.feedback_licence", "none"),),
    ),
    Question(
        "credit.attribution",
        "Are participants credited by name?",
        (("everyone", "everyone"), ("only selected participants", "selected"), ("nobody", "none")),
    ),
    Question(
        "credit.opt_out",
        "May a participant decline to be named?",
        skip_if=(("credit.attribution", "none"),),
    ),
    Question(
        "credit.marketing_use",
        "Does the company use participants' work in marketing, showcases or PR?",
    ),
    Question(
        "credit.marketing_consent",
        "What consent does marketing use of a participant's work need?",
        (
            ("the participant opts in", "opt-in"),
            ("the participant may opt out", "opt-out"),
            ("no consent", "none"),
        ),
        skip_if=(("credit.marketing_use", False),),
    ),
    Question(
        "credit.marketing_pay",
        "Are participants paid for marketing use of their work?",
        skip_if=(("credit.marketing_use", False),),
    ),
    Question(
        "expectations.written_terms",
        "Do participants receive written terms before they join?",
    ),
    Question(
        "expectations.states_expectations",
        "Do the terms state the time and deliverables expected?",
    ),
    Question("expectations.states_compensation", "Do the terms state the compensation?"),
    Question(
        "expectations.states_content_use",
        "Do the terms state how participants' work will be used?",
    ),
    Question(
        "ownership.data_use",
        "Is participants' work or data used to train or evaluate models?",
        (
            ("no", "none"),
            ("yes, and the terms say so", "disclosed"),
            ("yes, without saying so", "undisclosed"),
        ),
    ),
    Question(
        "ownership.data_opt_out",
        "May participants opt out of that use?",
        skip_if=(("ownership.data_use", "none"),),
    ),
    Question(
        "expectations.role",
        "What role are participants invited to?",
        (
            ("tester", "tester"),
            ("researcher", "researcher"),
            ("red teamer", "red-teamer"),
            ("creative partner", "creative-partner"),
            ("co-creator", "co-creator"),
            ("contractor", "contractor"),
        ),
    ),
    Question("confidentiality.nda", "Must participants keep the program confidential (an NDA)?"),
    Question(
        "confidentiality.scope",
        "What does the confidentiality cover?",
        (
            ("only information defined as confidential", "narrow"),
            ("the whole program", "broad"),
        ),
        skip_if=(("confidentiality.nda", False),),
    ),
    Question(
        "confidentiality.ends_at_release",
        "Does the confidentiality end when the product is publicly released?",
        skip_if=(("confidentiality.nda", False),),
    ),
    Question(
        "confidentiality.duration_months",
        "How many months does the confidentiality last?",
        (),
        skip_if=(("confidentiality.nda", False),),
    ),
    Question(
        "confidentiality.own_experience",
        "May participants speak about their own experience and criticise the program?",
    ),
    Question("voice.channel", "Is there a channel to raise concerns and get answers?"),
    Question("voice.grievance", "Is there a grievance process that decides and replies?"),
    Question("voice.organising", "May participants organise and be represented collectively?"),
    Question(
        "access.credentials",
        "Does each participant get their own access credentials?",
        (("yes, their own", "per-participant"), ("no, shared keys", "shared")),
    ),
    Question(
        "access.revocation",
        "How can access end?",
        (
            ("one participant at a time, for a stated cause", "for-cause"),
            ("at any time, at the company's discretion", "at-will"),
            ("for everyone at once", "collective"),
        ),
    ),
    Question("access.notice", "Do participants get notice before their access ends?"),
)

BY_TERM: Final = {q.term: q for q in QUESTIONS}
