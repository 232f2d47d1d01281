"""Checking program files, file by file, and reporting what is wrong in three formats.

:func:`validate_paths` is the core: it never prints. The reporters in :data:`REPORTERS`
(keyed by the ``--format`` names) turn its results into text; the CLI picks one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TextIO

from ._escape import github_data, github_property, json_dumps, json_path
from ._escape import path as shown_path
from ._files import walk
from ._version import __version__
from .errors import LoadError, Problem

if TYPE_CHECKING:
    from ._cache import Cache


@dataclass(frozen=True)
class FileReport:
    """What validating one file found."""

    path: str
    errors: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.errors


@dataclass
class Summary:
    """Counts over every file validated.

    ``unusable`` lists the paths given that name nothing to validate (no such path, or a
    folder without program files): those are usage errors, not invalid files.
    """

    files: int = 0
    invalid: int = 0
    errors: int = 0
    warnings: int = 0
    unusable: list[str] = field(default_factory=list)

    def add(self, report: FileReport) -> None:
        self.files += 1
        self.invalid += not report.valid
        self.errors += len(report.errors)
        self.warnings += len(report.warnings)


def validate_file(path: str | Path) -> FileReport:
    """Load one program file; every error and warning it has, located."""
    from .loading import load_program_with_warnings  # here: a cached report loads no model

    try:
        _, warnings = load_program_with_warnings(path)
    except LoadError as exc:
        return FileReport(str(path), errors=exc.problems)
    return FileReport(str(path), warnings=tuple(warnings))


def validate_paths(
    paths: Iterable[str | Path], summary: Summary, cache: Cache | None = None
) -> Iterator[FileReport]:
    """Validate each file, and each ``*.yaml``/``*.yml`` file below each folder, in turn.

    A path that names nothing to validate is recorded in ``summary.unusable`` and yields
    a report of its own, so it is shown where it was given; the others are still validated.
    What a folder walk cannot use (a subfolder that cannot be listed) is an invalid entry;
    what it skips (a link out of the folder) is a warning. With ``cache``, a file's report
    is taken from it where it holds one, and kept there where it does not.
    """
    for given in paths:
        found = 0
        reason = "no program files (*.yaml, *.yml) in this folder"
        for entry in walk(given):
            if isinstance(entry, Path):
                found += 1
                report = validate_file(entry) if cache is None else _cached(entry, cache)
            elif entry.severity == "warning":
                report = FileReport(entry.path, warnings=(entry,))
            elif entry.path == os.fspath(given) and not found:
                reason = entry.message  # the path given names nothing: reported below
                break
            else:
                report = FileReport(entry.path, errors=(entry,))
            summary.add(report)
            yield report
        if not found:
            summary.unusable.append(os.fspath(given))
            yield FileReport(os.fspath(given), errors=(Problem(os.fspath(given), 1, 1, reason),))


def _cached(path: Path, cache: Cache) -> FileReport:
    """The file's report from the cache, or validated and kept there."""
    slot = cache.slot(path)
    if slot is not None:
        kept = _report_from(cache.get(slot), str(path))
        if kept is not None:
            return kept
    report = validate_file(path)
    if slot is not None:
        kinds = (report.errors, report.warnings)
        cache.put(slot, [[astuple(problem) for problem in kind] for kind in kinds])
    return report


def _report_from(value: Any, path: str) -> FileReport | None:
    """A report from what the cache kept (its errors, then its warnings, each problem as its
    fields); None for a value not of that shape."""
    try:
        errors, warnings = ([Problem(*fields) for fields in kind] for kind in value)
    except (TypeError, ValueError):
        return None
    return FileReport(path, errors=tuple(errors), warnings=tuple(warnings))


class Reporter:
    """Writes reports as files are validated, then a summary."""

    format: ClassVar[str]

    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out = out
        self.err = err

    def file(self, report: FileReport) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        raise NotImplementedError


def _summary_line(summary: Summary) -> str:
    files = f"{summary.files} file{'s' if summary.files != 1 else ''}"
    if summary.invalid:
        verdict = f"{summary.invalid} of {files} invalid ({_count(summary.errors, 'error')})"
    else:
        verdict = f"{files} valid"
    if summary.warnings:
        verdict += f", {_count(summary.warnings, 'warning')}"
    if summary.unusable:
        verdict += f"; nothing to validate at: {', '.join(map(shown_path, summary.unusable))}"
    return f"testerterms: {verdict}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


class TextReporter(Reporter):
    """``path:line:col: error: message`` lines on stderr, as compilers write them."""

    format = "text"

    def file(self, report: FileReport) -> None:
        for problem in (*report.errors, *report.warnings):
            print(problem, file=self.err)

    def finish(self, summary: Summary) -> None:
        print(_summary_line(summary), file=self.err)


class GithubReporter(Reporter):
    """GitHub Actions workflow commands: an annotation on the line of each problem."""

    format = "github"

    def file(self, report: FileReport) -> None:
        for problem in (*report.errors, *report.warnings):
            print(github_annotation(problem), file=self.out)

    def finish(self, summary: Summary) -> None:
        print(_summary_line(summary), file=self.err)


class JsonReporter(Reporter):
    """One JSON object on stdout once every file is validated."""

    format = "json"

    def __init__(self, out: TextIO, err: TextIO) -> None:
        super().__init__(out, err)
        self.files: list[FileReport] = []

    def file(self, report: FileReport) -> None:
        self.files.append(report)

    def finish(self, summary: Summary) -> None:
        document = {
            "tool_version": __version__,
            "valid": summary.invalid == 0 and not summary.unusable,
            "summary": {
                "files": summary.files,
                "invalid": summary.invalid,
                "errors": summary.errors,
                "warnings": summary.warnings,
                "unusable": [json_path(p) for p in summary.unusable],
            },
            "files": [
                {
                    "path": json_path(report.path),
                    "valid": report.valid,
                    "errors": [_problem_json(p) for p in report.errors],
                    "warnings": [_problem_json(p) for p in report.warnings],
                }
                for report in self.files
            ],
        }
        self.out.write(json_dumps(document, indent=2) + "\n")


def _problem_json(problem: Problem) -> dict[str, object]:
    return {"line": problem.line, "col": problem.col, "message": problem.message}


def github_annotation(problem: Problem) -> str:
    """``::error file=...,line=...,col=...::message``, escaped as GitHub requires."""
    properties = ",".join(
        f"{name}={github_property(value)}"
        for name, value in (
            ("file", problem.path),
            ("line", problem.line),
            ("col", problem.col),
            ("title", "testerterms"),
        )
    )
    return f"::{problem.severity} {properties}::{github_data(problem.message)}"


REPORTERS: dict[str, type[Reporter]] = {
    reporter.format: reporter for reporter in (TextReporter, JsonReporter, GithubReporter)
}
