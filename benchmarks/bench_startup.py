"""Start-up: `python -m testerterms score` on the bundled programs against importing its deps.

DESIGN target: at most 1.3x the time of `python -c "import yaml, pydantic, tabulate"`.

    python benchmarks/bench_startup.py [--rounds 15]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _measure import PYTHON, side_by_side

TARGET = 1.3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    commands = {
        "baseline: import yaml, pydantic, tabulate": [
            PYTHON,
            "-c",
            "import yaml, pydantic, tabulate",
        ],
        "testerterms score (bundled programs)": [PYTHON, "-m", "testerterms", "score"],
    }
    with tempfile.TemporaryDirectory() as folder:  # run from elsewhere, as a user would
        results = side_by_side(commands, args.rounds, cwd=Path(folder))
    (base, _), (ours, _) = results.values()
    for name, (seconds, peak) in results.items():
        print(f"{name:45} {seconds * 1000:8.1f} ms  {peak / 1024:6.1f} MiB peak")
    ratio = ours / base
    print(f"ratio: {ratio:.2f}x (target <= {TARGET}x) -> {'met' if ratio <= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
