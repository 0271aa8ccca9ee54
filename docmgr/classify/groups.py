"""Which training documents belong together, so that cross-validation never tests on what it trained on.

A library often holds several documents that are one document: excerpts or pages of one decision filed
apart, a re-scan, a copy with a stamp, the same form filled twice from one template. If one of them is
in a training fold and another in the test fold, the cross-validated figure measures recall of a text
the model has already seen, not classification of a new one (on the real excerpts of
``vn-legal-doctype`` ungrouped folds said 0.79 where unseen documents gave 0.75).

:func:`near_duplicate_groups` puts documents in one group when they share their own number as printed
(``2820/QĐ-UBND``), where their text stops being boilerplate, or most of their text. "Rare" words are
five-word shingles found in more than one and at most :data:`MAX_DF` documents of the set (and a
quarter of a small set): the motto,
the ``Căn cứ`` lines and other boilerplate occur everywhere and are ignored. Two documents whose first
:data:`LEAD` rare shingles are the same start alike after the boilerplate (one title, one number
line: excerpts or copies of one document); two that share at least :data:`MIN_SHARED` rare shingles
and :data:`NEAR` of the smaller one's are near-duplicates (a re-scan, a copy). Groups are the connected
components (union-find), so a chain of near-duplicates is one group; grouping errs on the side of
merging, which only makes the folds stricter.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from typing import Optional, Sequence

from docmgr.core.text import fold, nfc

SHINGLE = 5
MAX_DF = 12
MIN_SHARED = 10
NEAR = 0.5
LEAD = 3
MAX_WORDS = 3000


def shingles(text: str) -> list[int]:
    """The five-word shingles of a text in reading order (folded, lower case, digits kept), hashed."""
    words = re.findall(r"\w+", fold(nfc(text)).lower())[:MAX_WORDS]
    return [zlib.crc32(" ".join(words[i:i + SHINGLE]).encode()) for i in range(max(0, len(words) - SHINGLE + 1))]


def near_duplicate_groups(texts: Sequence[str], numbers: Optional[Sequence[Optional[str]]] = None) -> list[int]:
    """A group id per text (0…k-1, in order of first appearance); see the module docstring."""
    n = len(texts)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    def link(key: object, i: int, seen: dict[object, int]) -> None:
        union(i, seen.setdefault(key, i))

    by_number: dict[object, int] = {}
    for i, num in enumerate(numbers or ()):
        k = re.sub(r"\s+", "", fold(nfc(num or ""))).upper()
        if k:
            link(k, i, by_number)
    ordered = [shingles(t) for t in texts]
    df: dict[int, int] = defaultdict(int)
    for seq in ordered:
        for h in set(seq):
            df[h] += 1
    top = min(MAX_DF, max(2, n // 4))  # in a small set, what a quarter of it shares is boilerplate
    rare = [[h for h in dict.fromkeys(seq) if 1 < df[h] <= top] for seq in ordered]
    by_lead: dict[object, int] = {}
    holders: dict[int, list[int]] = defaultdict(list)
    for i, seq in enumerate(rare):
        if len(seq) >= LEAD:
            link(tuple(seq[:LEAD]), i, by_lead)  # the same title or number line where the text stops being boilerplate
        for h in seq:
            holders[h].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for docs in holders.values():
        for a_i, a in enumerate(docs):
            for b in docs[a_i + 1:]:
                shared[(a, b)] += 1
    for (a, b), count in shared.items():
        if count >= MIN_SHARED and count >= NEAR * min(len(rare[a]), len(rare[b])):
            union(a, b)
    ids: dict[int, int] = {}
    return [ids.setdefault(find(i), len(ids)) for i in range(n)]
