"""The shipped classifier: its dev figures can't silently regress, and re-checks only classify what changed."""
from pathlib import Path

import pytest

import drafting
from drafting.classifier import artifact, predict
from drafting.classifier.evaluate import evaluate
from drafting.resources import data_dir

TOLERANCE = 0.02


@pytest.fixture(scope="module")
def dev_tables():
    return evaluate(data_dir() / "dev" / "dev.jsonl")


def test_shipped_model_is_small_safetensors_only():
    folder = artifact.folder()
    weights = folder / artifact.WEIGHTS
    assert weights.stat().st_size < 25 * 1024 * 1024
    assert not list(folder.glob("*.bin")) and not list(folder.glob("*.pt")) and not list(folder.glob("*.pkl"))


def test_dev_figures_stay_at_or_above_the_model_card(dev_tables):
    card = artifact.load_meta()["dev_metrics_model"]
    model = dev_tables["model"]
    for cat in artifact.categories():
        assert model[cat]["f1"] >= card[cat]["f1"] - TOLERANCE, (cat, model[cat], card[cat])
    assert model["_clean"]["flagged_rate"] <= card["_clean"]["flagged_rate"] + TOLERANCE


def test_combined_verdict_meets_the_targets_on_dev(dev_tables):
    combined = dev_tables["combined"]
    for cat in artifact.categories():
        assert combined[cat]["f1"] >= 0.85, (cat, combined[cat])
    assert combined["_clean"]["flagged_rate"] <= 0.05


@pytest.mark.parametrize("text,category", [
    ("Lena's rollback came too late to save the morning batch.", "blame"),
    ("We are grateful to every one of you for sticking with us through this.", "boilerplate"),
])
def test_the_model_catches_phrasings_the_lists_miss(text, category):
    r = drafting.check(text, "sev2", "general", "report")
    assert any(f.category == category and f.source == "model" for f in r.findings)
    rules_only = drafting.check(text, "sev2", "general", "report", use_model=False)
    assert not any(f.category == category for f in rules_only.findings)


def test_editing_one_sentence_reclassifies_only_that_sentence():
    base = ("Card payments failed for 40 minutes on Monday. Refunds were issued the same day. "
            "We have added an alert on card errors. Questions? Reply to this email.")
    drafting.check(base, "sev2", "general", "report")
    before = predict.stats["classified"]
    drafting.check(base.replace("Monday", "Tuesday"), "sev2", "general", "report")
    assert predict.stats["classified"] - before == 1


# Real public incident sentences (../shared/realworld, beside the checkout): measured, never trained on.
REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld" / "dev.jsonl"


@pytest.mark.skipif(not REALWORLD.is_file(), reason="../shared/realworld/dev.jsonl is not beside this checkout")
def test_real_incident_sentences_that_are_clean_mostly_stay_unmarked():
    # issue 12's targets: at most 5% of clean real sentences marked, micro-F1 0.85, and every category
    # with five or more examples at F1 0.75 (measured 2.1%, 0.930 and >= 0.82 at stop 24's retrained model)
    combined = evaluate(REALWORLD)["combined"]
    assert combined["_clean"]["flagged_rate"] <= 0.05, combined["_clean"]
    assert combined["_micro"]["f1"] >= 0.88, combined["_micro"]
    for cat in artifact.categories():
        if combined[cat]["support"] >= 5:
            assert combined[cat]["f1"] >= 0.75, (cat, combined[cat])


def test_the_real_register_dev_set_holds_its_figures():
    combined = evaluate(data_dir() / "dev" / "real_register_dev.jsonl")["combined"]
    assert combined["_micro"]["f1"] >= 0.91, combined["_micro"]
    assert combined["_clean"]["flagged_rate"] <= 0.02, combined["_clean"]


def test_the_held_out_test_set_holds_its_figures():
    combined = evaluate(data_dir() / "test" / "test.jsonl")["combined"]
    assert combined["_macro"]["f1"] >= 0.937, combined["_macro"]  # 0.942 at this commit
    assert combined["_clean"]["flagged_rate"] <= 0.03, combined["_clean"]
