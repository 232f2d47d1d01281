"""Programs found in published terms (crowd work, a playtest, an AI early-access program) and
the deepened Microsoft and Apple betas: the judgements a fair reader of their quotes insists on."""

from __future__ import annotations

from typing import Any

from testerterms import Profile, load_program, score
from testerterms.loading import bundled_programs_dir

PROGRAMS = bundled_programs_dir()


def _card(program_id: str, profile: Profile) -> Any:
    return score(load_program(PROGRAMS / f"{program_id}.yaml"), profile)


def test_prolific_pays_everyone_but_its_floor_is_below_the_articles_minimum(
    articles: Profile,
) -> None:
    """Every completed study is paid, in money, at no less than $8 an hour: pay, but at a
    floor under the profile's hourly minimum, so PAY001 is partly met, not met."""
    card = _card("prolific-participants", articles)
    assert card.finding("PAY001").outcome == "partly"
    assert card.finding("PAY002").outcome == "met"


def test_prolific_identity_checks_are_not_read_as_credentials(articles: Profile) -> None:
    """Checking that "there's a person behind that participant ID" says who owns an account,
    not that each participant has access of their own: SEC001 stays unknown."""
    assert _card("prolific-participants", articles).finding("SEC001").outcome == "unknown"


def test_prolific_withholding_rests_on_its_rules_not_on_discretion() -> None:
    """Rejections must rest on "the rules and regulations at Prolific"; a help page's list of
    "four main reasons" that "isn't exhaustive" is not discretion, so there is no dispute."""
    program = load_program(PROGRAMS / "prolific-participants.yaml")
    withholding = program.terms.compensation.withholding
    assert withholding.value == "listed-grounds" and not withholding.disputed


def test_halo_insiders_may_not_post_their_opinions(articles: Profile) -> None:
    """The terms bar "posting screen shots, videos, or opinions": NDA002 is not met."""
    assert _card("halo-insider-program", articles).finding("NDA002").outcome == "not-met"


def test_halo_pay_stays_unknown_when_no_source_mentions_it(articles: Profile) -> None:
    card = _card("halo-insider-program", articles)
    assert card.finding("PAY001").outcome == "unknown"
    assert card.finding("PAY002").outcome == "unknown"


def test_gemini_earth_trusted_testers_are_not_paid(articles: Profile) -> None:
    card = _card("google-gemini-earth-trusted-tester", articles)
    assert card.finding("PAY001").outcome == "not-met"
    assert card.finding("PAY002").outcome == "not-met"


def test_gemini_earth_outputs_may_not_be_shared_at_all() -> None:
    program = load_program(PROGRAMS / "google-gemini-earth-trusted-tester.yaml")
    assert program.terms.content_review.share_ban.value == "all"


def test_windows_insiders_data_use_is_disclosed_and_the_opt_out_left_to_the_words(
    articles: Profile,
) -> None:
    """The data use is disclosed; "you must allow us to see a certain amount of diagnostic
    data" implies no opt-out without saying it, so TRN002 can still be met or partly met."""
    finding = _card("microsoft-windows-insider", articles).finding("TRN002")
    assert finding.outcome == "unknown" and finding.possible == ("met", "partly")


def test_windows_insiders_in_the_us_agree_to_arbitration_and_waive_class_actions() -> None:
    voice = load_program(PROGRAMS / "microsoft-windows-insider.yaml").terms.voice
    assert voice.arbitration.value is True
    assert voice.class_waiver.value is True


def test_apple_beta_testers_bar_on_the_software_leaves_their_own_experience_open(
    articles: Profile,
) -> None:
    """ "Don't blog ... about the pre-release Apple software" covers the product under test,
    not a tester's account of the program (docs/codebook.md): NDA002 stays unknown."""
    card = _card("apple-beta-software-program", articles)
    assert "met" not in card.finding("NDA001").possible  # a broad duty: at best partly
    assert card.finding("NDA002").outcome == "unknown"


def test_apple_may_change_the_beta_terms_at_will() -> None:
    program = load_program(PROGRAMS / "apple-beta-software-program.yaml")
    assert program.terms.expectations.terms_changes.value == "at-will"


