"""Second reading of a write-up by sentence role: fill and correct the fact sheet's sentence fields.

The section- and cue-based reading (facts.build) is precise where a write-up uses the headings and
phrasings it knows, and silent elsewhere: a sheet with no symptoms, no remedy and no actions from a
write-up that states all three drafts as "we are confirming what customers saw". The role model
(drafting.reading.role_model) reads every sentence once; here its verdicts
- drop sentences the first reading put in a field they are not for (a service-credit window note
  under "remedy", "Time in SEV-1: 91 min." under "numbers"),
- fill empty or thin fields from sentences the model is sure of, each passing the same whole-sentence
  gate (facts.gate.customer_sentence),
- choose the cause from the sentences that state it, not from a slow-recovery remark beside it,
- order each field by how surely its sentences play that part, so a draft leads with the best one.
Thresholds are in data/drafting/roles.yaml (``model:``) where a support lead can tune them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..reading.document import Document, Span, sentences
from ..reading.markup import CHAT_LEAD
from ..reading.role_model import exists, role_scores
from ..reading.roles import has_role
from ..reading.rules import rules
from ..redact import Redactor
from ..resources import data_yaml
from .cause import side_remark
from .gate import customer_sentence, for_the_team, independent, label_participle, our_system_subject
from .kinds import denies_cause, not_a_change, plain_cause, without_owner
from .listed import REMEDY_RETOLD
from .prose import figure_note_as_sentence, leans_back, prose_rules
from .remedy_note import remedy_note_as_sentence
from .sheet import Fact, FactSheet

# sheet field -> the roles whose sentences belong in it
FIELD_ROLES = {"symptoms": ("symptom",), "numbers": ("impact", "symptom", "harm"), "harm": ("harm",),
               "remedy": ("remedy",), "unaffected": ("impact",), "actions": ("action",), "resolution": ("recovery",)}
# the roles a field's sentence may also read as and still belong there (what customers saw, how many, what it cost
# them blur into each other; a remedy is often written as an action)
FIELD_FAMILY = {"symptoms": ("symptom", "impact", "harm"), "numbers": ("impact", "symptom", "harm", "remedy"),
                "harm": ("harm", "impact", "symptom", "remedy"), "remedy": ("remedy", "action", "harm", "impact"),
                "unaffected": ("impact", "symptom", "harm", "response", "recovery"), "actions": ("action", "remedy", "recovery"),
                "resolution": ("recovery", "action", "response")}
_NOT_UNAFFECTED = re.compile(r"(?i)\b(?:not affected|unaffected|were not|was not|continued to work|kept working|worked normally|no (?:data|file|payment)s? (?:was|were) lost)\b")


@dataclass
class Sentence:
    span: Span
    section: str
    kind: str
    scores: dict[str, float]

    def p(self, *roles: str) -> float:
        return sum(self.scores.get(r, 0.0) for r in roles)

    @property
    def top(self) -> str:
        return max(self.scores, key=self.scores.get) if self.scores else ""


@lru_cache(maxsize=1)
def settings() -> dict:
    return dict((data_yaml("drafting/roles.yaml") or {}).get("model", {}))


def read_roles(doc: Document) -> list[Sentence]:
    """Every sentence a customer draft might use, with its role scores: one encoder pass per write-up."""
    spans: list[tuple[Span, str, str]] = []
    for u in doc.units:
        if u.kind in ("heading", "code") or u.quoted or u.kind in ("row", "item") and for_the_team(u.text):
            continue
        if u.kind == "row":
            cell = u.cells.get("action") or u.cells.get("event")
            if cell is not None and cell.text:
                spans.append((cell, u.section, "row"))
            continue
        if u.kind == "field":
            continue  # "Metros: Portland, Sacramento, Boise." is a label and a value, not a sentence to send
        start = u.span.start
        lead = CHAT_LEAD.match(u.text) if u.kind == "line" else None
        if lead and lead.end() and len(u.text[lead.end():].split()) >= 4:
            start = u.span.start + lead.end()
        for sp in sentences(doc.text, start, u.span.end) if u.kind != "sentence" else [u.span]:
            if len(sp.text.split()) >= 3:
                spans.append((sp, u.section, u.kind))
    scores = role_scores([s.text for s, _, _ in spans])
    return [Sentence(s, sec, kind, sc) for (s, sec, kind), sc in zip(spans, scores)]


def refine(doc: Document, red: Redactor, sheet: FactSheet) -> None:
    """Correct and fill the sheet's sentence fields from the role model; a no-op when no model ships."""
    if not exists():
        return
    cfg = settings()
    read = read_roles(doc)
    by_start = {s.span.start: s for s in read}
    placed: set[str] = set()

    def scored(f: Fact) -> Sentence | None:
        if f.source is None:
            return None
        s = by_start.get(f.source.start)
        if s is None:  # a fact from a whole unit: the first sentence of it
            s = next((x for x in read if f.source.start <= x.span.start < f.source.end), None)
        return s

    for name, roles in FIELD_ROLES.items():
        kept = []
        for f in getattr(sheet, name):
            s = scored(f)
            family = FIELD_FAMILY[name]
            if s is not None and s.p(*family) < cfg.get("drop_below", 0.1) and s.top in cfg.get("never_for_customers", ()) and s.p(s.top) >= 0.5:
                sheet.flag(name, f"left out of '{name}': the sentence reads as {s.top}, not {'/'.join(family)} ({_short(f.value)})")
                continue
            if s is not None and name in ("numbers", "symptoms", "harm") and s.top == "response" and s.p("response") >= 0.5 \
                    and s.p(*family) < cfg.get("response_family_below", 0.2):
                sheet.flag(name, f"left out of '{name}': it tells what the team did, not what customers saw ({_short(f.value)})")
                continue
            if name in ("numbers", "harm", "symptoms") and any(re.search(p, str(f.value), re.I) for p in rules().get("team_metric_cues", [])):
                sheet.flag(name, f"left out of '{name}': a count of the team's work, not of what customers saw ({_short(f.value)})")
                continue
            if name in ("actions", "numbers", "harm", "symptoms", "remedy") and leans_back(str(f.value)):
                sheet.flag(name, f"left out of '{name}': it leans on the sentence before it ({_short(f.value)})")
                continue
            figure_note = name == "numbers" and re.search(r"\d", str(f.value)) and not re.match(r"[^:]{1,30}:\s", str(f.value))
            said = remedy_note_as_sentence(str(f.value)) if name == "remedy" else None
            noted = name == "remedy" and f.source is not None and figure_note_as_sentence(f.source.text.strip(" -*•\t")) is not None
            if said and not leans_back(str(f.value)):  # "PHP 50 bonus credit to each player, credited 24 Feb": said as a sentence
                f = Fact(said, f.source, f.confidence, f"a remedy note, said as a sentence: {_short(f.value)}")
            elif (noted or f.note == REMEDY_RETOLD) and not leans_back(str(f.value)):
                pass  # "replay extended from 48h to 7 days for all ticket holders": a note the gate made "Replay was extended ..."
            elif name in _WHOLE_SENTENCE_FIELDS and f.source is not None and "from the field" not in f.note and not figure_note \
                    and not reads_alone(f.source, str(f.value), red):  # a figure in a bullet may stay a fragment; a label and its list may not
                sheet.flag(name, f"left out of '{name}': it does not read as a sentence on its own ({_short(f.value)})")
                continue
            if s is not None and s.section in _OTHER_PARTS.get(roles[0], ()) and s.top not in FIELD_FAMILY[name]:
                sheet.flag(name, f"left out of '{name}': it sits in the write-up's {s.section} part ({_short(f.value)})")
                continue
            kept.append(f)
            placed.add(str(f.value))
        setattr(sheet, name, kept)

    def fill(name: str, role: str, want: int, threshold: float, condition=lambda s: True) -> None:
        have = getattr(sheet, name)
        if len(have) >= want:
            return
        pool = sorted((s for s in read if s.top == role and s.p(role) >= threshold and condition(s) and _eligible(s, role, cfg)),
                      key=lambda s: -s.p(role))
        for s in pool:
            if len(have) >= want:
                break
            text = customer_sentence(s.span, red)
            if text and name == "actions":
                text = None if not_a_change(text) else without_owner(text)
            if text and name in ("symptoms", "numbers", "harm") and any(re.search(p, text, re.I) for p in rules().get("team_metric_cues", [])):
                text = None  # "Since morning support getting tickets that ...": the desk's load, not what customers saw
            if text and text not in placed and not has_role(text, "unconfirmed") and reads_alone(s.span, text, red):
                have.append(Fact(text, s.span, round(0.5 + 0.4 * s.p(role), 2), f"read as {role} ({s.p(role):.2f})"))
                placed.add(text)

    fill("symptoms", "symptom", cfg.get("want_symptoms", 3), cfg.get("fill_threshold", 0.55),
         lambda s: not _NOT_UNAFFECTED.search(s.span.text) and not re.search(prose_rules().get("reader_to_do", "(?!)"), s.span.text, re.I))
    fill("unaffected", "impact", cfg.get("want_unaffected", 2), cfg.get("fill_threshold", 0.55), lambda s: bool(_NOT_UNAFFECTED.search(s.span.text)))
    fill("numbers", "impact", cfg.get("want_numbers", 4), cfg.get("fill_threshold", 0.55),
         lambda s: bool(re.search(r"\d", s.span.text)) and not _NOT_UNAFFECTED.search(s.span.text))
    fill("harm", "harm", cfg.get("want_harm", 2), cfg.get("fill_threshold", 0.55))
    fill("remedy", "remedy", cfg.get("want_remedy", 4), cfg.get("fill_threshold", 0.55))
    fill("actions", "action", cfg.get("want_actions", 6), cfg.get("action_threshold", 0.6),
         lambda s: s.section in ("actions", "resolution", "remedy") or s.p("action") >= cfg.get("sure", 0.8) and s.section not in ("cause", "timeline", "contributing", "detection"))
    fill("resolution", "recovery", 2, cfg.get("fill_threshold", 0.55))
    title = sheet.title.source
    if title is not None:  # the title heads the draft already (facts.headline); its words are no sentence of the story
        sheet.symptoms = [f for f in sheet.symptoms if not (f.source and f.source.start < title.end and title.start < f.source.end)]
    filled = {"actions": bool(sheet.actions), "symptoms": bool(sheet.symptoms or sheet.numbers)}
    sheet.flags = [f for f in sheet.flags if not filled.get(f["item"]) or f["reason"].startswith("left out")]
    for name in FIELD_ROLES:  # in the write-up's order: "First, ... Second, ..." and a credit before how it is applied
        getattr(sheet, name).sort(key=lambda f: f.source.start if f.source else -1)
    sheet.remedy.sort(key=lambda f: f.confidence < 0.85)  # what the write-up lists under a remedies heading comes first
    _cause(doc, red, sheet, read, cfg)


