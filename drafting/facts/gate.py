"""Whether a sentence of the write-up may reach a customer whole, and in what form.

A write-up sentence is used in a customer draft only if, as a whole sentence, it names no one and
nothing internal (the leak check's detection, the write-up's staff names and handles), blames no
one (the blame check on the write-up's parse), states no guess, and reads as a sentence (not a log
line, chat line, table row or fragment). The only changes allowed on the way: a bracket that holds
an internal detail is dropped whole, internal service shorthand ("pay-gw") becomes plain words, a
leading time phrase in a local zone is dropped at its comma, and the first letter is capitalised.
"""
from __future__ import annotations

import re
from functools import lru_cache, partial

from ..reading.document import Span
from ..reading.lines import participle_lead
from ..reading.roles import has_role
from ..reading.rules import canon, has_cue, rules
from ..redact import Redactor, service_names, service_words
from .customer_voice import in_requester_message
from .prose import chat_voice, either_word, figure_note_as_sentence, greeting_lead, has_finite_verb, plain_words, prose_rules, unshouted, without_linking_words
from .system_names import explained_names

_LOG_OR_CHAT = re.compile(r"^\s*(?:\[|\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d|(?-i:[a-z][\w.-]{1,25}):\s|(?-i:[A-Z][\w.-]{1,25}):\s+(?-i:[a-z])|\d{1,2}(?::\d{2})?\s*[ap]m\b)", re.I)  # "mika: ...", "Dani: looking", never "Credit: Business and ..."
# a Teams or Slack message header run into its words: "Markus Huber 00:41 took longer ...", "goran.p  23:46 ...",
# "Tomáš Novák 12.03.2025 8:06 Status 8:05: ..."
_SPEAKER_TIME = re.compile(r"^\s*(?P<who>(?:[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2})|[a-z][\w.-]{2,25})\s+(?:\([^()\n]{1,80}\)\s*)?(?:[—–]\s+)?(?:\d{1,2}[./]\d{1,2}[./]\d{2,4},?\s+)?\d{1,2}:\d{2}(?:\s?[AaPp][Mm])?\s+\S")
_NOT_SPEAKER = re.compile(r"(?i)\b(?:on|at|from|by|since|until|between|after|before|around|about|(?:mon|tues?|wednes|thurs?|fri|satur|sun)(?:day)?|sat|wed|thu"
                          r"|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
_NOT_PROSE = re.compile(r"\b(?:he|she|him|his|her|hers)\b|`|\||->|→|=>|\s=\s|\{|\}|\bTODO\b|#\w|\?\s*$|\bI\b|\bI'm\b|\bmy\b|\bugh\b|\blol\b|!!", re.I)
_LEAD_TIME = re.compile(r"^(?:at|from|between|by|around|since)\s+\d{1,2}(?::\d{2})+(?:\s*(?:[ap]m))?(?:\s*[A-Z]{2,5}(?:[+-]\d{1,2})?)?(?:\s+(?:to|and|until)\s+\d{1,2}(?::\d{2})+(?:\s*[A-Z]{2,5})?)?(?:\s+on\s+[^,]{3,30})?(?:,\s+|\s+(?=(?:we|our|the|a|an|it|they|customers?|users?)\b))", re.I)


_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+(?=[A-Z][a-z])")
_LABEL_THEN_SENTENCE = re.compile(r"^[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}\s*:\s+(?=[A-Z])")
_LEAD_LABEL = re.compile(r"^(?:(?i:for (?:the )?customers?(?: side)?|customer side|re customers)|Decision|Update|Note|NB|FYI|Status|Outcome|Result|Summary|Confirmed|Agreed|Plan|(?:Confirmed |Root |Actual )?[Cc]ause(?: \(confirmed\)| (?:is|was|has been) (?:now )?confirmed(?: (?:by|with) [\w ]{2,30}?)?)?)\s*:\s+(?=\S)")
_TRAILING_ASIDE = re.compile(r"\s+[-–—]\s+[A-Z][\w'’]*(?:\s+[\w'’]+){0,5}[.!]?\s*$")
_LEAD_RANGE = re.compile(r"^(?P<a>\d{1,2}:\d{2})(?::\d{2})?\s*[-–—]\s*(?P<b>\d{1,2}:\d{2})(?::\d{2})?\s*(?P<z>UTC|GMT|Z|[A-Z]{2,4})?\s*[:,]?\s+(?=[A-Za-z0-9~])")


_NAMED = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+(?:[A-Z][a-z]+)*\b(?!\s*(?:\d|$))|\b\w+[-.]\d+(?:\.\d+)+\b")
_CALENDAR = re.compile(r"(?i)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)[\w ,]*")


def _drop_brackets(text: str, red: Redactor) -> str:
    def repl(m: re.Match) -> str:
        inner = m.group(1)
        if red.internal_details(inner) or has_cue(inner, rules().get("aside_bracket_cues", [])) or re.search(r"[`<>=]", inner) or service_names(inner) or re.search(r"(?i)\b(?:owner|ticket|see|ref|done|eta)\b|#\d|\d+\s*(?:per pod|pods?)\b", inner):
            return ""
        if _NAMED.search(inner) and not _CALENDAR.fullmatch(inner.strip()):
            return ""  # "(Bailey and Nova, both over $2,000)", "(heron-migrator 2.4.0)": a bracket that names someone or something goes whole
        if internal_identifiers(inner):
            return ""
        if re.fullmatch(r"(?=[^()]*[a-z]{3})[a-z0-9]+(?:[-_.:=/][a-z0-9]+)+", inner.strip()):
            return ""  # "(allkeys-lru)", "(v2.41.1)": a setting or version in brackets, for engineers only
        return m.group(0)

    t = re.sub(r"\s*\(([^()]{0,120})\)", repl, text)
    return re.sub(r"\s+([,.;:])", r"\1", t)


def _plain_services(text: str) -> str:
    out, pos = [], 0
    for m in service_names(text):
        out.append(text[pos:m.start()])
        out.append(service_words(m.group(0), text[:m.start()]))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def internal_identifiers(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """snake_case, camelCase and PascalCase identifiers, key=value settings, dotted keys and other
    organisations' names in a sentence (patterns in data/drafting/extract.yaml), minus ordinary brands."""
    cfg = rules()
    ok = {w.lower() for w in cfg.get("identifier_exceptions", [])} | {a.lower() for a in allowed}
    out = []
    for pat in _internal_res():
        for m in pat.finditer(text):
            if m.group(0).lower() not in ok and not any(m.group(0).lower() in a for a in ok):
                out.append(m.group(0))
    return out


@lru_cache(maxsize=1)
def _instruction_res() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.I) for p in rules().get("internal_instruction_cues", []))


