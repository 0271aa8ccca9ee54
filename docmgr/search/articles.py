"""Laws and their articles, read from a document's own text and recognised in queries.

A question that names an article of a law ("Theo Điều 32, Luật Điện ảnh năm 2022, …") must find
that article first. At indexing time a document tells which law it is, from its title
("Luật Điện ảnh 2022", "Bộ luật Dân sự năm 2015") or the heading of its first page (``LUẬT`` /
``ĐIỆN ẢNH``, ``Luật số: 05/2022/QH15``), and which articles it holds, from its ``Điều N.`` headings at
the start of a line (a cross-reference inside a sentence is not a heading). These become terms of
the ``refs`` field: ``dieu@32``, the law's folded name joined by ``_`` (``luat_dien_anh``, and
``luat_dan_su`` for a ``bo_luat_dan_su``), the name with its year (``luat_dien_anh@2022``) and the law's
number (``05/2022/qh15``). A query is looked at the same way: its ``Điều N`` numbers, and after a law
word (``luật``, ``bộ luật``, ``hiến pháp``, ``pháp lệnh``) every run of the following words as a
possible name (only names some document has match), with the year when one follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docmgr.search.analysis import exact_form, fast_fold

_HEADING = re.compile(r"(?m)^[ \t]*Điều[ \t]+(\d{1,4}[a-zđ]?)[ \t]*[.:][ \t]*([^\n]*)", re.IGNORECASE)
_TITLE_LAW = re.compile(r"^\s*((?:bộ\s+)?luật|hiến\s+pháp|pháp\s+lệnh)\b(.*)$", re.IGNORECASE | re.DOTALL)
_BANNER_WORDS = ("BỘ LUẬT", "LUẬT", "HIẾN PHÁP", "PHÁP LỆNH")
_LAW_NUMBER = re.compile(r"\b(\d{1,3}/((?:19|20)\d\d)/(?:QH|UBTVQH|PL-UBTVQH)\d{0,2})\b", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_WORD = re.compile(r"\w+(?:/\w+)*")
_STOP = {"so", "nam", "ngay"}  # words that end a law's name in a title ("Luật … số …", "… năm 2010")
LAW_WORDS = ("bo_luat", "luat", "hien_phap", "phap_lenh")
MAX_NAME_WORDS = 10
HEAD_CHARS = 1500  # where a law's banner and number are looked for on the first page


def _tokens(text: str) -> list[str]:
    return [fast_fold(t) for t in _WORD.findall(exact_form(text))]


def headings(text: str) -> list[tuple[str, str]]:
    """``(number, heading)`` of each ``Điều N.`` heading starting a line."""
    return [(m.group(1).lower(), m.group(2).strip()) for m in _HEADING.finditer(text)]


def _name_terms(words: list[str], year: str) -> list[str]:
    """``refs`` terms of a law name given as folded words starting with its law word."""
    name = "_".join(words)
    names = [name]
    if name.startswith("bo_luat_"):
        names.append(name[3:])
    return names + [f"{n}@{year}" for n in names if year]


def _title_law(title: str) -> list[str]:
    m = _TITLE_LAW.match(title)
    if not m:
        return []
    words = _tokens(m.group(1)) + _tokens(m.group(2))
    year = ""
    name: list[str] = []
    for i, w in enumerate(words):
        if _YEAR.match(w):
            year = w
            break
        if w in _STOP and i >= 1 and name:
            nxt = words[i + 1] if i + 1 < len(words) else ""
            year = nxt if _YEAR.match(nxt) else ""
            break
        if "/" in w:
            break
        name.append(w)
    if len(name) < 2 or len(name) > MAX_NAME_WORDS:
        return []
    return _name_terms(name, year)


def law_terms(title: str, text: str) -> list[str]:
    """The ``refs`` terms naming the law a document is (none when it is not a law)."""
    head = text[:HEAD_CHARS]
    number = _LAW_NUMBER.search(f"{title}\n{head}")
    terms = _title_law(title)
    if not terms:
        words = _banner(head)
        if words:
            terms = _name_terms(words, number.group(2) if number else "")
    if terms and number:
        terms.append(fast_fold(number.group(1).lower()))
    return terms


def _banner(head: str) -> list[str]:
    """The folded words of a law's name printed in capitals on its first page (``LUẬT`` / ``VIÊN CHỨC``)."""
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    for i, line in enumerate(lines):
        if not line.isupper() or not line.startswith(_BANNER_WORDS):
            continue
        if line in _BANNER_WORDS and i + 1 < len(lines) and lines[i + 1].isupper():
            line = f"{line} {lines[i + 1]}"
        words = _tokens(line)
        if 2 < len(words) <= MAX_NAME_WORDS + 1 and words[1 if words[0] != "bo" else 2] != "so" \
                or len(words) == 2 and words[0] != "luat":
            return words
    return []


def refs_text(title: str, text: str) -> str:
    """The ``refs`` field of a document: its law's terms and ``dieu@N`` for each article heading."""
    terms = law_terms(title, text)
    terms += [f"dieu@{fast_fold(n)}" for n, _ in headings(text)]
    return " ".join(dict.fromkeys(terms))


@dataclass(frozen=True)
class Named:
    """The articles a query names, with every possible name of the law it names them in."""

    articles: tuple[str, ...]
    names: tuple[str, ...]
    dated: tuple[str, ...]  # names with the year the query gives

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(f"dieu@{a}" for a in self.articles)


def named_articles(words: list[str]) -> Named | None:
    """The ``Điều N`` … law reference of a query's words (any order), or None when it has none."""
    toks = [fast_fold(w.lower()) for w in words]
    articles = tuple(dict.fromkeys(toks[i + 1] for i, t in enumerate(toks[:-1])
                                   if t == "dieu" and re.fullmatch(r"\d{1,4}[a-z]?", toks[i + 1])))
    if not articles:
        return None
    names: list[str] = []
    dated: list[str] = []
    for i, t in enumerate(toks):
        start = None
        if t == "luat":
            start = i - 1 if i and toks[i - 1] == "bo" else i
        elif (t, toks[i + 1] if i + 1 < len(toks) else "") in (("hien", "phap"), ("phap", "lenh")):
            start = i
        if start is None:
            continue
        if "/" in (toks[i + 1] if i + 1 < len(toks) else ""):  # "Luật 58/2010/QH12", "Luật số …"
            names.append(toks[i + 1])
        elif i + 2 < len(toks) and toks[i + 1] == "so" and "/" in toks[i + 2]:
            names.append(toks[i + 2])
        for end in range(start + 2, min(len(toks), start + MAX_NAME_WORDS) + 1):
            run = toks[start:end]
            if _YEAR.match(run[-1]) or run[-1] == "dieu" or "/" in run[-1]:
                break
            name = "_".join(run)
            names.append(name)
            after = toks[end:end + 2]
            year = after[0] if after and _YEAR.match(after[0]) else (
                after[1] if len(after) == 2 and after[0] == "nam" and _YEAR.match(after[1]) else "")
            if year:
                dated.append(f"{name}@{year}")
    if not names:
        return None
    return Named(articles, tuple(dict.fromkeys(names)), tuple(dict.fromkeys(dated)))
