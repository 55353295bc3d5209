"""Build the fact sheet from a write-up: read it as a document, then take each field from the parts
that are for it (impact from the impact section and customer sentences, actions from the action
list or table's action column, the cause from the cause section and causal sentences), every text
value checked whole by facts.gate before a customer may see it."""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from ..config import CompanyConfig
from ..reading.chat_export import joined_messages, slack_unthreaded
from ..reading.declared import own_offsets
from ..reading.document import Document, Span, Unit, read, sentences
from ..reading.dotted import dotted_times
from ..reading.json_export import as_read
from ..reading.markup import CHAT_LEAD
from ..reading.roles import has_role, roles_of
from ..reading.rules import canon, has_cue, rules, written_zones, zone_of
from ..reading.spoken import spoken_times
from ..reading.times import DATE_RE, parse_date, read_times
from ..redact import Redactor
from .actions import one_per_change, read_actions
from .brand import address_scores
from .by_role import refine
from .cause import cause_passage_units, cause_passages, cause_verdict, side_remark
from .customer_wording import take_wording
from .figures import field_figure, figures, log_count, only_times
from .gate import customer_clauses, customer_sentence, label_predicate, order_to_team, our_system_subject
from .headline import headline_of
from .internal_view import internal_view
from .kinds import change_statements, plain_cause, plain_changes
from .listed import REMEDY_RETOLD, remedy_row, remedy_said, tally_spans
from .outside_names import outside_parties
from .products import find_products
from .remedy_kinds import merged, plain_remedies
from .sheet import Fact, FactSheet
from .system_names import internal_systems
from .terms import plain_for_anyone, technical_terms
from .window import find_window
from .withheld import withheld_names
from .zone_choice import writeup_zone

_CUSTOMER_SECTIONS = ("summary", "impact", "preamble", "remedy")


def build_sheet(writeup: str, config: CompanyConfig | None = None, timezone_name: str = "auto",
                redactor: Redactor | None = None) -> FactSheet:
    """The fact sheet of one write-up. Never raises on what the write-up says; what it cannot pin down is in ``flags``.
    Zone words the write-up defines ("IST = Irish Standard Time (UTC+1)") mean that while it is read."""
    own = own_offsets(writeup)
    with written_zones(own):
        sheet = _build(writeup, config, timezone_name, redactor)
    if sheet.timezone in own:
        sheet.timezone = f"{sheet.timezone} ({own[sheet.timezone]})"  # kept with its offset, so drafts tell the same clock
    return sheet


