"""Voice: binding arbitration and class-action waivers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from .._core import Hit, spotter
from .._patterns import Pattern
from .._text import Sentence
from ._vocab import clause_start, gap, hit, negated, rx

_BINDING: Final = rx(
    r"\b(?:binding|mandatory),?\s+(?:(?:and|final|individual|confidential),?\s+){0,3}"
    r"arbitration\b"
)
_VERB: Final = rx(
    r"\b(?:is|are|be|will|shall|must|may|has|have|agrees?|contains?|requires?|requiring|applies|apply|"
    r"affects?|provides?|means|resolved|settled|submitted|read|governs?)\b"
)
_RESOLVED: Final = rx(
    r"\b(?:resolved|settled|decided|determined|submitted|asserted|brought|heard|referred|"
    r"handled|adjudicated|arbitrated|conducted)\s+(?:\w+\s+){0,2}?(?:by|through|in|to|via|under|"
    r"pursuant\s+to)\s+"
    r"(?:[\w-]+,?\s+){0,4}?arbitration\b(?!\s+(?:act|rules)\b)|"
    r"\b(?:must|shall|will)\s+be\s+(?:finally\s+)?arbitrated\b"
)
_AGREE: Final = rx(
    r"\b(?:you|we|both\s+parties|the\s+parties|each\s+party)\s+(?:\w+\s+){0,3}?agrees?\s+"
    r"(?:that\s+)?(?:to\s+)?(?:arbitrate|(?:resolve|submit|settle)\s+"
    + gap(120)
    + r"arbitration)\b"
)
_REQUIRES: Final = rx(
    r"\brequires?\s+(?:you\s+|us\s+|both\s+of\s+us\s+|the\s+parties\s+)?(?:and\s+\w+\s+)?to\s+"
    r"(?:submit\s+\w+\s+to\s+|resolve\s+\w+\s+(?:by|through)\s+)?(?:binding\s+|individual\s+)?"
    r"arbitrat\w*|\bagree\w*\s+(?:to|that\s+(?:we|you|both)\s+will)\s+(?:use|go\s+to|proceed\s+(?:with|to))\s+"
    r"(?:binding\s+|individual\s+)?arbitration\b"
)
_AUTHORITY: Final = rx(r"\barbitrator\b" + gap(120) + r"\bexclusive\s+authority\b")
_ACT: Final = rx(
    r"\barbitration\s+act\b" + gap(80) + r"\b(?:applies|apply|governs|govern)\b|"
    r"\b(?:governed|settled)\s+(?:by|under)\s+the\s+(?:[\w.]+\s+){0,3}?arbitration\s+act\b"
)
_SENT_TO: Final = rx(
    r"\b(?:disputes?|claims?|controvers(?:y|ies)|disagreements?)\b"
    + gap(200)
    + r"\b(?:shall|will|must|agrees?|may\s+only|are\s+subject|is\s+subject)\b"
    + gap(120)
    + r"\barbitra(?:tion|ted|te|l)\b(?!\s+(?:act|rules)\b)"
)
_AWARD_FINAL: Final = rx(
    r"\b(?:award|decision)\b" + gap(80) + r"\b(?:shall|will|is)\s+be\s+final\b|"
    r"\b(?:award|decision)\b" + gap(80) + r"\b(?:shall|will)\s+be\s+(?:final\s+and\s+)?binding\b"
)
_OPT_OUT: Final = rx(
    r"\bopt[\s-]?out\s+of\s+(?:the\s+|this\s+)?(?:agreement\s+to\s+)?arbitrat\w*|"
    r"\breject\s+(?:the\s+|this\s+)?(?:agreement\s+to\s+arbitrate|arbitration)\b|"
    r"\b(?:decline|reject)\s+this\s+agreement\s+to\s+arbitrate"
)
_PROVISION: Final = rx(
    r"\b(?:this|the|an|our|binding)\s+(?:binding\s+)?arbitration\s+(?:agreement|provision|clause)\b|"
    r"\bagreement\s+to\s+arbitrate\b"
)
_EXEMPT: Final = rx(
    r"\barbitration\b" + gap(60) + r"\b(?:will|does|shall)\s+not\s+apply\b|"
    r"\bnot\s+(?:be\s+)?(?:subject|required)\s+to\s+arbitrat"
)
_IF: Final = rx(
    r"\b(?:if|unless|where)\s+(?:the|any|a|your|this|that)\s+(?:[\w-]+\s+){0,4}?(?:is|are)\s+"
    r"(?:\w+\s+)?(?:found|held|deemed|determined|ruled|unenforceable|invalid|illegal)\b|"
    r"\bif\s+(?:the|a|any|your)\s+(?:\w+\s+){0,3}?(?:is|are)\s+(?:finally\s+)?resolved\s+"
    r"(?:through|by|in)\s+arbitration\s+in\s+(?:your|its|our|their)\s+favou?r"
)
_SETTLE: Final = rx(
    r"\b(?:shall|will|must|agrees?\s+to|agree\s+that\s+(?:we|you|they)\s+will)\s+(?:\w+\s+){0,2}?"
    r"(?:resolve|settle|submit|refer)\b" + gap(150) + r"\b(?:by|through|to|in|via)\s+"
    r"(?:[\w-]+,?\s+){0,4}?arbitration\b(?!\s+(?:act|rules)\b)"
)
_INSTEAD: Final = rx(r"\brather\s+than\s+(?:in\s+)?arbitration\b|\bnot\s+be\s+arbitrated\b")


_ARBITRATION_FEATURES: Final = {
    "disputes resolved by arbitration": _RESOLVED,
    "an agreement to arbitrate": _AGREE,
    "arbitration required": _REQUIRES,
    "binding arbitration": _BINDING,
    "the arbitrator decides": _AUTHORITY,
    "an arbitration act": rx(r"\barbitration\s+act\b"),
    "any dispute or claim": rx(
        r"\b(?:any|all|every|each)\s+(?:\w+\s+){0,2}?(?:disputes?|claims?|"
        r"controvers(?:y|ies))\b"
    ),
    "a dispute or claim": rx(r"\b(?:disputes?|claims?|controvers(?:y|ies))\b"),
    "final and binding": rx(r"\bfinal\b|\bbinding\b"),
    "the award": rx(r"\bawards?\b"),
    "opt out": rx(r"\bopt[\s-]?out\b"),
    "fees, rules or a hearing": rx(
        r"\b(?:fees?|costs?|hearings?|rules|administered|location|discovery|conducted|appoint\w*|"
        r"JAMS|AAA|expenses|venue)\b"
    ),
    "a court, judge or jury": rx(r"\b(?:courts?|judges?|jury|juries)\b"),
    "class or representative": rx(r"\b(?:class|representative|collective|consolidat\w*)\b"),
    "small claims": rx(r"\bsmall\s+claims?\b"),
    "if or unless": rx(r"\b(?:if|unless|in\s+the\s+event)\b"),
    "both parties agree": rx(
        r"\b(?:you\s+and\s+[\w.&'-]+|the\s+parties|both\s+parties|each\s+party|we\s+each|"
        r"both\s+of\s+us)\s+(?:\w+\s+)?agree"
    ),
    "exclusively": rx(r"\b(?:exclusive(?:ly)?|sole(?:ly)?|only)\b"),
    "the arbitration agreement": rx(
        r"\barbitration\s+(?:agreement|provision|clause|section)|\bagreement\s+to\s+arbitrate"
    ),
    "arbitration explained": rx(
        r"\binformal\b|\bless\s+formal\b|\bneutral\s+arbitrator\b|\binstead\s+of\s+a\s+judge\b"
    ),
    "governs": rx(r"\bgovern(?:s|ed|ing)?\b"),
    "please read": rx(r"\bplease\s+(?:read|review|see|note)\b|\bcarefully\b"),
    "all capitals": Pattern(re.compile(r"^[^a-z]{20,}$")),
    "the arbitrator": rx(r"\barbitrators?\b"),
    "waives rights": rx(r"\bwaiv\w*"),
    "names the clause": rx(r"\b(?:contains?|includes?|provides?\s+that)\b"),
}


@spotter(
    "voice.arbitration",
    cue=("arbitra",),
    prefer=(True, False),
    features=_ARBITRATION_FEATURES,
    judged=(True,),
    examples={
        "All disputes between you and Acme will be resolved by binding arbitration.": True,
        "You and Acme agree to arbitrate any claim arising from this Agreement.": True,
        "Disputes will be resolved by binding arbitration; this section does not apply to "
        "small claims.": True,
        "If a dispute arises, it will be resolved by binding, individual arbitration.": True,
        "Any Covered Dispute must be asserted individually in binding arbitration "
        "administered by the AAA.": True,
        "IF YOU LIVE IN THE UNITED STATES, SECTION 15 CONTAINS A BINDING ARBITRATION CLAUSE "
        "AND CLASS ACTION WAIVER.": True,
        "You and Acme agree that the arbitrator shall have exclusive authority to resolve any "
        "dispute relating to this Agreement.": True,
    },
    counter_examples=(
        "Arbitration is less formal than a lawsuit in court.",
        "The arbitration agreement will not apply to you if you live in the European Union.",
        "BINDING ARBITRATION.",
        "The arbitrator may award damages and reasonable costs.",
        "If the dispute is finally resolved through arbitration in your favor, Acme will pay "
        "your costs.",
        "Acme should try to resolve disputes through mediation first.",
        "Testers said that disputes were resolved by binding arbitration.",
        "Disputes will not be resolved by binding arbitration.",
        "Any Covered Dispute must not be asserted individually in binding arbitration.",
        "The arbitrator shall not have exclusive authority to resolve any dispute.",
        "You and Acme agree to submit to the exclusive jurisdiction and venue of the courts "
        "located in San Francisco, California for any dispute.",
    ),
)
def arbitration(sentence: Sentence) -> Iterator[Hit]:
    """Disputes go to binding arbitration rather than a court: "resolved by binding
    arbitration", "agree to arbitrate", "a binding arbitration clause", "the arbitrator has
    exclusive authority".

    ``true`` needs one of those statements in a sentence with a verb (a heading such as
    "Binding Arbitration." alone is not a term). A sentence that exempts someone from
    arbitration ("arbitration will not apply to you") proposes nothing, and so do disputes
    sent to the courts: ``false`` needs a quote that says no arbitration, which agreements
    do not write. Where sentences disagree, ``true`` is written: arbitration for some
    participants is still arbitration.

    Limits: the procedure of an arbitration (fees, venue, the arbitrator's powers) is not
    read; an opt-out from arbitration is not recorded; which participants it binds (by
    country) is left to the reader.
    """
    text = sentence.plain
    if _IF.search(text) or _INSTEAD.search(text):
        return
    exempt = {clause_start(text, m.start()) for m in _EXEMPT.finditer(text)}
    for pattern, cue in (
        (_RESOLVED, "disputes resolved by arbitration"),
        (_AGREE, "an agreement to arbitrate"),
        (_REQUIRES, "arbitration required"),
        (_AUTHORITY, "the arbitrator decides"),
        (_ACT, "an arbitration act governs"),
        (_BINDING, "binding arbitration"),
        (_SETTLE, "disputes resolved by arbitration"),
        (_SENT_TO, "disputes sent to arbitration"),
        (_AWARD_FINAL, "the award is final"),
        (_OPT_OUT, "an opt-out from arbitration"),
        (_PROVISION, "an arbitration agreement"),
    ):
        match = pattern.search(text)
        if match and (
            negated(text, match.start(), 15)
            or (pattern is _AUTHORITY and negated(text, match.end() - 19, 15))
        ):
            return  # "will not be resolved by binding arbitration": no weaker pattern either
        if match and not negated(text, match.start(), 15) and _VERB.search(text):
            if pattern is _BINDING and len(text) < 40:
                continue
            if clause_start(text, match.start()) in exempt:
                return  # "the arbitration agreement will not apply to you"
            yield hit(sentence, True, match.start(), match.end(), cue)
            return


_WAIVER: Final = rx(
    r"\bclass[\s-]+action\s+waiver\b|"
    r"\bwaiv\w*\s+(?:any\s+|the\s+|your\s+|all\s+|their\s+)?(?:rights?\s+)?"
    + gap(100)
    + r"\bclass\b|"
    r"\b(?:only|solely)\s+(?:on\s+an?|in\s+(?:your|their|its|his\s+or\s+her))\s+individual\s+"
    r"(?:basis|capacity)\b|"
    r"\bnot\s+as\s+a\s+(?:plaintiff|class\s+member)\b|"
    r"\b(?:may|will|shall|must)\s+not\s+(?:bring|participate\s+in|join|commence|pursue)\s+"
    + gap(60)
    + r"\bclass\b|"
    r"\bprohibited\s+from\s+" + gap(100) + r"\bclass\b|"
    r"\bno\s+class\s+(?:or\s+collective\s+)?(?:actions?|arbitrations?|proceedings?)\b|"
    r"\bnot\s+(?:conduct|preside\s+over)\s+any\s+form\s+of\s+(?:a\s+)?(?:representative\s+or\s+)?"
    r"class\b"
)
_CLASS_ALLOWED: Final = rx(
    r"\bnothing\b" + gap(80) + r"\b(?:stops|prevents|restricts|limits|prohibits)\s+you\s+from\s+"
    r"(?:bringing|joining|participating\s+in)\s+(?:a\s+)?class\s+action"
)


@spotter(
    "voice.class_waiver",
    cue=("class", "individual basis", "individual capacity"),
    prefer=(True, False),
    examples={
        "You waive any right to participate in a class action against Acme.": True,
        "Claims may be brought only on an individual basis, not as a plaintiff or class "
        "member in any purported class proceeding.": True,
        "PLEASE READ THE BINDING ARBITRATION CLAUSE AND CLASS ACTION WAIVER.": True,
        "Nothing in these terms stops you from joining a class action against Acme.": False,
    },
    counter_examples=(
        "Acme offers first-class support to every tester.",
        "If the class action waiver is found unenforceable, the claims will be heard in court "
        "as a class action.",
        "Artists claimed they had to waive any right to a class action.",
        "You should waive any right to participate in a class action.",
        "You do not waive any right to participate in a class action.",
    ),
)
def class_waiver(sentence: Sentence) -> Iterator[Hit]:
    """Participants give up class or collective actions: "class action waiver", "waive any
    right to participate in a class action", "only on an individual basis".

    ``false`` needs a sentence saying nothing stops participants from bringing or joining a
    class action.

    Limits: a waiver said to fall away in some countries or if unenforceable is still read as
    a waiver where it is stated; a sentence about what happens if the waiver is struck down
    ("if the class action waiver is found unenforceable") is skipped.
    """
    text = sentence.plain
    if rx(r"\bif\s+(?:the|this|any)\s+(?:\w+\s+){0,3}waiver\b").search(text):
        return
    match = _WAIVER.search(text)
    if match and not negated(text, match.start() + 1, 25):
        yield hit(sentence, True, match.start(), match.end(), "a class-action waiver")
        return
    allowed = _CLASS_ALLOWED.search(text)
    if allowed:
        yield hit(sentence, False, allowed.start(), allowed.end(), "class actions allowed")
