"""The bundled program files: each one loads, cites what it declares, and backs every fact."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from testerterms.loading import (
    bundled_programs_dir,
    find_files,
    load_program_with_warnings,
    load_programs,
)
from testerterms.model import Fact, Program

PROGRAMS_DIR = bundled_programs_dir()
PROGRAM_FILES = find_files([PROGRAMS_DIR])
# The seed articles live beside the repository (../shared/seeds); CI may not have them.
REPO = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO.parent / "shared" / "seeds"

MINIMUM_PROGRAMS = 10


@cache
def _load(path: Path) -> Program:
    program, _ = load_program_with_warnings(path)
    return program


def _known_facts(program: Program) -> Iterator[tuple[str, int, Fact[Any]]]:
    for key, term in program.all_terms():
        if term.known:
            for index, fact in enumerate(term.claims):
                yield key, index, fact


files = pytest.mark.parametrize("path", PROGRAM_FILES, ids=[p.stem for p in PROGRAM_FILES])


def test_the_bundled_corpus_holds_at_least_ten_programs() -> None:
    found = len(PROGRAM_FILES)
    assert found >= MINIMUM_PROGRAMS, f"only {found} program files in {PROGRAMS_DIR}"


def test_every_program_file_loads_without_problems() -> None:
    result = load_programs([PROGRAMS_DIR])
    assert result.problems == [], "\n".join(str(p) for p in result.problems)
    assert result.failed == []
    assert len(result.programs) == len(PROGRAM_FILES)


def test_no_program_file_raises_warnings_so_every_declared_source_is_cited() -> None:
    result = load_programs([PROGRAMS_DIR])
    assert result.warnings == [], "\n".join(str(p) for p in result.warnings)


def test_program_ids_are_unique() -> None:
    counts = Counter(_load(path).id for path in PROGRAM_FILES)
    assert [pid for pid, n in counts.items() if n > 1] == []


@files
def test_each_program_id_equals_its_file_stem(path: Path) -> None:
    assert _load(path).id == path.stem


@files
def test_every_cited_source_is_declared(path: Path) -> None:
    assert _load(path).missing_sources() == []


@files
def test_every_known_term_rests_on_declared_sources(path: Path) -> None:
    program = _load(path)
    for key, index, fact in _known_facts(program):
        assert fact.source, f"{key} claim {index} has no source"
        unknown = [sid for sid in fact.source if sid not in program.sources]
        assert unknown == [], f"{key} claim {index} cites undeclared sources {unknown}"


@files
def test_every_known_term_of_a_real_program_carries_a_verbatim_quote(path: Path) -> None:
    program = _load(path)
    if program.kind == "reference":
        pytest.skip("a reference program is built from remedies, not quoted from sources")
    missing = [
        f"{key} (claim {index})"
        for key, index, fact in _known_facts(program)
        if not (fact.quote and fact.quote.strip())
    ]
    assert missing == [], f"terms without a quote: {', '.join(missing)}"


@files
def test_every_source_can_be_located_by_url_seed_or_repository_path(path: Path) -> None:
    for sid, source in _load(path).sources.items():
        if source.path is not None:  # the reference program cites the rule catalogue
            assert (REPO / source.path).is_file(), f"source {sid} names a missing file"
        else:
            assert source.url or source.seed, f"source {sid} has neither url nor seed"


@files
def test_every_seed_named_by_a_source_exists_in_the_shared_seeds(path: Path) -> None:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"the seed articles are not here ({SEEDS_DIR})")
    for sid, source in _load(path).sources.items():
        if source.seed is not None:
            seed = SEEDS_DIR / source.seed
            assert seed.is_file(), f"source {sid} names a missing seed {source.seed!r}"