def for_the_team(text: str) -> bool:
    """Whether a whole note (a table row, a bullet, a message) tells the team to keep it out of general messages
    ("... waived on their invoice. Agreed. Club-specific, don't offer in general comms"): none of its sentences
    is for every customer."""
    return any(p.search(text) for p in _instruction_res()) or any(re.search(p, text, re.I) for p in rules().get("account_note_cues", []))


@lru_cache(maxsize=1)
def _internal_res() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in rules().get("internal_patterns", []))


@lru_cache(maxsize=1)
def _group_label_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in rules().get("customer_nouns", [])) | {"customer", "customers", "all", "every", "everyone", "affected", "users", "user"}


def _account_label(label: str) -> bool:
    """A line's label that is a proper name ("Galata Deri:", "Told Murat:"): who one line is about, not a part of the
    write-up ("Root Cause:") or a group of customers ("All customers:", "40 walk-up passengers:")."""
    m = re.fullmatch(r"\s*(?:[-*+•]\s*)?\**(?P<l>(?:[A-Z][\w'’&.-]*\s+){1,2}[A-Z][\w'’&.-]*)\**\s*:\s*", label or "")
    if m is None:
        return False
    words = m.group("l").lower().split()
    plain = _group_label_words()
    return not any(w in plain or w.rstrip("s") in plain for w in words) and canon(m.group("l"), rules()["sections"]) is None \
        and canon(m.group("l"), rules()["fields"]) is None


_AT_CLOCK = r"(?:\s+(?:at|from|by|until|till|around|about|since)\s+\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?)?"


