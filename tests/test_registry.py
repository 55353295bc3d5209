"""Every category is complete (proselint's examples test): declared once, with a label, a weight, a
message for each rule id it emits, flag and pass examples, and a few examples pinned to the exact
(category, rule, start, end) the check reports.

Examples live in tests/examples/<category>.yaml::

    context: {severity: sev2, audience: general, stage: report}   # for every example below
    flag:                      # the check must report this category
      - text: "John forgot to run the canary."
        exact: [blame, agent, 0, 18]                          # optional: where it must land
        context: {stage: internal}                            # optional: per example
    pass:                      # the check must not report this category
      - "A configuration change removed the production table."
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import drafting
from drafting import catalog, registry
from drafting.classifier import artifact

EXAMPLES = Path(__file__).resolve().parent / "examples"
MIN_EXACT = 2


def _examples(name: str) -> dict:
    path = EXAMPLES / f"{name}.yaml"
    assert path.is_file(), f"category {name} has no examples: add tests/examples/{name}.yaml (flag:, pass:)"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _cases(data: dict, kind: str) -> list[tuple[str, dict, list | None]]:
    base = data.get("context") or {}
    out = []
    for item in data.get(kind) or []:
        item = item if isinstance(item, dict) else {"text": item}
        out.append((item["text"], {**base, **(item.get("context") or {})}, item.get("exact")))
    return out


CHECKED = [c.name for c in registry.categories() if c.run is not None]


def test_every_category_in_the_data_is_declared_and_every_declaration_has_data():
    assert set(registry.names()) == set(catalog.names()) == set(drafting.CATEGORIES)
    assert registry.names() == drafting.CATEGORIES


@pytest.mark.parametrize("name", registry.names())
def test_a_category_has_a_label_a_short_name_colours_and_a_weight(name):
    meta = registry.get(name).meta
    assert meta.label.strip() and meta.short.strip(), name
    assert meta.colour.strip() and meta.chart_colour.strip(), name
    assert meta.weight > 0, name


@pytest.mark.parametrize("name", registry.names())
def test_a_message_for_every_rule_id_and_no_message_for_a_rule_no_one_emits(name):
    category = registry.get(name)
    messages = category.meta.messages
    missing = [r for r in category.rules if not (messages.get(r) or {}).get("message")]
    assert not missing, f"{name}: no message in data/rules/{name}.yaml for rule id(s) {missing}"
    model = name in artifact.categories()
    if model:
        assert "default" in messages, f"{name}: the classifier reports it, so it needs a default message"
    emitted = set(category.rules) | ({"default"} if model or category.open_rules else set())
    stale = sorted(set(messages) - emitted)
    assert not stale, f"{name}: messages for rule ids nothing emits: {stale}"


def test_the_classifier_reports_only_declared_categories():
    assert set(artifact.categories()) <= set(registry.names())


def _found(text: str, ctx: dict) -> list:
    return drafting.check(text, use_model=False, use_grammar=False, **ctx).findings


@pytest.mark.parametrize("name", CHECKED)
def test_a_category_has_flag_and_pass_examples_and_the_check_agrees(name):
    data = _examples(name)
    flags, passes = _cases(data, "flag"), _cases(data, "pass")
    assert flags and passes, f"tests/examples/{name}.yaml needs flag: and pass: examples"
    declared = set(registry.get(name).rules)
    for text, ctx, _ in flags:
        found = [f for f in _found(text, ctx) if f.category == name]
        assert found, f"{name} should flag {text!r} in {ctx}"
        assert {f.rule for f in found} <= declared, f"{name} emitted undeclared rule ids {[f.rule for f in found]}"
    for text, ctx, _ in passes:
        found = [(f.rule, f.text) for f in _found(text, ctx) if f.category == name]
        assert not found, f"{name} should not flag {text!r} in {ctx}: {found}"


@pytest.mark.parametrize("name", CHECKED)
def test_examples_land_on_the_exact_span(name):
    pinned = [(t, c, e) for t, c, e in _cases(_examples(name), "flag") if e]
    assert len(pinned) >= MIN_EXACT, f"tests/examples/{name}.yaml: pin at least {MIN_EXACT} examples with exact:"
    for text, ctx, exact in pinned:
        got = {(f.category, f.rule, f.start, f.end) for f in _found(text, ctx)}
        assert tuple(exact) in got, f"{text!r}: expected {tuple(exact)}, got {sorted(got)}"


def test_blocking_is_what_drafting_always_blocked():
    assert registry.blocking() == ("placeholder", "blame", "conjecture", "boilerplate", "tone", "jargon", "leak", "overpromise", "structure")
    ctx = drafting.Context.of("sev2", "technical", "report")
    jargon = drafting.Finding("jargon", "glossary", 0, 3, "p99", "", "")
    assert not registry.blocks(jargon, ctx)
    jargon.rule = "internal"
    assert registry.blocks(jargon, ctx)


def test_a_company_config_turns_a_category_or_one_rule_off_by_name():
    text = "Oops! This was a minor hiccup. We think the disk failed."
    on = {(f.category, f.rule) for f in drafting.check(text, "sev1", use_model=False, use_grammar=False).findings}
    assert {("tone", "flippant"), ("tone", "minimising"), ("conjecture", "default")} <= on
    cfg = drafting.config.from_dict({"disabled": ["conjecture", "tone/flippant"]})
    off = {(f.category, f.rule) for f in drafting.check(text, "sev1", config=cfg, use_model=False, use_grammar=False).findings}
    assert ("tone", "minimising") in off
    assert not {c for c, r in off if c == "conjecture"} and ("tone", "flippant") not in off
    with pytest.raises(drafting.ConfigError, match="names no category"):
        drafting.config.from_dict({"disabled": ["tonne"]})
    with pytest.raises(drafting.ConfigError, match="is not a rule of tone"):
        drafting.config.from_dict({"disabled": ["tone/snark"]})
