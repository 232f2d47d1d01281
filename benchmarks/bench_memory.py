"""Memory per output format: peak resident memory of `score` at 1,000 and 10,000 files.

The target: memory stays flat in the number of files for every output format (the
folder is walked as a stream and no format keeps the programs it has scored). The files
are copies of the real bundled program files (their sizes, claims and sources), in a
temporary folder. Each figure is printed with its ratio to the same format at the smaller
size, and to `python -c "import testerterms.cli"` (the floor every run pays).

    python benchmarks/bench_memory.py [--files 1000 10000] [--formats table json ...]
    python benchmarks/bench_memory.py --checkout /path/to/other/tree   # measure another tree

With ``--checkout`` the package is imported from that tree (PYTHONPATH), so a branch can be
compared with main on the same files.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from _measure import PYTHON, REPO, timed

FORMATS = ["table", "table --details", "markdown", "json", "jsonl", "csv", "csv --details", "sarif"]
TARGET_GROWTH = 1.25
"""Peak memory at the largest size over the smallest: flat means close to 1."""
KEEPS_ROWS = ("table", "markdown")
"""A table's column widths need every row: these keep their rows (as text, not programs). A
CSV's ranking order needs every row too, but its rows wait in a temporary file."""


def write_copies(folder: Path, count: int) -> None:
    """``count`` copies of the bundled program files, spread over subfolders of 500."""
    originals = sorted((REPO / "programs").glob("*.yaml"))
    for index in range(count):
        sub = folder / f"part-{index // 500:03d}"
        sub.mkdir(exist_ok=True)
        original = originals[index % len(originals)]
        shutil.copyfile(original, sub / f"{index:05d}-{original.name}")


def peak_kib(command: list[str], checkout: Path) -> int:
    env_path = os.environ.get("PYTHONPATH", "")
    os.environ["PYTHONPATH"] = str(checkout) + (os.pathsep + env_path if env_path else "")
    try:
        _, peak = timed(command)
    finally:
        os.environ["PYTHONPATH"] = env_path
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--formats", nargs="+", default=FORMATS)
    parser.add_argument("--checkout", type=Path, default=REPO, help="the tree to import")
    args = parser.parse_args()
    sizes = sorted(args.files)
    floor = peak_kib([PYTHON, "-c", "import testerterms.cli"], args.checkout)
    peaks: dict[str, dict[int, int]] = {f: {} for f in args.formats}
    with tempfile.TemporaryDirectory(prefix="testerterms-memory-") as tmp:
        for size in sizes:
            folder = Path(tmp) / str(size)
            folder.mkdir()
            write_copies(folder, size)
            for fmt in args.formats:
                option, *extra = fmt.split()
                command = [PYTHON, "-m", "testerterms", "score", str(folder), "--format", option]
                peaks[fmt][size] = peak_kib([*command, *extra], args.checkout)
    print(f"checkout: {args.checkout}")
    print(f"import floor: {floor / 1024:.1f} MiB")
    header = "".join(f"{size:>12,} files" for size in sizes)
    print(f"{'format':<18}{header}   growth  vs floor")
    worst = 0.0
    for fmt, by_size in peaks.items():
        cells = "".join(f"{by_size[size] / 1024:>14.1f} MiB" for size in sizes)
        growth = by_size[sizes[-1]] / by_size[sizes[0]]
        note = "  (keeps its rows)" if fmt.startswith(KEEPS_ROWS) else ""
        if not note:
            worst = max(worst, growth)
        print(f"{fmt:<18}{cells}   {growth:5.2f}x  {by_size[sizes[-1]] / floor:5.2f}x{note}")
    verdict = "flat" if worst <= TARGET_GROWTH else "GROWS"
    target = f"target <= {TARGET_GROWTH}x"
    print(f"largest growth of the streamed formats {worst:.2f}x ({target}): {verdict}")


if __name__ == "__main__":
    main()
