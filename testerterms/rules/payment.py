"""Payment terms: a dated floor measured on real time, pay on time, paid onboarding, no
withholding at discretion (Fairwork, Prolific, Partnership on AI, uTest, HackerOne)."""

from __future__ import annotations

from ._core import Parameters, Values, Verdict, met, not_met, partly, rule
from ._standards import (
    FAIRWORK,
    FAIRWORK_AI,
    FAIRWORK_CLOUDWORK,
    HACKERONE_FINDER_2017,
    PAI,
    PROLIFIC,
    PROLIFIC_UNDERPAYING,
    PROLIFIC_WELLBEING,
    STANFORD_FAIR_WORK,
    TESTER_WORK,
    UTEST,
)


def _floor(p: Parameters) -> str:
    dated = f", as of {p.pay_floor_as_of}" if p.pay_floor_as_of else ""
    return f"the floor of {p.min_hourly_pay:g} USD an hour{dated}"


@rule(
    "PMT001",
    "Pay reaches a dated hourly floor, in money, measured on the real time the work takes",
    category="payment",
    basis="explicit",
    cites=[
        (
            PROLIFIC,
            "we recommend you pay participants at least £9.00 / $12.00 per hour, while the "
            "minimum pay allowed is £6.00 / $8.00 per hour",
        ),
        (PROLIFIC, "We only allow participants to be paid via monetary rewards on Prolific."),
        (
            PROLIFIC_UNDERPAYING,
            "Prolific uses the median completion time to work out your study's average reward "
            "per hour",
        ),
        (
            PAI,
            "AI Practitioners must pay workers/participants at least the living wage for their "
            "location.",
        ),
        (
            FAIRWORK_CLOUDWORK,
            "For hourly-paid work, workers earn at least their local minimum wage.",
        ),
        (
            STANFORD_FAIR_WORK,
            "auto-bonused to bring the payment up to a minimum wage of $15/hr",
        ),
    ],
    reads=("compensation.money", "compensation.hourly_rate", "compensation.rate_measured"),
    refines=("compensation.rate_as_of",),
    remedy={
        "compensation.money": "everyone",
        # The strictest floor of the bundled profiles (testers-letter's 30 USD an hour).
        "compensation.hourly_rate": 30,
        "compensation.rate_measured": True,
    },
    clause=(
        "Everyone who does the work is paid money, never vouchers or access alone, at no less "
        "than {min_hourly_pay:g} US dollars an hour, measured on the median time the work "
        "actually takes; where the real time runs longer, pay is topped up to the floor."
    ),
    fallback={
        "compensation.money": "everyone",
        "compensation.hourly_rate": 30,
        "compensation.rate_measured": False,
    },
    fallback_clause=(
        "Everyone who does the work is paid money at no less than {min_hourly_pay:g} US dollars "
        "for each hour the work is expected to take."
    ),
    thresholds=lambda p: {"compensation.hourly_rate": (p.min_hourly_pay,)},
)
def pmt001(t: Values, p: Parameters) -> Verdict:
    """Crowd-work platforms and Fairwork set a floor per hour, in money, for everyone who
    works: Prolific recommends $12 an hour and allows no less than $8, pays only "via
    monetary rewards", and measures the rate on "the median completion time"; Fairwork asks
    for at least the local minimum wage; Partnership on AI for a living wage. A floor is a
    number at a date (Prolific's has risen from $6.50 to $8), so the profile's parameters
    name the floor and its date, and the reason states the program's rate and, where known,
    the date it was stated.

    Met when everyone is paid money at or above the floor, measured on real time; partly
    when the rate meets the floor but is only an estimate, or when only accepted results are
    paid (a bounty: hours on work that is not accepted earn nothing); not met when the rate
    is below the floor, or when only a few, or nobody, are paid money. A stated rate of a
    program that pays nobody is not read: nothing reaches the floor."""
    money = t["compensation.money"]
    if money == "none":
        return not_met("nobody is paid money, so no pay reaches an hourly floor")
    if money == "some":
        return not_met("only a select few are paid money; a floor is for everyone who works")
    rate = t["compensation.hourly_rate"]
    as_of = t["compensation.rate_as_of"]
    stated = f"{rate:g} USD an hour" + (f" (stated {as_of})" if as_of else "")
    if rate < p.min_hourly_pay:
        return not_met(f"{stated} is below {_floor(p)}")
    if money == "per-result":
        return partly(
            f"accepted results pay {stated}, at or above {_floor(p)}, but work that is not "
            "accepted is unpaid"
        )
    if not t["compensation.rate_measured"]:
        return partly(
            f"{stated} meets {_floor(p)}, but it is an estimate, not measured on the real time "
            "the work takes"
        )
    return met(f"everyone is paid {stated}, measured on real time, at or above {_floor(p)}")


