"""Control: sharing one's own work, bounded review, rights to what one creates."""

from __future__ import annotations

import math

from ._core import Parameters, Values, Verdict, met, not_applicable, not_met, partly, rule
from ._seeds import LETTER, S001, S003


@rule(
    "CTL001",
    "Participants share their own work without case-by-case approval",
    category="control",
    basis="explicit",
    cites=[
        (S001, "requiring them to obtain approval before sharing any generated content"),
        (S003, "required approval from OpenAI before sharing, leaving artists feeling stifled"),
        (LETTER, "every output needs to be approved by the OpenAI team before sharing."),
    ],
    reads=("content_review.pre_approval",),
    refines=("content_review.share_ban",),
    # The ban first: lifting approval while a ban on all sharing stands gains nothing.
    remedy={"content_review.share_ban": "none", "content_review.pre_approval": "none"},
    clause=(
        "Participants may share what they make with the tool without asking for approval "
        "first, and no output is barred from sharing outright; only the confidential "
        "information the agreement defines stays private."
    ),
    fallback={"content_review.share_ban": "none", "content_review.pre_approval": "narrow"},
    fallback_clause=(
        "Approval before sharing is needed only for outputs that show the features or topics "
        "the agreement lists; participants share everything else without asking."
    ),
)
def ctl001(t: Values, p: Parameters) -> Verdict:
    """Requiring approval of every output before it is shared turns participants' work into
    the company's messaging. The Sora testers said "every output needs to be approved by the
    OpenAI team before sharing". Met with no pre-approval; partly when approval covers only
    some outputs or topics; not met when every output needs approval.

    A ban on sharing (``share_ban``) is the same control without even a review: sharing
    forbidden for every output is not met whatever the approval terms say, and a ban on
    some outputs or topics (or until release) makes the rule at most partly met. The ban
    refines the rule: only a stated ban lowers it; where no source states one, the rule
    judges from the approval terms."""
    ban = t["content_review.share_ban"]
    if ban == "all":
        return not_met("sharing the feature and its outputs is forbidden outright")
    review = t["content_review.pre_approval"]
    if ban == "narrow":
        if review == "all":
            return not_met(
                "every output needs approval before it is shared, and some may not be shared at all"
            )
        approval = "no approval is needed" if review == "none" else "approval is needed for some"
        return partly(f"some outputs or topics may not be shared at all; for the rest {approval}")
    if review == "none":
        return met("participants share their work without approval")
    if review == "narrow":
        return partly("approval is needed for some outputs or topics only")
    return not_met("every output needs approval before it is shared")


@rule(
    "CTL002",
    "Any review is bounded: published criteria, a response deadline, release on silence",
    category="control",
    basis="derived",
    cites=[
        (S001, "requiring them to obtain approval before sharing any generated content"),
        (LETTER, "every output needs to be approved by the OpenAI team before sharing."),
    ],
    reads=(
        "content_review.pre_approval",
        "content_review.criteria_published",
        "content_review.response_days",
        "content_review.release_on_silence",
    ),
    remedy={
        "content_review.criteria_published": True,
        "content_review.response_days": 7,
        "content_review.release_on_silence": True,
    },
    clause=(
        "Where review applies, its criteria are published, the company answers within "
        "{max_review_days:g} days, and a participant who has no answer by then may share."
    ),
    folds_into="CTL001",
    fallback={"content_review.criteria_published": True, "content_review.response_days": 7},
    fallback_clause=(
        "Where review applies, its criteria are published and the company answers within "
        "{max_review_days:g} days."
    ),
    thresholds=lambda p: {"content_review.response_days": (p.max_review_days,)},
)
def ctl002(t: Values, p: Parameters) -> Verdict:
    """Derived from CTL001's complaint: where a review remains, it must not become an
    open-ended veto. Published criteria, a deadline and release on silence (as in
    HackerOne's auto-disclosure after 30 days) keep it bounded. Met with all three; partly
    with some; not met with none. Does not apply when there is no review; its weight then
    counts toward CTL001."""
    if t["content_review.pre_approval"] == "none":
        return not_applicable("there is no review")
    criteria = t["content_review.criteria_published"]
    days = t["content_review.response_days"]
    deadline = days <= p.max_review_days
    silence = t["content_review.release_on_silence"]
    if criteria and deadline and silence:
        return met(f"review has published criteria, a {days:g}-day deadline and release on silence")
    if not criteria and not deadline and not silence:
        return not_met(
            "review has no published criteria, "
            + (
                "no deadline"
                if days == math.inf
                else f"a {days:g}-day deadline (longer than {p.max_review_days:g})"
            )
            + ", no release on silence"
        )
    parts = [
        "published criteria" if criteria else "no published criteria",
        f"a {days:g}-day deadline"
        if deadline
        else f"no deadline within {p.max_review_days:g} days"
        if days == math.inf
        else f"a {days:g}-day deadline, longer than {p.max_review_days:g} days",
        "release on silence" if silence else "no release on silence",
    ]
    return partly("review has " + ", ".join(parts))


