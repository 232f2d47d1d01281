"""The cache of `score`, `validate`, `diff`, `ask` and `compare`: a run that takes results
from it prints what a run without it prints, and nothing it holds outlives a change to what
a result depends on.

Most tests poison the cache (every kept result's text replaced by ``POISONED``, the pack's
checksum made to match): a result taken from the cache then shows in the output. So a test
that a change makes the cache unused can fail, and its control (no change: the poisoned
result is used) shows it would.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from testerterms import _cache
from testerterms.cli import main

from .conftest import PROGRAMS, REPO

FORMATS = ["table", "markdown", "json", "jsonl", "csv"]
POISON = "POISONED"
THREE = ["sora-alpha-artists.yaml", "playtestcloud.yaml", "reference.yaml"]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def cache_folder() -> Path:
    return Path(os.environ["TESTERTERMS_CACHE_DIR"])


def packs() -> list[Path]:
    return sorted(cache_folder().glob("v*/*.json"))


def poison_every_pack() -> int:
    """Replace every string of every kept result by POISON; returns how many results."""
    count = 0
    for pack in packs():
        entries = json.loads(pack.read_bytes().partition(b"\n")[2])["entries"]
        for entry in entries.values():
            entry[1] = _poisoned(entry[1])
            count += 1
        text = json.dumps({"entries": entries}, separators=(",", ":")).encode()
        pack.write_bytes(_cache._checksum(text).encode() + b"\n" + text)
    return count


def _poisoned(value: Any) -> Any:
    if isinstance(value, str):
        return POISON
    if isinstance(value, list):
        return [_poisoned(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "example" else _poisoned(v) for k, v in value.items()}
    return value


def three_programs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in THREE:
        shutil.copy(PROGRAMS / name, folder / name)
    return folder


@pytest.mark.parametrize("details", [[], ["--details"]])
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_second_run_prints_from_the_cache_what_a_run_without_it_prints(
    tmp_path: Path, fmt: str, details: list[str]
) -> None:
    folder = three_programs(tmp_path / "programs")
    argv = ["score", "--format", fmt, *details, str(folder)]
    fresh = run(*argv, "--no-cache")
    assert run(*argv) == fresh  # fills the cache
    assert run(*argv) == fresh  # from the cache
    assert poison_every_pack() == 3
    assert POISON in run(*argv)[1]  # the control: the second run did read the cache


def test_the_gates_read_the_cached_headline_as_they_read_the_scorecard() -> None:
    argv = ["score", "--fail-under", "60", "--fail-under-worst", "20", "--no-examples"]
    fresh = run(*argv, "--no-cache")
    assert fresh[0] == 1 and "below --fail-under 60" in fresh[2]
    assert run(*argv) == fresh
    assert run(*argv) == fresh
    assert run("score", "--no-examples") == run("score", "--no-examples", "--no-cache")
    assert run("score") == run("score", "--no-cache")  # the example left out is scored now


def test_a_changed_file_is_scored_again(tmp_path: Path) -> None:
    folder = three_programs(tmp_path / "programs")
    run("score", str(folder))
    poison_every_pack()
    offer = folder / "playtestcloud.yaml"
    offer.write_text(
        offer.read_text().replace("organization: PlaytestCloud GmbH", "organization: Other")
    )
    status, out, _ = run("score", str(folder))
    assert status == 0
    rows = out.splitlines()[3:]
    assert [row.split()[:2] for row in rows if "playtestcloud" in row] == [
        ["playtestcloud", "Other"]
    ]
    assert sum(POISON in row for row in rows) == 2  # the files that did not change: from the cache


def test_a_changed_profile_is_not_served_the_results_of_the_old_one(tmp_path: Path) -> None:
    folder = three_programs(tmp_path / "programs")
    profile = tmp_path / "mine.yaml"
    profile.write_text("id: mine\nversion: '1'\nextends: articles\nrules:\n  PAY001: 3\n")
    argv = ["score", "--profile", str(profile), str(folder)]
    run(*argv)
    poison_every_pack()
    assert POISON in run(*argv)[1]
    profile.write_text("id: mine\nversion: '1'\nextends: articles\nrules:\n  PAY001: 9\n")
    assert run(*argv) == run(*argv, "--no-cache")  # same id and version, other weights
    assert POISON not in run(*argv)[1]


@pytest.mark.parametrize(
    "changed",
    [
        ["--format", "markdown"],
        ["--details"],
        ["--profile", "testers-letter"],
    ],
)
def test_other_options_are_not_served_the_results_of_the_first(
    tmp_path: Path, changed: list[str]
) -> None:
    folder = three_programs(tmp_path / "programs")
    run("score", str(folder))
    poison_every_pack()
    assert run("score", *changed, str(folder)) == run("score", *changed, str(folder), "--no-cache")


def test_a_table_with_details_is_fitted_again_to_another_width(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = three_programs(tmp_path / "programs")
    monkeypatch.setenv("COLUMNS", "120")
    run("score", "--details", str(folder))
    monkeypatch.setenv("COLUMNS", "70")
    assert run("score", "--details", str(folder)) == run(
        "score", "--details", str(folder), "--no-cache"
    )


@pytest.mark.parametrize("command", ["score", "compare"])
def test_a_new_tool_version_does_not_use_the_results_of_the_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    argv = [command, str(three_programs(tmp_path / "programs"))]
    run(*argv)
    poison_every_pack()
    assert POISON in run(*argv)[1]
    monkeypatch.setattr(_cache, "__version__", "999.0.0")
    assert run(*argv) == run(*argv, "--no-cache")


def test_an_edited_module_does_not_use_the_results_of_the_old_code(tmp_path: Path) -> None:
    first = _cache.code_signature()
    module = Path(_cache.__file__)
    info = module.stat()
    try:
        os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
        assert _cache.code_signature() != first
    finally:
        os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert _cache.code_signature() == first


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda pack: pack.write_bytes(pack.read_bytes()[:-40]), id="cut-short"),
        pytest.param(
            lambda pack: pack.write_bytes(pack.read_bytes().replace(b"A", b"B")), id="altered"
        ),
        pytest.param(lambda pack: pack.write_bytes(b""), id="empty"),
        pytest.param(lambda pack: pack.write_bytes(b"\xff\xfe\x00garbage\n{"), id="garbage"),
        pytest.param(lambda pack: pack.write_bytes(b'x\n{"entries": 3}'), id="bad-checksum"),
        pytest.param(lambda pack: (pack.unlink(), pack.mkdir()), id="a-folder"),
    ],
)
@pytest.mark.parametrize("command", ["score", "compare"])
def test_a_damaged_pack_is_ignored_and_written_again(
    tmp_path: Path, damage: Any, command: str
) -> None:
    argv = [command, "--format", "json", str(three_programs(tmp_path / "programs"))]
    fresh = run(*argv, "--no-cache")
    run(*argv)
    (pack,) = packs()
    damage(pack)
    assert run(*argv) == fresh
    if pack.is_file():  # written again, whole: the next run takes it
        poison_every_pack()
        assert POISON in run(*argv)[1]


def test_a_pack_whose_checksum_matches_but_whose_results_are_malformed_is_not_used(
    tmp_path: Path,
) -> None:
    folder = three_programs(tmp_path / "programs")
    fresh = run("score", str(folder), "--no-cache")
    run("score", str(folder))
    (pack,) = packs()
    entries = json.loads(pack.read_bytes().partition(b"\n")[2])["entries"]
    for number, entry in enumerate(entries.values()):
        entry[1] = [None, {"example": "no"}, {"example": False, "headline": [1]}][number]
    text = json.dumps({"entries": entries}).encode()
    pack.write_bytes(_cache._checksum(text).encode() + b"\n" + text)
    assert run("score", str(folder)) == fresh


def test_no_cache_neither_reads_nor_writes_it(tmp_path: Path) -> None:
    folder = three_programs(tmp_path / "programs")
    run("score", "--no-cache", str(folder))
    run("validate", "--no-cache", str(folder))
    assert packs() == []
    run("score", str(folder))
    poison_every_pack()
    assert POISON not in run("score", "--no-cache", str(folder))[1]


def test_two_processes_filling_the_cache_at_once_print_what_no_cache_prints(
    tmp_path: Path,
) -> None:
    folder = three_programs(tmp_path / "programs")
    two_at_once("score", "--format", "json", str(folder))


def two_at_once(*argv: str) -> None:
    """Two processes run ``argv`` at once on an empty cache: each prints what a run without
    the cache prints, and they leave one whole pack, which the next run reads."""
    fresh = run(*argv, "--no-cache")
    command = [sys.executable, "-m", "testerterms", *argv]
    started = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    for process in started:
        out, err = process.communicate(timeout=120)
        assert (process.returncode, out, err) == fresh
    assert len(packs()) == 1
    assert not list(cache_folder().glob("v*/.*.tmp"))  # no temporary file left behind
    assert run(*argv) == fresh
    poison_every_pack()
    assert POISON in run(*argv)[1]  # the pack is whole


def test_of_two_runs_saving_one_after_the_other_the_last_pack_stays_whole(
    tmp_path: Path,
) -> None:
    folder = three_programs(tmp_path / "programs")
    files = sorted(folder.iterdir())
    first, second = (_cache.Cache.open("test", [str(folder)]) for _ in range(2))
    assert first is not None and second is not None
    for cache, value in ((first, "first"), (second, "second")):  # both read an empty cache
        for file in files:
            slot = cache.slot(file)
            assert slot is not None
            cache.put(slot, value)
    second.save()
    first.save()
    reopened = _cache.Cache.open("test", [str(folder)])
    assert reopened is not None
    slots = [reopened.slot(file) for file in files]
    assert [reopened.get(slot) for slot in slots if slot is not None] == ["first"] * 3


def test_a_file_changed_while_it_is_scored_is_not_kept(tmp_path: Path) -> None:
    program = tmp_path / "offer.yaml"
    shutil.copy(PROGRAMS / "playtestcloud.yaml", program)
    cache = _cache.Cache.open("test", [str(program)])
    assert cache is not None
    slot = cache.slot(program)
    assert slot is not None
    program.write_text(program.read_text() + "\n")  # edited after its bytes were read
    cache.put(slot, "result of the old bytes")
    cache.save()
    assert packs() == []  # nothing kept: the only result was of bytes no longer there
    unchanged = _cache.Cache.open("test", [str(program)])
    assert unchanged is not None
    slot = unchanged.slot(program)
    assert slot is not None
    unchanged.put(slot, "result of these bytes")  # the control: kept when nothing changed
    unchanged.save()
    assert len(packs()) == 1


def test_a_folder_that_cannot_be_used_leaves_the_commands_as_they_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("TESTERTERMS_CACHE_DIR", str(blocked / "cache"))
    assert run("score") == run("score", "--no-cache")
    assert run("validate") == run("validate", "--no-cache")


def test_a_pack_that_cannot_be_written_leaves_the_command_as_it_is(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into a read-only folder")
    folder = three_programs(tmp_path / "programs")
    run("score", "--no-cache", str(folder))
    run("score", str(folder))  # makes the code version's folder
    (version,) = cache_folder().glob("v*")
    shutil.rmtree(version)
    version.mkdir(mode=0o500)
    try:
        assert run("score", str(folder)) == run("score", str(folder), "--no-cache")
    finally:
        version.chmod(0o700)


def test_validate_prints_from_the_cache_what_it_prints_without_it(tmp_path: Path) -> None:
    folder = three_programs(tmp_path / "programs")
    shutil.copy(REPO / "tests" / "examples" / "wrong-type.yaml", folder / "wrong-type.yaml")
    unused = folder / "unused-source.yaml"
    unused.write_text(
        (PROGRAMS / "playtestcloud.yaml")
        .read_text()
        .replace(
            "sources:\n",
            'sources:\n  UNUSED: {title: Never cited, party: press, url: "https://example.org/u"}\n',
            1,
        )
    )
    for fmt in ("text", "json", "github"):
        argv = ["validate", "--format", fmt, "--strict", str(folder)]
        fresh = run(*argv, "--no-cache")
        assert fresh[0] == 1 and "twenty dollars" in fresh[1] + fresh[2]
        assert "never cited" in fresh[1] + fresh[2]
        assert run(*argv) == fresh
        assert run(*argv) == fresh
    poison_every_pack()
    assert POISON in "".join(run("validate", "--strict", str(folder))[1:])
    (folder / "wrong-type.yaml").write_text((PROGRAMS / "reference.yaml").read_text())
    fixed = run("validate", "--strict", str(folder))
    assert "wrong-type.yaml" not in fixed[2]  # the mended file is validated afresh


def test_the_cache_folder_follows_the_conventions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TESTERTERMS_CACHE_DIR", str(tmp_path / "mine"))
    assert _cache.cache_root() == tmp_path / "mine"
    monkeypatch.delenv("TESTERTERMS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert _cache.cache_root() == tmp_path / "xdg" / "testerterms"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as the specification says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if sys.platform.startswith("linux"):
        assert _cache.cache_root() == tmp_path / "home" / ".cache" / "testerterms"


def _aged(folder: Path, days: int = 8) -> Path:
    folder.mkdir()
    (folder / "pack.json").write_text("{}")
    info = os.stat(folder)
    os.utime(folder, (info.st_atime - days * 86_400, info.st_mtime - days * 86_400))
    return folder


def test_folders_of_code_versions_unused_for_a_week_are_removed(tmp_path: Path) -> None:
    root = tmp_path / "cache"
    root.mkdir()
    (root / "CACHEDIR.TAG").write_text(_cache._TAG, encoding="ascii")  # a folder it made
    old = _aged(root / ("v1-" + "0" * 32))
    recent = _aged(root / ("v1-" + "1" * 32), days=1)
    other = _aged(root / "videos")  # not a code version's folder
    assert _cache.Cache.open("test", [], root=root) is not None
    assert not old.exists() and recent.exists() and other.exists()


def test_a_cache_folder_it_did_not_make_loses_nothing(tmp_path: Path) -> None:
    """$TESTERTERMS_CACHE_DIR may name a folder that holds other things: nothing of it is
    removed, however old, even named like a code version's folder."""
    root = tmp_path / "home-cache"
    root.mkdir()
    kept = [_aged(root / "vendor"), _aged(root / "videos"), _aged(root / ("v1-" + "0" * 32))]
    assert _cache.Cache.open("test", [], root=root) is not None
    assert all((folder / "pack.json").exists() for folder in kept)