def _cause(doc: Document, red: Redactor, sheet: FactSheet, read: list[Sentence], cfg: dict) -> None:
    """When the write-up's confirmed cause was read from sentences that are not about the cause, take
    the sentences the model reads as the cause, cause-section ones first."""
    threshold = cfg.get("cause_threshold", 0.5)
    guessed = any(s.top == "suspected" and s.p("suspected") >= 0.5 and s.section in ("summary", "cause", "preamble", "other") for s in read)
    if sheet.cause_status.value == "unknown" and not guessed:  # a guess about why an alert was quiet is not a guess about the cause
        _unstated_cause(doc, red, sheet, read, cfg)
        return
    if sheet.cause_status.value != "confirmed":
        return
    if not sheet.cause_plain.value:  # "4.18.0 went out at 16:05. It moved the check ...": a cause the cues missed
        sure = [s.span for s in read if s.top == "cause" and s.p("cause") >= cfg.get("sure", 0.8)]
        sheet.cause_plain = plain_cause(doc, sure) or sheet.cause_plain
    current = [s for s in read if sheet.cause.source and sheet.cause.source.start <= s.span.start < sheet.cause.source.end]
    if current and max(s.p("cause") for s in current) >= threshold:
        keep = [s for s in current if s.p("cause") >= threshold * 0.6 and _eligible(s, "cause", cfg)]
        if keep and len(keep) < len(current):  # a passage that ran on into other parts: only its cause sentences
            texts = [t for s in keep if (t := customer_sentence(our_system_subject(s.span, red), red, min_words=5, sentence=False)) and not leans_back(t)]
            if texts:
                sheet.cause = Fact(" ".join(texts[:3]), Span(keep[0].span.start, keep[-1].span.end, doc.text[keep[0].span.start:keep[-1].span.end]),
                                   sheet.cause.confidence, "the cause sentences of the passage (role model)")
        return
    if not sheet.cause.source or "plain summary" in sheet.cause.note or not sheet.cause.value:
        return  # a plain summary made from cues is already in customer words
    pool = [s for s in read if s.top == "cause" and s.p("cause") >= threshold and not side_remark(s.span.text) and not denies_cause(s.span.text)
            and _eligible(s, "cause", cfg)]
    pool.sort(key=lambda s: (s.section != "cause", -s.p("cause")))
    chosen: list[tuple[Sentence, str]] = []
    for s in pool:
        t = customer_sentence(s.span, red, min_words=5, sentence=False)
        if t and not has_role(t, "unconfirmed"):
            chosen.append((s, t))
        if len(chosen) >= 2:
            break
    if chosen:
        chosen.sort(key=lambda c: c[0].span.start)
        first, last = chosen[0][0].span, chosen[-1][0].span
        sheet.cause = Fact(" ".join(t for _, t in chosen), Span(first.start, last.end, doc.text[first.start:last.end]), 0.7,
                           "the sentences that state the cause (role model)")


