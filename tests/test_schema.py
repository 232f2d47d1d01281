"""The exported JSON Schema: draft-07, committed and current, and read by a real client."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from testerterms import _yaml
from testerterms._schema import DRAFT_07, program_schema, schema_text

from .conftest import PROGRAMS, REPO, run_cli

SCHEMA_FILE = REPO / "schema" / "program.schema.json"
MODELINE = "# yaml-language-server: $schema=../schema/program.schema.json"
INVALID = REPO / "tests" / "invalid"
EXPECTED: dict[str, Any] = json.loads((INVALID / "expected.json").read_text(encoding="utf-8"))
SCHEMA_CATCHES = sorted(name for name, case in EXPECTED.items() if case["schema"])
BUNDLED = sorted(PROGRAMS.glob("*.yaml"))
needs_check_jsonschema = pytest.mark.skipif(
    importlib.util.find_spec("check_jsonschema") is None, reason="check-jsonschema not installed"
)


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def _check_jsonschema(*files: Path) -> dict[str, Any]:
    """Run check-jsonschema, the client the issue names, with its JSON report."""
    result = subprocess.run(
        [
            sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA_FILE),
            "-o", "json", *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def test_the_committed_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "schema/program.schema.json is stale: run `python scripts/update_schema.py`"
    )


def test_the_schema_is_draft_07_with_definitions_every_ref_can_reach() -> None:
    schema = program_schema()
    assert schema["$schema"] == DRAFT_07 == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    assert "$defs" not in json.dumps(schema)
    refs = set(_refs(schema))
    assert refs, "the schema should share definitions"
    for ref in refs:
        assert ref.startswith("#/definitions/")
        assert ref.removeprefix("#/definitions/") in schema["definitions"]


def test_every_bundled_program_names_the_schema_in_its_first_line() -> None:
    for path in BUNDLED:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == MODELINE, path.name
        target = (path.parent / first.split("$schema=")[1]).resolve()
        assert target == SCHEMA_FILE


def _valid(instance: Any) -> bool:
    return jsonschema.Draft7Validator(program_schema()).is_valid(instance)


def _program(**terms: Any) -> dict[str, Any]:
    return {
        "id": "example",
        "name": "Example",
        "organization": "Example Org",
        "kind": "beta",
        "sources": {"S1": {"title": "Terms", "party": "organization", "url": "https://x"}},
        "terms": terms,
    }


@pytest.mark.parametrize(
    "section",
    [
        {"money": "unknown"},
        {"source": "S1", "money": "everyone"},
        {"source": ["S1"], "money": {"value": "everyone"}},
        {"money": {"value": "none", "source": "S1", "quote": "q", "party": "press", "note": "n"}},
        {
            "money": {
                "claims": [{"value": "none", "source": "S1"}, {"value": "some", "source": ["S1"]}]
            }
        },
        {"conditions": {"value": ["winners", "selected"], "source": "S1"}},
        {"hourly_rate": {"value": 25.5, "source": "S1"}},
    ],
)
def test_the_schema_accepts_each_way_a_term_is_written(section: dict[str, Any]) -> None:
    assert _valid(_program(compensation=section))


@pytest.mark.parametrize(
    "section",
    [
        {"money": "everybody"},
        {"money": None},
        {"money": {"value": "none", "sorce": "S1"}},
        {"money": {"claims": [{"value": "none"}]}},  # a claim carries its own source
        {"money": {"claims": {"value": "none", "source": "S1"}}},
        {"hourly_rate": {"value": -1, "source": "S1"}},
        {"conditions": "winners"},  # a list is never a plain value
        {"money": {"value": "none", "source": []}},
        {"paid": "everyone"},
    ],
)
def test_the_schema_rejects_what_a_term_cannot_be(section: dict[str, Any]) -> None:
    assert not _valid(_program(compensation=section))


def test_the_schema_accepts_the_starter_program() -> None:
    from testerterms._authoring import starter_program

    assert _valid(_yaml.parse(starter_program(), "starter.yaml").data)


@needs_check_jsonschema
def test_check_jsonschema_accepts_every_bundled_program() -> None:
    report = _check_jsonschema(*BUNDLED)
    assert report["status"] == "ok", report


@needs_check_jsonschema
def test_check_jsonschema_rejects_every_invalid_example_the_schema_can_express() -> None:
    assert len(SCHEMA_CATCHES) >= 20
    report = _check_jsonschema(*(INVALID / name for name in SCHEMA_CATCHES))
    assert report["parse_errors"] == []
    rejected = {Path(error["filename"]).name for error in report["errors"]}
    assert rejected == set(SCHEMA_CATCHES)


def test_schema_prints_the_committed_schema(tmp_path: Path) -> None:
    result = run_cli("schema", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == SCHEMA_FILE.read_text(encoding="utf-8")


def test_schema_output_file_is_written_but_never_over_an_existing_one(tmp_path: Path) -> None:
    target = tmp_path / "program.schema.json"
    first = run_cli("schema", "-o", str(target))
    assert first.returncode == 0, first.stderr
    assert target.read_text(encoding="utf-8") == schema_text()

    target.write_text("mine", encoding="utf-8")
    refused = run_cli("schema", "-o", str(target))
    assert refused.returncode == 2
    assert "already exists: use --force" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert target.read_text(encoding="utf-8") == "mine"

    forced = run_cli("schema", "-o", str(target), "--force")
    assert forced.returncode == 0
    assert target.read_text(encoding="utf-8") == schema_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary left


def test_schema_into_a_missing_folder_creates_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "schema.json"
    result = run_cli("schema", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert f"created the folder {tmp_path / 'no'}" in result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["$schema"]
