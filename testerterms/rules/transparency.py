"""Transparency: written terms, disclosed use of work and data, roles that match the work."""

from __future__ import annotations

from ._core import Parameters, Values, Verdict, met, not_applicable, not_met, partly, rule
from ._seeds import LETTER, S000, S001, S002, S003


@rule(
    "TRN001",
    "Written terms state expectations, compensation and content usage up front",
    category="transparency",
    basis="explicit",
    cites=[
        (
            S003,
            "should explicitly outline participant expectations, compensation, and content usage",
        )
    ],
    reads=(
        "expectations.written_terms",
        "expectations.states_expectations",
        "expectations.states_compensation",
        "expectations.states_content_use",
    ),
    refines=("expectations.terms_changes",),
    remedy={
        "expectations.written_terms": True,
        "expectations.states_expectations": True,
        "expectations.states_compensation": True,
        "expectations.states_content_use": True,
        "expectations.terms_changes": "agreed",
    },
    clause=(
        "Before anyone joins, written terms state the time and deliverables expected, the "
        "compensation (even when it is none), and how participants' work will be used; the "
        "terms change only with the participant's agreement."
    ),
    fallback={
        "expectations.written_terms": True,
        "expectations.states_expectations": True,
        "expectations.states_compensation": True,
    },
    fallback_clause=(
        "Before anyone joins, written terms state the time and deliverables expected and the "
        "compensation (even when it is none)."
    ),
)
def trn001(t: Values, p: Parameters) -> Verdict:
    """Participants can only judge an offer they can read. Article 003 asks that early
    access programs "explicitly outline participant expectations, compensation, and content
    usage". Met when written terms state all three; partly when written terms leave one
    out; not met without written terms.

    Terms the organization may change at any time without notice (``terms_changes:
    at-will``, as in "we may change these Terms at any time") are not terms stated up
    front: what they state holds only until the next change, so the rule is at most
    partly met. Changes after notice, or only by agreement, keep it met. The change terms
    refine the rule: only a stated at-will clause lowers it."""
    if not t["expectations.written_terms"]:
        return not_met("there are no written terms")
    stated = {
        "expectations": t["expectations.states_expectations"],
        "compensation": t["expectations.states_compensation"],
        "content use": t["expectations.states_content_use"],
    }
    missing = [name for name, yes in stated.items() if not yes]
    at_will = t["expectations.terms_changes"] == "at-will"
    change = "the organization may change them at any time without notice"
    if not missing:
        if at_will:
            return partly(
                f"written terms state expectations, compensation and content use, but {change}"
            )
        return met("written terms state expectations, compensation and content use")
    gap = f"written terms do not state {' or '.join(missing)}"
    return partly(f"{gap}, and {change}" if at_will else gap)


@rule(
    "TRN002",
    "Use of participants' work and data (training, evaluation) is disclosed, with opt-out",
    category="transparency",
    basis="explicit",
    cites=[
        (S001, "ensuring transparency in data usage"),
        (S001, "their role in training and shaping AI models"),
        (LETTER, "we are not your: free bug testers, PR puppets, training data, validation tokens"),
    ],
    reads=("ownership.data_use", "ownership.data_opt_out"),
    # Opt-out first: disclosing a use without it would be a step back from no use at all.
    remedy={"ownership.data_opt_out": True, "ownership.data_use": "disclosed"},
    clause=(
        "The terms say whether participants' work, prompts and feedback are used to train or "
        "evaluate models, and participants may opt out of that use."
    ),
    fallback={"ownership.data_use": "disclosed"},
    fallback_clause=(
        "The terms say whether participants' work, prompts and feedback are used to train or "
        "evaluate models, and how."
    ),
)
def trn002(t: Values, p: Parameters) -> Verdict:
    """Testers' outputs and prompts can become training data ("we are not your ... training
    data"). Met when no such use is made, or it is disclosed with an opt-out; partly when
    disclosed without opt-out; not met when undisclosed."""
    use = t["ownership.data_use"]
    if use == "none":
        return met("participants' work and data are not used for training or evaluation")
    if use == "undisclosed":
        return not_met("use of participants' work and data is not disclosed")
    if t["ownership.data_opt_out"]:
        return met("use of participants' work and data is disclosed, with opt-out")
    return partly("use of participants' work and data is disclosed, without opt-out")


@rule(
    "TRN003",
    'The role offered matches the work: a "partner" gets partner terms (pay, credit, voice)',
    category="transparency",
    basis="explicit",
    cites=[
        (S002, "misled by the promises of becoming co-creators and red teamers"),
        (S000, "the promise of being early testers and creative partners"),
        (
            LETTER,
            "We received access to Sora with the promise to be early testers, red teamers and "
            "creative partners.",
        ),
    ],
    reads=("expectations.role", "compensation.money", "credit.attribution", "voice.channel"),
    remedy={
        "compensation.money": "everyone",
        "credit.attribution": "everyone",
        "voice.channel": True,
    },
    clause=(
        "A participant invited as a partner, co-creator or red teamer is paid, credited and "
        "heard as one: pay for the work, credit by name, and a channel that answers."
    ),
    fallback={"compensation.money": "everyone"},
    fallback_clause=(
        "A participant invited as a partner, co-creator or red teamer is at least paid for the "
        "work."
    ),
)
def trn003(t: Values, p: Parameters) -> Verdict:
    """The Sora testers were promised to be "early testers, red teamers and creative
    partners" and found themselves unpaid. A partner title sets expectations of pay, credit
    and a say. Applies to roles advertised as creative partner, co-creator or red teamer.
    Met with pay, credit and a voice channel; partly with pay but not the rest; not met
    without pay."""
    role = t["expectations.role"]
    if role not in ("creative-partner", "co-creator", "red-teamer"):
        return not_applicable(f"the role advertised is {role}, not a partner role")
    if t["compensation.money"] != "everyone":
        return not_met(f"invited as {role}, but not everyone who works is paid")
    missing = []
    if t["credit.attribution"] == "none":
        missing.append("no credit")
    if not t["voice.channel"]:
        missing.append("no channel for concerns")
    if missing:
        return partly(f"invited as {role} and paid, but {' and '.join(missing)}")
    return met(f"invited as {role}, and paid, credited and heard as one")
