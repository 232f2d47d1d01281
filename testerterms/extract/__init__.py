"""Reading an agreement: ``testerterms extract``."""
from __future__ import annotations

from . import spotters as _spotters  # noqa: F401  (registers the catalogue)
from ._core import SPOTTERS, Clause, Extraction, Hit, Spotter, read_text

__all__ = ["SPOTTERS", "Clause", "Extraction", "Hit", "Spotter", "read_text"]
