"""Company configuration: a support lead's YAML, validated with errors that say what to fix."""
import pytest

from drafting import config
from drafting.errors import ConfigError


def test_the_example_config_loads():
    cfg = config.from_yaml(config.EXAMPLE)
    assert cfg.company == "Example Pay" and "ledger sync" in cfg.glossary


@pytest.mark.parametrize("yaml_text,expect", [
    ("colour: blue\n", "unknown key"),
    ("leak_patterns:\n  tickets: ['[unclosed']\n", "not a valid regular expression"),
    ("product_names: {a: b}\n", "list of text"),
    ("glossary:\n  - term\n", "glossary"),
    ("company: [a\n", "not valid YAML"),
    ("- just\n- a list\n", "mapping"),
])
def test_invalid_configs_name_the_problem(yaml_text, expect):
    with pytest.raises(ConfigError, match=expect):
        config.from_yaml(yaml_text, "company.yaml")


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        config.load(tmp_path / "nope.yaml")
