"""Batching and TSV splitting around the tesseract binary (no tesseract run here)."""

from __future__ import annotations

from docmgr.ingest.ocr import BATCH_MAX, split_batches
from docmgr.ingest.tesseract import parse_tsv_pages

HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def _word(page: int, block: int, line: int, text: str, conf: float = 91.0) -> str:
    return f"5\t{page}\t{block}\t1\t{line}\t1\t10\t20\t30\t40\t{conf}\t{text}"


def test_batches_cover_every_page_once_evenly_and_per_worker() -> None:
    for total in range(0, 40):
        for workers in (1, 2, 4):
            batches = split_batches(total, workers)
            assert [i for b in batches for i in b] == list(range(total))
            assert all(1 <= len(b) <= BATCH_MAX for b in batches)
            if batches:
                assert max(map(len, batches)) - min(map(len, batches)) <= 1
            if total >= workers:
                assert len(batches) % workers == 0
    assert [len(b) for b in split_batches(4, 2)] == [2, 2]


def test_a_multi_page_tsv_is_split_by_page_number() -> None:
    tsv = "\n".join([HEADER, "1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t", _word(1, 1, 1, "Quyết"),
                     _word(1, 1, 1, "định"), _word(1, 2, 1, "Điều"), "1\t2\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t",
                     "1\t3\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t", _word(3, 1, 1, "Thông", 40.0)])
    first, blank, third = parse_tsv_pages(tsv, 3)
    assert first[1] == "Quyết định\n\nĐiều" and [w.text for w in first[0]] == ["Quyết", "định", "Điều"]
    assert blank == ([], "")
    assert third[1] == "Thông" and third[0][0].conf == 40.0
