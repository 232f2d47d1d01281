"""Every performance target of the README's Performance section, each a ratio against its
baseline, with a verdict.

Each figure compares testerterms with a baseline measured side by side in the same run (the
commands in turn, round after round; the median of each), so the ratios hold on any machine,
a busy one included. Commands run from a temporary folder outside the source tree, with
bytecode caching on, so what is measured is the installed package as a user runs it: install
it first with ``pip install .`` (not ``-e``) in the environment whose Python you give.

    python benchmarks/run.py [--python PYTHON] [--files 10000] [--rounds 3] [--small]

``--small`` (50 files, one round) only checks that every case still runs: its figures are
too noisy to judge by. The test suite runs it.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from _corpus import copy_real, generate, real_programs
from _measure import PYTHON, REPO, Sample, environment, side_by_side

PARSE_ONLY = """
import pathlib, sys, yaml
files = pathlib.Path(sys.argv[1]).rglob("*")
for path in sorted(p for p in files if p.suffix in (".yaml", ".yml")):
    with open(path, encoding="utf-8") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
"""
IMPORT_DEPENDENCIES = "import yaml, pydantic, tabulate"
HOSTILE_LIMIT_SECONDS = 1.0
_warm_up = True  # --small skips the uncounted first round


def measure(commands: dict[str, list[str]], rounds: int, cwd: Path) -> dict[str, Sample]:
    print(f"measuring: {', '.join(commands)}", file=sys.stderr, flush=True)
    return side_by_side(commands, rounds, cwd, warm_up=_warm_up)


@dataclass(frozen=True)
class Figure:
    """One line of the verdict table."""

    name: str
    ours: str
    baseline: str
    ratio: float | None
    target: str
    met: bool | None  # None: could not be measured here

    @property
    def verdict(self) -> str:
        return {True: "met", False: "NOT met", None: "not measured"}[self.met]


def at_most(limit: float) -> tuple[str, Callable[[float], bool]]:
    return f"<= {limit:g}x", lambda ratio: ratio <= limit


def at_least(limit: float) -> tuple[str, Callable[[float], bool]]:
    return f">= {limit:g}x", lambda ratio: ratio >= limit


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def s(seconds: float) -> str:
    return f"{seconds:.2f} s"


def figure(
    name: str,
    ours: float,
    baseline: float,
    target: tuple[str, Callable[[float], bool]],
    shown: Callable[[float], str] = ms,
) -> Figure:
    ratio = ours / baseline
    return Figure(name, shown(ours), shown(baseline), ratio, target[0], target[1](ratio))


def has_module(python: str, module: str, cwd: Path) -> bool:
    probe = f"import importlib.util, sys; sys.exit(importlib.util.find_spec({module!r}) is None)"
    return subprocess.run([python, "-c", probe], cwd=cwd, check=False).returncode == 0


def describe(python: str, cwd: Path) -> tuple[str, Path]:
    probe = (
        "import os, platform, sys, testerterms; "
        "print(testerterms.__version__, platform.python_version(), testerterms.__file__)"
    )
    result = subprocess.run(
        [python, "-c", probe], cwd=cwd, env=environment(), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"{python} cannot import testerterms: {result.stderr[-500:]}")
    version, python_version, where = result.stdout.split(maxsplit=2)
    return f"testerterms {version}, Python {python_version}", Path(where.strip())


def startup(python: str, work: Path, rounds: int) -> list[Figure]:
    tt = [python, "-m", "testerterms"]
    base = "python -c 'import yaml, pydantic, tabulate'"
    commands = {
        "baseline": [python, "-c", IMPORT_DEPENDENCIES],
        "--help": [*tt, "--help"],
        "rules": [*tt, "rules"],
        "profiles": [*tt, "profiles"],
        "score": [*tt, "score"],
    }
    got = measure(commands, rounds, work)
    b = got["baseline"].wall
    return [
        figure(f"`--help` vs {base}", got["--help"].wall, b, at_most(1.1)),
        figure(f"`rules` vs {base}", got["rules"].wall, b, at_most(1.1)),
        figure(f"`profiles` vs {base}", got["profiles"].wall, b, at_most(1.1)),
        figure(f"`score` (bundled programs) vs {base}", got["score"].wall, b, at_most(1.6)),
    ]


def validate_one(python: str, work: Path, rounds: int, schema: Path, program: Path) -> Figure:
    name = "`validate` one file vs check-jsonschema on it"
    if not has_module(python, "check_jsonschema", work):
        return Figure(name, "-", "-", None, "<= 0.5x", None)
    check = [python, "-m", "check_jsonschema", "--schemafile", str(schema)]
    commands = {
        "check-jsonschema": [*check, str(program)],
        "validate": [python, "-m", "testerterms", "validate", str(program)],
    }
    got = measure(commands, rounds, work)
    return figure(name, got["validate"].wall, got["check-jsonschema"].wall, at_most(0.5))


def validate_many(python: str, work: Path, rounds: int, schema: Path, folder: Path) -> Figure:
    count = len(list(folder.iterdir()))
    name = f"`validate` {count:,} real files: check-jsonschema time / ours"
    if not has_module(python, "check_jsonschema", work):
        return Figure(name, "-", "-", None, ">= 3x", None)
    files = sorted(str(p) for p in folder.iterdir())
    check = [python, "-m", "check_jsonschema", "--schemafile", str(schema)]
    commands = {
        "check-jsonschema": [*check, *files],
        "validate": [python, "-m", "testerterms", "validate", str(folder)],
    }
    got = measure(commands, rounds, work)
    # Here the ratio is how many times faster testerterms is: theirs / ours.
    return figure(name, got["check-jsonschema"].wall, got["validate"].wall, at_least(3.0), s)


def bulk(python: str, work: Path, rounds: int, label: str, big: Path, small: Path) -> list[Figure]:
    count, tenth = len(list(big.iterdir())), len(list(small.iterdir()))
    score = [python, "-m", "testerterms", "score", "--format", "jsonl"]
    got: dict[str, Sample] = measure(
        {
            "parse": [python, "-c", PARSE_ONLY, str(big)],
            "big": [*score, str(big)],
            "small": [*score, str(small)],
        },
        rounds,
        work,
    )
    parse, big_run, small_run = got["parse"], got["big"], got["small"]
    growth = big_run.peak_kib / small_run.peak_kib
    return [
        figure(
            f"{count:,} {label}, `score --format jsonl` CPU vs CSafeLoader parse",
            big_run.cpu, parse.cpu, at_most(2.0), s,
        ),
        figure(
            f"{count:,} {label}, same, wall time (every core) vs parse",
            big_run.wall, parse.wall, at_most(1.3), s,
        ),
        Figure(
            f"{label}: jsonl peak memory, {count:,} files vs {tenth:,}",
            f"{big_run.peak_kib / 1024:.1f} MiB", f"{small_run.peak_kib / 1024:.1f} MiB",
            growth, "<= 1.1x", growth <= 1.1,
        ),
    ]  # fmt: skip


def hostile(python: str, work: Path, rounds: int) -> Figure:
    script = REPO / "benchmarks" / "bench_hostile_input.py"
    result = subprocess.run(
        [python, str(script), "--rounds", str(rounds), "--json"],
        cwd=work,
        env=environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"bench_hostile_input.py failed: {result.stderr[-2000:]}")
    cases = json.loads(result.stdout.splitlines()[-1])
    baseline = "load the Sora program (baseline)"
    name, slowest = max(
        ((n, c) for n, c in cases.items() if n != baseline), key=lambda item: item[1]["seconds"]
    )
    return Figure(
        f"slowest hostile input: {name}",
        ms(slowest["seconds"]),
        ms(cases[baseline]["seconds"]) + " (load Sora)",
        slowest["x_load"],
        f"< {HOSTILE_LIMIT_SECONDS:g} s",
        slowest["seconds"] < HOSTILE_LIMIT_SECONDS,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=PYTHON, help="the Python whose testerterms to measure")
    parser.add_argument("--files", type=int, default=10_000, help="files of the bulk cases")
    parser.add_argument("--validate-files", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=3, help="counted rounds of each case")
    parser.add_argument("--small", action="store_true", help="50 files, one round: a smoke run")
    args = parser.parse_args()
    if args.small:
        global _warm_up
        args.files, args.validate_files, args.rounds, _warm_up = 50, 50, 1, False
    programs = real_programs(REPO / "programs")

    with tempfile.TemporaryDirectory(prefix="testerterms-bench-") as root:
        work = Path(root)
        what, where = describe(args.python, work)
        print(f"{what} from {where.parent}")
        print(f"machine: {platform.machine()}, {_cores()} cores, {platform.system()}")
        if REPO in where.parents:
            print("warning: this is the source tree (an editable install), not an installed copy")
        folders = {
            name: work / name for name in ("real", "real-tenth", "generated", "generated-tenth")
        }
        copy_real(programs, folders["real"], args.files)
        copy_real(programs, folders["real-tenth"], max(1, args.files // 10))
        generate(programs, folders["generated"], args.files)
        generate(programs, folders["generated-tenth"], max(1, args.files // 10))
        copy_real(programs, work / "validate", args.validate_files)
        schema = work / "program.schema.json"
        subprocess.run(
            [args.python, "-m", "testerterms", "schema", "-o", str(schema)], cwd=work, check=True
        )
        sora = work / "sora-alpha-artists.yaml"
        sora.write_bytes((REPO / "programs" / "sora-alpha-artists.yaml").read_bytes())

        figures: list[Figure] = []
        start_rounds = args.rounds if args.small else args.rounds * 5  # start-up is short
        figures += startup(args.python, work, start_rounds)
        figures.append(validate_one(args.python, work, start_rounds, schema, sora))
        figures += bulk(args.python, work, args.rounds, "real files", folders["real"],
                        folders["real-tenth"])  # fmt: skip
        figures += bulk(args.python, work, args.rounds, "generated files", folders["generated"],
                        folders["generated-tenth"])  # fmt: skip
        figures.append(validate_many(args.python, work, args.rounds, schema, work / "validate"))
        figures.append(hostile(args.python, work, 3 if args.small else 30))

    print(f"medians of {args.rounds} interleaved rounds ({start_rounds} for start-up)")
    print(_table(figures))
    met = sum(f.met is True for f in figures)
    print(f"{met} of {len(figures)} figures meet their target")
    return 0


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _table(figures: list[Figure]) -> str:
    rows = [("figure", "testerterms", "baseline", "ratio", "target", "verdict")]
    rows += [
        (f.name, f.ours, f.baseline, "-" if f.ratio is None else f"{f.ratio:.2f}x", f.target,
         f.verdict)
        for f in figures
    ]  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
