"""Compensation: who is paid money."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from .._core import Hit, spotter
from .._text import Sentence
from ._vocab import NEGATION, PARTICIPANT, WORD, gap, hit, negated, rx

_PAY_NOUN: Final = (
    r"(?:compensation|payment|remuneration|money|pay|fees?|wages?|salary|consideration)"
)
_NONE: Final = rx(
    r"\b(?:will|shall|do|does|would|is|are)\s+(?:not|never)\s+(?:\w+\s+)?(?:provide|pay|offer|give|"
    r"receive|"
    r"owe|be\s+(?:paid|compensated|remunerated|entitled\s+to))\s+(?:you\s+|participants\s+)?"
    rf"(?:any\s+|a\s+)?(?:\w+\s+)?{_PAY_NOUN}|"
    r"\b(?:will|shall|do|does|would|is|are)\s+(?:not|never)\s+(?:be\s+)?(?:paid|compensated|"
    r"remunerated)\b|"
    r"\b(?:won't|don't|doesn't)\s+(?:be\s+)?(?:pay|paid|compensated|receive\s+(?:any\s+)?"
    rf"{_PAY_NOUN})|"
    r"\b(?:there\s+is\s+|with\s+|receive\s+|for\s+)?no\s+(?:monetary\s+)?(?:compensation|payment|"
    r"remuneration|pay)\s+(?:for|in\s+exchange\s+for|is\s+(?:provided|offered|given))\b|"
    r"\bwithout\s+(?:any\s+)?(?:compensation|remuneration|pay)\s+(?:for|to\s+you)\b|"
    r"\bunpaid\s+(?:basis|volunteer|participation|work)|\bon\s+an?\s+unpaid\b|"
    r"\bdoes\s+not\s+offer\s+(?:any\s+)?(?:compensation|payment|rewards?|bount(?:y|ies))\b|"
    r"^\W*(?:[\d.]+\s+)?no\s+compensation\b"
)
_EVERYONE: Final = rx(
    rf"\b(?:{PARTICIPANT}|each\s+participant|every\s+participant|all\s+participants)\s+"
    rf"(?:will|shall)\s+{WORD}?(?:be\s+(?:paid|compensated|remunerated)|receive\s+(?:a|an|the|"
    r"your)?\s*(?:payment|compensation|fee|stipend|incentive|honorarium|gift\s+card|\$|usd|eur|"
    r"gbp|£|€|\d))|"
    r"\b(?:we|\w+)\s+(?:will|shall)\s+pay\s+(?:you|each|every|all)\b|"
    r"\b(?:will|shall)\s+be\s+compensated\s+for\s+(?:your\s+|the\s+)?time\b|"
    r"\bcan\s+expect\s+to\s+receive\s+(?:the|your|a)\s+payment\b|"
    r"\bwe\s+pay\s+(?:you\s+)?(?:\$|usd|eur|gbp|€|£)\s?\d|"
    r"\bin\s+return\s+for\s+(?:a|an|the|your)\s+(?:reward|payment|fee|compensation)\b"
)
_PER_RESULT: Final = rx(
    r"\b(?:eligible\s+for|receive|award(?:ed)?|earn|pays?|paid|qualif(?:y|ies|ied)\s+for)\s+"
    r"(?:a\s+|an\s+)?(?:(?:cash|monetary|bug)\s+)?(?:bount(?:y|ies)|rewards?|awards?|payouts?)\b|"
    r"\b(?:bount(?:y|ies)|rewards?|awards?|payouts?)\s+(?:\w+\s+)?(?:range|ranging|of|from|up\s+to|"
    r"between)\s+(?:\$|usd|eur|€|£|\d)|"
    r"(?:\$|usd\s?)\s?[\d,]+\s*(?:-|to)\s*(?:\$|usd\s?)?\s?[\d,]+\s+per\s+(?:vulnerability|bug|report|"
    r"finding|issue|submission|valid)|"
    r"\bonly\s+(?:award|reward|pay)\s+the\s+first\b|"
    r"(?:\$|usd|eur|€|£)\s?[\d,.]+\s*(?:usd\s+|eur\s+)?per\s+(?:approved|accepted|valid|"
    r"qualifying|eligible)\s+\w+|"
    r"\brewarded\s+" + gap(60) + r"\bonly\s+for\s+(?:useful|valid|qualif|accepted|eligible)|"
    r"\bper\s+(?:valid\s+|accepted\s+|qualifying\s+)?(?:vulnerability|bug|report|finding|submission)\b"
    + gap(40)
    + r"\b(?:paid|reward|bounty)"
)
_SOME: Final = rx(
    r"\b(?:select(?:ed)?|a\s+few|chosen|winning|top|some)\s+(?:\w+\s+){0,2}?(?:participants|testers|"
    r"creators|artists|entries|outputs|submissions|finalists|winners|videos|films)\b"
    + gap(80)
    + r"\b(?:stipends?|prizes?|grants?|awards?|paid|compensat\w*|cash|honorari\w*)|"
    r"\b(?:stipends?|prizes?|grants?|awards?|payments?)\s+(?:\w+\s+){0,3}?(?:for|to)\s+"
    r"(?:select(?:ed)?|a\s+few|chosen|winning|top|some)\b|"
    r"\b(?:cash\s+)?prizes?\s+(?:of|worth|totall?ing|pool)\b|\bprize\s+pool\b|"
    r"\b(?:a\s+)?select\s+few\b" + gap(120) + r"\b(?:compensat\w*|paid|prizes?|awards?)|"
    r"(?:\$|usd\s?)[\d,]+\s+(?:cash\s+)?prize|"
    r"\b(?:through|via|offer\w*|award\w*|receive|provid\w*|with)\s+(?:\w+\s+){0,2}?grants?\b"
    r"(?!\s+(?:you|us|to|the|a|an)\b)|"
    rf"\bmay\s+{WORD}?(?:offer|pay|provide)\s+(?:\w+\s+){{0,3}}?(?:stipends?|payments?|"
    r"compensation|prizes?)"
)
_NEEDS: Final = {
    "everyone": ("paid", "compensated", "remunerated", "receive", "pay", "in return for"),
    "per-result": ("bount", "reward", "award", "payout", "per ", "first"),
    "some": ("select", "few", "chosen", "winn", "top", "some", "stipend", "prize", "grant", "award",
             "payment", "compensat", "cash", "honorari"),
    "none": ("not", "n't", "no ", "no\n", "without", "unpaid", "never"),
}  # fmt: skip
"""Words each value's pattern cannot match without (a cheap test before the pattern runs)."""
_LICENCE: Final = rx(r"\blicen[cs]e|\bright\s+to\s+use\b|\brights\s+to\s+use\b")


