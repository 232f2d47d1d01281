"""Credit: acknowledgement by name, and marketing use only with consent, credit and pay."""

from __future__ import annotations

from ._core import Parameters, Values, Verdict, met, not_met, partly, rule
from ._seeds import LETTER, S000, S001, S003, S004


@rule(
    "CRD001",
    "Contributions are acknowledged by name (with opt-out)",
    category="credit",
    basis="explicit",
    cites=[
        (S000, "contributions are properly acknowledged and rewarded"),
        (S001, "they should be recognized and compensated"),
    ],
    reads=("credit.attribution",),
    refines=("credit.opt_out",),
    remedy={"credit.attribution": "everyone", "credit.opt_out": True},
    clause=(
        "Every participant is credited by name in what the program publishes about the "
        "product, unless they ask not to be."
    ),
    fallback={"credit.attribution": "selected"},
    fallback_clause=(
        "Participants whose work the program publishes or shows are credited by name."
    ),
)
def crd001(t: Values, p: Parameters) -> Verdict:
    """Work that shapes a product deserves recognition; the testers said they got none.
    Met when everyone is credited by name (a stated lack of opt-out makes it partly);
    partly when only selected participants are named, or only those whose results are
    accepted (a thanks page of valid reports); not met when nobody is."""
    attribution = t["credit.attribution"]
    if attribution == "everyone":
        if t["credit.opt_out"] is False:
            return partly("everyone is credited by name, with no way to opt out")
        return met("every participant is credited by name")
    if attribution == "selected":
        return partly("only selected participants are named")
    if attribution == "per-result":
        return partly("only participants whose results are accepted are named")
    return not_met("participants are not credited")


# Uses of a licence over outputs that put participants' work in front of the public.
_PUBLIC_USES = ("marketing", "display", "repost")


@rule(
    "CRD002",
    "Participants' work is used in marketing only with opt-in consent, credit and pay",
    category="credit",
    basis="explicit",
    cites=[
        (S003, "showcase their work as PR fodder"),
        (S003, "artwashing"),
        (S004, "used for marketing purposes without getting fair value in return"),
        (
            LETTER,
            "This early access program appears to be less about creative expression and "
            "critique, and more about PR and advertisement.",
        ),
    ],
    reads=(
        "credit.marketing_use",
        "credit.marketing_consent",
        "credit.marketing_pay",
        "credit.attribution",
    ),
    refines=(
        "ownership.output_licence",
        "ownership.output_licence_uses",
        "ownership.output_licence_paid",
    ),
    remedy={
        "credit.marketing_consent": "opt-in",
        "credit.marketing_pay": True,
        "credit.attribution": "everyone",
    },
    clause=(
        "The company uses a participant's work in marketing only with that participant's "
        "opt-in consent for each use, with credit, and pays for the use."
    ),
    fallback={
        "credit.marketing_consent": "opt-out",
        "credit.marketing_pay": True,
        "credit.attribution": "everyone",
    },
    fallback_clause=(
        "The company may use a participant's work in marketing unless that participant opts "
        "out; every such use is credited and paid."
    ),
)
def crd002(t: Values, p: Parameters) -> Verdict:
    """The testers' central charge was "artwashing": their work used as PR while they were
    unpaid. Marketing use needs the creator's opt-in consent, credit and pay. Met when work
    is not used in marketing, or used with all three; partly with consent and pay but no
    credit, or with opt-out consent only; not met when use is unpaid or without consent.

    A licence over participants' outputs that covers marketing, display or repost
    (``output_licence_uses``) is marketing use, whatever ``marketing_use`` says: the terms
    give the company the right to show the work publicly. A royalty-free licence
    (``output_licence_paid: false``) is use without pay."""
    licence = t["ownership.output_licence"]
    uses = t["ownership.output_licence_uses"] or ()
    public = [use for use in uses if use in _PUBLIC_USES] if licence != "none" else []
    if public:
        what = f"a licence over their outputs covers {', '.join(public)}"
        paid = t["ownership.output_licence_paid"]
        if paid is None:
            paid = t["credit.marketing_pay"]
    else:
        if not t["credit.marketing_use"]:
            return met("participants' work is not used in marketing")
        what = "participants' work is used in marketing"
        paid = t["credit.marketing_pay"]
    if not paid:
        return not_met(f"{what}, without pay for it")
    consent = t["credit.marketing_consent"]
    if consent == "none":
        return not_met(f"{what}, without their consent")
    credited = t["credit.attribution"] != "none"
    if consent == "opt-in" and credited:
        return met(f"{what}; the use is opt-in, credited and paid")
    missing = [] if credited else ["no credit"]
    if consent == "opt-out":
        missing.append("consent is opt-out only")
    return partly(f"{what}; the use is paid, but " + " and ".join(missing))
