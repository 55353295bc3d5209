"""How facts are said: dates, times, durations, product lists, the review due date, customer clauses."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from ..config import CompanyConfig
from ..context import Context
from ..extract import Facts, Span
from ..redact import Redactor, templates

# "From 07:30 to 09:10 ET, ..." inside a copied sentence: the draft states the window once, in its own zone.
_TIME = r"(?:\d{4}-\d{2}-\d{2}[T ])?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?-i:(?:\s*[A-Z]{1,4}\b)?)(?:Z|[+-]\d{2}:?\d{2})?"
_WINDOW = re.compile(
    r"(?:,\s*)?\b(?:from|between|starting at|since)\s+" + _TIME + r"(?:\s+on\s+\d{1,2}\s+\w+)?[^,.;]{0,40}?\b(?:to|and|until|till)\b[^,.;]{0,30}?" + _TIME
    + r"(?:\s+on\s+\d{1,2}\s+\w+)?,?\s*"
    + r"|(?:,\s*)?\b(?:from|starting at|since|at|by)\s+" + _TIME.replace(r"(?::\d{2})?", r":\d{2}") + r"(?=[\s,.;])\s*,?",
    re.I,
)


def business_days_after(start: date, n: int) -> date:
    """The date n business days after ``start``, skipping Saturdays and Sundays."""
    d = start
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def say_day(d: date) -> str:
    return f"{d:%A} {d.day} {d:%B %Y}"


def say_day_short(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def say_duration(minutes: int) -> str:
    days, rem = divmod(minutes, 1440)
    hours, mins = divmod(rem, 60)
    parts = []
    if days:
        parts.append(f"{days} day{'s' if days != 1 else ''}")
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if mins and not days:
        parts.append(f"{mins} minute{'s' if mins != 1 else ''}")
    return " ".join(parts) or "less than a minute"


def join_words(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def strip_times(text: str) -> str:
    """Remove time ranges written in the write-up's own zones; the draft states the window once."""
    t = _WINDOW.sub(" ", text)
    t = re.sub(r"\s{2,}", " ", t).strip(" ,")
    t = re.sub(r"\s+([,.;])", r"\1", t)
    return t[:1].upper() + t[1:] if t else t


@dataclass
class Inputs:
    """Everything a stage composer needs, with the values its templates use."""

    facts: Facts
    redactor: Redactor
    ctx: Context
    config: CompanyConfig
    company: str = ""
    contact: str = ""
    contact_name: str = ""
    account: str = ""
    report_url: str = ""
    values: dict[str, str] = field(default_factory=dict)
    omitted: list[dict[str, str]] = field(default_factory=list)

    @property
    def high(self) -> bool:
        return self.ctx.severity.is_high

    def tone(self) -> str:
        return "high" if self.high else "low"

    def public(self, span: Span) -> str:
        return strip_times(self.redactor.public(span))

    def omit(self, item: str, reason: str) -> None:
        if not any(o["item"] == item and o["reason"] == reason for o in self.omitted):
            self.omitted.append({"item": item, "reason": reason})


def products(facts: Facts) -> list[str]:
    names: list[str] = []
    for p in sorted(facts.products, key=len, reverse=True):
        if not any(p.lower() in n.lower() for n in names):
            names.append(p)
    order = {p: i for i, p in enumerate(facts.products)}
    return sorted(names, key=lambda p: order[p])[:3]


def values(inp: Inputs) -> dict[str, str]:
    """Template values from the facts: window, day, duration, products, due date, contact."""
    f = inp.facts
    t = templates()
    v: dict[str, str] = {}
    start, end = f.local(f.start), f.local(f.end)
    v["products"] = join_words(products(f)) or t["common"]["our_service"]
    v["tz"] = _tz_label(start or end)
    if start:
        v["start"] = f"{start:%H:%M}"
        v["day"] = say_day(start.date())
        v["day_short"] = say_day_short(start.date())
    if end:
        v["end"] = f"{end:%H:%M}"
        v["end_day"] = say_day(end.date())
    if f.duration_minutes is not None:
        v["duration"] = say_duration(f.duration_minutes)
    if f.detected and start:
        v["detected"] = f"{f.local(f.detected):%H:%M}"
    days = int(t["review_business_days"].get(inp.ctx.severity.value, 5))
    v["days"] = str(days)
    base = (end or start).date() if (end or start) else f.writeup_date
    if base is not None:
        due = business_days_after(base, days)
        v["due"] = say_day(due)
    v["contact"] = inp.contact
    v["company"] = inp.company or "we"
    v["account"] = inp.account
    v["report_url"] = inp.report_url
    v["severity"] = inp.ctx.severity.value
    v["title"] = f.title or v["products"]
    return v


