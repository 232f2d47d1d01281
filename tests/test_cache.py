"""The cache of `score` and `validate`: a run that takes results from it prints what a run
without it prints, and nothing it holds outlives a change to what a result depends on.

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


def test_a_new_tool_version_does_not_use_the_results_of_the_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = three_programs(tmp_path / "programs")
    run("score", str(folder))
    poison_every_pack()
    assert POISON in run("score", str(folder))[1]
    monkeypatch.setattr(_cache, "__version__", "999.0.0")
    assert run("score", str(folder)) == run("score", str(folder), "--no-cache")


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
def test_a_damaged_pack_is_ignored_and_written_again(tmp_path: Path, damage: Any) -> None:
    folder = three_programs(tmp_path / "programs")
    fresh = run("score", "--format", "json", str(folder), "--no-cache")
    run("score", "--format", "json", str(folder))
    (pack,) = packs()
    damage(pack)
    assert run("score", "--format", "json", str(folder)) == fresh
    if pack.is_file():  # written again, whole: the next run takes it
        poison_every_pack()
        assert POISON in run("score", "--format", "json", str(folder))[1]


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
    fresh = run("score", "--format", "json", str(folder), "--no-cache")
    command = [sys.executable, "-m", "testerterms", "score", "--format", "json", str(folder)]
    started = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    for process in started:
        out, err = process.communicate(timeout=120)
        assert (process.returncode, out, err) == fresh
    assert len(packs()) == 1
    assert not list(cache_folder().glob("v*/.*.tmp"))  # no temporary file left behind
    assert run("score", "--format", "json", str(folder)) == fresh
    poison_every_pack()
    assert POISON in run("score", "--format", "json", str(folder))[1]  # the pack is whole


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


def test_folders_of_code_versions_unused_for_a_week_are_removed(tmp_path: Path) -> None:
    root = tmp_path / "cache"
    root.mkdir()
    old, recent = root / "v1-old", root / "v1-recent"
    for folder in (old, recent):
        folder.mkdir()
        (folder / "pack.json").write_text("{}")
    long_ago = 8 * 86_400
    os.utime(old, (os.stat(old).st_atime - long_ago, os.stat(old).st_mtime - long_ago))
    assert _cache.Cache.open("test", [], root=root) is not None
    assert not old.exists() and recent.exists()


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


def poison_diff_texts() -> int:
    """Replace the text ``diff`` kept (leaving the old file's key): returns how many."""
    count = 0
    for pack in packs():
        entries = json.loads(pack.read_bytes().partition(b"\n")[2])["entries"]
        for entry in entries.values():
            if isinstance(entry[1], list) and len(entry[1]) == 3:
                entry[1][1] = POISON
                count += 1
        text = json.dumps({"entries": entries}, separators=(",", ":")).encode()
        pack.write_bytes(_cache._checksum(text).encode() + b"\n" + text)
    return count


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
    assert poison_diff_texts() == 1
    assert run("diff", str(old), str(new))[1] == POISON  # the control: the kept text is used
    assert run("diff", str(old), str(new), "--no-cache")[1] == real[1]
    assert run("diff", str(old), str(new), "--profile", "testers-letter")[1] != POISON
    old.write_text(old.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert run("diff", str(old), str(new)) == real  # the old file changed: loaded again
    poison_diff_texts()
    new.write_text(new.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert run("diff", str(old), str(new)) == real  # and so for the new one
