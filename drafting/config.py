"""Company configuration: a YAML file a support lead edits (glossary, banned phrases, products, leak patterns, contact)."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import catalog, patterns
from .errors import ConfigError

# Bounds on what a config may hold: a paste or upload can't make loading or checking take minutes.
MAX_CONFIG_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 20               # nesting of mappings and lists
MAX_NODES = 1_000_000        # values, with every YAML alias (*name) counted as what it expands to
MAX_GLOSSARY = 100_000
MAX_LIST = 20_000            # banned_phrases, product_names, public_names, other_customers, ...
MAX_PATTERNS = 1_000         # leak_patterns, all kinds together
MAX_ENTRY_CHARS = 500        # one glossary term, phrase or name

_LIST_KEYS = ("banned_phrases", "product_names", "public_names", "other_customers", "public_domains", "public_hosts", "disabled")
_PATTERN_KEYS = ("hostnames", "tickets", "urls", "secrets", "other")
_KNOWN = {"company", "contact", "glossary", "leak_patterns", "languagetool_url", "library", *_LIST_KEYS}

EXAMPLE = """\
# Company configuration for incident-draft. Every key is optional.
company: Example Pay
contact: support@example.com
glossary:            # term: plain words for general and executive readers
  ledger sync: the process that updates your account balances
banned_phrases:      # flagged as boilerplate wherever they appear
  - world-class service
product_names:       # your own product names: never jargon
  - Example Pay Checkout
public_names:        # people who may be named to customers (spokespeople, account managers)
  - Dana Whitfield
other_customers:     # customer names that must never appear in another customer's note
  - Globex
public_domains:      # your own domains: a host under them is internal unless customers see it
  - example.com
public_hosts:        # hosts under those domains that customers do see (www, status, api... are built in)
  - pay.example.com
leak_patterns:       # regular expressions for internal details
  hostnames: ['\\b[a-z]+-(prod|stg)-\\d+\\b']
  tickets: ['\\bPAY-\\d+\\b']
