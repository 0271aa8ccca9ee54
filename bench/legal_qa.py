"""Real legal questions for ``bench/search.py``: the articles of ``vn-legal-qa-dev`` as documents and
the dev statements in the three forms questions are asked in, generated deterministically.

Documents: one per article, titled with its law as the data set names it ("Luật Điện ảnh 2022") and
its text headed as printed ("Điều 32. Phân loại phim …"); the index reads the law and the article
number from that title and heading itself (nothing from the labels below).

Question sets (each typed with and without diacritics by the caller):

* ``statements`` — the 100 true/false statements as they are;
* ``asked`` — the same asked as true/false questions ("Nhận định sau đúng hay sai: …", "… đúng không?");
* ``choice`` — multiple choice: "Đâu là …?" / "Đâu không phải là …?", the statement split into a stem
  and an answer; half of them with four options appended (``A. … B. … C. … D. …``, the answer among
  three distractors: answers of statements about other articles, of the same law when there are any);
* ``naming`` — the statement asked of a named article ("Theo Điều 32, Luật Điện ảnh năm 2022, …"),
  in five wordings, the law's name as printed or in lower case;
* ``naming-all`` — article-naming questions over all 18 laws: an article drawn at random (seeded),
  asked by its heading ("Theo Điều 5 Bộ luật Dân sự năm 2015, … được quy định như thế nào?").
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

Item = tuple[str, set[int]]

_COPULAS = ("là", "có", "được", "phải", "gồm", "không")
_ASKED = ("Nhận định sau đúng hay sai: {s}", "{s}, đúng hay sai?", "Có phải {l} không?",
          "{s}. Đúng hay sai?", "Cho hỏi: {l} đúng không?")
_NAMING = ("Theo Điều {n}, {law} năm {y}, {l}?", "Theo quy định tại Điều {n} {law} {y} thì {l} đúng không?",
           "Căn cứ Điều {n} của {law} năm {y}, {l}?", "{s}, theo Điều {n} {law} năm {y}?",
           "Điều {n} {law} năm {y} quy định {l} phải không?")


def load(folder: Path) -> tuple[list[tuple[str, str]], dict[tuple[str, str], int], list[dict]]:
    """(title, text) per article, (law, article) → 1-based record id, and the dev questions."""
    laws = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    records: list[tuple[str, str]] = []
    ids: dict[tuple[str, str], int] = {}
    for law in laws:
        for art in law["articles"]:
            records.append((law["id"], f"Điều {art['id']}. {art['text']}"))
            ids[(law["id"], art["id"])] = len(records)
    questions = [json.loads(line) for line in (folder / "questions.jsonl").open(encoding="utf-8")]
    return records, ids, questions


def _relevant(q: dict, ids: dict[tuple[str, str], int]) -> set[int]:
    return {ids[(r["law"], r["article"])] for r in q["relevant"] if (r["law"], r["article"]) in ids}


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s[:2] != s[:2].upper() else s


def _law_parts(law: str) -> tuple[str, str]:
    """"Luật Điện ảnh 2022" → ("Luật Điện ảnh", "2022")."""
    m = re.match(r"^(.*?)\s+(\d{4})$", law)
    return (m.group(1), m.group(2)) if m else (law, "")


def split_statement(s: str) -> tuple[str, str]:
    """A statement as (stem, answer): "X là gì? Trả lời: Y" → (X, Y); else split after a copula."""
    s = s.strip().rstrip(" .;")
    if "Trả lời:" in s:
        stem, _, answer = s.partition("Trả lời:")
        stem = re.sub(r"\s*(là gì|nào sau đây|như thế nào)?\s*\?\s*$", "", stem.strip())
        return stem, answer.strip().rstrip(" .")
    words = s.split()
    for i, w in enumerate(words[2:-2], 2):
        if w in _COPULAS:
            return " ".join(words[:i]), " ".join(words[i + 1:])
    mid = len(words) // 2
    return " ".join(words[:mid]), " ".join(words[mid:])


def statements(questions: list[dict], ids: dict) -> list[Item]:
    return [(q["question"], _relevant(q, ids)) for q in questions]


def asked(questions: list[dict], ids: dict) -> list[Item]:
    out = []
    for i, q in enumerate(questions):
        s = q["question"].strip().rstrip(" .")
        out.append((_ASKED[i % len(_ASKED)].format(s=s, l=_lower_first(s)), _relevant(q, ids)))
    return out


def choice(questions: list[dict], ids: dict, seed: int) -> list[Item]:
    rng = random.Random(seed)
    parts = [split_statement(q["question"]) for q in questions]
    out = []
    for i, q in enumerate(questions):
        stem, answer = parts[i]
        rel = _relevant(q, ids)
        law = q["relevant"][0]["law"]
        others = [j for j, o in enumerate(questions) if not (_relevant(o, ids) & rel)]
        same = [j for j in others if o_law(questions[j]) == law]
        pool = same if len(same) >= 3 else others
        head = "Đâu không phải là" if i % 2 else "Đâu là"
        if i % 4 < 2:  # with options
            options = [answer] + [parts[j][1] for j in rng.sample(pool, 3)]
            rng.shuffle(options)
            listed = " ".join(f"{k}. {_lower_first(o)}" for k, o in zip("ABCD", options))
            out.append((f"{head} {_lower_first(stem)}? {listed}", rel))
        else:
            out.append((f"{head} {_lower_first(stem)} {_lower_first(answer)}?", rel))
    return out


def o_law(q: dict) -> str:
    return str(q["relevant"][0]["law"])


def naming(questions: list[dict], ids: dict) -> list[Item]:
    out = []
    for i, q in enumerate(questions):
        ref = q["relevant"][0]
        name, year = _law_parts(ref["law"])
        law = name if i % 2 == 0 else name.lower()
        s = q["question"].strip().rstrip(" .?")
        text = _NAMING[i % len(_NAMING)].format(n=ref["article"], law=law, y=year, s=s, l=_lower_first(s))
        out.append((text, _relevant(q, ids)))
    return out


def naming_all(records: list[tuple[str, str]], n: int, seed: int) -> list[Item]:
    rng = random.Random(seed)
    out = []
    for k, i in enumerate(rng.sample(range(len(records)), min(n, len(records)))):
        title, text = records[i]
        m = re.match(r"Điều (\w+)\. ([^\n]*)", text)
        if not m:
            continue
        name, year = _law_parts(title)
        law = name if k % 2 == 0 else name.lower()
        heading = _lower_first(m.group(2).strip().rstrip("."))
        out.append((f"Theo Điều {m.group(1)} {law} năm {year}, {heading} được quy định như thế nào?", {i + 1}))
    return out


def question_sets(folder: Path, seed: int) -> tuple[list[tuple[str, str]], dict[str, list[Item]]]:
    """The article records and every question set by name."""
    records, ids, questions = load(folder)
    return records, {"statements": statements(questions, ids), "asked": asked(questions, ids),
                     "choice": choice(questions, ids, seed), "naming": naming(questions, ids),
                     "naming-all": naming_all(records, 100, seed)}
