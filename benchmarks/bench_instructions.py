"""Instructions a program file costs: `score --format jsonl` against the CSafeLoader parse,
counted by Valgrind's cachegrind rather than timed.

Wall and CPU seconds move with the machine: on a shared machine of two cores the same code
measured 1.68x and 2.13x the parse within an hour (rounds from 1.41x to 2.57x). Instructions
executed hardly move: two runs of the same command count within about a tenth of a percent of
each other (string hashing is seeded anew in each run, which moves the order of sets). So this
is the figure to read a change in the work done for each file by.

Each command runs on half the files and on all of them; the difference, divided by the files
added, is the cost of one file, with start-up cancelled out. A worker process forked by
``--jobs 2`` is counted as its own process from the fork on, and everything it does for the
files (loading, scoring, writing its piece, sending it) is in the difference; so is what the
parent does to receive and write each piece. What instructions cannot show: the time an
instruction takes (cache misses, two workers sharing a machine's caches), which is why the
CPU seconds of `benchmarks/run.py` can be worse than this ratio.

    python benchmarks/bench_instructions.py [--python PYTHON] [--files 300]

Needs Valgrind (Debian package: valgrind); a run takes a few minutes (cachegrind runs a
program about fifty times slower).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from _corpus import copy_real, generate, real_programs
from _measure import PYTHON, REPO, environment, markdown_table
from run import PARSE_ONLY

VALGRIND = shutil.which("valgrind")
_COUNT = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(command: Sequence[str], cwd: Path) -> int:
    """Instructions executed by ``command`` and every process it forked, added up."""
    assert VALGRIND is not None
    result = subprocess.run(
        [VALGRIND, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         *command],
        cwd=cwd, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True, check=False,
    )  # fmt: skip
    counts = [int(found.replace(",", "")) for found in _COUNT.findall(result.stderr)]
    if result.returncode != 0 or not counts:
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr[-2000:]}")
    return sum(counts)


def per_file(command: Sequence[str], half: Path, whole: Path, added: int, cwd: Path) -> float:
    """The instructions one more file costs ``command`` (given the folder as its last word)."""
    return (
        instructions([*command, str(whole)], cwd) - instructions([*command, str(half)], cwd)
    ) / added


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=PYTHON, help="the Python whose testerterms to count")
    parser.add_argument("--files", type=int, default=300, help="files of the larger folder")
    args = parser.parse_args()
    if VALGRIND is None:
        print("valgrind is not installed: nothing counted (Debian package: valgrind)")
        return 2
    if args.files < 4:
        parser.error("--files: at least 4")
    programs = real_programs(REPO / "programs")
    score = [args.python, "-m", "testerterms", "score", "--format", "jsonl", "--no-cache"]
    commands = {
        "CSafeLoader parse": [args.python, "-c", PARSE_ONLY],
        "`score --format jsonl --jobs 1`": [*score, "--jobs", "1"],
        "`score --format jsonl --jobs 2`": [*score, "--jobs", "2"],
    }
    rows = [("files", "command", "instructions a file", "vs the parse")]
    with tempfile.TemporaryDirectory(prefix="testerterms-instructions-") as root:
        work = Path(root)
        half_count = args.files // 2
        for label, make in (("real", copy_real), ("generated", generate)):
            half, whole = work / f"{label}-half", work / f"{label}-whole"
            make(programs, half, half_count)
            make(programs, whole, args.files)
            costs: dict[str, float] = {}
            for name, command in commands.items():
                print(f"counting: {label} files, {name}", file=sys.stderr, flush=True)
                costs[name] = per_file(command, half, whole, args.files - half_count, work)
            parse = costs["CSafeLoader parse"]
            rows += [
                (label, name, f"{cost / 1e6:.2f} M", f"{cost / parse:.2f}x")
                for name, cost in costs.items()
            ]
    print(f"instructions one more file costs, from {half_count:,} to {args.files:,} files:")
    print(markdown_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