def _without_relative_day(text: str) -> str:
    """A sentence without the writer's "this morning", "today" and the clock time tied to it ("went out this morning
    automatically" -> "went out automatically"); "" when what is left is too short to stand alone."""
    cue = rules().get("relative_day_cues", "")
    if not cue or not re.search(cue, text, re.I):
        return text
    said = re.sub(r"^(?:(?:early|late)\s+)?" + cue + r",?\s+", "", text, flags=re.I)  # "Early this morning some ..."
    said = re.sub(r"(?:\s+(?:for|on|by|until|till|from|since|of))?" + _AT_CLOCK + r"(?:,?\s+(?:early|late))?,?\s+" + cue + r"(?:\s+(?:at\s+)?\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?)?", "", said, flags=re.I)
    said = said[:1].upper() + said[1:] if said else said
    return said if not re.search(cue, said, re.I) and len(said.split()) >= 5 else ""


_DOTTED_COUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]\d)(?=\s+(?:[a-z]+s\b|TL\b|R\$|€|EUR\b|BRL\b|kr\b))")


def customer_sentence(span: Span, red: Redactor, *, min_words: int = 4, max_words: int = 45, allow_guess: bool = False,
                      whole: bool = True, sentence: bool = True) -> str | None:
    """The sentence as a customer may read it, or None when it cannot be used whole. ``sentence``: it must read
    as a sentence (a note is repaired or refused); a list item such as an action may be a noun phrase."""
    text = re.sub(r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|(?<=:)\*", "", span.text).strip()
    text = re.sub(r"^\d{1,2}(?:\.\d{1,2})+\.?\t+", "", text)  # "3.5<tab>27 rosters were edited": a Word paragraph number
    text = re.sub(r"\s+", " ", re.sub(r"\s*[✓✔✅☑]\ufe0f?", "", text))  # 'saw "Refill requested ✓"': a screen's tick is no word
    text = re.sub(r"(?<![\d,.:])(\d{1,3})[ \u00a0\u202f](\d{3})(?![\d:,.]\d|\d)(?=\s+[A-Za-z])", r"\1,\2", text)  # "1 214 messages" (nb, fr, sv)
    text = _DOTTED_COUNT.sub(lambda m: m.group(0).replace(".", ","), text)  # "1.240 saves" (pt, tr, de): 1,240 for an English reader
    text = label_predicate(text) or text  # "Autocomplete: returned empty suggestion lists ..." -> "Autocomplete returned ..."
    if not text or (_LOG_OR_CHAT.match(text) and not _LEAD_RANGE.match(text)) or sentence and text.endswith(":"):
        return None  # a log or chat line; "What broke for customers:", the lead of a list, is no sentence
    if greeting_lead(text) or span.end <= len(red.writeup) and in_requester_message(red.writeup, span.start):
        return None  # "Hi, since about 8:20am PT our storefront is ...", a ticket's requester: a message from someone, in their voice
    if (chat := _SPEAKER_TIME.match(text)) and not _NOT_SPEAKER.search(chat.group("who")):
        return None  # "Markus Huber 00:41 took longer, the reload did not pick up ...": a chat message, not prose
    if span.end <= len(red.writeup) and re.search(r"(?i)\b(?:no|not|never|don't|doesn't|cannot|can't|without)\s*$", red.writeup[max(0, span.start - 20): span.start]):
        return None  # "... No\n  action needed from customers.": the line before carries the sentence's negation
    if any(re.search(p, text, re.I) for p in [*rules().get("tool_chrome", []), *prose_rules().get("team_time_notes", []), *prose_rules().get("never_told_notes", [])]):
        return None  # a list archive's "Messages: 61"; the team's "~15 min lost there"; "Correction (v2): ... this doc", "Told them ..."
    if re.search(rules().get("unknown_value", "(?!)"), text, re.I):
        return None  # "Sales lost during the window: not measured": no figure to tell
    text = _without_relative_day(text)
    if not text:
        return None  # "SMS goes out today 11.00": the writer's today, which a customer reads as theirs
    if whole and red.blames(span.start, span.end):
        return None
    lead = red.writeup[red.writeup.rfind("\n", 0, span.start) + 1: span.start] if span.end <= len(red.writeup) else ""
    if re.fullmatch(r"\s*(?:[-*+•]\s*)?[^.!?\n]{1,60}?(?::|\s[—–-]|\s\|)\s*", lead) and any(re.search(r"\b" + re.escape(n) + r"\b", lead) for n in red.code_names):
        return None  # "Bluestem Logistics (fleet) — ~40 vans ...": the line's label names who it is about, and they are withheld
    if _account_label(lead) or _account_label(text.split(":", 1)[0] + ":" if ":" in text[:40] else ""):
        return None  # "Galata Deri: October platform fee waived", "Told Murat: ...": one account's or one person's line
    text = _drop_brackets(text, red)
    text = unshouted(either_word(text), red.writeup)  # "fee WAIVED", "storage / truck charges": a note's shorthand, said plainly
    text = _CROSS_REFERENCE.sub("", text)  # "... not auto-removed, see Remediation." -> "... not auto-removed."
    text = re.sub(r"\(\s+", "(", re.sub(r"\s+([).,;:!?])", r"\1", text))
    part = label_participle(text)
    if part:  # "Unreconciled duplicates: removed by us automatically" -> "Unreconciled duplicates removed ...", repaired below
        text = f"{part.group('k')} {part.group('v')}"
    text = _reader_as_you(text)
    text = _ORPHAN_THOSE.sub(lambda m: f"{m.group('d')[0]}he {m.group('n') or ''}affected " if m.group("w").lower() in rules().get("customer_nouns", []) else m.group(0), text)  # "email those candidates": no earlier line in a draft says which
    text = _SECTION_NUMBER.sub("", text)  # "7.3 A goodwill payment of £20 ..." -> "A goodwill payment of £20 ..."
    text = re.sub(r"(?<=[.!?]\s)\d{1,2}(?:\.\d{1,2})+\.?\s+(?=[A-Z][a-z])", "", text)  # a numbered clause run on after a full stop
    text = _LEAD_LABEL.sub("", text)  # "Decision: all charges will be refunded" -> "All charges will be refunded"
    text = re.sub(r"^(?:Q\d*[:.]\s*)?(?:Why|What|How|When|Who)\b[^?\n]{3,150}\?\s+(?=[A-Z])", "", text)  # a five-whys question before its answer
    label = _LABEL_THEN_SENTENCE.match(text)
    if label and len(text[label.end():].split()) >= 5:  # "Employee bank fees: Paystead will reimburse ..." -> the sentence
        text = text[label.end():]
    text = re.sub(r"(?i)[,;]?\s*\b(?:due|eta|target)\s*:?\s*\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?(?=\.?\s*$)", "", text)  # ", due 04/07": no reader can be sure of that date
    text = _TRAILING_ASIDE.sub(".", text)  # "... a correction email - Comms sending tonight." -> "... a correction email."
    text = _plain_services(text)
    text = _explained(text, red.writeup)  # "Lighthouse accepted an empty list" -> "Our entitlement system accepted ..."
    for tail in prose_rules().get("lean_tails", []):
        text = re.sub(tail, "", text, flags=re.I)  # "..., same timing." -> "..."
    text = without_linking_words(text)
    if _NOT_PROSE.search(text) or _status_note(text) or red.internal_details(text) or internal_identifiers(text, tuple(red.config.public_names) + tuple(red.config.product_names)):
        return None
    if not allow_guess and has_role(text, "unconfirmed"):
        return None
    if any(re.search(p, text, re.I) for p in rules().get("account_note_cues", [])):
        return None  # a note about one account, never for a broad draft
    clauses = re.split(r";\s+", text)
    if len(clauses) > 1 and any(p.search(c) for c in clauses for p in _instruction_res()):  # "... can't be recovered; tell customers if they ask"
        text = "; ".join(c for c in clauses if not any(p.search(c) for p in _instruction_res())).rstrip(" ,;") or text
    if any(p.search(text) for p in _instruction_res()):
        return None  # "please don't mention them in any public notice": a note to the team
    lead = _LEAD_RANGE.match(text)
    if lead:  # "10:41–10:46 UTC: saving anything ... hung" -> "From 10:41 to 10:46 UTC, saving anything ... hung"
        zone = (lead.group("z") or "").upper()
        rest = text[lead.end():]
        text = (f"From {lead.group('a')} to {lead.group('b')} UTC, {rest[:1].lower() + rest[1:]}" if zone in ("UTC", "Z", "GMT") else rest[:1].upper() + rest[1:])
    on_day = re.match(r"(?i)^on [^,]{3,40},\s+(?:starting |beginning |from )?at\s+\d{1,2}(?::\d{2})?\s*(?:[ap]m)?\s*(?:[A-Z]{2,5})?,\s+(?=\w)", text)
    if on_day and not re.search(r"\bUTC\b", on_day.group(0)):  # "On Tuesday 10 June, starting at 2:15pm PT, ...": the window says when
        rest = text[on_day.end():]
        text = rest[:1].upper() + rest[1:]
    text = _LEAD_TIME.sub("", text) if re.match(r"(?i)(?:at|from|between|by|around|since)\s+\d", text) and not re.search(r"\bUTC\b|Z\b", text[:40]) else text
    words = text.split()
    if not min_words <= len(words) <= max_words or _NOUNLESS_COUNT.match(text) or _CLOCK_NOTE.match(text) or _SUBJECTLESS.match(text):
        return None  # "4 switched to click & collect", "Email 10:30 includes the link", "Fixed by mapping the code ...": notes
    if not re.search(r"[a-z]{3,}", text):
        return None
    text = plain_words(text)
    if chat_voice(text):
        return None
    label = _DASH_LABEL.match(text)
    if label and len(text[label.end():].split()) >= 4:  # "Fee waiver — the per-run fee is waived": a list label, not prose
        text = text[label.end():]
    if sentence and whole:
        text = _as_sentence(text, span, red)
        if text is None:
            return None
    text = re.sub(r";\s+(allow|expect)\b", r"; please \1", text)  # "...; allow 3–5 working days" said to the reader
    text = re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)  # "Automatic, no claim needed.."
    text = text[0].upper() + text[1:]
    if not re.search(r"[.!?][\"”)]*$", text):
        text = text.rstrip(",;:") + "."
    return text


