"""Given a draft sentence, at a severity, for an audience, in a stage: expect these findings and not those."""
import pytest

import drafting


# ---- blame ---------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "A database administrator carelessly wiped the customer table on Tuesday night.",
    "Tomasz forgot to renew the signing certificate before it expired.",
    "The networking team pushed a faulty firewall rule to every region.",
    "This whole outage came down to human error on the night shift.",
    "Our on-call engineer ignored the first three pages.",
    "Our payment vendor's incompetence left checkout broken for an afternoon.",
])
def test_blame_is_flagged_in_a_report(cats, text):
    assert "blame" in cats(text, "sev2", "general", "report")


def test_a_skipped_step_pinned_on_a_person_is_blame(cats):
    text = "An analyst on the billing team restarted the export without checking whether it was still running."
    assert "blame" in cats(text, "sev2", "general", "report", use_model=False)


@pytest.mark.parametrize("text", [
    "The scheduler restarted the export without checking whether it was still running.",
    "An engineer restarted the service without any downtime for customers.",
])
def test_a_skipped_step_by_the_system_or_with_no_fault_is_not_blame(cats, text):
    assert "blame" not in cats(text, "sev2", "general", "report", use_model=False)


@pytest.mark.parametrize("text", [
    "A configuration change removed the index that search depends on.",
    "The release pipeline let a change skip the staged rollout.",
    "We made the wrong call during the migration, and we own that.",
    "Our card network had an outage of its own between 14:00 and 14:40 UTC, which delayed settlements.",
    "Our payments partner, Stripe, was not involved in this incident.",
])
def test_system_language_and_ownership_are_not_blame(cats, text):
    assert "blame" not in cats(text, "sev2", "general", "report")


def test_hindsight_aimed_at_a_person_is_blame_in_the_internal_review(cats):
    assert "blame" in cats("Marisol should have checked the replica lag before failing over.", "sev1", "technical", "internal")


def test_the_internal_review_asks_what_allowed_it(cats):
    assert "blame" not in cats("What allowed the failover to start while the replica was still behind?", "sev1", "technical", "internal")


# ---- conjecture ----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "We believe a storage controller failure caused the slowdown.",
    "The errors were probably triggered by the end-of-month billing run.",
    "It seems the queue filled up faster than the workers could drain it.",
    "Some invoices may have been sent twice.",
    "Everything should be back to normal within the next half hour.",
])
def test_guesses_are_conjecture_in_a_preliminary_update(cats, text):
    assert "conjecture" in cats(text, "sev2", "general", "preliminary")


@pytest.mark.parametrize("text", [
    "We will publish the full incident report by Thursday 9 October.",
    "We have not yet confirmed the cause and will share it in the full report.",
    "We are still investigating whether the database upgrade played a part.",
    "Account owners may export their data at any time from the settings page.",
])
def test_plans_known_unknowns_and_permission_are_not_conjecture(cats, text):
    assert "conjecture" not in cats(text, "sev2", "general", "preliminary")


def test_a_guess_with_a_caveat_tacked_on_is_still_a_guess(cats):
    text = "We estimate the fault came in with last week's update, but this is not yet confirmed."
    assert "conjecture" in cats(text, "sev2", "general", "report")


# ---- boilerplate ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "We apologise for any inconvenience this may have caused.",
    "Please know that we take the reliability of our platform very seriously.",
    "Thank you for your patience and understanding while we worked on this.",
    "The entire team extends its sincere apologies.",
])
def test_stock_phrases_and_bare_apologies_are_boilerplate(cats, text):
    assert "boilerplate" in cats(text, "sev2", "general", "report")


def test_an_apology_that_names_the_impact_is_not_boilerplate(cats):
    text = "We're sorry: for ninety minutes your shop could not take card payments, during your busiest hour."
    assert "boilerplate" not in cats(text, "sev1", "general", "report")


def test_company_banned_phrases_are_boilerplate(cats):
    cfg = drafting.CompanyConfig(banned_phrases=["world-class service"])
    assert "boilerplate" in cats("Restoring world-class service is what we do.", config=cfg)


# ---- tone ----------------------------------------------------------------
def test_minimising_a_sev1_outage_is_a_tone_problem(cats):
    assert "tone" in cats("Checkout had a brief blip this morning.", "sev1", "general", "report")


@pytest.mark.parametrize("text", [
    "A minor display issue showed the wrong currency symbol on receipts.",
    "A minor display issue meant some invoice totals showed an extra decimal place.",
    "A small number of exports were a few minutes late on Monday morning.",
])
def test_minor_is_fine_for_a_sev4_cosmetic_bug(cats, text):
    assert "tone" not in cats(text, "sev4", "general", "report")


def test_a_repeated_apology_is_grovelling_even_with_commas(cats):
    assert "tone" in cats("We deeply, deeply apologise and cannot say sorry enough.", "sev3", "general", "report")


