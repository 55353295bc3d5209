"""The fact sheet on the Draft page: a form the liaison checks (each field with its source in the write-up
and the reading's confidence), and how the corrected sheet reaches the next draft.

The form's values are plain strings (one item per line for lists). ``corrections_block`` turns the
liaison's edits into a corrected fact sheet (YAML); ``with_corrections`` hands that sheet to
``drafting.draft`` in place of the write-up, so the redraft is composed from the liaison's facts only.
"""
from __future__ import annotations

import html
from datetime import timezone as _tz
from typing import Any

from ..errors import InputError
from ..facts import Fact, FactSheet
from ..facts.sheet import parse_utc
from ..reading.json_export import as_read

TEXT_FIELDS = {"headline": "What failed (the heading)", "cause": "Cause (customer words)",
               "cause_plain": "Cause in plain words, by its kind (general and executive readers)",
               "review": "When the full review comes", "contact": "Contact"}
LIST_FIELDS = {"products": "Affected products and features", "symptoms": "What customers saw", "numbers": "Customer numbers",
               "harm": "What customers lost", "remedy": "Remedy (refunds, credits, what customers must do)",
               "actions": "What we are changing", "changes_plain": "What we are changing, in plain words by kind"}
FIELDS: dict[str, str] = {"start": "Impact start (UTC)", "end": "Impact end (UTC)", "cause_status": "Cause status",
                          **TEXT_FIELDS, **LIST_FIELDS}
_SHEET = "_sheet"


def _when(fact: Fact) -> str:
    v = fact.value
    return f"{v.astimezone(_tz.utc):%Y-%m-%d %H:%M} UTC" if v is not None else ""


def editable_facts(facts: FactSheet) -> dict[str, str]:
    """The fields shown for confirmation, as plain strings ('' when the write-up did not say), plus the sheet itself."""
    out = {"start": _when(facts.start), "end": _when(facts.end), "cause_status": str(facts.cause_status.value)}
    for key in TEXT_FIELDS:
        out[key] = str(getattr(facts, key).value or "")
    for key in LIST_FIELDS:
        out[key] = "\n".join(facts.texts(key))
    out[_SHEET] = facts.dumps("yaml")
    return out


def source_of(facts: FactSheet, key: str) -> tuple[str, float]:
    """Where a field came from in the write-up, and how sure the reading is."""
    value = getattr(facts, key, None)
    if isinstance(value, list):
        quotes = [f.source.text for f in value if f.source is not None][:3]
        conf = min((f.confidence for f in value), default=0.0)
        return " / ".join(" ".join(q.split())[:120] for q in quotes), conf
    if isinstance(value, Fact):
        return (" ".join(value.source.text.split())[:200] if value.source else (value.note or "")), value.confidence
    return "", 0.0


def duration_text(facts: FactSheet) -> str:
    minutes = facts.duration_minutes.value
    if minutes is None:
        return "not known"
    hours, mins = divmod(int(minutes), 60)
    return f"{hours} h {mins} min" if hours else f"{mins} min"