_ORPHAN_THOSE = re.compile(r"\b(?P<d>[Tt]hose|[Tt]hese)\s+(?!(?:who|that|which|of|with|are|were|will|can)\b)(?P<n>\d[\d,]*\s+)?(?:affected\s+)?(?=(?P<w>[a-z]{3,}s)\b)")
_CROSS_REFERENCE = re.compile(r"\s*(?:[,;]\s*|\s[—–-]\s*)?\(?\b(?:see|cf\.?|per) (?:below|above|the \w+(?: \w+)? (?:section|table|doc)|[A-Z][\w&/-]*(?: (?:for )?[A-Za-z][\w&/-]*){0,3})\)?(?=\s*[.;]?\s*$)")
def order_to_team(span: Span, red: Redactor) -> bool:
    """A sentence that opens with an order ("Add a sanity check before any push: ...", "Fix the lock on ..."): the team's
    to-do, never what customers saw or how many were hit."""
    if red.doc is None or span.end > len(red.writeup):
        return False
    words = red.doc.char_span(span.start, span.end, alignment_mode="expand")  # the sentence's own tokens, not a walk over the whole write-up
    tok = next((t for t in words if t.is_alpha), None) if words is not None else None
    return tok is not None and tok.text[:1].isupper() and tok.tag_ == "VB" \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def our_system_subject(sp: Span, red: Redactor, labelled: bool = False) -> Span:
    """A cause sentence whose subject is one of our internal systems ("Kingfisher then re-sent the previous week's
    prices"): told with "Our system" in its place, so the name is withheld and the cause kept. ``labelled``: the
    sentence is the one a "Cause (confirmed):" label introduces, so a system named inside it is ours too ("the limit
    the Tollgate withdrawal orchestrator may pay" -> "... our withdrawal orchestrator may pay")."""
    text = sp.text
    for n in red.code_names:
        name = re.escape(n)
        text = re.sub(r"^" + name + r"\s+(?:then\s+)?(?=(?:also\s+|still\s+)?[a-z][a-z-]*(?:ed|t|s)\b)", "Our system ", text)  # "then" leans on what came before
        if labelled:
            text = re.sub(r"(?i:\bthe)\s+" + name + r"\s+(?=[a-z])", "our ", text)
    return sp if text == sp.text else Span(sp.start, sp.end, text)


