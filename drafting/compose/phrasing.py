"""Slots and whole sentences for the stage composers, filled only from the fact sheet.

Every sentence a template makes is whole by construction: a slot takes a typed value (a time, a day,
a duration, a list of product names) and never a cut piece of the write-up. Sentences from the write-up
arrive already checked whole (drafting.facts.gate) and are used as they are, or not at all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from ..config import CompanyConfig
from ..context import Audience, Context
from ..facts.brand import brand_only
from ..facts.kinds import kind_rules
from ..facts.sheet import Fact, FactSheet, day_of
from ..reading.rules import rules, zone_is_place, zone_of, zone_word
from ..redact import templates
from .document import Unit
from .unknowns import end_honestly_unknown


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


@dataclass
class Inputs:
    """Everything a stage composer needs: the fact sheet, the context, and the values its templates use."""

    facts: FactSheet
    ctx: Context
    config: CompanyConfig
    company: str = ""
    contact: str = ""
    contact_name: str = ""
    account: str = ""
    report_url: str = ""
    values: dict[str, str] = field(default_factory=dict)
    omitted: list[dict[str, str]] = field(default_factory=list)
    used: set[str] = field(default_factory=set)  # write-up sentences already placed in this draft
    figures_used: set[str] = field(default_factory=set)

    @property
    def high(self) -> bool:
        return self.ctx.severity.is_high

    @property
    def plain(self) -> bool:
        return self.ctx.audience is not Audience.TECHNICAL

    def tone(self) -> str:
        return "high" if self.high else "low"

    def omit(self, item: str, reason: str) -> None:
        if not any(o["item"] == item and o["reason"] == reason for o in self.omitted):
            self.omitted.append({"item": item, "reason": reason})

    def local(self, when: datetime | None) -> datetime | None:
        if when is None:
            return None
        return when.astimezone(zone_of(self.facts.timezone) or timezone.utc)


def product_names(facts: FactSheet) -> list[str]:
    names: list[str] = []
    for p in facts.texts("products"):
        if not any(p.lower() in n.lower() for n in names):
            names.append(p)
    return names[:3]


def values(inp: Inputs) -> dict[str, str]:
    """Template values from the fact sheet: window, day, duration, products, due date, contact."""
    f = inp.facts
    t = templates()
    v: dict[str, str] = {}
    start, end = inp.local(_sure(inp, f.start, "start")), inp.local(_sure(inp, f.end, "end"))
    names = product_names(f)
    joined = join_words(names) or t["common"]["our_service"]
    article = names and re.search(r"(?<!^)\b[a-z]{2,}\b", names[0]) is not None or (names and names[0][:1].islower())
    mass = bool(names) and re.fullmatch(r"(?:[a-z-]+\s+)?[a-z-]+ing", names[0]) is not None  # "live scoring", "online booking": no article
    v["products"] = ("the " + joined) if article and not mass and not joined.lower().startswith(("the ", "our ")) else joined
    v["products_title"] = (joined[:1].upper() + joined[1:]) if names else t["common"].get("no_product_title", "Service disruption")
    said = str(f.headline.value or "").strip()
    v["headline"] = (said[:1].upper() + said[1:]) if said else v["products_title"]  # what failed, for the heading
    # "we had an incident with duplicate card charges at checkout", "... with scheduled sends delayed"; a headline that
    # opens with a verb ("charged twice and booking still says pending") only heads the draft
    v["what_failed"] = "" if re.match(r"(?i)(?:[a-z]+ed|no|not|can't|cannot|couldn't|won't|didn't)\b", said) \
        or re.search(r"(?i)\b(?:did|does|do|was|were|is|are|can|could|would|will|has|have)(?:n['’]t)?\s+(?:not\s+)?[a-z]|\b(?:can['’]t|cannot|won['’]t)\b", said) \
        or re.search(r"(?i)^\S+(?:\s+\S+){0,3}?\s+(?:" + "|".join(map(str, kind_rules()["headline"].get("clause_past") or {"(?!)": ""})) + r")\b", said) else said  # a clause
    if re.search(kind_rules()["headline"].get("countable_heads", "^$"), said, re.I) and not re.match(r"(?i)(?:an?|the|our)\b", said):
        v["what_failed"] = ("an " if said[:1].lower() in "aeiou" else "a ") + said  # "... with a driver bag-scan outage"
    v["products_cap"] = v["products"][:1].upper() + v["products"][1:]
    last = names[0].split()[-1] if names and names[0].split() else ""
    plural = bool(last) and last[:1].islower() and re.search(r"s$", last) is not None and not re.search(r"(?:ss|us|is)$", last)
    v["products_were"] = "were" if len(names) > 1 or plural else "was"  # "Kiralens", "Tread & Go Reminders": a name, one thing
    v["it_they"] = "they" if v["products_were"] == "were" else "it"
    v["tz"] = _tz_label(start or end, f.timezone)
    if start:
        v["start"] = f"{start:%H:%M}"
        v["day"] = say_day(start.date())
        v["day_short"] = say_day_short(start.date())
    if end:
        v["end"] = f"{end:%H:%M}"
        v["end_day"] = say_day(end.date())
    if f.duration_minutes.value is not None and (start is None) == (f.start.value is None) and (end is None) == (f.end.value is None):
        v["duration"] = say_duration(int(f.duration_minutes.value))
    v["utc"] = _in_utc(start, end) if v["tz"] not in ("UTC", "local time") else ""
    if v["tz"] == "local time":
        inp.omit("time zone", "The write-up gives no time zone for its times: the draft tells them as local time; add the zone if you know it.")
    v["utc_paren"] = f" ({v['utc']})" if v["utc"] else ""
    v["window_note"] = "; ".join(x for x in (v["utc"], v.get("duration", "")) if x)
    if f.detected.value is not None and start:
        v["detected"] = f"{inp.local(f.detected.value):%H:%M}"
    days = int(t["review_business_days"].get(inp.ctx.severity.value, 5))
    v["days"] = str(days)
    base = (end or start).date() if (end or start) else day_of(f)
    if base is not None and t.get("promise_review_date"):  # a company policy; otherwise no date the write-up does not give
        v["due"] = say_day(business_days_after(base, days))
    v["contact"] = inp.contact
    v["company"] = inp.company or "we"
    v["account"] = inp.account
    v["report_url"] = inp.report_url
    v["severity"] = inp.ctx.severity.value
    v["title"] = str(f.title.value or v["products"])
    return v


def _sure(inp: Inputs, fact: Fact, which: str) -> datetime | None:
    """A window time the reading is sure of; an unsure one is left for the liaison to confirm, never stated."""
    if fact.value is None or fact.confidence >= float(templates().get("window_min_confidence", 0.6)):
        return fact.value
    inp.omit(f"window {which}", f"The write-up's {which} time is unclear ({fact.note or 'conflicting times'}): confirm it in the fact sheet; the draft does not state it.")
    return None


def _tz_label(dt: datetime | None, zone: str = "UTC") -> str:
    """The zone word a reader sees: the write-up's own ("BRT", "PT") when the draft tells its times, else the
    zone's abbreviation ("CEST" for Europe/Berlin in summer)."""
    if zone == "local":
        return "local time"  # the write-up named no zone: never told as UTC
    zone = zone_word(zone)  # "IST (UTC+1)": its write-up's IST, told as "IST"
    if zone and re.fullmatch(r"[A-Z]{2,5}", zone) and zone != "UTC" and zone_of(zone) is not None and not zone_is_place(zone):
        return zone  # a city the write-up names for its clock ("Sydney", "London") is told by its abbreviation
    if dt is None:
        return "UTC"
    name = dt.tzname() or "UTC"
    return "UTC" if name in ("UTC", "UTC+00:00", "GMT") else name


