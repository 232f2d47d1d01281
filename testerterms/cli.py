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
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO, cast

from ._escape import path as shown_path
from ._escape import terminal
from ._version import __version__
from .errors import LoadError, Problem, TesterTermsError, UsageError

if TYPE_CHECKING:
    from ._cache import Cache
    from ._output import Readable
    from .advice.questionnaire import AnswerReader
    from .loading import ProgramFile
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
DRAFT_FORMATS: Final = ("markdown", "docx")
"""The keys of :data:`testerterms.render.proposal.WRITERS`."""
DEBUG_HELP: Final = "show a traceback on errors"


def _add_profile(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        default="articles",
        metavar="NAME|FILE",
        help="a bundled profile (articles, testers-letter, industry-practice, or one built from "
        "a published standard: see 'testerterms profiles') or a profile YAML file "
        "(default: articles)",
    )


def _add_format(parser: argparse.ArgumentParser, choices: Sequence[str]) -> None:
    """``--format FORMAT``: the choices are listed in the help, so that the usage line stays
    short enough for a narrow terminal."""
    parser.add_argument(
        "--format",
        choices=list(choices),
        default=choices[0],
        metavar="FORMAT",
        help=f"{', '.join(choices[:-1])} or {choices[-1]} (default: {choices[0]})",
    )


def _add_no_cache(parser: argparse.ArgumentParser, keyed: str | None = None) -> None:
    keyed = keyed or "kept for runs of fewer than 200 files, keyed by each file's bytes"
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help=f"neither read nor write the cache of results ({keyed}, the profile and the "
        "tool's version; folder: $TESTERTERMS_CACHE_DIR, else $XDG_CACHE_HOME/testerterms, "
        "else ~/.cache/testerterms)",
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
    parser.add_argument("--debug", action="store_true", help=DEBUG_HELP)
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
    _add_format(score, SCORE_FORMATS)
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
        help="score in N processes, at most one per core (default: one for a few files, one "
        "per core from 200 files on); the output is the same whatever N",
    )
    score.add_argument(
        "--no-examples",
        action="store_true",
        help="leave out example programs (kind: reference), keeping only real ones",
    )
    _add_no_cache(score)
    score.set_defaults(run=cmd_score)

    rules = commands.add_parser(
        "rules",
        help="the rule catalogue, or one rule explained",
        description="The catalogue with each rule's weight per profile, or one rule: rationale, "
        "citations, the terms it reads, its remedy and clause.",
    )
    rules.add_argument("code", nargs="?", help="a rule code such as PAY001")
    _add_format(rules, ("table", "markdown", "json"))
    rules.set_defaults(run=cmd_rules)

    profiles = commands.add_parser(
        "profiles", help="the profiles available, with versions and the standards they come from"
    )
    _add_format(profiles, ("table", "markdown", "json"))
    profiles.set_defaults(run=cmd_profiles)
    _add_authoring_commands(commands)
    _add_report_command(commands)
    _add_extract_command(commands)
    for command in commands.choices.values():  # --debug before or after the command
        command.add_argument(
            "--debug", action="store_true", default=argparse.SUPPRESS, help=DEBUG_HELP
        )
    return parser


def _add_extract_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    extract = commands.add_parser(
        "extract",
        help="read an agreement and propose a program file, every value quoting its sentence",
        description="Read an agreement (.txt, .md, .html, .pdf, .docx, - for standard input, "
        "or an http(s) URL fetched once) and propose a program: every value rests on the "
        "clause it was read from, quoted verbatim, with a note saying which spotter fired on "
        "which words; a term not found stays unknown. Prints the program YAML, or writes it "
        "with -o. HTML, PDF and Word need the extract extra: pip install "
        "'testerterms[extract]'. Exit 0 when every SOURCE was read, 2 when one could not be.",
    )
    extract.add_argument(
        "sources", nargs="*", metavar="SOURCE", help="agreement files, - (standard input), URLs"
    )
    extract.add_argument(
        "-o",
        "--output",
        metavar="FILE|DIR",
        help="write the program (or JSON) to FILE; with several SOURCEs, a folder: one file "
        "each, named after the source",
    )
    extract.add_argument("--force", action="store_true", help="overwrite files that exist")
    extract.add_argument(
        "--format",
        choices=["yaml", "json"],
        default="yaml",
        help="yaml: a draft program file (default); json: every clause found, with its "
        "offsets into the text (one object per SOURCE, a line each)",
    )
    extract.add_argument(
        "--details",
        action="store_true",
        help="print each sentence that fired, the term, the value and why (the program is "
        "then written only with -o)",
    )
    extract.add_argument(
        "--terms", action="store_true", help="list the terms extract can propose, and exit"
    )
    extract.add_argument(
        "--example",
        action="store_true",
        help="print the example tester agreement shipped with testerterms, and exit",
    )
    extract.add_argument("--id", help="the program id (default: made from the file name)")
    extract.add_argument("--name", help="the program's name (default: the document's title)")
    extract.add_argument("--organization", help="who runs the program")
    extract.add_argument(
        "--kind", help="beta, early-access, red-team, bug-bounty... (default: guessed from text)"
    )
    extract.add_argument("--url", help="where the agreement is published (the source's url)")
    extract.add_argument(
        "--timeout",
        type=_fail_under,
        default=30.0,
        metavar="SECONDS",
        help="how long a URL may take to arrive (default 30)",
    )
    extract.set_defaults(run=cmd_extract)


