"""What `compare` costs: its default output scores each program once per profile, as `score`
does; the ranking's robustness, which scores every program again per sample, is computed only
when asked for, and adds to that output without changing anything else in it."""

from __future__ import annotations

import csv
import importlib
import io
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from testerterms import Program, compare, load_profile, load_program
from testerterms.advice import render_comparison

from .conftest import PROGRAMS, run_cli
from .test_scoring_properties import programs

TWO = [str(PROGRAMS / f"{name}.yaml") for name in ("sora-alpha-artists", "playtestcloud")]


def counted_scorings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every program scored from now on, by id (compare and robustness call the scorer)."""
    scored: list[str] = []
    for name in ("compare", "robustness"):
        module = importlib.import_module(f"testerterms.advice.{name}")
        real = module.score

        def counting(program: Program, profile: Any, real: Any = real) -> Any:
            scored.append(program.id)
            return real(program, profile)

        monkeypatch.setattr(module, "score", counting)
    return scored


def without_samples(text: str) -> str:
    """A comparison's text without the row and the note of the samples."""
    text = re.sub(r"(?ms)^Keeps rank: .*?\n\n", "", text)  # the note may wrap to fit COLUMNS
    return re.sub(r"(?m)^\|? *keeps rank .*\n", "", text)


def test_the_default_comparison_scores_each_program_once_per_profile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loaded = [load_program(path) for path in TWO]
    scored = counted_scorings(monkeypatch)
    comparison = compare(loaded, ["articles", "testers-letter"])
    assert sorted(scored) == sorted(2 * [p.id for p in loaded])
    assert all(view.robustness is None for view in comparison.views)
    scored.clear()
    compare(loaded, ["articles"], samples=7)
    assert len(scored) == len(loaded) * (1 + 1 + 7)  # the view, the samples' base, each sample


def test_the_command_samples_only_when_asked_and_says_what_it_costs() -> None:
    default = run_cli("compare", *TWO)
    sampled = run_cli("compare", *TWO, "--samples", "5")
    assert default.returncode == sampled.returncode == 0
    assert "keeps rank" not in default.stdout
    assert "keeps rank" in sampled.stdout
    assert without_samples(sampled.stdout) == default.stdout  # the rest, to the character
    described = run_cli("compare", "--help").stdout
    assert "each sample scores every program" in " ".join(described.split())


@pytest.mark.slow  # about a third of a second an example
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(programs(), min_size=2, max_size=4),
    st.sampled_from(["articles", "testers-letter", "fairwork"]),
    st.integers(0, 2**16),
)
def test_the_default_comparison_is_the_sampled_one_without_the_samples(
    raw: list[dict[str, Any]], profile_id: str, seed: int
) -> None:
    """Where both apply (the matrix, subtotals, ranges, grades, ranks, disagreements) the
    default output is the sampled analysis's, to the character; the samples only add the
    share of them in which each program keeps its rank."""
    loaded = [
        Program.model_validate({**data, "id": f"generated-{n}"}) for n, data in enumerate(raw)
    ]
    profiles = [load_profile(profile_id), load_profile("articles")]
    cheap = compare(loaded, profiles)
    sampled = compare(loaded, profiles, samples=3, seed=seed)
    for plain, full in zip(cheap.views, sampled.views, strict=True):
        assert (plain.cards, plain.ranks) == (full.cards, full.ranks)
        assert plain.robustness is None and full.robustness is not None
        assert full.robustness.rank == plain.ranks
        assert all(0 <= share <= 1 for share in full.robustness.kept.values())
    assert cheap.disagreements == sampled.disagreements
    for fmt in ("table", "markdown"):
        assert without_samples(render_comparison(sampled, fmt)) == render_comparison(cheap, fmt)

    def all_but_keeps_rank(comparison: Any) -> list[dict[str, str]]:
        rows = csv.DictReader(io.StringIO(render_comparison(comparison, "csv"), newline=""))
        return [{k: v for k, v in row.items() if k != "keeps_rank_percent"} for row in rows]

    assert all_but_keeps_rank(sampled) == all_but_keeps_rank(cheap)