def _in_utc(start: datetime | None, end: datetime | None) -> str:
    """The window again in UTC, for readers elsewhere: "13:20 to 15:55 UTC", with the UTC day ("on 9 June")
    when it is not the local day."""
    if start is None:
        return ""
    s = start.astimezone(timezone.utc)
    on = (lambda d: f" on {d.day} {d:%B}")
    if end is None:
        return f"{s:%H:%M} UTC" + (on(s) if s.date() != start.date() else "")
    e = end.astimezone(timezone.utc)
    if s.date() == e.date():
        return f"{s:%H:%M} to {e:%H:%M} UTC" + (on(s) if s.date() != start.date() else "")
    return f"{s:%H:%M} UTC{on(s)} to {e:%H:%M} UTC{on(e)}"


def window_unit(inp: Inputs, told: bool | None = None) -> Unit:
    """The window sentence as a required unit; worded neutrally when the draft says what customers saw,
    with "disrupted" as its stand-in if the self-check drops those sentences."""
    said = window_sentence(inp, told)
    plain = window_sentence(inp, False)
    return Unit(said, required=True, alt=plain if plain != said else "")


def window_sentence(inp: Inputs, told: bool | None = None) -> str:
    """The window, the duration and what it affected. ``told``: whether the draft also says what customers
    saw; if not, the sentence itself says the service was disrupted (the reader needs a symptom)."""
    c = templates()["common"]
    v = inp.values
    if "start" in v and "end" in v:
        key = "window_same_day" if v["day"] == v["end_day"] else "window_two_days"
        f = inp.facts
        told = bool(f.symptoms or f.numbers or f.harm) if told is None else told
        if "duration" in v and f"{key}_duration" in c:  # the duration once, in the window, not again in its own sentence
            key += "_duration" if told else "_disrupted"
        if v["what_failed"] and (not product_names(f) or brand_only(f.products)) and told is not False and f"{key}_headline" in c:
            key += "_headline"  # say what failed rather than "an incident affecting our service" or "... affecting Loop"
        return c[key].format(**v)
    if "start" in v:
        key = "window_start_only" if inp.ctx.stage.value == "preliminary" and end_honestly_unknown(inp) else "window_start_only_report"
        return c[key].format(**v)
    return c["window_unknown" if inp.ctx.stage.value == "preliminary" else "window_unknown_report"].format(**v)


