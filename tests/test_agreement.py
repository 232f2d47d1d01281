"""benchmarks/agreement.py: the readers' packets and sheets, and the agreement it measures on
a small made-up pair of filled sheets (tests/agreement/a and b)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from types import ModuleType

import pytest

from testerterms.model import Terms

from .conftest import REPO

SCRIPT = REPO / "benchmarks" / "agreement.py"
FOLDER = REPO / "benchmarks" / "agreement"
SHEETS = REPO / "tests" / "agreement"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("agreement", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["agreement"] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


agreement = _module()


@pytest.mark.parametrize("program_id", agreement.PROGRAMS)
def test_the_committed_packets_and_sheets_are_what_prepare_writes(program_id: str) -> None:
    program = agreement.load_program(REPO / "programs" / f"{program_id}.yaml")
    packet = (FOLDER / "packets" / f"{program_id}.md").read_text(encoding="utf-8")
    sheet = (FOLDER / "sheets" / f"{program_id}.yaml").read_text(encoding="utf-8")
    assert packet == agreement.packet_text(program), "run: python benchmarks/agreement.py prepare"
    assert sheet == agreement.sheet_text(program), "run: python benchmarks/agreement.py prepare"


@pytest.mark.parametrize("program_id", agreement.PROGRAMS)
def test_a_packet_gives_the_quotes_but_neither_the_terms_nor_the_values(program_id: str) -> None:
    program = agreement.load_program(REPO / "programs" / f"{program_id}.yaml")
    packet = agreement.packet_text(program)
    for key, term in program.terms.items():
        assert key not in packet
        for fact in term.facts:
            assert " ".join((fact.quote or "").split()) in packet
    assert "value:" not in packet and "quoting" not in packet


@pytest.mark.parametrize("program_id", agreement.PROGRAMS)
def test_a_blank_sheet_asks_for_every_term_the_file_codes_and_gives_no_value(
    program_id: str,
) -> None:
    program = agreement.load_program(REPO / "programs" / f"{program_id}.yaml")
    sheet = agreement.read_sheet(FOLDER / "sheets" / f"{program_id}.yaml")
    coded = {key for key, term in program.terms.items() if term.facts}
    assert coded <= set(sheet.values)
    assert set(sheet.values) <= {key for key, _ in Terms().items()}
    assert set(sheet.values.values()) == {"unknown"}


def test_krippendorff_alpha_matches_the_value_worked_out_by_hand() -> None:
    """Units (a, a), (a, b), (b, b), (c, c): 8 values, n_a = n_b = 3, n_c = 2, one pair of
    disagreeing values each way. alpha = 1 - 7 * 2 / (64 - 9 - 9 - 4) = 2/3."""
    pytest.importorskip("krippendorff")
    rows = [["a", "a", "b", "c"], ["a", "b", "b", "c"]]
    assert agreement.krippendorff_alpha(rows) == pytest.approx(2 / 3)
    assert agreement.krippendorff_alpha([["a", "b"], ["a", "b"]]) == pytest.approx(1.0)


def test_two_made_up_sheets_give_per_term_agreement_and_alpha() -> None:
    """Five units, one disagreement (share_ban: all against narrow). Values: none 2, all 1,
    narrow 1, with-notice 2, at-will 2, unknown 2 (n = 10); alpha = 1 - 9 * 2 / (100 - 18)."""
    pytest.importorskip("krippendorff")
    report = agreement.compare(agreement._sheet_pairs(SHEETS / "a", SHEETS / "b"))
    assert report.per_term()["content_review.share_ban"] == (0, 1)
    assert report.per_term()["compensation.money"] == (1, 1)
    assert report.agreement("a", "b") == pytest.approx(0.8)
    assert report.agreement("a", "bundled") == pytest.approx(1.0)  # A reads as the file does
    assert report.agreement("b", "bundled") == pytest.approx(0.8)
    assert report.alpha(("a", "b")) == pytest.approx(1 - 18 / 82)


def test_the_script_prints_the_agreement_table() -> None:
    pytest.importorskip("krippendorff")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "measure", str(SHEETS / "a"), str(SHEETS / "b")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "| **all** | 5 | 80% | 100% | 80% | 0.78 |" in result.stdout
    assert (
        "| google-gemini-earth-trusted-tester | content_review.share_ban | all | narrow | all |"
        in (result.stdout)
    )
