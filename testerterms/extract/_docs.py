"""The coverage table of ``docs/extract.md``, made from the spotters' docstrings
(``scripts/update_extract_docs.py`` writes it; ``tests/test_extract.py`` keeps it current)."""

from __future__ import annotations

import re

from ._core import SPOTTERS

BEGIN = "<!-- generated: extract coverage -->"
END = "<!-- end: extract coverage -->"


def _cell(text: str) -> str:
    text = " ".join(text.split()).replace("``", "`")
    return text.replace("|", "\\|")


def coverage_markdown() -> str:
    """One row per term: what its spotter looks for, how the value is decided, known limits."""
    rows = [
        "| term | what it looks for | values | known limits |",
        "|---|---|---|---|",
    ]
    for key, unit in SPOTTERS.items():
        paragraphs = [p for p in re.split(r"\n\s*\n", unit.doc.strip()) if p.strip()]
        looks_for = paragraphs[0] if paragraphs else ""
        limits = " ".join(p for p in paragraphs[1:] if p.strip().startswith("Limits:"))
        values = " ".join(p for p in paragraphs[1:] if not p.strip().startswith("Limits:"))
        limits = limits.strip().removeprefix("Limits:").strip()
        rows.append(f"| `{key}` | {_cell(looks_for)} | {_cell(values)} | {_cell(limits)} |")
    return "\n".join(rows) + "\n"


def render(document: str) -> str:
    """``document`` with the block between the markers replaced by the current table."""
    start = document.index(BEGIN) + len(BEGIN)
    end = document.index(END)
    return document[:start] + "\n" + coverage_markdown() + document[end:]