def corrections_block(original: dict[str, str], edited: dict[str, str]) -> str:
    """The corrected fact sheet (YAML) when the liaison changed any field; '' when nothing changed.
    An edit that cannot be read (a time that is not a time, an end before the start) is not applied,
    and the sheet's flags say so, so the next draft lists it for the liaison."""
    changed = {k: " ".join(str(edited.get(k, "")).split()) if k not in LIST_FIELDS else str(edited.get(k, "")).strip()
               for k in FIELDS if str(edited.get(k, "")).strip() != str(original.get(k, "")).strip()}
    if not changed:
        return ""
    sheet = FactSheet.loads(original.get(_SHEET) or "{}")
    for key, value in changed.items():
        liaison = Fact(None, None, 1.0, "entered by the liaison")
        if key in ("start", "end"):
            try:
                liaison.value = parse_utc(value) if value else None
            except InputError as exc:
                sheet.flag(FIELDS[key], f"your correction was not applied: {exc}")
                continue
            setattr(sheet, key, liaison)
        elif key == "cause_status":
            if value not in ("confirmed", "suspected", "unknown"):
                sheet.flag("cause status", "your correction was not applied: use confirmed, suspected or unknown.")
                continue
            liaison.value = value
            sheet.cause_status = liaison
        elif key in TEXT_FIELDS:
            liaison.value = value
            setattr(sheet, key, liaison)
        else:
            setattr(sheet, key, [Fact(line.strip(), None, 1.0, "entered by the liaison") for line in value.splitlines() if line.strip()])
    s, e = sheet.start.value, sheet.end.value
    if s is not None and e is not None:
        if e <= s:
            sheet.flag("impact end", "The impact end is not after its start, so neither the end nor a duration is stated. Correct one of them (UTC, YYYY-MM-DD HH:MM).")
            sheet.end = Fact(None)
            sheet.duration_minutes = Fact(None)
            return sheet.dumps("yaml")
        sheet.duration_minutes = Fact(int((e - s).total_seconds() // 60), None, 1.0, "end minus start")
    else:
        sheet.duration_minutes = Fact(None)
    return sheet.dumps("yaml")


def with_corrections(writeup: str, block: str) -> Any:
    """What to draft from: the corrected fact sheet when there is one, else the write-up."""
    return FactSheet.loads(block) if block else writeup


def highlight_source(writeup: str, facts: FactSheet, key: str) -> str:
    """The write-up as HTML with the field's source spans marked, for the form's "show in the write-up"."""
    value = getattr(facts, key, None)
    spans = [f.source for f in (value if isinstance(value, list) else [value]) if isinstance(f, Fact) and f.source is not None]
    if any(writeup[sp.start:sp.end] != sp.text for sp in spans):
        writeup = as_read(writeup)  # a pasted JSON export is read, and its sources marked, as its lines
    out, pos = [], 0
    for sp in sorted(spans, key=lambda s: s.start):
        if sp.start < pos or sp.end > len(writeup):
            continue
        out.append(html.escape(writeup[pos:sp.start]))
        out.append(f"<mark>{html.escape(writeup[sp.start:sp.end])}</mark>")
        pos = sp.end
    out.append(html.escape(writeup[pos:]))
    return "<div style='white-space:pre-wrap;font-size:0.85em'>" + "".join(out) + "</div>"


def facts_form(st: Any, facts: FactSheet, writeup: str, on_redraft: Any, args: tuple = ()) -> None:
    """The fact sheet as an editable form: each field with its source and confidence; a button redrafts."""
    st.markdown("#### Fact sheet: check each fact, correct it, then redraft")
    c1, c2, c3 = st.columns([1, 1, 1])
    for col, key in ((c1, "start"), (c2, "end")):
        src, conf = source_of(facts, key)
        col.text_input(FIELDS[key], key=f"fact_{key}", placeholder="YYYY-MM-DD HH:MM",
                       help=f"From the write-up: {src or 'not stated'} (confidence {conf:.0%})")
    c3.selectbox(FIELDS["cause_status"], ["confirmed", "suspected", "unknown"], key="fact_cause_status",
                 help="A suspected or unknown cause is never stated to customers.")
    st.caption(f"Duration: {duration_text(facts)}.")
    for key in TEXT_FIELDS:
        src, conf = source_of(facts, key)
        st.text_area(FIELDS[key], key=f"fact_{key}", height=80 if key == "cause" else 40,
                     help=f"From the write-up: {src or 'not stated'} (confidence {conf:.0%})")
    for key in LIST_FIELDS:
        src, conf = source_of(facts, key)
        st.text_area(f"{FIELDS[key]} (one per line)", key=f"fact_{key}", height=100,
                     help=f"From the write-up: {src or 'not stated'} (lowest confidence {conf:.0%})")
    if facts.flags:
        st.warning("Check these: " + "; ".join(f"{f['item']}: {f['reason']}" for f in facts.flags[:8]))
    if writeup:
        with st.expander("Show where each fact came from in the write-up"):
            key = st.selectbox("Field", list(FIELDS), key="fact_source_field", format_func=lambda k: FIELDS[k])
            st.markdown(highlight_source(writeup, facts, key), unsafe_allow_html=True)
    st.button("Redraft with these facts", key="draft_redraft", on_click=on_redraft, args=args)
