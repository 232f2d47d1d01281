"""The catalogue of spotters, one unit per term, a module per section of the terms. Importing
this package registers every spotter in :data:`testerterms.extract.SPOTTERS`, in the order of
the model's sections (and, within a section, the order the spotters are defined)."""

from __future__ import annotations

from .._core import SPOTTERS
from . import (  # noqa: F401  (registered when imported)
    access,
    compensation,
    confidentiality,
    content_review,
    expectations,
    ownership,
    voice,
)

_SECTIONS = (
    "compensation",
    "content_review",
    "confidentiality",
    "ownership",
    "expectations",
    "voice",
    "access",
)
_ordered = sorted(SPOTTERS.items(), key=lambda item: _SECTIONS.index(item[0].split(".")[0]))
SPOTTERS.clear()
SPOTTERS.update(_ordered)
