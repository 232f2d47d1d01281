"""Access and security: per-participant credentials, no collective punishment."""

from __future__ import annotations

from ._core import Parameters, Values, Verdict, met, not_met, partly, rule
from ._seeds import ARS, S002, S003


@rule(
    "SEC001",
    "Access is per participant and revocable one by one (no shared keys)",
    category="security",
    basis="explicit",
    cites=[
        (S003, "Stricter safeguards must prevent unauthorized sharing"),
        (S003, "via an unauthorized API key"),
        (ARS, "presumably with authentication tokens provided to testers by OpenAI itself."),
    ],
    reads=("access.credentials",),
    remedy={"access.credentials": "per-participant"},
    clause="Each participant gets their own credentials, which can be revoked on their own.",
)
def sec001(t: Values, p: Parameters) -> Verdict:
    """The leak ran through an API key. Per-participant credentials protect the program and
    make it possible to act on one breach without touching everyone else. Met with
    per-participant credentials; not met with shared ones."""
    if t["access.credentials"] == "per-participant":
        return met("each participant has their own credentials")
    return not_met("participants share credentials")


@rule(
    "SEC002",
    "No collective punishment: one breach does not cut everyone's access without notice",
    category="security",
    basis="derived",
    cites=[
        (S002, "OpenAI has denied all members access to the Sora tool"),
        (
            ARS,
            "An OpenAI spokesperson told The Washington Post the company is temporarily pausing "
            "all test access to Sora to evaluate the situation.",
        ),
    ],
    reads=("access.revocation", "access.notice"),
    remedy={"access.revocation": "for-cause", "access.notice": True},
    clause=(
        "Access is suspended only for the participant concerned, for a cause the terms state, "
        "with notice and the reason; a breach by one never ends everyone's access."
    ),
    fallback={"access.revocation": "for-cause"},
    fallback_clause=(
        "Access is suspended only for the participant concerned, for a cause the terms state."
    ),
)
def sec002(t: Values, p: Parameters) -> Verdict:
    """Derived: after the leak, every tester lost access, not only those involved. Met when
    access ends one participant at a time, for a stated cause, with notice; partly for cause
    without notice, or when access may end at will or for everyone but with notice; not met
    when the organization may end anyone's access, or everyone's, at any time without
    notice. "At any time" is not a protection against collective punishment: the same power
    that removes one tester removes all of them."""
    revocation = t["access.revocation"]
    notice = t["access.notice"]
    if revocation == "for-cause":
        if notice:
            return met("access ends one participant at a time, for a stated cause, with notice")
        return partly("access ends one participant at a time for a stated cause, without notice")
    what = {
        "at-will": "access may be ended at any time, at the organization's discretion",
        "collective": "access is cut for everyone at once",
    }[revocation]
    if notice:
        return partly(f"{what}, but with notice")
    return not_met(f"{what}, without notice")
