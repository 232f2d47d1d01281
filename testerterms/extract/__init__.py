"""Reading an agreement: ``testerterms extract`` proposes a program from the terms' own text.

>>> from testerterms.extract import read_text
>>> found = read_text("Acme will not provide any compensation for your participation.")
>>> found.values["compensation.money"].value
'none'
>>> found.values["compensation.money"].quote
'Acme will not provide any compensation for your participation.'

A small core (:mod:`._text`: sentences with their offsets, the clause that states a term;
:mod:`._core`: the catalogue and provenance) and a catalogue of spotters
(:mod:`.spotters`), one unit per term with its examples and counter-examples beside it.
Deterministic: no network or model at run time. Readers for HTML, PDF and Word need the
``extract`` extra.
"""

from __future__ import annotations

from pathlib import Path

from . import spotters as _spotters  # noqa: F401  (registers the catalogue)
from ._core import SPOTTERS, Clause, Extraction, Hit, Spotter, read_text
from ._program import (
    Head,
    details_text,
    draft_program,
    extraction_json,
    program_yaml,
    terms_json,
    terms_text,
)
from ._readers import Document, from_bytes, read_source

__all__ = [
    "SPOTTERS",
    "Clause",
    "Document",
    "Extraction",
    "Head",
    "Hit",
    "Spotter",
    "details_text",
    "draft_program",
    "example_agreement",
    "extraction_json",
    "from_bytes",
    "program_yaml",
    "read_source",
    "read_text",
    "terms_json",
    "terms_text",
]

EXAMPLE: Path = Path(__file__).resolve().parent / "examples" / "tester-agreement.md"
"""A short tester agreement written for testerterms (CC0), shipped in the package."""


def example_agreement() -> str:
    """The text of the example agreement shipped with the package (Markdown)."""
    return EXAMPLE.read_text(encoding="utf-8")
