"""Confidentiality: bounded duties, and the right to speak about one's own experience."""

from __future__ import annotations

from ._core import Parameters, Values, Verdict, met, not_met, partly, rule
from ._seeds import LETTER, S001, S002, S003


@rule(
    "NDA001",
    "Confidentiality is bounded in scope and ends at public release or a fixed date",
    category="confidentiality",
    basis="derived",
    cites=[
        (S001, "imposed restrictions on testers"),
        (S002, "limited by OpenAI policies on generated content"),
    ],
    reads=(
        "confidentiality.nda",
        "confidentiality.scope",
        "confidentiality.ends_at_release",
        "confidentiality.duration_months",
    ),
    remedy={"confidentiality.scope": "narrow", "confidentiality.ends_at_release": True},
    clause=(
        "Confidentiality covers only the information the agreement defines as confidential, "
        "and ends when the product is publicly released."
    ),
)
def nda001(t: Values, p: Parameters) -> Verdict:
    """Derived from the restrictions the testers describe: a duty of silence with no edge
    and no end keeps participants from ever showing or discussing their work. Met with no
    NDA, or one narrow in scope that ends at release or within the profile's longest period;
    partly with one of the two; not met with neither."""
    if not t["confidentiality.nda"]:
        return met("there is no confidentiality duty")
    narrow = t["confidentiality.scope"] == "narrow"
    ends = (
        bool(t["confidentiality.ends_at_release"])
        or t["confidentiality.duration_months"] <= p.max_nda_months
    )
    if narrow and ends:
        return met("confidentiality is narrow and ends")
    if narrow:
        return partly(
            "confidentiality is narrow, but has no end at release or within "
            f"{p.max_nda_months:g} months"
        )
    if ends:
        return partly("confidentiality ends, but covers the whole program")
    return not_met("confidentiality covers the whole program and does not end")


@rule(
    "NDA002",
    "Participants may speak about their own experience and criticise the program",
    category="confidentiality",
    basis="derived",
    cites=[
        (S003, "lack of autonomy"),
        (LETTER, "less about creative expression and critique"),
    ],
    reads=("confidentiality.own_experience",),
    remedy={"confidentiality.own_experience": True},
    clause=(
        "Nothing in these terms stops a participant from describing their own experience of "
        "the program or criticising it."
    ),
)
def nda002(t: Values, p: Parameters) -> Verdict:
    """Derived: participants who cannot describe how they were treated cannot warn others or
    bargain. Met when participants may speak about their experience and criticise; not met
    when they may not."""
    if t["confidentiality.own_experience"]:
        return met("participants may speak about their own experience")
    return not_met("participants may not speak about their own experience")
