"""Which words could be Vietnamese syllables: the phonotactics of written Vietnamese.

A Vietnamese syllable is an optional initial consonant (b, c, ch, d, đ, g, gh, gi, h, k, kh, l, m,
n, ng, ngh, nh, p, ph, qu, r, s, t, th, tr, v, x), a rhyme (an optional glide o/u, a vowel nucleus, an
optional final: c, ch, m, n, ng, nh, p, t or the glides i/y, o, u) and one of six tones. Spelling adds
its own rules (k, gh, ngh only before i, e, ê; c, g, ng not there; a rhyme closed by p, t, c or ch
takes only the sắc or nặng tone). About 4,000 toneless syllables come out of these rules; a word
outside them is no Vietnamese word ("Hcok", "VIVT", "CHiJ").

Used to tell a scanner's own OCR layer, made without Vietnamese, from a real text layer: its words
look Vietnamese with the marks lost ("THANH PHO DA NANG") and many are no syllable at all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from docmgr.core.text import fold

INITIALS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
            "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")
# toneless rhymes, by nucleus (glides o/u included; the rhymes after qu are written without the u)
RHYMES = """
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
y yêm yên yêt yêu
o oc oi om on ong op ot ooc oong
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u uc ui um un ung up ut ua uôc uôi uôm uôn uông uôt
uân uâng uât uây uê uêch uênh uy uych uyn uynh uyp uyt uya uyên uyêt uyu uơ
ư ưc ưi ưm ưn ưng ưt ưu ưa ươc ươi ươm ươn ương ươp ươt ươu
""".split()
_FRONT = ("i", "e", "ê", "y")
_STOPS = ("p", "t", "c", "ch")
_TONES = {"\u0300": "huyền", "\u0301": "sắc", "\u0303": "ngã", "\u0309": "hỏi", "\u0323": "nặng"}
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]+")   # Latin letters (Vietnamese ones included), no digits


def _spellings() -> set[str]:
    """Every toneless syllable the spelling rules allow."""
    out: set[str] = set()
    for initial in INITIALS:
        for rhyme in RHYMES:
            first = rhyme[0]
            if initial in ("k", "gh", "ngh") and first not in _FRONT:
                continue
            if initial in ("c", "g", "ng") and first in _FRONT:
                continue
            if initial == "qu":
                if rhyme.startswith(("o", "u", "ư")):
                    continue   # qu carries the glide itself: "qua", "quân", "quyết"
            if initial == "gi" and first == "i":
                out.add("g" + rhyme)   # "gì", "giêng": the i is shared
                continue
            out.add(initial + rhyme)
    out.add("gi")
    return out


TONELESS = frozenset(_spellings())
FOLDED = frozenset(fold(s) for s in TONELESS)


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """Whether ``word`` (any case; with or without its marks) can be a Vietnamese syllable.

    A word with marks must be a syllable as written (tone included: "hợp", not "hởp"); a word
    without any mark is a syllable if some marked spelling of it is ("THANH", "PHO", "NGHIA").
    """
    lower = word.lower()
    decomposed = unicodedata.normalize("NFD", lower)
    tones = [ch for ch in decomposed if ch in _TONES]
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    if base == fold(base) and not tones:
        return base in FOLDED
    if len(tones) > 1 or base not in TONELESS:
        return False
    if tones and base.endswith(_STOPS) and _TONES[tones[0]] not in ("sắc", "nặng"):
        return False
    return True


@dataclass(frozen=True)
class Reading:
    """How a text's words read as Vietnamese: ``words`` counted (letters only, two or more),
    ``marked`` share carrying a Vietnamese mark, ``syllables`` share that can be syllables,
    ``odd_case`` share with a capital after a small letter."""

    words: int
    marked: float
    syllables: float
    odd_case: float


def read_words(text: str) -> Reading:
    """Count the words of ``text`` (NFC expected) against the syllable rules."""
    words = [w for w in _WORD.findall(text) if len(w) >= 2]
    if not words:
        return Reading(0, 0.0, 0.0, 0.0)
    marked = sum(1 for w in words if fold(w) != w)
    valid = sum(1 for w in words if is_syllable(w))
    odd = sum(1 for w in words if _odd_case(w))
    n = len(words)
    return Reading(n, marked / n, valid / n, odd / n)


def _odd_case(word: str) -> bool:
    """A capital right after a small letter: "CHiJ", "xA", "HQi" (not "Hà", "UBND", "iPhone" twice)."""
    return any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False))


def quality(text: str) -> float:
    """How well ``text`` reads as Vietnamese: the share of its words that can be syllables plus the
    share that carry their marks (0-2; higher is better). Used to choose between two readings of
    one page."""
    reading = read_words(text)
    return reading.syllables + reading.marked - reading.odd_case
