"""A generated library the size of years of use at a one-stop desk, for bench/scale.py.

Documents are small Vietnamese texts (1–3 KB) shaped like official paperwork: a two-column header
(issuing body, motto), ``Số: 123/QĐ-UBND``, the place-and-date line, the type heading and its
summary, a few articles, a signature block. The syllables come from the real official documents of
``../shared/data/vn-official-docs-dev`` when that folder is there (a built-in list otherwise), so the
index sees real Vietnamese vocabulary and frequencies. Seeded: the same arguments give the same
library.

The catalog is written directly (documents, pages, fields, the stored originals), as filing would
leave it, without reading or classifying each file again: generating 100k documents takes minutes,
not hours. The search index is then built by ``docmgr reindex`` — itself one of the measured rows.
A share of documents can be marked as scans (``text_source = ocr``, word boxes on the page), which
makes their catalog rows as large as real OCR'd ones.

Also writes the same kind of documents as ``.txt`` files into a folder, for the ingest benchmark.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import unicodedata
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REAL_DOCS = ROOT.parent / "shared" / "data" / "vn-official-docs-dev" / "docs"

_FALLBACK = ("ủy ban nhân dân thành phố quyết định về việc ban hành kế hoạch thực hiện công tác cải cách "
             "hành chính năm trên địa bàn phường xã đất đai hộ tịch đăng ký khai sinh kết hôn chứng thực "
             "bản sao giấy tờ cá nhân tổ chức cơ quan đơn vị trách nhiệm thi hành kể từ ngày ký giám đốc "
             "sở tư pháp tài nguyên môi trường xây dựng giao thông vận tải giáo dục đào tạo y tế văn hóa").split()
_ISSUERS = ("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "ỦY BAN NHÂN DÂN PHƯỜNG NINH KIỀU", "SỞ TƯ PHÁP",
            "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "ỦY BAN NHÂN DÂN XÃ THỚI HƯNG", "SỞ XÂY DỰNG", "CÔNG AN PHƯỜNG CÁI KHẾ",
            "VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "ỦY BAN NHÂN DÂN PHƯỜNG BÌNH THỦY")
_ISSUER_ABBR = ("UBND", "UBND", "STP", "STNMT", "UBND", "SXD", "CAP", "VPĐKĐĐ", "SGDĐT", "UBND")
# (type code, heading, abbreviation in the number; None: a công văn)
_TYPES = (("QD", "QUYẾT ĐỊNH", "QĐ"), ("KH", "KẾ HOẠCH", "KH"), ("TB", "THÔNG BÁO", "TB"),
          ("CV", None, None), ("BC", "BÁO CÁO", "BC"), ("CT", "CHỈ THỊ", "CT"), ("NQ", "NGHỊ QUYẾT", "NQ"),
          ("GM", "GIẤY MỜI", "GM"), ("TTr", "TỜ TRÌNH", "TTr"), ("HD", "HƯỚNG DẪN", "HD"))
_STATUSES = ("confirmed",) * 6 + ("needs-review", "inbox")


def syllables() -> list[str]:
    """Vietnamese syllables with real frequencies (repeated as often as they occur)."""
    words: list[str] = []
    if REAL_DOCS.is_dir():
        for path in sorted(REAL_DOCS.iterdir())[:120]:
            text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8", errors="replace")).lower()
            words.extend(w for w in re.findall(r"[^\W\d_]+", text) if len(w) <= 7)
    return words or list(_FALLBACK)


class Generator:
    """Documents of a generated library, reproducible from ``seed``."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.words = syllables()

    def phrase(self, n: int) -> str:
        return " ".join(self.rng.choice(self.words) for _ in range(n))

    def document(self, i: int) -> dict:
        """One document: its text, type, fields and status."""
        rng = self.rng
        t_code, heading, t_abbr = rng.choice(_TYPES)
        k = rng.randrange(len(_ISSUERS))
        issuer, i_abbr = _ISSUERS[k], _ISSUER_ABBR[k]
        year = rng.choice((2022, 2023, 2024, 2025, 2026))
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        number = f"{rng.randint(1, 3999):02d}/{t_abbr + '-' if t_abbr else ''}{i_abbr}" + (
            "" if t_abbr else f"-{rng.choice(('VP', 'VX', 'KT', 'NC'))}")
        summary = self.phrase(rng.randint(6, 14))
        body = [f"Điều {n}. {self.phrase(rng.randint(25, 70)).capitalize()}." for n in range(1, rng.randint(3, 7))]
        head = [issuer, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", f"Số: {number}",
                f"Cần Thơ, ngày {day:02d} tháng {month:02d} năm {year}"]
        head += [heading, summary.capitalize()] if heading else [f"V/v {summary}"]
        sign = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", self.phrase(3).title()]
        text = "\n".join(head + body + sign)
        return {"i": i, "text": text, "type": t_code, "status": rng.choice(_STATUSES),
                "fields": {"number": number, "issued": f"{year}-{month:02d}-{day:02d}", "issuer": issuer.title(),
                           "summary": summary}}

    def documents(self, n: int) -> Iterator[dict]:
        for i in range(n):
            yield self.document(i)


