"""Representation: participants engaged under a collective agreement, or at least consulted
through a body that speaks for them (Equity, Fairwork, the Human Artistry Campaign)."""

from __future__ import annotations

from ._core import Parameters, Values, Verdict, met, not_met, partly, rule
from ._standards import EQUITY, FAIRWORK, FAIRWORK_RATING, HUMAN_ARTISTRY


@rule(
    "REP001",
    "Participants are represented collectively: a collective agreement, or at least consultation",
    category="representation",
    basis="explicit",
    cites=[
        (EQUITY, "Be engaged under a collectively bargained agreement"),
        (EQUITY, "Meaningful consultation"),
        (
            FAIRWORK,
            "Fair Representation: Platforms should provide a documented process through which "
            "worker voice can be expressed.",
        ),
        (FAIRWORK_RATING, "There is collective governance or bargaining"),
        (HUMAN_ARTISTRY, "Creators' interests must be represented in policy making"),
    ],
    reads=("voice.representation",),
    remedy={"voice.representation": "collective-agreement"},
    clause=(
        "The organization recognises a body that represents participants and agrees the "
        "program's terms with it collectively."
    ),
    fallback={"voice.representation": "consultation"},
    fallback_clause=(
        "The organization consults a body that represents participants before it sets or "
        "changes the program's terms."
    ),
)
def rep001(t: Values, p: Parameters) -> Verdict:
    """Equity's AI vision asks that artists "Be engaged under a collectively bargained
    agreement" and for "Meaningful consultation"; Fairwork's fair-representation principle
    gives its first point for access to representation and its second for "collective
    governance or bargaining". One participant cannot negotiate terms offered to hundreds.
    Met under a collective agreement; partly when a representative body is consulted; not
    met when no collective representation is recognised."""
    representation = t["voice.representation"]
    if representation == "collective-agreement":
        return met("participants are engaged under a collective agreement")
    if representation == "consultation":
        return partly("a body that speaks for participants is consulted, without an agreement")
    return not_met("no collective representation is recognised")
