"""Voice: a channel that answers, and freedom to organise."""

from __future__ import annotations

from ._core import Parameters, Values, Verdict, met, not_met, partly, rule
from ._seeds import S001


@rule(
    "VOI001",
    "A real channel to raise concerns and get answers; participants may organise",
    category="voice",
    basis="explicit",
    cites=[
        (
            S001,
            "open communication and collaboration between AI developers and the creative community",
        )
    ],
    reads=("voice.channel", "voice.organising"),
    refines=("voice.grievance",),
    remedy={"voice.channel": True, "voice.grievance": True, "voice.organising": True},
    clause=(
        "Participants have a named contact who answers concerns within 14 days, a grievance "
        "process, and may organise and be represented collectively."
    ),
)
def voi001(t: Values, p: Parameters) -> Verdict:
    """The Sora testers went public because they had no other way to be heard. Met with a
    channel that answers and freedom to organise; partly with a channel only, or where the
    terms state there is no grievance process; not met without a channel."""
    if not t["voice.channel"]:
        return not_met("there is no channel for concerns")
    if not t["voice.organising"]:
        return partly("there is a channel for concerns, but participants may not organise")
    if t["voice.grievance"] is False:
        return partly("participants may raise concerns and organise, but no process decides them")
    return met("there is a channel for concerns and participants may organise")
