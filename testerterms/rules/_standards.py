"""The published standards the rules beyond the seed fifteen cite: each text once, with its URL.

The URL is the copy that was read; where that is a mirror or a historic version, the note
says so. Quotes are short and verbatim, from those copies; what could not be checked on a
copy is not cited.
"""

from __future__ import annotations

from typing import Final

from ._core import cited_text

# --- pay floors and payment terms -------------------------------------------------------------

FAIRWORK: Final = cited_text(
    "Fairwork principles",
    "Fairwork: the five principles of fair platform work",
    "https://fair.work/en/fw/homepage/",
    publisher="Fairwork Foundation",
)
FAIRWORK_CLOUDWORK: Final = cited_text(
    "Fairwork Cloudwork Principles",
    "Cloudwork (Online Work) Principles, Principle 1: Fair Pay",
    "https://fair.work/en/principles/cw01",
    publisher="Fairwork Foundation",
    date="2021-11",
    note="the version in force from November 2021; revised June 2024",
)
FAIRWORK_RATING: Final = cited_text(
    "Fairwork rating notes",
    "Workana (Cloudwork) 2022 rating: the five principles' thresholds and scoring notes",
    "https://fair.work/en/ratings/platforms/cloudwork-workana/?y=2022",
    publisher="Fairwork Foundation",
    date="2022",
)
FAIRWORK_AI: Final = cited_text(
    "Fairwork AI principles",
    "Fairwork AI Principles",
    "https://fair.work/en/fw/principles/ai-principles/",
    publisher="Fairwork Foundation",
    date="2023-07-27",
)
PROLIFIC: Final = cited_text(
    "Prolific payment principles",
    "Prolific's payment principles",
    "https://researcher-help.prolific.com/hc/en-gb/articles/4407695146002-Prolific-s-payment-principles",
    publisher="Prolific",
)
PROLIFIC_WELLBEING: Final = cited_text(
    "Prolific participant wellbeing",
    "Participant Wellbeing - how we look after you",
    "https://participant-help.prolific.com/hc/en-gb/articles/10001119887260-Participant-Wellbeing-how-we-look-after-you",
    publisher="Prolific",
)
PROLIFIC_UNDERPAYING: Final = cited_text(
    "Prolific underpaying studies",
    "How to resolve an underpaying study with adjustment payments",
    "https://researcher-help.prolific.com/en/article/4dd6a0",
    publisher="Prolific",
)
PAI: Final = cited_text(
    "PAI responsible sourcing",
    "Responsible Sourcing Library",
    "https://partnershiponai.org/responsible-sourcing-library/",
    publisher="Partnership on AI",
)
STANFORD_FAIR_WORK: Final = cited_text(
    "Stanford Fair Work",
    "Fair Work (Stanford HCI): minimum wage for crowd work, the project page",
    "https://fairwork.stanford.edu/",
    publisher="Stanford HCI",
)
UTEST: Final = cited_text(
    "uTest tester rights",
    "uTest knowledge base article KB0010111: tester rights",
    "https://support.utest.com/csp?id=kb_article_view&sysparm_article=KB0010111",
    publisher="uTest (Applause)",
)
HACKERONE_FINDER_2017: Final = cited_text(
    "HackerOne Finder Terms 2017",
    "HackerOne Finder Terms and Conditions (version of 2017-02-16)",
    "https://www.hackerone.com/terms/finder/2017-02-16",
    publisher="HackerOne",
    date="2017-02-16",
    note="a historic version",
)
TESTER_WORK: Final = cited_text(
    "Tester Work payment policy",
    "Tester Work payment policy (page)",
    "https://testerwork.com/payment-policy",
    publisher="Tester Work",
)

# --- research safe harbor and disclosure ----------------------------------------------------------

