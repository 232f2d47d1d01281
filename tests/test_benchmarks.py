"""The benchmark script still runs every case (its figures are not judged here)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import REPO

FORMATS = ["table", "markdown", "json", "jsonl", "csv"]

CASES = [
    "`--help` vs",
    "`rules` vs",
    "`profiles` vs",
    "`score` (bundled programs), warm cache, vs",
    "`score` (bundled programs), cold cache, vs `score --no-cache`",
    "`validate` one file, warm cache, vs check-jsonschema",
    "`validate` one file, cold cache, vs `validate --no-cache`",
    "`ask` with piped answers, warm cache, vs",
    "`ask` with piped answers, cold cache, vs `ask --no-cache`",
    "`diff` of two files, warm cache, vs",
    "`diff` of two files, cold cache, vs `diff --no-cache`",
    *(
        f"`compare` {count} generated programs, {cache} cache, vs {baseline}"
        for count in (30, 100, 300)
        for cache, baseline in (("warm", "CSafeLoader parse"), ("cold", "`compare --no-cache`"))
    ),
    *(f"`score --format {fmt}`: default jobs vs `--jobs 1`" for fmt in FORMATS),
    "real files, `score --format jsonl` CPU vs CSafeLoader parse",
    "real files, same, wall time",
    "real files: jsonl peak memory",
    "generated files, `score --format jsonl` CPU vs CSafeLoader parse",
    "generated files, same, wall time",
    "generated files: jsonl peak memory",
    "`validate` 50 real files: check-jsonschema time / ours",
    "slowest hostile input:",
]


@pytest.mark.slow
def test_the_benchmark_runs_every_case_and_gives_each_a_verdict() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--small"],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")][1:]
    for case in CASES:
        row = next((r for r in rows if case in r), None)
        assert row is not None, f"no figure for {case!r} in:\n{result.stdout}"
        assert row.rstrip(" |").endswith(("| met", "| NOT met")), row
    assert len(rows) == len(CASES)
    assert f"of {len(CASES)} figures meet their target" in result.stdout
