"""Suggested rewrites ("try this") for a finding: one or more replacement sentences.

blame -> what the system or process allowed; conjecture -> an honest "still confirming" (or the
plain statement, for when it is confirmed); stock phrase -> one that names the impact; jargon ->
the glossary's plain words; overpromise -> the specific action; tone -> calm, plain wording;
leak -> the detail removed. Every candidate is re-checked in the same context, and one that
raises a finding of the same category is never offered. Wording lives in data/drafting/templates.yaml.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span as SpacySpan

from .checks import blame as blame_check
from .checks.base import Analysis
from .checks.jargon import glossary
from .config import CompanyConfig
from .context import Context
from .findings import Finding
from .nlp import parse
from .redact import Redactor, _service_words, templates
from .resources import rules

_SENT_END = re.compile(r"[.!?](?=[\s\"')\]]|$)|\n")
_IMPACT_WORDS = re.compile(
    r"\b(could not|couldn't|unable|failed|declined|errors?|did not work|did not load|did not start|not delivered|delayed|late|slow|"
    r"wrong|unavailable|disrupted|stopped|out-of-date|lost)\b", re.I)


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence (or list item) holding character ``pos``."""
    start = 0
    for m in _SENT_END.finditer(text, 0, max(0, pos)):
        start = m.end()
    m = _SENT_END.search(text, max(pos, start))
    end = m.end() if m else len(text)
    if m and m.group(0) == "\n":
        end -= 1
    while start < end and text[start] in " \t\n-*•>#":
        start += 1
    return start, end


def rewrite(finding: Finding, text: str, ctx: Any, config: CompanyConfig | None = None, use_model: bool = True) -> list[str]:
    """Replacement sentences for the sentence that holds ``finding``; none raises the same category again."""
    ctx = ctx if isinstance(ctx, Context) else Context.of(*ctx) if isinstance(ctx, (tuple, list)) else Context.of()
    config = config or CompanyConfig()
    s, e = sentence_bounds(text, finding.start)
    sentence = text[s:e].strip()
    if not sentence:
        return []
    rel = Finding(finding.category, finding.rule, finding.start - s, finding.end - s, finding.text, finding.message, finding.suggestion)
    maker = _MAKERS.get(finding.category)
    if maker is None:
        return []
    candidates = [c for c in maker(rel, sentence, text, ctx, config) if c and c.strip()]
    out: list[str] = []
    for cand in candidates:
        cand = _finish(cand)
        if cand in out or cand == sentence:
            continue
        if _passes(cand, finding.category, ctx, config, use_model):
            out.append(cand)
    return out


def _finish(s: str) -> str:
    s = re.sub(r"\s{2,}", " ", s.strip())
    s = re.sub(r"\s+([,.;:])", r"\1", s)
    if s and s[0].islower():
        s = s[0].upper() + s[1:]
    if s and s[-1] not in ".!?\"')":
        s += "."
    return s


def _passes(candidate: str, category: str, ctx: Context, config: CompanyConfig, use_model: bool = True) -> bool:
    from .engine import check

    result = check(candidate, ctx.severity, ctx.audience, ctx.stage, config=config, use_model=use_model, use_grammar=False)
    return not any(f.category == category for f in result.findings)


def _lower_first(s: str) -> str:
    s = s.strip().rstrip(".")
    words = s.split()
    if words and len(words[0]) > 1 and words[0][1:].islower() and words[0] not in ("I",):
        return s[0].lower() + s[1:]
    return s


# ---------------------------------------------------------------- blame