def _add_report_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser(
        "report",
        help="one self-contained HTML page with tables and charts",
        description="Write one self-contained HTML page: the ranking, charts of category "
        "scores and score ranges, every program's findings with their facts, quotes and "
        "sources (in a section that folds), what to ask for, the profiles and the rule "
        "catalogue. It loads nothing from the network and reads on a phone as on a desktop. "
        "The charts show the first 40 programs in the ranking's order; the tables show every "
        "program. With no PATH, the bundled programs. Needs the report extra: "
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
        help="also write each chart to DIR (created if missing) as SVG and PNG, for articles",
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
        metavar="FORMAT",
        help="text: path:line:col lines on stderr; json: one object on stdout; github: "
        "workflow annotations on stdout (default: text)",
    )
    validate.add_argument(
        "--strict", action="store_true", help="count warnings (sources never cited) as errors"
    )
    _add_no_cache(validate)
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
    SUGGEST_FORMATS = DIFF_FORMATS = ("table", "markdown", "json", "csv")

    program_help = "a program file, or the id of a bundled program (such as sora-alpha-artists)"
    compare = commands.add_parser(
        "compare",
        help="programs side by side: rule x program matrix, subtotals, grades, ranks",
        description="A rule x program matrix (met, partly, not met, unknown, disputed: readable "
        "without colour), category subtotals, range, coverage, grade and rank per program. "
        "With several --profile, where the profiles disagree on a program's grade or rank. "
        "With --samples N, 'keeps rank': how often each program keeps its rank when every "
        "weight varies by up to 50% either way (--seed: reproducible). What it costs: the "
        "matrix, about what 'score --no-cache' costs on the same files; each sample scores "
        "every program again, so --samples 100 costs about 100 times that (seconds for 30 "
        "programs). The same files with the same profiles and options a second time print "
        "from the cache, without loading or scoring them: about what starting Python and "
        "reading the files cost.",
    )
    compare.add_argument("paths", nargs="+", metavar="PATH", help=program_help + ", or a folder")
    compare.add_argument(
        "--profile",
        action="append",
        metavar="NAME|FILE",
        help="a profile id or file; repeat to compare profiles (default: articles)",
    )
    _add_format(compare, COMPARE_FORMATS)
    compare.add_argument(
        "--ascii", action="store_true", help="ASCII symbols only (+ ~ x ? ! -), for any terminal"
    )
    compare.add_argument(
        "--samples",
        type=int,
        default=0,
        metavar="N",
        help="weight samples for the ranking's robustness, each one a scoring of every program "
        "(default 0: left out; 100 gives shares to the percent)",
    )
    compare.add_argument("--seed", type=int, default=0, help="seed of the samples (default 0)")
    _add_no_cache(
        compare,
        keyed="what the same files printed, keyed by every file's bytes and path, the "
        "options and the width a table fits",
    )
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
    _add_format(suggest, SUGGEST_FORMATS)
    suggest.add_argument(
        "-o", "--output", metavar="NEW.yaml", help="write the changed program to this new file"
    )
    suggest.add_argument("--force", action="store_true", help="overwrite NEW.yaml if it exists")
    suggest.set_defaults(run=cmd_suggest)

    draft = commands.add_parser(
        "draft",
        help="a proposal to send: what to ask for first, then section by section",
        description="A proposal for PATH under --profile: first what to ask for, in the order "
        "that moves the grade most (blockers first), with the grade each ask makes certain; "
        "then section by section what the terms say now (quoted, with sources), the clause we "
        "propose, why, and a fallback; open points as questions with the answer to ask for. "
        "--against THEIRS reads the organization's revised terms against the asks for PATH. "
        "--new drafts a model agreement for a program that does not exist yet. Markdown, or "
        "Word with -o FILE.docx.",
    )
    draft.add_argument("path", nargs="?", metavar="PATH", help=program_help + " (not with --new)")
    _add_profile(draft)
    draft.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE: FILE.md (Markdown) or FILE.docx (Word, needs the word extra)",
    )
    draft.add_argument(
        "--format",
        choices=DRAFT_FORMATS,
        help="markdown or docx (default: from -o's suffix, else markdown)",
    )
    draft.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    draft.add_argument(
        "--against",
        metavar="THEIRS",
        help="the organization's revised terms: which of the asks for PATH they meet, meet in "
        "part, ignore or take back, what changed, and what to ask for now",
    )
    draft.add_argument(
        "--new",
        action="store_true",
        help="a model agreement for a program that does not exist yet, from the profile's "
        "remedies (with --kind)",
    )
    draft.add_argument(
        "--kind",
        metavar="KIND",
        help="with --new: the kind of program: beta, early-access, red-team, creative-partner, "
        "bug-bounty, user-research, commission, playtest, grant, crowd-work",
    )
    draft.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="TERM=VALUE",
        dest="settings",
        help="with --new: a term of the agreement, as compensation.hourly_rate=25 or "
        "content_review.response_days=5 (repeatable)",
    )
    draft.add_argument(
        "--settings",
        metavar="FILE.yaml",
        dest="settings_file",
        help="with --new: terms of the agreement from a YAML file (compensation.hourly_rate: "
        "25); --set wins over it",
    )
    draft.add_argument(
        "--program",
        metavar="FILE.yaml",
        help="with --new: also write the program file that matches the agreement",
    )
    draft.add_argument("--name", help="with --new: the program's name")
    draft.add_argument("--organization", help="with --new: who runs the program")
    draft.add_argument(
        "--date", metavar="YYYY-MM-DD", help="the date the document carries (default: today)"
    )
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
    _add_format(diff, DIFF_FORMATS)
    diff.add_argument(
        "--fail-if-worse", action="store_true", help="exit 1 when NEW is worse than OLD"
    )
    _add_no_cache(diff)
    diff.set_defaults(run=cmd_diff)

    ask = commands.add_parser(
        "ask",
        help="write a program file by answering questions",
        description="Asks the questions the rules need, in plain words, one term at a time "
        "('don't know' is always an answer), writes a valid program file with the offer "
        "document as its source, and prints its scorecard. Reads answers from standard "
        "input, so they can be piped: one answer a line, UTF-8. An answer that is not UTF-8 "
        "or too long is asked again at a terminal, and stops piped answers at its line. If "
        "the questions stop (Ctrl-C, a bad piped answer), the answers given so far are kept "
        "in a new file beside FILE (NAME.answers.txt), which --answers reads.",
    )
    ask.add_argument("file", metavar="FILE", help="the program file to write (.yaml)")
    _add_profile(ask)
    ask.add_argument(
        "--force",
        action="store_true",
        help="overwrite FILE if it exists (only with an answer to every question)",
    )
    ask.add_argument(
        "--answers",
        metavar="ANSWERS.txt",
        help="read the first answers from this file (one a line, as a stopped run keeps "
        "them), then go on from standard input",
    )
    _add_no_cache(ask, keyed="what the same answers wrote and printed, keyed by the answers")
    ask.set_defaults(run=cmd_ask)


