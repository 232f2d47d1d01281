"""What `report` costs: CPU, wall time, peak memory and page size, by number of programs and
by length of a program's name.

DESIGN section 8: `report` on 3,000 programs in under a minute and 500 MB. The folders hold
copies of the bundled program files (their sizes, claims and sources), in a temporary folder;
the long names are written into a copy of the Sora program, as one long run of words and as
one unbroken word.

    python benchmarks/bench_report.py [--programs 300 1100 3000] [--names 20000 200000]
    python benchmarks/bench_report.py --checkout /path/to/other/tree   # measure another tree

With ``--checkout`` the package is imported from that tree (PYTHONPATH, and the runs start in
the temporary folder), so a branch can be compared with main on the same files.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

from _corpus import copy_real, real_programs
from _measure import PYTHON, REPO, run_once

TARGET_SECONDS = 60.0
TARGET_MIB = 500.0
TARGET_PROGRAMS = 3000


def _named(folder: Path, length: int, unbroken: bool) -> Path:
    """The Sora program with a name ``length`` characters long."""
    words = ("tester", "program", "Early", "Access", "Partnership", "for", "the")
    name = "W" * length if unbroken else " ".join(words[i % 7] for i in range(length))[:length]
    text = (REPO / "programs" / "sora-alpha-artists.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^name: .*$", lambda _: f"name: {name.strip()}", text, count=1)
    path = folder / f"name-{length}-{'word' if unbroken else 'words'}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _measure(paths: list[Path], folder: Path, checkout: Path) -> tuple[float, float, int, int]:
    """CPU seconds, wall seconds, peak KiB and page bytes of one `report` run."""
    page = folder / "report.html"
    if page.exists():
        page.unlink()
    os.environ["PYTHONPATH"] = str(checkout)
    command = [PYTHON, "-m", "testerterms", "report", *map(str, paths), "-o", str(page)]
    wall, cpu, peak = run_once(command, folder)
    return cpu, wall, peak, page.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--programs", type=int, nargs="+", default=[300, 1100, 3000])
    parser.add_argument("--names", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--checkout", type=Path, default=REPO, help="the tree to import")
    args = parser.parse_args()
    checkout = args.checkout.resolve()
    print(f"checkout: {checkout}")
    print(f"| {'case':<42} | {'CPU s':>7} | {'wall s':>7} | {'peak MiB':>8} | {'page MB':>8} |")
    print(f"|{'-' * 44}|{'-' * 9}|{'-' * 9}|{'-' * 10}|{'-' * 10}|")
    verdicts = []
    with tempfile.TemporaryDirectory(prefix="testerterms-report-") as tmp:
        work = Path(tmp)
        cases: list[tuple[str, list[Path], int]] = []
        for count in sorted(args.programs):
            folder = work / f"programs-{count}"
            copy_real(real_programs(REPO / "programs"), folder, count)
            cases.append((f"{count:,} copies of the bundled programs", [folder], count))
        for length in sorted(args.names):
            for unbroken in (False, True):
                kind = "one word" if unbroken else "words"
                path = _named(work, length, unbroken)
                cases.append((f"a name of {length:,} characters ({kind})", [path], 0))
        for label, paths, count in cases:
            cpu, wall, peak, size = _measure(paths, work, checkout)
            print(
                f"| {label:<42} | {cpu:>7.1f} | {wall:>7.1f} | {peak / 1024:>8.0f} "
                f"| {size / 1e6:>8.1f} |",
                flush=True,
            )
            if count >= TARGET_PROGRAMS:
                verdicts.append(wall < TARGET_SECONDS and peak / 1024 < TARGET_MIB)
    if verdicts:
        met = all(verdicts)
        print(
            f"\n{TARGET_PROGRAMS:,} programs in under {TARGET_SECONDS:.0f} s and "
            f"{TARGET_MIB:.0f} MiB: {'met' if met else 'NOT met'}"
        )
        sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