def _tz_label(dt: datetime | None) -> str:
    if dt is None:
        return "UTC"
    name = dt.tzname() or "UTC"
    return "UTC" if name in ("UTC", "UTC+00:00", "GMT") else name


def window_sentence(inp: Inputs) -> str:
    c = templates()["common"]
    v = inp.values
    if "start" in v and "end" in v:
        key = "window_same_day" if v["day"] == v["end_day"] else "window_two_days"
        return c[key].format(**v)
    if "start" in v:
        return c["window_start_only"].format(**v)
    return c["window_unknown"]


def impact_clause(inp: Inputs) -> str:
    """A short clause naming what customers lost, from the first symptom the write-up gives."""
    for sp in inp.facts.symptoms:
        text = inp.public(sp).rstrip(".")
        words = text.split()
        if 4 <= len(words) <= 22 and not re.search(r"\b(not affected|were not|was not|no data|no card)\b", text, re.I) and not re.search(r"[\"“]", text):
            first = words[0]
            if first[1:].islower() and first not in inp.values.get("products", ""):
                text = text[0].lower() + text[1:]
            return text
    return templates()["common"]["impact_clause_fallback"].format(**inp.values)


def apology(inp: Inputs) -> str:
    t = templates()["apology"]
    v = dict(inp.values, impact=impact_clause(inp))
    if "duration" in v:
        return t["with_duration"][inp.tone()].format(**v)
    if "day" in v:
        return t["with_day"][inp.tone()].format(**v)
    return t["bare_fallback"].format(**v)


def review_promise(inp: Inputs) -> str:
    c = templates()["common"]
    return c["review_promise"].format(**inp.values) if "due" in inp.values else c["review_promise_undated"].format(**inp.values)


def cause_status_sentence(inp: Inputs) -> str:
    c = templates()["common"]
    if inp.facts.cause_confirmed:
        return c["cause_identified"]
    return c["cause_open_dated"].format(**inp.values) if "due" in inp.values else c["cause_open"]


def contact_sentence(inp: Inputs) -> str:
    c = templates()["common"]
    return c["contact_with_address"].format(**inp.values) if inp.contact else c["contact_no_address"]


def pick_symptoms(inp: Inputs, limit: int, prefer_numbers: bool = False) -> list[str]:
    out: list[str] = []
    spans = list(inp.facts.symptoms)
    if prefer_numbers:
        spans.sort(key=lambda s: 0 if re.search(r"\d", s.text) else 1)
    for sp in spans:
        text = inp.public(sp)
        if len(text.split()) < 3:
            continue
        if not text.endswith((".", "!", "?", '"')):
            text += "."
        if text not in out:
            out.append(text)
        if len(out) >= limit:
            break
    return out


def action_sentence(inp: Inputs, span: Span) -> str | None:
    """An action item as a customer sentence: "We will add an alert when ..."."""
    from ..extract import rules as extract_rules

    if any(re.search(p, span.text, re.I) for p in extract_rules().get("internal_action_cues", [])):
        inp.omit(span.text.strip(), "an internal task, not a change customers need to hear about")
        return None
    text = span.text
    for pat in extract_rules()["action_noise"]:
        text = re.sub(pat, "", text, flags=re.I).strip()
    text = re.sub(r"^[A-Z][A-Z0-9]{1,9}-\d+\s*[:—–-]?\s*", "", text)
    text = inp.redactor.public_text(text).strip(" .;:-—")
    if len(text.split()) < 3:
        return None
    t = templates()["report"]
    text = re.sub(r"^(?i:alert)\s+(?=when|if|on)", "add an alert ", text)
    first = text.split()[0]
    if re.match(r"(?i)(we|our|this|the|a|an)\b", first):
        return text[0].upper() + text[1:] + "."
    if first[0].isupper() and first.lower() in _ACTION_VERBS or first.islower() and first in _ACTION_VERBS:
        return t["action_lead"].format(action=first.lower() + text[len(first):]) + "."
    return t["action_noun"].format(action=text[0].lower() + text[1:] if text[1:2].islower() else text) + "."


_ACTION_VERBS = {
    "add", "enable", "automate", "extend", "review", "set", "lower", "raise", "page", "require", "make", "size", "alert", "run",
    "show", "let", "allow", "update", "build", "create", "move", "split", "limit", "keep", "remove", "replace", "introduce",
    "tune", "document", "write", "fix", "pin", "block", "reject", "load", "test", "monitor", "improve", "migrate", "change",
    "deploy", "roll", "schedule", "configure", "increase", "reduce", "double", "check", "validate", "enforce", "publish", "train",
}
