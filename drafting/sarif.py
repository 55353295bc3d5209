"""SARIF 2.1.0 output, so a docs repository can gate customer-facing text in code review."""
from __future__ import annotations

from typing import Any

from . import registry
from .findings import CheckResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def to_sarif(result: CheckResult, uri: str = "draft.txt") -> dict[str, Any]:
    rules: dict[str, dict[str, Any]] = {}
    results = []
    for f in result.findings:
        rule_id = f"{f.category}/{f.rule}"
        rules.setdefault(rule_id, {
            "id": rule_id,
            "name": f.category,
            "shortDescription": {"text": f"{f.category}: {f.rule}"},
            "properties": {"category": f.category, "label": registry.meta(f.category).label},
        })
        sl, sc = _line_col(result.text, f.start)
        el, ec = _line_col(result.text, f.end)
        results.append({
            "ruleId": rule_id,
            "level": registry.sarif_level(f.category),
            "message": {"text": f"{f.message} Suggestion: {f.suggestion}".strip()},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
                               "charOffset": f.start, "charLength": f.end - f.start},
                }
            }],
            "properties": {"confidence": round(f.confidence, 3), "source": f.source},
        })
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "incident-draft", "informationUri": "https://example.invalid/incident-draft",
                                "version": "0.1.0", "rules": list(rules.values())}},
            "results": results,
            "properties": {"context": result.context.to_dict(), "score": result.score},
        }],
    }
