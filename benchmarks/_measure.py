"""Run commands side by side, in turn, and keep the median of each figure.

Wall time is read with ``time.perf_counter`` around the run; CPU time is the user and system
time of the finished command and of every process it waited for (worker processes included),
from ``resource.getrusage``; the peak resident memory of its largest single process comes from
``/usr/bin/time`` (GNU time).
"""

from __future__ import annotations

import contextlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PYTHON = sys.executable
REPO = Path(__file__).resolve().parent.parent
TIME = Path("/usr/bin/time")


CACHE: Path | None = None
"""The cache folder of every measured run (``TESTERTERMS_CACHE_DIR``): a benchmark never
reads or writes the user's own. Set by the script that measures."""


def environment() -> dict[str, str]:
    """The environment of every measured run: bytecode is written and read, as users have it."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if CACHE is not None:
        env["TESTERTERMS_CACHE_DIR"] = str(CACHE)
    return env


@dataclass(frozen=True)
class Run:
    """A command with what it needs around it: more environment, a file as its standard input,
    and something to do before each run, not timed (emptying a cache, for a cold run)."""

    command: Sequence[str]
    env: dict[str, str] = field(default_factory=dict)
    stdin: Path | None = None
    before: Callable[[], None] | None = None


@dataclass(frozen=True)
class Sample:
    """Medians of one command's runs (peak: the largest seen), and each counted run's wall
    and CPU seconds in the order of the rounds."""

    wall: float
    cpu: float
    peak_kib: int
    walls: tuple[float, ...] = ()
    cpus: tuple[float, ...] = ()


def run_once(command: Sequence[str] | Run, cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak KiB of one run."""
    if not TIME.exists():
        raise SystemExit("benchmarks need GNU time at /usr/bin/time (Debian package: time)")
    run = command if isinstance(command, Run) else Run(command)
    if run.before is not None:
        run.before()
    with contextlib.ExitStack() as opened:
        stdin = opened.enter_context(open(run.stdin, "rb")) if run.stdin else subprocess.DEVNULL
        report = opened.enter_context(tempfile.NamedTemporaryFile("r", suffix=".time"))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(
            [str(TIME), "-o", report.name, "-f", "%M", *run.command],
            cwd=cwd,
            env={**environment(), **run.env},
            stdin=stdin,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak = report.read().split()
    if result.returncode != 0:
        shown = " ".join(run.command)
        raise SystemExit(f"{shown} failed ({result.returncode}): {result.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, int(peak[-1])


def side_by_side(
    commands: dict[str, Sequence[str] | Run], rounds: int, cwd: Path, warm_up: bool = True
) -> dict[str, Sample]:
    """Each command run ``rounds`` times, the commands in turn within each round.

    Running them in turn means a machine that slows down or speeds up during the
    measurement moves every command alike, so their ratios hold. A first round that is
    not counted writes the bytecode caches and warms the file cache.
    """
    if warm_up:
        for command in commands.values():
            run_once(command, cwd)
    runs: dict[str, list[tuple[float, float, int]]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            runs[name].append(run_once(command, cwd))
    return {
        name: Sample(
            wall=statistics.median(r[0] for r in samples),
            cpu=statistics.median(r[1] for r in samples),
            peak_kib=max(r[2] for r in samples),
            walls=tuple(r[0] for r in samples),
            cpus=tuple(r[1] for r in samples),
        )
        for name, samples in runs.items()
    }


def timed(command: Sequence[str], cwd: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak KiB of one run (``bench_memory.py``)."""
    wall, _, peak = run_once(command, cwd or Path.cwd())
    return wall, peak


def markdown_table(rows: Sequence[Sequence[str]]) -> str:
    """``rows`` (the first is the header) as a Markdown table, each column padded to its
    widest cell, so that it reads aligned in a terminal too."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)
