"""``score`` on every core: files are loaded and scored in worker processes, in order.

The parent hands out the files in chunks, keeps a bounded number of chunks in flight (so
memory does not grow with the number of files), and takes the results back in the order of
the files, so the output is byte for byte what one process writes, a bad file's problems
included, at its place in the order.

Workers are forked (Linux): they start with the parent's loaded modules, profile, reporter
and gate, so nothing is imported or pickled to start them. Where processes cannot be forked,
the files are scored in one process.

What crosses back from a worker is what the parent needs and no more. JSON Lines holds each
program on a line of its own, with nothing before or after, so for ``jsonl`` the worker writes
the line and sends the text: sending the program costs about as much as loading it again.
Every other format is written by the parent's reporter, from the programs and scorecards the
workers send, pickled.
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
"""Files a worker takes at a time: fewer round trips, and results still come back steadily."""
IN_FLIGHT_PER_WORKER: Final = 4
"""Chunks handed out ahead of the one being written, per worker (bounds memory)."""


def available_cores() -> int:
    """The processors this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@dataclass(frozen=True)
class Result:
    """One file's outcome, in the parent: its problems, or its id and score and output."""

    path: Path
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()
    """What the gate said of the scorecard (``--fail-under``)."""
    left_out: bool = False
    """Loaded, but left out by ``keep``: not scored, not written."""
    text: str = ""
    """The program's line (``jsonl``, written in the worker)."""
    scored: bytes = b""
    """The pickled (program, scorecard) pair (every other format)."""


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
    # A LoadError does not pickle: what the walk could not use goes as its problems.
    items = (
        f.problems if isinstance(f, LoadError) else (f,) if isinstance(f, Problem) else f
        for f in found
    )

    def results() -> Iterator[Result]:
        chunks = iter(lambda: list(itertools.islice(items, CHUNK)), [])
        context = multiprocessing.get_context("fork")  # the gate is a closure: not pickled
        pool = ProcessPoolExecutor(
            jobs,
            mp_context=context,
            initializer=_start,
            initargs=(profile, reporter, gate, keep, lines),
        )
        pending: deque[Future[list[Result]]] = deque()
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
                following: list[Path | tuple[Problem, ...]] | None = next(chunks, None)
                if following is not None:
                    pending.append(pool.submit(_work, following))
                yield from done
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def reported() -> Iterator[Result]:
        for result in results():
            if result.problems:
                on_error(LoadError(list(result.problems)))
                continue
            if result.left_out:
                on_scored(None)
                continue
            on_scored(result.notes)
            yield result

    if lines:
        return (result.text for result in reported())
    return _rendered(reporter, (pickle.loads(result.scored) for result in reported()))


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


def _work(items: list[Path | tuple[Problem, ...]]) -> list[Result]:
    from .loading import load_program
    from .scoring import score

    assert _profile is not None and _reporter is not None and _gate is not None
    results = []
    for path in items:
        if isinstance(path, tuple):
            results.append(Result(Path(path[0].path), problems=path))
            continue
        try:
            program = load_program(path)
        except LoadError as exc:
            results.append(Result(path, problems=exc.problems))
            continue
        if _keep is not None and not _keep(program):
            results.append(Result(path, left_out=True))
            continue
        card = score(program, _profile)
        if _lines:
            text = "".join(_reporter.stream([(program, card)]))
            results.append(Result(path, notes=_gate(card), text=text))
        else:
            pair = pickle.dumps((program, card), protocol=pickle.HIGHEST_PROTOCOL)
            results.append(Result(path, notes=_gate(card), scored=pair))
    return results
