"""The in-memory reuse index: MinHash/LSH finds candidates fast, an exact shingle similarity confirms them.

One entry per distinct passage (by normal form), holding every report it appears in, so a
closing paragraph pasted into forty reports is one entry with forty references and is
reported once, with the count.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Hashable

import numpy as np
from datasketch import MinHash, MinHashLSH

from .text import NUM_PERM, Fingerprint, minhash, settings, shingles, text_hash, words


class Bands:
    """MinHash LSH banding (b bands of r rows, datasketch's optimal choice for the threshold).

    The same scheme as datasketch.MinHashLSH, kept in plain dicts of position lists so a query
    gathers its candidates with numpy instead of adding them to a set one by one.
    """

    def __init__(self, threshold: float) -> None:
        params = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.b, self.r = params.b, params.r
        self.tables: list[dict[bytes, list[int]]] = [{} for _ in range(self.b)]
        self._arrays: list[dict[bytes, np.ndarray]] = [{} for _ in range(self.b)]  # buckets as arrays, made on first query

    def _keys(self, mh: MinHash) -> list[bytes]:
        raw = np.asarray(mh.hashvalues, dtype=np.uint64).tobytes()
        step = self.r * 8
        return [raw[i * step:(i + 1) * step] for i in range(self.b)]

    def insert(self, position: int, mh: MinHash) -> None:
        for table, arrays, key in zip(self.tables, self._arrays, self._keys(mh)):
            table.setdefault(key, []).append(position)
            arrays.pop(key, None)

    def query(self, mh: MinHash) -> np.ndarray:
        buckets = []
        for table, arrays, key in zip(self.tables, self._arrays, self._keys(mh)):
            bucket = arrays.get(key)
            if bucket is None:
                if key not in table:
                    continue
                bucket = arrays[key] = np.array(table[key], dtype=np.int64)
            buckets.append(bucket)
        if not buckets:
            return np.zeros(0, dtype=np.int64)
        return buckets[0] if len(buckets) == 1 else np.unique(np.concatenate(buckets))


@dataclass(eq=False)
class Entry:
    """One distinct passage and the reports (refs) it appears in."""

    key: str
    text: str
    refs: set[Hashable] = field(default_factory=set)
    _ids: np.ndarray | None = None

    @property
    def shingles(self) -> frozenset[str]:
        return shingles(self.text)

    def shingle_ids(self) -> np.ndarray:
        """Kept as a small integer array rather than a set of strings (a 10,000-paragraph library stays small)."""
        if self._ids is None:
            self._ids = shingle_ids(self.shingles)
        return self._ids


def shingle_ids(sh: frozenset[str]) -> np.ndarray:
    """32-bit ids of a shingle set, sorted and unique (so overlaps can be counted with numpy)."""
    return np.unique(np.fromiter((zlib.crc32(x.encode("utf-8")) for x in sh), dtype=np.uint32, count=len(sh)))


def _refs_without(refs: set[Hashable], exclude: Hashable) -> set[Hashable]:
    """The reports a passage appears in, leaving out the one being checked (copied only if it is there)."""
    return refs - {exclude} if exclude in refs else refs


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
        self.lsh = Bands(float(cfg["candidate_threshold"]))
        self.entries: dict[str, Entry] = {}
        self._by_pos: list[Entry] = []       # LSH keys are positions in this list
        self._flat: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None  # all shingle ids, offsets, lengths
        self._vocab: np.ndarray = np.zeros(0, dtype=np.uint32)  # distinct shingle ids; _flat holds positions in it
        self._vec_keys: list[str] = []
        self._vec_rows: list[np.ndarray] = []
        self._matrix: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, text: str, ref: Hashable, mh: MinHash | None = None, key: str | None = None,
            vector: np.ndarray | None = None, fp: Fingerprint | None = None) -> None:
        key = fp.key if fp is not None else (key or text_hash(text))
        entry = self.entries.get(key)
        if entry is not None:
            entry.refs.add(ref)
            return
        entry = Entry(key, text, {ref})
        if fp is not None:
            entry._ids = shingle_ids(fp.shingles)
        mh = mh if mh is not None else (fp.minhash if fp is not None else minhash(entry.shingles))
        self.entries[key] = entry
        self.lsh.insert(len(self._by_pos), mh)
        self._by_pos.append(entry)
        self._flat = None
        if vector is not None:
            self._vec_keys.append(key)
            self._vec_rows.append(np.asarray(vector, dtype=np.float32))
            self._matrix = None

    def warm(self) -> None:
        """Lay out every entry's shingle ids now, so the first queries are as fast as the rest."""
        self._flat_ids()

    def _flat_ids(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self._flat is None:
            parts = [e.shingle_ids() for e in self._by_pos]
            lengths = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
            offsets = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(parts) else np.zeros(0, dtype=np.int64)
            flat = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint32)
            # numbered 0..V-1, so a query marks its shingles in a V-long mask and candidates are read by lookup
            self._vocab, dense = np.unique(flat, return_inverse=True)
            self._flat = (dense.astype(np.int32), offsets.astype(np.int64), lengths)
        return self._flat

    def _overlaps(self, query_ids: np.ndarray, pos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(shared shingles, stored set size) for each candidate position, in one vectorised pass."""
        flat, offsets, lengths = self._flat_ids()
        if not len(pos):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        lens = lengths[pos]
        starts = offsets[pos]
        seg = np.concatenate(([0], np.cumsum(lens)[:-1]))
        index = np.repeat(starts - seg, lens) + np.arange(int(lens.sum()))
        vocab = self._vocab
        at = np.minimum(np.searchsorted(vocab, query_ids), len(vocab) - 1)
        mine = np.zeros(len(vocab), dtype=np.int32)
        mine[at[vocab[at] == query_ids]] = 1
        return np.add.reduceat(mine[flat[index]], seg), lens

    def _entry_ids(self, key: str) -> np.ndarray:
        return self.entries[key].shingle_ids()

    @property
    def has_vectors(self) -> bool:
        return bool(self._vec_rows)

    def matches(self, text: str, exclude: Hashable = None, vector: np.ndarray | None = None,
                min_coverage: float = 0.0, fp: Fingerprint | None = None) -> list[Match]:
        """Every stored passage at or above the similarity threshold, best first.

        min_coverage: share of the queried passage's shingles the stored one must hold (a paragraph
        that only contains a stored sentence is not a reused paragraph).
        """
        fp = fp or Fingerprint.of(text)
        key, sh = fp.key, fp.shingles
        if not sh:
            return []
        pos = self.lsh.query(fp.minhash)
        found: dict[str, Match] = {}
        exact = self.entries.get(key)
        if exact is not None and _refs_without(exact.refs, exclude):
            found[key] = Match(exact, 1.0, _refs_without(exact.refs, exclude))
        if len(pos):
            # exact shingle similarity of every LSH candidate at once (numpy), not one set at a time
            qids = self._entry_ids(key) if key in self.entries else shingle_ids(sh)
            # Jaccard >= t needs the smaller set to be at least t times the larger: drop the rest unread
            lengths = self._flat_ids()[2][pos]
            pos = pos[(lengths >= self.threshold * len(qids)) & (lengths * self.threshold <= len(qids))]
            shared, sizes = self._overlaps(qids, pos)
            sims = shared / (sizes + len(qids) - shared)
            ok = sims >= self.threshold
            if min_coverage > 0:
                ok &= shared >= min_coverage * len(qids)
            for j in np.nonzero(ok)[0]:
                entry = self._by_pos[int(pos[j])]
                if entry.key == key:
                    continue
                refs = _refs_without(entry.refs, exclude)
                if refs:
                    found[entry.key] = Match(entry, float(sims[j]), refs)
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
