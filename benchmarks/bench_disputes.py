"""Disputed claims: what `score`, `suggest` and `compare` cost on program files built to make
the scorer work hard (DESIGN section 8: no file under 1 MB costs more than 2 s or 300 MB,
and disputed claims must not multiply the work).

Each command runs as its own process, as a user runs it; the figures are that process's CPU
time (user + system) and peak resident memory, from the operating system's accounting of the
finished process. The files are those of ``tests/hostile-cost/`` and their large versions
(``tests/hostile_cost.py``), written to a temporary folder.

    python benchmarks/bench_disputes.py [--profiles articles,crowd-pay-floor] [--large-only]

Prints one line per file, command and profile, and the worst of each command; exits 1 when
a figure is over the limits.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _measure import REPO

sys.path.insert(0, str(REPO))
from testerterms import bundled_profiles
from tests.hostile_cost import LARGE, SMALL

LIMIT_SECONDS = 2.0
LIMIT_MIB = 300.0
COMMANDS = {
    "score": ["score"],
    "suggest": ["suggest", "--target", "A"],
    "compare": ["compare"],
}


def measure(args: list[str]) -> tuple[float, float, int]:
    """CPU seconds, peak MiB and exit status of ``python -m testerterms ARGS``."""
    process = subprocess.Popen(
        [sys.executable, "-m", "testerterms", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", help="comma-separated profile ids (default: every one)")
    parser.add_argument("--large-only", action="store_true", help="only the ~1 MB files")
    options = parser.parse_args()
    profiles = options.profiles.split(",") if options.profiles else sorted(bundled_profiles())
    files = dict(LARGE) if options.large_only else {**SMALL, **LARGE}
    worst: dict[str, tuple[float, float, str]] = {}
    over = False
    with tempfile.TemporaryDirectory() as folder:
        for name, make in files.items():
            path = Path(folder, name)
            path.write_text(make(), encoding="utf-8")
            size = path.stat().st_size
            for command, args in COMMANDS.items():
                for profile in profiles:
                    cpu, mib, status = measure([*args, str(path), "--profile", profile])
                    print(
                        f"{name:32} {size / 1e3:7.0f} KB  {command:8} {profile:18} "
                        f"{cpu:6.2f} s  {mib:6.1f} MiB  exit {status}",
                        flush=True,
                    )
                    over |= cpu > LIMIT_SECONDS or mib > LIMIT_MIB or status not in (0, 1)
                    before = worst.get(command, (0.0, 0.0, ""))
                    worst[command] = (
                        max(before[0], cpu),
                        max(before[1], mib),
                        before[2] if before[0] >= cpu else f"{name} under {profile}",
                    )
    for command, (cpu, mib, where) in worst.items():
        print(f"worst {command}: {cpu:.2f} s CPU ({where}), {mib:.1f} MiB")
    verdict = "NOT met" if over else "met"
    print(f"limits: {LIMIT_SECONDS:g} s and {LIMIT_MIB:g} MiB a command: {verdict}")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
