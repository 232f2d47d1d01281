"""Control: sharing one's own work, bounded review, rights to what one creates."""

from __future__ import annotations

from ._core import Parameters, Values, Verdict, met, not_applicable, not_met, partly, rule
from ._seeds import S001, S003


@rule(
    "CTL001",
    "Participants share their own work without case-by-case approval",
    category="control",
    basis="explicit",
    cites=[
        (S001, "requiring them to obtain approval before sharing any generated content"),
        (S003, "required approval from OpenAI before sharing, leaving artists feeling stifled"),
    ],
    reads=("content_review.pre_approval",),
    remedy={"content_review.pre_approval": "none"},
    clause=(
        "Participants may share what they make with the tool without asking for approval "
        "first; only the confidential information the agreement defines stays private."
    ),
)
def ctl001(t: Values, p: Parameters) -> Verdict:
    """Requiring approval of every output before it is shared turns participants' work into
    the company's messaging. The Sora testers said "every output needs to be approved by the
    OpenAI team before sharing". Met with no pre-approval; partly when approval covers only
    some outputs or topics; not met when every output needs approval."""
    review = t["content_review.pre_approval"]
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
    cites=[(S001, "requiring them to obtain approval before sharing any generated content")],
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
        "Where review applies, its criteria are published, the company answers within 7 days, "
        "and a participant who has no answer by then may share."
    ),
    folds_into="CTL001",
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
            "review has no published criteria, no timely deadline, no release on silence"
        )
    parts = [
        "published criteria" if criteria else "no published criteria",
        f"a {days:g}-day deadline"
        if deadline
        else f"no deadline within {p.max_review_days:g} days",
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
    refines=("ownership.feedback_licence", "ownership.licence_survives"),
    remedy={"ownership.outputs": "participant", "ownership.feedback_licence": "limited"},
    clause=(
        "Participants own what they create; the company takes a licence limited to improving "
        "the product during the program."
    ),
)
def ctl003(t: Values, p: Parameters) -> Verdict:
    """Creators need control over their work: who owns the outputs, and how far a licence
    to their feedback reaches. Met when participants own their outputs; partly when
    ownership is shared, or when they own outputs but grant a broad feedback licence that
    survives the program; not met when the organization owns the outputs."""
    outputs = t["ownership.outputs"]
    if outputs == "organization":
        return not_met("the organization owns what participants create")
    if outputs == "shared":
        return partly("ownership of outputs is shared")
    if t["ownership.feedback_licence"] == "broad" and t["ownership.licence_survives"]:
        return partly(
            "participants own their outputs, but grant a broad feedback licence that survives"
        )
    return met("participants own what they create")