def generate(root: Path, n: int, *, seed: int = 7, scanned_share: float = 0.3, batch: int = 2000) -> Path:
    """A library of ``n`` generated documents at ``root`` (created; must not hold a library yet)."""
    from docmgr.core.catalog import now_iso
    from docmgr.core.library import Library
    from docmgr.core.models import Document, FieldValue, Page, Word

    library = Library(root)
    if library.catalog.all_ids():
        raise SystemExit(f"{root} already holds a library")
    gen = Generator(seed)
    rng = random.Random(seed + 1)
    added = now_iso()
    docs = gen.documents(n)
    done = 0
    while done < n:
        chunk = [next(docs) for _ in range(min(batch, n - done))]
        with library.catalog.transaction() as tx:
            for d in chunk:
                data = (d["text"] + f"\n(bản {d['i']})\n").encode("utf-8")
                sha = hashlib.sha256(data).hexdigest()
                original = library.original_path(sha, ".txt")
                original.parent.mkdir(parents=True, exist_ok=True)
                original.write_bytes(data)
                scanned = rng.random() < scanned_share
                words = [Word(w, 10 * j, 10, 8, 20, 90.0) for j, w in enumerate(d["text"].split()[:400])] \
                    if scanned else []
                doc = Document(
                    id=0, sha256=sha, filename=f"van-ban-{d['i']:06d}.txt", size=len(data),
                    mime="text/plain", suffix=".txt", added=added, status=d["status"], trashed=False,
                    text_source="ocr" if scanned else "plain", page_count=1, source_path="",
                    type_code=d["type"], confidence=0.95, field_of_work=None, classification={},
                    notes="", fields={k: FieldValue(v, 0.9) for k, v in d["fields"].items()})
                page = Page(number=1, text=d["text"], source="ocr" if scanned else "plain",
                            confidence=0.9 if scanned else None, words=words, steps=[], width=None, height=None)
                library.catalog.insert_document(tx, doc, [page])
        done += len(chunk)
        print(f"\r  generated {done}/{n}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return root


def write_folder(folder: Path, n: int, *, seed: int = 11) -> list[Path]:
    """``n`` generated documents as ``.txt`` files in ``folder`` (for the ingest benchmark)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for d in Generator(seed).documents(n):
        path = folder / f"van-ban-{d['i']:06d}.txt"
        path.write_text(d["text"] + f"\n(bản {d['i']})\n", encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("library", type=Path)
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--scanned-share", type=float, default=0.3)
    a = ap.parse_args()
    generate(a.library, a.docs, seed=a.seed, scanned_share=a.scanned_share)
    print(json.dumps({"library": str(a.library), "documents": a.docs}))
