"""The command line: parse arguments, call the library, print, and choose the exit status.

Exit status: 0 fine; 1 a ``--fail-under`` threshold not met (or ``validate`` found invalid
files); 2 a usage error, or input that cannot be loaded.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

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
        type=float,
        metavar="N",
        help="exit 1 when a program scores below N, or has no grade (too little is known: "
        "leaving terms out cannot pass the gate)",
    )
    score.add_argument(
        "--fail-under-worst",
        type=float,
        metavar="N",
        help="exit 1 when the worst case of a program's range (every unknown term and "
        "disputed claim at its worst) is below N; stricter than --fail-under",
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
    return parser


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


def _bundled_or(paths: Sequence[str]) -> list[Path]:
    from .loading import bundled_programs_dir

    return [Path(p) for p in paths] or [bundled_programs_dir()]


def cmd_score(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .loading import find_files, iter_programs
    from .model import Program
    from .profiles import load_profile
    from .render import REPORTERS
    from .scoring import Scorecard, score

    profile = load_profile(args.profile)
    given = _bundled_or(args.paths)
    missing = [p for p in given if not p.exists()]
    for path in missing:
        print(Problem(str(path), 1, 1, "no such file or folder"), file=err)
    files = find_files(p for p in given if p.exists())
    if not missing and not files:
        raise UsageError(f"no program files (*.yaml, *.yml) in {', '.join(map(str, given))}")
    failed = bool(missing)
    below: list[str] = []

    def scored() -> Iterator[tuple[Program, Scorecard]]:
        nonlocal failed
        for _, loaded in iter_programs(files):
            if isinstance(loaded, LoadError):
                failed = True
                _report(loaded.problems, err)
                continue
            card = score(loaded, profile)
            if args.fail_under is not None:
                if card.grade is None:
                    below.append(f"{card.program_id} (no grade: {card.coverage:.0%} known)")
                elif card.score is None or card.score < args.fail_under:
                    below.append(f"{card.program_id} (score {card.score})")
            if args.fail_under_worst is not None and card.range[0] < args.fail_under_worst:
                below.append(f"{card.program_id} (worst case {card.range[0]})")
            yield loaded, card

    reporter = REPORTERS[args.format](profile, details=args.details)
    if reporter.streams:
        for piece in reporter.stream(scored()):
            out.write(piece)
            out.flush()
    else:
        results = list(scored())
        if results:
            out.write(reporter.render(results))
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
    print(f"testerterms: wrote {written}", file=err)
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
        f"testerterms: wrote {written}; fill in the terms, then run "
        f"`testerterms validate {written}`",
        file=err,
    )
    return EXIT_OK


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
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
        print(f"testerterms: error: {exc}", file=err)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