def test_github_previews_price_the_feedback_licence_but_leave_pay_unknown_and_end_without_notice(
    articles: Profile,
) -> None:
    """Feedback is licensed "without payment to you": the licence's price, which says nothing
    of pay for taking part (PAY001 unknown). GitHub may discontinue the software "without
    notice". The bar on describing the software online is confidentiality about the product,
    which leaves a tester's own experience (NDA002) unknown."""
    card = _card("github-pre-release-previews", articles)
    assert card.finding("PAY001").outcome == "unknown"
    assert card.finding("SEC002").outcome == "not-met"
    assert card.finding("NDA002").outcome == "unknown"


def test_github_previews_permission_for_posts_about_the_software_is_not_review_of_outputs(
    articles: Profile,
) -> None:
    """Photos, videos and descriptions of the software need permission: that keeps the product
    confidential (a discretionary disclosure), and says nothing of what testers make, so
    CTL001 stays unknown (docs/codebook.md, "The product and what participants make")."""
    program = load_program(PROGRAMS / "github-pre-release-previews.yaml")
    assert program.terms.confidentiality.disclosure.value == "discretionary"
    assert _card("github-pre-release-previews", articles).finding("CTL001").outcome == "unknown"


def test_github_research_grants_a_surviving_feedback_licence_but_says_not_who_owns_outputs(
    articles: Profile,
) -> None:
    """Participants grant an irrevocable, perpetual, commercial licence to their feedback that
    survives the agreement; "Neither party acquires any intellectual property rights" says
    nothing of who owns what a participant makes, so CTL003 stays unknown."""
    program = load_program(PROGRAMS / "github-research-program.yaml")
    assert program.terms.ownership.feedback_licence.value == "broad"
    assert program.terms.ownership.licence_survives.value is True
    assert not program.terms.ownership.outputs.known
    assert _card("github-research-program", articles).finding("CTL003").outcome == "unknown"


def test_github_research_participants_can_withdraw_consent_to_data_use(articles: Profile) -> None:
    assert _card("github-research-program", articles).finding("TRN002").outcome == "met"


def test_0din_credits_the_researcher_of_each_advisory_who_may_stay_anonymous(
    articles: Profile,
) -> None:
    """Credit in the advisory goes with each flaw that leads to one: per result, partly met."""
    program = load_program(PROGRAMS / "mozilla-0din-genai-bounty.yaml")
    assert program.terms.credit.attribution.value == "per-result"
    assert program.terms.credit.opt_out.value is True
    assert _card("mozilla-0din-genai-bounty", articles).finding("CRD001").outcome == "partly"


def test_0din_pays_only_accepted_flaws_at_its_discretion(articles: Profile) -> None:
    """A bounty per accepted flaw, "discretionary": pay, but not for all the work."""
    card = _card("mozilla-0din-genai-bounty", articles)
    assert card.finding("PAY001").outcome == "partly"
    assert card.finding("PAY002").outcome == "partly"


def test_tesla_fsd_testers_pay_for_access_and_whether_they_are_paid_is_unknown(
    articles: Profile,
) -> None:
    """Access "is not free" (in_kind: false); "Most ... rather than paid drivers" says most
    testers are not paid drivers, not that none is paid, so PAY001 stays unknown."""
    program = load_program(PROGRAMS / "tesla-fsd-beta-early-access.yaml")
    assert program.terms.compensation.in_kind.value is False
    assert _card("tesla-fsd-beta-early-access", articles).finding("PAY001").outcome == "unknown"


def test_tesla_dropping_its_nda_is_a_change_over_time_not_a_dispute(articles: Profile) -> None:
    """The NDA barred talking to the media until the 10.2 update (2021-10) and was then
    dropped: the current terms let testers speak, and the earlier ones stay as history."""
    program = load_program(PROGRAMS / "tesla-fsd-beta-early-access.yaml")
    own_experience = program.terms.confidentiality.own_experience
    assert own_experience.value is True and not own_experience.disputed
    assert [fact.value for fact in own_experience.history] == [False, True]
    card = score(program, articles)
    assert card.finding("NDA002").outcome == "met"
    assert "confidentiality.own_experience" not in card.disputed_terms


def test_toloka_leaves_pay_and_credentials_unknown(articles: Profile) -> None:
    """The stored User Agreement stops before its pay rules: pay stays unknown. One account
    per person is a rule about accounts, not access keys: SEC001 stays unknown."""
    card = _card("toloka-annotators", articles)
    assert card.finding("SEC001").outcome == "unknown"
    assert card.finding("PAY001").outcome == "unknown"
