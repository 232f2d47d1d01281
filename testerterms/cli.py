"""The command line: parse arguments, call the library, print, and choose the exit status.

Exit status: 0 fine; 1 a ``--fail-under`` threshold not met (or ``validate`` found invalid
files); 2 a usage error, or input that cannot be loaded.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO, cast

from ._escape import path as shown_path
from ._escape import terminal
from ._version import __version__
from .errors import LoadError, Problem, TesterTermsError, UsageError

if TYPE_CHECKING:
    from .model import Program as LoadedProgram
    from .profiles import Profile
    from .scoring import Scorecard as ProgramScorecard

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

# The --format choices, written out so that building the parser imports no reporter (and so
# `--help` stays as quick as Python's start-up); tests check them against the reporters' keys.
SCORE_FORMATS: Final = ("table", "markdown", "json", "jsonl", "csv", "sarif")
"""The keys of :data:`testerterms.render.REPORTERS`."""
VALIDATE_FORMATS: Final = ("text", "json", "github")
"""The keys of :data:`testerterms._validation.REPORTERS`."""


def _add_profile(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        default="articles",
        metavar="NAME|FILE",
        help="a bundled profile (articles, testers-letter, industry-practice, or one built from "
        "a published standard: see 'testerterms profiles') or a profile YAML file "
        "(default: articles)",
    )


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of processes, 1 or more: {text!r}"
        )
    return jobs


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="testerterms",
        description="Compare the terms of early-access tester programs against fairness "
        "recommendations.",
        epilog="Run 'testerterms COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"testerterms {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    score = commands.add_parser(
        "score",
        help="score programs against a profile",
        description="One scorecard per program: range [worst, best] over unknown and "
        "disputed terms, score 0-100 (always inside its range), coverage, grade (with the "
        "grades the range still allows), the blockers known not met (graded or not) and the "
        "facts the grade turns on. With no PATH, the bundled programs.",
    )
    score.add_argument("paths", nargs="*", metavar="PATH", help="program files or folders")
    _add_profile(score)
    score.add_argument("--format", choices=SCORE_FORMATS, default="table")
    score.add_argument(
        "--details", action="store_true", help="every finding with its reason and sources"
    )
    score.add_argument(
        "--fail-under",
        type=_fail_under,
        metavar="N",
        help="exit 1 when a program scores below N, or has no grade (too little is known: "
        "leaving terms out cannot pass the gate)",
    )
    score.add_argument(
        "--fail-under-worst",
        type=_fail_under,
        metavar="N",
        help="exit 1 when the worst case of a program's range (every unknown term and "
        "disputed claim at its worst) is below N; stricter than --fail-under",
    )
    score.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="score in N processes (default: one for a few files, one per core from 200 "
        "files on); the output is the same whatever N",
    )
    score.add_argument(
        "--no-examples",
        action="store_true",
        help="leave out example programs (kind: reference), keeping only real ones",
    )
    score.set_defaults(run=cmd_score)

    rules = commands.add_parser(
        "rules",
        help="the rule catalogue, or one rule explained",
        description="The catalogue with each rule's weight per profile, or one rule: rationale, "
        "citations, the terms it reads, its remedy and clause.",
    )
    rules.add_argument("code", nargs="?", help="a rule code such as PAY001")
    rules.add_argument("--format", choices=["table", "markdown", "json"], default="table")
    rules.set_defaults(run=cmd_rules)

    profiles = commands.add_parser(
        "profiles", help="the profiles available, with versions and the standards they come from"
    )
    profiles.add_argument("--format", choices=["table", "markdown", "json"], default="table")
    profiles.set_defaults(run=cmd_profiles)
    _add_authoring_commands(commands)
    _add_report_command(commands)
    return parser


def _add_report_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser(
        "report",
        help="one self-contained HTML page with tables and charts",
        description="Write one self-contained HTML page: the ranking, charts of category "
        "scores and score ranges, every program's findings with their facts, quotes and "
        "sources, what to ask for, the profiles and the rule catalogue. It loads nothing from "
        "the network. With no PATH, the bundled programs. Needs the report extra: "
        "pip install 'testerterms[report]'.",
    )
    report.add_argument("paths", nargs="*", metavar="PATH", help="program files or folders")
    report.add_argument(
        "-o", "--output", required=True, metavar="FILE.html", help="the page to write"
    )
    report.add_argument(
        "--profile",
        action="append",
        metavar="NAME|FILE",
        help="a bundled profile or a profile YAML file; repeat it to compare profiles (the "
        "first ranks the programs; default: articles)",
    )
    report.add_argument(
        "--charts-dir",
        metavar="DIR",
        help="also write each chart to DIR as SVG and PNG (for articles)",
    )
    report.add_argument(
        "--no-examples",
        action="store_true",
        help="leave out example programs (kind: reference), keeping only real ones",
    )
    report.add_argument(
        "--force", action="store_true", help="overwrite FILE.html and chart files if they exist"
    )
    report.set_defaults(run=cmd_report)


def _add_authoring_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    validate = commands.add_parser(
        "validate",
        help="check program files; every error located",
        description="Check program files: every error of every file, each at "
        "path:line:col. A folder is checked file by file. With no PATH, the bundled "
        "programs. Exit 0 when all are valid, 1 when any is invalid, 2 when a PATH names "
        "nothing to check.",
    )
    validate.add_argument("paths", nargs="*", metavar="PATH", help="program files or folders")
    validate.add_argument(
        "--format",
        choices=VALIDATE_FORMATS,
        default="text",
        help="text: path:line:col lines on stderr; json: one object on stdout; github: "
        "workflow annotations on stdout (default: text)",
    )
    validate.add_argument(
        "--strict", action="store_true", help="count warnings (sources never cited) as errors"
    )
    validate.set_defaults(run=cmd_validate)

    schema = commands.add_parser(
        "schema",
        help="the JSON Schema of a program file (draft-07)",
        description="Print the JSON Schema (draft-07) of a program file, for editors and the "
        "YAML language server; or write it to a file.",
    )
    schema.add_argument("-o", "--output", metavar="FILE", help="write the schema to FILE")
    schema.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    schema.set_defaults(run=cmd_schema)

    init = commands.add_parser(
        "init",
        help="write a starter program file with comments",
        description="Write a starter program file: every term unknown, with comments that "
        "say what each term means, its values, and the value that meets each rule. Never "
        "overwrites a file unless --force. FILE '-' prints it instead.",
    )
    init.add_argument("file", metavar="FILE", help="the program file to create (.yaml)")
    init.add_argument("--id", help="the program id (default: made from the file name)")
    init.add_argument(
        "--schema",
        metavar="LOCATION",
        help="add a yaml-language-server modeline pointing at this schema path or URL",
    )
    init.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    init.set_defaults(run=cmd_init)
    _add_advice_commands(commands)


def _add_advice_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    # Literal, not imported: --help must not import the advice package (start-up time).
    # tests/test_advice.py checks these against testerterms.advice.render.
    COMPARE_FORMATS = ("table", "markdown", "json", "csv")
    SUGGEST_FORMATS = DIFF_FORMATS = ("table", "markdown", "json")

    program_help = "a program file, or the id of a bundled program (such as sora-alpha-artists)"
    compare = commands.add_parser(
        "compare",
        help="programs side by side: rule x program matrix, subtotals, grades, ranks",
        description="A rule x program matrix (met, partly, not met, unknown, disputed: readable "
        "without colour), category subtotals, range, coverage, grade and rank per program. "
        "With several --profile, where the profiles disagree on a program's grade or rank. "
        "'keeps rank': how often each program keeps its rank when every weight varies by up "
        "to 50%% (--samples, --seed: reproducible).",
    )
    compare.add_argument("paths", nargs="+", metavar="PATH", help=program_help + ", or a folder")
    compare.add_argument(
        "--profile",
        action="append",
        metavar="NAME|FILE",
        help="a profile id or file; repeat to compare profiles (default: articles)",
    )
    compare.add_argument("--format", choices=list(COMPARE_FORMATS), default="table")
    compare.add_argument(
        "--ascii", action="store_true", help="ASCII symbols only (+ ~ x ? ! -), for any terminal"
    )
    compare.add_argument(
        "--samples",
        type=int,
        default=100,
        metavar="N",
        help="weight samples for the ranking's robustness (default 100; 0 leaves it out)",
    )
    compare.add_argument("--seed", type=int, default=0, help="seed of the samples (default 0)")
    compare.set_defaults(run=cmd_compare)

    suggest = commands.add_parser(
        "suggest",
        help="the smallest set of term changes that reaches a grade",
        description="The smallest set of term changes, from the rules' remedies, after which "
        "the program reaches the target grade even with every remaining unknown at its worst. "
        "Ties go to the changes that cost the organization least: stating an unknown term "
        "before changing a stated one; words and process before control of work before pay. "
        "-o writes the changed program to a new file.",
    )
    suggest.add_argument("path", metavar="PATH", help=program_help)
    _add_profile(suggest)
    suggest.add_argument(
        "--target", default="B", metavar="GRADE", help="the grade to reach: A-E (default B)"
    )
    suggest.add_argument("--format", choices=list(SUGGEST_FORMATS), default="table")
    suggest.add_argument(
        "-o", "--output", metavar="NEW.yaml", help="write the changed program to this new file"
    )
    suggest.add_argument("--force", action="store_true", help="overwrite NEW.yaml if it exists")
    suggest.set_defaults(run=cmd_suggest)

    draft = commands.add_parser(
        "draft",
        help="a Markdown term sheet to send: clauses, open points, scorecard",
        description="A Markdown term sheet: one clause per terms section in plain words, the "
        "unknown and disputed terms as open points, and an appendix with the scorecard and "
        "the rules' citations under --profile.",
    )
    draft.add_argument("path", metavar="PATH", help=program_help)
    _add_profile(draft)
    draft.add_argument("-o", "--output", metavar="FILE.md", help="write the term sheet to FILE")
    draft.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    draft.set_defaults(run=cmd_draft)

    diff = commands.add_parser(
        "diff",
        help="what changed between two versions of a program",
        description="The terms that changed (old -> new), the findings that changed, and "
        "score, range and grade before and after. The new version is worse when its grade is "
        "lower, or the grade is equal and its worst case lower, or both equal and its score "
        "lower. Exit 0; with --fail-if-worse, exit 1 when the new version is worse.",
    )
    diff.add_argument("old", metavar="OLD", help=program_help)
    diff.add_argument("new", metavar="NEW", help=program_help)
    _add_profile(diff)
    diff.add_argument("--format", choices=list(DIFF_FORMATS), default="table")
    diff.add_argument(
        "--fail-if-worse", action="store_true", help="exit 1 when NEW is worse than OLD"
    )
    diff.set_defaults(run=cmd_diff)

    ask = commands.add_parser(
        "ask",
        help="write a program file by answering questions",
        description="Asks the questions the rules need, in plain words, one term at a time "
        "('don't know' is always an answer), writes a valid program file with the offer "
        "document as its source, and prints its scorecard. Reads answers from standard "
        "input, so they can be piped: one answer a line.",
    )
    ask.add_argument("file", metavar="FILE", help="the program file to write (.yaml)")
    _add_profile(ask)
    ask.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    ask.set_defaults(run=cmd_ask)


def _report(problems: Sequence[Problem], err: TextIO) -> None:
    for problem in problems:
        print(problem, file=err)


def _bundled_or(paths: Sequence[str]) -> list[str | Path]:
    from .loading import bundled_programs_dir

    if any(p == "" for p in paths):
        raise UsageError("an empty PATH names nothing (write . for the current folder)")
    return [_named(p) for p in paths] or [bundled_programs_dir()]


def _named(path: str) -> str | Path:
    """A PATH as given; or, where no such file exists, the bundled program of that id."""
    from .loading import resolve_program

    resolved = resolve_program(path)
    return path if resolved == Path(path) else resolved


def _fail_under(text: str) -> float:
    """``--fail-under N``: a finite number (NaN would pass every program)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"must be a finite number, got {text!r}")
    return value


