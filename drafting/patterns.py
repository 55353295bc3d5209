"""Regular expressions that run in time linear in the text, whoever wrote them.

Python's `re` backtracks: a pattern such as `[a-z]+(?:-[a-z0-9]+)*-(?:db|api)...` tried at every
start of a 10 KB run of "x-x-x..." takes seconds, at 1 MB days. RE2 (google-re2) matches with an
automaton instead: no backtracking, time linear in the text, the same leftmost match as `re` for
every pattern it accepts (it refuses lookarounds and back-references).

- Built-in patterns (`builtin`): run on RE2 when `to_re2` can give them Python's meaning there. RE2's
  `\\b`, `\\w`, `\\d` and `\\s` are ASCII-only, so the text is first folded to ASCII one character for
  one (a non-ASCII letter or digit becomes `_`, other whitespace a space, any other symbol DEL) and
  `\\s`, `\\w` are rewritten as the ASCII classes that then mean the same: word boundaries fall where
  Python's Unicode `\\b` puts them and offsets stay true. A trailing `(?![-.]?\\w)` becomes a consumed
  suffix. Patterns with other lookarounds, back-references, a literal `_`, or (outside multi-line mode)
  `^`/`$` stay on `re`; tests/test_hostile_input.py checks both engines agree span for span. Left
  differences: non-ASCII digits for `\\d`, and the four non-ASCII letters Unicode case-folds onto ASCII
  (ſ, K, İ, ı).
- The company's own patterns (`user`): RE2 when it accepts them (on the text as is; `\\w`, `\\d`, `\\b`
  are then ASCII); a pattern with a lookaround or back-reference runs on the `regex` package with
  a time limit, and one that runs out of time is reported, naming it, never left to hang.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import re2
import regex as _regex

from .errors import ConfigError

USER_TIMEOUT_S = 1.0  # per pattern per text, for patterns RE2 cannot run
_MAX_PATTERN_CHARS = 1000

_RE2_MEMORY = 64 << 20


def _re2(source: str, ignore_case: bool):
    """RE2's compiled pattern, or None where RE2 refuses it (quietly: no log line on stderr)."""
    opts = re2.Options()
    opts.log_errors = False
    opts.max_mem = _RE2_MEMORY
    opts.case_sensitive = not ignore_case
    try:
        return re2.compile(source, opts)
    except re2.error:
        return None

# Python's \s on str, as an ASCII class: after folding, every other whitespace is a space.
_SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f "
_WORD = "0-9A-Za-z_"
_IN_CLASS = {"s": _SPACE, "w": _WORD, "d": "0-9"}
_OUTSIDE = {"s": f"[{_SPACE}]", "S": f"[^{_SPACE}]", "w": f"[{_WORD}]", "W": f"[^{_WORD}]", "d": "[0-9]", "D": "[^0-9]"}
_OTHER = "\x7f"  # stands in for non-ASCII symbols: validate() turns a real DEL into a space, so none is left


_TRAILING_LOOKAHEAD = re.compile(r"\(\?!(?:\[([-.,:/]+)\]\?)?\\w\)$")


def to_re2(source: str, multiline: bool = False) -> str | None:
    """The pattern for RE2 on folded text (match span = group 1 if it has a trailing lookahead), or None.

    A trailing `(?![chars]?\\w)` ("not followed by a word, nor by one of chars and a word") becomes a
    consumed suffix that matches exactly where the lookahead would succeed, with the pattern itself
    in group 1; the one or two characters it consumes can never begin a match of a pattern that
    starts at a word boundary, so no match is lost.
    """
    tail = _TRAILING_LOOKAHEAD.search(source)
    if tail is None or not source.startswith("\\b"):
        return _to_re2(source, multiline)
    body = _to_re2(source[:tail.start()], multiline)
    if body is None:
        return None
    chars = re.escape(tail.group(1) or "")
    after = rf"(?:\z|[^{_WORD}{chars}]" + (rf"|[{chars}](?:\z|[^{_WORD}])" if chars else "") + ")"
    return f"({body}){after}"


def _to_re2(source: str, multiline: bool = False) -> str | None:
    """The pattern for RE2 on folded text, with Python's meaning; None if it needs Python's engine.

    Refused: lookarounds and back-references (RE2 has none), '^' and '$' (Python's '$' also matches
    before a final newline), a negated class holding \\S, \\W or \\D, non-ASCII literals, and a literal
    '_' (non-ASCII letters are folded to '_').
    """
    if not source.isascii() or "_" in source.replace("\\_", ""):
        return None  # a literal '_' would also match the stand-in for non-ASCII letters
    if "\\_" in source:
        return None
    out: list[str] = []
    i, in_class = 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            if i + 1 >= len(source):
                return None
            nxt = source[i + 1]
            if nxt.isdigit() and nxt != "0" or nxt in "AZzgkpPN":
                return None  # back-reference or an escape RE2 reads differently
            if in_class:
                if nxt in "SWD":
                    return None
                out.append(_IN_CLASS.get(nxt, ch + nxt))
            else:
                out.append(_OUTSIDE.get(nxt, ch + nxt))
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            out.append(ch)
            i += 1
            continue
        if ch == "[":
            in_class = True
            out.append(ch)
            i += 1
            if i < len(source) and source[i] == "^":
                out.append("^")
                i += 1
            if i < len(source) and source[i] == "]":
                out.append("\\]")
                i += 1
            continue
        if ch in "^$" and not multiline:
            return None  # in multi-line mode both engines mean "at a line's start / before a newline or the end"
        if source.startswith(("(?=", "(?!", "(?<=", "(?<!", "(?P=", "(?#"), i):
            return None
        out.append(ch)
        i += 1
    return "".join(out)


