"""benchmarks/agreement.py: each round's packets and sheets, the closed rounds' figures recomputed
from their readers' filled sheets, and the agreement the script measures on a small made-up pair
of filled sheets (tests/agreement/a and b)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from testerterms.model import Terms

from .conftest import REPO

SCRIPT = REPO / "benchmarks" / "agreement.py"
FOLDER = REPO / "benchmarks" / "agreement"
ROUND_1 = FOLDER / "round-1"
ROUND_2 = FOLDER / "round-2"
SHEETS = REPO / "tests" / "agreement"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("agreement", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["agreement"] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


agreement = _module()
EVERY_ROUND = [(name, program_id) for name, ids in agreement.ROUNDS.items() for program_id in ids]
OPEN_ROUNDS = [(name, pid) for name, pid in EVERY_ROUND if name not in agreement.CLOSED]
CLOSED_ROUNDS = [(name, pid) for name, pid in EVERY_ROUND if name in agreement.CLOSED]


def _program(program_id: str):  # type: ignore[no-untyped-def]
    return agreement.load_program(REPO / "programs" / f"{program_id}.yaml")


def _packet_quotes(text: str) -> dict[str, str]:
    """Quote number -> quote text, as a packet prints them."""
    return dict(re.findall(r"^- \*\*(Q\d+)\*\* \[[^\]]*\] “(.*)”$", text, re.MULTILINE))


# --- the rounds' packets and sheets ----------------------------------------------------------


@pytest.mark.parametrize(("round_name", "program_id"), OPEN_ROUNDS)
def test_an_open_rounds_packets_and_sheets_are_what_prepare_writes(
    round_name: str, program_id: str
) -> None:
    program = _program(program_id)
    instructions = f"benchmarks/agreement/{round_name}/README.md"
    packet = (FOLDER / round_name / "packets" / f"{program_id}.md").read_text(encoding="utf-8")
    sheet = (FOLDER / round_name / "sheets" / f"{program_id}.yaml").read_text(encoding="utf-8")
    assert packet == agreement.packet_text(program, instructions), (
        f"run: python benchmarks/agreement.py prepare {round_name}"
    )
    assert sheet == agreement.sheet_text(program, instructions), (
        f"run: python benchmarks/agreement.py prepare {round_name}"
    )


@pytest.mark.parametrize(("round_name", "program_id"), OPEN_ROUNDS)
def test_no_quote_of_an_open_rounds_packet_is_an_example_in_the_codebook(
    round_name: str, program_id: str
) -> None:
    """A round is fair only while the codebook does not code its quotes for the readers: no
    quote shares six words in a row with docs/codebook.md, and no program is named there. (A
    closed round's quotes may become examples: the codebook settles what its readers found.)"""
    assert agreement.codebook_overlap(_program(program_id)) == []
    assert program_id not in agreement.CODEBOOK.read_text(encoding="utf-8")


def test_the_overlap_check_finds_six_words_in_a_row_and_not_five() -> None:
    program = _program("playtestcloud")
    quote = "Contact if you have any problems with a playtest, using respectful language."
    assert quote in agreement.codebook_overlap(
        program, "They say “contact if you have any problems”."
    )
    assert quote not in agreement.codebook_overlap(program, "contact if you have any")
    assert agreement.codebook_overlap(program, "") == []


@pytest.mark.parametrize(("round_name", "program_id"), CLOSED_ROUNDS)
def test_a_closed_round_keeps_the_packets_its_readers_coded_and_every_quote_they_cite(
    round_name: str, program_id: str
) -> None:
    """A closed round's packets stay as the readers saw them (their sheets cite the quote
    numbers), and the files, or the quotes the re-reads set aside, still hold every quote the
    readers judged: as it was, or inside a longer stretch that now states the value."""
    folder = FOLDER / round_name
    packet = (folder / "packets" / f"{program_id}.md").read_text(encoding="utf-8")
    quotes = _packet_quotes(packet)
    today = " || ".join(_packet_quotes(agreement.packet_text(_program(program_id))).values())
    for number, text in quotes.items():
        assert text in today, f"{round_name} {program_id} {number} is in no file or set-aside quote"
    for reader in agreement.READERS[round_name]:
        sheet = yaml.safe_load((folder / reader / f"{program_id}.yaml").read_text("utf-8"))
        cited = {q for entry in sheet["terms"].values() for q in entry.get("quotes") or []}
        assert cited <= set(quotes), f"{reader} cites quotes its packet does not have"


@pytest.mark.parametrize("round_name", sorted(agreement.CLOSED))
def test_prepare_refuses_to_rewrite_a_closed_round(round_name: str) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "prepare", round_name],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert f"{round_name} is closed" in result.stderr


