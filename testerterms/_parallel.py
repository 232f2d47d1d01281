"""``score`` on every core: files are loaded and scored in worker processes, in order.

The parent hands out the files in chunks, keeps a bounded number of chunks in flight (so
memory does not grow with the number of files), and takes the results back in the order of
the files, so the output is byte for byte what one process writes, a bad file's problems
included, at its place in the order.

Workers are forked (Linux): they start with the parent's loaded modules, profile, reporter
and gate, so nothing is imported or pickled to start them. Where processes cannot be forked,
the files are scored in one process.

What crosses between the processes is what the other side needs and no more: a chunk goes
out as the paths' text, and comes back as a few :class:`Piece` objects, one for each run of
files that loaded (and one for each file that did not), not one object per file. JSON Lines
holds each program on a line of its own, with nothing before or after, so for ``jsonl`` the
worker writes the lines and sends their text: sending the program costs about as much as
loading it again. Every other format is written by the parent's reporter, from the programs
and scorecards the workers send, pickled.
"""

from __future__ import annotations

import itertools
import os
import pickle
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from .errors import LoadError, Problem, TesterTermsError

if TYPE_CHECKING:
    from concurrent.futures import Future

    from .loading import ProgramFile
    from .model import Program
    from .profiles import Profile
    from .render import Reporter, Scored
    from .scoring import Scorecard

PARALLEL_FROM: Final = 200
"""With ``--jobs`` left to choose, fewer files than this are scored in one process: starting
workers costs more than they save on a handful of files."""
CHUNK: Final = 16
"""Files a worker takes at a time (about 15 ms of work): a round trip between the processes
costs a fraction of a millisecond, and results still come back steadily. Twice as many cost
the parent about a megabyte more (it holds what the chunks in flight send back)."""
IN_FLIGHT_PER_WORKER: Final = 4
"""Chunks handed out ahead of the one being written, per worker (bounds memory)."""


def available_cores() -> int:
    """The processors this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class Piece:
    """What a worker sends back for a run of files of one chunk that loaded (``marks``), or
    for one file that did not (``problems``), in the order of the files."""

    marks: tuple[tuple[str, ...] | None, ...] = ()
    """For each file of the run: what the gate said of its scorecard (``--fail-under``), or
    None for a program ``keep`` left out (loaded, but not scored and not written)."""
    lines: tuple[str, ...] = ()
    """The line of each program of the run (``jsonl``, written in the worker). Sent and
    written one by one, not joined: a string of a whole chunk, made and dropped chunk after
    chunk, grows the parent's heap (the allocator cannot reuse the space it leaves)."""
    scored: tuple[bytes, ...] = ()
    """The pickled (program, scorecard) pair of each program scored (every other format)."""
    problems: tuple[Problem, ...] = ()
    """Why one file did not load, or why the walk could not use a path."""


Found = Path | Problem | LoadError
"""What the folder walk gives: a program file, or a path it could not use (its problem)."""
OnError = Callable[[LoadError], None]
Gate = Callable[["Scorecard"], "tuple[str, ...]"]
"""Notes on one scorecard (a program below ``--fail-under``); run where it was scored."""
OnScored = Callable[["tuple[str, ...] | None"], None]
"""Called with the gate's notes on each program scored, or None for one ``keep`` left out."""
Keep = Callable[["Program"], bool]
"""Whether a loaded program is scored and written (``--no-examples`` leaves some out)."""


def render_scores(
    found: Iterable[Found],
    profile: Profile,
    reporter: Reporter,
    *,
    jobs: int | None,
    gate: Gate,
    on_error: OnError,
    on_scored: OnScored,
    keep: Keep | None = None,
    located: list[ProgramFile] | None = None,
) -> Iterator[str]:
    """The reporter's output for the files ``found``, in pieces; ``jobs=None`` chooses.

    ``on_error`` is called with each file that does not load (and each :class:`LoadError`
    found in place of a file), ``on_scored`` with what ``gate`` said of each program's
    scorecard (or None for a program ``keep`` leaves out), in the order of the files and
    before the text of the programs that follow. Nothing scored, no text.

    A reporter that reads where each program's keys stand (``needs_files``: SARIF) gets
    them in ``located``, one per program written; it is written from one process.
    """
    found = iter(found)
    if sys.platform != "linux" or getattr(reporter, "needs_files", False):
        jobs = 1
    elif jobs is None:
        ahead = list(itertools.islice(found, PARALLEL_FROM))
        jobs = available_cores() if len(ahead) == PARALLEL_FROM else 1
        found = itertools.chain(ahead, found)
    if jobs <= 1:
        if not getattr(reporter, "needs_files", False):
            located = None
        scored = _scored_here(found, profile, gate, on_error, on_scored, keep, located)
        return _rendered(reporter, scored)
    return _render_in_workers(found, profile, reporter, jobs, gate, on_error, on_scored, keep)


