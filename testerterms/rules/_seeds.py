"""The seed articles (shared/seeds) the first fifteen rules cite, by file name."""

from __future__ import annotations

from typing import Final

S000: Final = "000_2ade1e3eb60892e5.txt"
S001: Final = "001_7b43d2c3fe14ff21.txt"
S002: Final = "002_525207be3749729f.txt"
S003: Final = "003_ddcf967fa1853128.txt"
S004: Final = "004_92c05947ec52c69f.txt"
LETTER: Final = "PR-Puppets open letter (research/programs.md, section 1b)"
