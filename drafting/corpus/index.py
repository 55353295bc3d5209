"""The in-memory reuse index: MinHash/LSH finds candidates fast, an exact shingle similarity confirms them.

One entry per distinct passage (by normal form), holding every report it appears in, so a
closing paragraph pasted into forty reports is one entry with forty references and is
reported once, with the count.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Hashable

import numpy as np
from datasketch import MinHash, MinHashLSH

from .text import NUM_PERM, jaccard, minhash, settings, shingles, text_hash, words


# 64 permutations estimate a similarity to within about 0.06 (one standard error) near 0.5.
# Candidates estimated more than 0.2 (over three standard errors) below the threshold are dropped,
# those more than 0.2 above it are counted on the estimate; only the band between is computed exactly.
_ESTIMATE_MARGIN = 0.2
_EXACT_TOP = 3  # the best-looking candidates always get the exact similarity (it is what the message shows)


@dataclass(eq=False)
class Entry:
    """One distinct passage and the reports (refs) it appears in."""

    key: str
    text: str
    refs: set[Hashable] = field(default_factory=set)
    _shingles: frozenset[str] | None = None

    @property
    def shingles(self) -> frozenset[str]:
        if self._shingles is None:
            self._shingles = shingles(self.text)
        return self._shingles


@dataclass
class Match:
    """A stored passage that repeats the queried one, how closely, and in which reports."""

    entry: Entry
    similarity: float
    refs: set[Hashable]
    semantic: bool = False


class ReuseIndex:
    """Exact and near-duplicate passage lookup (optionally semantic, when vectors are given)."""

    def __init__(self) -> None:
        cfg = settings()
        self.threshold = float(cfg["similarity_threshold"])
        self.lsh = MinHashLSH(threshold=float(cfg["candidate_threshold"]), num_perm=NUM_PERM)
        self.entries: dict[str, Entry] = {}
        self._by_pos: list[Entry] = []       # LSH keys are positions in this list
        self._sig_rows: list[np.ndarray] = []
        self._sigs: np.ndarray | None = None  # stacked MinHash signatures, for a vectorised first cut
        self._vec_keys: list[str] = []
        self._vec_rows: list[np.ndarray] = []
        self._matrix: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, text: str, ref: Hashable, mh: MinHash | None = None, key: str | None = None,
            vector: np.ndarray | None = None) -> None:
        key = key or text_hash(text)
        entry = self.entries.get(key)
        if entry is not None:
            entry.refs.add(ref)
            return
        entry = Entry(key, text, {ref})
        mh = mh if mh is not None else minhash(entry.shingles)
        self.entries[key] = entry
        self.lsh.insert(len(self._by_pos), mh, check_duplication=False)
        self._by_pos.append(entry)
        self._sig_rows.append(np.asarray(mh.hashvalues, dtype=np.uint64))
        self._sigs = None
        if vector is not None:
            self._vec_keys.append(key)
            self._vec_rows.append(np.asarray(vector, dtype=np.float32))
            self._matrix = None

    def warm(self) -> None:
        """Compute every entry's shingles now, so the first queries are as fast as the rest."""
        for entry in self._by_pos:
            entry.shingles  # noqa: B018

    @property
    def has_vectors(self) -> bool:
        return bool(self._vec_rows)

    def matches(self, text: str, exclude: Hashable = None, vector: np.ndarray | None = None,
                min_coverage: float = 0.0) -> list[Match]:
        """Every stored passage at or above the similarity threshold, best first.

        min_coverage: share of the queried passage's shingles the stored one must hold (a paragraph
        that only contains a stored sentence is not a reused paragraph).
        """
        key = text_hash(text)
        sh = shingles(text)
        if not sh:
            return []
        mh = minhash(sh)
        candidates = self.lsh.query(mh)
        found: dict[str, Match] = {}
        exact = self.entries.get(key)
        if exact is not None and exact.refs - {exclude}:
            found[key] = Match(exact, 1.0, exact.refs - {exclude})
        if candidates:
            # MinHash estimate first (vectorised); exact shingle similarity where the estimate is not clear-cut
            if self._sigs is None:
                self._sigs = np.vstack(self._sig_rows)
            pos = np.fromiter(candidates, dtype=np.int64, count=len(candidates))
            estimate = (self._sigs[pos] == np.asarray(mh.hashvalues, dtype=np.uint64)).mean(axis=1)
            keep = estimate >= self.threshold - _ESTIMATE_MARGIN
            pos, estimate = pos[keep], estimate[keep]
            sure = self.threshold + _ESTIMATE_MARGIN
            for rank, j in enumerate(np.argsort(-estimate, kind="stable")):
                entry = self._by_pos[int(pos[j])]
                if entry.key == key:
                    continue
                if rank < _EXACT_TOP or estimate[j] < sure or min_coverage > 0:
                    sim = jaccard(sh, entry.shingles)
                    if sim < self.threshold or (min_coverage > 0 and len(sh & entry.shingles) < min_coverage * len(sh)):
                        continue
                else:  # far above the threshold: the estimate is enough to count it
                    sim = float(estimate[j])
                refs = entry.refs - {exclude}
                if refs:
                    found[entry.key] = Match(entry, sim, refs)
        if vector is not None and self._vec_rows:
            for match in self._semantic(text, vector, exclude):
                found.setdefault(match.entry.key, match)
        return sorted(found.values(), key=lambda m: -m.similarity)

    def _semantic(self, text: str, vector: np.ndarray, exclude: Hashable) -> list[Match]:
        """Reworded passages: very close in meaning AND sharing a fair part of their words."""
        cfg = settings()
        if self._matrix is None:
            self._matrix = np.vstack(self._vec_rows)
        sims = self._matrix @ np.asarray(vector, dtype=np.float32)
        out: list[Match] = []
        mine = set(words(text))
        for i in np.nonzero(sims >= float(cfg["semantic_threshold"]))[0]:
            entry = self.entries[self._vec_keys[int(i)]]
            refs = entry.refs - {exclude}
            theirs = set(words(entry.text))
            overlap = len(mine & theirs) / max(1, len(mine | theirs))
            if refs and overlap >= float(cfg["semantic_min_overlap"]):
                out.append(Match(entry, float(sims[i]), refs, semantic=True))
        return out
