"""The in-memory reuse index: MinHash/LSH finds candidates fast, an exact shingle similarity confirms them.

One entry per distinct passage (by normal form), holding every report it appears in, so a
closing paragraph pasted into forty reports is one entry with forty references and is
reported once, with the count.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Hashable

import numpy as np
from datasketch import MinHashLSH

from .text import NUM_PERM, Fingerprint, settings, shingles, text_hash, words

_SIGNATURE_SEED = 11  # fixed, so the same texts always find the same candidates


class Bands:
    """MinHash LSH banding (b bands of r rows, datasketch's optimal choice for the threshold).

    The same scheme as datasketch.MinHashLSH, stored as one sorted array of band keys (each band's
    r values hashed together with the band's number) beside the passage positions. Building it
    is one numpy sort, not a dict insert per band and passage; a query looks up b slices.
    """

    def __init__(self, threshold: float) -> None:
        params = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.b, self.r = params.b, params.r
        self._pending_pos: list[int] = []
        self._pending_sig: list[np.ndarray] = []
        self._keys = np.zeros(0, dtype=np.uint64)        # sorted band keys
        self._positions = np.zeros(0, dtype=np.int64)    # passage position of each key
        self._ranges: dict[int, tuple[int, int]] = {}    # band key -> its slice of _positions
        self._size = 0                                   # highest position + 1
        self._band_ids = np.arange(self.b, dtype=np.uint64)

    def _band_keys(self, signatures: np.ndarray) -> np.ndarray:
        """(n, NUM_PERM) signatures -> (n, b) keys: FNV-style mix of each band's r values and its number."""
        rows = np.asarray(signatures[:, : self.b * self.r], dtype=np.uint64).reshape(len(signatures), self.b, self.r)
        keys = np.broadcast_to(self._band_ids * np.uint64(0x9E3779B97F4A7C15), (len(signatures), self.b)).copy()
        prime = np.uint64(0x100000001B3)
        for j in range(self.r):
            keys = (keys ^ rows[:, :, j]) * prime
        return keys

    def insert(self, position: int, signature: np.ndarray) -> None:
        self._pending_pos.append(position)
        self._pending_sig.append(signature)

    def _flush(self) -> None:
        if not self._pending_pos:
            return
        keys = self._band_keys(np.vstack(self._pending_sig)).ravel()
        positions = np.repeat(np.asarray(self._pending_pos, dtype=np.int64), self.b)
        keys, positions = np.concatenate([self._keys, keys]), np.concatenate([self._positions, positions])
        order = np.argsort(keys, kind="stable")
        self._keys, self._positions = keys[order], positions[order]
        self._pending_pos, self._pending_sig = [], []
        self._size = int(self._positions.max()) + 1
        distinct, starts, counts = np.unique(self._keys, return_index=True, return_counts=True)
        self._ranges = dict(zip(distinct.tolist(), zip(starts.tolist(), (starts + counts).tolist())))

    def query(self, signature: np.ndarray) -> np.ndarray:
        self._flush()
        ranges = self._ranges
        parts = [self._positions[r[0]:r[1]] for r in map(ranges.get, self._band_keys(signature[None, :])[0].tolist()) if r]
        if not parts:
            return np.zeros(0, dtype=np.int64)
        if len(parts) == 1:
            return parts[0]
        seen = np.zeros(self._size, dtype=bool)  # faster than np.unique for a few hundred positions
        for part in parts:
            seen[part] = True
        return np.flatnonzero(seen)


@dataclass(eq=False)
class Entry:
    """One distinct passage and the reports (refs) it appears in."""

    key: str
    text: str
    refs: set[Hashable] = field(default_factory=set)
    _ids: np.ndarray | None = None
    _signature: np.ndarray | None = None  # its MinHash values, for the LSH bands

    @property
    def shingles(self) -> frozenset[str]:
        return shingles(self.text)

    def shingle_ids(self) -> np.ndarray:
        """Kept as a small integer array rather than a set of strings (a 10,000-paragraph library stays small)."""
        if self._ids is None:
            self._ids = shingle_ids(self.shingles)
        return self._ids


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.RandomState(_SIGNATURE_SEED)
    a = rng.randint(1, 1 << 32, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)  # odd: a bijection mod 2^32
    b = rng.randint(0, 1 << 32, size=NUM_PERM, dtype=np.uint64)
    return a, b


def minhash_signature(ids: np.ndarray) -> np.ndarray:
    """MinHash values of a set of 32-bit shingle ids: min over the set of (a*id + b) mod 2^32, per permutation.

    Computed in numpy from ids the index keeps anyway: about 5x faster than hashing every shingle
    again with SHA-1 (datasketch), which matters for a draft's 20-odd passages and a batch's thousands.
    """
    if not len(ids):
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint64)
    a, b = _permutations()
    return ((ids.astype(np.uint64)[:, None] * a + b) & np.uint64(0xFFFFFFFF)).min(axis=0)


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

    def add(self, text: str, ref: Hashable, key: str | None = None,
            vector: np.ndarray | None = None, fp: Fingerprint | None = None) -> None:
        """Add a passage seen in report `ref` (key: its normal-form hash, if already known)."""
        key = fp.key if fp is not None else (key or text_hash(text))
        entry = self.entries.get(key)
        if entry is not None:
            entry.refs.add(ref)
            return
        entry = Entry(key, text, {ref})
        if fp is not None:
            entry._ids = shingle_ids(fp.shingles)
        entry._signature = minhash_signature(entry.shingle_ids())
        self.entries[key] = entry
        self.lsh.insert(len(self._by_pos), entry._signature)
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
        exact = self.entries.get(key)
        qids = exact.shingle_ids() if exact is not None else shingle_ids(sh)
        pos = self.lsh.query(exact._signature if exact is not None else minhash_signature(qids))
        found: dict[str, Match] = {}
        if exact is not None and _refs_without(exact.refs, exclude):
            found[key] = Match(exact, 1.0, _refs_without(exact.refs, exclude))
        if len(pos):
            # exact shingle similarity of every LSH candidate at once (numpy), not one set at a time
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