def test_a_cache_folder_it_makes_is_tagged_for_backup_tools_to_leave_out(tmp_path: Path) -> None:
    assert _cache.Cache.open("test", [], root=tmp_path / "made") is not None
    tag = (tmp_path / "made" / "CACHEDIR.TAG").read_text()
    assert tag.startswith("Signature: 8a477f597d28d172789f06886806bc55")  # bford.info/cachedir


def test_the_cache_serves_the_runs_scored_in_one_process_and_no_bigger_one(
    tmp_path: Path,
) -> None:
    from testerterms._parallel import PARALLEL_FROM

    assert _cache.FEWER_THAN == PARALLEL_FROM
    folder = tmp_path / "programs"
    folder.mkdir()
    for number in range(_cache.FEWER_THAN):
        (folder / f"{number:03}.yaml").write_text("id: x\n")
    assert _cache.Cache.for_run("test", [str(folder)]) is None
    (folder / "000.yaml").unlink()
    assert _cache.Cache.for_run("test", [str(folder)]) is not None


# --- diff ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_a_second_diff_of_the_same_files_prints_what_the_first_printed(
    tmp_path: Path, fmt: str
) -> None:
    folder = three_programs(tmp_path / "p")
    argv = ["diff", str(folder / "reference.yaml"), str(folder / "sora-alpha-artists.yaml")]
    argv += ["--format", fmt, "--fail-if-worse"]
    first = run(*argv)
    assert first[0] == 1 and "worse" in first[2]  # the new version is worse
    assert run(*argv) == first
    assert run(*argv, "--no-cache") == first


