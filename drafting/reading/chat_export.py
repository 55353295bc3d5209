"""A meeting chat saved from a video call (Zoom's "meeting_saved_chat.txt") puts each message under a header line,
"20:26:48 From Linh Tran To Everyone:", with the words indented below it. Read as written, the time and the words
are on different lines, so no message has a time and every header looks like an empty chat line. Here each header is
joined to its first line of words, offsets kept, so the reader sees "20:26:48 From Linh Tran To Everyone:  words",
one chat line; replies' quoted lead lines ("Replying to ...") and reactions ("Reacted to ... with 👍") are blanked:
they repeat or acknowledge another message and carry no fact of their own."""
from __future__ import annotations

import re

# who wrote a message and to whom: "From Linh Tran To Everyone:" (also read by markup.CHAT_LEAD and shapes)
SPEAKER = r"From\s+[^:\n]{1,80}?\s+[Tt]o\s+[^:\n]{1,80}?:"
HEADER = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?\s+" + SPEAKER + r"\s*$")
_BODY = re.compile(r"^[ \t]+\S")
_ECHO = re.compile(r"^[ \t]+(?:Replying to\s+[\"“].*|Reacted to\s+[\"“].*\bwith\s+\S+\s*|Removed a\s+\S+\s+reaction\b.*)$")


def joined_messages(text: str) -> str:
    """The chat export with each message on its header's line (same length, so every source span stays true);
    any other text comes back unchanged."""
    lines = text.split("\n")
    if sum(1 for line in lines if HEADER.match(line)) < 3:
        return text
    out = list(lines)
    k = 0
    while k < len(lines):
        if not HEADER.match(lines[k]):
            k += 1
            continue
        body = k + 1
        while body < len(lines) and _ECHO.match(lines[body]):
            out[body] = " " * len(lines[body])  # "Replying to "devlock-svc error..."": a quote of another message
            body += 1
        echo_only = body > k + 1 and (body >= len(lines) or not _BODY.match(lines[body]))
        if echo_only:
            out[k] = " " * len(lines[k])  # a reaction alone: an acknowledgement, not a message
            k = body
            continue
        if body < len(lines) and _BODY.match(lines[body]):
            words = lines[body].lstrip(" \t")
            # the line breaks, blanked echoes and the body's indent become spaces: header and words are one line
            gap = sum(len(out[j]) + 1 for j in range(k + 1, body)) + len(lines[body]) - len(words) + 1
            out[k] = out[k] + " " * gap + words
            for j in range(k + 1, body + 1):
                out[j] = None  # type: ignore[call-overload]
            k = body + 1
            while k < len(lines) and _BODY.match(lines[k]) and not HEADER.match(lines[k]):
                # a further line of the same message ("\t- replay extended ..."): its tabs as spaces, so a list is a list
                out[k] = " " * (len(lines[k]) - len(lines[k].lstrip(" \t"))) + lines[k].lstrip(" \t")
                k += 1
            continue
        k += 1
    result = "\n".join(line for line in out if line is not None)
    return result if len(result) == len(text) else text


# Slack's desktop copy: "javi_m  10:18 AM" (a bot: "Datadog APP  10:12 AM") on its own line, the words below it, a
# thread's replies indented under "3 replies"
_SLACK_HEADER = re.compile(r"^[ \t]*[\w.@'’-]{2,30}(?: [\w.'’-]{2,20})?(?: APP| BOT)?[ \t]{2,}\d{1,2}:\d{2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]*$")
_THREAD_COUNT = re.compile(r"^[ \t]*\d+ repl(?:y|ies)[ \t]*$")


def slack_unthreaded(text: str) -> str:
    """A Slack or Mattermost copy with its threads' replies read like the messages around them: each reply's indent moves
    to the end of its line (same length, so every span stays true), so an indented reply is not read as code, and the
    "3 replies" line is blanked."""
    lines = text.split("\n")
    if sum(1 for line in lines if _SLACK_HEADER.match(line)) < 3:
        return text
    out = []
    for line in lines:
        if _THREAD_COUNT.match(line):
            out.append(" " * len(line))
        elif line[:1] in (" ", "\t") and line.strip():
            words = line.lstrip(" \t")
            out.append(words + " " * (len(line) - len(words)))
        else:
            out.append(line)
    return "\n".join(out)