SAFE_HARBOR_PAPER: Final = cited_text(
    "A Safe Harbor for AI Evaluation and Red Teaming",
    "A Safe Harbor for AI Evaluation and Red Teaming (Longpre et al., ICML 2024)",
    "https://arxiv.org/html/2403.04893v1",
    publisher="Longpre et al.",
    date="2024-03-07",
)
SAFE_HARBOR_LETTER: Final = cited_text(
    "AI safe harbor open letter",
    "Open letter on a safe harbor for independent AI evaluation (We propose that AI companies "
    "make simple policy changes to protect good faith research on their models)",
    "https://sites.mit.edu/ai-safe-harbor",
    publisher="Longpre et al. and signatories",
    date="2024-03-07",
)
FLAW_DISCLOSURE_2025: Final = cited_text(
    "In-House Evaluation Is Not Enough",
    "In-House Evaluation Is Not Enough: Towards Robust Third-Party Flaw Disclosure for "
    "General-Purpose AI (Longpre et al., 2025)",
    "https://arxiv.org/html/2503.16861v2",
    publisher="Longpre et al.",
    date="2025-03",
)
HACKERONE_GUIDELINES: Final = cited_text(
    "HackerOne Vulnerability Disclosure Guidelines",
    "HackerOne Vulnerability Disclosure Guidelines",
    "https://hackerone.com/disclosure-guidelines",
    publisher="HackerOne",
)
HACKERONE_GUIDELINES_2019: Final = cited_text(
    "HackerOne Vulnerability Disclosure Guidelines v1.2",
    "HackerOne Vulnerability Disclosure Guidelines, version 1.2 (29 July 2019)",
    "https://paymentupdated.com/disclosure-guidelines.html",
    publisher="HackerOne",
    date="2019-07-29",
    note="an older version, read on a mirror",
)
HACKERONE_GOLD_STANDARD: Final = cited_text(
    "HackerOne Gold Standard Safe Harbor",
    "HackerOne Announces Gold Standard Safe Harbor to Improve Protections for Good Faith "
    "Security Research",
    "https://www.hackerone.com/press-release/hackerone-announces-gold-standard-safe-harbor-improve-protections-good-faith-security",
    publisher="HackerOne",
    date="2022",
)
BUGCROWD_DISCLOSURE: Final = cited_text(
    "Bugcrowd disclosure policy",
    "Bugcrowd Docs: Disclosure",
    "https://docs.bugcrowd.com/researchers/reporting-managing-submissions/disclosure/",
    publisher="Bugcrowd",
)
BUGCROWD_CONDUCT: Final = cited_text(
    "Bugcrowd Code of Conduct",
    "Bugcrowd Code of Conduct",
    "https://www.bugcrowd.com/resources/essentials/code-of-conduct/",
    publisher="Bugcrowd",
)
DIOTERMS: Final = cited_text(
    "disclose.io dioterms",
    "The disclose.io Terms (dioterms README: About Safe Harbor)",
    "https://github.com/disclose/dioterms",
    publisher="disclose.io",
)
DIOTERMS_SAFE_HARBOR: Final = cited_text(
    "disclose.io safe harbor terms",
    "disclose.io core terms: Safe Harbor (en-US)",
    "https://raw.githubusercontent.com/disclose/dioterms/master/terms/safe-harbor/en-US.md",
    publisher="disclose.io",
)
CISA_VDP: Final = cited_text(
    "CISA VDP template",
    "CISA vulnerability disclosure policy template, as adopted by a federal body",
    "https://cssbmb.gov/vulnerability-disclosure-policy/",
    publisher="CISA (template)",
    note="CISA's template text as one agency adopted it verbatim",
)

# --- likeness, voice and training use -----------------------------------------------------------

SAG_AFTRA_REPLICAS: Final = cited_text(
    "SAG-AFTRA Digital Replicas 101",
    "Digital Replicas 101: What You Need to Know About the 2023 TV/Theatrical Contracts",
    "https://coralberryevents.com/advise-and-consent-movie-characters-7813",
    publisher="SAG-AFTRA",
    date="2023",
    note=(
        "SAG-AFTRA's text read on a third-party re-post, the only copy in the stored pages (no "
        "copy at sagaftra.org or in an archive was found)"
    ),
)
NY_GOB_5_302: Final = cited_text(
    "New York GOB § 5-302",
    "New York General Obligations Law § 5-302: Contracts for the creation and use of digital "
    "replicas",
    "https://nysenate.gov/legislation/laws/GOB/5-302",
    publisher="New York State",
)
NAVA: Final = cited_text(
    "NAVA synthetic voice guidance",
    "NAVA: Synth AI (contract guidance for performers)",
    "https://navavoices.org/synth-ai/",
    publisher="National Association of Voice Actors",
)
EQUITY: Final = cited_text(
    "Equity AI Vision Statement",
    "Equity's AI Vision Statement",
    "https://equity.org.uk/advice-and-support/know-your-rights/ai-toolkit/equitys-ai-vision-statement",
    publisher="Equity (UK performers' union)",
)
AUTHORS_GUILD_TRAINING: Final = cited_text(
    "Authors Guild model clause",
    "Authors Guild model clause prohibiting AI training",
    "https://authorsguild.org/news/model-clause-prohibiting-ai-training",
    publisher="Authors Guild",
)
AUTHORS_GUILD_CLAUSES: Final = cited_text(
    "Authors Guild AI model clauses",
    "The Authors Guild Releases New AI Model Clauses and Issues Updates",
    "https://authorsguild.org/news/authors-guild-releases-new-ai-model-clauses-and-issues-updates/",
    publisher="Authors Guild",
)
AUTHORS_GUILD_RIGHTS: Final = cited_text(
    "Authors Guild on AI rights",
    "Authors Guild article on AI rights in book contracts (page 45127)",
    "https://authorsguild.org/?p=45127",
    publisher="Authors Guild",
)
WGA_EAST: Final = cited_text(
    "WGA East on AI",
    "WGA East: Know your rights: Artificial Intelligence (2023 MBA)",
    "https://wgaeast.org/know-your-rights/artificial-intelligence",
    publisher="Writers Guild of America East",
    date="2023",
)

# --- representation -----------------------------------------------------------------------------

HUMAN_ARTISTRY: Final = cited_text(
    "Human Artistry Campaign principles",
    "Human Artistry Campaign principles, as listed by Fair Trade Music International",
    "https://www.fairtrademusicinternational.org/fair-trade-music-international-signs-on-to-human-artistry-campaign/",
    publisher="Human Artistry Campaign",
    note="the campaign's list, read on a signatory's page",
)