# parts of a write-up that are about something else: an action list's items are not symptoms, however they read
# a part about something else; "notes" (comms notes, a document's comment thread) is for the team, never a customer fact
_OTHER_PARTS = {"symptom": ("actions", "cause", "contributing", "went_well", "detection", "hypotheses", "notes"),
                "impact": ("actions", "cause", "contributing", "went_well", "hypotheses", "notes"),
                "harm": ("actions", "cause", "contributing", "went_well", "hypotheses", "notes"),
                "remedy": ("cause", "contributing", "went_well", "hypotheses", "timeline", "notes"),
                "recovery": ("actions", "cause", "contributing", "went_well", "hypotheses", "notes"),
                "cause": ("actions", "went_well", "hypotheses", "remedy", "impact", "notes"),
                "action": ("hypotheses", "notes")}


_WHOLE_SENTENCE_FIELDS = ("symptoms", "numbers", "harm", "remedy", "resolution", "unaffected")


def reads_alone(span: Span, text: str, red: Redactor) -> bool:
    """Whether a write-up sentence can stand in a customer draft away from its neighbours: it does not lean on the
    sentence before it, and it has its own subject and verb ("Rolled gateway back to 3.7" and "From 611 sending
    customers, to 1,130 receiving businesses." do not)."""
    if leans_back(text):
        return False
    if label_participle(span.text.strip(" -*•\t")):
        return True  # "Unreconciled duplicates: removed by us automatically": the label is the subject
    return independent(red, span.start, span.end)


