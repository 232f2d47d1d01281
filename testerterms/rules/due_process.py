"""Due process: suspension with notice, a reason and an appeal; reports acknowledged and decided
on time, with a right to dispute; terms that change only with agreement or notice (the AI safe
harbor letter, Fairwork, CISA, uTest, HackerOne)."""

from __future__ import annotations

from ._core import Parameters, Values, Verdict, met, not_met, partly, rule
from ._standards import (
    CISA_VDP,
    FAIRWORK,
    FAIRWORK_RATING,
    HACKERONE_GUIDELINES_2019,
    SAFE_HARBOR_LETTER,
    UTEST,
)


@rule(
    "DUE001",
    "A suspension or removal comes with notice, a reason and an appeal",
    category="due-process",
    basis="explicit",
    cites=[
        (
            SAFE_HARBOR_LETTER,
            "Independent evaluators fear account suspension (without an opportunity for appeal)",
        ),
        (
            FAIRWORK,
            "Fair Management: There should be a documented due process for decisions affecting "
            "workers.",
        ),
        (FAIRWORK_RATING, "There is due process for decisions affecting workers"),
    ],
    reads=("access.reason_given", "access.appeal", "access.notice"),
    refines=("access.suspension_notice_days",),
    remedy={"access.reason_given": True, "access.appeal": True, "access.notice": True},
    clause=(
        "A participant is suspended or removed only after notice, told the reason in writing, "
        "and may appeal to someone who did not take the decision."
    ),
    fallback={"access.reason_given": True, "access.appeal": True},
    fallback_clause=(
        "A participant who is suspended or removed is told the reason in writing and may appeal."
    ),
)
def due001(t: Values, p: Parameters) -> Verdict:
    """Researchers "fear account suspension (without an opportunity for appeal)", the AI
    safe-harbor letter says, and Fairwork's fair-management principle asks for "a documented
    due process for decisions affecting workers". A participant removed without a reason
    cannot contest it, and one removed without an appeal has no one to contest it with. Met
    with notice, a reason and an appeal; partly with a reason and an appeal but no notice,
    or with only one of reason and appeal; not met with neither. Notice is read as a yes or
    no (``access.notice``); a number of days, where the terms state one, is named in the
    reason but does not change the outcome."""
    reason = t["access.reason_given"]
    appeal = t["access.appeal"]
    if reason and appeal:
        if not t["access.notice"]:
            return partly("a suspended participant is told why and may appeal, but gets no notice")
        days = t["access.suspension_notice_days"]
        ahead = f" ({days:g} days' notice)" if days else ""
        return met(f"a suspended participant gets notice{ahead}, is told why, and may appeal")
    if reason:
        return partly("a suspended participant is told why, but cannot appeal")
    if appeal:
        return partly("a suspended participant may appeal, but is not told why")
    return not_met("a participant may be suspended without a reason or an appeal")


@rule(
    "DUE002",
    "Reports are acknowledged within a stated, short time",
    category="due-process",
    basis="explicit",
    cites=[(CISA_VDP, "acknowledge receipt within three business days")],
    reads=("reports.ack_days",),
    remedy={"reports.ack_days": 3},
    clause="Each report is acknowledged within {max_ack_days:g} days of its receipt.",
    thresholds=lambda p: {"reports.ack_days": (p.max_ack_days, 2 * p.max_ack_days)},
)
def due002(t: Values, p: Parameters) -> Verdict:
    """A report sent into silence leaves the finder unable to tell whether it arrived, and
    whether to wait or publish. CISA's disclosure-policy template promises to "acknowledge
    receipt within three business days". Met when reports are acknowledged within the
    profile's deadline; partly when within twice that; not met when later."""
    days = t["reports.ack_days"]
    deadline = p.max_ack_days
    if days <= deadline:
        return met(f"reports are acknowledged within {days:g} days (at most {deadline:g})")
    if days <= 2 * deadline:
        return partly(f"reports are acknowledged within {days:g} days, later than {deadline:g}")
    return not_met(f"reports are acknowledged only within {days:g} days, over twice {deadline:g}")