_JARGONY = re.compile(r"`|\b[a-z]+_[a-z_]+\b|\b\d+\s?(?:ms|s|GB|MB|TB)\b|\bp\d\d\b|\b(?:pods?|config|TTL|CNAME|NXDOMAIN|RUM|WAL|DLQ|RFO|QA|SLO|5xx|4xx|\d{3} errors?)\b|\s\+\s|→|->", re.I)


def plain_enough(text: str, inp: Inputs, allowance: int = 0) -> bool:
    """For general and executive readers: at most one technical term the glossary may explain, none it cannot.
    ``allowance``: more explained terms for what a reader must not miss (the harm, the remedy)."""
    if not inp.plain:
        return True
    if _JARGONY.search(text):
        return False
    from ..facts.terms import technical_terms, unknown_acronyms  # the same measure the fact sheet ranks causes by
    from ..reading.rules import has_cue

    if has_cue(_feature_names_out(text), _unexplained_words()):  # engineering words the glossary cannot explain in place
        return False
    product_words = " ".join(product_names(inp.facts))
    if [a for a in unknown_acronyms(text) if a not in product_words]:
        return False
    return technical_terms(text) <= (1 if inp.ctx.audience is Audience.GENERAL else 0) + allowance


def _feature_names_out(text: str) -> str:
    """The sentence without the names customers see on screen ("in Bank Reconciliation") and without everyday
    money words ("bank transactions"): an engineering word inside them is the customer's word there."""
    text = re.sub(r"(?<=[a-z,;] )[A-Z][a-z]+(?: [A-Z][a-z]+)+\b", " ", text)
    return re.sub(r"(?i)\b(?:bank|card|payment|purchase|customer|duplicate|duplicated) transactions?\b", " ", text)


def _unexplained_words() -> tuple[str, ...]:
    from ..checks.jargon import glossary

    known = {str(k).lower() for k in glossary()["terms"]}
    return tuple(w for w in rules().get("engineering_words", []) if str(w).lower() not in known)


def pick(inp: Inputs, facts: list[Fact], limit: int, *, skip_ranges: bool = False, allowance: int = 0, remedy: bool = False) -> list[str]:
    """Up to ``limit`` write-up sentences from a fact list, each used once per draft, plain enough for the reader.
    ``remedy``: a remedy may repeat a figure already told ("All 1,872 fees were refunded" after "1,872 members were charged")."""
    out: list[str] = []
    for f in facts:
        text = labelled_times(_without_window(str(f.value or "").strip(), inp), inp)
        if not text or text in inp.used:
            continue
        figs = {x.rstrip(".,") for x in re.findall(r"\d[\d,.]*%?", re.sub(r"\d{1,2}:\d{2}(?::\d{2})?|\b\d{4}-\d{2}-\d{2}\b", " ", text))}
        if figs and figs <= inp.figures_used and not remedy:
            continue  # the same figures are already in this draft
        if skip_ranges and re.search(r"\d{1,2}:\d{2}\s*(?:UTC\s*)?[–-]\s*\d{1,2}:\d{2}", text):
            continue
        if "end" in inp.values and re.match(r"(?i)(?:the )?(?:customer )?(?:impact|problem|outage|incident) (?:ended|was over|is over|over)\b[^.]{0,20}\d{1,2}:\d{2}", text):
            continue  # "Customer impact ended 22:35 UTC.": the window already says it
        if not plain_enough(text, inp, allowance):
            inp.omit(_short(text), f"too technical for a {inp.ctx.audience.value} reader: left out")
            continue
        out.append(text)
        inp.used.add(text)
        inp.figures_used |= figs
        if len(out) >= limit:
            break
    return out


_BARE_TIME = re.compile(r"(?<![\d:.,/])(\d{1,2}:\d{2}(?:\s?(?:am|pm|a\.m\.|p\.m\.))?|\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.))"
                        r"(?![\d:]|\s?[ap]\.?m\b|\s?[ap]\b|\s*(?:[-–—]|to|and|until)\s*\d|\s*\(?(?-i:UTC|GMT|Z\b|[A-Z]{2,5}\b|[A-Z][a-z]+/)"
                        r"|\s*(?:Pacific|Eastern|Central|Mountain|local)\b|\s+[A-Za-z]+\s+time\b|\s*(?:hours?|hrs?|h|minutes?|mins?)\b)", re.I)  # "15:30 ship time"


