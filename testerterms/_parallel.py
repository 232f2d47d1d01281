"""``score`` on every core, or from the cache: each program's piece of output is made where the
program is scored, and the parent puts the pieces together in the order of the files.

A reporter that splits (every format but SARIF, which reads where each key stands) writes a
program as a piece of JSON data (:meth:`~testerterms.render.Reporter.piece`: a table row, a
JSON entry, a CSV row) and puts the pieces together (``assemble``). So the work per program
(loading, scoring, writing its text) is done in the worker that loads it, and what crosses
between the processes is the piece, text mostly: never the program and its scorecard, whose
pickling and unpickling cost more than two workers saved. The output is byte for byte what one
process writes, a bad file's problems included, at its place in the order.

Runs of fewer than :data:`PARALLEL_FROM` files are scored in one process, and there each
program's piece is kept in the cache (:mod:`._cache`) with what ``--fail-under`` reads: a
second run over the same files reads them and the cache, and loads no program model.

Workers are forked (Linux): they start with the parent's loaded modules (the loader and the
scorer are imported before they are forked), profile, reporter and gate, so nothing is imported
or pickled to start them. Where processes cannot be forked, the files are scored in one process.
Workers end with their parent: when it is interrupted or stops early they are killed at once (not
waited for: a worker may be deep in a hostile file), and the kernel kills them when the parent
dies (``PR_SET_PDEATHSIG``).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from .errors import LoadError, Problem, TesterTermsError

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from ._cache import Cache
    from .loading import ProgramFile
    from .model import Program
    from .profiles import Profile
    from .render import Reporter, Scored
    from .render._base import Piece
    from .scoring import Scorecard

PARALLEL_FROM: Final = 200
"""With ``--jobs`` left to choose, fewer files than this are scored in one process: starting
workers costs more than they save on a handful of files. The same runs use the cache
(:data:`._cache.FEWER_THAN`)."""
CHUNK: Final = 16
"""Files a worker takes at a time (about 15 ms of work): a round trip between the processes
costs a fraction of a millisecond, and results still come back steadily. Twice as many cost
the parent about a megabyte more (it holds what the chunks in flight send back)."""
IN_FLIGHT_PER_WORKER: Final = 4
"""Chunks handed out ahead of the one being written, per worker (bounds memory)."""
_MANAGER_WAIT: Final = 10.0
"""Seconds a stopped pool's own thread is given to notice its killed workers and end."""


def available_cores() -> int:
    """The processors this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


class Headline(NamedTuple):
    """What ``--fail-under`` and ``--fail-under-worst`` read of a scorecard: kept in the cache
    beside the program's piece, so a gate needs no scorecard."""

    program_id: str
    grade: str | None
    score: float | None
    coverage: float
    worst: float

    @classmethod
    def of(cls, card: Scorecard) -> Headline:
        return cls(card.program_id, card.grade, card.score, card.coverage, card.range[0])


@dataclass(frozen=True, slots=True)
class Batch:
    """What a worker sends back for a run of files of one chunk that loaded (``marks``), or
    for one file that did not (``problems``), in the order of the files."""

    marks: tuple[tuple[str, ...] | None, ...] = ()
    """For each file of the run: what the gate said of its scorecard (``--fail-under``), or
    None for an example left out (loaded, but not scored and not written)."""
    pieces: tuple[Piece, ...] = ()
    """The piece of each program scored. Sent one by one, not joined: a string of a whole
    chunk, made and dropped chunk after chunk, grows the parent's heap (the allocator cannot
    reuse the space it leaves)."""
    problems: tuple[Problem, ...] = ()
    """Why one file did not load, or why the walk could not use a path."""


Found = Path | Problem | LoadError
"""What the folder walk gives: a program file, or a path it could not use (its problem)."""
OnError = Callable[[LoadError], None]
Gate = Callable[[Headline], "tuple[str, ...]"]
"""Notes on one program's headline (a program below ``--fail-under``); run where it was
scored, or on the headline the cache kept."""
OnScored = Callable[["tuple[str, ...] | None"], None]
"""Called with the gate's notes on each program scored, or None for an example left out."""


