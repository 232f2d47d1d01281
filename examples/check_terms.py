"""Fail a CI job when a program's terms score below a threshold, with the reasons why.

    python examples/check_terms.py [PROGRAM] [--profile NAME|FILE] [--minimum 70]

PROGRAM is a program file or a bundled program's id (default: my-offer.yaml, beside this
script).

The same check from the command line: testerterms score PROGRAM.yaml --fail-under 70
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import testerterms

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", nargs="?", default=str(HERE / "my-offer.yaml"))
    parser.add_argument("--profile", default="articles")
    parser.add_argument("--minimum", type=float, default=70)
    args = parser.parse_args(argv)
    try:
        program = testerterms.load_program(args.program)
        profile = testerterms.load_profile(args.profile)
    except testerterms.TesterTermsError as exc:
        print(exc, file=sys.stderr)
        return 2
    card = testerterms.score(program, profile)
    print(f"{program.name}: score {card.score}, grade {card.grade or 'none'} under {profile.id}")
    for finding in card.findings:
        if finding.outcome in ("not-met", "partly"):
            print(f"  {finding.rule} {finding.outcome}: {finding.reason}")
            remedy = testerterms.get_rule(finding.rule).remedy
            print(f"      remedy: {remedy.clause_for(profile.parameters)}")
    if card.score is None or card.score < args.minimum:
        print(f"below the minimum of {args.minimum:g}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
