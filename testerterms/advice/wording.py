"""Every term in plain words: the question that asks it, the answer each value gives, and the
sentence that states it in an agreement.

A proposal is read by a negotiating committee, not by people who edit YAML: nothing here
names a field, spells a value as a program file does (``per-result``, ``true``) or answers
with a bare enum word. One :class:`Wording` per term, in schema order; a test checks every
term of the schema and every value it can take (:func:`sample_values`).

``statement(value)`` is what the terms say ("Pay arrives within 30 days."); ``answer(value)``
answers the term's ``question`` ("30 days"), for an ask ("Ask for: ...") or a choice. Which
answer to ask for comes from the rules' remedies and the profile's bounds
(:func:`testerterms.advice.draft.recommended_answer`), not from here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal, get_args, get_origin

from ..model import Terms, TimeCommitment

Says = Callable[[Any], str]


def number_words(value: float) -> str:
    """A number as a person writes it: ``30``, ``7.5``, ``1,000``."""
    if math.isinf(value):
        return "no limit"
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) < 1e15:
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{value:g}"


@dataclass(frozen=True)
class Wording:
    """One term in plain words."""

    term: str
    """``section.name`` (for the appendix; never shown in the body)."""
    question: str
    answers: Mapping[Any, str] = field(default_factory=dict)
    """For a yes/no or a choice: each value's answer to ``question``."""
    says: Mapping[Any, str] = field(default_factory=dict)
    """For a yes/no or a choice: each value's sentence."""
    unit: str = ""
    """For a number: how one is read, with ``{n}`` ("{n} days", "{n} US dollars an hour")."""
    says_number: str = ""
    """For a number: the sentence, with ``{n}``."""
    items: Mapping[str, str] = field(default_factory=dict)
    """For a list of choices: each item's words."""
    says_items: str = ""
    """For a list: the sentence, with ``{items}``."""
    says_none: str = ""
    """For a list: the sentence when the list is empty."""
    answer_none: str = "none of them"
    """For a list: the answer when the list is empty."""
    says_text: str = ""
    """For words (an amount, a date): the sentence, with ``{text}``."""
    generic: bool = False
    """A term added to the model without its own wording: values shown in generic words."""

    def answer(self, value: Any) -> str:
        """``value`` as an answer to :attr:`question`, in words."""
        if self.generic:
            return _generic_words(value)
        if isinstance(value, TimeCommitment):
            return str(value)
        if self.items:
            if not value:
                return self.answer_none
            return _join([self.items.get(item, _generic_words(item)) for item in value])
        if self.unit:
            return self.unit.format(n=number_words(value))
        if self.says_text:
            return str(value)
        if value not in self.answers:  # a value added to the model later
            return _generic_words(value)
        return self.answers[value]

    def statement(self, value: Any) -> str:
        """The sentence that states ``value`` in an agreement."""
        if self.generic:
            return f"{self.says_text}: {_generic_words(value)}."
        if isinstance(value, TimeCommitment):
            return f"Participants are expected to work {value}."
        if self.items:
            if not value:
                return self.says_none
            return self.says_items.format(
                items=_join([self.items.get(item, _generic_words(item)) for item in value])
            )
        if self.says_number:
            return self.says_number.format(n=number_words(value))
        if self.says_text:
            return self.says_text.format(text=value)
        if value not in self.says:  # a value added to the model later
            return f"{self.question} {_generic_words(value).capitalize()}."
        return self.says[value]

    def bound(self, value: float, most: bool) -> str:
        """A bound on a number as an answer: "no more than 14 days"."""
        return ("no more than " if most else "no less than ") + self.answer(value)


def _generic_words(value: Any) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, (int, float)):
        return number_words(value)
    if isinstance(value, tuple):
        return _join([_generic_words(item) for item in value]) if value else "none"
    return str(value).replace("-", " ").replace("_", " ")


def _join(words: list[str]) -> str:
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _yes_no(
    term: str,
    question: str,
    yes: tuple[str, str],
    no: tuple[str, str],
) -> Wording:
    """(answer, sentence) for yes and for no."""
    return Wording(
        term,
        question,
        answers={True: yes[0], False: no[0]},
        says={True: yes[1], False: no[1]},
    )