def fold_ascii(text: str) -> str:
    """One character for one: ASCII kept; other letters, digits and marks -> '_'; whitespace -> ' '; the rest -> DEL."""
    if text.isascii():
        return text
    return text.translate(_FOLD)


class _Fold(dict):
    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if code < 128:
            value = ch
        elif re.match(r"\w", ch):
            value = "_"
        elif ch.isspace():
            value = " "
        else:
            value = _OTHER
        self[code] = value
        return value


_FOLD = _Fold()


@dataclass(frozen=True)
class Builtin:
    """A built-in pattern and the engine it runs on."""

    source: str
    ignore_case: bool
    engine: str  # "re2" or "re"
    multiline: bool = False

    def spans(self, text: str, folded: str | None = None) -> Iterator[tuple[int, int]]:
        """(start, end) of each match, as re.finditer gives them; pass fold_ascii(text) when running many."""
        if self.engine == "re2":
            pattern = _compiled_re2(to_re2(self.source, self.multiline), self.ignore_case, self.multiline)
            target = folded if folded is not None else fold_ascii(text)
            group = 1 if _TRAILING_LOOKAHEAD.search(self.source) and self.source.startswith("\\b") else 0
            for m in pattern.finditer(target):
                yield m.span(group)
        else:
            flags = (re.I if self.ignore_case else 0) | (re.M if self.multiline else 0)
            for m in re.compile(self.source, flags).finditer(text):
                yield m.start(), m.end()

    def search(self, text: str, pos: int = 0, folded: str | None = None) -> tuple[int, int] | None:
        """The first match at or after pos, as (start, end), or None."""
        if self.engine == "re2":
            pattern = _compiled_re2(to_re2(self.source, self.multiline), self.ignore_case, self.multiline)
            m = pattern.search(folded if folded is not None else fold_ascii(text), pos)
        else:
            flags = (re.I if self.ignore_case else 0) | (re.M if self.multiline else 0)
            m = re.compile(self.source, flags).search(text, pos)
        return m.span() if m else None


@lru_cache(maxsize=512)
def _compiled_re2(source: str, ignore_case: bool, multiline: bool = False):
    return _re2("(?m)" + source if multiline else source, ignore_case)


@lru_cache(maxsize=512)
def builtin(source: str, ignore_case: bool = True, multiline: bool = False) -> Builtin:
    """A shipped pattern: on RE2 where that gives Python's matches, else on `re`."""
    translated = to_re2(source, multiline)
    if translated is not None and _compiled_re2(translated, ignore_case, multiline) is not None:
        return Builtin(source, ignore_case, "re2", multiline)
    re.compile(source)  # a broken shipped pattern fails loudly in tests
    return Builtin(source, ignore_case, "re", multiline)


@dataclass(frozen=True)
class UserPattern:
    """A pattern from the company config: RE2 if it accepts it, else `regex` with a time limit."""

    source: str
    where: str  # e.g. "leak_patterns.hostnames[2]", named in every message about it

    @property
    def engine(self) -> str:
        return "re2" if _compiled_user_re2(self.source) is not None else "regex"

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        pattern = _compiled_user_re2(self.source)
        if pattern is not None:
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    yield m.start(), m.end()
            return
        compiled = _compiled_regex(self.source)
        try:
            found = [(m.start(), m.end()) for m in compiled.finditer(text, timeout=USER_TIMEOUT_S)]
        except TimeoutError:
            raise ConfigError(
                f"{self.where}: the pattern '{_short(self.source)}' took more than {USER_TIMEOUT_S:g} s on this text "
                "(it backtracks). Rewrite it without nested repeats or lookarounds, or remove it from the config."
            ) from None
        yield from ((s, e) for s, e in found if e > s)


@lru_cache(maxsize=1024)
def _compiled_user_re2(source: str):
    return _re2(source, ignore_case=False)


@lru_cache(maxsize=1024)
def _compiled_regex(source: str):
    return _regex.compile(source, _regex.V0)


def _short(source: str, limit: int = 60) -> str:
    return source if len(source) <= limit else source[:limit] + "..."


def check_user_pattern(source: str, where: str) -> UserPattern:
    """Validate a config pattern; ConfigError names where it is and says what to do."""
    if not source.strip():
        raise ConfigError(f"{where}: the pattern is empty, so it would flag every character. Remove the line or write a pattern.")
    if len(source) > _MAX_PATTERN_CHARS:
        raise ConfigError(f"{where}: the pattern is {len(source):,} characters; the limit is {_MAX_PATTERN_CHARS:,}. "
                          "Split it into several shorter patterns.")
    try:
        re.compile(source)  # the config's dialect is Python's, whichever engine then runs it
    except Exception as exc:  # re.error, OverflowError, RecursionError...: all mean "fix it"
        raise ConfigError(f"{where}: '{_short(source)}' is not a valid regular expression "
                          f"({_reason(exc)}). Fix it or remove it.") from None
    if _compiled_user_re2(source) is None:
        try:
            compiled = _compiled_regex(source)
        except Exception as exc:
            raise ConfigError(f"{where}: '{_short(source)}' is not a valid regular expression "
                              f"({_reason(exc)}). Fix it or remove it.") from None
        empty = compiled.fullmatch("", timeout=USER_TIMEOUT_S)
    else:
        empty = _compiled_user_re2(source).fullmatch("")
    if empty is not None:
        raise ConfigError(f"{where}: '{_short(source)}' matches empty text, so it would flag every character. "
                          "Make every part of it required (e.g. '+' instead of '*').")
    return UserPattern(source, where)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "it nests too deeply"
    if isinstance(exc, OverflowError):
        return "a repeat count is too large"
    if isinstance(exc, MemoryError):
        return "it is too large"
    return str(exc).split("\n")[0][:120]
