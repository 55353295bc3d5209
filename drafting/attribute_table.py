"""The English model's attribute ruler, applied from a lookup table instead of the token Matcher.

spaCy's AttributeRuler runs its ~180 rules (tag -> part of speech, morphology, lemma exceptions)
through the Matcher: about 9 ms of a 400-word report, a sixth of the whole parse. Almost every rule
looks at one token's tag, lower-case form, dependency label and is-space flag only, so what those
rules do to a token is a function of those four values: worked out once per distinct combination
and remembered. The few rules that look at two neighbouring tokens are matched with numpy.

AttributeTable is built from the loaded ruler's own rules (nothing is copied by hand) and keeps its
semantics: every rule is matched against the tokens as the tagger and parser left them, then applied
in rule order, a later rule overriding an earlier one. A rule it cannot express makes `supports`
false and nlp.py keeps spaCy's ruler. tests/test_attribute_table.py checks both agree token for token.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

_INPUT = [TAG, LOWER, DEP, IS_SPACE]
_COLUMN = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}

Key = tuple[int, int, int, int]                          # (tag, lower, dep, is_space) of one token
KeyTest = Callable[[Key, StringStore], bool]             # one pattern token, on one token
ColumnTest = Callable[[np.ndarray, StringStore], np.ndarray]  # one pattern token, on every token
Settings = tuple[tuple[int, int, int], ...]              # (rule number, attribute, value), in rule order


MAX_REMEMBERED = 200_000  # distinct (tag, word, label, space) combinations; about 50 MB at most


class Unsupported(ValueError):
    """A rule uses an attribute or operator this table does not implement."""


def _value_id(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return get_string_id(value)
    raise Unsupported(f"value {value!r}")


def _conditions(spec: dict[str, Any]) -> list[tuple[int, str, Any]]:
    """A pattern token as (column, operator, operand): ==, in, not in, or a regex on the lower-case form."""
    out: list[tuple[int, str, Any]] = []
    for name, want in spec.items():
        if name not in _COLUMN:
            raise Unsupported(f"attribute {name}")
        col = _COLUMN[name]
        if not isinstance(want, dict):
            out.append((col, "==", _value_id(want)))
            continue
        if len(want) != 1:
            raise Unsupported(f"operators {sorted(want)}")
        (op, arg), = want.items()
        if op in ("IN", "NOT_IN"):
            out.append((col, op, frozenset(_value_id(x) for x in arg)))
        elif op == "REGEX" and name == "LOWER":
            out.append((col, op, re.compile(arg)))
        else:
            raise Unsupported(f"operator {op} on {name}")
    return out


def _holds(op: str, operand: Any, value: int, strings: StringStore) -> bool:
    if op == "==":
        return value == operand
    if op == "IN":
        return value in operand
    if op == "NOT_IN":
        return value not in operand
    return bool(operand.search(strings[value]))  # REGEX: re.search, as the Matcher does


_regex_seen: dict[tuple[str, int], bool] = {}


def _regex_holds(pattern: re.Pattern, value: int, strings: StringStore) -> bool:
    """A regex on a word, decided once per word (a neighbour rule asks it of every token)."""
    hit = _regex_seen.get((pattern.pattern, value))
    if hit is None:
        if len(_regex_seen) >= MAX_REMEMBERED:
            _regex_seen.clear()
        hit = _regex_seen[(pattern.pattern, value)] = _holds("REGEX", pattern, value, strings)
    return hit


def _key_test(spec: dict[str, Any]) -> KeyTest:
    conditions = _conditions(spec)
    return lambda key, strings: all(_holds(op, arg, key[col], strings) for col, op, arg in conditions)


def _tags_needed(spec: dict[str, Any]) -> frozenset[int] | None:
    """The tags a pattern token can match (its TAG == or IN condition), or None when any tag can."""
    for col, op, arg in _conditions(spec):
        if col == _COLUMN["TAG"] and op == "==":
            return frozenset([arg])
        if col == _COLUMN["TAG"] and op == "IN":
            return frozenset(arg)
    return None


def _column_test(spec: dict[str, Any]) -> ColumnTest:
    conditions = sorted(_conditions(spec), key=lambda c: c[1] == "REGEX")

    def test(cols: np.ndarray, strings: StringStore) -> np.ndarray:
        ok = np.ones(len(cols), dtype=bool)
        for col, op, arg in conditions:
            values = cols[:, col]
            if op == "==":
                ok &= values == arg
            elif op in ("IN", "NOT_IN"):
                ok &= np.isin(values, np.fromiter(arg, dtype=np.uint64, count=len(arg))) != (op == "NOT_IN")
            else:
                ok[ok] = [_regex_holds(arg, v, strings) for v in values[ok].tolist()]
        return ok

    test.slow = any(op == "REGEX" for _, op, _ in conditions)
    return test


class AttributeTable:
    """Set the attribute ruler's part-of-speech, morphology, lemma, tag and dependency exceptions."""

    def __init__(self, ruler: Any) -> None:
        self.single: list[tuple[int, list[KeyTest], dict[int, int]]] = []      # one-token rules
        self._single_tags: list[frozenset[int] | None] = []  # the tags each can match (None: any)
        self._single_by_tag: dict[int, list[tuple[int, list[KeyTest], dict[int, int]]]] = {}
        self.multi: list[tuple[int, list[list[ColumnTest]], int, dict[int, int]]] = []  # neighbour rules
        for number, (rule, attrs, index) in enumerate(zip(ruler.patterns, ruler.attrs, ruler.indices)):
            attrs = {int(k): int(v) for k, v in attrs.items()}
            alternatives = rule["patterns"]
            if all(len(alt) == 1 for alt in alternatives):
                self.single.append((number, [_key_test(alt[0]) for alt in alternatives], attrs))
                needed = [_tags_needed(alt[0]) for alt in alternatives]
                self._single_tags.append(None if None in needed else frozenset().union(*needed))
            else:
                self.multi.append((number, [[_column_test(t) for t in alt] for alt in alternatives], int(index), attrs))
        self.outputs = sorted({k for *_, attrs in self.single + self.multi for k in attrs})
        self._column_of = {attr: i for i, attr in enumerate(self.outputs)}
        self._known: dict[Key, Settings] = {}

    @staticmethod
    def supports(ruler: Any) -> bool:
        try:
            AttributeTable(ruler)
        except Unsupported:
            return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        cols = doc.to_array(_INPUT)
        rows = doc.to_array(self.outputs).tolist()
        neighbours = self._neighbour_settings(cols, strings)
        for i, key in enumerate(map(tuple, cols.tolist())):
            settings = self._known.get(key)
            if settings is None:
                if len(self._known) >= MAX_REMEMBERED:
                    self._known.clear()
                settings = self._known[key] = self._settings_for(key, strings)
            if i in neighbours:
                settings = tuple(sorted(settings + neighbours[i]))
            row = rows[i]
            for _, attr, value in settings:
                row[self._column_of[attr]] = value
        doc.from_array(self.outputs, np.array(rows, dtype=np.uint64).reshape(len(doc), len(self.outputs)))
        return doc

    def _settings_for(self, key: Key, strings: StringStore) -> Settings:
        """What the one-token rules do to a token with these four values, in rule order."""
        rules = self._single_by_tag.get(key[0])
        if rules is None:  # the rules that can match this tag, still in rule order (a few dozen of ~180)
            rules = self._single_by_tag[key[0]] = [
                rule for rule, tags in zip(self.single, self._single_tags) if tags is None or key[0] in tags]
        return tuple((number, attr, value)
                     for number, tests, attrs in rules if any(t(key, strings) for t in tests)
                     for attr, value in attrs.items())

    def _neighbour_settings(self, cols: np.ndarray, strings: StringStore) -> dict[int, Settings]:
        """Token position -> what the multi-token rules set on it."""
        n = len(cols)
        found: dict[int, Settings] = {}
        for number, alternatives, index, attrs in self.multi:
            hits: set[int] = set()
            for alt in alternatives:
                length = len(alt)
                starts = np.arange(max(0, n - length + 1))
                for k in sorted(range(length), key=lambda k: alt[k].slow):  # regexes last, on few tokens
                    if not len(starts):
                        break
                    starts = starts[alt[k](cols[starts + k], strings)]
                hits.update((starts + (index if index >= 0 else length + index)).tolist())
            for i in hits:
                found[i] = found.get(i, ()) + tuple((number, attr, value) for attr, value in attrs.items())
        return found
