"""Research safe harbor and disclosure: legal and technical protection for good-faith research,
AI research included, and a disclosure model that lets findings be published (the AI safe
harbor proposals, disclose.io, HackerOne, Bugcrowd, CISA)."""

from __future__ import annotations

from ._core import Parameters, Values, Verdict, met, not_met, partly, rule
from ._standards import (
    BUGCROWD_CONDUCT,
    BUGCROWD_DISCLOSURE,
    CISA_VDP,
    DIOTERMS,
    DIOTERMS_SAFE_HARBOR,
    FLAW_DISCLOSURE_2025,
    HACKERONE_GOLD_STANDARD,
    SAFE_HARBOR_LETTER,
    SAFE_HARBOR_PAPER,
)


@rule(
    "RES001",
    "Good-faith research has a full legal safe harbor",
    category="research",
    basis="explicit",
    cites=[
        (
            HACKERONE_GOLD_STANDARD,
            "any vulnerability disclosure policy, including bug bounty programs, should "
            "include a safe harbor statement",
        ),
        (
            DIOTERMS,
            "Policies missing any of the core tenets above, but that still contain a "
            "good-faith statement committing not to pursue legal action on security "
            "researchers, meet the criteria for **Partial Safe Harbor**.",
        ),
        (
            DIOTERMS_SAFE_HARBOR,
            "we will take steps to make it known that your actions were conducted in compliance",
        ),
        (
            CISA_VDP,
            "we will consider your research to be authorized",
        ),
        (
            SAFE_HARBOR_PAPER,
            "We propose that major AI developers commit to providing a legal and technical safe "
            "harbor, indemnifying public interest safety research and protecting it from the "
            "threat of account suspensions or legal reprisal.",
        ),
    ],
    reads=("safety.safe_harbor",),
    remedy={"safety.safe_harbor": "full"},
    clause=(
        "Good-faith research under these terms is authorized under anti-hacking and "
        "anti-circumvention law, exempt from the terms of service and acceptable-use policy, "
        "never the ground of legal action by the organization, and supported if a third party "
        "acts against the researcher."
    ),
    fallback={"safety.safe_harbor": "partial"},
    fallback_clause=(
        "The organization will not take legal action against good-faith research under these terms."
    ),
)
def res001(t: Values, p: Parameters) -> Verdict:
    """Testers and red teamers who probe a system can break its terms of service or
    anti-hacking law by doing what they were asked. disclose.io defines Full Safe Harbor by
    four tenets (authorization against anti-hacking laws, exemption from anti-circumvention
    laws, exemption from the terms of service during testing, a statement acknowledging good
    faith) and Partial Safe Harbor as a policy missing any of them but still committing not
    to pursue legal action; HackerOne says every disclosure policy "should include a safe
    harbor statement". Met with full safe harbor; partly with partial; not met with none."""
    harbor = t["safety.safe_harbor"]
    if harbor == "full":
        return met("good-faith research has a full safe harbor")
    if harbor == "partial":
        return partly("good-faith research has a partial safe harbor (a promise not to sue)")
    return not_met("good-faith research has no safe harbor")


@rule(
    "RES002",
    "The safe harbor covers good-faith research on AI model behaviour, not only security bugs",
    category="research",
    basis="explicit",
    cites=[
        (
            SAFE_HARBOR_LETTER,
            "offer no exemption for independent good faith research, leaving researchers at "
            "risk of account suspension or even legal reprisal",
        ),
        (
            SAFE_HARBOR_LETTER,
            "AI companies should provide basic protections and more equitable access for good "
            "faith AI safety and trustworthiness research",
        ),
        (
            FLAW_DISCLOSURE_2025,
            "adopt broadly-scoped flaw disclosure programs, borrowing from bug bounties, with "
            "legal safe harbors to protect researchers",
        ),
    ],
    reads=("safety.safe_harbor", "safety.safe_harbor_ai"),
    remedy={"safety.safe_harbor": "full", "safety.safe_harbor_ai": True},
    clause=(
        "The safe harbor covers good-faith research on the model's behaviour (jailbreaks, "
        "harmful outputs, misuse), not only security vulnerabilities, and such research does "
        "not lead to account suspension."
    ),
)
def res002(t: Values, p: Parameters) -> Verdict:
    """The AI safe-harbor letter: AI companies' terms of service "offer no exemption for
    independent good faith research", so evaluators who test a model's behaviour risk
    suspension or legal action even where security research is protected. Its authors ask
    for "broadly-scoped flaw disclosure programs ... with legal safe harbors". Met when a
    safe harbor covers AI research; not met when the safe harbor leaves AI research out, or
    there is none."""
    if t["safety.safe_harbor"] == "none":
        return not_met("there is no safe harbor, for AI research or any other")
    if t["safety.safe_harbor_ai"]:
        return met("the safe harbor covers good-faith AI research")
    return not_met("the safe harbor covers security research only, not AI research")


@rule(
    "RES003",
    "Findings may be published under coordinated disclosure, not only with permission",
    category="research",
    basis="explicit",
    cites=[
        (
            BUGCROWD_DISCLOSURE,
            "Coordinated Disclosure is the default recommended policy for all new public programs",
        ),
        (
            BUGCROWD_DISCLOSURE,
            "Program Owners commit to allowing researchers to publish mutually agreed "
            "information about the vulnerability after it has been fixed.",
        ),
        (
            BUGCROWD_CONDUCT,
            "may be disclosed without explicit customer permission",
        ),
    ],
    reads=("confidentiality.disclosure",),
    refines=("confidentiality.disclosure_window_days",),
    remedy={"confidentiality.disclosure": "coordinated"},
    clause=(
        "A finder may publish a finding once it is fixed, or after a stated number of days "
        "from the report, whichever comes first; the organization may not refuse publication "
        "indefinitely."
    ),
    fallback={"confidentiality.disclosure": "discretionary"},
    fallback_clause=(
        "A finder may publish a finding with the organization's permission, which it does not "
        "withhold without a stated reason."
    ),
)
def res003(t: Values, p: Parameters) -> Verdict:
    """disclose.io sorts disclosure into coordinated (publish after a fix, or after a stated
    time), discretionary (only with the organization's permission) and non-disclosure, which
    it calls generally inappropriate for disclosure programs; Bugcrowd recommends coordinated
    disclosure for public programs, while its code of conduct lets nothing from a private
    program be "disclosed without explicit customer permission". Met with coordinated
    disclosure; partly with discretionary disclosure (publication is possible, but at the
    organization's will); not met when disclosure is forbidden. The reason names the window,
    where the terms state one."""
    model = t["confidentiality.disclosure"]
    if model == "coordinated":
        window = t["confidentiality.disclosure_window_days"]
        after = (
            f" (a finder may publish {window:g} days after reporting)" if window is not None else ""
        )
        return met(f"findings may be published under coordinated disclosure{after}")
    if model == "discretionary":
        return partly("findings may be published only with the organization's permission")
    return not_met("findings may never be published")
