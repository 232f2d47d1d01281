"""``testerterms extract``: the command over the library (the CLI registers it and calls
:func:`run_extract`)."""

from __future__ import annotations

import argparse
import contextlib
import sys
import urllib.parse
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import TextIO, get_args

from .._escape import path as shown
from ..errors import LoadError, UsageError
from . import example_agreement
from ._core import SPOTTERS, read_text
from ._program import (
    DEFAULT_ORGANIZATION,
    Head,
    details_text,
    draft_program,
    extraction_json,
    program_yaml,
    terms_json,
    terms_text,
)
from ._readers import Document, read_source

Writer = Callable[[Path, str, bool], Path]


def run_extract(
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    write: Callable[..., Path],
) -> int:
    """Run ``extract`` with parsed ``args``; ``write(path, text, force=...)`` writes a file
    the way every command does."""
    if args.example:
        out.write(example_agreement())
        return 0
    if args.terms:
        out.write(terms_json() if args.format == "json" else terms_text())
        return 0
    sources: list[str] = args.sources
    if not sources:
        raise UsageError(
            "give the agreement to read: a file, - for standard input, or a URL "
            "(or --terms, --example)"
        )
    _check_head(args, len(sources))
    folder = _output_folder(args, len(sources))
    failed = False
    taken: dict[Path, str] = {}  # the files this run writes, and the source each is from
    for source in sources:
        try:
            _one(source, args, out, err, write, folder, taken)
        except (UsageError, LoadError) as exc:
            failed = True
            problems = exc.problems if isinstance(exc, LoadError) else None
            if problems:
                for problem in problems:
                    print(problem, file=err)
            else:
                print(f"testerterms: error: {exc}", file=err)
    return 2 if failed else 0


def _check_head(args: argparse.Namespace, count: int) -> None:
    from .._files import program_id_for
    from ..model import Kind

    if count > 1 and (args.id or args.name):
        raise UsageError("--id and --name name one program: give them with one SOURCE")
    if args.id is not None and args.id != program_id_for(args.id):
        raise UsageError(
            f"--id {args.id!r} must be lower-case letters, digits and dashes "
            f"(like {program_id_for(args.id)})"
        )
    kinds = get_args(Kind)
    if args.kind is not None and args.kind not in kinds:
        raise UsageError(f"--kind {args.kind!r} is not one of: {', '.join(kinds)}")
    if sources_stdin_twice(args.sources):
        raise UsageError("- (standard input) can be read once")


def sources_stdin_twice(sources: list[str]) -> bool:
    return sources.count("-") > 1


def _output_folder(args: argparse.Namespace, count: int) -> Path | None:
    """The folder to write one file per source into, or None (one FILE, or stdout)."""
    output = args.output
    if output is None:
        if count > 1 and args.format == "yaml" and not args.details:
            raise UsageError("several SOURCEs: give -o DIR to write one program each")
        return None
    target = Path(output)
    if target.is_dir():
        return target
    if count > 1:
        if target.exists():
            raise UsageError(f"-o {shown(output)}: with several SOURCEs, -o names a folder")
        try:
            target.mkdir(parents=True)
        except OSError as exc:
            raise UsageError(f"cannot create the folder {shown(output)}: {exc.strerror}") from None
        return target
    return None


def _one(
    source: str,
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    write: Callable[..., Path],
    folder: Path | None,
    taken: dict[Path, str],
) -> None:
    stdin = getattr(sys.stdin, "buffer", None) if source == "-" else None
    document = read_source(source, stdin=stdin, timeout=args.timeout)
    extraction = read_text(document.text)
    suffix = ".json" if args.format == "json" else ".yaml"
    program_id = _free_id(document, folder, suffix, taken, err)
    if args.details:
        out.write(details_text(extraction, document))
    if args.format == "json":
        text = extraction_json(extraction, document)
    else:
        head = _head(args, document, program_id)
        program = draft_program(extraction, head)
        text = program_yaml(program, document)
        from ..loading import parse_program

        parse_program(text, head.program_id + suffix)  # the file must load as it is written
    target = _target(args, folder, suffix, program_id)
    if target is None:
        if not args.details:
            out.write(text)
        return
    if document.path is not None and source != "-":
        given = Path(source)
        if target.exists() and target.resolve() == given.resolve():
            raise UsageError(f"{shown(target)} is the agreement read: write to another file")
    reads: list[str | int] = []
    if document.path is not None and source != "-":
        reads.append(source)
    elif source == "-" and stdin is not None:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            reads.append(stdin.fileno())  # `extract - -o x < x` must not write over its input
    written = write(target, text, force=args.force, reads=reads, err=err)
    taken[target] = document.name
    found = len(extraction.values)
    print(
        f"testerterms: wrote {shown(written)} ({found} of {len(SPOTTERS)} terms proposed "
        f"from {shown(document.name)}; check them with --details)",
        file=err,
    )
    if args.format == "yaml" and args.organization is None:
        print(
            f"testerterms: {shown(written)}: organization is {DEFAULT_ORGANIZATION!r}; "
            "set it in the file",
            file=err,
        )


def _free_id(
    document: Document, folder: Path | None, suffix: str, taken: dict[Path, str], err: TextIO
) -> str:
    """The program id (and file name) from the source's name; in a folder, one that no
    earlier source of this run was written to, with -2, -3... added (said on ``err``)."""
    from .._files import program_id_for

    program_id = program_id_for(_stem(document))
    if folder is None or folder / (program_id + suffix) not in taken:
        return program_id
    first = taken[folder / (program_id + suffix)]
    number = 2
    while folder / f"{program_id}-{number}{suffix}" in taken:
        number += 1
    free = f"{program_id}-{number}"
    print(
        f"testerterms: {shown(document.name)} and {shown(first)} both have the name "
        f"{program_id!r}: {shown(document.name)} is written as {shown(folder / (free + suffix))}",
        file=err,
    )
    return free


def _head(args: argparse.Namespace, document: Document, stem_id: str) -> Head:
    from .._files import program_id_for

    program_id = args.id or (
        program_id_for(Path(args.output).stem)
        if args.output and not Path(args.output).is_dir() and len(args.sources) == 1
        else stem_id
    )
    return Head(
        program_id=program_id,
        name=args.name,
        organization=args.organization,
        kind=args.kind,
        url=args.url or document.url,
        source_title=document.title or _display_name(document),
        source_path=document.path,
    )


def _stem(document: Document) -> str:
    if document.url:
        tail = PurePosixPath(urllib.parse.urlparse(document.url).path).stem
        return tail or urllib.parse.urlparse(document.url).hostname or "agreement"
    if document.name == "-":
        return "agreement"
    return Path(document.name).stem


def _display_name(document: Document) -> str:
    if document.name == "-":
        return "The agreement read from standard input"
    return f"The agreement in {document.path or document.name}"


def _target(
    args: argparse.Namespace, folder: Path | None, suffix: str, program_id: str
) -> Path | None:
    if folder is not None:
        return folder / (program_id + suffix)
    if args.output is None:
        return None
    return Path(args.output)
