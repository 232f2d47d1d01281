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
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import _measure
from _corpus import copy_real, generate, real_programs
from _measure import PYTHON, REPO, Run, Sample, environment, markdown_table, side_by_side

PARSE_ONLY = """
import pathlib, sys, yaml
files = pathlib.Path(sys.argv[1]).rglob("*")
for path in sorted(p for p in files if p.suffix in (".yaml", ".yml")):
    with open(path, encoding="utf-8") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
"""
IMPORT_DEPENDENCIES = "import yaml, pydantic, tabulate"
BASE = "python -c 'import yaml, pydantic, tabulate'"
HOSTILE_LIMIT_SECONDS = 1.0
FORMATS = ("table", "markdown", "json", "jsonl", "csv")
"""The formats written from pieces made in the workers (SARIF is written by one process)."""
COMPARED = (30, 100, 300)
"""How many programs `compare` reads, in its figures."""
ANSWERS = "My offer\nExample Corp\n1\nTerms of my offer\nhttps://example.org/terms\n1\n" + 80 * "\n"
"""What `ask` reads from a pipe: a name, an organization, a kind, the offer document, its
party; "don't know" (an empty line) to every other question."""
_warm_up = True  # --small skips the uncounted first round
NOTES: list[str] = []
"""Figures printed under the table, without a target."""


def measure(commands: dict[str, Sequence[str] | Run], rounds: int, cwd: Path) -> dict[str, Sample]:
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
    spread: tuple[float, float] | None = None
    """The lowest and highest ratio of one round's pair of runs (the ratio is of medians)."""

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
    ours: Sample,
    baseline: Sample,
    target: tuple[str, Callable[[float], bool]],
    shown: Callable[[float], str] = ms,
    cpu: bool = False,
) -> Figure:
    """``ours`` against ``baseline`` by wall time (or CPU time): the ratio of their medians,
    and how far the ratio of the runs of one round strayed from it."""
    a, b = (ours.cpu, baseline.cpu) if cpu else (ours.wall, baseline.wall)
    each_a, each_b = (ours.cpus, baseline.cpus) if cpu else (ours.walls, baseline.walls)
    pairs = [x / y for x, y in zip(each_a, each_b, strict=True) if y > 0]
    spread = (min(pairs), max(pairs)) if len(pairs) > 1 else None
    ratio = a / b
    return Figure(name, shown(a), shown(b), ratio, target[0], target[1](ratio), spread)


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


def cold(python: str, work: Path, name: str, argv: list[str], stdin: Path | None = None) -> Run:
    """``argv`` with a cache of its own, emptied before each run: every run starts cold."""
    folder = work / f"cache-cold-{name}"
    return Run(
        [python, "-m", "testerterms", *argv],
        env={"TESTERTERMS_CACHE_DIR": str(folder)},
        stdin=stdin,
        before=lambda: shutil.rmtree(folder, ignore_errors=True),
    )


def fill(command: Sequence[str] | Run, cwd: Path) -> None:
    """Run ``command`` once, not timed: it fills the cache its timed runs then read."""
    assert not isinstance(command, Run)
    subprocess.run(command, cwd=cwd, env=environment(), capture_output=True, check=True)


def startup(python: str, work: Path, rounds: int) -> list[Figure]:
    tt = [python, "-m", "testerterms"]
    commands: dict[str, Sequence[str] | Run] = {
        "baseline": [python, "-c", IMPORT_DEPENDENCIES],
        "--help": [*tt, "--help"],
        "rules": [*tt, "rules"],
        "profiles": [*tt, "profiles"],
        "score": [*tt, "score"],  # warm: the cache is filled below
        "score cold": cold(python, work, "score", ["score"]),
        "score --no-cache": [*tt, "score", "--no-cache"],
    }
    fill(commands["score"], work)
    got = measure(commands, rounds, work)
    b = got["baseline"]
    return [
        figure(f"`--help` vs {BASE}", got["--help"], b, at_most(1.1)),
        figure(f"`rules` vs {BASE}", got["rules"], b, at_most(1.1)),
        figure(f"`profiles` vs {BASE}", got["profiles"], b, at_most(1.1)),
        figure(f"`score` (bundled programs), warm cache, vs {BASE}", got["score"], b,
               at_most(1.6)),
        figure("`score` (bundled programs), cold cache, vs `score --no-cache`",
               got["score cold"], got["score --no-cache"], at_most(1.05)),
    ]  # fmt: skip


