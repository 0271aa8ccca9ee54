"""Does a value look like what it claims to be? Checks applied before a field is shown.

* :func:`looks_like_agency` — an issuer is an agency's name (``ỦY BAN NHÂN DÂN …``, ``CHÍNH PHỦ``,
  ``SỞ TƯ PHÁP``…): words of letters with at least one word that names a body; a handwritten note
  OCR'd as ``T19!`` is not.
* :func:`plausible_id` — a 12-digit personal ID begins with a province code
  (``resources/id_province_codes.json``, DOMAIN.md §6, [U]) and is not digits read off a dotted
  leader line.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from docmgr.classify.taxonomy import resources_dir
from docmgr.core.text import fold

PROVINCE_FILE = "id_province_codes.json"
# words that name a body in an issuer's line (folded, lower case)
_AGENCY_WORDS = frozenset("""uy ban ubnd hdnd hoi dong bo so chinh phu thu tuong van phong cuc chi tong ban phong
trung tam truong benh vien cong an toa an vien kiem sat quoc hoi dang tinh thanh huyen xa phuong quan thi tran
cong ty tap doan lien doan doan mat tran kho bac ngan hang bao hiem dai hoc hoc vien nha xuat chu tich
thanh tra hoi lien hiep cao dang tu phap""".split())
_LEADER = re.compile(r"(?:[.…_·]\s*){3,}")


def noisy_line(text: str) -> bool:
    """A line OCR made of a stamp, a handwritten note or a smudge (``T19!``), not of printed words."""
    words = text.split()
    if not words or re.search(r"[!?@#$%^*=<>{}\[\]|~]", text) or sum(c.isalpha() for c in text) < 2:
        return True
    for w in words:
        core = w.strip(",.;:-()\"'")
        if core and any(c.isdigit() for c in core) and any(c.isalpha() for c in core):
            return True  # letters and digits mixed in one word
    return False


def looks_like_agency(text: str) -> bool:
    """True when ``text`` reads like the name of an issuing body."""
    if noisy_line(text):
        return False
    folded = re.findall(r"[a-z]+", fold(text).lower())
    letters = sum(len(w) for w in folded)
    if letters < 4 or letters < 0.7 * len(re.sub(r"\s", "", text)):
        return False
    return any(w in _AGENCY_WORDS for w in folded)


@lru_cache(maxsize=1)
def province_codes() -> frozenset[str]:
    """The three-digit province codes a personal ID may begin with."""
    raw = json.loads((resources_dir() / PROVINCE_FILE).read_text(encoding="utf-8"))
    return frozenset(raw["codes"])


def plausible_id(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` (12 digits) a personal ID rather than noise?"""
    digits = text[start:end]
    if digits[:3] not in province_codes() or len(set(digits)) <= 2:
        return False
    around = text[max(0, start - 4):start] + "|" + text[end:end + 4]
    return not _LEADER.search(around)
