"""docs/codebook.md: it names every term of the schema, the schema and the authoring guide
point to it, and the headings that `validate` messages and links name exist."""

from __future__ import annotations

import json
import re
from functools import cache

from testerterms._checks import CODEBOOK
from testerterms._schema import codebook_anchor
from testerterms.model import Terms

from .conftest import REPO

CODEBOOK_FILE = REPO / CODEBOOK
SCHEMA_FILE = REPO / "schema" / "program.schema.json"
_HEADING = re.compile(r"^#{2,4} (.+?)\s*$", re.MULTILINE)
_LINK = re.compile(r"\]\(#([^)]+)\)")
_QUOTED_HEADING = re.compile(r'\{CODEBOOK\}, "([^"]+)"')


def _term_keys() -> list[str]:
    return [key for key, _ in Terms().items()]


@cache
def _anchors() -> dict[str, str]:
    """Each heading of the codebook by the anchor GitHub gives it."""
    text = CODEBOOK_FILE.read_text(encoding="utf-8")
    return {codebook_anchor(heading): heading for heading in _HEADING.findall(text)}


def test_the_codebook_has_a_section_for_every_term_of_the_schema() -> None:
    headings = set(_anchors().values())
    assert [key for key in _term_keys() if key not in headings] == []


def test_each_term_section_gives_an_example_and_a_counter_example() -> None:
    text = CODEBOOK_FILE.read_text(encoding="utf-8")
    for key in _term_keys():
        section = text.split(f"\n### {key}\n", 1)[1].split("\n#", 1)[0]
        assert "Counter-example" in section, key
        assert "Example" in section or "No bundled program states it" in section, key


def test_every_term_description_in_the_schema_links_to_its_codebook_section() -> None:
    schema = SCHEMA_FILE.read_text(encoding="utf-8")
    for key in _term_keys():
        link = f"{CODEBOOK}#{codebook_anchor(key)}"
        assert link in schema, key
        assert codebook_anchor(key) in _anchors(), key


def test_the_codebook_links_only_to_headings_it_has() -> None:
    text = CODEBOOK_FILE.read_text(encoding="utf-8")
    assert [anchor for anchor in _LINK.findall(text) if anchor not in _anchors()] == []


def test_the_headings_validate_messages_name_exist() -> None:
    source = (REPO / "testerterms" / "_checks.py").read_text(encoding="utf-8")
    named = set(_QUOTED_HEADING.findall(source))
    assert named == {"One sentence, several terms", "Silence", "Who speaks"}
    assert named <= set(_anchors().values())


def test_the_authoring_guide_and_the_corpus_log_point_to_the_codebook() -> None:
    assert "codebook.md" in (REPO / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert "codebook.md" in (REPO / "docs" / "corpus-changes.md").read_text(encoding="utf-8")


def test_the_schema_is_still_valid_json_with_the_links() -> None:
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["definitions"]
