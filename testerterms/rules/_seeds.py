"""The seed articles (five articles on the Sora leak) the first fifteen rules cite, by file
name, and the open letter.

Each seed is named by its file name and by a title a reader can search for: its headline
where the file has one, else its opening words. The seed files give no URL of their own
(004 links only to another article by its author), so none is claimed.
"""

from __future__ import annotations

from typing import Final

from ._core import cited_text

S000: Final = cited_text(
    "000_2ade1e3eb60892e5.txt",
    "In a recent incident that has raised concerns about the exploitation of early "
    "contributors (opening words; no headline)",
)
S001: Final = cited_text(
    "001_7b43d2c3fe14ff21.txt",
    "OpenAI’s Sora Video Generator Leaked by Artists: A Protest Against Unpaid Labor and "
    "Artwashing",
)
S002: Final = cited_text(
    "002_525207be3749729f.txt",
    "The Sora video generation tool developed by OpenAI was temporarily offline after a group "
    "of beta testers shared the platform online (opening words; no headline)",
)
S003: Final = cited_text(
    "003_ddcf967fa1853128.txt",
    "In a striking turn of events, OpenAI's cutting-edge video generation model, Sora, found "
    "itself thrust into the limelight for all the wrong reasons",
)
S004: Final = cited_text(
    "004_92c05947ec52c69f.txt",
    "OpenAI’s Sora video generation model got leaked by its own beta testers, and honestly, "
    "they had it coming (opening words; no headline)",
)
LETTER: Final = cited_text(
    "PR-Puppets open letter",
    '"Open letter: why are we doing this?" ("DEAR CORPORATE AI OVERLORDS"), signed '
    '"some sora-alpha-artists"',
    "https://huggingface.co/spaces/PR-Puppets/PR-Puppet-Sora",
    publisher="PR-Puppets (sora-alpha-artists)",
    date="2024-11-26",
)
