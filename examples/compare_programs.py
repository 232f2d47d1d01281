"""Compare your own offer with the bundled programs, from Python, in any folder.

    python examples/compare_programs.py [PROGRAM...]

PROGRAM is a program file or a bundled program's id. By default: the offer beside this
script (my-offer.yaml), the Sora program and the reference program, both bundled with
testerterms, so this runs from an empty folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

import testerterms

HERE = Path(__file__).resolve().parent
DEFAULT = [str(HERE / "my-offer.yaml"), "sora-alpha-artists", "reference"]


def main(names: list[str]) -> int:
    try:
        programs = [testerterms.load_program(name) for name in names or DEFAULT]
    except testerterms.TesterTermsError as exc:
        print(exc, file=sys.stderr)
        return 2
    comparison = testerterms.compare(programs, ["articles", "testers-letter"], samples=100, seed=1)
    for view in comparison.views:
        print(f"{view.profile.id}:")
        for card in sorted(view.cards, key=lambda c: view.ranks[c.program_id]):
            kept = view.robustness.kept[card.program_id] if view.robustness else 1.0
            print(
                f"  #{view.ranks[card.program_id]} {card.program_id}: "
                f"grade {card.grade or 'none'}, "
                f"range {card.range[0]:.0f}-{card.range[1]:.0f}, "
                f"keeps its rank in {kept:.0%} of weight samples"
            )
    for disagreement in comparison.disagreements:
        print(f"profiles disagree on {disagreement.program_id}: {disagreement.grades}")
    # The full matrix, as `testerterms compare` prints it:
    print()
    print(testerterms.render_comparison(comparison, "table", ascii_only=True), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