@rule(
    "CTL003",
    "Participants keep the rights to what they create",
    category="control",
    basis="explicit",
    cites=[(S001, "providing creators with control over their work")],
    reads=("ownership.outputs",),
    refines=(
        "ownership.feedback_licence",
        "ownership.licence_survives",
        "ownership.output_limits",
        "ownership.output_licence",
        "ownership.output_licence_exclusive",
        "ownership.output_licence_perpetual",
        "ownership.output_licence_irrevocable",
        "ownership.output_licence_paid",
    ),
    # Not `output_licence`: which licence is better also depends on what it covers and
    # whether it is paid (CRD002), so no one value is the remedy.
    remedy={
        "ownership.outputs": "participant",
        "ownership.feedback_licence": "limited",
        "ownership.output_licence_exclusive": False,
    },
    clause=(
        "Participants own what they create and may use it as they wish; the company takes a "
        "non-exclusive licence to their outputs and feedback limited to running and "
        "improving the product during the program."
    ),
    fallback={
        "ownership.outputs": "participant",
        "ownership.output_licence": "broad",
        "ownership.output_licence_exclusive": False,
    },
    fallback_clause=(
        "Participants own what they create; the company may take a non-exclusive licence to use it."
    ),
)
def ctl003(t: Values, p: Parameters) -> Verdict:
    """Creators need control over their work: who owns the outputs, what they may do with
    them, and how far a licence the organization takes reaches. Met when participants own
    their outputs, free to use them, and any licence they grant is limited to running the
    program; not met when the organization owns the outputs or takes an exclusive licence
    to them (an exclusive licence leaves the owner nothing to control); partly when
    ownership is shared, or participants own their outputs but:

    - may not use them freely (``output_limits``: non-commercial only, not before release,
      personal use only);
    - grant a broad licence over them (any use: display, repost, marketing...) that is
      royalty-free, perpetual or irrevocable. Such a licence, like Hypernatural's
      "perpetual, worldwide, royalty-free, non-exclusive license to use, display, repost",
      is partly met, not unmet: participants keep ownership and their own use; what they
      lose is the say over the company's use. Only a broad licence that is paid and can
      end (neither perpetual nor irrevocable) keeps the rule met;
    - grant a broad feedback licence that survives the program.

    The licence and limit terms refine the rule: only what a source states lowers it."""
    outputs = t["ownership.outputs"]
    if outputs == "organization":
        return not_met("the organization owns what participants create")
    licence = t["ownership.output_licence"]
    licensed = licence in ("limited", "broad")
    if licensed and t["ownership.output_licence_exclusive"]:
        return not_met(f"the organization takes an exclusive {licence} licence to their outputs")
    owner = (
        "ownership of outputs is shared"
        if outputs == "shared"
        else "participants own their outputs"
    )
    limits: list[str] = []
    uses = t["ownership.output_limits"]
    if uses:
        limits.append(f"may use them only within limits ({', '.join(uses)})")
    if licence == "broad":
        features = [
            label
            for key, label in (
                ("ownership.output_licence_perpetual", "perpetual"),
                ("ownership.output_licence_irrevocable", "irrevocable"),
            )
            if t[key]
        ]
        paid = t["ownership.output_licence_paid"]
        if paid is False:
            features.append("royalty-free")
        if features or not paid:
            grant = ", ".join([*features, "broad"])
            limits.append(f"grant the organization a {grant} licence to them")
    if t["ownership.feedback_licence"] == "broad" and t["ownership.licence_survives"]:
        limits.append("grant a broad feedback licence that survives")
    if outputs == "shared":
        return partly(owner + (", and participants " + " and ".join(limits) if limits else ""))
    if limits:
        return partly(f"{owner}, but " + " and ".join(limits))
    if licence == "limited":
        return met("participants own what they create; the licence they grant is limited")
    return met("participants own what they create")
