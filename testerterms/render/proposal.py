"""Draft's writers, keyed by format: a proposal or a model agreement as Markdown or Word.

``draft --format`` offers the keys of :data:`WRITERS` (``-o FILE`` picks one by its suffix).
Markdown is text; Word is the bytes of a ``.docx`` file (python-docx, the ``word`` extra),
imported only when a Word file is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final, Union

if TYPE_CHECKING:
    from ..advice.agreement import ModelAgreement
    from ..advice.draft import Proposal

Document = Union["Proposal", "ModelAgreement"]


def _markdown(document: Document) -> str | bytes:
    from ..advice.agreement import ModelAgreement
    from .proposal_markdown import agreement_markdown, proposal_markdown

    if isinstance(document, ModelAgreement):
        return agreement_markdown(document)
    return proposal_markdown(document)


def _word(document: Document) -> str | bytes:
    from ..advice.agreement import ModelAgreement
    from .proposal_word import agreement_word, proposal_word

    if isinstance(document, ModelAgreement):
        return agreement_word(document)
    return proposal_word(document)


WRITERS: Final[dict[str, Callable[[Document], str | bytes]]] = {
    "markdown": _markdown,
    "docx": _word,
}

SUFFIXES: Final = {".md": "markdown", ".markdown": "markdown", ".docx": "docx"}
"""The format an output file's suffix asks for."""


def write(document: Document, fmt: str = "markdown") -> str | bytes:
    """``document`` in format ``fmt`` (a key of :data:`WRITERS`)."""
    return WRITERS[fmt](document)
