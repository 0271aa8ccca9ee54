"""Text-layer ingest throughput: docmgr next to raw pdfplumber, same files, same run.

Usage: .venv/bin/python bench/ingest.py [PDF_FOLDER]   (default: ../shared/data/pdfplumber-pdfs)

Measures pages per second for
  * raw pdfplumber: open, ``extract_text()`` on every page, one process (what a script would do);
  * docmgr ingest: the whole service (sniff, sha256, text layer + quality check, original stored,
    catalog transaction) into a fresh library, with its default worker pool;
and reports which pages docmgr sent to OCR (the born-digital files should send none). The ``cpu s``
column (this process plus its worker processes) is steadier than wall time on a shared machine.
Files the raw tool cannot open (empty, encrypted, malformed) are left out of both runs.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def raw_pdfplumber(files: list[Path]) -> int:
    import pdfplumber

    pages = 0
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
                pages += 1
    return pages


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the reader pool, once shut down)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def born_digital(folder: Path) -> list[Path]:
    """PDFs with a text layer on their first pages, per the folder's INVENTORY.tsv (when present)."""
    inventory = folder / "INVENTORY.tsv"
    files = sorted(folder.glob("*.pdf"))
    if not inventory.exists():
        return files
    rows = [line.split("\t") for line in inventory.read_text(encoding="utf-8").splitlines()[1:]]
    keep = {r[0] for r in rows if len(r) > 8 and r[3].isdigit() and int(r[3]) >= 100 and r[6] == "False" and not r[8]}
    return [f for f in files if f.name in keep]


def main() -> None:
    from docmgr.services.ingest import ingest_paths
    from docmgr.services.library import open_library

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "pdfplumber-pdfs"
    files = born_digital(folder)
    start, cpu = time.perf_counter(), _cpu()
    raw_pages = raw_pdfplumber(files)
    raw_s, raw_cpu = time.perf_counter() - start, _cpu() - cpu

    with tempfile.TemporaryDirectory() as tmp:
        library = open_library(Path(tmp) / "library")
        start, cpu = time.perf_counter(), _cpu()
        results = ingest_paths(library, files)
        ours_s, ours_cpu = time.perf_counter() - start, _cpu() - cpu
        pages = sum(r.pages for r in results if r.status == "filed")
        ocr = [(r.path, r.text_source) for r in results if r.text_source not in ("text-layer", None)]
        rejected = [(r.path, r.error) for r in results if r.status == "rejected"]
        ocr_pages = {}
        for r in results:
            if r.status == "filed":
                ocr_pages[Path(r.path).name] = [p.number for p in library.catalog.pages(r.id) if p.source == "ocr"]

    print(f"files: {len(files)} born-digital PDFs from {folder}")
    print(f"{'':24}{'pages':>8}{'seconds':>10}{'pages/s':>10}{'cpu s':>8}")
    print(f"{'raw pdfplumber (1 proc)':24}{raw_pages:>8}{raw_s:>10.2f}{raw_pages / raw_s:>10.1f}{raw_cpu:>8.1f}")
    print(f"{'docmgr ingest':24}{pages:>8}{ours_s:>10.2f}{pages / ours_s:>10.1f}{ours_cpu:>8.1f}")
    print(f"ratio docmgr/raw: {raw_s / ours_s:.2f}x")
    sent = {k: v for k, v in ocr_pages.items() if v}
    print(f"pages sent to OCR: {sum(len(v) for v in sent.values())} {sent if sent else ''}")
    for path, err in rejected:
        print(f"rejected: {path}: {err}")
    if ocr:
        print(f"documents not purely text-layer: {ocr}")


if __name__ == "__main__":
    main()
