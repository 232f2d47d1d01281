"""The command line: parse arguments, call the library, print, and choose the exit status.

Exit status: 0 fine; 1 a ``--fail-under`` threshold not met (or ``validate`` found invalid
files); 2 a usage error, or input that cannot be loaded.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import math
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from ._escape import path as shown_path
from ._escape import terminal
from ._version import __version__
from .errors import LoadError, Problem, TesterTermsError, UsageError

if TYPE_CHECKING:
    from .profiles import Profile

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def _add_profile(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        default="articles",
        metavar="NAME|FILE",
        help="a bundled profile (articles, testers-letter, industry-practice, or one built from "
        "a published standard: see 'testerterms profiles') or a profile YAML file "
        "(default: articles)",
    )


def build_parser() -> argparse.ArgumentParser:
    from .render import REPORTERS

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
        description="One scorecard per program: score 0-100, range [worst, best] over unknown "
        "and disputed terms, coverage, grade. With no PATH, the bundled programs.",
    )
    score.add_argument("paths", nargs="*", metavar="PATH", help="program files or folders")
    _add_profile(score)
    score.add_argument("--format", choices=list(REPORTERS), default="table")
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
    from ._validation import REPORTERS as VALIDATE_REPORTERS

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
        choices=list(VALIDATE_REPORTERS),
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


def _report(problems: Sequence[Problem], err: TextIO) -> None:
    for problem in problems:
        print(problem, file=err)


def _bundled_or(paths: Sequence[str]) -> list[str | Path]:
    from .loading import bundled_programs_dir

    if any(p == "" for p in paths):
        raise UsageError("an empty PATH names nothing (write . for the current folder)")
    return list(paths) or [bundled_programs_dir()]


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
    from .loading import ProgramFile, iter_located_programs
    from .model import Program
    from .profiles import load_profile
    from .render import REPORTERS
    from .scoring import Scorecard, score

    profile = load_profile(args.profile)
    given = _bundled_or(args.paths)
    failed = False
    found = 0
    below: list[str] = []
    located: list[ProgramFile] = []

    def scored() -> Iterator[tuple[Program, Scorecard]]:
        nonlocal failed, found
        for where, loaded in iter_located_programs(given):
            if isinstance(loaded, LoadError):
                failed = failed or any(p.severity == "error" for p in loaded.problems)
                _report(loaded.problems, err)
                continue
            found += 1
            if args.no_examples and loaded.kind == "reference":
                continue
            card = score(loaded, profile)
            if args.fail_under is not None:
                if card.grade is None:
                    below.append(f"{card.program_id} (no grade: {card.coverage:.0%} known)")
                elif (
                    card.score is None
                    or not math.isfinite(card.score)
                    or card.score < args.fail_under
                ):
                    below.append(f"{card.program_id} (score {card.score})")
            if args.fail_under_worst is not None and not (
                math.isfinite(card.range[0]) and card.range[0] >= args.fail_under_worst
            ):
                below.append(f"{card.program_id} (worst case {card.range[0]})")
            located.append(where)
            yield loaded, card

    programs = scored()
    first = next(programs, None)  # nothing scored: nothing on stdout, not an empty table
    if first is None and found and args.no_examples:
        print("testerterms: --no-examples left out every program given", file=err)
    if first is not None:
        reporter = REPORTERS[args.format](profile, details=args.details, files=located)
        for piece in reporter.stream(itertools.chain([first], programs)):
            out.write(piece)
            out.flush()
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
    from ._schema import schema_text

    text = schema_text()
    if args.output is None:
        out.write(text)
        return EXIT_OK
    from ._output import write_file

    written = write_file(args.output, text, force=args.force)
    print(f"testerterms: wrote {shown_path(written)}", file=err)
    return EXIT_OK


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
    written = write_file(path, text, force=args.force)
    print(
        f"testerterms: wrote {shown_path(written)}; fill in the terms, then run "
        f"`testerterms validate {shown_path(written)}`",
        file=err,
    )
    return EXIT_OK


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
