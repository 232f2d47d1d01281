"""A guild's own profile: the articles' recommendations with a higher pay floor.

    python examples/guild_floor.py [PROGRAM]

guild-profile.yaml (beside this script) says ``extends: articles`` and raises the minimum
hourly pay to 45 US dollars. The same offer, read under both profiles, shows what the
guild's floor changes and what it would ask for.
"""

from __future__ import annotations

import sys
from pathlib import Path

import testerterms

HERE = Path(__file__).resolve().parent


def main(args: list[str]) -> int:
    program = testerterms.load_program(args[0] if args else HERE / "my-offer.yaml")
    guild = testerterms.load_profile(HERE / "guild-profile.yaml")
    articles = testerterms.load_profile("articles")
    print(f"{program.name}")
    for profile in (articles, guild):
        card = testerterms.score(program, profile)
        pay = card.finding("PAY001")
        print(
            f"  {profile.id} (minimum {profile.parameters.min_hourly_pay:g} USD/hour): "
            f"grade {card.grade or 'none'}, range {card.range[0]:.0f}-{card.range[1]:.0f}; "
            f"PAY001 {pay.outcome}: {pay.reason}"
        )
    suggestion = testerterms.suggest(program, guild, "B")
    print(f"  to reach B for certain under {guild.id}, ask for:")
    for step in suggestion.steps:
        print(f"    {step.change.term}: {step.change.old} -> {step.change.new}  ({step.clause})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
