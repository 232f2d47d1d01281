"""The catalogue of spotters, one unit per term, a module per section of the terms (in the
order of the model's sections). Importing this package registers every spotter in
:data:`testerterms.extract.SPOTTERS`."""

from __future__ import annotations

from . import (  # noqa: F401  (registered when imported, in this order)
    access,
    compensation,
    confidentiality,
    content_review,
    expectations,
    ownership,
    voice,
)