@rule(
    "DUE003",
    "Reports are decided (accepted, rejected, rewarded) within a stated time",
    category="due-process",
    basis="explicit",
    cites=[(UTEST, "Have your reports reviewed within 15 days of the test cycle becoming locked")],
    reads=("reports.decision_days",),
    remedy={"reports.decision_days": 14},
    clause=(
        "Each report is decided (accepted, rejected or rewarded) within {max_decision_days:g} "
        "days, with the reason for a rejection."
    ),
    thresholds=lambda p: {"reports.decision_days": (p.max_decision_days, 2 * p.max_decision_days)},
)
def due003(t: Values, p: Parameters) -> Verdict:
    """A report that waits without a decision is work whose pay and credit hang on the
    organization's schedule; uTest promises testers their reports are "reviewed within 15
    days". Met when reports are decided within the profile's deadline; partly when within
    twice that; not met when later."""
    days = t["reports.decision_days"]
    deadline = p.max_decision_days
    if days <= deadline:
        return met(f"reports are decided within {days:g} days (at most {deadline:g})")
    if days <= 2 * deadline:
        return partly(f"reports are decided within {days:g} days, later than {deadline:g}")
    return not_met(f"reports are decided only within {days:g} days, over twice {deadline:g}")


@rule(
    "DUE004",
    "A participant can dispute the decision on their report",
    category="due-process",
    basis="explicit",
    cites=[(UTEST, "Dispute a rejected report within the stated rules and monthly limits")],
    reads=("reports.dispute",),
    remedy={"reports.dispute": True},
    clause=(
        "A participant may dispute the rejection of a report, or the reward given for it, and "
        "gets a reasoned answer."
    ),
)
def due004(t: Values, p: Parameters) -> Verdict:
    """A rejected report is unpaid work; uTest lists among its testers' rights to "Dispute a
    rejected report". Met when the terms let a participant dispute a decision on a report;
    not met when they do not."""
    if t["reports.dispute"]:
        return met("a participant can dispute the decision on a report")
    return not_met("a participant cannot dispute the decision on a report")


@rule(
    "DUE005",
    "Terms change only with the participant's agreement, or after notice",
    category="due-process",
    basis="explicit",
    cites=[
        (
            HACKERONE_GUIDELINES_2019,
            "If we make changes that we believe will substantially alter your rights, we will "
            "email you and prominently display a notice on our site 7 days before we make "
            "those changes.",
        )
    ],
    reads=("expectations.terms_changes", "expectations.change_notice_days"),
    remedy={"expectations.terms_changes": "agreed"},
    clause=(
        "The terms change only with the participant's agreement; where the organization may "
        "change them, it tells each participant at least {min_change_notice_days:g} days "
        "before the change applies."
    ),
    fallback={"expectations.terms_changes": "with-notice"},
    fallback_clause=(
        "The organization may change the terms only after telling each participant at least "
        "{min_change_notice_days:g} days before the change applies."
    ),
    thresholds=lambda p: {"expectations.change_notice_days": (p.min_change_notice_days,)},
)
def due005(t: Values, p: Parameters) -> Verdict:
    """Terms that change at will are not terms a participant agreed to. HackerOne's
    disclosure guidelines (version 1.2) promised email and a notice "7 days before" any
    change that would "substantially alter your rights". Met when terms change only with
    agreement, or with at least the profile's notice; partly with shorter notice; not met
    when the organization may change them at any time."""
    changes = t["expectations.terms_changes"]
    if changes == "agreed":
        return met("the terms change only with the participant's agreement")
    if changes == "at-will":
        return not_met("the organization may change the terms at any time")
    days = t["expectations.change_notice_days"]
    least = p.min_change_notice_days
    if days >= least:
        return met(f"the terms change only after {days:g} days' notice (at least {least:g})")
    return partly(f"the terms change after {days:g} days' notice, less than {least:g}")
