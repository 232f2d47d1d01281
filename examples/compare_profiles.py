"""Score programs under every bundled profile and show where the profiles disagree.

python examples/compare_profiles.py [PATH...]      # default: the bundled programs
"""

from __future__ import annotations

import sys

import testerterms


def main(paths: list[str]) -> int:
    result = testerterms.load_programs(paths)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    profiles = [testerterms.load_profile(name) for name in testerterms.bundled_profiles()]
    print("program".ljust(40) + "".join(p.id.rjust(20) for p in profiles))
    for program in result.programs:
        cards = [testerterms.score(program, profile) for profile in profiles]
        cells = [
            f"{'–' if c.score is None else f'{c.score:.1f}'} ({c.grade or 'none'})".rjust(20)
            for c in cards
        ]
        print(program.id.ljust(40) + "".join(cells))
        # Rules whose outcome differs from one profile to another.
        for code in testerterms.CATALOGUE:
            outcomes = {
                c.profile_id: c.finding(code).outcome
                for c in cards
                if any(f.rule == code for f in c.findings)
            }
            if len(set(outcomes.values())) > 1:
                print(f"    {code}: " + ", ".join(f"{pid} {o}" for pid, o in outcomes.items()))
    return 0 if result.ok else 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