def _build(writeup: str, config: CompanyConfig | None, timezone_name: str, redactor: Redactor | None) -> FactSheet:
    cfg = config or CompanyConfig()
    auto = (timezone_name or "auto").lower() == "auto"  # drafts tell times in the zone the write-up writes in
    sheet = FactSheet(timezone="UTC" if auto else timezone_name)
    if zone_of(sheet.timezone) is None:
        sheet.flag("time zone", f"'{timezone_name}' is not a time zone this tool knows; times are shown in UTC.")
        sheet.timezone = "UTC"
    writeup = as_read(writeup)  # a tool's JSON export as the lines a person would write from it
    writeup = dotted_times(spoken_times(writeup))  # "about ten to eight", "at 7.05" -> "about         7:50": same length, so every source span stays true
    writeup = slack_unthreaded(joined_messages(writeup))  # a meeting chat's "20:26:48 From Linh To Everyone:" and its words on one line; a Slack thread's replies unindented
    doc = read(writeup)
    sheet.shape = doc.shape
    resets = tuple(u.span.start for u in doc.units if u.kind == "heading")
    reading = read_times(writeup, resets)
    for r in reading.rejected:
        sheet.flag(r["item"], r["reason"])
    written = _written(doc)
    sheet.writeup_date = written.isoformat() if written else ""
    find_window(doc, reading, sheet)
    replies = [u for u in doc.units if u.quoted]
    if sheet.start.value is None and sheet.end.value is None and replies:  # an e-mail thread whose last message never restates
        with _read_as_written(replies):                                     # the window: the replies it quotes tell it
            sheet.flags = [f for f in sheet.flags if f["item"] not in ("start of impact", "end of impact")]
            find_window(doc, reading, sheet)
    if auto:
        sheet.timezone = writeup_zone(sheet, reading, writeup)
    if sheet.start.value is None and not reading.dates:
        sheet.flag("date", "The write-up gives no date for the incident (a day and month need a year or a weekday).")
    red = redactor or Redactor.build(writeup, cfg)
    public = list(cfg.product_names) + list(cfg.public_names)
    outside = outside_parties(writeup, public + list(address_scores(writeup)))  # a supplier, partner or customer account
    red.code_names += [n for n in withheld_names(doc, public) + internal_systems(writeup, public) + outside if n not in red.code_names]
    details = list(dict.fromkeys(d.strip() for d in red.internal_details(writeup) if d.strip()))
    if details:
        shown = ", ".join(details[:20]) + (" ..." if len(details) > 20 else "")
        sheet.flag("internal details", f"internal detail, kept out of customer drafts: {shown}")
    sheet.title = _title(doc)
    body = writeup[sheet.title.source.end:] if sheet.title.source else writeup
    sheet.headline = headline_of(doc, sheet.title, red, plain_for_anyone, body) or Fact("")
    sheet.severity = _severity(doc)
    sheet.products = find_products(doc, red, cfg, sheet.title.value)
    if not sheet.products:
        sheet.flag("affected products", "The write-up does not name the affected product; add it to the fact sheet (or the config's product_names).")
    _impact(doc, red, sheet)
    _cause(doc, red, sheet)
    if not sheet.cause.value and sheet.cause_status.value != "suspected" and replies:  # an e-mail thread whose cause is
        kept, doubted = list(sheet.flags), list(sheet.unconfirmed)                     # told only in a quoted reply
        with _read_as_written(replies):
            _cause(doc, red, sheet)
        sheet.flags = [f for f in kept if f["item"] != "cause"] + sheet.flags[len(kept):] if sheet.cause.value else kept
        sheet.unconfirmed = doubted + [f for f in sheet.unconfirmed[len(doubted):] if f.value not in [d.value for d in doubted]]
    sheet.actions, remedies, items = read_actions(doc, red)
    sheet.changes_plain = plain_changes(items or change_statements(doc))
    if sheet.cause_status.value == "confirmed":
        sheet.cause_plain = plain_cause(doc) or Fact("")
    sheet.remedy += [r for r in remedies if r.value not in sheet.texts("remedy")]
    if not sheet.remedy and replies:  # a forwarded thread that tells what customers get only in the messages it quotes
        kept = {name: list(getattr(sheet, name)) for name in ("symptoms", "numbers", "harm", "unaffected", "figures")}
        with _read_as_written(replies):
            _impact(doc, red, sheet)
        for name, facts in kept.items():
            setattr(sheet, name, facts or getattr(sheet, name))  # the quoted replies fill only what the last message left empty
    if not sheet.actions:
        sheet.flag("actions", "The write-up lists no action a customer can be told about; the report says the specific changes will follow.")
    sheet.resolution = [Fact(t, u.span, 0.7) for u in doc.in_section("resolution")  # a field there ("Component/s: a, b") is not how it was fixed
                        if (u.kind != "field" or canon(u.key, rules()["sections"]) == "resolution") and (t := customer_sentence(u.span, red))][:3]
    internal_view(doc, red, reading, sheet)
    for u in doc.units:
        if has_role(u.text, "review") and not sheet.review.value and (t := customer_sentence(u.span, red)):
            sheet.review = Fact(t, u.span, 0.7)
        if u.kind == "field" and re.match(r"(?i)(customer )?contact|support contact|reply to", u.key) and not sheet.contact.value:
            if not red.internal_details(u.text):
                sheet.contact = Fact(u.text.strip(), u.span, 0.8)
    if cfg.contact and not sheet.contact.value:
        sheet.contact = Fact(cfg.contact, None, 1.0, "from the company config")
    refine(doc, red, sheet)
    sheet.actions = one_per_change(sheet.actions)
    take_wording(doc, red, sheet)  # the team's own quoted wording for customers leads each field it speaks to
    sheet.numbers = [f for f in sheet.numbers if not only_times(str(f.value))]  # "Impact window 6:50 AM to 1:05 PM IST." is the window
    cause_said = {x.text.strip() for x in sentences(str(sheet.cause.value), 0, len(str(sheet.cause.value)))} if sheet.cause.value else set()
    for name in ("harm", "symptoms", "numbers"):  # "Our renewal job was started twice ...": the cause, not what customers saw
        setattr(sheet, name, [f for f in getattr(sheet, name) if str(f.value).strip() not in cause_said])
    sheet.remedy = merged(sheet.remedy, plain_remedies(doc, red))  # our own sentences: never weighed as copied lines
    return sheet


