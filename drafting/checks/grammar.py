"""grammar: spelling and grammar from a LanguageTool server (never downloaded: a URL must be given).

With no server configured the result says grammar checking is off and how to turn it on.
"""
from __future__ import annotations

import threading
from typing import Any

from ..catalog import Category, message
from ..findings import Finding, GrammarStatus

OFF_MESSAGE = (
    "Grammar checking is off: no LanguageTool server is set. Start one (e.g. `java -cp languagetool-server.jar "
    "org.languagetool.server.HTTPServer --port 8081`) and set LANGUAGETOOL_URL=http://localhost:8081 or "
    "`languagetool_url:` in the company config."
)

_tools: dict[str, Any] = {}
_lock = threading.Lock()


def findings_from_matches(matches: list[Any], text: str) -> list[Finding]:
    """Turn LanguageTool matches (language_tool_python Match objects or the server's JSON dicts) into findings."""
    from language_tool_python.match import Match

    out: list[Finding] = []
    for m in matches:
        if isinstance(m, dict):
            m = Match(dict(m), text)
        start = int(m.offset)
        end = min(len(text), start + int(m.error_length))
        replacement = m.replacements[0] if m.replacements else ""
        template = message("grammar", "default")
        suggestion = f"Try \"{replacement}\"." if replacement else "Rephrase this part."
        out.append(
            Finding(
                category="grammar",
                rule=str(m.rule_id),
                start=start,
                end=end,
                text=text[start:end],
                message=template["message"].replace("{lt_message}", str(m.message)) or str(m.message),
                suggestion=suggestion,
                confidence=0.7,
                source="languagetool",
            )
        )
    return out


def check(text: str, server: str) -> tuple[list[Finding], GrammarStatus]:
    """Ask the LanguageTool server; any failure turns grammar off with the reason, never an exception."""
    if not server:
        return [], GrammarStatus(False, OFF_MESSAGE)
    try:
        import language_tool_python

        with _lock:
            tool = _tools.get(server)
            if tool is None:
                tool = language_tool_python.LanguageTool("en-US", remote_server=server)
                _tools[server] = tool
        matches = tool.check(text)
    except Exception as exc:  # the server is a separate process: report, don't crash
        return [], GrammarStatus(False, f"Grammar checking is off: the LanguageTool server at {server} did not answer ({exc.__class__.__name__}). Check that it is running.")
    return findings_from_matches(matches, text), GrammarStatus(True, f"Grammar checked by LanguageTool at {server}.")


CATEGORY = Category("grammar", run=None, blocks=False, sarif_level="note", open_rules=True)