def _eligible(s: Sentence, role: str, cfg: dict) -> bool:
    """Hypotheses and open questions never fill a customer field, nor does a part about something else;
    a chat or log line only when the model is sure and it says enough."""
    if s.section in _OTHER_PARTS.get(role, ("hypotheses",)):
        return False
    if s.kind == "line" or s.kind == "row" and s.section == "timeline":  # a timeline entry tells the team's steps
        return s.p(role) >= cfg.get("sure", 0.8) and len(s.span.text.split()) >= 8
    return True


def _unstated_cause(doc: Document, red: Redactor, sheet: FactSheet, read: list[Sentence], cfg: dict) -> None:
    """A write-up that never says "cause" but tells it ("What happened: a retry job re-sent invoices that had
    already been delivered"): the sentence the model is sure states the cause, unhedged, becomes the cause,
    flagged for the liaison to check."""
    sure = cfg.get("unstated_cause_threshold", 0.6)
    pool = [s for s in read if s.top == "cause" and s.p("cause") >= sure and s.section in ("summary", "cause", "preamble", "other")
            and not side_remark(s.span.text) and not denies_cause(s.span.text) and _eligible(s, "cause", cfg)]
    for s in sorted(pool, key=lambda s: -s.p("cause")):
        t = customer_sentence(s.span, red, min_words=6, sentence=False)
        if t and not has_role(t, "unconfirmed") and reads_alone(s.span, t, red):
            sheet.cause = Fact(t, s.span, 0.6, "read as the cause (role model): check it")
            sheet.cause_status = Fact("confirmed", s.span, 0.6, "the write-up tells the cause without calling it one")
            sheet.flags = [f for f in sheet.flags if f["item"] != "cause"]
            sheet.flag("cause", "The write-up tells the cause without calling it one; check the cause in the fact sheet before sending.")
            return


def _short(value: object) -> str:
    t = str(value)
    return t if len(t) <= 70 else t[:67] + "..."
