"""ruff (configured in pyproject.toml: pyflakes, pycodestyle, bugbear, import order) passes.

The check runs on a copy of the sources after ruff's own safe fixes, so it fails only on what
needs a person (an unused variable, a bug-prone pattern, an over-long line), never on import
order that `ruff check --fix` settles.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _ruff(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_ruff_finds_nothing_a_person_must_fix(tmp_path):
    assert _ruff("--version", cwd=ROOT).returncode == 0, "ruff is not installed: pip install -e '.[test]'"
    copy = tmp_path / "src"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "data", "models", "__pycache__", "*.sqlite3"))
    _ruff("check", "--fix", "--quiet", ".", cwd=copy)
    result = _ruff("check", "--output-format", "concise", ".", cwd=copy)
    assert result.returncode == 0, result.stdout + result.stderr
