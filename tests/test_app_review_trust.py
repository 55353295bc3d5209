"""Stories from issue 14, through Streamlit's AppTest: a liaison can trust what the Review page does to their text."""
from __future__ import annotations

import json
import re

from streamlit.testing.v1 import AppTest
from test_app import card_number, html_of, marked_categories, metric, review, start

from drafting.ui.dismiss import with_disabled
from drafting.ui.edit import apply_fix
from drafting.ui.store import SessionStore, new_id

IMPACT = "Between 09:10 and 10:40 UTC on 4 March, card payments failed for most customers."
BLAME = "An engineer mistakenly deleted the production table during maintenance."
DRAFT = IMPACT + "\n\n" + BLAME


def test_a_fix_for_text_that_changed_since_the_check_never_touches_an_unrelated_sentence():
    at = review(start(), DRAFT)
    n = card_number(at, "blame")
    # the liaison adds a line above the finding and, without pressing Ctrl+Enter, applies the fix
    edited = "Update from the payments team.\n\n" + DRAFT
    at.text_area(key="review_text").input(edited)
    at.button(key=f"review_apply_{n}_0").click().run()
    assert not at.exception
    text = at.text_area(key="review_text").value
    assert text.startswith("Update from the payments team.\n\n" + IMPACT)  # nothing unrelated lost
    assert BLAME not in text  # the flagged sentence itself was the one rewritten
    assert any("where it now stands" in s.value for s in at.success)


def test_a_fix_whose_sentence_was_edited_away_is_refused_plainly():
    at = review(start(), DRAFT)
    n = card_number(at, "blame")
    rewritten_by_hand = IMPACT + "\n\nA maintenance script removed the production table."
    at.text_area(key="review_text").input(rewritten_by_hand)
    at.button(key=f"review_apply_{n}_0").click().run()
    assert at.text_area(key="review_text").value == rewritten_by_hand
    assert any("nothing was changed" in e.value for e in at.error)


def test_apply_fix_refuses_a_sentence_that_now_appears_twice():
    outcome = apply_fix(BLAME + " " + BLAME, BLAME, 0, 11, "A script removed the table.")
    assert not outcome.ok and "more than once" in outcome.message


def test_dismissing_a_false_alarm_takes_it_out_of_the_score_and_the_export():
    text = IMPACT + " Services have now been restored for all customers.\n\n" + BLAME
    at = review(start(), text)
    score_before = int(metric(at, "Score").split("/")[0])
    n = card_number(at, "blame")
    at.button(key=f"review_dismiss_{n}").click().run()
    assert "blame" not in marked_categories(at.main)
    assert int(metric(at, "Score").split("/")[0]) > score_before
    at.button(key="review_undismiss").click().run()
    assert "blame" in marked_categories(at.main)


def test_the_findings_export_leaves_dismissed_ones_out_and_lists_them_apart():
    import drafting
    from drafting.ui.dismiss import finding_key, is_dismissed
    from drafting.ui.review_view import export_findings

    result = drafting.check(DRAFT, "sev2", "general", "report", use_grammar=False)
    blame = next(f for f in result.findings if f.category == "blame")
    dismissed = [finding_key(blame, DRAFT)]
    kept = result.without(lambda f: is_dismissed(f, DRAFT, dismissed))
    export = json.loads(json.dumps(export_findings(kept, result, DRAFT, dismissed)))
    assert "blame" not in {f["category"] for f in export["findings"]}
    assert [f["category"] for f in export["dismissed"]] == ["blame"]
    assert export["score"] == kept.score > result.score


def test_turning_a_rule_off_for_the_company_asks_first_and_writes_the_config():
    at = review(start(), DRAFT)
    n = card_number(at, "blame")
    at.button(key=f"review_disable_{n}").click().run()
    assert any("Turn 'blame/" in w.value for w in at.warning)
    assert "disabled" not in at.sidebar.text_area(key="config_yaml").value
    at.button(key="review_disable_yes").click().run()
    config = at.sidebar.text_area(key="config_yaml").value
    assert re.search(r"disabled:\n  - blame/\w+", config)
    assert "blame" not in marked_categories(at.main)


def test_the_disabled_list_is_written_without_losing_the_rest_of_the_config():
    yaml_text = "company: Acme  # our name\ndisabled:\n  - grammar\nglossary:\n  CDN: content network\n"
    out = with_disabled(yaml_text, "tone/flippant")
    assert "company: Acme  # our name" in out and "CDN: content network" in out
    assert "disabled:\n  - grammar\n  - tone/flippant\n" in out
    assert with_disabled("", "blame") == "disabled:\n  - blame\n"


