"""`validate` on 1,000 program files against check-jsonschema with the exported schema.

DESIGN target: `testerterms validate` at least 3x faster than check-jsonschema on the same
files (which also checks less: no source ids, no duplicate keys, no size cap).

    python benchmarks/bench_validate.py [--files 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from _measure import PYTHON, REPO, side_by_side

TARGET = 3.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    programs = sorted((REPO / "programs").glob("*.yaml"))
    schema = REPO / "schema" / "program.schema.json"
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for number in range(args.files):  # the bundled programs, copied round-robin
            target = Path(folder) / f"program-{number:05}.yaml"
            shutil.copy(programs[number % len(programs)], target)
            files.append(str(target))
        commands = {
            "check-jsonschema --schemafile program.schema.json": [
                PYTHON, "-m", "check_jsonschema", "--schemafile", str(schema), *files,
            ],
            "testerterms validate": [PYTHON, "-m", "testerterms", "validate", folder],
        }  # fmt: skip
        results = side_by_side(commands, args.rounds)
    (theirs, _), (ours, _) = results.values()
    print(f"{args.files} files, median of {args.rounds} rounds")
    for name, (seconds, peak) in results.items():
        print(f"{name:50} {seconds:7.2f} s  {peak / 1024:6.1f} MiB peak")
    speedup = theirs / ours
    verdict = "met" if speedup >= TARGET else "NOT met"
    print(f"validate is {speedup:.1f}x faster (target >= {TARGET:g}x) -> {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
