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


def test_prolific_accounts_are_verified_one_person_each(articles: Profile) -> None:
    assert _card("prolific-participants", articles).finding("SEC001").outcome == "met"


def test_prolific_withholding_grounds_stay_disputed_between_its_own_pages() -> None:
    """The researcher guidance lists the grounds; the participant page says the list is not
    exhaustive. Both readings stay as claims."""
    program = load_program(PROGRAMS / "prolific-participants.yaml")
    assert set(program.terms.compensation.withholding.values) == {
        "listed-grounds",
        "discretionary",
    }


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


def test_windows_insiders_data_use_is_disclosed_without_an_opt_out(articles: Profile) -> None:
    """Diagnostic data is required to stay in the program: disclosed, no opt-out, partly met."""
    assert _card("microsoft-windows-insider", articles).finding("TRN002").outcome == "partly"


def test_windows_insiders_in_the_us_agree_to_arbitration_and_waive_class_actions() -> None:
    voice = load_program(PROGRAMS / "microsoft-windows-insider.yaml").terms.voice
    assert voice.arbitration.value is True
    assert voice.class_waiver.value is True


def test_apple_beta_testers_may_not_write_publicly_about_the_software(articles: Profile) -> None:
    assert _card("apple-beta-software-program", articles).finding("NDA002").outcome == "not-met"


def test_apple_may_change_the_beta_terms_at_will() -> None:
    program = load_program(PROGRAMS / "apple-beta-software-program.yaml")
    assert program.terms.expectations.terms_changes.value == "at-will"


def test_github_previews_are_graded_and_unpaid_testers_may_not_discuss_them(
    articles: Profile,
) -> None:
    """Feedback is taken "without payment"; the software may not be described online without
    permission; GitHub may discontinue it "without notice"."""
    card = _card("github-pre-release-previews", articles)
    assert card.grade is not None
    assert card.finding("PAY001").outcome == "not-met"
    assert card.finding("NDA002").outcome == "not-met"
    assert card.finding("SEC002").outcome == "not-met"


def test_github_previews_need_permission_for_some_posts_only(articles: Profile) -> None:
    """Photos, videos and descriptions of the software need permission; what testers make
    with it does not: narrow pre-approval, so CTL001 is partly met."""
    assert _card("github-pre-release-previews", articles).finding("CTL001").outcome == "partly"


def test_github_research_feedback_licence_keeps_ctl003_from_being_met(articles: Profile) -> None:
    """Participants keep their rights, but grant an irrevocable, perpetual, commercial licence
    to their feedback that survives the agreement."""
    assert _card("github-research-program", articles).finding("CTL003").outcome == "partly"


def test_github_research_participants_can_withdraw_consent_to_data_use(articles: Profile) -> None:
    assert _card("github-research-program", articles).finding("TRN002").outcome == "met"


def test_0din_credits_every_researcher_who_may_stay_anonymous(articles: Profile) -> None:
    assert _card("mozilla-0din-genai-bounty", articles).finding("CRD001").outcome == "met"


def test_0din_pays_only_accepted_flaws_at_its_discretion(articles: Profile) -> None:
    """A bounty per accepted flaw, "discretionary": pay, but not for all the work."""
    card = _card("mozilla-0din-genai-bounty", articles)
    assert card.finding("PAY001").outcome == "partly"
    assert card.finding("PAY002").outcome == "partly"


def test_tesla_fsd_testers_pay_rather_than_are_paid(articles: Profile) -> None:
    assert _card("tesla-fsd-beta-early-access", articles).finding("PAY001").outcome == "not-met"


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


def test_toloka_gives_one_account_per_person_and_leaves_pay_unknown(articles: Profile) -> None:
    """The stored User Agreement stops before its pay rules: pay stays unknown."""
    card = _card("toloka-annotators", articles)
    assert card.finding("SEC001").outcome == "met"
    assert card.finding("PAY001").outcome == "unknown"