@rule(
    "PMT002",
    "Pay arrives within a stated, short time after the work is done or accepted",
    category="payment",
    basis="explicit",
    cites=[
        (FAIRWORK_CLOUDWORK, "Payments are made within an agreed timeframe."),
        (FAIRWORK, "They should be paid on time, and for all work completed."),
        (UTEST, "Be paid accurately and in a timely manner, twice per month"),
        (
            HACKERONE_FINDER_2017,
            "will typically remit the Bounty payments to you within ten (10) business days",
        ),
    ],
    reads=("compensation.money", "compensation.payment_days"),
    remedy={"compensation.payment_days": 14},
    clause=(
        "Pay for work done, or for a result once accepted, reaches the participant within "
        "{max_payment_days:g} days."
    ),
    fallback={"compensation.payment_days": 60},
    fallback_clause=(
        "Pay for work done, or for a result once accepted, reaches the participant within 60 days."
    ),
    thresholds=lambda p: {"compensation.payment_days": (p.max_payment_days,)},
)
def pmt002(t: Values, p: Parameters) -> Verdict:
    """Fairwork's first point for fair pay requires that "Payments are made within an agreed
    timeframe"; uTest promises pay "twice per month", HackerOne's finder terms "within ten
    (10) business days". A participant who cannot tell when pay comes carries the
    organization's cash flow. Met when the terms state a payment time within the profile's
    longest; partly when the stated time is longer; not met when nobody is paid money
    (Fairwork: workers are to be paid "for all work completed", and there is no pay to arrive
    on time). A time no source states leaves the rule unknown."""
    if t["compensation.money"] == "none":
        return not_met("nobody is paid money, so no pay arrives on time")
    days = t["compensation.payment_days"]
    longest = p.max_payment_days
    if days <= longest:
        return met(f"pay arrives within {days:g} days (at most {longest:g})")
    return partly(f"pay arrives within {days:g} days, later than {longest:g}")


@rule(
    "PMT003",
    "Onboarding, training, screening and qualification work is paid",
    category="payment",
    basis="explicit",
    cites=[
        (
            PROLIFIC_WELLBEING,
            "we do not allow our participants to be screened out mid-study, meaning they're "
            "always paid for the time they spend",
        ),
        (FAIRWORK_AI, "for all hours worked"),
    ],
    reads=("compensation.onboarding_paid",),
    remedy={"compensation.onboarding_paid": True},
    clause=(
        "Time spent on onboarding, training, screening and qualification tasks is paid at the "
        "same rate as the work itself, including for participants who are screened out."
    ),
)
def pmt003(t: Values, p: Parameters) -> Verdict:
    """Unpaid qualification work and screen-outs are where crowd and test work loses its
    hourly floor: Prolific does not let participants be screened out mid-study, so they are
    "always paid for the time they spend", and Fairwork's AI principles count pay "for all
    hours worked". Met when onboarding, training and screening are paid; not met when they
    are not."""
    if t["compensation.onboarding_paid"]:
        return met("onboarding, training and screening are paid")
    return not_met("onboarding, training and screening are unpaid")


@rule(
    "PMT004",
    "Pay for completed work is never withheld at the organization's sole discretion",
    category="payment",
    basis="explicit",
    cites=[
        (FAIRWORK_CLOUDWORK, "Non-payment for completed work is not an option for clients."),
        (TESTER_WORK, "deny or withhold payment at our sole discretion"),
    ],
    reads=("compensation.withholding",),
    remedy={"compensation.withholding": "none"},
    clause=(
        "Pay for completed work is not withheld; a rejection of work states its ground, which "
        "the participant may dispute."
    ),
    fallback={"compensation.withholding": "listed-grounds"},
    fallback_clause=("Pay for completed work is withheld only on grounds these terms list."),
)
def pmt004(t: Values, p: Parameters) -> Verdict:
    """Fairwork: "Non-payment for completed work is not an option for clients." Tester Work's
    payment policy, by contrast, keeps the right to "deny or withhold payment at our sole
    discretion" (cited as the practice this rule rules out). Met when pay is not withheld;
    partly when it may be withheld only on grounds the terms list (pay for completed work
    still depends on the organization's reading of those grounds); not met when it may be
    withheld at the organization's discretion."""
    withholding = t["compensation.withholding"]
    if withholding == "none":
        return met("pay for completed work is not withheld")
    if withholding == "listed-grounds":
        return partly("pay may be withheld, but only on grounds the terms list")
    return not_met("pay may be withheld at the organization's sole discretion")
