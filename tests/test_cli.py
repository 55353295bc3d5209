"""The command line as a docs repository or a liaison would use it."""
import json
import subprocess
import sys

import pytest

from drafting.cli import main


def run_cli(args, capsys, stdin_text=None, monkeypatch=None):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_clean_draft_exits_0(tmp_path, capsys):
    f = tmp_path / "ok.txt"
    f.write_text("Internal notes: the replica was rebuilt at 10:20. Next steps: Ana adds a lag alert by Friday.", encoding="utf-8")
    code, out, _ = run_cli([ "check", str(f), "--stage", "internal", "--audience", "technical"], capsys)
    assert code == 0, out


def test_findings_exit_1_with_the_span_marked(tmp_path, capsys):
    f = tmp_path / "d.md"
    f.write_text("We believe a bad cable caused it.\n", encoding="utf-8")
    code, out, _ = run_cli(["check", str(f), "--stage", "preliminary", "--no-model"], capsys)
    assert code == 1
    assert "conjecture" in out and "^^^^^^^^^^" in out


def test_json_mirrors_to_dict(tmp_path, capsys):
    f = tmp_path / "d.txt"
    f.write_text("This will never happen again.", encoding="utf-8")
    code, out, _ = run_cli(["check", str(f), "--format", "json", "--severity", "sev1"], capsys)
    data = json.loads(out)
    assert code == 1 and data["context"]["severity"] == "sev1"
    assert any(x["category"] == "overpromise" for x in data["findings"])


def test_sarif_is_2_1_0_with_regions(tmp_path, capsys):
    f = tmp_path / "d.txt"
    f.write_text("Line one.\nSee INC-4821 for details.", encoding="utf-8")
    code, out, _ = run_cli(["check", str(f), "--format", "sarif", "--audience", "technical"], capsys)
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    leak = [r for r in sarif["runs"][0]["results"] if r["ruleId"].startswith("leak/")]
    assert leak and leak[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 2


@pytest.mark.parametrize("content,expect", [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    ("caf\xe9".encode("latin-1"), "not UTF-8"),
    (b"", "empty"),
])
def test_unreadable_input_exits_2_with_one_line(tmp_path, capsys, content, expect):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    code, _, err = run_cli(["check", str(f)], capsys)
    assert code == 2 and expect in err and "Traceback" not in err and err.count("\n") == 1


def test_missing_file_and_bad_option_exit_2(capsys):
    assert run_cli(["check", "/nonexistent/draft.txt"], capsys)[0] == 2
    with pytest.raises(SystemExit) as exc:
        main(["check", "x.txt", "--severity", "sev9"])
    assert exc.value.code == 2


def test_invalid_config_is_reported_plainly(tmp_path, capsys):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("glossary: [not, a, mapping]\n", encoding="utf-8")
    d = tmp_path / "d.txt"
    d.write_text("Hello.", encoding="utf-8")
    code, _, err = run_cli(["check", str(d), "--config", str(cfg)], capsys)
    assert code == 2 and "glossary" in err


def test_stdin_is_read_by_the_installed_script():
    proc = subprocess.run([sys.executable, "-m", "drafting.cli", "check", "-", "--no-model", "--stage", "preliminary"],
                          input="We suspect the router.".encode(), capture_output=True, timeout=120)
    assert proc.returncode == 1 and b"conjecture" in proc.stdout