def _scored_here(
    found: Iterable[Found],
    profile: Profile,
    gate: Gate,
    on_error: OnError,
    on_scored: OnScored,
    keep: Keep | None,
    located: list[ProgramFile] | None,
) -> Iterator[Scored]:
    from .loading import load_located, load_program
    from .scoring import score

    for path in found:
        if isinstance(path, (Problem, LoadError)):
            on_error(path if isinstance(path, LoadError) else LoadError([path]))
            continue
        try:
            if located is None:
                program = load_program(path)
            else:
                where, program = load_located(path)
        except LoadError as exc:
            on_error(exc)
            continue
        if keep is not None and not keep(program):
            on_scored(None)
            continue
        card = score(program, profile)
        on_scored(gate(card))
        if located is not None:
            located.append(where)
        yield program, card


def _rendered(reporter: Reporter, scored: Iterable[Scored]) -> Iterator[str]:
    scored = iter(scored)
    first = next(scored, None)
    if first is None:
        return
    everything = itertools.chain([first], scored)
    if reporter.streams:
        yield from reporter.stream(everything)
    else:
        yield reporter.render(list(everything))


def _lines_in_workers(reporter: Reporter) -> bool:
    from .render import JsonLinesReporter

    return type(reporter) is JsonLinesReporter


def _render_in_workers(
    found: Iterable[Found],
    profile: Profile,
    reporter: Reporter,
    jobs: int,
    gate: Gate,
    on_error: OnError,
    on_scored: OnScored,
    keep: Keep | None,
) -> Iterator[str]:
    import multiprocessing  # here: one process needs neither
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    lines = _lines_in_workers(reporter)
    # A LoadError does not pickle: what the walk could not use goes as its problems. A path
    # goes as its text, which pickles in a fraction of the bytes and time of a Path.
    items = (
        f.problems if isinstance(f, LoadError) else (f,) if isinstance(f, Problem) else str(f)
        for f in found
    )

    def results() -> Iterator[Piece]:
        chunks = iter(lambda: list(itertools.islice(items, CHUNK)), [])
        context = multiprocessing.get_context("fork")  # the gate is a closure: not pickled
        pool = ProcessPoolExecutor(
            jobs,
            mp_context=context,
            initializer=_start,
            initargs=(profile, reporter, gate, keep, lines),
        )
        pending: deque[Future[list[Piece]]] = deque()
        try:
            for chunk in itertools.islice(chunks, jobs * IN_FLIGHT_PER_WORKER):
                pending.append(pool.submit(_work, chunk))
            while pending:
                try:
                    done = pending.popleft().result()
                except BrokenProcessPool:
                    raise TesterTermsError(
                        "a worker process stopped before it finished (out of memory?); try --jobs 1"
                    ) from None
                following: list[str | tuple[Problem, ...]] | None = next(chunks, None)
                if following is not None:
                    pending.append(pool.submit(_work, following))
                yield from done
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def reported() -> Iterator[Piece]:
        for piece in results():
            if piece.problems:
                on_error(LoadError(list(piece.problems)))
                continue
            for notes in piece.marks:
                on_scored(notes)
            yield piece

    if lines:
        return (line for piece in reported() for line in piece.lines)
    scored = (pickle.loads(pair) for piece in reported() for pair in piece.scored)
    return _rendered(reporter, scored)


# --- in a worker ---------------------------------------------------------------------------

_profile: Profile | None = None
_reporter: Reporter | None = None
_gate: Gate | None = None
_keep: Keep | None = None
_lines = False


def _start(
    profile: Profile, reporter: Reporter, gate: Gate, keep: Keep | None, lines: bool
) -> None:
    global _profile, _reporter, _gate, _keep, _lines
    _profile, _reporter, _gate, _keep, _lines = profile, reporter, gate, keep, lines
    # Ctrl-C reaches every process of the terminal's group: the parent stops the work and
    # says so once; a worker finishes its chunk quietly rather than print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work(items: list[str | tuple[Problem, ...]]) -> list[Piece]:
    """Load and score a chunk of files: a :class:`Piece` for each run of files that loaded,
    and one for each file that did not."""
    from .loading import load_found
    from .scoring import score

    assert _profile is not None and _reporter is not None and _gate is not None
    pieces: list[Piece] = []
    marks: list[tuple[str, ...] | None] = []
    texts: list[str] = []
    scored: list[bytes] = []

    def run_ends() -> None:
        if marks:
            pieces.append(Piece(tuple(marks), tuple(texts), tuple(scored)))
            marks.clear()
            texts.clear()
            scored.clear()

    for path in items:
        if isinstance(path, tuple):
            run_ends()
            pieces.append(Piece(problems=path))
            continue
        try:
            program = load_found(path)
        except LoadError as exc:
            run_ends()
            pieces.append(Piece(problems=tuple(exc.problems)))
            continue
        if _keep is not None and not _keep(program):
            marks.append(None)
            continue
        card = score(program, _profile)
        marks.append(_gate(card))
        if _lines:
            texts.extend(_reporter.stream([(program, card)]))
        else:
            scored.append(pickle.dumps((program, card), protocol=pickle.HIGHEST_PROTOCOL))
    run_ends()
    return pieces