@spotter(
    "compensation.money",
    cue=(
        "compensat",
        "pay",
        "paid",
        "remunerat",
        "reward",
        "bount",
        "prize",
        "stipend",
        "incentive",
        "award",
        "honorari",
        "gift card",
        "wage",
        "salary",
        "grant",
        "$",
        "usd",
        "€",
        "£",
    ),
    prefer=("everyone", "per-result", "some", "none"),
    examples={
        "Acme will not provide any compensation for your participation in the Program.": "none",
        "Your participation is voluntary and free, there is no compensation for your "
        "participation.": "none",
        "Participants will be paid USD 40 for each hour of testing.": "everyone",
        "You will be compensated for time spent on red teaming projects.": "everyone",
        "Qualified submissions are eligible for bounty awards from $250 to $30,000 USD.": (
            "per-result"
        ),
        "When duplicates occur, we only award the first report that was received.": "per-result",
        "From time to time, Acme may offer optional per-video stipends for select creative "
        "outputs.": "some",
        "The three winning films receive a cash prize of $5,000.": "some",
        "Current stipend amount: $25 USD per approved video.": "per-result",
        "You will not be paid.": "none",
        "Testers will never be paid for their time.": "none",
        "Participants shall not be remunerated for their time.": "none",
        "You will not receive a payment.": "none",
        "Participants will not be paid for their participation in the program.": "none",
        "Testers will never be paid.": "none",
        "Participants will not be compensated for testing.": "none",
        "You will NOT be paid any compensation.": "none",
        "You will qualify for a reward if you were the first person to alert us to a previously "
        "unknown issue.": "per-result",
    },
    counter_examples=(
        "Participants should be compensated for their time.",
        "You will pay Acme a fee of $10 to join the beta.",
        "You grant Acme the right to use your feedback without payment to you.",
        "Acme grants you a licence to use the beta software.",
        "Artists said they were not paid for their work.",
        "We do not charge testers any fee.",
        "From time to time, Acme may not offer stipends for select creative outputs.",
        "You will not qualify for a reward if you disclose the issue publicly.",
        "Researchers should qualify for a reward if their report is valid.",
    ),
)
def money(sentence: Sentence) -> Iterator[Hit]:
    """Who is paid money: "will not provide any compensation" (``none``), "participants will
    be paid" (``everyone``), bounties and rewards per valid report or when a report qualifies
    (``per-result``), prizes,
    grants or stipends for a select few (``some``).

    ``everyone`` needs a duty to pay every participant ("will be paid", "we will pay you");
    "should be compensated" is a request and proposes nothing. ``none`` needs pay denied in
    so many words; silence about pay is unknown. A licence granted "without payment to you"
    says the licence is unpaid, not that participation is (see
    ``ownership.output_licence_paid``). Where sentences disagree, the most generous is
    written: ``everyone``, then ``per-result``, ``some``, ``none`` ("no compensation for
    participation" beside prizes for the winners is ``some``).

    Limits: amounts and hourly rates are not read (``amount``, ``hourly_rate``); free access
    or credits are not pay (``in_kind`` is not proposed); pay made by a third party on the
    organization's behalf reads as pay.
    """
    text = sentence.plain
    lower = text.lower()
    for pattern, value, cue in (
        (_EVERYONE, "everyone", "pay for every participant"),
        (_PER_RESULT, "per-result", "pay per result"),
        (_SOME, "some", "pay for a few"),
    ):
        if not any(stem in lower for stem in _NEEDS[value]):
            continue  # none of the words the pattern needs: skip it cheaply
        match = pattern.search(text)
        if match and value == "everyone" and NEGATION.search(match.group(0)):
            continue  # "will not be paid", "we will never pay you": a denial, read as none below
        if match and (" only " in match.group(0) or not negated(text, match.start() + 1, 25)):
            yield hit(sentence, value, *match.span(), cue)
            return
    if not any(stem in lower for stem in _NEEDS["none"]):
        return
    match = _NONE.search(text)
    if match and not _LICENCE.search(text):
        yield hit(sentence, "none", *match.span(), "no pay")
