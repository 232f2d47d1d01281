"""Hostile input: what refusing an alias bomb or an oversized file costs, against loading a
normal program, measured side by side in one run (time and peak memory, in process).

The hostile input the loader must refuse quickly: the alias bomb and an oversized file are refused
within a second and without large memory. Here each refusal is a ratio of loading the Sora
program, so the figure holds on any machine.

    python benchmarks/bench_hostile_input.py [--rounds 30] [--json]

(``benchmarks/run.py`` runs it with ``--json`` and counts its slowest case in a verdict.)
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from _measure import REPO

from testerterms import LoadError, load_program
from testerterms._yaml import MAX_BYTES

SORA = REPO / "programs" / "sora-alpha-artists.yaml"
ALIAS_BOMB = REPO / "tests" / "invalid" / "alias-bomb.yaml"
LIMIT_SECONDS = 1.0


def _load(path: Path) -> Callable[[], str]:
    def run() -> str:
        try:
            load_program(path)
        except LoadError as exc:
            return f"refused: {exc.msg}"
        return "loaded"

    return run


def _peak_kib(action: Callable[[], str]) -> int:
    tracemalloc.start()
    try:
        action()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak // 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--json", action="store_true", help="one JSON object: case -> figures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        sparse = Path(folder) / "sparse-4gb.yaml"
        with sparse.open("wb") as handle:
            handle.truncate(4 * 1024**3)  # a 4 GB file that costs no disk
        over_cap = Path(folder) / "over-cap.yaml"
        over_cap.write_bytes(b"summary: " + b"x" * MAX_BYTES + b"\n")
        at_cap = Path(folder) / "at-cap-all-mistakes.yaml"
        keys = MAX_BYTES // len(b"key000000: 0000000\n")
        at_cap.write_bytes(b"".join(f"key{n:06}: {n:07}\n".encode() for n in range(keys)))
        cases: dict[str, Callable[[], str]] = {
            "load the Sora program (baseline)": _load(SORA),
            "refuse the alias bomb (9 anchors x 9 aliases)": _load(ALIAS_BOMB),
            "refuse a 4 GB file": _load(sparse),
            "refuse a file 1 byte over the 1 MB cap": _load(over_cap),
            f"report a 1 MB file of {keys:,} unknown keys": _load(at_cap),
        }
        outcomes = {name: action() for name, action in cases.items()}  # warm up, and check
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.rounds):  # in turn, so that drift hits every case alike
            for name, action in cases.items():
                start = time.perf_counter()
                action()
                times[name].append(time.perf_counter() - start)
        peaks = {name: _peak_kib(action) for name, action in cases.items()}

    base_time = statistics.median(times["load the Sora program (baseline)"])
    base_peak = peaks["load the Sora program (baseline)"]
    if args.json:
        figures = {
            name: {
                "seconds": statistics.median(times[name]),
                "x_load": statistics.median(times[name]) / base_time,
                "peak_kib": peaks[name],
                "outcome": outcomes[name][:60],
            }
            for name in cases
        }
        print(json.dumps(figures))
        return 0
    print(f"{'case':48} {'median':>10} {'x load':>8} {'peak':>10} {'x load':>8}  outcome")
    worst = 0.0
    for name in cases:
        seconds = statistics.median(times[name])
        worst = max(worst, seconds) if name.startswith("refuse") else worst
        print(
            f"{name:48} {seconds * 1000:8.2f} ms {seconds / base_time:7.2f}x "
            f"{peaks[name]:7,} KiB {peaks[name] / base_peak:7.2f}x  {outcomes[name][:60]}"
        )
    verdict = "met" if worst < LIMIT_SECONDS else "NOT met"
    print(f"slowest refusal: {worst * 1000:.2f} ms (limit {LIMIT_SECONDS:g} s) -> {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