def labelled_times(text: str, inp: Inputs) -> str:
    """A write-up sentence's bare times ("from 08:12", "until 21:05") labelled with the zone the write-up writes in,
    so a reader of a draft whose window is in UTC does not take local times for UTC."""
    m = re.search(r"\((?P<z>[^,()]+), as written\)", inp.facts.start.note or inp.facts.end.note or "")
    zone = m.group("z") if m else ""
    if not zone or not re.fullmatch(r"[A-Z]{2,5}", zone) or zone_is_place(zone):
        return text  # no zone word to add (an IANA name or a city, "SYDNEY", is not how a customer reads a time label)
    return _BARE_TIME.sub(lambda t: f"{t.group(1)} {zone}", text)


def _without_window(text: str, inp: Inputs) -> str:
    """ "From 06:00 to 08:40 UTC, the docs site served ..." repeats the window the draft already states: drop the times."""
    m = re.match(r"(?:From|Between) (\d{1,2}:\d{2}) (?:to|and) (\d{1,2}:\d{2}) UTC(?: on [^,]{3,30})?, (?=\w)", text)
    s, e = inp.facts.start.value, inp.facts.end.value
    if m and s is not None and e is not None and (m.group(1) == f"{s:%H:%M}" or m.group(2) == f"{e:%H:%M}"):
        rest = text[m.end():]
        return rest[:1].upper() + rest[1:]
    return text


def as_we_will(text: str) -> str:
    """An imperative action or remedy as a sentence: "Email the customers ..." -> "We will email the customers ..."."""
    words = text.split()
    first = words[0] if words else ""
    told = len(words) > 1 and re.match(r"(?i)(?:is|are|was|were|has|had|will)\b|\w+ing\b|\d{1,2}:\d{2}", words[1])  # "Refund processing continued ..."
    if first.lower() in _ACTION_VERBS and not told and not (len(words) > 1 and words[1].lower() in ("of", "for", "to", "is", "was", "will")):  # "Credit of one month": a noun
        return "We will " + first.lower() + text[len(first):]  # never "We will refund processing continued until 1:10 PM"
    return text


def review_promise(inp: Inputs) -> str:
    c = templates()["common"]
    if inp.facts.review.value:
        return str(inp.facts.review.value)
    if "due" in inp.values:
        return c["review_promise"].format(**inp.values)
    if inp.ctx.stage.value == "preliminary":  # the stage needs a "when": "once our review is complete", never an invented date
        inp.omit("review date", "The write-up gives no date for the full report: the draft says it comes once the review is complete; add a date if you can commit to one.")
        return c["review_promise_undated"].format(**inp.values)
    return c["review_promise_open"].format(**inp.values)


def cause_status_sentence(inp: Inputs) -> str:
    c = templates()["common"]
    status = inp.facts.cause_status.value
    in_report = inp.ctx.stage.value != "preliminary"  # the report itself, or a follow-up that sends it
    if status == "confirmed":
        plain = str(inp.facts.cause_plain.value or "")
        if plain:
            return plain if in_report else c["cause_identified_plain"].format(cause=plain)
        return c["cause_identified_in_report" if in_report else "cause_identified"]
    if inp.facts.cause.value or inp.facts.unconfirmed:
        inp.omit("suspected cause", "Not confirmed in the write-up, so the draft says the cause is not yet confirmed.")
    if "due" in inp.values:
        return c["cause_open_dated"].format(**inp.values)
    return c["cause_open_in_report" if in_report else "cause_open"]


def contact_sentence(inp: Inputs) -> str:
    c = templates()["common"]
    return c["contact_with_address"].format(**inp.values) if inp.contact else c["contact_no_address"]


def _short(s: str, n: int = 90) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    return s if len(s) <= n else s[: n - 1] + "…"


_ACTION_VERBS = {
    "add", "enable", "automate", "extend", "review", "set", "lower", "raise", "page", "require", "make", "size", "alert", "run",
    "show", "let", "allow", "update", "build", "create", "move", "split", "limit", "keep", "remove", "replace", "introduce",
    "tune", "document", "write", "fix", "pin", "block", "reject", "load", "test", "monitor", "improve", "migrate", "change",
    "deploy", "schedule", "configure", "increase", "reduce", "double", "check", "validate", "enforce", "publish", "train",
    "email", "contact", "call", "notify", "refund", "credit", "offer", "cut", "put", "rehearse", "drill", "switch", "turn",
}
