"""Pay: money for the work, and for everyone who does it."""

from __future__ import annotations

from ._core import Parameters, Values, Verdict, met, not_met, partly, rule
from ._seeds import LETTER, S000, S001, S003


@rule(
    "PAY001",
    "Participants are paid money for their work; free access alone is not pay",
    category="pay",
    basis="explicit",
    cites=[
        (S000, "without compensation or recognition"),
        (S001, "establishing fair compensation models"),
        (S003, "Even token payments or exclusive benefits"),
        (
            LETTER,
            "Hundreds of artists provide unpaid labor through bug testing, feedback and "
            "experimental work for the program for a $150B valued company.",
        ),
    ],
    reads=("compensation.money", "compensation.in_kind", "expectations.feedback_required"),
    refines=("compensation.hourly_rate",),
    remedy={"compensation.money": "everyone"},
    clause=(
        "Every participant is paid money for the time the program asks of them, at no less "
        "than {min_hourly_pay:g} US dollars an hour, on top of any free access to the product."
    ),
    fallback={"compensation.money": "per-result"},
    fallback_clause=(
        "Every accepted contribution is paid in money, at a rate the terms state, on top of any "
        "free access to the product."
    ),
)
def pay001(t: Values, p: Parameters) -> Verdict:
    """Testing, feedback and creative work are work. The Sora testers did "unpaid bug testing,
    feedback and experimental work" for a company valued at $150B+, and were offered free
    access instead of pay. Access to a product the company wants tested is not payment for
    testing it. Met when everyone who does the work is paid money (at the profile's minimum
    hourly rate, where a rate is stated); partly when pay depends on results or falls below
    that rate; not met when only a few, or nobody, are paid."""
    money = t["compensation.money"]

    def optional_work() -> bool:
        # Profile switch: access given for work that is not required needs no pay.
        return p.optional_work_needs_no_pay and t["expectations.feedback_required"] is False

    if money == "everyone":
        rate = t["compensation.hourly_rate"]
        if rate is None or rate >= p.min_hourly_pay:
            return met("everyone who does the work is paid money")
        if optional_work():
            return met("no work is required, and everyone is paid (profile rule)")
        minimum = p.min_hourly_pay
        return partly(
            f"everyone is paid, but {rate:g} USD an hour is below the {minimum:g} minimum"
        )
    who = {
        "per-result": "money is paid only for accepted results",
        "some": "only a select few are paid (prizes, grants)",
        "none": "nobody is paid money",
    }[money]
    if (money != "none" or t["compensation.in_kind"]) and optional_work():
        return met(f"{who}, but no work is required and access is given (profile rule)")
    if money == "per-result":
        return partly(f"{who}, not for all the work")
    if t["compensation.in_kind"]:
        if p.free_access_counts:
            return partly(f"{who}; free access counts as part payment under this profile")
        return not_met(f"{who}; free access is not pay")
    return not_met(who)


@rule(
    "PAY002",
    "Everyone who works is paid: a contest or prize for a few is not compensation",
    category="pay",
    basis="explicit",
    cites=[
        (S003, "a contest where a few testers could have their Sora-generated films screened"),
        (S003, "the recognition and rewards were insignificant"),
        (
            LETTER,
            "a select few will be chosen through a competition to have their Sora-created "
            "films screened — offering minimal compensation",
        ),
    ],
    reads=("compensation.money",),
    refines=("compensation.conditions",),
    remedy={"compensation.money": "everyone"},
    clause=(
        "Payment goes to every participant who does the work, not only to contest winners or "
        "selected participants; prizes and showcases come on top of it."
    ),
    fallback={"compensation.money": "per-result"},
    fallback_clause=(
        "Money is paid for every accepted contribution, not only to contest winners or a "
        "selected few."
    ),
)
def pay002(t: Values, p: Parameters) -> Verdict:
    """A screening competition for "a select few" was the Sora program's answer to pay, and
    the testers called it "minimal compensation". A prize for a few leaves the many unpaid
    for the same work. Met when everyone is paid; partly when pay follows accepted results
    (a bounty); not met when money reaches only winners or a few, or nobody."""
    money = t["compensation.money"]
    if money == "everyone":
        return met("everyone who does the work is paid")
    if money == "per-result":
        conditions = t["compensation.conditions"]
        extra = f" ({', '.join(conditions)})" if conditions else ""
        return partly(f"only accepted results are paid{extra}; other work is not")
    if money == "some":
        return not_met("money reaches only a few (prizes, grants, selection)")
    return not_met("nobody is paid money")
