"""Vietnamese text helpers used everywhere text enters docmgr.

* :func:`nfc` — every string that enters (PDF text, OCR output, file names, queries) goes through it.
* :func:`fold` — diacritics removed and đ→d (Unicode does not decompose đ), for accent-blind matching.
* :func:`normalize_tones` — one tone placement per syllable ("hoà" and "hòa", "thuỷ" and "thủy",
  "qúy" and "quý" become the same string), so the two spelling habits match each other.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng
_VOWELS = set("aeiouy")
_WORD = re.compile(r"\w+")
_LOWER_VIET_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (precomposed) form."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Remove all diacritics and map đ/Đ to d/D; case is kept.

    >>> fold("Đăng ký khai sinh")
    'Dang ky khai sinh'
    """
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return stripped.replace("đ", "d").replace("Đ", "D")


def has_marks(text: str) -> bool:
    """True when ``text`` carries any Vietnamese diacritic (including đ)."""
    return fold(text) != text


def normalize_tones(text: str) -> str:
    """Put every syllable's tone mark in one canonical place (the traditional placement).

    Open syllables with the glides oa, oe, uy carry the tone on the first vowel (hòa, thủy); a vowel
    with a hat, breve or horn takes the tone (thuở, nguyễn); otherwise the last vowel before a final
    consonant, or the middle vowel of three. The result is NFC.
    """
    return _WORD.sub(lambda m: _syllable(m.group(0)), nfc(text))


@lru_cache(maxsize=65536)
def _syllable(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    if len(tones) != 1:
        return word
    # Split into base letters, each with its non-tone marks.
    letters: list[str] = []
    for ch in decomposed:
        if ch in _TONE_MARKS:
            continue
        if unicodedata.combining(ch) and letters:
            letters[-1] += ch
        else:
            letters.append(ch)
    bases = [unicodedata.normalize("NFD", letter)[0].lower() for letter in letters]
    start = 0
    if len(bases) >= 2 and bases[0] == "q" and bases[1] == "u":
        start = 2
    elif len(bases) >= 3 and bases[0] == "g" and bases[1] == "i" and bases[2] in _VOWELS:
        start = 2
    while start < len(bases) and bases[start] not in _VOWELS:
        start += 1
    end = start
    while end < len(bases) and bases[end] in _VOWELS:
        end += 1
    cluster = list(range(start, end))
    if not cluster:
        return word
    marked = [i for i in cluster if len(letters[i]) > 1]  # â ă ê ô ơ ư carry a mark
    if marked:
        pos = marked[-1]
    elif end < len(bases):  # a final consonant follows
        pos = cluster[-1]
    elif len(cluster) == 3:
        pos = cluster[1]
    else:
        pos = cluster[0]
    letters[pos] += tones[0]
    return unicodedata.normalize("NFC", "".join(letters))


@lru_cache(maxsize=1)
def _collation_table() -> dict[str, int]:
    return {ch: i for i, ch in enumerate(_LOWER_VIET_LETTERS)}


def sort_key(text: str) -> tuple:
    """A sort key following the Vietnamese alphabet (a ă â … đ …) with tones as a secondary key.

    Letters outside the Vietnamese alphabet sort by code point after it; digits come first.
    """
    table = _collation_table()
    primary: list[int] = []
    secondary: list[int] = []
    tone_rank = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
    for ch in nfc(text).lower():
        parts = unicodedata.normalize("NFD", ch)
        tone = next((m for m in parts if m in _TONE_MARKS), "")
        base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in _TONE_MARKS))
        if base in table:
            primary.append(100 + table[base])
        elif base.isdigit():
            primary.append(ord(base) - ord("0"))
        else:
            primary.append(1000 + ord(base))
        secondary.append(tone_rank[tone])
    return tuple(primary), tuple(secondary)


def sort_text(text: str) -> str:
    """:func:`sort_key` as a string whose code-point order is the same order, so that SQLite can sort
    by it with its plain binary collation (and an index can serve the sort)."""
    primary, secondary = sort_key(text)
    # digits 0-9, Vietnamese letters 100+, others 1000+code point: all kept monotonic and below the
    # surrogates (U+D800), which UTF-8 cannot carry
    head = "".join(chr(min(0x20 + p, 0xD7FF)) for p in primary)
    return head + "\x01" + "".join(chr(0x30 + t) for t in secondary)