def _choice(term: str, question: str, options: dict[str, tuple[str, str]]) -> Wording:
    """Each value's (answer, sentence)."""
    return Wording(
        term,
        question,
        answers={value: words[0] for value, words in options.items()},
        says={value: words[1] for value, words in options.items()},
    )


def _number(term: str, question: str, unit: str, says: str) -> Wording:
    return Wording(term, question, unit=unit, says_number=says)


WORDINGS: Final[tuple[Wording, ...]] = (
    # --- compensation -------------------------------------------------------------------------
    _choice(
        "compensation.money",
        "Who is paid money for the work?",
        {
            "none": ("nobody", "Participants are not paid money."),
            "some": (
                "only a select few (prizes, grants or a selection)",
                "Only a select few participants are paid money (prizes, grants or a selection).",
            ),
            "per-result": (
                "only those whose results are accepted, as in a bounty",
                "Money is paid only for accepted results.",
            ),
            "everyone": (
                "everyone who does the work",
                "Every participant who does the work is paid money for it.",
            ),
        },
    ),
    Wording(
        "compensation.conditions",
        "On what conditions is money paid?",
        items={
            "first-reporter": "to the first to report a finding",
            "triggers-fix": "when a report leads to a fix",
            "valid-report": "for reports the company accepts as valid",
            "selected": "to participants the company selects",
            "winners": "to contest winners",
        },
        says_items="Money is paid only {items}.",
        says_none="Money is paid without conditions.",
        answer_none="no conditions",
    ),
    _number(
        "compensation.hourly_rate",
        "How much is paid for each hour of work?",
        "{n} US dollars an hour",
        "Participants are paid {n} US dollars for each hour of work.",
    ),
    Wording(
        "compensation.amount",
        "What is paid, in the terms' own words?",
        says_text="What is paid: {text}.",
    ),
    _yes_no(
        "compensation.in_kind",
        "Do participants get free access, credits or other benefits in kind?",
        (
            "yes, free access or other benefits",
            "Participants get free access or other benefits in kind.",
        ),
        ("no benefits in kind", "There are no benefits in kind."),
    ),
    _yes_no(
        "compensation.rate_measured",
        "Is the hourly pay worked out on the time the work really takes?",
        (
            "yes, on the time the work really takes",
            "The hourly pay is worked out on the time the work really takes.",
        ),
        (
            "no, on an estimate of the time",
            "The hourly pay is worked out on an estimate of the time, not the time the work "
            "really takes.",
        ),
    ),
    Wording(
        "compensation.rate_as_of",
        "When was the hourly pay stated?",
        says_text="The hourly pay was stated on {text}.",
    ),
    _number(
        "compensation.payment_days",
        "How soon after the work does pay arrive?",
        "{n} days",
        "Pay arrives within {n} days of the work, or of its acceptance.",
    ),
    _yes_no(
        "compensation.onboarding_paid",
        "Are onboarding, training and screening paid?",
        ("yes, at the same rate as the work", "Onboarding, training and screening are paid."),
        ("no", "Onboarding, training and screening are not paid."),
    ),
    _choice(
        "compensation.withholding",
        "Can pay for completed work be withheld?",
        {
            "none": ("no, never", "Pay for completed work is never withheld."),
            "listed-grounds": (
                "only on grounds the terms list",
                "Pay for completed work may be withheld only on grounds the terms list.",
            ),
            "discretionary": (
                "yes, at the company's sole discretion",
                "Pay for completed work may be withheld at the company's sole discretion.",
            ),
        },
    ),
    # --- content review ------------------------------------------------------------------------
    _choice(
        "content_review.pre_approval",
        "Do participants need approval before they share what they make?",
        {
            "none": (
                "no, they share without asking",
                "Participants share what they make without asking for approval.",
            ),
            "narrow": (
                "only for some outputs or topics",
                "Approval is needed before sharing some outputs or topics.",
            ),
            "all": (
                "yes, for every output",
                "Every output needs the company's approval before it is shared.",
            ),
        },
    ),
    _yes_no(
        "content_review.criteria_published",
        "Are the review's criteria written down and given to participants?",
        ("yes", "The review criteria are written down and given to participants."),
        ("no", "The review criteria are not published."),
    ),
    _number(
        "content_review.response_days",
        "How soon does the company answer a request to share?",
        "{n} days",
        "The company answers a request to share within {n} days.",
    ),
    _yes_no(
        "content_review.release_on_silence",
        "May participants share when the company does not answer in time?",
        (
            "yes, silence counts as approval",
            "Without an answer by then, the participant may share.",
        ),
        ("no", "Without an answer, the participant may still not share."),
    ),
    _choice(
        "content_review.share_ban",
        "Is anything barred from sharing outright, whatever the approval?",
        {
            "none": ("nothing", "Nothing is barred from sharing outright."),
            "narrow": (
                "some outputs or topics, or everything until release",
                "Some outputs or topics may not be shared at all, or not before release.",
            ),
            "all": (
                "everything: the feature and its outputs",
                "The feature and its outputs may not be shared at all.",
            ),
        },
    ),
    # --- credit --------------------------------------------------------------------------------
    _choice(
        "credit.attribution",
        "Who is credited by name?",
        {
            "none": ("nobody", "Participants are not credited by name."),
            "selected": (
                "only selected participants",
                "Only selected participants are credited by name.",
            ),
            "per-result": (
                "the participants whose results are accepted",
                "Only participants whose results are accepted are credited by name.",
            ),
            "everyone": ("every participant", "Every participant is credited by name."),
        },
    ),
    _yes_no(
        "credit.opt_out",
        "May a participant decline to be named?",
        ("yes", "A participant may decline to be named."),
        ("no", "A participant may not decline to be named."),
    ),
    _yes_no(
        "credit.marketing_use",
        "Does the company use participants' work in marketing, showcases or publicity?",
        ("yes", "The company uses participants' work in marketing."),
        ("no", "The company does not use participants' work in marketing."),
    ),
    _choice(
        "credit.marketing_consent",
        "What consent does marketing use of a participant's work need?",
        {
            "none": ("no consent at all", "Marketing use needs no consent."),
            "opt-out": (
                "none asked, but a participant may refuse it",
                "Participants may refuse marketing use of their work, but are not asked first.",
            ),
            "opt-in": (
                "the participant's agreement to each use, asked for first",
                "Marketing use needs the participant's agreement to each use, asked for first.",
            ),
        },
    ),
    _yes_no(
        "credit.marketing_pay",
        "Are participants paid when their work is used in marketing?",
        ("yes, each use is paid", "Marketing use of a participant's work is paid."),
        ("no", "Marketing use of a participant's work is not paid."),
    ),
    # --- confidentiality -----------------------------------------------------------------------
    _yes_no(
        "confidentiality.nda",
        "Must participants keep the program confidential?",
        ("yes", "Participants keep the program confidential."),
        ("no", "There is no confidentiality duty."),
    ),
    _choice(
        "confidentiality.scope",
        "What does the confidentiality cover?",
        {
            "broad": ("the whole program", "Confidentiality covers the whole program."),
            "narrow": (
                "only the information the agreement defines as confidential",
                "Confidentiality covers only the information defined as confidential.",
            ),
        },
    ),
    _yes_no(
        "confidentiality.ends_at_release",
        "Does the confidentiality end when the product is publicly released?",
        ("yes, at public release", "Confidentiality ends when the product is publicly released."),
        ("no", "Confidentiality does not end at public release."),
    ),
    _number(
        "confidentiality.duration_months",
        "How long does the confidentiality last?",
        "{n} months",
        "Confidentiality lasts {n} months.",
    ),
    _yes_no(
        "confidentiality.own_experience",
        "May participants speak about their own experience and criticise the program?",
        (
            "yes",
            "Participants may speak about their own experience and criticise the program.",
        ),
        ("no", "Participants may not speak about their own experience of the program."),
    ),
    Wording(
        "confidentiality.carve_outs",
        "What does the confidentiality not cover?",
        items={
            "public-information": "information that is already public",
            "own-experience": "participants' own experience",
            "after-release": "anything once the product is released",
            "required-by-law": "what the law requires to be disclosed",
        },
        says_items="Confidentiality does not cover {items}.",
        says_none="Confidentiality has no exceptions.",
        answer_none="nothing: it has no exceptions",
    ),
    _choice(
        "confidentiality.disclosure",
        "May participants publish their findings?",
        {
            "coordinated": (
                "yes, once the finding is fixed or after a stated time",
                "A finder may publish a finding once it is fixed or after a stated time.",
            ),
            "discretionary": (
                "only with the company's permission",
                "A finder may publish a finding only with the company's permission.",
            ),
            "forbidden": ("no, never", "Findings may never be published."),
        },
    ),
    _number(
        "confidentiality.disclosure_window_days",
        "How long after a report may a finder publish it?",
        "{n} days",
        "A finder may publish {n} days after reporting.",
    ),
    # --- ownership -----------------------------------------------------------------------------
    _choice(
        "ownership.outputs",
        "Who owns what participants create?",
        {
            "participant": ("the participants", "Participants own what they create."),
            "shared": (
                "the participants and the company together",
                "Ownership of what participants create is shared with the company.",
            ),
            "organization": ("the company", "The company owns what participants create."),
        },
    ),
    _choice(
        "ownership.feedback_licence",
        "What rights does the company take over participants' feedback?",
        {
            "none": (
                "no rights at all",
                "The company takes no rights over participants' feedback.",
            ),
            "limited": (
                "only the right to use it to improve the product",
                "The company may use feedback only to improve the product.",
            ),
            "broad": (
                "the right to use it in any way, commercially too",
                "The company may use feedback in any way, commercially too.",
            ),
        },
    ),
    _yes_no(
        "ownership.licence_survives",
        "Do the company's rights over feedback last after participation ends?",
        (
            "yes, they last after participation ends",
            "The company's rights over feedback last after participation ends.",
        ),
        (
            "no, they end when participation ends",
            "The company's rights over feedback do not survive the end of participation.",
        ),
    ),
    _choice(
        "ownership.data_use",
        "Is participants' work or data used to train or evaluate models?",
        {
            "none": (
                "no, never",
                "Participants' work and data are not used to train or evaluate models.",
            ),
            "disclosed": (
                "only as the terms describe it",
                "The terms describe how participants' work and data train or evaluate models.",
            ),
            "undisclosed": (
                "yes, without the terms saying so",
                "Participants' work and data are used to train or evaluate models without the "
                "terms saying so.",
            ),
        },
    ),
    _yes_no(
        "ownership.data_opt_out",
        "May participants refuse the use of their work and data for training?",
        ("yes, each participant may refuse it", "Participants may refuse that use."),
        ("no", "Participants may not refuse that use."),
    ),
    Wording(
        "ownership.output_limits",
        "How are participants limited in using what they create?",
        items={
            "non-commercial": "not commercially",
            "not-before-release": "not before the product is released",
            "personal-use": "only for personal use",
            "other": "only within other limits the terms set",
        },
        says_items="Participants may use what they create, but {items}.",
        says_none="Participants may use what they create without limits.",
        answer_none="not at all: they use it as they wish",
    ),
    _choice(
        "ownership.output_licence",
        "What rights does the company take over participants' outputs?",
        {
            "none": ("no rights at all", "The company takes no rights over participants' outputs."),
            "limited": (
                "only what it needs to run and improve the program",
                "The company's rights over participants' outputs are limited to running and "
                "improving the program.",
            ),
            "broad": (
                "the right to use them in any way",
                "The company may use participants' outputs in any way.",
            ),
        },
    ),
    Wording(
        "ownership.output_licence_uses",
        "What may the company do with participants' outputs?",
        items={
            "use": "use them",
            "display": "display them",
            "repost": "repost them",
            "modify": "change them",
            "marketing": "use them in marketing",
            "training": "train models on them",
            "sublicense": "pass those rights to others",
        },
        says_items="The company may {items}.",
        says_none="The company may do nothing with participants' outputs.",
        answer_none="nothing",
    ),
    _yes_no(
        "ownership.output_licence_perpetual",
        "Do the company's rights over outputs last forever?",
        ("yes, forever", "The company's rights over outputs have no end."),
        ("no, they end", "The company's rights over outputs are not perpetual: they end."),
    ),
    _yes_no(
        "ownership.output_licence_irrevocable",
        "Can participants withdraw the company's rights over their outputs?",
        (
            "no, they cannot",
            "Participants cannot withdraw the company's rights over their outputs.",
        ),
        (
            "yes, they can",
            "The company's rights over outputs are not irrevocable: participants can withdraw "
            "them.",
        ),
    ),
    _yes_no(
        "ownership.output_licence_exclusive",
        "Are the company's rights over outputs exclusive, so that nobody else may have them?",
        ("yes, only the company may use them", "The company's rights over outputs are exclusive."),
        (
            "no, participants may grant them to others too",
            "The company's rights over outputs are not exclusive: participants may grant them "
            "to others too.",
        ),
    ),
    _yes_no(
        "ownership.output_licence_paid",
        "Are participants paid for the company's rights over their outputs?",
        ("yes", "Participants are paid for the company's rights over their outputs."),
        (
            "no, the rights are free of charge",
            "The company's rights over outputs are free of charge.",
        ),
    ),
    _choice(
        "ownership.training_grant",
        "How do participants agree to their work training models?",
        {
            "express": (
                "only in a separate, express grant that names that use",
                "Participants' work trains models only under a separate, express grant that "
                "names that use.",
            ),
            "implied": (
                "through broad wording, without naming that use",
                "Training use of participants' work rests on broad wording that does not name it.",
            ),
            "none": (
                "they grant no such use",
                "Participants grant no use of their work to train models.",
            ),
        },
    ),
    _yes_no(
        "ownership.training_paid",
        "Are participants paid when their work trains models?",
        ("yes", "Training use of participants' work is paid."),
        ("no", "Training use of participants' work is not paid."),
    ),
    # --- expectations --------------------------------------------------------------------------
    _yes_no(
        "expectations.written_terms",
        "Do participants receive written terms before they join?",
        ("yes", "Participants receive written terms before they join."),
        ("no", "There are no written terms."),
    ),
    _yes_no(
        "expectations.states_expectations",
        "Do the terms state the time and deliverables expected?",
        ("yes", "The terms state the time and deliverables expected."),
        ("no", "The terms do not state the time and deliverables expected."),
    ),
    _yes_no(
        "expectations.states_compensation",
        "Do the terms state the compensation, even when there is none?",
        ("yes", "The terms state the compensation."),
        ("no", "The terms do not state the compensation."),
    ),
    _yes_no(
        "expectations.states_content_use",
        "Do the terms state how participants' work will be used?",
        ("yes", "The terms state how participants' work will be used."),
        ("no", "The terms do not state how participants' work will be used."),
    ),
    Wording("expectations.time", "How much time is expected of participants?"),
    _choice(
        "expectations.role",
        "What role are participants invited to?",
        {
            "tester": ("testers", "Participants are invited as testers."),
            "researcher": ("researchers", "Participants are invited as researchers."),
            "red-teamer": ("red teamers", "Participants are invited as red teamers."),
            "creative-partner": (
                "creative partners",
                "Participants are invited as creative partners.",
            ),
            "co-creator": ("co-creators", "Participants are invited as co-creators."),
            "contractor": ("contractors", "Participants are engaged as contractors."),
        },
    ),
    _yes_no(
        "expectations.voluntary",
        "Is taking part voluntary?",
        ("yes", "Participation is voluntary."),
        ("no, it is required", "Participation is not voluntary: it is required."),
    ),
    _yes_no(
        "expectations.feedback_required",
        "Must participants test and give feedback?",
        (
            "yes, it is an obligation",
            "Testing and feedback are asked of participants as an obligation.",
        ),
        ("no, it is optional", "Testing and feedback are not required: they are optional."),
    ),
    _choice(
        "expectations.terms_changes",
        "How may the terms change?",
        {
            "agreed": (
                "only with the participant's agreement",
                "The terms change only with the participant's agreement.",
            ),
            "with-notice": (
                "only after notice to each participant",
                "The company may change the terms after notice to each participant.",
            ),
            "at-will": (
                "at any time, without notice",
                "The company may change the terms at any time, without notice.",
            ),
        },
    ),
    _number(
        "expectations.change_notice_days",
        "How much notice comes before changed terms apply?",
        "{n} days",
        "Changed terms apply {n} days after notice.",
    ),
    # --- voice ---------------------------------------------------------------------------------
    _yes_no(
        "voice.channel",
        "Is there a channel to raise concerns and get answers?",
        (
            "yes, a named contact who answers",
            "Participants have a channel to raise concerns and get answers.",
        ),
        ("no", "There is no channel to raise concerns."),
    ),
    _yes_no(
        "voice.grievance",
        "Is there a grievance process that decides on concerns and replies?",
        ("yes", "A grievance process decides on concerns and replies."),
        ("no", "There is no grievance process."),
    ),
    _yes_no(
        "voice.organising",
        "May participants organise and be represented together?",
        ("yes", "Participants may organise and be represented together."),
        ("no", "Participants may not organise."),
    ),
    _yes_no(
        "voice.arbitration",
        "Must disputes go to binding arbitration instead of a court?",
        ("yes, arbitration only", "Disputes must go to binding arbitration, not a court."),
        (
            "no, a court is open to participants",
            "Disputes are not forced into arbitration; they may go to a court.",
        ),
    ),
    _yes_no(
        "voice.class_waiver",
        "Do participants give up the right to act together in court?",
        ("yes, they give it up", "Participants give up class and collective actions."),
        ("no, they keep it", "Participants do not waive the right to act together in court."),
    ),
    _choice(
        "voice.representation",
        "Does the company recognise a body that represents participants?",
        {
            "none": ("no", "No body that represents participants is recognised."),
            "consultation": (
                "it consults one, without an agreement",
                "The company consults a body that represents participants.",
            ),
            "collective-agreement": (
                "yes, and agrees the terms with it",
                "The company agrees the terms with a body that represents participants.",
            ),
        },
    ),
    # --- access --------------------------------------------------------------------------------
    _choice(
        "access.credentials",
        "Does each participant get their own access credentials?",
        {
            "per-participant": ("yes, their own", "Each participant has their own credentials."),
            "shared": ("no, keys are shared", "Participants share credentials."),
        },
    ),
    _choice(
        "access.revocation",
        "How can access end?",
        {
            "for-cause": (
                "one participant at a time, for a cause the terms state",
                "Access ends one participant at a time, for a cause the terms state.",
            ),
            "at-will": (
                "at any time, at the company's discretion",
                "Access may be ended at any time, at the company's discretion.",
            ),
            "collective": (
                "for everyone at once",
                "Access may be cut for everyone at once.",
            ),
        },
    ),
    _yes_no(
        "access.notice",
        "Do participants get notice before their access ends?",
        ("yes", "Participants get notice before their access ends."),
        ("no", "Access may end without notice."),
    ),
    _number(
        "access.suspension_notice_days",
        "How much notice comes before a suspension takes effect?",
        "{n} days",
        "A suspension takes effect {n} days after notice.",
    ),
    _yes_no(
        "access.reason_given",
        "Is a suspended or removed participant told the reason?",
        ("yes, in writing", "A participant who is suspended or removed is told the reason."),
        ("no", "A participant may be suspended or removed without a reason."),
    ),
    _yes_no(
        "access.appeal",
        "Can a suspended or removed participant appeal?",
        ("yes", "A suspended or removed participant may appeal."),
        ("no", "A suspended or removed participant cannot appeal."),
    ),
    # --- reports -------------------------------------------------------------------------------
    _number(
        "reports.ack_days",
        "How soon is a report acknowledged?",
        "{n} days",
        "Each report is acknowledged within {n} days.",
    ),
    _number(
        "reports.decision_days",
        "How soon is a report decided (accepted, rejected or rewarded)?",
        "{n} days",
        "Each report is decided within {n} days.",
    ),
    _yes_no(
        "reports.dispute",
        "Can a participant dispute the decision on their report?",
        ("yes", "A participant may dispute the decision on their report."),
        ("no", "A participant cannot dispute the decision on their report."),
    ),
    # --- safety --------------------------------------------------------------------------------
    _choice(
        "safety.safe_harbor",
        "Is good-faith research protected from legal action?",
        {
            "none": ("no", "Good-faith research has no legal protection."),
            "partial": (
                "only by a promise not to sue",
                "The company promises not to take legal action against good-faith research.",
            ),
            "full": (
                "fully: authorised, exempt from the terms of service, and defended",
                "Good-faith research is authorised, exempt from the terms of service, never "
                "the ground of legal action, and defended if others act against it.",
            ),
        },
    ),
    _yes_no(
        "safety.safe_harbor_ai",
        "Does that protection cover research on the model's behaviour, not only security?",
        ("yes", "The protection covers research on the model's behaviour."),
        (
            "no, security research only",
            "The protection does not cover AI research, only security research.",
        ),
    ),
    # --- likeness ------------------------------------------------------------------------------
    _yes_no(
        "likeness.captured",
        "Does the program capture or use participants' faces, bodies or voices?",
        ("yes", "The program captures or uses participants' faces, bodies or voices."),
        ("no", "The program captures no face, body or voice."),
    ),
    _yes_no(
        "likeness.separate_consent",
        "Is consent to that use given separately from the rest of the terms?",
        ("yes, in a separate document", "Consent to that use is given in a separate document."),
        (
            "no, it is part of the general terms",
            "Consent to that use is not asked separately: it is part of the general terms.",
        ),
    ),
    _yes_no(
        "likeness.use_described",
        "Is each intended use described before consent is given?",
        ("yes", "Each intended use is described before consent is given."),
        ("no", "The intended uses are not described."),
    ),
    _yes_no(
        "likeness.paid",
        "Are the capture and each use of a face, body or voice paid?",
        ("yes", "The capture and each use are paid."),
        ("no", "The capture and use are not paid."),
    ),
)

