"""Likeness and training use: separate, specific, paid consent to a likeness or voice; training
on participants' work only when expressly granted and paid (SAG-AFTRA, New York law, NAVA,
Equity, the Authors Guild, the WGA)."""

from __future__ import annotations

from ._core import Parameters, Values, Verdict, met, not_applicable, not_met, partly, rule
from ._standards import (
    AUTHORS_GUILD_CLAUSES,
    AUTHORS_GUILD_RIGHTS,
    AUTHORS_GUILD_TRAINING,
    EQUITY,
    NAVA,
    NY_GOB_5_302,
    SAG_AFTRA_REPLICAS,
)


@rule(
    "LIK001",
    "A likeness or voice is captured and used only with separate, specific, paid consent",
    category="likeness",
    basis="explicit",
    cites=[
        (
            SAG_AFTRA_REPLICAS,
            "You have the right to consent to whether a digital replica of you is used or altered",
        ),
        (
            SAG_AFTRA_REPLICAS,
            "The informed consent cannot be buried in the “standard terms and conditions” of "
            "your contract or background voucher.",
        ),
        (SAG_AFTRA_REPLICAS, "You have the right to be paid when your digital replica is used."),
        (
            NY_GOB_5_302,
            "does not include a reasonably specific description of the intended use of the "
            "digital replica",
        ),
        (NAVA, "Ability for the performer to consent to use."),
        (NAVA, "Appropriate payment for use."),
        (EQUITY, "Consent (and not consent) for past, current and future performances"),
    ],
    reads=(
        "likeness.captured",
        "likeness.separate_consent",
        "likeness.use_described",
        "likeness.paid",
    ),
    remedy={
        "likeness.separate_consent": True,
        "likeness.use_described": True,
        "likeness.paid": True,
    },
    clause=(
        "A participant's face, body or voice is captured or used only with their consent, "
        "given in a separate signed document that describes each intended use specifically; "
        "the capture session and each use are paid."
    ),
    fallback={"likeness.separate_consent": True, "likeness.use_described": True},
    fallback_clause=(
        "A participant's face, body or voice is captured or used only with their consent, "
        "given in a separate signed document that describes each intended use."
    ),
)
def lik001(t: Values, p: Parameters) -> Verdict:
    """Performers' unions and New York law treat a likeness or voice as the performer's to
    license: SAG-AFTRA's 2023 terms give the right to consent to each use, after information
    about it, and to be paid, and the consent "cannot be buried in the 'standard terms and
    conditions'"; New York voids a digital-replica clause without "a reasonably specific
    description of the intended use"; NAVA asks for consent to use and "Appropriate payment
    for use". Does not apply when the program captures no likeness or voice. Met with
    separate consent to a specifically described use, paid; partly with separate consent
    where the use is not described or not paid; not met when consent is part of the general
    terms."""
    if not t["likeness.captured"]:
        return not_applicable("the program captures no likeness or voice")
    if not t["likeness.separate_consent"]:
        return not_met("consent to the use of a likeness or voice is part of the general terms")
    missing = []
    if not t["likeness.use_described"]:
        missing.append("the use is not specifically described")
    if not t["likeness.paid"]:
        missing.append("the capture and use are not paid")
    if missing:
        return partly(f"consent is separate, but {' and '.join(missing)}")
    return met("consent is separate, the use is described, and capture and use are paid")


@rule(
    "LIK002",
    "Participants' work trains models only under an express, paid grant",
    category="likeness",
    basis="explicit",
    cites=[
        (
            AUTHORS_GUILD_TRAINING,
            "to prohibit the use of an author's work for training artificial intelligence "
            "technologies without the author's express permission",
        ),
        (
            AUTHORS_GUILD_CLAUSES,
            "acquire no rights to reproduce, distribute, or create derivative works from an "
            "author's book for AI training or AI outputs unless those rights are expressly "
            "granted",
        ),
        (
            AUTHORS_GUILD_RIGHTS,
            "specifically granting AI rights for negotiated compensation akin to other "
            "subsidiary rights",
        ),
        (
            NAVA,
            "Explicit limits on use of the results and proceeds of an AI/Synthetic voice and "
            "Machine Training.",
        ),
    ],
    reads=("ownership.training_grant", "ownership.training_paid"),
    # Pay first: granting training use before it is paid would be a step back from no grant.
    remedy={"ownership.training_paid": True, "ownership.training_grant": "express"},
    clause=(
        "Participants' work, prompts and outputs are used to train models only under a "
        "separate, express grant that names that use, and the grant is paid."
    ),
    fallback={"ownership.training_grant": "express"},
    fallback_clause=(
        "Participants' work, prompts and outputs are used to train models only under a "
        "separate, express grant that names that use."
    ),
)
def lik002(t: Values, p: Parameters) -> Verdict:
    """The Authors Guild's model clauses keep training rights with the author "unless those
    rights are expressly granted", and recommend granting them only "for negotiated
    compensation"; the Guild warns that training rights hide behind wording like "internal
    purposes" or "research" (an implied grant here). Met when no training use is granted,
    or when it is granted expressly and paid; partly when granted expressly but unpaid; not
    met when training use rests on broad wording (implied)."""
    grant = t["ownership.training_grant"]
    if grant == "none":
        return met("no training use of participants' work is granted")
    if grant == "implied":
        return not_met("training use rests on broad wording, not an express grant")
    if t["ownership.training_paid"]:
        return met("training use is expressly granted and paid")
    return partly("training use is expressly granted, but not paid")