def _pp(lemma: str) -> str:
    table = templates()["past_participles"]
    if lemma in table:
        return table[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _phrase(tokens: list, drop_people: bool = True) -> str:
    keep = []
    for t in tokens:
        if drop_people and (t.ent_type_ == "PERSON" or (t.dep_ == "poss" and t.pos_ == "PROPN")):
            continue
        if t.dep_ == "case" and keep == []:
            continue
        keep.append(t.text_with_ws)
    return "".join(keep).strip()


def systemize(sent: SpacySpan, finding: Finding) -> str:
    """A blaming sentence (parsed) as what the system or process allowed."""
    words = templates()["rewrite"]
    data = rules("blame")
    verbs = set(data["fault_verbs"]) | set(data["marked_verbs"])
    lo, hi = finding.start, finding.end
    verb = None
    for tok in sent:
        if lo <= tok.idx < hi and tok.pos_ in ("VERB", "AUX") and (tok.lemma_.lower() in verbs or blame_check._is_counterfactual(tok)):
            verb = tok
            break
    if verb is None:
        return words["blame_process"][0]
    a_hit = blame_check._agent_of(verb, _FakeAnalysis())
    if a_hit and (a_hit[0].lemma_.lower() in ("vendor", "provider", "supplier", "partner") or a_hit[0].ent_type_ == "ORG"):
        return words["blame_vendor"]
    if blame_check._is_counterfactual(verb) and verb.lemma_.lower() not in ("forget", "neglect", "fail", "skip", "omit"):
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        obj_text = _phrase(list(obj.subtree)) if obj is not None else "this"
        return words["blame_counterfactual"].format(verb=verb.lemma_.lower(), object=obj_text)
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    target = xcomp if xcomp is not None and verb.lemma_.lower() in ("forget", "neglect", "fail", "omit") else verb
    obj = next((c for c in target.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or obj.pos_ == "PRON":
        return words["blame_process"][0]
    obj_tokens = list(obj.subtree)
    obj_text = _phrase(obj_tokens)
    obj_text = re.sub(r"^(?:his|her|their|my)\s+", "the ", obj_text, flags=re.I)
    plural = obj.tag_ in ("NNS", "NNPS")
    after = sent.doc[obj_tokens[-1].i + 1: sent.end]
    rest = _phrase(list(after), drop_people=False).rstrip(" .;:")
    rest = re.sub(r"^[,;:]\s*", ", ", rest) if rest else ""
    if rest and not rest.startswith(","):
        rest = " " + rest
    subject = obj_text[0].upper() + obj_text[1:] if obj_text[:1].islower() and obj_text.split()[0].lower() in ("the", "a", "an", "this", "that", "some", "all") else obj_text
    subject = subject[0].upper() + subject[1:] if subject[:1].islower() and not re.match(r"[a-z]+[-.]", subject) else subject
    particle = "".join(" " + c.text for c in target.children if c.dep_ == "prt")
    if target is not verb:
        main = f"{subject} {'were' if plural else 'was'} not {_pp(target.lemma_.lower())}{particle}{rest}."
        return main + " Our process did not check for it."
    main = f"{subject} {'were' if plural else 'was'} {_pp(verb.lemma_.lower())}{particle}{rest}."
    markers = set(data["markers"]) - {"error", "mistake"}
    faulty = verb.lemma_.lower() in set(data["fault_verbs"]) or any(
        t.lower_ in markers for t in [*obj_tokens, *[c for c in verb.children if c.dep_ == "advmod"]])
    return main + (" Our process did not catch it in time." if faulty else "")


class _FakeAnalysis:
    """Just enough of an Analysis for the blame check's agent test outside a full check."""

    config = CompanyConfig()


def _blame(f: Finding, sentence: str, text: str, ctx: Context, config: CompanyConfig) -> list[str]:
    doc = parse(sentence)
    a = Analysis(text=sentence, doc=doc, ctx=ctx, config=config)
    found = blame_check.run(a) or [f]
    sent = doc[:]
    out = [systemize(sent, found[0])]
    main = out[0].split(". ")[0]
    if main != out[0]:
        out.append(main + ".")  # the plain statement alone, without the process sentence
    out.extend(templates()["rewrite"]["blame_process"])
    return out


# ---------------------------------------------------------------- conjecture

_HEDGE_SUBS = [
    (r"^(?:we|i)\s+(?:think|believe|suspect|guess|assume|reckon|feel|are fairly sure|are pretty sure|are fairly confident)\s+(?:that\s+)?", ""),
    (r"^(?:it\s+)?(?:appears|seems|looks)\s+(?:like\s+|that\s+|as if\s+)?", ""),
    (r"^(?:our\s+)?(?:best guess|working theory|current theory|leading theory|theory|hypothesis)\s+(?:is\s+)?(?:that\s+)?", ""),
    (r"^(?:initial|early)\s+(?:indications|findings)\s+(?:suggest|show)\s+(?:that\s+)?", ""),
    (r"^(?:all\s+|the\s+evidence\s+|evidence\s+|everything\s+|signs\s+)?points?\s+to\s+", ""),
    (r"^(?:the\s+)?(?:preliminary|initial|suspected|probable|presumed|likely)\s+(?:root\s+)?cause\s*(?:is|was|:)\s*", "the cause is "),
    (r",?\s*\b(?:most likely|more than likely|in all likelihood|probably|likely|possibly|presumably|perhaps|maybe|apparently|seemingly|supposedly|potentially|plausibly)\b,?", ""),
    (r"\b(?:may|might|could)\s+have\s+been\b", "was"),
    (r"\b(?:may|might|could)\s+have\s+", ""),
    (r"\b(?:may|might|could)\s+be\b", "is"),
    (r"\b(?:appears|seems)\s+to\s+be\b", "is"),
    (r"\b(?:appeared|seemed)\s+to\s+be\b", "was"),
    (r"\b(?:appears|seems)\s+to\s+have\b", "has"),
    (r"\b(?:is|was|are|were)\s+(?:believed|thought|suspected)\s+to\s+(?:be|have been)\b", "was"),
    (r"\b(?:might)\s+", ""),
]


def strip_hedges(sentence: str) -> str:
    """The claim without its hedge words: "We think a faulty disk caused it" -> "a faulty disk caused it"."""
    s = sentence.strip().rstrip(".")
    for pat, new in _HEDGE_SUBS:
        s = re.sub(pat, new, s, flags=re.I)
    return re.sub(r"\s{2,}", " ", s).strip(" ,")


def _conjecture(f: Finding, sentence: str, text: str, ctx: Context, config: CompanyConfig) -> list[str]:
    w = templates()["rewrite"]
    if f.rule == "eta":
        return [w["conjecture_eta"]]
    clause = strip_hedges(sentence)
    out = []
    if len(clause.split()) >= 3:
        out.append(w["conjecture_open"].format(clause=_lower_first(clause)))
        out.append(clause)  # for when the team has confirmed it
    out.append(w["conjecture_open_plain"])
    return out


# ---------------------------------------------------------------- boilerplate, tone, overpromise


def impact_from(text: str, exclude: str = "") -> str | None:
    """A sentence of the draft that names the impact (what failed, with a time or number), as a clause."""
    best = None
    for m in re.finditer(r"[^.!?\n]+[.!?]?", text):
        s = m.group(0).strip()
        if not s or s == exclude.strip() or s.startswith("#") or re.search(r"\b(sorry|apolog)", s, re.I):
            continue
        if _IMPACT_WORDS.search(s) and re.search(r"\d", s):
            return _lower_first(s.lstrip("-* "))
        if best is None and _IMPACT_WORDS.search(s):
            best = _lower_first(s.lstrip("-* "))
    return best


def action_from(text: str) -> str | None:
    """The first specific change the draft names ("We will add ..." or an item under a changes heading)."""
    m = re.search(r"\b[Ww]e ((?:will|have|are) (?!publish|share|post|answer|still)[^.\n]{12,200})[.\n]", text)
    if m:
        return "we " + m.group(1).strip()  # "we have added an alert ...", a whole clause after the colon
    return None


def _separable(sentence: str, start: int, end: int) -> bool:
    """The phrase is a whole side part of the sentence ("Rest assured, ..."), so cutting it leaves a sentence.

    Cutting "apologize for any inconvenience" out of "We apologize for any inconvenience this may
    have caused" would leave "We this may have caused": the phrase holds the main verb, so no.
    """
    from .nlp import parse

    doc = parse(sentence)
    for tok in doc:
        left, right = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        if tok.dep_ != "ROOT" and left <= start and end <= right and (right - left) <= (end - start) + 2:
            return True
    return False


def _boilerplate(f: Finding, sentence: str, text: str, ctx: Context, config: CompanyConfig) -> list[str]:
    w = templates()["rewrite"]
    out: list[str] = []
    trimmed = (sentence[: f.start] + sentence[f.end:]).strip(" ,;:")
    # a cut clause leaves its joint behind: "..., and." / "And ..."
    trimmed = re.sub(r"[\s,;]*\b(?:and|but|so|or)\s*([.!?]?)$", r"\1", trimmed, flags=re.I)
    trimmed = re.sub(r"^(?:and|but|so|or)\b[\s,]*", "", trimmed, flags=re.I)
    if (f.rule != "bare_apology" and len(trimmed.split()) >= 4
            and not re.search(r"\b(sorry|apolog|regret|patience|understanding|seriously|priority)\b", trimmed, re.I)
            and _separable(sentence, f.start, f.end)):
        out.append(trimmed)
    low = sentence.lower()
    impact = impact_from(text, sentence)
    if re.search(r"sorry|apolog|regret|inconvenience|disruption|trouble", low):
        if impact:
            out.append(w["apology_impact"].format(impact=impact))
        out.append(w["apology_placeholder"])
    elif re.search(r"patience|understanding|support|loyal", low):
        out.append(w["stock_thanks"])
    else:
        action = action_from(text)
        if action:
            out.append(w["stock_commitment"].format(action=action))
        out.append(w["stock_commitment_placeholder"])
    return out


def calm(sentence: str) -> str:
    """Minimising, alarmist and casual words swapped for plain ones (data/drafting/templates.yaml tone_words)."""
    s = sentence
    for pat, new in templates()["tone_words"].items():
        s = re.sub(r"\b" + pat + r"(?!\w)" if pat[0].isalpha() else pat, new, s, flags=re.I)
    return re.sub(r"\s{2,}", " ", s).strip(" ,")


def _tone(f: Finding, sentence: str, text: str, ctx: Context, config: CompanyConfig) -> list[str]:
    w = templates()["rewrite"]
    out = []
    calmer = calm(sentence)
    if calmer != sentence:
        out.append(calmer)
    if f.rule in ("defensive", "flippant"):
        out.append((sentence[: f.start] + sentence[f.end:]).strip(" ,;:"))
    if f.rule == "grovelling" or re.search(r"sorry|apolog", sentence, re.I):
        impact = impact_from(text, sentence)
        if impact:
            out.append(w["apology_impact"].format(impact=impact))
        out.append(w["apology_placeholder"])
    return out


def _overpromise(f: Finding, sentence: str, text: str, ctx: Context, config: CompanyConfig) -> list[str]:
    w = templates()["rewrite"]
    out = []
    after = re.split(r":\s+", sentence, maxsplit=1)
    action = action_from(text.replace(sentence, ""))
    if action:
        out.append(w["overpromise_action"].format(action=action))
    if len(after) == 2 and not re.search(r"never|guarantee|100%|always|eliminat", after[1], re.I):
        out.append(after[1])
    out.append(w["overpromise_placeholder"])
    return out


# ---------------------------------------------------------------- jargon, leak


def _terms(config: CompanyConfig) -> dict[str, str]:
    terms = {k.lower(): str(v) for k, v in glossary()["terms"].items()}
    terms.update({k.lower(): v for k, v in config.glossary.items()})
    return terms


def _jargon(f: Finding, sentence: str, text: str, ctx: Context, config: CompanyConfig) -> list[str]:
    term = sentence[f.start:f.end]
    if f.rule == "internal":
        return [sentence[: f.start] + _service_words(term, sentence[: f.start]) + sentence[f.end:]]
    plain = _terms(config).get(term.lower())
    out = []
    if plain:
        before = sentence[: f.start]
        if re.match(r"(?:the|a|an|our|your)\s", plain, re.I):
            before = re.sub(r"\b(?:the|a|an|our)\s+$", "", before, flags=re.I)
        out.append(before + plain + sentence[f.end:])
        out.append(sentence[: f.end] + f" ({plain})" + sentence[f.end:])
    # an unexplained term inside brackets can simply go
    bracket = re.search(r"\s*\([^()]*" + re.escape(term) + r"[^()]*\)", sentence)
    if bracket:
        out.append(sentence[: bracket.start()] + sentence[bracket.end():])
    return out


def _leak(f: Finding, sentence: str, text: str, ctx: Context, config: CompanyConfig) -> list[str]:
    r = Redactor(writeup=sentence, config=config)
    if f.rule == "person":
        r.staff = [sentence[f.start:f.end]]
    return [r.public_text(sentence)]


_MAKERS = {
    "blame": _blame,
    "conjecture": _conjecture,
    "boilerplate": _boilerplate,
    "tone": _tone,
    "overpromise": _overpromise,
    "jargon": _jargon,
    "leak": _leak,
}
