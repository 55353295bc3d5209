"""The import graph runs one way (front ends -> drafting -> composing/library/model -> checks -> base).

Read from the source with the ast module, so every import counts, including the ones inside a
function: a lazy import is still a dependency. Three rules:

1. a module imports only from its own layer or the layers below it (LAYERS, top first);
2. no cycles between modules;
3. no ``_private`` name is taken from another module (``from .x import _y`` or ``x._y``).

KNOWN lists an edge that breaks a rule in a file another issue is rewriting; each names its owner
and the one-line fix, and the test fails once the edge is gone so the entry is removed with it.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Top first. A module may import from its own layer and any layer below.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("front ends", ("app", "drafting.cli", "drafting.commands", "drafting.ui")),
    ("drafting, batch, rewrite", ("drafting", "drafting.draft", "drafting.batch", "drafting.batch_report",
                                  "drafting.rewrite", "drafting.sarif", "drafting.engine", "drafting.classifier.evaluate")),
    ("compose, corpus, classifier", ("drafting.compose", "drafting.corpus", "drafting.classifier",
                                     "drafting.combine", "drafting.embeddings")),
    ("reading a write-up into facts", ("drafting.facts", "drafting.reading", "drafting.redact")),
    ("checks", ("drafting.checks", "drafting.registry")),
    ("base", ("drafting.findings", "drafting.catalog", "drafting.context", "drafting.nlp", "drafting.resources",
              "drafting.config", "drafting.errors", "drafting.offline", "drafting.textprep", "drafting.textspans",
              "drafting.readability", "drafting.attribute_table", "drafting.entity_gate", "drafting.encoder",
              "drafting.exits", "drafting.patterns", "drafting.csvsafe", "drafting.score", "drafting.documents")),
]

# (importer, imported): owner, and the change that removes it.
KNOWN: dict[tuple[str, str], str] = {}
KNOWN_PRIVATE: dict[tuple[str, str, str], str] = {}


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    files = [ROOT / "app.py", *sorted((ROOT / "drafting").rglob("*.py"))]
    return {_module_name(p): p for p in files}


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _runtime_nodes(tree: ast.AST):
    """Every node except those under ``if TYPE_CHECKING:`` (type-only imports run nothing, so make no cycle)."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", "")) == "TYPE_CHECKING":
            skip.update(id(n) for child in node.body for n in ast.walk(child))
    return (n for n in ast.walk(tree) if id(n) not in skip)


def _graph() -> tuple[dict[str, set[str]], list[tuple[str, str, str]]]:
    """Edges between project modules, and the private names each module takes from another."""
    sources = _sources()
    known = set(sources)

    def project(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    edges: dict[str, set[str]] = {m: set() for m in sources}
    private: list[tuple[str, str, str]] = []
    for module, path in sources.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        is_package = path.name == "__init__.py"
        aliases: dict[str, str] = {}
        for node in _runtime_nodes(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    target = project(a.name)
                    if target:
                        edges[module].add(target)
                        aliases[a.asname or a.name.split(".")[0]] = target
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(module, is_package, node)
                for a in node.names:
                    sub = project(f"{base}.{a.name}")
                    target = sub if sub == f"{base}.{a.name}" else project(base)
                    if not target:
                        continue
                    if target != module:
                        edges[module].add(target)
                    if sub == f"{base}.{a.name}":
                        aliases[a.asname or a.name] = sub
                    elif a.name.startswith("_") and not a.name.startswith("__") and target != module:
                        private.append((module, target, a.name))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases
                    and node.attr.startswith("_") and not node.attr.startswith("__")
                    and aliases[node.value.id] != module):
                private.append((module, aliases[node.value.id], node.attr))
    return edges, private


def _layer(module: str) -> int:
    best, depth = None, -1
    for i, (_, prefixes) in enumerate(LAYERS):
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and len(p) > depth:
                best, depth = i, len(p)
    if best is None:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS in tests/test_architecture.py")
    return best


def test_every_module_has_a_layer():
    for module in _sources():
        _layer(module)


def test_imports_run_downward():
    edges, _ = _graph()
    upward = sorted((m, t) for m, targets in edges.items() for t in targets
                    if _layer(t) < _layer(m) and not (m == "drafting" and t.startswith("drafting")))
    unexpected = [e for e in upward if e not in KNOWN]
    assert not unexpected, "imports that run upward:\n" + "\n".join(
        f"  {m} ({LAYERS[_layer(m)][0]}) imports {t} ({LAYERS[_layer(t)][0]})" for m, t in unexpected)
    stale = [e for e in KNOWN if e not in upward]
    assert not stale, f"remove these fixed entries from KNOWN: {stale}"


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles():
    edges, _ = _graph()
    # a package's __init__ re-exporting its own modules is not a cycle of design
    pruned = {m: {t for t in ts if not (t == m.rpartition(".")[0] or m == t.rpartition(".")[0])
                  and (m, t) not in KNOWN} for m, ts in edges.items()}
    pruned = {m: {t for t in ts if not t.startswith(m + ".")} for m, ts in pruned.items()}
    assert not _cycles(pruned)


def test_no_private_names_across_modules():
    _, found = _graph()
    private = [p for p in found if p not in KNOWN_PRIVATE]
    assert not [p for p in KNOWN_PRIVATE if p not in found], "remove fixed entries from KNOWN_PRIVATE"
    assert not private, "private names used from another module:\n" + "\n".join(
        f"  {m} uses {t}.{n}" for m, t, n in sorted(set(private)))


@pytest.mark.parametrize("limit", [400])
def test_no_module_over_400_lines(limit):
    exempt = {"drafting.extract"}  # being replaced in issue 11
    long = {m: n for m, p in _sources().items()
            if m.startswith("drafting") and m not in exempt and (n := len(p.read_text(encoding="utf-8").splitlines())) > limit}
    assert not long, f"modules over {limit} lines: {long}"