def render_scores(
    found: Iterable[Found],
    profile: Profile,
    reporter: Reporter,
    *,
    jobs: int | None,
    gate: Gate,
    on_error: OnError,
    on_scored: OnScored,
    examples: bool = True,
    located: list[ProgramFile] | None = None,
    cache: Cache | None = None,
) -> Iterator[str]:
    """The reporter's output for the files ``found``, in pieces; ``jobs=None`` chooses.

    ``on_error`` is called with each file that does not load (and each :class:`LoadError`
    found in place of a file), ``on_scored`` with what ``gate`` said of each program's
    headline (or None for an example that ``examples=False`` leaves out), in the order of
    the files and before the text of the programs that follow. Nothing scored, no text.

    ``jobs`` is never more than the cores available. With ``cache`` (opened with
    :func:`cache_kind`), a run of fewer than :data:`PARALLEL_FROM` files takes what the cache
    holds and keeps what it scores.

    A reporter that reads where each program's keys stand (``needs_files``: SARIF) gets
    them in ``located``, one per program written; it is written from one process.
    """
    found = iter(found)
    ahead = list(itertools.islice(found, PARALLEL_FROM))
    few = len(ahead) < PARALLEL_FROM
    found = itertools.chain(ahead, found)
    if sys.platform != "linux" or not reporter.splits:
        jobs = 1
    elif jobs is None:
        jobs = 1 if few else available_cores()
    jobs = min(jobs, available_cores())
    if not reporter.splits:
        if not getattr(reporter, "needs_files", False):
            located = None
        scored = _scored_here(found, profile, on_error, on_scored, examples, located)
        return _rendered(reporter, scored, gate, on_scored)
    if jobs <= 1:
        store = cache if few else None
        pieces = _pieces_here(found, profile, reporter, gate, on_error, on_scored, examples, store)
        return _assembled(reporter, pieces)
    return _render_in_workers(found, profile, reporter, jobs, gate, on_error, on_scored, examples)


def _assembled(reporter: Reporter, pieces: Iterator[Piece]) -> Iterator[str]:
    """The reporter's text, or none when no program was scored."""
    for first in pieces:
        yield from reporter.assemble(itertools.chain([first], pieces))
        return


def cache_kind(profile: Profile, reporter: Reporter) -> str:
    """What a program's piece depends on besides its file: the kind of the score cache."""
    # The whole profile, not its id: a profile file edited keeps its id and version.
    return f"score\0{profile!r}\0{reporter.piece_options()}"


def _scored_here(
    found: Iterable[Found],
    profile: Profile,
    on_error: OnError,
    on_scored: OnScored,
    examples: bool,
    located: list[ProgramFile] | None,
) -> Iterator[Scored]:
    """Each program loaded and scored in this process, for a reporter that does not split."""
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
        if not examples and program.kind == "reference":
            on_scored(None)
            continue
        card = score(program, profile)
        if located is not None:
            located.append(where)
        yield program, card


def _rendered(
    reporter: Reporter, scored: Iterable[Scored], gate: Gate, on_scored: OnScored
) -> Iterator[str]:
    def gated() -> Iterator[Scored]:
        for program, card in scored:
            on_scored(gate(Headline.of(card)))
            yield program, card

    everything = gated()
    first = next(everything, None)
    if first is None:
        return
    yield from reporter.stream(itertools.chain([first], everything))


def _pieces_here(
    found: Iterable[Found],
    profile: Profile,
    reporter: Reporter,
    gate: Gate,
    on_error: OnError,
    on_scored: OnScored,
    examples: bool,
    cache: Cache | None,
) -> Iterator[Piece]:
    """Each program's piece, from the cache or loaded and scored in this process. The loader
    and the scorer (and the program model behind them) are imported at the first file the
    cache does not hold."""
    scorer: _Scorer | None = None
    for path in found:
        if isinstance(path, (Problem, LoadError)):
            on_error(path if isinstance(path, LoadError) else LoadError([path]))
            continue
        slot = cache.slot(path) if cache is not None else None
        kept = _kept(cache.get(slot)) if cache is not None and slot is not None else None
        if kept is not None:
            example, headline, piece = kept
            if example and not examples:
                on_scored(None)
                continue
            if headline is not None:
                on_scored(gate(headline))
                yield piece
                continue
        if scorer is None:
            scorer = _scorer()
        load, score = scorer
        try:
            program = load(path)
        except LoadError as exc:
            on_error(exc)
            continue
        example = program.kind == "reference"
        if example and not examples:
            on_scored(None)
            if cache is not None and slot is not None:
                cache.put(slot, {"example": True})
            continue
        card = score(program, profile)
        headline = Headline.of(card)
        piece = reporter.piece(program, card)
        if cache is not None and slot is not None:
            cache.put(slot, {"example": example, "headline": list(headline), "piece": piece})
        on_scored(gate(headline))
        yield piece
    if cache is not None:
        cache.save()


_Scorer = tuple[Callable[[Path], "Program"], Callable[["Program", "Profile"], "Scorecard"]]


def _scorer() -> _Scorer:
    from .loading import load_program
    from .scoring import score

    return load_program, score


def _kept(value: Any) -> tuple[bool, Headline | None, Piece] | None:
    """(example, headline, piece) from a cache entry; None for one not of that shape."""
    try:
        example = value["example"]
        if not isinstance(example, bool):
            return None
        if "headline" not in value:
            return example, None, None
        program_id, grade, score, coverage, worst = value["headline"]
        headline = Headline(program_id, grade, score, float(coverage), float(worst))
        return example, headline, value["piece"]
    except (KeyError, TypeError, ValueError):
        return None


