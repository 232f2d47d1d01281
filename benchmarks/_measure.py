"""Shared timing helpers: run commands side by side, alternating, and report medians."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

PYTHON = sys.executable
REPO = Path(__file__).resolve().parent.parent


def timed(command: Sequence[str], cwd: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak KiB, with peak memory read through /usr/bin/time when present."""
    timer = Path("/usr/bin/time")
    if not timer.exists():
        raise SystemExit("benchmarks need /usr/bin/time (Debian package: time) for peak memory")
    start = time.perf_counter()
    result = subprocess.run(
        [str(timer), "-f", "%M", *command],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr[-2000:]}")
    return elapsed, int(result.stderr.strip().splitlines()[-1])


def side_by_side(
    commands: dict[str, Sequence[str]], rounds: int, cwd: Path | None = None
) -> dict[str, tuple[float, int]]:
    """Median seconds and peak KiB per command, running the commands in turn each round."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, int] = dict.fromkeys(commands, 0)
    for _ in range(rounds):
        for name, command in commands.items():
            seconds, peak = timed(command, cwd)
            times[name].append(seconds)
            peaks[name] = max(peaks[name], peak)
    return {name: (statistics.median(times[name]), peaks[name]) for name in commands}