def test_a_phrase_inside_a_hyphenated_word_is_not_that_phrase(cats):
    text = "Withdrawals took up to an hour for high-value customers between 10:00 and 11:00 UTC."
    assert "boilerplate" not in cats(text, "sev2", "general", "report", use_model=False)


def test_alarmist_words_for_a_sev4_bug(cats):
    assert "tone" in cats("A catastrophic failure put the wrong icon on the settings page.", "sev4", "general", "report")


@pytest.mark.parametrize("text", ["Oops, our bad, the app went down for a bit 🙈", "Everything is back up!!"])
def test_flippant_wording_in_an_external_stage(cats, text):
    assert "tone" in cats(text, "sev2", "general", "preliminary")


def test_stacked_apologies_read_as_grovelling(cats):
    assert "tone" in cats("We are so, so sorry, we truly cannot apologise enough for this.", "sev2", "general", "report")


# ---- jargon --------------------------------------------------------------
def test_jargon_depends_on_the_audience(cats):
    text = "Requests failed because of etcd quorum loss in one region."
    assert "jargon" in cats(text, "sev2", "general", "report")
    assert "jargon" not in cats(text, "sev2", "technical", "report")


def test_database_shorthand_is_jargon_for_customers_but_not_for_engineers(cats):
    text = "An N+1 query in the ORM made the reports page time out."
    assert "jargon" in cats(text, "sev3", "general", "report")
    assert "jargon" not in cats(text, "sev3", "technical", "report")


def test_a_term_explained_in_place_is_not_jargon(cats):
    text = "Our content delivery network (the servers that deliver pages close to you) slowed down in Europe."
    assert "jargon" not in cats(text, "sev2", "general", "report")


def test_a_sentence_that_explains_its_terms_is_not_jargon_even_when_long(cats):
    text = ("The config change lowered the maximum connection pool (the set of database connections) size "
            "for the payment service, so requests queued and failed.")
    assert "jargon" not in cats(text, "sev1", "general", "report")


def test_internal_shorthand_is_jargon_even_for_engineers(cats):
    assert "jargon" in cats("Traffic was moved to the green cluster after ledger-svc stopped responding.", "sev2", "technical", "report")


def test_company_product_names_are_never_jargon(cats):
    cfg = drafting.CompanyConfig(product_names=["PayPort API"])
    assert "jargon" not in cats("PayPort API requests were slow for an hour.", "sev3", "general", "report", config=cfg)


# ---- leak ----------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Traffic failed over from pg-main-03.eu.internal at 09:14.",
    "The bad request came from 10.40.2.17.",
    "See JIRA OPS-4471 for details.",
    "The team coordinated in #inc-checkout-latency.",
    "The retry used api_key=sk_live_51Hx9c2eZvKq.",
    "Rohan on the payments team restarted the service.",
])
def test_internal_details_leak_in_customer_stages(cats, text):
    assert "leak" in cats(text, "sev2", "technical", "report")


def test_times_and_time_zones_are_not_internal_details(cats):
    assert "leak" not in cats("Our monitoring alerted our engineers at 09:16 UTC.", "sev1", "general", "report")


def test_internal_details_belong_in_the_internal_review(cats):
    assert "leak" not in cats("Traffic failed over from pg-main-03.eu.internal at 09:14 (OPS-4471).", "sev2", "technical", "internal")


def test_company_leak_patterns_from_config(cats):
    cfg = drafting.config.from_yaml("leak_patterns:\n  tickets: ['\\bCARE-\\d+\\b']\n")
    assert "leak" in cats("This was logged as CARE-88.", "sev3", "general", "followup", config=cfg)


# ---- overpromise ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "We can promise you this will never happen again.",
    "From today we guarantee 100% uptime.",
    "The new design has eliminated all risk of losing an order.",
])
def test_absolute_promises_are_overpromises(cats, text):
    assert "overpromise" in cats(text, "sev1", "general", "report")


@pytest.mark.parametrize("text", [
    "We have added a check that halts a deploy when checkout errors pass 2% for three minutes.",
    "Every database change will now need a second reviewer.",
    "We added a second reviewer to the release checklist for good measure.",
])
def test_a_specific_change_is_not_an_overpromise(cats, text):
    assert "overpromise" not in cats(text, "sev1", "general", "report")


def test_a_fix_that_lasts_for_good_is_an_overpromise(cats):
    assert "overpromise" in cats("We have fixed the problem for good.", "sev2", "general", "report", use_model=False)


# ---- clean drafts --------------------------------------------------------
def test_a_well_written_report_paragraph_is_clean(cats):
    text = (
        "On 12 March between 09:05 and 10:20 UTC, customers in Europe could not log in to the mobile app. "
        "Logins on the website kept working. A change to how we check passwords was released that morning "
        "and rejected valid sign-ins; we reversed it at 10:15."
    )
    assert cats(text, "sev2", "general", "report") == set()
