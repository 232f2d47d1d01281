"""Voice: a channel that answers, and freedom to organise."""

from __future__ import annotations

from ._core import Parameters, Values, Verdict, met, not_met, partly, rule
from ._seeds import LETTER, S001


@rule(
    "VOI001",
    "A real channel to raise concerns and get answers; participants may organise",
    category="voice",
    basis="explicit",
    cites=[
        (
            S001,
            "open communication and collaboration between AI developers and the creative community",
        ),
        (
            LETTER,
            "in the hopes that OpenAI becomes more open, more artist friendly and supports the "
            "arts beyond PR stunts.",
        ),
    ],
    reads=("voice.channel", "voice.organising"),
    refines=("voice.grievance", "voice.arbitration", "voice.class_waiver"),
    remedy={
        "voice.channel": True,
        "voice.grievance": True,
        "voice.organising": True,
        "voice.arbitration": False,
        "voice.class_waiver": False,
    },
    clause=(
        "Participants have a named contact who answers concerns within 14 days, a grievance "
        "process, and may organise and be represented collectively; disputes may go to a "
        "court, alone or together, with no binding arbitration or class-action waiver."
    ),
    fallback={"voice.channel": True},
    fallback_clause=(
        "Participants have a named contact who answers their concerns within 14 days."
    ),
)
def voi001(t: Values, p: Parameters) -> Verdict:
    """The Sora testers went public because they had no other way to be heard. Met with a
    channel that answers and freedom to organise; partly with a channel only, or where the
    terms state there is no grievance process; not met without a channel.

    Binding arbitration and a class-action waiver (as in the Windows Insider agreement)
    take away the places where participants are heard together and in public: either one
    makes the rule at most partly met, even with a channel and freedom to organise. They
    refine the rule: only a stated clause lowers it."""
    if not t["voice.channel"]:
        return not_met("there is no channel for concerns")
    gaps = []
    if not t["voice.organising"]:
        gaps.append("participants may not organise")
    if t["voice.grievance"] is False:
        gaps.append("no process decides concerns")
    if t["voice.arbitration"]:
        gaps.append("disputes go to binding arbitration")
    if t["voice.class_waiver"]:
        gaps.append("participants waive class actions")
    if gaps:
        return partly("there is a channel for concerns, but " + "; ".join(gaps))
    return met("there is a channel for concerns and participants may organise")