@contextmanager
def _read_as_written(replies: list[Unit]) -> Iterator[None]:
    """Quoted replies read as the write-up's own text for a while: an e-mail thread may tell the window or the cause
    only in the messages it quotes."""
    for u in replies:
        u.quoted = False
    try:
        yield
    finally:
        for u in replies:
            u.quoted = True


def _written(doc: Document) -> date | None:
    flds = doc.fields()
    for kind in ("written", "date"):
        u = flds.get(kind)
        if u is not None:
            m = DATE_RE.search(u.text)
            d = parse_date(m, None)[0] if m else None
            if d:
                return d
    for m in DATE_RE.finditer(doc.text):
        d = parse_date(m, None)[0]
        if d:
            return d
    return None


def _title(doc: Document) -> Fact:
    """The write-up's first line, or the heading under a tracker's breadcrumb ("cardamom / platform / Issues / #3318")."""
    u = next((u for u in doc.units if u.text.strip()), None)
    if u is not None and re.fullmatch(r"[\w.-]+(?:\s+/\s+[#!\w. -]+){2,}\s*", u.text.strip()):
        u = next((h for h in doc.units[:8] if h.kind == "heading"), u)
    if u is None:
        return Fact("")
    t = re.sub(r"^[#\s*]+|[*#\s]+$", "", u.text if u.kind != "field" else f"{u.key}: {u.text}")
    t = re.sub(r"(?i)^(?:incident review|post-incident review|postmortem|post-mortem|incident notes|incident summary|incident report|bug write-up|ticket|pir|rca|retro(?:spective)?)\s*[:—–-]\s*", "", t)
    t = re.sub(r"(?i)^(?:\[?(?:sev(?:erity)?|p|priority)[\s-]*[0-4]\]?|major|minor|critical)\s*[:—–|-]\s*", "", t)  # "SEV3 - hosted status pages"
    t = re.sub(r"(?i)^(?:[\w-]+\s+){0,2}(?:summary|minutes|one-pager|brief(?:ing)?|notes|write-?up|record|log|handover|escalation|transcript|relay|export)\s*[:—–|-]\s*", "", t)  # "Escalation Summary — ..."
    return Fact(t.strip()[:120], u.span, 0.7)


def _severity(doc: Document) -> Fact:
    u = doc.fields().get("severity")
    text = (u.text if u else "") + " " + doc.text[:600]
    m = re.search(r"\b(?:sev|severity|p)[\s:-]*([1-4])\b", text, re.I)
    return Fact(f"sev{m.group(1)}", u.span if u else None, 0.9 if u else 0.6) if m else Fact("")


_FOR_CUSTOMERS = re.compile(r"(?i)\W*(?:for (?:the )?customers?(?: side)?|customer side|re customers)\s*:\s*\S")  # a chat's "for the customer side: ..."


def _candidates(doc: Document) -> list[Unit]:
    """Units that may describe what customers saw: the impact and summary parts, or a chat's numbers list."""
    units = [u for u in doc.units if u.kind != "heading" and not u.quoted and u.kind != "code"
             and (u.section in _CUSTOMER_SECTIONS or u.kind in ("item", "field") and u.section == "other" or _FOR_CUSTOMERS.match(u.text))]
    return units