def _report(problems: Sequence[Problem], err: TextIO) -> None:
    for problem in problems:
        print(problem, file=err)


def _bundled_or(paths: Sequence[str]) -> list[str | Path]:
    from ._files import bundled_programs_dir

    if any(p == "" for p in paths):
        raise UsageError("an empty PATH names nothing (write . for the current folder)")
    return [_named(p) for p in paths] or [bundled_programs_dir()]


def _named(path: str) -> str | Path:
    """A PATH as given; or, where no such file exists, the bundled program of that id."""
    from ._files import resolve_program

    resolved = resolve_program(path)
    return path if resolved == Path(path) else resolved


def _fail_under(text: str) -> float:
    """``--fail-under N``: a finite number on the score's scale, 0 to 100 (NaN would pass
    every program, -1 every graded one, and 101 none)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"must be a finite number, got {text!r}")
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"must be a score from 0 to 100, got {text!r}")
    return value


def cmd_score(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._files import walk
    from ._parallel import Headline, cache_kind, render_scores
    from .profiles import load_profile
    from .render import REPORTERS

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

    def gate(card: Headline) -> tuple[str, ...]:  # runs where the card was scored
        notes = []
        if args.fail_under is not None:
            if card.grade is None:
                notes.append(f"{card.program_id} (no grade: {card.coverage:.0%} known)")
            elif (
                card.score is None or not math.isfinite(card.score) or card.score < args.fail_under
            ):
                notes.append(f"{card.program_id} (score {card.score})")
        if args.fail_under_worst is not None and not (
            math.isfinite(card.worst) and card.worst >= args.fail_under_worst
        ):
            notes.append(f"{card.program_id} (worst case {card.worst})")
        return tuple(notes)

    scored = 0

    def on_scored(notes: tuple[str, ...] | None) -> None:  # None: left out by --no-examples
        nonlocal found, scored
        found += 1
        if notes is not None:
            scored += 1
            below.extend(notes)

    reporter = REPORTERS[args.format](profile, details=args.details, files=located)
    cache = None if args.no_cache else _cache_for_few(cache_kind(profile, reporter), given)
    for piece in render_scores(
        walk(given),
        profile,
        reporter,
        jobs=_capped_jobs(args.jobs, err),
        gate=gate,
        on_error=on_error,
        on_scored=on_scored,
        examples=not args.no_examples,
        located=located,
        cache=cache,
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


def _capped_jobs(jobs: int | None, err: TextIO) -> int | None:
    """``--jobs``, lowered to the cores available (more processes only add memory)."""
    if jobs is None:
        return None
    from ._parallel import available_cores

    cores = available_cores()
    if jobs > cores:
        print(f"testerterms: --jobs {jobs} lowered to {cores}, the cores available", file=err)
        return cores
    return jobs


def cmd_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._output import check_outputs
    from .loading import iter_programs
    from .profiles import load_profile
    from .report import CHART_ROWS, build_report, check_extra, is_example
    from .scoring import score

    check_extra()
    output = Path(args.output)
    charts_dir = Path(args.charts_dir) if args.charts_dir else None
    if charts_dir is not None and charts_dir.exists() and not charts_dir.is_dir():
        raise UsageError(f"--charts-dir {shown_path(charts_dir)} is not a folder")
    loaded = [load_profile(name) for name in args.profile or ["articles"]]
    profiles = list({p.id: p for p in loaded}.values())
    given = _bundled_or(args.paths)
    # Checked before the work (against the files named); again, with the charts and every
    # file read below the folders named, when it writes.
    named = [p for p in given if Path(p).is_file()]
    check_outputs([output], force=args.force, reads=[*named, *_profile_files(loaded)])
    failed = False
    read: list[Path] = []  # every file read, so that no output is written over one

    def scored() -> Iterator[tuple[LoadedProgram, list[ProgramScorecard]]]:
        # One program at a time: the page keeps what it shows of each, not the programs.
        nonlocal failed
        for path, loaded in iter_programs(given):
            read.append(Path(path))
            if isinstance(loaded, LoadError):
                failed = failed or any(p.severity == "error" for p in loaded.problems)
                _report(loaded.problems, err)
                continue
            if args.no_examples and is_example(loaded):
                continue
            yield loaded, [score(loaded, profile) for profile in profiles]

    report = build_report(scored(), profiles)
    if not report.programs:
        raise UsageError("no program could be loaded: nothing to report")
    outputs: list[tuple[Path, str | bytes]] = [(output, report.html)]
    if charts_dir is not None:
        header = '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n'
        for chart in report.charts:
            outputs.append((charts_dir / f"{chart.name}.svg", header + chart.svg))
            outputs.append((charts_dir / f"{chart.name}.png", chart.png))
    read += map(Path, _profile_files(loaded))
    written = write_outputs(outputs, force=args.force, reads=read, err=err)
    print(f"testerterms: wrote {shown_path(written[0])} ({report.programs} programs)", file=err)
    for svg, png in zip(written[1::2], written[2::2], strict=True):
        print(f"testerterms: wrote {shown_path(svg)} and {shown_path(png)}", file=err)
    if report.programs > CHART_ROWS:
        print(
            f"testerterms: the charts show the first {CHART_ROWS} of the {report.programs:,} "
            "programs, in the ranking's order; the tables show them all",
            file=err,
        )
    return EXIT_USAGE if failed else EXIT_OK


def write_outputs(
    outputs: Sequence[tuple[str | Path, str | bytes]],
    *,
    force: bool,
    reads: Sequence[Readable] = (),
    err: TextIO | None = None,
) -> list[Path]:
    """Every output of a command through the one write helper (:mod:`._output`): all are
    checked before any is written; never over a file the command reads (``reads``), a link,
    a device or a FIFO; missing folders are created (and said on ``err``)."""
    from ._output import write_files

    written = write_files(outputs, force=force, reads=reads)
    for folder in written.folders:
        if err is not None:
            print(f"testerterms: created the folder {shown_path(folder)}", file=err)
    return list(written.files)


def write_output(
    path: str | Path,
    content: str | bytes,
    *,
    force: bool,
    reads: Sequence[Readable] = (),
    err: TextIO | None = None,
) -> Path:
    """One output through the one write helper (see :func:`write_outputs`)."""
    return write_outputs([(path, content)], force=force, reads=reads, err=err)[0]


def _profile_files(profiles: Iterable[Profile]) -> list[str]:
    """The files the profiles were read from, with those their ``extends:`` chains name."""
    return [file for profile in profiles for file in profile.files]


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
    given = _bundled_or(args.paths)
    cache = None if args.no_cache else _cache_for_few("validate", given)
    for report in validate_paths(given, summary, cache):
        reporter.file(report)
    if cache is not None:
        cache.save()
    reporter.finish(summary)
    if summary.unusable:
        return EXIT_USAGE
    if summary.invalid or (args.strict and summary.warnings):
        return EXIT_FAILED
    return EXIT_OK


def _cache_for_few(kind: str, given: Sequence[str | Path]) -> Cache | None:
    from ._cache import Cache

    return Cache.for_run(kind, given)


def cmd_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    text = _schema_text()
    if args.output is None:
        out.write(text)
        return EXIT_OK
    written = write_output(args.output, text, force=args.force, err=err)
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
    from ._authoring import starter_program
    from ._files import program_id_for

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
    # `init programs/x.yaml` in an empty folder makes programs/
    written = write_output(path, text, force=args.force, err=err)
    print(
        f"testerterms: wrote {shown_path(written)}; fill in the terms, then run "
        f"`testerterms validate {shown_path(written)}`",
        file=err,
    )
    return EXIT_OK


def _load_named(name: str) -> LoadedProgram:
    from .loading import load_program

    return load_program(name)


def _found_programs(names: Sequence[str]) -> list[Path | Problem]:
    """The program files of ``names`` (files, folders or bundled ids), found as ``score`` finds
    them, with a problem for a name that names nothing and for what the walk cannot use (a
    folder that cannot be listed is an error, a link out of a folder a warning)."""
    from ._files import bundled_hint, resolve_program, walk

    found: list[Path | Problem] = []
    for name in names:
        path = resolve_program(name)
        if not path.exists() and not path.is_symlink():
            hint = bundled_hint(name)
            found.append(
                Problem(name, 1, 1, f"no such file or folder, nor a bundled program{hint}")
            )
            continue
        found += walk([path])
    return found


def _load_many(
    names: Sequence[str], found: Sequence[Path | Problem], skipped: list[Problem]
) -> list[LoadedProgram]:
    """The programs :func:`_found_programs` found for ``names``. The problems go to
    ``skipped`` and the files that load are kept; with no program, raise."""
    from collections import Counter

    from .loading import load_found

    programs: list[LoadedProgram] = []
    problems: list[Problem] = []
    for file in found:
        if isinstance(file, Problem):
            problems.append(file)
            continue
        try:
            programs.append(load_found(file))
        except LoadError as exc:
            problems += exc.problems
    if problems and not programs:
        raise LoadError(problems)
    skipped += problems
    twice = sorted(i for i, n in Counter(p.id for p in programs).items() if n > 1)
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
    from .profiles import load_profile

    if args.samples < 0:
        raise UsageError("--samples must be 0 or more")
    profiles = [load_profile(p) for p in (args.profile or ["articles"])]
    ascii_only = args.ascii or _ascii_terminal(out)
    found = _found_programs(args.paths)
    cached = None
    if not args.no_cache and not any(isinstance(file, Problem) for file in found):
        options = (profiles, ascii_only, args.samples, args.seed)
        kind = "compare\0" + "\0".join(map(repr, options))
        cached = _PrintedCache.open(kind, args.format, args.paths, cast(list[Path], found))
    kept = cached.get(str) if cached is not None else None
    if kept is not None:  # the same files, profiles and options: nothing to load or score
        out.write(kept[0])
        return EXIT_OK
    from .advice import compare, render_comparison

    skipped: list[Problem] = []
    programs = _load_many(args.paths, found, skipped)
    _report(skipped, err)
    comparison = compare(programs, profiles, samples=args.samples, seed=args.seed)
    text = render_comparison(comparison, args.format, ascii_only=ascii_only)
    out.write(text)
    if cached is not None and not skipped:  # kept only where every file loaded, silently
        cached.put([text])
    return EXIT_USAGE if any(p.severity == "error" for p in skipped) else EXIT_OK


def cmd_suggest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._authoring import dump_program
    from ._files import program_id_for
    from ._output import check_outputs
    from .advice import render_suggestion, suggest
    from .advice._changes import PROPOSAL
    from .loading import parse_program, resolve_program
    from .profiles import load_profile

    source = resolve_program(args.path)
    program = _load_named(args.path)
    profile = load_profile(args.profile)
    reads: list[Readable] = [source, *_profile_files([profile])]
    if args.output is not None:  # said before the search and its output, not after them
        check_outputs([args.output], force=args.force, reads=reads)
    suggestion = suggest(program, profile, args.target)
    out.write(render_suggestion(suggestion, args.format))
    if args.output is None:
        return EXIT_OK
    target = Path(args.output)
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
    written = write_output(target, text, force=args.force, reads=reads, err=err)
    print(f"testerterms: wrote {shown_path(written)}", file=err)
    return EXIT_OK


def cmd_draft(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._output import check_outputs
    from .advice import draft
    from .loading import resolve_program
    from .profiles import load_profile
    from .render.proposal import SUFFIXES, write

    output = Path(args.output) if args.output is not None else None
    fmt = args.format or (SUFFIXES.get(output.suffix.lower()) if output else None) or "markdown"
    if fmt == "docx" and output is None:
        raise UsageError("a Word document is a file: give -o FILE.docx")
    new_only = [
        flag
        for flag, given in (
            ("--kind", args.kind),
            ("--set", args.settings),
            ("--settings", args.settings_file),
            ("--program", args.program),
            ("--name", args.name),
            ("--organization", args.organization),
        )
        if given
    ]
    profile = load_profile(args.profile)
    reads: list[Readable] = [
        *(resolve_program(n) for n in (args.path, args.against) if n is not None),
        *([args.settings_file] if args.settings_file is not None else []),
        *_profile_files([profile]),
    ]
    targets = [t for t in (output, Path(args.program) if args.program else None) if t]
    check_outputs(targets, force=args.force, reads=reads)  # before the work, not after it
    if args.new:
        if args.path is not None or args.against is not None:
            raise UsageError("--new drafts a program that does not exist yet: give no PATH")
        if not args.kind:
            raise UsageError("--new needs --kind (for example --kind creative-partner)")
        document, program_text = _draft_new(args, profile, output, err)
    else:
        if new_only:
            raise UsageError(f"{', '.join(new_only)} go with --new")
        if args.path is None:
            raise UsageError("give the program to draft a proposal for, or --new")
        against = _load_named(args.against) if args.against is not None else None
        document = draft(_load_named(args.path), profile, against=against, date=args.date)
        program_text = None
    text = write(document, fmt)
    outputs: list[tuple[str | Path, str | bytes]] = []
    if output is not None:
        outputs.append((output, text))
    if args.program is not None and program_text is not None:
        outputs.append((Path(args.program), program_text))
    if output is None:
        assert isinstance(text, str)
        out.write(text)
    for written in write_outputs(outputs, force=args.force, reads=reads, err=err):
        print(f"testerterms: wrote {shown_path(written)}", file=err)
    return EXIT_OK


def _draft_new(
    args: argparse.Namespace, profile: Profile, output: Path | None, err: TextIO
) -> tuple[Any, str | None]:
    from ._authoring import dump_program
    from ._files import program_id_for
    from .advice.agreement import draft_new, settings_from_file, settings_from_pairs
    from .loading import parse_program

    settings = settings_from_file(args.settings_file) if args.settings_file else {}
    settings.update(settings_from_pairs(args.settings))
    program_path = Path(args.program) if args.program else None
    agreement = draft_new(
        args.kind,
        profile,
        settings=settings,
        name=args.name,
        organization=args.organization,
        program_id=program_id_for(program_path.stem) if program_path else None,
        agreement_file=output.name if output else "model-agreement.md",
        date=args.date,
    )
    if agreement.shortfalls:
        codes = ", ".join(c.rule for c in agreement.shortfalls)
        grade = agreement.grade or "none"
        best = "" if agreement.grade == agreement.best_grade else f", not {agreement.best_grade}"
        print(
            f"testerterms: warning: the terms set fall short of {codes}; the agreement "
            f"grades {grade}{best}",
            file=err,
        )
    if program_path is None:
        return agreement, None
    text = dump_program(agreement.program)
    parse_program(text, str(program_path))  # the file must load as it is written
    return agreement, text


def cmd_diff(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._files import resolve_program
    from .profiles import load_profile

    paths = [resolve_program(name) for name in (args.old, args.new)]
    for name, path in zip((args.old, args.new), paths, strict=True):
        if path.is_dir():  # said before loading anything: a folder may hold thousands
            raise UsageError(f"diff compares two program files: {shown_path(name)} is a folder")
    profile = load_profile(args.profile)
    cached = None
    if not args.no_cache:
        cached = _PrintedCache.open(f"diff\0{profile!r}", args.format, paths, paths)
    found = cached.get(str, bool) if cached is not None else None
    if found is not None:  # the same two files, profile and options: nothing to load
        text, worse = found
    else:
        from .advice import diff, render_diff

        result = diff(_load_named(args.old), _load_named(args.new), profile)
        text, worse = render_diff(result, args.format), bool(result.worse)
        if cached is not None:
            cached.put([text, worse])
    out.write(text)
    if args.fail_if_worse and worse:
        print(f"testerterms: {args.new} is worse than {args.old}", file=err)
        return EXIT_FAILED
    return EXIT_OK


class _PrintedCache:
    """What a command printed for a set of files (``diff``'s two, ``compare``'s every one),
    kept in the cache (:mod:`._cache`) under every file's bytes and path, in order, the
    format and the width a table is fitted to, and ``kind``: the command with everything else
    its output depends on (the whole profile, the options). The same files a second time are
    printed without loading or scoring them, as a second ``score`` of a file is."""

    MAX_CHARACTERS: Final = 4_000_000
    """A longer output is not kept (``compare --format json`` of about 1,500 programs):
    printing it afresh costs seconds of loading and scoring, and its copy would fill the
    disk."""

    def __init__(self, cache: Cache, files: list[Any], printed: Any) -> None:
        self.cache, self.files, self.printed = cache, files, printed

    @classmethod
    def open(
        cls, kind: str, fmt: str, given: Sequence[str | Path], files: Sequence[Path]
    ) -> _PrintedCache | None:
        """The cache of a run in format ``fmt`` over the paths ``given``, that read ``files``;
        None where it cannot be used (no cache folder, a file that is not a plain file or is
        too big)."""
        from ._cache import Cache
        from .render._width import terminal_width

        width = terminal_width() if fmt == "table" else 0
        cache = Cache.open(f"{kind}\0{fmt}\0{width}", given)
        if cache is None:
            return None
        slots = [cache.slot(path) for path in files]
        if any(slot is None for slot in slots):
            return None
        keys = "\0".join(slot.key for slot in slots if slot is not None)
        return cls(cache, slots, cache.text_slot("", keys.encode()))

    def get(self, *shape: type) -> list[Any] | None:
        """What the same files printed, as :meth:`put` kept it (values of the types of
        ``shape``), or None."""
        kept = self.cache.get(self.printed)
        if not isinstance(kept, list) or len(kept) != len(shape):
            return None
        return kept if all(map(isinstance, kept, shape)) else None

    def put(self, printed: list[Any]) -> None:
        """Keep what was printed, if no file changed since its bytes were read."""
        if sum(len(value) for value in printed if isinstance(value, str)) > self.MAX_CHARACTERS:
            return
        if all(self.cache.unchanged(slot) for slot in self.files):
            self.cache.put(self.printed, printed)
            self.cache.save()


def cmd_ask(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._output import check_outputs
    from .advice.questionnaire import AnswersStopped, run_questionnaire
    from .profiles import load_profile
    from .render._width import terminal_width, wrap_lines

    path = Path(args.file)
    profile = load_profile(args.profile)  # a profile that cannot be used stops it before asking
    # The answers may come from files (`< answers.txt`, `--answers`): never write over them.
    reads: list[Readable] = [
        *_profile_files([profile]),
        *_file_descriptor(sys.stdin),
        *([args.answers] if args.answers is not None else []),
    ]
    check_outputs([path], force=args.force, reads=reads)  # before the questions, not after
    with contextlib.ExitStack() as opened:
        reader = _answer_reader(args.answers, opened)

        def write(text: str) -> None:  # the questions fit the terminal, as every text output
            out.write(wrap_lines(text, terminal_width()))
            out.flush()

        from ._files import program_id_for

        try:
            data = run_questionnaire(reader, write, program_id=program_id_for(path.stem))
        except AnswersStopped as exc:
            out.write("\n")
            _report(exc.problems, err)
            _keep_answers(path, reader.accepted, err, why=f"{shown_path(path)} was not written")
            return EXIT_USAGE
        except KeyboardInterrupt:
            out.write("\n")
            _keep_answers(path, reader.accepted, err, why=f"{shown_path(path)} was not written")
            raise
    if reader.ended and path.exists():
        print(
            f"testerterms: error: the answers ended before the last question: "
            f"{shown_path(path)} is not replaced by a program with terms left out",
            file=err,
        )
        _keep_answers(path, reader.accepted, err, why="")
        return EXIT_USAGE
    try:
        return _write_answered(args, path, profile, data, reads, out, err)
    except (TesterTermsError, OSError):
        _keep_answers(path, reader.accepted, err, why="")
        raise


def _answer_reader(answers: str | None, opened: contextlib.ExitStack) -> AnswerReader:
    """The answers ``ask`` reads: the ``--answers`` file first, then standard input's bytes
    (a person answers when it is a terminal)."""
    from .advice.questionnaire import AnswerReader

    stdin = getattr(sys.stdin, "buffer", None)  # None: closed (<&-), or not a real stream
    if stdin is None:
        stdin = opened.enter_context(open(os.devnull, "rb"))  # noqa: SIM115 - the stack closes it
    at_terminal = stdin.isatty()
    reader = AnswerReader()
    if answers is not None:
        try:
            stream = opened.enter_context(open(answers, "rb"))  # noqa: SIM115 - as above
        except OSError as exc:
            raise UsageError(f"--answers {answers}: {exc.strerror or exc}") from None
        reader.add(stream, answers, echo=at_terminal)
    return reader.add(stdin, "<stdin>", interactive=at_terminal)


def _write_answered(
    args: argparse.Namespace,
    path: Path,
    profile: Profile,
    data: dict[str, Any],
    reads: Sequence[Readable],
    out: TextIO,
    err: TextIO,
) -> int:
    cache = None if args.no_cache else _AskCache.open(path, profile, data)
    kept = cache.get() if cache is not None else None
    if kept is not None:  # the same answers, profile and width: nothing to validate or score
        text, table = kept
    else:
        from ._authoring import dump_program
        from .advice.questionnaire import program_from_answers
        from .loading import parse_program
        from .render.text import TableReporter  # not REPORTERS: that imports every reporter

        program = program_from_answers(data)
        text = dump_program(program)
        parse_program(text, str(path))
        table = TableReporter(profile).render([(program, score_program(program, profile))])
    written = write_output(path, text, force=args.force, reads=reads, err=err)
    if cache is not None and kept is None:
        cache.put(text, table)
    out.write("\n\n")
    out.write(table)
    print(
        f"testerterms: wrote {shown_path(written)}; `testerterms score "
        f"{shown_path(written)} --details` explains it",
        file=err,
    )
    return EXIT_OK


class _AskCache:
    """What ``ask`` wrote and printed for a set of answers, kept in the cache (:mod:`._cache`)
    under the answers, the file's path, the whole profile and the width the table fits: the
    same answers again are written and scored without validating or scoring them, as a
    second ``score`` of a file is."""

    def __init__(self, cache: Cache, slot: Any) -> None:
        self.cache, self.slot = cache, slot

    @classmethod
    def open(cls, path: Path, profile: Profile, data: dict[str, Any]) -> _AskCache | None:
        import json

        from ._cache import Cache
        from .render._width import terminal_width

        cache = Cache.open(f"ask\0{profile!r}\0{terminal_width()}", [path])
        if cache is None:
            return None
        answers = json.dumps(data, sort_keys=True, ensure_ascii=False)
        return cls(cache, cache.text_slot(os.fspath(path), answers.encode()))

    def get(self) -> tuple[str, str] | None:
        kept = self.cache.get(self.slot)
        if not isinstance(kept, list) or len(kept) != 2:
            return None
        return str(kept[0]), str(kept[1])

    def put(self, text: str, table: str) -> None:
        self.cache.put(self.slot, [text, table])
        self.cache.save()


def _keep_answers(path: Path, accepted: Sequence[str], err: TextIO, *, why: str) -> None:
    """Keep the answers given so far in a new answers file beside ``path`` (never over a
    file), and say how to go on from them."""
    from ._output import write_file
    from .advice.questionnaire import answers_text

    lead = f"testerterms: {why}; " if why else "testerterms: "
    if not accepted:
        print(f"{lead}no answer was given", file=err)
        return
    text = answers_text(accepted)
    for number in range(1, 100):
        suffix = ".answers.txt" if number == 1 else f".answers-{number}.txt"
        kept = path.with_name(os.fsdecode(os.fsencode(path.stem)[:200]) + suffix)  # bytes
        if kept.exists() or kept.is_symlink():
            continue
        try:
            write_file(kept, text)
        except (TesterTermsError, OSError):
            continue
        print(
            f"{lead}the {len(accepted)} answers given so far are kept in {shown_path(kept)}; "
            f"`testerterms ask {shown_path(path)} --answers {shown_path(kept)}` goes on "
            "from there",
            file=err,
        )
        return
    print(f"{lead}the answers given so far could not be kept", file=err)


def _file_descriptor(stream: TextIO | None) -> list[int]:
    """The file descriptor of a stream, if it has one."""
    try:
        return [] if stream is None else [stream.fileno()]
    except (OSError, ValueError, AttributeError):
        return []


def cmd_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .extract._command import run_extract

    return run_extract(args, out, err, write_output)


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
        # argparse prints help, --version and usage errors to sys.stdout and sys.stderr and
        # ignores a write that fails: through ``out`` and ``err`` a full disk is reported.
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
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