def test_diff_takes_from_the_cache_only_what_the_same_files_gave(tmp_path: Path) -> None:
    folder = three_programs(tmp_path / "p")
    old, new = folder / "sora-alpha-artists.yaml", folder / "reference.yaml"
    real = run("diff", str(old), str(new))
    assert poison_every_pack() == 1
    assert run("diff", str(old), str(new))[1] == POISON  # the control: the kept text is used
    assert run("diff", str(old), str(new), "--no-cache")[1] == real[1]
    assert run("diff", str(old), str(new), "--profile", "testers-letter")[1] != POISON
    old.write_text(old.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert run("diff", str(old), str(new)) == real  # the old file changed: loaded again
    poison_every_pack()
    new.write_text(new.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert run("diff", str(old), str(new)) == real  # and so for the new one


def ask(target: Path, answers: str, *extra: str) -> tuple[int, str, str]:
    target.unlink(missing_ok=True)  # a file is replaced only with every question answered
    result = subprocess.run(
        [sys.executable, "-m", "testerterms", "ask", str(target), *extra],
        input=answers,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode, result.stdout, result.stderr


def test_ask_takes_from_the_cache_only_what_the_same_answers_gave(tmp_path: Path) -> None:
    target = tmp_path / "offer.yaml"
    answers = "Acme beta\nAcme\nbeta\nOffer\nhttps://example.org/o\n1\n1\n25\n"
    first = ask(target, answers)
    assert first[0] == 0, first[2]
    written = target.read_text(encoding="utf-8")
    assert ask(target, answers) == first and target.read_text(encoding="utf-8") == written
    assert poison_every_pack() == 1
    assert POISON in ask(target, answers)[1]  # the control: the kept scorecard is used
    assert target.read_text(encoding="utf-8") == POISON
    assert ask(target, answers, "--no-cache") == first
    assert target.read_text(encoding="utf-8") == written
    other = answers.replace("25", "30")
    assert POISON not in ask(target, other)[1]  # other answers: validated and scored
    assert "30" in target.read_text(encoding="utf-8")
    assert POISON not in ask(target, answers, "--profile", "testers-letter")[1]


# --- compare ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "markdown", "json", "csv"])
def test_a_second_compare_of_the_same_files_prints_what_a_run_without_the_cache_prints(
    tmp_path: Path, fmt: str
) -> None:
    folder = three_programs(tmp_path / "programs")
    argv = ["compare", "--format", fmt, str(folder), "tribeca-sora-shorts"]
    fresh = run(*argv, "--no-cache")
    assert fresh[0] == 0 and "reference" in fresh[1]
    assert run(*argv) == fresh  # fills the cache
    assert run(*argv) == fresh  # from the cache
    assert poison_every_pack() == 1  # one output for the whole run
    assert run(*argv)[1] == POISON  # the control: the second run did read the cache


def test_compare_takes_from_the_cache_only_what_the_same_files_gave(tmp_path: Path) -> None:
    folder = three_programs(tmp_path / "programs")
    argv = ["compare", str(folder)]
    run(*argv)
    poison_every_pack()
    offer = folder / "playtestcloud.yaml"
    offer.write_text(offer.read_text().replace("id: playtestcloud", "id: playtest-two"))
    changed = run(*argv)
    assert changed == run(*argv, "--no-cache") and "playtest-two" in changed[1]
    poison_every_pack()
    shutil.copy(PROGRAMS / "playtestcloud.yaml", folder / "another.yaml")  # one file more
    assert run(*argv) == run(*argv, "--no-cache")
    poison_every_pack()
    (folder / "another.yaml").unlink()  # one file fewer
    assert run(*argv) == run(*argv, "--no-cache")


def test_compare_with_a_changed_profile_is_not_served_the_output_of_the_old_one(
    tmp_path: Path,
) -> None:
    folder = three_programs(tmp_path / "programs")
    profile = tmp_path / "mine.yaml"
    profile.write_text("id: mine\nversion: '1'\nextends: articles\nrules:\n  PAY001: 3\n")
    argv = ["compare", "--profile", "articles", "--profile", str(profile), str(folder)]
    run(*argv)
    poison_every_pack()
    assert run(*argv)[1] == POISON
    profile.write_text("id: mine\nversion: '1'\nextends: articles\nrules:\n  PAY001: 90\n")
    assert run(*argv) == run(*argv, "--no-cache")  # same id and version, other weights
    assert run(*argv)[1] != POISON


@pytest.mark.parametrize(
    "changed",
    [
        ["--format", "markdown"],
        ["--ascii"],
        ["--samples", "3"],
        ["--profile", "testers-letter"],
        ["--profile", "articles", "--profile", "testers-letter"],
    ],
)
def test_compare_with_other_options_is_not_served_the_output_of_the_first(
    tmp_path: Path, changed: list[str]
) -> None:
    folder = three_programs(tmp_path / "programs")
    run("compare", str(folder))
    run("compare", "--samples", "3", "--seed", "1", str(folder))
    poison_every_pack()
    argv = ["compare", *changed, str(folder)]
    assert run(*argv) == run(*argv, "--no-cache")


def test_compare_fits_its_table_again_to_another_width(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = three_programs(tmp_path / "programs")
    monkeypatch.setenv("COLUMNS", "120")
    run("compare", str(folder))
    poison_every_pack()
    monkeypatch.setenv("COLUMNS", "60")
    assert run("compare", str(folder)) == run("compare", str(folder), "--no-cache")


@pytest.mark.parametrize(
    "kept",
    [
        pytest.param({"value": [None]}, id="not-a-text"),
        pytest.param({"value": ["a", "b", "c"]}, id="other-shape"),
        pytest.param({"value": "a text, not a list"}, id="not-a-list"),
        pytest.param({"key": "0" * 40}, id="other-key"),
    ],
)
def test_compare_does_not_print_a_malformed_cache_entry(
    tmp_path: Path, kept: dict[str, Any]
) -> None:
    argv = ["compare", "--format", "csv", str(three_programs(tmp_path / "programs"))]
    fresh = run(*argv, "--no-cache")
    run(*argv)
    (pack,) = packs()
    _rewrite_entries(pack, **kept)
    assert run(*argv) == fresh
    assert run(*argv) == fresh  # and as written again


def _rewrite_entries(pack: Path, value: Any = None, key: str | None = None) -> None:
    """Give every entry of ``pack`` this value or key (None: keep it), with a checksum that
    matches: an entry of the right pack whose content is not what it should be."""
    entries = json.loads(pack.read_bytes().partition(b"\n")[2])["entries"]
    for entry in entries.values():
        entry[0] = key if key is not None else entry[0]
        entry[1] = value if value is not None else entry[1]
    text = json.dumps({"entries": entries}).encode()
    pack.write_bytes(_cache._checksum(text).encode() + b"\n" + text)


def test_two_compares_filling_the_cache_at_once_print_what_no_cache_prints(
    tmp_path: Path,
) -> None:
    two_at_once("compare", "--format", "json", str(three_programs(tmp_path / "programs")))


def test_compare_with_no_cache_neither_reads_nor_writes_it(tmp_path: Path) -> None:
    folder = three_programs(tmp_path / "programs")
    run("compare", "--no-cache", str(folder))
    assert packs() == []
    run("compare", str(folder))
    poison_every_pack()
    assert POISON not in run("compare", "--no-cache", str(folder))[1]


def test_compare_keeps_nothing_of_a_run_that_reported_a_problem(tmp_path: Path) -> None:
    folder = three_programs(tmp_path / "programs")
    shutil.copy(REPO / "tests" / "examples" / "wrong-type.yaml", folder / "wrong-type.yaml")
    first = run("compare", str(folder))
    assert first[0] == 2 and "wrong-type.yaml" in first[2]  # the others are compared
    assert packs() == []
    assert run("compare", str(folder)) == first
    assert run("compare", str(folder), "missing.yaml") == run(
        "compare", str(folder), "missing.yaml", "--no-cache"
    )
    assert packs() == []