languagetool_url:    # e.g. http://localhost:8081 ; or set LANGUAGETOOL_URL
library:             # path to the past-reports database (SQLite)
disabled:            # categories or category/rule ids to turn off, e.g. grammar or tone/flippant
"""


@dataclass
class CompanyConfig:
    """A validated company configuration; the empty default changes nothing."""

    company: str = ""
    contact: str = ""
    glossary: dict[str, str] = field(default_factory=dict)
    banned_phrases: list[str] = field(default_factory=list)
    product_names: list[str] = field(default_factory=list)
    public_names: list[str] = field(default_factory=list)
    other_customers: list[str] = field(default_factory=list)
    public_domains: list[str] = field(default_factory=list)
    public_hosts: list[str] = field(default_factory=list)
    leak_patterns: dict[str, list[str]] = field(default_factory=dict)
    languagetool_url: str = ""
    library: str = ""
    disabled: list[str] = field(default_factory=list)

    def fingerprint(self) -> str:
        """Stable hash, so caches built from this config are rebuilt when it changes."""
        return hashlib.sha1(repr(sorted(self.__dict__.items())).encode()).hexdigest()[:12]

    def compiled_leak_patterns(self) -> list[tuple[str, "patterns.UserPattern"]]:
        """Each pattern on a linear-time engine, or with a time limit (drafting/patterns.py)."""
        return [(kind, patterns.check_user_pattern(p, f"leak_patterns.{kind}[{i + 1}]"))
                for kind, pats in self.leak_patterns.items() for i, p in enumerate(pats)]

    def is_disabled(self, category: str, rule: str = "") -> bool:
        """Turned off by name: the whole category ("tone") or one rule ("tone/flippant")."""
        return bool(self.disabled) and (category in self.disabled or f"{category}/{rule}" in self.disabled)

    def grammar_server(self) -> str:
        return (self.languagetool_url or os.environ.get("LANGUAGETOOL_URL", "")).strip()


def _fail(source: str, message: str) -> ConfigError:
    return ConfigError(f"{source}: {message}")


class _LineStr(str):
    """A YAML text value that remembers its line, so an error can point at it."""

    line: int = 0


class _Loader(yaml.SafeLoader):
    pass


def _construct_str(loader: _Loader, node: yaml.Node) -> str:
    value = _LineStr(loader.construct_scalar(node))
    value.line = node.start_mark.line + 1
    return value


_Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)


def _at(value: Any) -> str:
    line = getattr(value, "line", 0)
    return f" (line {line})" if line else ""


def _check_shape(text: str, source: str) -> None:
    """Depth, size and alias expansion from the event stream, before anything is built.

    PyYAML's parser is iterative, so a file nested thousands deep is refused here with its line
    instead of exhausting the recursion of the composer; aliases are counted as what they expand
    to, so a "billion laughs" file is refused in milliseconds.
    """
    if len(text) > MAX_CONFIG_BYTES:
        raise _fail(source, f"is {len(text):,} characters; the limit is {MAX_CONFIG_BYTES:,}. Keep the config to what "
                            "your drafts need.")
    sizes: dict[str, int] = {}
    stack: list[list] = [[None, 0]]  # [anchor, expanded node count]
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            stack.append([event.anchor, 1])
            if len(stack) - 1 > MAX_DEPTH:
                raise _fail(source, f"nests more than {MAX_DEPTH} levels deep at line {event.start_mark.line + 1}. "
                                    "A config is a mapping of keys to text, lists or term: words pairs.")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            anchor, count = stack.pop()
            if anchor:
                sizes[anchor] = count
            stack[-1][1] += count
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                sizes[event.anchor] = 1
            stack[-1][1] += 1
        elif isinstance(event, yaml.AliasEvent):
            stack[-1][1] += sizes.get(event.anchor, 1)
        else:
            continue
        if stack[-1][1] > MAX_NODES or sum(c for _, c in stack[-3:]) > MAX_NODES:
            raise _fail(source, f"holds more than {MAX_NODES:,} values (counting what each alias '*name' repeats), "
                                f"at line {event.start_mark.line + 1}. Write the values out once, without nested aliases.")


def from_dict(data: Any, source: str = "config") -> CompanyConfig:
    """Validate a parsed YAML mapping; every error names the key and says what is expected."""
    if data is None:
        return CompanyConfig()
    if not isinstance(data, dict):
        raise _fail(source, "the file must be a YAML mapping of keys (company:, glossary:, ...), not a list or text.")
    unknown = sorted(set(map(str, data)) - _KNOWN)
    if unknown:
        raise _fail(source, f"unknown key(s) {', '.join(unknown)}. Allowed: {', '.join(sorted(_KNOWN))}.")
    cfg = CompanyConfig()
    for key in ("company", "contact", "languagetool_url", "library"):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, (str, int, float)):
            raise _fail(source, f"'{key}' must be a single text value.")
        setattr(cfg, key, str(value).strip())
    glossary = data.get("glossary") or {}
    if not isinstance(glossary, dict):
        raise _fail(source, "'glossary' must map each term to its plain words, e.g.  ledger sync: balance update.")
    if len(glossary) > MAX_GLOSSARY:
        raise _fail(source, f"'glossary' has {len(glossary):,} terms; the limit is {MAX_GLOSSARY:,}. Keep the terms "
                            "your readers meet.")
    for term, plain in glossary.items():
        if not isinstance(plain, (str, int, float)) or not isinstance(term, (str, int, float)) or not str(term).strip():
            raise _fail(source, f"glossary entry '{_short(term)}'{_at(term)} must map a term to plain words (text).")
        if len(str(term)) > MAX_ENTRY_CHARS or len(str(plain)) > 4 * MAX_ENTRY_CHARS:
            raise _fail(source, f"glossary entry '{_short(term)}'{_at(term)} is too long (a term up to {MAX_ENTRY_CHARS} "
                                "characters, its plain words up to four times that).")
        cfg.glossary[str(term).strip()] = str(plain).strip()
    for key in _LIST_KEYS:
        value = data.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
            raise _fail(source, f"'{key}' must be a list of text values, one per line starting with '- '.")
        if len(value) > MAX_LIST:
            raise _fail(source, f"'{key}' has {len(value):,} entries; the limit is {MAX_LIST:,}.")
        for v in value:
            if len(str(v)) > MAX_ENTRY_CHARS:
                raise _fail(source, f"'{key}' entry '{_short(v)}'{_at(v)} is longer than {MAX_ENTRY_CHARS} characters.")
        setattr(cfg, key, [str(v).strip() for v in value if str(v).strip()])
    _check_disabled(cfg.disabled, source)
    leak = data.get("leak_patterns") or {}
    if isinstance(leak, list):
        leak = {"other": leak}
    if not isinstance(leak, dict):
        raise _fail(source, f"'leak_patterns' must map a kind ({', '.join(_PATTERN_KEYS)}) to a list of regular expressions.")
    total = 0
    for kind, pats in leak.items():
        if kind not in _PATTERN_KEYS:
            raise _fail(source, f"leak_patterns kind '{kind}' is unknown. Use one of: {', '.join(_PATTERN_KEYS)}.")
        if isinstance(pats, str):
            pats = [pats]
        if not isinstance(pats, list):
            raise _fail(source, f"leak_patterns.{kind} must be a list of regular expressions.")
        total += len(pats)
        if total > MAX_PATTERNS:
            raise _fail(source, f"'leak_patterns' holds more than {MAX_PATTERNS:,} patterns. Combine them with | or keep "
                                "the ones you need.")
        for i, pat in enumerate(pats):
            where = f"leak_patterns.{kind}, entry {i + 1}{_at(pat)}"
            if pat is None or not isinstance(pat, (str, int, float)):
                raise _fail(source, f"{where} is {'empty' if pat is None else 'not text'}: write one regular expression "
                                    "per line, e.g. - '\\bPAY-\\d+\\b', or remove the line.")
            try:
                patterns.check_user_pattern(str(pat), where)
            except ConfigError as exc:
                raise _fail(source, str(exc)) from None
        cfg.leak_patterns[kind] = [str(p) for p in pats]
    return cfg


def _check_disabled(disabled: list[str], source: str) -> None:
    """Each entry names a category, or a category and one of its rule ids ("tone/flippant")."""
    known = catalog.all_meta()
    for entry in disabled:
        category, _, rule = entry.partition("/")
        if category not in known:
            raise _fail(source, f"disabled: '{entry}' names no category. Categories: {', '.join(known)}.")
        if rule and rule not in known[category].messages and rule != "model":
            rules_ = ", ".join(f"{category}/{r}" for r in known[category].messages if r != "default")
            raise _fail(source, f"disabled: '{entry}' is not a rule of {category}. Its rules: {rules_ or category}.")


def _short(value: Any, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "..."


def from_yaml(text: str, source: str = "config") -> CompanyConfig:
    if not isinstance(text, str):
        raise _fail(source, "must be YAML text.")
    try:
        _check_shape(text, source)
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 (a SafeLoader that records lines)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise _fail(source, f"is not valid YAML{where}. Check indentation and quotes.") from None
    except RecursionError:
        raise _fail(source, f"nests too deeply. Keep it to {MAX_DEPTH} levels.") from None
    return from_dict(data, source)


def load(path: str | os.PathLike | None) -> CompanyConfig:
    """Load a config file; None gives the empty default."""
    if not path:
        return CompanyConfig()
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"Config file '{p}' was not found. Create it (see `incident-draft config-example`) or fix the path.")
    try:
        if p.stat().st_size > MAX_CONFIG_BYTES:
            raise ConfigError(f"Config file '{p}' is larger than {MAX_CONFIG_BYTES // (1024 * 1024)} MB. Keep the config "
                              "to what your drafts need.")
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Config file '{p}' could not be read as UTF-8 text ({exc.__class__.__name__}).") from None
    return from_yaml(text, str(p))
