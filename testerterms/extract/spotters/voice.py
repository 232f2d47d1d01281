"""Voice: binding arbitration and class-action waivers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from .._core import Hit, spotter
from .._text import Sentence
from ._vocab import Staged, clause_start, gap, hit, negated, rx

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
    r"handled|adjudicated|arbitrated|conducted)\s+(?:\w+\s+){0,3}?(?:by|through|in|to|via|under|"
    r"pursuant\s+to)\s+"
    r"(?:[\w-]+,?\s+){0,4}?arbitration\b(?!\s+(?:act|rules|association)\b)|"
    r"\b(?:must|shall|will)\s+be\s+(?:finally\s+)?arbitrated\b|"
    # "must seek resolution of the Dispute only through arbitration"
    r"\bseek\s+resolution\s+(?:of\s+)?" + gap(80) + r"\b(?:through|by|in|via)\s+"
    r"(?:[\w-]+\s+){0,2}?arbitration\b"
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
    r"(?:binding\s+|individual\s+)?arbitration\b|"
    # "you and Acme agree to binding arbitration", "both parties agree to arbitration"
    r"\bagree\w*\s+to\s+(?:(?:final|binding|individual|mandatory|confidential),?\s+(?:and\s+)?){0,3}"
    r"arbitration\b(?!\s+(?:act|rules)\b)"
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
# Staged: a text of "the award is " repeated would otherwise try the tail at every character
# of the gap after every "award".
_AWARD_FINAL: Final = Staged(
    (
        r"\b(?:award|decision)\b" + gap(80) + r"\b(?:(?:shall|will)\s+be|is)\s+(?:final|binding)\b",
        r"\b(?:award|decision)\b",
        (80, r"\b(?:(?:shall|will)\s+be|is)\s+(?:final|binding)\b"),
    )
)
_OPT_OUT: Final = rx(
    r"\bopt[\s-]?out\s+of\s+(?:the\s+|this\s+)?(?:agreement\s+to\s+)?arbitrat\w*|"
    r"\breject\s+(?:the\s+|this\s+)?(?:agreement\s+to\s+arbitrate|arbitration)\b|"
    r"\b(?:decline|reject)\s+this\s+agreement\s+to\s+arbitrate"
)
# A document that says it holds an arbitration clause ("these Terms contain an arbitration
# provision", "which include your agreement to arbitrate claims"). A sentence that only names the
# clause ("amendments to this agreement to arbitrate", "this arbitration provision survives
# termination", "the only way you can opt out of the agreement to arbitrate") does not say that
# disputes go to arbitration: of the 13 sentences of that kind in the documents the spotters are
# written from, none is labelled.
_PROVISION: Final = rx(
    r"\b(?:contains?|contain(?:ing|ed)|includes?|includ(?:ing|ed)|has|have)\s+"
    r"(?:(?:an?|the|your|our|this|a\s+binding|an?\s+mandatory)\s+)?"
    r"(?:(?:binding|mandatory)\s+)?"
    r"(?:arbitration\s+(?:agreement|provision|clause)|agreement\s+to\s+arbitrate)\b"
)
_EXEMPT: Final = rx(
    r"\barbitration\b" + gap(60) + r"\b(?:will|does|shall)\s+not\s+apply\b|"
    r"\bnot\s+(?:be\s+)?(?:subject|required)\s+to\s+arbitrat"
)
_IF: Final = rx(
    r"\b(?:if|unless|where|in\s+the\s+event(?:\s+that)?)\s+(?:the|any|a|your|this|that)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:is|are)\s+"
    r"(?:\w+\s+)?(?:found|held|deemed|determined|ruled|unenforceable|invalid|illegal)\b|"
    r"\bif\s+(?:the|a|any|your)\s+(?:\w+\s+){0,3}?(?:is|are)\s+(?:finally\s+)?resolved\s+"
    r"(?:through|by|in)\s+arbitration\s+in\s+(?:your|its|our|their)\s+favou?r|"
    # what follows an opt-out is not the clause: "If You opt out of the agreement to arbitrate, ..."
    r"\bif\s+(?:you|a\s+user|the\s+user)\s+(?:\w+\s+)?opt(?:s|ed)?[\s-]?out\b"
)
_SETTLE: Final = rx(
    r"\b(?:shall|will|must|agrees?\s+to|agree\s+that\s+(?:we|you|they)\s+will)\s+(?:\w+\s+){0,2}?"
    r"(?:resolve|settle|submit|refer)\b" + gap(150) + r"\b(?:by|through|to|in|via)\s+"
    r"(?:[\w-]+,?\s+){0,4}?arbitration\b(?!\s+(?:act|rules)\b)"
)
_INSTEAD: Final = rx(r"\brather\s+than\s+(?:in\s+)?arbitration\b|\bnot\s+be\s+arbitrated\b")


@spotter(
    "voice.arbitration",
    cue=("arbitra",),
    prefer=(True, False),
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
        # the ICC's model clause ("the said Rules" is not reported speech)
        "All disputes arising out of or in connection with the present contract shall be finally "
        "settled under the Rules of Arbitration of the International Chamber of Commerce by one "
        "or more arbitrators appointed in accordance with the said Rules.": True,
        "The arbitral award is final and binding on both parties.": True,
        "For any dispute not resolved informally, you and Acme agree to binding arbitration on "
        "an individual basis.": True,
        "These Terms contain an arbitration provision.": True,
        "You agree to have any claims decided individually and only through arbitration.": True,
        "You and Acme must seek resolution of any dispute only through arbitration, and not "
        "litigate it in court.": True,
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
        "This arbitration provision survives the termination of your account.",
        "Acme will not apply an amendment of this agreement to arbitrate to claims already filed.",
        "If you opt out of the agreement to arbitrate, the rest of these Terms still applies.",
        "In the event that the agreement to arbitrate is found not to apply to you, claims will "
        "be heard in court.",
        "Any arbitration will be conducted by the American Arbitration Association under its "
        "Consumer Arbitration Rules.",
        "You and Acme do not agree to binding arbitration.",
        "You need not seek resolution of a dispute through arbitration.",
        "Testers said that the award is final and binding on both parties.",
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

    A sentence that only names the clause (its amendments, that it survives termination, what
    follows an opt-out) proposes nothing; "these Terms contain an arbitration provision" does.
    Read by these patterns alone: no learned judge weighs them (see docs/extract.md).

    Limits: the procedure of an arbitration (fees, venue, the arbitrator's powers, who
    administers it) is not read; an opt-out from arbitration is not recorded; which
    participants it binds (by country) is left to the reader.
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
    # JAMS's employment clause: "must be brought in an individual capacity"
    r"\b(?:must|shall|will|may\s+only)\s+be\s+(?:brought|asserted|pursued)\s+in\s+"
    r"(?:an?|your|their|its|the\s+parties'?)\s+individual\s+capacity\b|"
    r"\bnot\s+(?:be\s+brought\s+)?as\s+a\s+(?:plaintiff|class\s+member)\b|"
    # "your claims cannot be brought as a class action"
    r"\b(?:cannot|can't|can\s+not)\s+be\s+brought\s+as\s+a\s+class\b|"
    r"\b(?:(?:may|will|shall|must)\s+not|cannot|can't)\s+"
    r"(?:bring|participate\s+in|join|commence|pursue)\s+" + gap(60) + r"\bclass\b|"
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
        "All claims must be brought in an individual capacity, and shall not be brought as a "
        "plaintiff or class member in any purported class or representative proceeding.": True,
        "Your claims cannot be brought as a class action.": True,
        "Testers cannot bring claims as class members or representatives.": True,
    },
    counter_examples=(
        "Acme offers first-class support to every tester.",
        "If the class action waiver is found unenforceable, the claims will be heard in court "
        "as a class action.",
        "Artists claimed they had to waive any right to a class action.",
        "You should waive any right to participate in a class action.",
        "You do not waive any right to participate in a class action.",
        "Claims need not be brought in an individual capacity.",
        "You can bring claims as a class member.",
    ),
)
def class_waiver(sentence: Sentence) -> Iterator[Hit]:
    """Participants give up class or collective actions: "class action waiver", "waive any
    right to participate in a class action", "only on an individual basis", "must be brought
    in an individual capacity", "cannot be brought as a class action".

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
