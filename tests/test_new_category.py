"""A new category takes three files and nothing else (docs/adding-a-category.md).

The three files are taken from the walk-through, written into a temporary copy of the project,
and the copy is run in fresh processes: the category must reach the CLI's JSON and SARIF, the
batch table and HTML report, the registry's completeness test and the app, with no other file
changed.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "adding-a-category.md"
TEXT = ("Between 09:10 and 09:55 UTC card payments failed. We accept liability for the failed payments, "
        "and we will refund every fee.")

# Runs a module or script against the copy: the copy goes first on the path, and an editable
# install of the original checkout (which would otherwise win) is set aside.
RUNNER = '''import runpy, sys
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
sys.path.insert(0, {root!r})
args = sys.argv[1:]
if args[0] == "-m":
    sys.argv = [args[1], *args[2:]]
    runpy.run_module(args[1], run_name="__main__", alter_sys=True)
else:
    sys.argv = args
    runpy.run_path(args[0], run_name="__main__")
'''

APP_PROBE = '''import json, re
from streamlit.testing.v1 import AppTest
at = AppTest.from_file("app.py", default_timeout=180)
at.run()
at.text_area(key="review_text").input({text!r})
at.run()
html = "\\n".join(h.value for h in at.main.get("html"))
print(json.dumps({{
    "exception": [str(e.value) for e in at.exception],
    "marked": sorted({{c for g in re.findall(r'data-categories="([^"]*)"', html) for c in g.split()}}),
    "groups": [c.value for c in at.main.caption if "finding(s):" in c.value],
    "cards": re.findall(r'data-category="([^"]*)" data-rule="([^"]*)"', html),
}}))
'''


def walkthrough_files() -> dict[str, str]:
    """The files the walk-through writes: a `path`: line followed by a fenced block."""
    text = DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"^`([\w/.]+)`:\n\n```\w*\n(.*?)^```", text, re.M | re.S)
    return dict(blocks)


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    files = walkthrough_files()
    assert sorted(files) == ["data/rules/legal_risk.yaml", "drafting/checks/legal_risk.py",
                             "tests/examples/legal_risk.yaml"], "the walk-through touches exactly three files"
    root = tmp_path_factory.mktemp("project")
    ignore = shutil.ignore_patterns("__pycache__", "*.sqlite3", "screenshots")
    for name in ("drafting", "data", "tests", "app.py", "pyproject.toml"):
        src = ROOT / name
        (shutil.copytree(src, root / name, ignore=ignore) if src.is_dir() else shutil.copy(src, root / name))
    (root / "models").symlink_to(ROOT / "models")
    for rel, content in files.items():
        path = root / rel
        assert not path.exists(), f"{rel} must be new"
        path.write_text(content, encoding="utf-8")
    (root / "_run.py").write_text(RUNNER.format(root=str(root)), encoding="utf-8")
    (root / "draft.md").write_text(TEXT, encoding="utf-8")
    (root / "reports").mkdir()
    (root / "reports" / "2025-01-payments.md").write_text("# Payments\n\nDate: 2025-01-10\n\n" + TEXT, encoding="utf-8")
    (root / "reports" / "2025-02-clean.md").write_text(
        "# Dashboards\n\nDate: 2025-02-12\n\nDashboards loaded slowly for two hours while an index was rebuilt.\n",
        encoding="utf-8")
    return root


def run(copy: Path, *args: str, ok=(0,)) -> str:
    proc = subprocess.run([sys.executable, str(copy / "_run.py"), *args], cwd=copy, capture_output=True, text=True,
                          timeout=600, env={**_env(), "INCIDENT_DRAFT_DB": str(copy / "library.sqlite3")})
    assert proc.returncode in ok, proc.stdout[-2000:] + proc.stderr[-4000:]
    return proc.stdout


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k not in ("DRAFTING_DATA_DIR", "DRAFTING_MODELS_DIR")}


def test_the_toy_category_is_not_shipped():
    assert not (ROOT / "drafting" / "checks" / "legal_risk.py").exists()
    assert not (ROOT / "data" / "rules" / "legal_risk.yaml").exists()


def test_it_reaches_the_cli_json_and_sarif(copy):
    data = json.loads(run(copy, "-m", "drafting.cli", "check", "draft.md", "--format", "json", "--no-model", ok=(1,)))
    found = [(f["category"], f["rule"], f["text"]) for f in data["findings"]]
    assert ("legal_risk", "admission", "We accept liability") in found
    assert data["counts"]["legal_risk"] == 1
    sarif = json.loads(run(copy, "-m", "drafting.cli", "check", "draft.md", "--format", "sarif", "--no-model", ok=(1,)))
    results = sarif["runs"][0]["results"]
    legal = [r for r in results if r["ruleId"] == "legal_risk/admission"]
    assert legal and legal[0]["level"] == "error" and "legal team" in legal[0]["message"]["text"]
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["legal_risk/admission"]["properties"]["label"] == "Legal risk"


def test_it_reaches_the_batch_table_and_html(copy):
    table = run(copy, "-m", "drafting.cli", "score", "reports", "--format", "table", "--no-model")
    assert "legal" in table.splitlines()[1] or any(" legal " in line for line in table.splitlines()[:4])
    page = run(copy, "-m", "drafting.cli", "score", "reports", "--format", "html", "--no-model")
    assert "<th>legal_risk</th>" in page and "#9c6644" in page


def test_the_registry_test_passes_for_it(copy):
    out = run(copy, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_registry.py", "-k", "legal_risk or every")
    assert re.search(r"\d+ passed", out) and "failed" not in out


def test_it_reaches_the_app(copy):
    (copy / "probe_app.py").write_text(APP_PROBE.format(text=TEXT), encoding="utf-8")
    seen = json.loads(run(copy, "probe_app.py").strip().splitlines()[-1])
    assert not seen["exception"], seen["exception"]
    assert "legal_risk" in seen["marked"]
    assert any("Legal risk 1" in g for g in seen["groups"])  # the summary by category beside the text
    assert ["legal_risk", "admission"] in seen["cards"]
