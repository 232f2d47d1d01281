"""The seed articles (five articles on the Sora leak) the first fifteen rules cite, and the
public texts that say the same.

Each seed is named by its file name, with its headline and publisher and the address of the
page whose text the seed file is, word for word (found in the stored copies of those pages).
Where a page's headline is not in the stored copy, it is read from the page's address, and
the note says so. Where a rule rests on a seed, it also cites a text a reader can open that
says the same: the testers' open letter, or the press report the article rests on.
"""

from __future__ import annotations

from typing import Final

from ._core import cited_text

_HEADLINE_FROM_ADDRESS: Final = (
    "the seed file is this page's text word for word; the stored copy starts with the body, so "
    "the headline is read from the page's address."
)

S000: Final = cited_text(
    "000_2ade1e3eb60892e5.txt",
    "OpenAI's Sora tool leaked by beta testers",
    "https://cybermaterial.com/openais-sora-tool-leaked-by-beta-testers",
    publisher="CyberMaterial",
    note=_HEADLINE_FROM_ADDRESS
    + " It retells Cointelegraph's report of 2024-11-27 (a repost of that report opens "
    '"According to Cointelegraph").',
)
S001: Final = cited_text(
    "001_7b43d2c3fe14ff21.txt",
    "OpenAI’s Sora Video Generator Leaked by Artists: A Protest Against Unpaid Labor and "
    "Artwashing",
    "https://pc-tablet.com/openais-sora-video-generator-leaked-by-artists-a-protest-against-unpaid-labor-and-artwashing",
    publisher="PC-Tablet (Jamie Davidson)",
    note=(
        "the seed file is this page's text word for word; it misdates the leak to 14 November 2023."
    ),
)
S002: Final = cited_text(
    "002_525207be3749729f.txt",
    "OpenAI shuts access to Sora video AI model",
    "https://ayutechno.com/openai-shuts-access-sora-video-ai-model/30/11/2024",
    publisher="Ayu Techno",
    date="2024-11-30",
    note=_HEADLINE_FROM_ADDRESS,
)
S003: Final = cited_text(
    "003_ddcf967fa1853128.txt",
    "Sora drama unveiled: how OpenAI's leaked video generation model sparked controversy",
    "https://cavalli.top/sora-drama-unveiled-how-openais-leaked-video-generation-model-sparked-controversy/",
    publisher="cavalli.top",
    note=_HEADLINE_FROM_ADDRESS
    + " The page opens with the standfirst \"In a striking turn of events, OpenAI's "
    'cutting-edge video generation model, Sora, found itself thrust into the limelight".',
)
S004: Final = cited_text(
    "004_92c05947ec52c69f.txt",
    "OpenAI Sora leak: artists fight back against tech giant",
    "https://adam.holter.com/openai-sora-leak-artists-fight-back-against-tech-giant/",
    publisher="Adam Holter (blog)",
    note=_HEADLINE_FROM_ADDRESS + " An opinion post.",
)
LETTER: Final = cited_text(
    "PR-Puppets open letter",
    '"Open letter: why are we doing this?" ("DEAR CORPORATE AI OVERLORDS"), signed '
    '"some sora-alpha-artists"',
    "https://huggingface.co/spaces/PR-Puppets/PR-Puppet-Sora",
    publisher="PR-Puppets (sora-alpha-artists)",
    date="2024-11-26",
)
ARS: Final = cited_text(
    "Ars Technica, 2024-11-26",
    "OpenAI is at war with its own Sora video testers following brief public leak",
    "https://americannewsgroup.com/?p=122005",
    publisher="Ars Technica",
    date="2024-11-26",
    note=(
        "read on a re-post; no copy at arstechnica.com is in the stored copies. The second half "
        "is re-posted at https://heroku.briefly.co/anchor/Misc/story/"
        "openai-is-at-war-with-its-own-sora-video-testers-following-brief-public-leak."
    ),
)