def test_prepare_writes_any_list_of_programs_into_a_folder(tmp_path: Path) -> None:
    written = agreement.prepare(["sonos-beta"], tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [
        "packets/sonos-beta.md",
        "sheets/sonos-beta.yaml",
    ]
    packet = (tmp_path / "packets" / "sonos-beta.md").read_text(encoding="utf-8")
    assert f"Read `{(tmp_path / 'README.md').as_posix()}` first." in packet


@pytest.mark.parametrize(("round_name", "program_id"), EVERY_ROUND)
def test_a_packet_gives_the_quotes_but_neither_the_terms_nor_the_values(
    round_name: str, program_id: str
) -> None:
    program = _program(program_id)
    packet = (FOLDER / round_name / "packets" / f"{program_id}.md").read_text(encoding="utf-8")
    for key, _ in program.terms.items():
        assert key not in packet
    if round_name not in agreement.CLOSED:  # a closed round's packets predate later re-reads
        for _, term in program.terms.items():
            for fact in term.facts:
                assert " ".join((fact.quote or "").split()) in packet
    assert "value:" not in packet and "quoting" not in packet


@pytest.mark.parametrize(("round_name", "program_id"), EVERY_ROUND)
def test_a_blank_sheet_asks_for_every_term_the_file_codes_and_gives_no_value(
    round_name: str, program_id: str
) -> None:
    program = _program(program_id)
    sheet = agreement.read_sheet(FOLDER / round_name / "sheets" / f"{program_id}.yaml")
    coded = {key for key, term in program.terms.items() if term.facts}
    assert coded <= set(sheet.values)
    assert set(sheet.values) <= {key for key, _ in Terms().items()}
    assert set(sheet.values.values()) == {"unknown"}


def test_a_key_sheet_reads_back_as_the_file_codes_each_term() -> None:
    for program_id in ("sora-alpha-artists", "hypernatural-creative-partnership"):
        program = _program(program_id)
        key = agreement.key_text(program, "the bundled file")
        data = yaml.safe_load(key)
        assert data["program"] == program_id
        values = {
            term: agreement.canonical(entry["value"]) for term, entry in data["terms"].items()
        }
        bundled = agreement.bundled_values(program_id)
        assert values == {term: bundled[term] for term in values}


# --- round 1's figures, recomputed from its readers' sheets -----------------------------------


def _round_1(against_9b9c912: bool):  # type: ignore[no-untyped-def]
    against = agreement.read_sheets(ROUND_1 / "file-9b9c912") if against_9b9c912 else None
    pairs = agreement._sheet_pairs(ROUND_1 / "reader-a", ROUND_1 / "reader-b")
    return agreement.compare(pairs, against)


def test_round_1_figures_recompute_from_the_readers_sheets() -> None:
    """The figures benchmarks/agreement/round-1/RESULTS.md records: 248 units, one on which
    the readers differ, and both readers beside the files as the readers' codebook left them
    (commit 9b9c912)."""
    pytest.importorskip("krippendorff")
    report = _round_1(against_9b9c912=True)
    assert len(report.units) == 248
    (differ,) = [u for u in report.units if u.a != u.b]
    assert (differ.program, differ.term, differ.a, differ.b) == (
        "hackerone-disclosure-guidelines",
        "expectations.voluntary",
        "true",
        "unknown",
    )
    assert report.agreement("a", "b") == pytest.approx(247 / 248)
    assert report.agreement("a", "bundled") == pytest.approx(239 / 248)
    assert report.agreement("b", "bundled") == pytest.approx(238 / 248)
    assert round(report.alpha(("a", "b")), 2) == 0.99
    assert round(report.alpha(("a", "b", "bundled")), 2) == 0.94


def test_round_1_readers_beside_the_files_as_revised_after_the_round() -> None:
    """After the second pass the files follow the readers wherever the revised codebook sides
    with them; where it does not, the file keeps its value, and HackerOne's dispute now rests on
    a sentence the readers' packet did not have (RESULTS.md lists each unit)."""
    pytest.importorskip("krippendorff")
    report = _round_1(against_9b9c912=False)
    apart = {
        (u.program, u.term): (u.a, u.b, u.bundled)
        for u in report.units
        if not u.a == u.b == u.bundled
    }
    assert apart == {
        ("hackerone-disclosure-guidelines", "expectations.voluntary"): ("true", "unknown", "true"),
        ("hackerone-disclosure-guidelines", "compensation.payment_days"): ("10", "10", "unknown"),
        ("hackerone-disclosure-guidelines", "reports.dispute"): ("unknown", "unknown", "true"),
        ("google-gemini-earth-trusted-tester", "expectations.terms_changes"): (
            "with-notice",
            "with-notice",
            "at-will",
        ),
        ("hypernatural-creative-partnership", "expectations.feedback_required"): (
            "false",
            "false",
            "unknown",
        ),
        ("sora-alpha-artists", "confidentiality.scope"): ("narrow", "narrow", "unknown"),
    }
    assert round(report.alpha(("a", "b", "bundled")), 2) == 0.97


# --- round 2's figures, recomputed from its readers' sheets -----------------------------------


def _round_2(against_ba5b6e9: bool):  # type: ignore[no-untyped-def]
    against = agreement.read_sheets(ROUND_2 / "file-ba5b6e9") if against_ba5b6e9 else None
    pairs = agreement._sheet_pairs(ROUND_2 / "reader-c", ROUND_2 / "reader-d")
    return agreement.compare(pairs, against)


def test_round_2_figures_recompute_from_the_readers_sheets() -> None:
    """The figures benchmarks/agreement/round-2/RESULTS.md records: 244 units, one on which
    the readers differ, both readers beside the files as they stood when the readers coded them
    (commit ba5b6e9), and the same figures over the 57 units where anyone wrote a value."""
    pytest.importorskip("krippendorff")
    report = _round_2(against_ba5b6e9=True)
    assert len(report.units) == 244
    (differ,) = [u for u in report.units if u.a != u.b]
    assert (differ.program, differ.term, differ.a, differ.b) == (
        "halo-insider-program",
        "expectations.states_content_use",
        "true",
        "unknown",
    )
    assert report.agreement("a", "b") == pytest.approx(243 / 244)
    assert report.agreement("a", "bundled") == pytest.approx(239 / 244)
    assert report.agreement("b", "bundled") == pytest.approx(238 / 244)
    assert round(report.alpha(("a", "b")), 2) == 0.99
    assert round(report.alpha(("a", "b", "bundled")), 2) == 0.96
    valued = [u for u in report.units if not u.a == u.b == u.bundled == "unknown"]
    assert len(valued) == 57
    rows = [[getattr(u, coder) for u in valued] for coder in ("a", "b", "bundled")]
    assert round(agreement.krippendorff_alpha(rows[:2]), 2) == 0.98
    assert round(agreement.krippendorff_alpha(rows), 2) == 0.91


def test_round_2_readers_beside_the_files_as_revised_after_the_round() -> None:
    """After the third pass the files follow the readers on the five units where both differed
    from them (RESULTS.md); where the revised codebook reads a unit otherwise than both readers
    did, the file follows the codebook."""
    pytest.importorskip("krippendorff")
    report = _round_2(against_ba5b6e9=False)
    apart = {
        (u.program, u.term): (u.a, u.b, u.bundled)
        for u in report.units
        if not u.a == u.b == u.bundled
    }
    assert apart == {
        ("halo-insider-program", "expectations.states_content_use"): ("true", "unknown", "true"),
        ("github-research-program", "confidentiality.scope"): ("narrow", "narrow", "broad"),
        ("halo-insider-program", "expectations.feedback_required"): ("true", "true", "unknown"),
        ("microsoft-copilot-bounty", "ownership.licence_survives"): ("true", "true", "unknown"),
    }
    assert round(report.alpha(("a", "b", "bundled")), 2) == 0.97


def test_a_time_the_file_holds_as_a_float_reads_as_the_reader_writes_it() -> None:
    assert agreement.canonical({"hours": 5.0, "per": "year"}) == agreement.canonical(
        {"per": "year", "hours": 5}
    )
    assert agreement.canonical({"hours": 0.5}) != agreement.canonical({"hours": 1})


# --- the measure on made-up sheets -----------------------------------------------------------


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
    against = {
        "google-gemini-earth-trusted-tester": agreement.read_sheet(
            SHEETS / "a" / "google-gemini-earth-trusted-tester.yaml"
        )
    }
    report = agreement.compare(agreement._sheet_pairs(SHEETS / "a", SHEETS / "b"), against)
    assert report.per_term()["content_review.share_ban"] == (0, 1)
    assert report.per_term()["compensation.money"] == (1, 1)
    assert report.agreement("a", "b") == pytest.approx(0.8)
    assert report.agreement("a", "bundled") == pytest.approx(1.0)  # the file reads as A does
    assert report.agreement("b", "bundled") == pytest.approx(0.8)
    assert report.alpha(("a", "b")) == pytest.approx(1 - 18 / 82)


def test_the_script_prints_the_agreement_table_and_where_a_file_differs(tmp_path: Path) -> None:
    pytest.importorskip("krippendorff")
    keys = tmp_path / "file"
    keys.mkdir()
    # the file as reader A codes it, but with money `some`: a row where both readers differ from it
    sheet = yaml.safe_load(
        (SHEETS / "a" / "google-gemini-earth-trusted-tester.yaml").read_text("utf-8")
    )
    sheet["terms"]["compensation.money"]["value"] = "some"
    (keys / "gemini.yaml").write_text(yaml.safe_dump(sheet), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "measure",
            str(SHEETS / "a"),
            str(SHEETS / "b"),
            "--against",
            str(keys),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "| **all** | 5 | 80% | 80% | 60% | 0.78 |" in result.stdout
    assert (
        "| google-gemini-earth-trusted-tester | content_review.share_ban | all | narrow | all |"
        in result.stdout
    )
    assert "| google-gemini-earth-trusted-tester | compensation.money | none | some |" in (
        result.stdout
    )
