"""Confidentiality: bounded duties, and the right to speak about one's own experience."""

from __future__ import annotations

import math

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
    refines=("confidentiality.carve_outs",),
    remedy={"confidentiality.scope": "narrow", "confidentiality.ends_at_release": True},
    clause=(
        "Confidentiality covers only the information the agreement defines as confidential, "
        "and ends when the product is publicly released."
    ),
    fallback={"confidentiality.ends_at_release": True},
    fallback_clause=("Confidentiality ends when the product is publicly released."),
    thresholds=lambda p: {"confidentiality.duration_months": (p.max_nda_months,)},
)
def nda001(t: Values, p: Parameters) -> Verdict:
    """Derived from the restrictions the testers describe: a duty of silence with no edge
    and no end keeps participants from ever showing or discussing their work. Met with no
    NDA, or one narrow in scope that ends at release or within the profile's longest period;
    partly with one of the two; not met with neither.

    A carve-out for what becomes public at release (``carve_outs: [after-release]``) is an
    end at release. A carve-out for public information does not narrow a duty that covers
    the whole program: what was public was never confidential. A fixed duration longer
    than the profile's longest period is not an end that counts, and the reason says how
    long it is."""
    if not t["confidentiality.nda"]:
        return met("there is no confidentiality duty")
    narrow = t["confidentiality.scope"] == "narrow"
    carve_outs = t["confidentiality.carve_outs"] or ()
    limit = p.max_nda_months
    if "after-release" in carve_outs:
        ends, end = True, "ends at public release (a carve-out)"
    elif t["confidentiality.ends_at_release"]:
        ends, end = True, "ends at public release"
    else:
        months = t["confidentiality.duration_months"]
        if months <= limit:
            ends, end = True, f"ends after {months:g} months"
        elif months == math.inf:
            ends, end = False, "has no end: not at release, not at a fixed date"
        else:
            ends = False
            end = (
                f"ends only after {months:g} months (beyond the {limit:g}-month limit), "
                "not at release"
            )
    if narrow and ends:
        return met(f"confidentiality is narrow and {end}")
    if narrow:
        return partly(f"confidentiality is narrow, but {end}")
    if ends:
        return partly(f"confidentiality {end}, but covers the whole program")
    return not_met(f"confidentiality covers the whole program and {end}")


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
    refines=("confidentiality.carve_outs",),
    remedy={"confidentiality.own_experience": True},
    clause=(
        "Nothing in these terms stops a participant from describing their own experience of "
        "the program or criticising it."
    ),
)
def nda002(t: Values, p: Parameters) -> Verdict:
    """Derived: participants who cannot describe how they were treated cannot warn others or
    bargain. Met when participants may speak about their experience and criticise; not met
    when they may not. A confidentiality carve-out for one's own experience
    (``carve_outs: [own-experience]``) meets the rule."""
    if "own-experience" in (t["confidentiality.carve_outs"] or ()):
        return met("confidentiality carves out participants' own experience")
    if t["confidentiality.own_experience"]:
        return met("participants may speak about their own experience")
    return not_met("participants may not speak about their own experience")