def _render_in_workers(
    found: Iterable[Found],
    profile: Profile,
    reporter: Reporter,
    jobs: int,
    gate: Gate,
    on_error: OnError,
    on_scored: OnScored,
    examples: bool,
) -> Iterator[str]:
    import multiprocessing  # here: one process needs neither
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # The loader and the scorer (and the program model behind them) imported once, here,
    # rather than by each worker: the workers are forked with them.
    from . import loading, scoring  # noqa: F401

    # A LoadError does not pickle: what the walk could not use goes as its problems. A path
    # goes as its text, which pickles in a fraction of the bytes and time of a Path.
    items = (
        f.problems if isinstance(f, LoadError) else (f,) if isinstance(f, Problem) else str(f)
        for f in found
    )

    def results() -> Iterator[Batch]:
        chunks = iter(lambda: list(itertools.islice(items, CHUNK)), [])
        context = multiprocessing.get_context("fork")  # the gate is a closure: not pickled
        pool = ProcessPoolExecutor(
            jobs,
            mp_context=context,
            initializer=_start,
            initargs=(profile, reporter, gate, examples, os.getpid()),
        )
        pending: deque[Future[list[Batch]]] = deque()
        finished = False
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
            finished = True
        finally:
            if finished:
                pool.shutdown(wait=True)
            else:  # interrupted, an error, or the output closed: do not wait for the workers
                _stop(pool)

    def reported() -> Iterator[Piece]:
        for batch in results():
            if batch.problems:
                on_error(LoadError(list(batch.problems)))
                continue
            for notes in batch.marks:
                on_scored(notes)
            yield from batch.pieces

    return _assembled(reporter, reported())


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the pool's workers now, whatever they are doing (Ctrl-C returns at once)."""
    # The executor has no public way to end its workers before Python 3.14
    # (terminate_workers): kill the processes it holds, then let it notice.
    processes = getattr(pool, "_processes", None) or {}
    manager = getattr(pool, "_executor_manager_thread", None)
    results = getattr(pool, "_result_queue", None)  # shutdown() forgets it
    for process in list(processes.values()):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    # A worker killed halfway through sending its batch leaves the executor's thread reading
    # the rest of it, for ever: this process holds the pipe's other end, so no end of file
    # comes, and Python's exit waits for that thread (8 Ctrl-Cs in 200 hung so on 3.11).
    # Nothing here writes to that pipe: once our end is closed, the workers' ends close with
    # them, the read ends, and the thread sees a broken pool.
    with contextlib.suppress(OSError, AttributeError):
        results._writer.close()  # type: ignore[union-attr]
    # Then wait for the executor's own thread to see the dead workers and close its pipe.
    # Left running, it can close that pipe while Python's exit hook for executors writes to
    # it (CPython 3.10 and 3.11 do not lock the two against each other): "Exception ignored
    # ... Bad file descriptor" and a traceback after "interrupted". The workers are dead, so
    # this takes milliseconds; Python's exit would wait for the same thread anyway.
    if isinstance(manager, threading.Thread) and manager is not threading.current_thread():
        manager.join(timeout=_MANAGER_WAIT)


# --- in a worker ---------------------------------------------------------------------------

_profile: Profile | None = None
_reporter: Reporter | None = None
_gate: Gate | None = None
_examples = True
_PR_SET_PDEATHSIG: Final = 1


def _start(profile: Profile, reporter: Reporter, gate: Gate, examples: bool, parent: int) -> None:
    global _profile, _reporter, _gate, _examples
    _profile, _reporter, _gate, _examples = profile, reporter, gate, examples
    # Ctrl-C reaches every process of the terminal's group: the parent stops the work and
    # the workers, and says so once; a worker prints no traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(parent)


def _die_with(parent: int) -> None:
    """Have the kernel kill this process when the parent dies (even by SIGKILL)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux's C library: the parent still kills us
        pass
    if os.getppid() != parent:  # it died before the request was made
        os._exit(1)


def _work(items: list[str | tuple[Problem, ...]]) -> list[Batch]:
    """Load and score a chunk of files: a :class:`Batch` for each run of files that loaded,
    and one for each file that did not."""
    from .loading import load_found
    from .scoring import score

    assert _profile is not None and _reporter is not None and _gate is not None
    batches: list[Batch] = []
    marks: list[tuple[str, ...] | None] = []
    pieces: list[Piece] = []

    def run_ends() -> None:
        if marks:
            batches.append(Batch(tuple(marks), tuple(pieces)))
            marks.clear()
            pieces.clear()

    for path in items:
        if isinstance(path, tuple):
            run_ends()
            batches.append(Batch(problems=path))
            continue
        try:
            program = load_found(path)
        except LoadError as exc:
            run_ends()
            batches.append(Batch(problems=tuple(exc.problems)))
            continue
        if not _examples and program.kind == "reference":
            marks.append(None)
            continue
        card = score(program, _profile)
        marks.append(_gate(Headline.of(card)))
        pieces.append(_reporter.piece(program, card))
    run_ends()
    return batches