def test_undo_goes_back_several_steps():
    text = "We think a faulty disk caused the errors.\n\n" + BLAME
    at = review(start(), text, stage="preliminary")
    versions = [at.text_area(key="review_text").value]
    for category in ("blame", "conjecture"):
        at.button(key=f"review_apply_{card_number(at, category)}_0").click().run()
        versions.append(at.text_area(key="review_text").value)
    assert versions[0] != versions[1] != versions[2]
    at.button(key="review_undo").click().run()
    assert at.text_area(key="review_text").value == versions[1]
    at.button(key="review_undo").click().run()
    assert at.text_area(key="review_text").value == versions[0]


def test_an_unfilled_placeholder_is_flagged_and_keeps_the_score_low():
    text = IMPACT + " We are sorry that [say what customers lost].\n\nRegards,\n[Your name]"
    at = review(start(), text)
    assert "placeholder" in marked_categories(at.main)
    assert int(metric(at, "Score").split("/")[0]) <= 40


def test_a_big_paste_shows_a_capped_list_with_a_summary_and_show_all():
    sentence = "An engineer mistakenly deleted the production table, and the CDN edge PoPs returned 5xx errors. "
    at = review(start(), sentence * 60)
    assert any(re.match(r"\d+ finding\(s\): ", c.value) for c in at.caption)
    cards = html_of(at.main).count('class="finding-card"')
    assert cards <= 25
    at.toggle(key="review_show_all").set_value(True).run()
    assert html_of(at.main).count('class="finding-card"') > cards


def test_the_page_says_how_to_run_the_check_and_grammar_help_is_shown_once():
    at = review(start(), DRAFT)
    assert any("Ctrl+Enter" in c.value for c in at.caption)
    main_captions = [c.value for c in at.main.caption]
    assert not any("LANGUAGETOOL_URL" in c for c in main_captions)
    assert sum("LANGUAGETOOL_URL" in c.value for c in at.sidebar.caption) == 1


def test_the_draft_comes_back_after_a_reload():
    sid = new_id()
    store = SessionStore()
    store.save(sid, {"review_text": DRAFT, "review_stage": "preliminary", "review_dismissed": []})
    at = AppTest.from_file(str(__import__("test_app").APP), default_timeout=120)
    at.query_params["s"] = sid
    at.run()
    assert at.text_area(key="review_text").value == DRAFT
    assert at.selectbox(key="review_stage").value == "preliminary"
    assert "blame" in marked_categories(at.main)
    at.text_area(key="review_text").input(DRAFT + " We are sorry.").run()
    assert SessionStore().load(sid)["review_text"].endswith("We are sorry.")


def test_config_company_and_contact_fill_the_draft_page():
    at = start()
    at.sidebar.text_area(key="config_yaml").input("company: Ledgerly\ncontact: support@ledgerly.example\n").run()
    from test_app import go

    go(at, "Draft")
    assert at.text_input(key="draft_company").value == "Ledgerly"
    assert at.text_input(key="draft_contact").value == "support@ledgerly.example"


def test_write_drafts_asks_before_replacing_hand_edits():
    from test_app import write_sample_drafts

    at = write_sample_drafts(start("Draft"), "payments sre template", ["report"])
    edited = at.text_area(key="draft_text_report").value + "\n\nMy own closing line."
    at.text_area(key="draft_text_report").input(edited).run()
    at.button(key="draft_run").click().run()
    assert any("replaces your edits" in w.value for w in at.warning)
    at.button(key="draft_confirm_no").click().run()
    assert at.text_area(key="draft_text_report").value == edited
    assert at.get("code")  # a copy-to-clipboard block for the draft


def test_batch_skipped_counts_the_files_it_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("INCIDENT_DRAFT_DB", str(tmp_path / "lib.sqlite3"))
    at = start("Batch")
    at.file_uploader(key="batch_upload").set_value([
        ("ok.md", b"# Outage\n\nCard payments failed for 40 minutes on 4 March.\n", "text/markdown"),
        ("logo.png", b"\x89PNG", "image/png"), ("broken.docx", b"PK\x03\x04", "application/msword"),
    ]).run()
    at.button(key="batch_run").click().run()
    assert next(m.value for m in at.metric if m.label == "Skipped") == "2"