def _reader_as_you(text: str) -> str:
    """What a customer must do, said to the reader ("Customer needs to un-reconcile ..." -> "You need to un-reconcile ...")."""
    for rule in prose_rules().get("said_to_you", []):
        pat, say = str(rule["cue"]), str(rule["say"])
        text = re.sub(r"(?:^|(?<=; )|(?<=[.!:] ))" + pat[1:], lambda m, s=say: s if m.start() == 0 else s[:1].lower() + s[1:], text, flags=re.I)
    return text


def label_participle(text: str) -> re.Match | None:
    """ "Unreconciled duplicates: removed by us automatically": a label that is the subject of what follows."""
    m = re.match(r"^(?P<k>[A-Z][a-z][\w'’-]*(?: [a-z][\w'’-]*){0,3}):\s+(?P<v>.+)$", text)
    return m if m and participle_lead().match(m.group("v")) else None


def _explained(text: str, writeup: str) -> str:
    """A name the write-up explains once ("our entitlement system (Lighthouse)") said as its explanation."""
    for name, phrase in explained_names(writeup).items():
        text = re.sub(r"\s*\(" + re.escape(phrase) + r"\)", "", text)  # "Heron (our notification service)": once is enough
        text = re.sub(r"(?<![\w@./#-])" + re.escape(name) + r"(?![\w@-])", partial(_said_as, phrase=phrase), text)
    return text