def validate_one(python: str, work: Path, rounds: int, schema: Path, program: Path) -> list[Figure]:
    warm = "`validate` one file, warm cache, vs check-jsonschema on it"
    cold_name = "`validate` one file, cold cache, vs `validate --no-cache`"
    validate = [python, "-m", "testerterms", "validate"]
    commands: dict[str, Sequence[str] | Run] = {
        "validate": [*validate, str(program)],
        "validate cold": cold(python, work, "validate", ["validate", str(program)]),
        "validate --no-cache": [*validate, "--no-cache", str(program)],
    }
    fill(commands["validate"], work)
    figures = []
    if has_module(python, "check_jsonschema", work):
        check = [python, "-m", "check_jsonschema", "--schemafile", str(schema)]
        got = measure({"check-jsonschema": [*check, str(program)], **commands}, rounds, work)
        figures.append(figure(warm, got["validate"], got["check-jsonschema"], at_most(0.5)))
    else:
        got = measure(commands, rounds, work)
        figures.append(Figure(warm, "-", "-", None, "<= 0.5x", None))
    figures.append(
        figure(cold_name, got["validate cold"], got["validate --no-cache"], at_most(1.05))
    )
    return figures


def ask_and_diff(python: str, work: Path, rounds: int, old: Path) -> list[Figure]:
    """``ask`` and ``diff`` warm (the same answers, the same two files, a second time: what
    they printed is in the cache) against the import baseline, and cold (an empty cache before
    every run) against ``--no-cache``."""
    tt = [python, "-m", "testerterms"]
    answers = work / "answers.txt"
    answers.write_text(ANSWERS, encoding="utf-8")
    new = work / "sora-changed.yaml"
    text = old.read_text(encoding="utf-8")
    new.write_text(text.replace("value: some", "value: everyone", 1), encoding="utf-8")
    assert new.read_text(encoding="utf-8") != text, "the changed copy must differ"
    ask = [*tt, "ask", str(work / "asked.yaml"), "--force"]
    diff = [*tt, "diff", str(old), str(new)]
    commands: dict[str, Sequence[str] | Run] = {
        "baseline": [python, "-c", IMPORT_DEPENDENCIES],
        "ask": Run(ask, stdin=answers),
        "ask cold": cold(python, work, "ask", ask[3:], stdin=answers),
        "ask --no-cache": Run([*ask, "--no-cache"], stdin=answers),
        "diff": diff,
        "diff cold": cold(python, work, "diff", diff[3:]),
        "diff --no-cache": [*diff, "--no-cache"],
    }
    with answers.open("rb") as stream:  # the warm runs read what this one keeps
        env = environment()
        subprocess.run(ask, cwd=work, env=env, stdin=stream, capture_output=True, check=True)
    fill(diff, work)
    got = measure(commands, rounds, work)
    b = got["baseline"]
    return [
        figure(f"`ask` with piped answers, warm cache, vs {BASE}", got["ask"], b,
               at_most(1.6)),
        figure("`ask` with piped answers, cold cache, vs `ask --no-cache`", got["ask cold"],
               got["ask --no-cache"], at_most(1.05)),
        figure(f"`diff` of two files, warm cache, vs {BASE}", got["diff"], b, at_most(1.6)),
        figure("`diff` of two files, cold cache, vs `diff --no-cache`", got["diff cold"],
               got["diff --no-cache"], at_most(1.05)),
    ]  # fmt: skip


def compare_cost(python: str, work: Path, rounds: int, folders: dict[int, Path]) -> list[Figure]:
    """``compare`` of each folder warm (the same files a second time: what it printed is in
    the cache) against parsing the files, and cold (an empty cache before every run) against
    ``compare --no-cache``."""
    figures = []
    for count, folder in folders.items():
        compare = [python, "-m", "testerterms", "compare", str(folder)]
        commands: dict[str, Sequence[str] | Run] = {
            "parse": [python, "-c", PARSE_ONLY, str(folder)],
            "compare": compare,
            "compare cold": cold(python, work, f"compare-{count}", compare[3:]),
            "compare --no-cache": [*compare, "--no-cache"],
        }
        fill(compare, work)
        got = measure(commands, rounds, work)
        figures += [
            figure(f"`compare` {count} generated programs, warm cache, vs CSafeLoader parse",
                   got["compare"], got["parse"], at_most(5.0)),
            figure(f"`compare` {count} generated programs, cold cache, vs `compare --no-cache`",
                   got["compare cold"], got["compare --no-cache"], at_most(1.05)),
        ]  # fmt: skip
        uncached = got["compare --no-cache"].wall
        NOTES.append(
            f"`compare --no-cache` of {count} programs: {ms(uncached)}, "
            f"{uncached / got['parse'].wall:.2f}x the parse (no target: new files cost this)"
        )
    return figures


