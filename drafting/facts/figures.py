"""Customer figures: a labelled figure from a key/value table, and the figures of a sentence that cannot be shown."""
from __future__ import annotations

import re

from ..reading.dates import MONTHS
from ..reading.document import Unit
from ..reading.roles import has_role
from ..reading.rules import rules
from ..redact import Redactor
from .gate import internal_identifiers
from .prose import figure_note_as_sentence, plain_words

_COUNT = r"(?:about |around |~|over |more than )?\d[\d,.]*"  # "about 1,139", "~2.1"
_SPAN_UNIT = r"(?:ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|days?)\.?"  # a figure that is a length of time
_EMPHASIS = re.compile(r"\*\*|__|`|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")  # Markdown marks, never the "_" inside AUTO_RETRY
_CODE_WORD = re.compile(r"\b[a-z]+[._][a-z_]+\b|\b[A-Z]+_[A-Z_]+\b")  # "job.failed", "ENCODER_INIT_FAILED": names in code


def field_figure(u: Unit, red: Redactor) -> str | None:
    """A labelled figure as a sentence a customer may read: "1,139 students were affected.", "There were 612 early
    returns.", "The resubmission deadline is 6 May."; None when the label names something internal."""
    key = re.sub(r"\s*\([^()]*\)", "", _EMPHASIS.sub("", u.key)).strip()  # "Jobs failed (terminal `ENCODER_INIT_FAILED`)": the label
    value = _EMPHASIS.sub("", u.text).strip()
    value = re.sub(r"^(" + _COUNT + r")\s*,\s*(?:of which|including)\b.*$", r"\1", value)  # "611, of which 37 Enterprise": the count
    if _CODE_WORD.search(key) or re.fullmatch(r"(?:" + _COUNT + r"\s*" + _SPAN_UNIT + r"\s*)+", re.sub(r"\s*\([^)]*\)", "", value).strip(), re.I):
        return None  # "job.failed webhooks sent", "Time in SEV-2: 94 min", "Peak p95 queue time: 41 min": for engineers only
    if any(re.search(p, f"{key}: {value}", re.I) for p in rules().get("tool_chrome", [])):
        return None  # a list archive's "Messages: 61": the tool's count, not the incident's
    if re.search(rules().get("internal_field_key_words", "(?!)"), key, re.I) or re.search(r"\b\d+\.\d+\.\d+\b", value):
        return None  # "Affects Version/s: 2025.36.1", "Error in browser console: GET /tiles/...": for engineers only
    value_core = re.sub(r"\s*\([^)]*\)", "", value).strip()
    value = re.sub(r"\s*\(([^)]*)\)", lambda m: m.group(0) if has_role(m.group(1), "remedy") else "", value).strip()  # an aside stays internal
    key_low = key[:1].lower() + key[1:] if not re.match(r"[A-Z]{2,}", key) else key
    if re.fullmatch(_COUNT + r"(?:\s*(?:k|m|million|billion|thousand))?", value_core, re.I):
        note = plain_words(f"{value_core} {key_low}")
        made = figure_note_as_sentence(note)
        plain_count = re.search(r"[a-z]s$", key_low) and not re.search(r"(?i)ed\b", key_low)  # "Failed payments", not "Bookings failed"
        text = made[0] if made else f"There {'was' if value_core == '1' else 'were'} {note}." if plain_count else note
    elif re.match(_COUNT + r"\s+(?!(?:" + MONTHS + r")\b)[a-z]", value_core, re.I) and not re.search(r"[:|;]", value):
        text = plain_words(f"There were {value_core}")  # "Support: 412 merchant tickets" -> "There were 412 merchant tickets."
    elif len(key.split()) <= 5 and not re.search(r"[:|;]", value) and not re.match(r"(?i)(?:a|an|the)\s", key) and re.search(r"\d", value) \
            and key.lower() not in {str(k).lower() for k in rules().get("internal_field_keys", [])}:  # never "The urgency was 1 - High."
        tense = "is" if re.search(r"(?i)\b(?:deadline|due|until|expires?|valid|remaining|open)\b", key) else "was"
        text = plain_words(f"The {key_low} {tense} {value}")
    else:
        return None
    if red.internal_details(text) or internal_identifiers(text) or has_role(text, "unconfirmed"):
        return None
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def figures(text: str) -> list[str]:
    nouns = "|".join(map(re.escape, rules()["customer_nouns"]))
    return [m.group(0).strip() for m in re.finditer(r"(?:\b(?:about|around|roughly|nearly|over|more than)\s+|~)?(?<![\w.:])\d[\d,.]*\s*(?:%|k\b)?\s+(?:of\s+)?(?:[A-Za-z-]+\s+){0,2}(?:" + nouns + r")\b|(?<![\w.:])\d[\d.]*%(?:\s+[a-z-]+)?", text, re.I)]


_CLOCK_OR_DAY = re.compile(r"(?i)\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:" + MONTHS + r")[a-z]*\.?(?:\s+\d{4})?|\b(?:" + MONTHS + r")[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?")


def only_times(text: str) -> bool:
    """Whether every figure in a sentence is a clock time or a date ("Impact window 6:50 AM to 1:05 PM IST.", "First
    missed completion 6:50 AM, release itself was 6:30."): a line of the timeline, not a customer figure."""
    return bool(re.search(r"\d", text)) and not re.search(r"\d", _CLOCK_OR_DAY.sub(" ", text))


_LOG_LEAD = re.compile(r"^\s*(?:\[[^\]]*\]|\d{1,2}:\d{2}(?::\d{2})?\S*)\s+(?:[\w.@-]{1,20}:?\s+)?(?:[A-Za-z][\w -]{0,30}:\s+)?")


def log_count(text: str) -> str | None:
    """A count a log or chat line tells as a note ("01:45 KM  Counted from as-run: 312 spots missed across 23
    stations."), as a sentence ("312 spots were missed across 23 stations."); None for any other line."""
    body = _LOG_LEAD.sub("", text, count=1)
    first = re.split(r"(?<=[.!?])\s+", body.strip())[0]
    made = figure_note_as_sentence(first) if re.match(r"(?i)(?:about |around |roughly |~)?\d", first) else None
    return made[0] if made else None