def _impact(doc: Document, red: Redactor, sheet: FactSheet) -> None:
    cfg = rules()
    seen: set[str] = set()
    for u in _candidates(doc):
        start = u.span.start
        lead = CHAT_LEAD.match(u.text) if u.kind == "line" else None
        if lead and lead.group(0).rstrip().endswith(":") and len(u.text[lead.end():].split()) >= 4:  # a chat line: what the person said, read as prose
            start = u.span.start + lead.end()
        counted = re.fullmatch(r"[~≈]?\s*\d[\d,.]*\s*%?", u.text.strip()) and u.section not in ("actions", "cause", "timeline", "contributing", "went_well", "hypotheses", "notes")
        if u.kind == "field" and (u.section in ("impact", "summary") or counted) and len(u.text.split()) < 12 and (re.search(r"\d", u.text) or has_role(u.text, "unaffected")) \
                and not canon(u.key, cfg["fields"]) and not re.search(cfg["window_field_keys"], u.key.strip()) and not red.internal_details(u.key):  # "| Students affected | 1,139 |" -> "1,139 students affected"
            fig = field_figure(u, red)
            if fig and fig not in seen:
                seen.add(fig)
                fact = Fact(fig, u.span, 0.8, f"from the field '{u.key}'")
                roles = roles_of(fig)
                (sheet.unaffected if "unaffected" in roles else sheet.remedy if "remedy" in roles else sheet.numbers).append(fact)
            continue
        if u.kind == "field" and (u.section == "remedy" or label_predicate(f"{u.key.strip()}: {u.text.strip()}")) and not canon(u.key, cfg["fields"]) \
                and (k := doc.text.rfind(u.key, doc.text.rfind("\n", 0, start) + 1, start)) >= 0:
            start = k  # "Units still offline: customer needs to power-cycle ...", "Autocomplete: returned empty lists": its subject stays with it
        spans = [row] if (row := remedy_row(u)) else sentences(doc.text, start, u.span.end) if u.kind in ("item", "line", "field") else [u.span]
        if u.kind == "line" and u.section == "impact" and (tally := tally_spans(doc.text, start, u.span.end)):
            spans = tally  # "numbers for the doc: 41,200 tickets sold; ~9,000 kicked at 22:06": each figure its own note
        for sp in spans:
            roles = roles_of(sp.text)
            if u.section == "remedy" and "unconfirmed" not in roles and (t := remedy_said(sp, red)) and t not in seen:
                retold = re.sub(r"\W", "", t.lower()) not in re.sub(r"\W", "", sp.text.lower())  # "Learners: 1 lesson credit ..." said as a sentence
                sheet.remedy.append(Fact(t, sp, 0.85, REMEDY_RETOLD if retold else ""))
                seen.add(t)
                continue
            if "timeline" in roles and u.section != "impact":
                if (note := log_count(sp.text)) and note not in seen and not red.internal_details(note):
                    sheet.numbers.append(Fact(note, sp, 0.6, "a count told in a log line"))  # "01:45 KM Counted from as-run: 312 spots missed ..."
                    seen.add(note)
                elif "impact" in roles and "unconfirmed" not in roles:  # a chat or log line: its figures only
                    for fig in figures(re.sub(r"^\s*\[[^\]]*\]\s*[\w.@-]+:\s*|^\s*\d{1,2}:\d{2}\S*\s+[\w.@-]+:\s*", "", sp.text)):
                        if not red.internal_details(fig) and fig not in sheet.texts("figures"):
                            sheet.figures.append(Fact(fig, sp, 0.5, "a figure from a chat or log line"))
                continue
            text = customer_sentence(sp, red)
            if text is None and "impact" in roles and "unconfirmed" not in roles:
                for fig in figures(sp.text):
                    if not red.internal_details(fig) and fig not in sheet.texts("figures"):
                        sheet.figures.append(Fact(fig, sp, 0.6, "a figure only: its sentence names people, customers or internal systems"))
            if text is None or text in seen or "remedy" not in roles and order_to_team(sp, red):
                continue  # "Add a sanity check before any push: ...": an action item, not what customers saw
            conf = 0.85 if u.section == "impact" else 0.7
            fact = Fact(text, sp, conf)
            used = False
            if "unaffected" in roles:
                sheet.unaffected.append(fact)
                used = True
            elif "remedy" in roles and not has_cue(text, ["we recovered", "we restored"]):
                sheet.remedy.append(fact)
                used = True
            elif "harm" in roles and ("impact" in roles or u.section in ("impact", "summary")):
                sheet.harm.append(fact)
                used = True
            if "impact" in roles and "unaffected" not in roles:
                sheet.numbers.append(fact)
                used = True
            if "symptom" in roles and "unaffected" not in roles and (u.section == "impact" or u.kind == "item" or "cause" not in roles and u.section in ("summary", "preamble")):
                if not has_cue(text, cfg["symptom_exclusions"]):
                    sheet.symptoms.append(fact)
                    used = True
            if not used and u.section == "impact" and re.search(r"\d", text) and "unconfirmed" not in roles:
                sheet.numbers.append(fact)  # a figure in the impact section ("186 employers ... were paid late", "$21.6M net pay ...")
                used = True
            if used:
                seen.add(text)
    for name in ("symptoms", "numbers", "harm", "remedy", "unaffected"):
        setattr(sheet, name, getattr(sheet, name)[:8])
    if not sheet.symptoms and not sheet.numbers:
        sheet.flag("symptoms", "The write-up does not say, in words a customer may read, what customers saw; add it to the fact sheet.")