def cmd_score(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._parallel import render_scores
    from .loading import ProgramFile, walk
    from .model import Program
    from .profiles import load_profile
    from .render import REPORTERS
    from .scoring import Scorecard

    profile = load_profile(args.profile)
    given = _bundled_or(args.paths)
    failed = False
    found = 0
    below: list[str] = []
    located: list[ProgramFile] = []

    def on_error(error: LoadError) -> None:
        nonlocal failed
        failed = failed or any(p.severity == "error" for p in error.problems)
        _report(error.problems, err)

    def gate(card: Scorecard) -> tuple[str, ...]:  # runs where the card was scored
        notes = []
        if args.fail_under is not None:
            if card.grade is None:
                notes.append(f"{card.program_id} (no grade: {card.coverage:.0%} known)")
            elif (
                card.score is None or not math.isfinite(card.score) or card.score < args.fail_under
            ):
                notes.append(f"{card.program_id} (score {card.score})")
        if args.fail_under_worst is not None and not (
            math.isfinite(card.range[0]) and card.range[0] >= args.fail_under_worst
        ):
            notes.append(f"{card.program_id} (worst case {card.range[0]})")
        return tuple(notes)

    scored = 0

    def on_scored(notes: tuple[str, ...] | None) -> None:  # None: left out by --no-examples
        nonlocal found, scored
        found += 1
        if notes is not None:
            scored += 1
            below.extend(notes)

    def keep(program: Program) -> bool:  # runs where the program was loaded
        return not (args.no_examples and program.kind == "reference")

    reporter = REPORTERS[args.format](profile, details=args.details, files=located)
    for piece in render_scores(
        walk(given),
        profile,
        reporter,
        jobs=args.jobs,
        gate=gate,
        on_error=on_error,
        on_scored=on_scored,
        keep=keep,
        located=located,
    ):  # nothing scored: nothing on stdout, not an empty table
        out.write(piece)
        out.flush()
    if not scored and found and args.no_examples:
        print("testerterms: --no-examples left out every program given", file=err)
    if not failed and not found:
        shown = ", ".join(shown_path(p) for p in given)
        raise UsageError(f"no program files (*.yaml, *.yml) in {shown}")
    if failed:
        return EXIT_USAGE
    if below:
        gates = [
            f"{flag} {value:g}"
            for flag, value in (
                ("--fail-under", args.fail_under),
                ("--fail-under-worst", args.fail_under_worst),
            )
            if value is not None
        ]
        print(f"testerterms: below {' and '.join(gates)}: {', '.join(below)}", file=err)
        return EXIT_FAILED
    return EXIT_OK


def cmd_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._output import write_file
    from .loading import iter_programs
    from .profiles import load_profile
    from .report import build_report, check_extra, is_example
    from .scoring import score

    check_extra()
    output = Path(args.output)
    charts_dir = Path(args.charts_dir) if args.charts_dir else None
    if charts_dir is not None and not charts_dir.is_dir():
        raise UsageError(f"--charts-dir {charts_dir}: no such folder")
    # Checked before the work: write_file checks again, atomically, when it writes.
    if output.is_dir():
        raise UsageError(f"{output} is a folder: give a file name")
    if not output.parent.is_dir():
        raise UsageError(f"no such folder: {output.parent}")
    if not args.force and (output.exists() or output.is_symlink()):
        raise UsageError(f"{output} already exists: use --force to overwrite it")
    profiles = list({p.id: p for p in map(load_profile, args.profile or ["articles"])}.values())
    given = _bundled_or(args.paths)
    failed = False
    scored = []
    for _, loaded in iter_programs(given):
        if isinstance(loaded, LoadError):
            failed = failed or any(p.severity == "error" for p in loaded.problems)
            _report(loaded.problems, err)
            continue
        if args.no_examples and is_example(loaded):
            continue
        scored.append((loaded, [score(loaded, profile) for profile in profiles]))
    if not scored:
        raise UsageError("no program could be loaded: nothing to report")
    report = build_report(scored, profiles)
    written = write_file(output, report.html, force=args.force)
    print(f"testerterms: wrote {written} ({len(scored)} programs)", file=err)
    if charts_dir is not None:
        header = '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n'
        for chart in report.charts:
            svg = write_file(charts_dir / f"{chart.name}.svg", header + chart.svg, force=args.force)
            png = write_file(charts_dir / f"{chart.name}.png", chart.png, force=args.force)
            print(f"testerterms: wrote {svg} and {png}", file=err)
    return EXIT_USAGE if failed else EXIT_OK


def _all_profiles() -> list[Profile]:
    from .profiles import bundled_profiles, load_profile

    order = ["articles", "testers-letter", "industry-practice"]
    names = order + [n for n in bundled_profiles() if n not in order]
    return [load_profile(n) for n in names]


def cmd_rules(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .render import rule_text, rules_text
    from .rules import get_rule

    profiles = _all_profiles()
    if args.code:
        out.write(rule_text(get_rule(args.code), profiles, args.format))
    else:
        out.write(rules_text(profiles, args.format))
    return EXIT_OK


def cmd_profiles(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .render import profiles_text

    out.write(profiles_text(_all_profiles(), args.format))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._validation import REPORTERS, Summary, validate_paths

    summary = Summary()
    reporter = REPORTERS[args.format](out, err)
    for report in validate_paths(_bundled_or(args.paths), summary):
        reporter.file(report)
    reporter.finish(summary)
    if summary.unusable:
        return EXIT_USAGE
    if summary.invalid or (args.strict and summary.warnings):
        return EXIT_FAILED
    return EXIT_OK


def cmd_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    text = _schema_text()
    if args.output is None:
        out.write(text)
        return EXIT_OK
    from ._output import write_file

    written = write_file(args.output, text, force=args.force)
    print(f"testerterms: wrote {shown_path(written)}", file=err)
    return EXIT_OK


def _schema_text() -> str:
    """The program schema: the copy built from the model when the package was made (in the
    wheel, or the repository's ``schema/``), so that printing it builds no model; built from
    the model where there is no copy."""
    here = Path(__file__).resolve().parent
    for stored in (here / "program.schema.json", here.parent / "schema" / "program.schema.json"):
        if stored.is_file():
            return stored.read_text(encoding="utf-8")
    from ._schema import schema_text

    return schema_text()


def cmd_init(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._authoring import program_id_for, starter_program
    from ._output import write_file

    path = Path(args.file)
    program_id = args.id if args.id is not None else program_id_for(path.stem)
    if args.id is not None and program_id != program_id_for(program_id):
        raise UsageError(
            f"--id {program_id!r} must be lower-case letters, digits and dashes "
            f"(like {program_id_for(program_id)})"
        )
    text = starter_program(program_id, schema=args.schema)
    if args.file == "-":
        out.write(text)
        return EXIT_OK
    if not path.parent.exists():  # `init programs/x.yaml` in an empty folder: make programs/
        try:
            path.parent.mkdir(parents=True)
        except OSError as exc:
            raise UsageError(f"cannot create the folder {path.parent}: {exc.strerror}") from None
        print(f"testerterms: created the folder {path.parent}", file=err)
    written = write_file(path, text, force=args.force)
    print(
        f"testerterms: wrote {shown_path(written)}; fill in the terms, then run "
        f"`testerterms validate {shown_path(written)}`",
        file=err,
    )
    return EXIT_OK


def _load_named(name: str) -> LoadedProgram:
    from .loading import load_program

    return load_program(name)


def _load_many(names: Sequence[str], skipped: list[Problem] | None = None) -> list[LoadedProgram]:
    """The programs of ``names`` (files, folders or bundled ids). Without ``skipped``, any
    problem raises; with it, the problems go there and the files that load are kept."""
    from .loading import find_files, load_program, resolve_program

    programs: list[LoadedProgram] = []
    problems: list[Problem] = []
    for name in names:
        path = resolve_program(name)
        if not path.exists():
            problems.append(Problem(name, 1, 1, "no such file or folder, nor a bundled program"))
            continue
        for file in find_files([path]):
            try:
                programs.append(load_program(file))
            except LoadError as exc:
                problems += exc.problems
    if problems and (skipped is None or not programs):
        raise LoadError(problems)
    if skipped is not None:
        skipped += problems
    ids = [p.id for p in programs]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise UsageError(f"programs with the same id given twice: {', '.join(twice)}")
    if not programs:
        raise UsageError(f"no program files (*.yaml, *.yml) in {', '.join(names)}")
    return programs


def _ascii_terminal(out: TextIO) -> bool:
    encoding = getattr(out, "encoding", None) or "utf-8"
    try:
        "✓½✗–".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return True
    return False


def cmd_compare(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .advice import compare, render_comparison
    from .profiles import load_profile

    if args.samples < 0:
        raise UsageError("--samples must be 0 or more")
    profiles = [load_profile(p) for p in (args.profile or ["articles"])]
    skipped: list[Problem] = []
    programs = _load_many(args.paths, skipped)
    _report(skipped, err)
    comparison = compare(programs, profiles, samples=args.samples, seed=args.seed)
    ascii_only = args.ascii or _ascii_terminal(out)
    out.write(render_comparison(comparison, args.format, ascii_only=ascii_only))
    return EXIT_USAGE if skipped else EXIT_OK


def cmd_suggest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._authoring import dump_program, program_id_for
    from .advice import render_suggestion, suggest
    from .advice._changes import PROPOSAL
    from .loading import parse_program, resolve_program
    from .profiles import load_profile

    source = resolve_program(args.path)
    program = _load_named(args.path)
    profile = load_profile(args.profile)
    suggestion = suggest(program, profile, args.target)
    out.write(render_suggestion(suggestion, args.format))
    if args.output is None:
        return EXIT_OK
    target = Path(args.output)
    if target.exists() and source.exists() and target.resolve() == source.resolve():
        raise UsageError(f"{target} is the input file: write the changed program to a new file")
    new = suggestion.program
    new_id = program_id_for(target.stem)
    if new.id != new_id:
        new = new.model_copy(update={"id": new_id})
    for sid, entry in new.sources.items():
        if sid.startswith(PROPOSAL) and sid not in program.sources:
            proposal = entry.model_copy(update={"path": target.name})
            new = new.model_copy(update={"sources": {**new.sources, sid: proposal}})
    text = dump_program(new)
    parse_program(text, str(target))  # the file must load as it is written
    written = write_output(target, text, force=args.force)
    print(f"testerterms: wrote {written}", file=err)
    return EXIT_OK


def write_output(path: Path, text: str, *, force: bool) -> Path:
    from ._output import write_file

    return write_file(path, text, force=force)


def cmd_draft(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .advice import draft, render_term_sheet
    from .profiles import load_profile

    sheet = render_term_sheet(draft(_load_named(args.path), load_profile(args.profile)))
    if args.output is None:
        out.write(sheet)
        return EXIT_OK
    written = write_output(Path(args.output), sheet, force=args.force)
    print(f"testerterms: wrote {written}", file=err)
    return EXIT_OK


def cmd_diff(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .advice import diff, render_diff
    from .profiles import load_profile

    old, new = _load_many([args.old]), _load_many([args.new])
    if len(old) != 1 or len(new) != 1:
        raise UsageError("diff compares two program files, not folders")
    result = diff(old[0], new[0], load_profile(args.profile))
    out.write(render_diff(result, args.format))
    if args.fail_if_worse and result.worse:
        print(f"testerterms: {args.new} is worse than {args.old}", file=err)
        return EXIT_FAILED
    return EXIT_OK


def cmd_ask(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._authoring import dump_program, program_id_for
    from .advice.questionnaire import program_from_answers, run_questionnaire
    from .loading import parse_program
    from .profiles import load_profile
    from .render import REPORTERS

    path = Path(args.file)
    profile = load_profile(args.profile)
    if path.exists() and not args.force:  # say so before the questions, not after them
        raise UsageError(f"{path} already exists: use --force to overwrite it")
    if not path.parent.is_dir():
        raise UsageError(f"no such folder: {path.parent}")
    stdin = sys.stdin

    def read() -> str | None:
        out.flush()
        line = stdin.readline()
        return None if line == "" else line

    def write(text: str) -> None:
        out.write(text)

    data = run_questionnaire(read, write, program_id=program_id_for(path.stem))
    program = program_from_answers(data)
    text = dump_program(program)
    parse_program(text, str(path))
    written = write_output(path, text, force=args.force)
    out.write("\n\n")
    out.write(REPORTERS["table"](profile).render([(program, score_program(program, profile))]))
    print(
        f"testerterms: wrote {written}; `testerterms score {written} --details` explains it",
        file=err,
    )
    return EXIT_OK


def score_program(program: LoadedProgram, profile: Profile) -> ProgramScorecard:
    from .scoring import score

    return score(program, profile)


class _Output:
    """A text stream the command writes to that outlives the reader going away.

    When the reader closes the pipe (``| head -1``) the rest of the output is dropped but
    the command runs on, so its exit status is still the one it would have had: under
    ``set -o pipefail`` a failing check stays failing. A write that fails otherwise (a full
    disk, ``> /dev/full``) is remembered and reported once, at the end.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.closed_by_reader = False
        self.failure: OSError | None = None

    def write(self, text: str) -> int:
        if not self.closed_by_reader and self.failure is None:
            try:
                self.stream.write(text)
            except BrokenPipeError:
                self._reader_gone()
            except OSError as exc:
                self.failure = exc
        return len(text)

    def flush(self) -> None:
        if not self.closed_by_reader and self.failure is None:
            try:
                self.stream.flush()
            except BrokenPipeError:
                self._reader_gone()
            except OSError as exc:
                self.failure = exc

    def _reader_gone(self) -> None:
        self.closed_by_reader = True
        # Python flushes sys.stdout once more at exit; point it at nothing so that flush
        # neither fails nor prints "Exception ignored".
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self.stream.fileno())
            os.close(devnull)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def _tolerant(stream: TextIO) -> None:
    """Text a terminal's encoding cannot show (PYTHONIOENCODING=ascii) as ``\\u2013``."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="backslashreplace")


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit status."""
    from ._entry import INTERRUPTED, is_command, quiet_interrupt

    if out is None:
        _tolerant(sys.stdout)
    if err is None:
        _tolerant(sys.stderr)
    # With stdout or stderr closed (`>&-`) Python has no stream at all: write to nothing.
    output = _Output(out or sys.stdout or open(os.devnull, "w"))  # noqa: SIM115
    errors = _Output(err or sys.stderr or open(os.devnull, "w"))  # noqa: SIM115
    previous = signal.getsignal(signal.SIGINT)
    with contextlib.suppress(ValueError):  # Ctrl-C is a KeyboardInterrupt while main runs
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        status = _run(argv, cast(TextIO, output), cast(TextIO, errors))
        output.flush()
    except KeyboardInterrupt:
        print("testerterms: interrupted", file=errors)
        status = INTERRUPTED
    finally:
        if is_command():
            quiet_interrupt()  # from here to the exit, Ctrl-C cannot start a traceback
        else:  # called from Python: leave Ctrl-C as the caller had it
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(signal.SIGINT, previous)
    if output.failure is not None:
        reason = output.failure.strerror or str(output.failure)
        print(f"testerterms: error: cannot write the output: {reason}", file=errors)
        status = status or EXIT_USAGE
    errors.flush()
    return status


def _run(argv: Sequence[str] | None, out: TextIO, err: TextIO) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its message
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    run: Callable[[argparse.Namespace, TextIO, TextIO], int] = args.run
    try:
        return run(args, out, err)
    except LoadError as exc:
        if args.debug:
            raise
        _report(exc.problems, err)
        return EXIT_USAGE
    except TesterTermsError as exc:
        if args.debug:
            raise
        print(f"testerterms: error: {terminal(exc)}", file=err)
        return EXIT_USAGE
    except OSError as exc:  # the environment: a name too long, a folder gone, a full disk
        if args.debug:
            raise
        print(f"testerterms: error: {_os_error(exc)}", file=err)
        return EXIT_USAGE


def _os_error(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    if exc.filename is not None:
        return f"{shown_path(os.fsdecode(exc.filename))}: {terminal(reason)}"
    return terminal(reason)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