BY_TERM: Final[dict[str, Wording]] = {w.term: w for w in WORDINGS}


def wording(term: str) -> Wording:
    """The wording of ``term``; a term without one (added to the model later) gets a plain
    question built from its place in the terms, and its values are shown as they are."""
    found = BY_TERM.get(term)
    if found is not None:
        return found
    words = term.split(".")[-1].replace("_", " ")
    return Wording(
        term,
        f"What do the terms say about the {words}?",
        says_text=f"On the {words}, the terms say",
        generic=True,
    )


def sample_values(term: str) -> tuple[Any, ...]:
    """Values ``term`` can take, one of each kind its type allows: every choice, both
    booleans, each item alone, no items and all of them, a few numbers, some words."""
    kind = Terms.value_type(term)
    return _samples(kind)


def _samples(kind: Any) -> tuple[Any, ...]:
    args = get_args(kind)
    if isinstance(kind, type) and issubclass(kind, TimeCommitment):
        return (
            TimeCommitment(hours=5),
            TimeCommitment(hours=2, up_to=4, per="week", bound="at-least"),
        )
    if get_origin(kind) is tuple:
        items = get_args(args[0]) if args else ()
        return ((), *((item,) for item in items), tuple(items))
    if get_origin(kind) is Literal:
        return args
    base = args[0] if args else kind
    if base is bool:
        return (True, False)
    if base is float:
        return (0.0, 7.0, 12.5, 1000.0)
    if base is str:
        return ("200 US dollars per accepted film", "2025-01")
    return ()