def _jargon_count(text: str) -> int:
    """How technical a sentence reads: glossary terms, engineering detail, long figures."""
    return technical_terms(text) + (3 if len(text.split()) < 8 else 0)




def _cause(doc: Document, red: Redactor, sheet: FactSheet) -> None:
    section = [u for u in doc.in_section("cause") if not u.quoted]
    inside = [u for u in section if len(u.text.split()) >= 3]
    if inside:  # for the internal review only: the cause section as written, blameless
        sp = Span(inside[0].span.start, inside[min(2, len(inside) - 1)].span.end, doc.text[inside[0].span.start: inside[min(2, len(inside) - 1)].span.end])
        said = re.sub(r"\s+", " ", red.internal(sp)).strip()
        said = re.sub(r"(?i)^(?:confirmed|verified)\s*[.:,-]\s*", "", said)
        sheet.cause_internal = Fact(said[:1].upper() + said[1:], sp, 0.7, "internal wording, blameless")
    # a "Why the storage stalled" section asks about a deeper cause; "Cause (suspected)" marks the cause itself
    headings = [u for u in doc.units if u.kind == "heading" and u.section == "cause"]
    marked = [u for u in headings if has_role(u.text, "unconfirmed")] + [u for u in section if u.kind == "field" and has_role(u.text, "unconfirmed")]
    first = section[0].text if section else ""  # the section opens with its verdict: "We suspect ..."
    said_open = bool(re.search(r"(?i)\bnot (?:yet )?confirmed\b|\bunconfirmed\b|\bunder investigation\b|\bwe suspect\b|\bcould not reproduce\b", first)) or bool(
        re.fullmatch(r"(?i)\W*(?:honest answer:\s*)?(?:we|I) (?:do not|don't|don’t) (?:yet )?know(?: (?:yet|for (?:certain|sure)(?: yet)?))?\W*", first.strip())) or (
        bool(first) and has_role(first, "unconfirmed") and not re.search(r"(?i)\bwe do not know\b", first))
    verdict = cause_verdict(doc)
    if marked or verdict == "open" or (said_open and not any(re.match(r"(?i)\W*why\b", u.text.strip("# ")) for u in headings)):
        sheet.cause_status = Fact("suspected", (marked or section)[0].span if (marked or section) else None, 0.85, "the write-up marks the cause as not confirmed")
        sheet.flag("cause", "The write-up marks the cause as not confirmed; customer drafts say it is not yet confirmed and never state the guess.")
        _unconfirmed(doc, red, sheet)
        return
    said = [u for u in section if u.kind == "field" and re.match(r"(?i)\W*(?:confirmed|verified)\b", u.text)
            or u.kind in ("sentence", "line", "item") and re.fullmatch(r"(?i)\W*(?:status:\s*)?(?:confirmed|verified)\W*", u.text.strip())]
    if said:  # "Root cause: Confirmed." or "Root cause\nConfirmed.\n..."
        sheet.cause_status = Fact("confirmed", said[0].span, 0.9, "the write-up says: confirmed")
    unknown_said = any(re.search(r"(?i)\b(?:we do not know|we don't know|(?:cause|reason|why|trigger)\b[^.\n]{0,30}\b(?:not known|unknown)|unknown (?:cause|reason|trigger)|still investigating|under investigation)\b"
                                 r"|^\W*(?:not known|unknown)\W*$", u.text) for u in section)  # not "the new key was unknown to the edge"
    confirmed: list[Fact] = []
    for u in section:
        for sp in sentences(doc.text, u.span.start, u.span.end) if u.kind != "sentence" else [u.span]:
            if has_role(sp.text, "unconfirmed") or re.search(r"(?i)\b(?:do not treat|until (?:we|it|they)|has not confirmed|not (?:yet )?known|we do not know|hypothesis|still open|open question)\b", sp.text):
                continue
            if u.kind == "line" and not has_role(sp.text, "cause"):
                continue  # a chat message's "RCA ...: ... Resize failover at 22:06 kicked ~9k viewers": its aside is no cause
            labelled = u.kind == "field" and sp.start == u.span.start  # "Cause (confirmed): on Friday we lowered ..."
            t = customer_sentence(our_system_subject(sp, red, labelled), red, min_words=5, sentence=False) if not side_remark(sp.text) else None
            if t:
                confirmed.append(Fact(t, sp, 0.8))
    # causal sentences in the summary or story ("... retried three times, which exhausted its connection pool, so ...")
    if not confirmed:  # a passage opened by "cause found", "Root cause:", "Confirmed." outside a cause section
        for sp in cause_passages(doc):
            sp = our_system_subject(sp, red, labelled=True)
            if not side_remark(sp.text) and (t := customer_sentence(sp, red, min_words=5, sentence=False)) and t not in [c.value for c in confirmed]:
                confirmed.append(Fact(t, sp, 0.75))
    story = [u for u in doc.units if u.section in ("summary", "preamble") and u.kind in ("sentence", "item") and not u.quoted]
    if not confirmed and not any(has_role(u.text, "cause") for u in story):
        story = [u for u in doc.in_section("contributing") if not u.quoted]
    for u in story if len(confirmed) < 2 else []:
        if has_role(u.text, "cause") and not has_role(u.text, "unconfirmed") and not side_remark(u.text) and (t := customer_sentence(u.span, red, min_words=6, sentence=False)):
            if t not in [c.value for c in confirmed]:
                confirmed.append(Fact(t, u.span, 0.65 if u.section != "contributing" else 0.55))
    if not confirmed:  # every causal sentence names someone or something internal: its clauses that stand alone
        pool = [u for u in section if u.kind != "heading"] + cause_passage_units(doc) + [
            u for u in doc.units if u.kind in ("sentence", "line", "item") and not u.quoted
            and u.section in ("summary", "preamble", "other", "cause", "timeline") and has_role(u.text, "cause") and not side_remark(u.text)]
        for u in pool:
            for sp in sentences(doc.text, u.span.start, u.span.end):
                body = re.sub(r"^\s*(?:\[[^\]]*\]\s*|\d{1,2}:\d{2}\s*(?:[ap]m)?\s*(?:[A-Z]{2,4}\s+)?)?(?:[a-z][\w.-]+:\s+)?", "", sp.text)
                sp = Span(sp.end - len(body), sp.end, body)
                if has_role(sp.text, "unconfirmed") or sp.text.rstrip().endswith("?") or re.search(r"(?i)\btimes?\b.{0,30}\b(?:UTC|zone|local|time)\b|\bmy\b", sp.text):
                    continue
                t = customer_clauses(sp, red)
                if t and len(t.split()) >= 6 and t not in [c.value for c in confirmed]:
                    confirmed.append(Fact(t, sp, 0.5, "clauses of a sentence that also names people or internal systems"))
    first = min(confirmed, key=lambda f: f.source.start if f.source else 0) if confirmed else None
    ours = first if first is not None and re.match(r"(?i)(?:on \w+(?: \d{1,2}(?: \w+)?)?,? )?we (?:\w+ )?\w+ed\b", first.value) else None
    confirmed.sort(key=lambda f: (_jargon_count(f.value), -f.confidence))
    if confirmed:  # the plainest three, and always the change we made that opens the account ("On Friday we lowered the cap ...")
        keep = sorted(([ours] if ours else []) + [f for f in confirmed if f is not ours][:3 - bool(ours)], key=lambda f: f.source.start if f.source else 0)
        sheet.cause = Fact(" ".join(f.value for f in keep), Span(keep[0].source.start, keep[-1].source.end, doc.text[keep[0].source.start: keep[-1].source.end]), min(f.confidence for f in keep))
        sheet.cause_status = Fact("confirmed", sheet.cause.source, 0.75)
        if unknown_said:
            heading = next((u.text for u in doc.units if u.kind == "heading" and u.section == "cause"), "")
            why = re.sub(r"(?i)^[#\s*]*why\s+", "", heading).strip(" #*")
            sheet.cause_open = Fact(f"why {why}" if why and why.lower() != heading.lower().strip(" #*") else "what set it off", None, 0.6)
    elif sheet.cause_status.value == "confirmed":
        sheet.flag("cause", "The write-up says the cause is confirmed but does not state it in words a customer may read; check the plain summary in the fact sheet (field: cause).")
        sheet.cause = plain_cause(doc) or sheet.cause
    elif (verdict == "confirmed" or any(has_role(u.text, "cause") and not has_role(u.text, "unconfirmed") and not u.text.rstrip().endswith("?") for u in doc.units if u.kind not in ("heading", "code"))
          or any(not has_role(u.text, "unconfirmed") for u in cause_passage_units(doc))) \
            and not unknown_said and verdict != "open" and not _doubted(doc):  # "Eng THINKS ... NOT confirmed": the write-up's last word keeps it open
        sheet.cause_status = Fact("confirmed", section[0].span if section else None, 0.5, "stated in the write-up only with internal details or blame")
        sheet.flag("cause", "The write-up states the cause, but only in words that name people or internal systems; check the plain summary in the fact sheet (field: cause).")
        sheet.cause = plain_cause(doc) or sheet.cause
    elif section or any(has_role(u.text, "unconfirmed") and has_role(u.text, "cause") for u in doc.units):
        sheet.cause_status = Fact("suspected" if not unknown_said or section else "unknown", section[0].span if section else None, 0.6)
        sheet.flag("cause", "The write-up does not confirm a cause in words a customer may read; customer drafts say it is still being confirmed.")
    else:
        sheet.flag("cause", "The write-up does not state a cause; the draft says it is still being confirmed.")
    _unconfirmed(doc, red, sheet)


def _doubted(doc: Document) -> bool:
    """The write-up says in so many words that its cause is unproven ("but NOT proven", "next suspect is ..."): a cause
    it tells only in engineers' words is not taken as confirmed."""
    cues = rules().get("cause_unproven_cues", [])
    return any(re.search(p, u.text, re.I) for u in doc.units if u.kind not in ("heading", "code") and not u.quoted for p in cues)


def _unconfirmed(doc: Document, red: Redactor, sheet: FactSheet) -> None:
    for u in doc.units:
        if u.kind in ("heading", "code"):
            continue
        for sp in [u.span] if u.kind == "line" else sentences(doc.text, u.span.start, u.span.end) if u.kind != "sentence" else [u.span]:
            if has_role(sp.text, "unconfirmed") and len(sp.text.split()) >= 4 and not re.search(r"\?\s*$", sp.text):
                sheet.unconfirmed.append(Fact(red.internal(sp), sp, 0.7, "a guess in the write-up: never stated to customers"))