def _said_as(m: re.Match, phrase: str) -> str:
    """The explanation in a name's place, capitalised where the name opened a sentence."""
    opens = m.start() == 0 or m.string[:m.start()].rstrip().endswith((".", "!", "?"))
    return phrase[:1].upper() + phrase[1:] if opens else phrase


def _status_note(text: str) -> bool:
    """A log-book note of a step and its time ("Rollback done 4:46 PM.", "Purge complete 09:12"): never a sentence to
    send (words in data/drafting/prose.yaml, ``status_note_words``)."""
    words = "|".join(re.escape(str(w)) for w in prose_rules().get("status_note_words", []))
    return bool(words) and (re.match(r"(?i)^\W*[a-z][\w-]*(?: [\w-]+){0,2} (?:" + words + r")\b[ ,]*(?:(?:again )?(?:at|by) |@ ?)?~?\d{1,2}[:.]\d{2}", text) is not None
                            or re.match(r"(?i)^\W*(?:" + words + r")\s+(?:at|@|by|around|~)\s*~?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\b", text) is not None)  # "Fixed at 4:30am — ..."


def label_predicate(text: str) -> str | None:
    """A note's label that is the subject of the past-tense verb after it: "Autocomplete: returned empty lists" ->
    "Autocomplete returned empty lists", a bracket after the label dropped (verbs in data/drafting/prose.yaml,
    ``label_predicate_verbs``)."""
    verbs = "|".join(re.escape(str(v)) for v in prose_rules().get("label_predicate_verbs", []))
    m = re.match(r"^(?P<k>[A-Z][\w'’-]*(?: [\w'’-]+){0,3})(?:\s*\([^()]{0,40}\))?:\s+(?P<v>(?:" + verbs + r")\b.+)$", text) if verbs else None
    return f"{m.group('k')} {m.group('v')}" if m else None


# "Email 10:30 includes the link": a note that names a thing by its clock time (never "From 10:41 to 10:44 UTC, ...")
_CLOCK_NOTE = re.compile(r"(?!(?:From|At|Between|By|Until|Since|Around|About|Before|After|On|To|Till)\b)[A-Z][a-z]+\s+\d{1,2}:\d{2}\s+[a-z]")
_SUBJECTLESS = re.compile(r"(?:Fixed|Resolved|Mitigated|Solved|Caused|Triggered|Found|Confirmed)\s+by\b")  # "Fixed by mapping the code ..."
_NOUNLESS_COUNT = re.compile(r"(?:about |around |~)?\d[\d,.]*\s+[a-z]+ed\b(?=\s+(?:to|in|on|at|by|from|for|with|into|over|back|out|up|off|the|a|an|their|our)\b|\s*[.,;]|\s*$)")
_FIGURE_LED = re.compile(r"(?i)^(?:(?:all|about|around|over|nearly|almost|some|roughly)\s+)?~?\s*[£$€¥₩₹]?\d")
_DASH_LABEL = re.compile(r"^[A-Z][\w'’/&-]*(?: [\w'’/&-]+){0,3}\s+[—–]\s+(?=[a-z])")


