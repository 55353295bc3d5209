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

TIMEOUT_S = 5.0  # per request (language_tool_python tries twice); its own default is 300 s

_tools: dict[tuple[str, float], Any] = {}
_lock = threading.Lock()


def _tool(server: str):
    """A LanguageTool client for the server whose requests give up after TIMEOUT_S, not 300 s."""
    import language_tool_python

    key = (server, TIMEOUT_S)
    with _lock:
        tool = _tools.get(key)
        if tool is None:
            cls = type("ShortTimeoutLanguageTool", (language_tool_python.LanguageTool,), {"_TIMEOUT": TIMEOUT_S})
            tool = cls("en-US", remote_server=server)
            _tools[key] = tool
    return tool


def _span(m: Any, text: str) -> tuple[int, int] | None:
    """The match's (start, end) if it lies inside the text, else None: a server's answer is not trusted."""
    try:
        start, length = int(m.offset), int(m.error_length)
    except (TypeError, ValueError, AttributeError, OverflowError):
        return None
    if start < 0 or length < 0 or start + length > len(text):
        return None
    return start, start + length


def findings_from_matches(matches: list[Any], text: str) -> list[Finding]:
    """Turn LanguageTool matches (language_tool_python Match objects or the server's JSON dicts) into findings.

    A match whose offset or length is missing, negative or outside the text is dropped.
    """
    from language_tool_python.match import Match

    out: list[Finding] = []
    for m in matches if isinstance(matches, list) else []:
        if isinstance(m, dict):
            try:
                m = Match(dict(m), text)
            except Exception:  # noqa: BLE001  (a malformed match from the server)
                continue
        span = _span(m, text)
        if span is None:
            continue
        start, end = span
        replacements = getattr(m, "replacements", None)
        replacement = str(replacements[0]) if isinstance(replacements, list) and replacements else ""
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
        matches = _tool(server).check(text)
    except Exception as exc:  # the server is a separate process: report, don't crash
        return [], GrammarStatus(False, f"Grammar checking was skipped: the LanguageTool server at {server} did not answer "
                                        f"within {TIMEOUT_S:g} s ({exc.__class__.__name__}). Check that it is running.")
    found = findings_from_matches(matches, text)
    dropped = len(matches) - len(found) if isinstance(matches, list) else 0
    note = f" {dropped} answer(s) pointing outside the text were ignored." if dropped else ""
    return found, GrammarStatus(True, f"Grammar checked by LanguageTool at {server}.{note}")


CATEGORY = Category("grammar", run=None, blocks=False, sarif_level="note", open_rules=True)
