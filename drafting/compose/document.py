"""A draft as blocks of sentence units, so a finding can be traced to the sentence that raised it.

Each unit knows whether it came from a template (wording we control, always kept) or from the
write-up (may be rewritten or dropped if the self-check flags it). Rendering gives Markdown and
the character range of every unit.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Unit:
    text: str
    source: str = "template"  # template | writeup
    required: bool = False    # carries a part the stage needs: rewrite it, never drop it
    fixed: bool = False       # a heading or greeting: never reworded
    alt: str = ""             # the wording to use if the self-check finds the draft no longer says what customers saw


@dataclass
class Block:
    kind: str  # h1 | h2 | p | ul | ol | line
    units: list[Unit] = field(default_factory=list)
    fallback: Unit | None = None  # shown as a paragraph when every unit was dropped


@dataclass
class Document:
    blocks: list[Block] = field(default_factory=list)

    def heading(self, text: str, level: int = 2) -> None:
        self.blocks.append(Block(f"h{level}", [Unit(text, required=True, fixed=True)]))

    def paragraph(self, *units: Unit | str | None) -> None:
        items = [u if isinstance(u, Unit) else Unit(u) for u in units if u]
        if items:
            self.blocks.append(Block("p", items))

    def bullets(self, units: list[Unit | str], ordered: bool = False) -> None:
        items = [u if isinstance(u, Unit) else Unit(u) for u in units if u]
        if items:
            self.blocks.append(Block("ol" if ordered else "ul", items))

    def line(self, text: str, required: bool = True) -> None:
        self.blocks.append(Block("line", [Unit(text, required=required, fixed=True)]))

    def units(self) -> list[Unit]:
        return [u for b in self.blocks for u in b.units]

    def render(self) -> tuple[str, list[tuple[Unit, int, int]]]:
        """Markdown text and (unit, start, end) for every unit shown."""
        parts: list[str] = []
        where: list[tuple[Unit, int, int]] = []
        pos = 0

        def emit(s: str, unit: Unit | None = None) -> None:
            nonlocal pos
            if unit is not None:
                where.append((unit, pos, pos + len(s)))
            parts.append(s)
            pos += len(s)

        first = True
        shown = [b for b in self.blocks if any(u.text.strip() for u in b.units) or b.fallback is not None]
        for i, b in enumerate(shown):
            units = [u for u in b.units if u.text.strip()]
            kind = b.kind
            if not units and b.fallback is not None:
                units, kind = [b.fallback], "p"
            if kind == "h2" and (i + 1 == len(shown) or shown[i + 1].kind in ("h1", "h2")):
                continue  # a section left with nothing in it after the self-check: no empty heading
            if not first:
                emit("\n\n")
            first = False
            if kind in ("h1", "h2", "h3"):
                emit("#" * int(kind[1]) + " ")
                emit(units[0].text, units[0])
            elif kind == "p":
                for i, u in enumerate(units):
                    if i:
                        emit(" ")
                    emit(u.text, u)
            elif kind in ("ul", "ol"):
                for i, u in enumerate(units):
                    if i:
                        emit("\n")
                    emit(f"{i + 1}. " if kind == "ol" else "- ")
                    emit(u.text, u)
            else:
                emit(units[0].text, units[0])
        return "".join(parts) + "\n", where