def _as_sentence(text: str, span: Span, red: Redactor) -> str | None:
    """The text if the write-up's parse finds a main verb in it; a figure note repaired; otherwise None."""
    tokens = red.doc.char_span(span.start, span.end, alignment_mode="expand") if red.doc is not None else None
    repaired = figure_note_as_sentence(text)
    if tokens is None:
        return repaired[0] if repaired else text
    if repaired and _FIGURE_LED.match(text):  # "All 640 day passes refunded automatically": a figure, then what happened to it
        after = next((t.idx for t in tokens if repaired[1] and t.text.lower() == repaired[1].lower()), None)
        rest = [t for t in tokens if after is not None and t.idx > after] if repaired[1] else []
        if not has_finite_verb(rest):  # the parse may take "passes" for the verb; "... affected by the outage phoned" has its own
            return repaired[0]
    cut = span.text.find(";")
    if repaired and repaired[1] and cut > 0 and repaired[1] in span.text[:cut]:  # "Refunds processed 18 March; allow 3–5 working days"
        first = red.doc.char_span(span.start, span.start + cut, alignment_mode="expand")
        if first is not None and not has_finite_verb(first, besides=repaired[1]):
            return repaired[0]
    if repaired and (not has_finite_verb(tokens, besides=repaired[1]) or repaired[1] and re.search(rf"\b{re.escape(repaired[1])}\s*,", text)):
        return repaired[0]
    return text if has_finite_verb(tokens) or _name_then_verb(text) else None


def _name_then_verb(text: str) -> bool:
    """ "Giftly waives all fees ...": a name and a verb the parse missed, taking the name for an adverb (verbs in
    data/drafting/prose.yaml, ``name_then_verb``)."""
    said = "|".join(re.escape(str(v)) for v in prose_rules().get("name_then_verb", []))
    return bool(said) and re.match(r"\s*(?:[-*•]\s*)?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*)? (?:" + said + r")\b", text) is not None


_CLAUSE_SPLIT = re.compile(r"(?:,?\s+(?P<c>so|and so|which meant|because|and then|but|and(?=\s+(?:the|a|an|our|its|their|saved|new|all|every|no)\b))\s+(?=[a-z])|;\s+|:\s+(?=[A-Za-z])|\.\s+(?=[a-z]))")
_BLAME_WORDS = re.compile(r"(?i)\b(?:should have|careless|forgot|fault|mistake|human error|ignored|without following|embarrassing|obviously|honestly|frankly|sloppy|blame)\b")


def independent(red: Redactor, start: int, end: int) -> bool:
    """Whether a clause of the write-up has its own subject and verb (so it reads as a sentence alone)."""
    doc = red.doc
    if doc is None:
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return _name_then_verb(red.writeup[start:end]) or any(t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") and start <= t.head.idx < end for t in span)


def customer_clauses(span: Span, red: Redactor) -> str | None:
    """When a sentence cannot be used whole, the clauses of it that can stand alone as sentences
    ("X moved to host-2 in April and the renewal was never enabled, so the cert lapsed" -> "The
    renewal was never enabled, so the cert lapsed."), each checked like a sentence; None if none."""
    text = span.text
    cuts = [(0, "")]
    for m in _CLAUSE_SPLIT.finditer(text):
        cuts.append((m.start(), m.group(0)))
    pieces = []
    for i, (s, joiner) in enumerate(cuts):
        body_start = s + len(joiner)
        body_end = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        pieces.append((joiner, body_start, body_end))
    kept: list[tuple[str, str, bool]] = []
    for joiner, s, e in pieces:
        raw = text[s:e]
        sub = Span(span.start + s, span.start + e, raw)
        ok = (not _BLAME_WORDS.search(raw) and independent(red, sub.start, sub.end)
              and customer_sentence(sub, red, min_words=3, max_words=40, whole=False) is not None)
        kept.append((joiner, re.sub(r"\s*\([^()]*\)", "", raw).strip(" ,.;:"), ok))
    out: list[str] = []
    current = ""
    for joiner, raw, ok in kept:
        if not ok:
            if current:
                out.append(current)
            current = ""
            continue
        if current and joiner.strip(" ,;:.") in ("so", "and so", "which meant", "because", "and then", "but", "and"):
            current += f", {joiner.strip(' ,')} {raw}"
        else:
            if current:
                out.append(current)
            current = raw
    if current:
        out.append(current)
    sentences_out = []
    for s in out:
        s = s[0].upper() + s[1:]
        sentences_out.append(s if s.endswith((".", "!")) else s + ".")
    result = " ".join(sentences_out)
    return result or None
