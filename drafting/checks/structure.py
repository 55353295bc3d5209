"""structure: the parts a draft needs for its stage (data/rules/structure.yaml), and, in a report,
change items too vague to verify later ("improve monitoring" instead of "add an alert when...").

A missing part is one finding naming the part, anchored at the start of the document.
"""
from __future__ import annotations

import bisect
import re

from .. import patterns
from ..catalog import Category
from ..findings import Finding
from ..resources import rules
from .base import Analysis


def _found(pattern: str, a: Analysis) -> bool:
    return patterns.builtin(pattern, multiline=True).search(a.text) is not None


def _has_part(a: Analysis, part: dict) -> bool:
    if "any" in part and not any(_found(p, a) for p in part["any"]):
        return False
    if "all" in part and not all(_found(p, a) for p in part["all"]):
        return False
    if "min_sentences" in part and len(a.sentences) < int(part["min_sentences"]):
        return False
    if part.get("person") and not _names_a_person(a):
        return False
    return True


def _names_a_person(a: Analysis) -> bool:
    """A person to reply to: a PERSON entity, or a sign-off line that is a name."""
    first_line_end = a.text.find("\n") if "\n" in a.text else 0
    if any(e.label_ == "PERSON" and e.start_char > first_line_end for e in a.doc.ents):
        return True  # the greeting's name is the reader, not the person to reply to
    public = [n for n in a.config.public_names if n.lower() in a.text.lower()]
    if public:
        return True
    lines = [ln.strip(" -—–,") for ln in a.text.strip().splitlines() if ln.strip()]
    for ln in lines[-4:]:
        if re.fullmatch(r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}(?:,.*)?", ln) and ln.split()[0].lower() not in (
            "thanks", "regards", "best", "cheers", "sincerely", "thank", "warm", "kind", "the", "team", "support",
            "hi", "hello", "dear", "hey", "good",
        ):
            return True
    return False


def missing_parts(a: Analysis) -> list[dict]:
    """The required parts of this stage that the draft does not contain."""
    table = rules("structure")["stages"].get(a.ctx.stage.value, [])
    return [part for part in table if not _has_part(a, part)]


def present_parts(a: Analysis) -> list[str]:
    table = rules("structure")["stages"].get(a.ctx.stage.value, [])
    return [part["part"] for part in table if _has_part(a, part)]


_BLOCK_END = r"\n\s*\n\s*(#+\s|\*\*|[A-Z][^\n]{0,60}:?\s*\n)"
_BULLET = re.compile(r"^[ \t]*(?:[-*•]|\d+[.)])[ \t]+(.+)$", re.M)


def change_items(a: Analysis) -> list[tuple[int, int]]:
    """Character spans of the items under a 'what we are changing' heading (bullets or sentences).

    Linear in the text: headings and block ends are found by the linear-time engine, a block end
    found once is reused by every heading before it, and a heading whose block ends where the
    previous one's did adds nothing new (its items are a subset), so no block is read twice.
    """
    data = rules("structure")
    text = a.text
    folded = patterns.fold_ascii(text)
    stops = patterns.builtin(_BLOCK_END, ignore_case=False)
    starts = [s.start_char for s in a.sentences]
    items: list[tuple[int, int]] = []
    done_ends: set[int] = set()
    for pat in data["change_headings"]:
        stop: tuple[int, int] | None = None  # headings come in order within one pattern only
        for _, pos in patterns.builtin(pat, multiline=True).spans(text, folded):
            if stop is None or stop[0] < pos:
                stop = stops.search(text, pos, folded) or (len(text), len(text))
            block_end = stop[0]
            if block_end in done_ends:
                continue
            done_ends.add(block_end)
            bullets = list(_BULLET.finditer(text, pos, block_end))
            if bullets:
                items += [b.span(1) for b in bullets]
            else:
                for i in range(bisect.bisect_left(starts, pos), bisect.bisect_left(starts, block_end)):
                    sent = a.sentences[i]
                    items.append((sent.start_char, min(sent.end_char, block_end)))
    return items


def _is_vague(a: Analysis, start: int, end: int) -> bool:
    data = rules("structure")
    span = a.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    item = a.text[start:end].lower()
    has_bound = any(re.search(p, item) for p in data["bound_patterns"])
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX") and t.lemma_ not in ("be", "have", "will", "do")]
    if not verbs:
        # "Better monitoring." has no action at all
        return not has_bound
    main = verbs[0]
    objects = [t for t in span if t.dep_ in ("dobj", "pobj", "obj", "nsubjpass") and t.head in verbs]
    vague_verb = main.lemma_.lower() in data["vague_verbs"]
    vague_obj = bool(objects) and all(o.lemma_.lower() in data["vague_objects"] or o.lower_ in data["vague_objects"] for o in objects)
    if has_bound:
        return False
    return vague_verb or vague_obj


def run(a: Analysis) -> list[Finding]:
    found: list[Finding] = []
    stage = a.ctx.stage.value
    if not a.text.strip():
        return found
    for part in missing_parts(a):
        found.append(a.finding("structure", "missing_part", 0, 0, 0.8, part=part["part"], stage=stage, hint=part.get("hint", "")))
    if stage == "report":
        for s, e in change_items(a):
            if _is_vague(a, s, e):
                found.append(a.finding("structure", "vague_action", s, e, 0.75))
    return found


CATEGORY = Category("structure", run=run, rules=("missing_part", "vague_action"))