def jobs_per_format(python: str, work: Path, rounds: int, folder: Path) -> list[Figure]:
    """Each format with the default jobs (every core, from 200 files on) against one process."""
    count = len(list(folder.iterdir()))
    figures = []
    for fmt in FORMATS:
        score = [python, "-m", "testerterms", "score", "--format", fmt, "--no-cache", str(folder)]
        got = measure({"default": score, "one": [*score, "--jobs", "1"]}, rounds, work)
        figures.append(
            figure(f"{count:,} real files, `score --format {fmt}`: default jobs vs `--jobs 1`",
                   got["default"], got["one"], at_most(0.6), s)
        )  # fmt: skip
    return figures


def validate_many(python: str, work: Path, rounds: int, schema: Path, folder: Path) -> Figure:
    count = len(list(folder.iterdir()))
    name = f"`validate` {count:,} real files: check-jsonschema time / ours"
    if not has_module(python, "check_jsonschema", work):
        return Figure(name, "-", "-", None, ">= 3x", None)
    files = sorted(str(p) for p in folder.iterdir())
    check = [python, "-m", "check_jsonschema", "--schemafile", str(schema)]
    commands = {
        "check-jsonschema": [*check, *files],
        "validate": [python, "-m", "testerterms", "validate", "--no-cache", str(folder)],
    }
    got = measure(commands, rounds, work)
    # Here the ratio is how many times faster testerterms is: theirs / ours.
    return figure(name, got["check-jsonschema"], got["validate"], at_least(3.0), s)


def bulk(python: str, work: Path, rounds: int, label: str, big: Path, small: Path) -> list[Figure]:
    count, tenth = len(list(big.iterdir())), len(list(small.iterdir()))
    score = [python, "-m", "testerterms", "score", "--format", "jsonl", "--no-cache"]
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
            big_run, parse, at_most(2.0), s, cpu=True,
        ),
        figure(
            f"{count:,} {label}, same, wall time (every core) vs parse",
            big_run, parse, at_most(1.3), s,
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
        _measure.CACHE = work / "cache"  # never the user's own cache
        what, where = describe(args.python, work)
        print(f"{what} from {where.parent}")
        print(f"machine: {platform.machine()}, {_cores()} cores, {platform.system()}; {_load()}")
        if REPO in where.parents:
            print("warning: this is the source tree (an editable install), not an installed copy")
        folders = {
            name: work / name for name in ("real", "real-tenth", "generated", "generated-tenth")
        }
        copy_real(programs, folders["real"], args.files)
        copy_real(programs, folders["real-tenth"], max(1, args.files // 10))
        generate(programs, folders["generated"], args.files)
        generate(programs, folders["generated-tenth"], max(1, args.files // 10))
        compared = {count: work / f"compare-{count}" for count in COMPARED}
        for count, folder in compared.items():
            generate(programs, folder, count)
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
        figures += validate_one(args.python, work, start_rounds, schema, sora)
        figures += ask_and_diff(args.python, work, start_rounds, sora)
        figures += compare_cost(args.python, work, args.rounds, compared)
        figures += bulk(args.python, work, args.rounds, "real files", folders["real"],
                        folders["real-tenth"])  # fmt: skip
        figures += bulk(args.python, work, args.rounds, "generated files", folders["generated"],
                        folders["generated-tenth"])  # fmt: skip
        figures += jobs_per_format(args.python, work, args.rounds, folders["real"])
        figures.append(validate_many(args.python, work, args.rounds, schema, work / "validate"))
        figures.append(hostile(args.python, work, 3 if args.small else 30))
        print(f"after: {_load()}")

    print(f"medians of {args.rounds} interleaved rounds ({start_rounds} for start-up); ratio: of")
    print("the medians; rounds: the lowest and highest ratio of one round's two runs")
    print(_table(figures))
    met = sum(f.met is True for f in figures)
    print(f"{met} of {len(figures)} figures meet their target")
    for note in NOTES:
        print(f"note: {note}")
    return 0


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _load() -> str:
    """How busy the machine is: the load averages (processes wanting a core)."""
    if not hasattr(os, "getloadavg"):
        return "load average unknown"
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} (1, 5, 15 min)"


def _table(figures: list[Figure]) -> str:
    rows = [("figure", "testerterms", "baseline", "ratio", "rounds", "target", "verdict")]
    rows += [
        (f.name, f.ours, f.baseline, "-" if f.ratio is None else f"{f.ratio:.2f}x",
         "-" if f.spread is None else f"{f.spread[0]:.2f}-{f.spread[1]:.2f}x", f.target,
         f.verdict)
        for f in figures
    ]  # fmt: skip
    return markdown_table(rows)


if __name__ == "__main__":
    sys.exit(main())
