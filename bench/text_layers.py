"""Text-layer throughput on the real born-digital mix: docmgr end to end next to raw pypdfium2 and raw
pdfplumber, same files, same run.

Usage: .venv/bin/python bench/text_layers.py [--profile] [--no-cli] [--vn-docs N]

The mix: the born-digital PDFs of ``../shared/data/pdfplumber-pdfs`` (real files: US/French public
documents, tables, Chinese; the broken and image-only ones left out, as ``bench/ingest.py`` does) and
Vietnamese born-digital PDFs typeset here from the real official texts of
``../shared/data/vn-official-docs-dev`` the way Decree 30/2020 lays them out (two-column header in
DejaVu Serif 12-13 pt, bold title, justified 13 pt body, a table). The Vietnamese PDFs are built once
into a cache folder under the system temp folder, never into the repository.

Measured, one after the other on the same files:
  * raw pypdfium2: open, ``get_textpage().get_text_range()`` on every page, one process;
  * raw pdfplumber: open, ``extract_text()`` on every page, one process (what docmgr used to do);
  * docmgr in-process: ``ingest_paths`` into a fresh library (its worker pool, classification on,
    originals stored, catalog, search index);
  * docmgr CLI: ``docmgr --library NEW ingest FILES... --json`` in a fresh process (process start,
    imports and model loading included): the figure a clerk sees.
``cpu s`` is this process plus its finished children (steadier than wall time on a shared machine).
``--profile`` runs the in-process ingest under cProfile and prints where the main process spends.

:func:`run` returns the figures as a dict (``bench/ocr_real.py`` prints them beside its OCR sets).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("DOCMGR_SHARED_DATA", ROOT.parent / "shared" / "data"))
PDF_FOLDER = SHARED / "pdfplumber-pdfs"
VN_DOCS = SHARED / "vn-official-docs-dev" / "docs"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
LAYOUT_VERSION = "1"   # bump when the typesetting below changes (the cache is keyed by it)


# -- the Vietnamese born-digital PDFs -------------------------------------------------------------

def _split_header(lines: list[str]) -> tuple[str, list[str], list[str], list[str], list[str]]:
    """Issuer, motto, number (left), place and date (right), body: the header fields as the published
    text gives them, broken over lines."""
    i = next((k for k, line in enumerate(lines[:12]) if line.startswith("CỘNG HÒA")), 0)
    issuer = " ".join(lines[:i])
    j = next((k for k in range(i, min(len(lines), i + 6)) if "Hạnh phúc" in lines[k]), i + 1)
    motto = [" ".join(lines[i:j]), lines[j]] if j > i else lines[i:j + 1]
    k, left, right = j + 1, [], []
    while k < len(lines) and k < j + 8:
        line = lines[k]
        if "ngày" in line and not line.startswith("Số"):
            if "năm" not in line and k + 1 < len(lines):
                k += 1
                line += " " + lines[k]
            right.append(line)
            k += 1
            break
        left.append(line)
        k += 1
    return issuer, motto, left, right, lines[k:]


def typeset(path: Path, text: str) -> int:
    """One official document as a born-digital PDF; returns its page count."""
    from fpdf import FPDF

    lines = [line.strip() for line in text.splitlines() if line.strip()]
    issuer, motto, left, right, body = _split_header(lines)
    pdf = FPDF(format="A4")
    pdf.set_margins(30, 20, 15)
    pdf.set_auto_page_break(True, 20)
    for style, name in (("", "DejaVuSerif.ttf"), ("B", "DejaVuSerif-Bold.ttf"), ("I", "DejaVuSerif-Italic.ttf")):
        pdf.add_font("Serif", style, str(FONTS / name))
    pdf.add_page()
    top = pdf.get_y()
    pdf.set_font("Serif", "B", 12)
    pdf.multi_cell(70, 6, issuer, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Serif", "", 12)
    pdf.multi_cell(70, 6, " ".join(left), align="C")
    bottom_left = pdf.get_y()
    pdf.set_xy(100, top)
    pdf.set_font("Serif", "B", 13)
    pdf.multi_cell(95, 6, motto[0] if motto else "", align="C", new_x="LEFT", new_y="NEXT")
    pdf.multi_cell(95, 6, " ".join(motto[1:]), align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_font("Serif", "I", 13)
    pdf.multi_cell(95, 8, " ".join(right), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(bottom_left, pdf.get_y()) + 6)
    t = 0
    while t < min(5, len(body)) and body[t].upper() == body[t]:
        t += 1
    pdf.set_font("Serif", "B", 14)
    pdf.multi_cell(0, 7, " ".join(body[:t]), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Serif", "", 13)
    paragraphs, current = [], []
    for line in body[t:]:
        current.append(line)
        if line.endswith((".", ";", ":")):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    for n, paragraph in enumerate(paragraphs):
        pdf.multi_cell(0, 6.5, paragraph, align="J", new_x="LMARGIN", new_y="NEXT")
        if n == 6:  # a table, as plans and decisions' annexes carry
            with pdf.table(col_widths=(12, 80, 40, 30), text_align="LEFT") as table:
                rows = [("STT", "Nội dung công việc", "Cơ quan thực hiện", "Thời gian")]
                rows += [(str(i + 1), p[:90], "Sở, ban, ngành", "Năm 2026") for i, p in enumerate(paragraphs[7:11])]
                for row in rows:
                    cells = table.row()
                    for cell in row:
                        cells.cell(cell)
    pdf.output(str(path))
    return pdf.page_no()


def vietnamese_pdfs(pages_wanted: int = 150) -> list[Path]:
    """Born-digital PDFs of the first official documents, about ``pages_wanted`` pages (cached)."""
    sources = sorted(VN_DOCS.glob("*.txt"))
    key = hashlib.sha256((LAYOUT_VERSION + str(pages_wanted) + "".join(p.name for p in sources)).encode()).hexdigest()
    cache = Path(tempfile.gettempdir()) / f"docmgr-bench-vn-pdfs-{key[:12]}"
    listing = cache / "files.json"
    if listing.exists():
        return [cache / name for name in json.loads(listing.read_text())]
    cache.mkdir(parents=True, exist_ok=True)
    names, pages = [], 0
    for source in sources:
        if pages >= pages_wanted:
            break
        target = cache / (source.stem + ".pdf")
        pages += typeset(target, source.read_text(encoding="utf-8"))
        names.append(target.name)
    listing.write_text(json.dumps(names))
    return [cache / name for name in names]


def real_pdfs() -> list[Path]:
    """The born-digital files of the pdfplumber set (INVENTORY.tsv: text on the first pages, not
    encrypted, no error)."""
    from bench.ingest import born_digital

    return born_digital(PDF_FOLDER)


# -- the runs -------------------------------------------------------------------------------------

def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def raw_pypdfium2(files: list[Path]) -> int:
    import pypdfium2 as pdfium

    pages = 0
    for path in files:
        pdf = pdfium.PdfDocument(str(path))
        for page in pdf:
            page.get_textpage().get_text_range()
            pages += 1
        pdf.close()
    return pages


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


def _timed(fn: Any, *args: Any) -> tuple[Any, float, float]:
    start, cpu = time.perf_counter(), _cpu()
    out = fn(*args)
    return out, time.perf_counter() - start, _cpu() - cpu


def docmgr_in_process(files: list[Path], profile: bool = False) -> dict[str, Any]:
    from docmgr.services.ingest import ingest_paths
    from docmgr.services.library import open_library

    with tempfile.TemporaryDirectory() as tmp:
        library = open_library(Path(tmp) / "library")
        if profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            results, wall, cpu = _timed(profiler.runcall, ingest_paths, library, files)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
        else:
            results, wall, cpu = _timed(ingest_paths, library, files)
        filed = [r for r in results if r.status == "filed"]
        ocr = {Path(r.path).name: [p.number for p in library.catalog.pages(r.id) if p.source != "text-layer"]
               for r in filed}
        return {"pages": sum(r.pages for r in filed), "seconds": wall, "cpu": cpu,
                "ocr_pages": {k: v for k, v in ocr.items() if v},
                "rejected": [(r.path, r.error) for r in results if r.status == "rejected"],
                "types": sum(1 for r in filed if r.type)}


def docmgr_cli(files: list[Path]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "docmgr", "--library", str(Path(tmp) / "library"), "ingest",
                   *map(str, files), "--json"]
        start = time.perf_counter()
        before = os.times()
        out = subprocess.run(command, capture_output=True, text=True, check=False)
        after = os.times()
        wall = time.perf_counter() - start
        rows = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
        pages = sum(r.get("pages", 0) for r in rows if r.get("status") == "filed")
        cpu = (after.children_user + after.children_system) - (before.children_user + before.children_system)
        return {"pages": pages, "seconds": wall, "cpu": cpu, "exit": out.returncode}


def run(cli: bool = True, profile: bool = False, vn_pages: int = 150) -> dict[str, Any]:
    """Measure the mix; returns {"files", "raw_pypdfium2", "raw_pdfplumber", "docmgr", "docmgr_cli"}
    with pages, seconds, cpu (and pages/s as ``rate``)."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    files = real_pdfs() + vietnamese_pdfs(vn_pages)
    figures: dict[str, Any] = {"files": len(files)}
    for name, fn in (("raw_pypdfium2", raw_pypdfium2), ("raw_pdfplumber", raw_pdfplumber)):
        pages, wall, cpu = _timed(fn, files)
        figures[name] = {"pages": pages, "seconds": wall, "cpu": cpu}
    figures["docmgr"] = docmgr_in_process(files, profile)
    if cli:
        figures["docmgr_cli"] = docmgr_cli(files)
    for value in figures.values():
        if isinstance(value, dict) and value.get("seconds"):
            value["rate"] = value["pages"] / value["seconds"]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true", help="cProfile the in-process ingest")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI run")
    parser.add_argument("--vn-pages", type=int, default=150, help="Vietnamese pages to typeset (default 150)")
    args = parser.parse_args()
    figures = run(cli=not args.no_cli, profile=args.profile, vn_pages=args.vn_pages)
    print(f"files: {figures['files']} (pdfplumber born-digital set + Vietnamese official documents), "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'':30}{'pages':>7}{'seconds':>9}{'pages/s':>9}{'cpu s':>8}")
    for name in ("raw_pypdfium2", "raw_pdfplumber", "docmgr", "docmgr_cli"):
        if name in figures:
            f = figures[name]
            print(f"{name:30}{f['pages']:>7}{f['seconds']:>9.2f}{f.get('rate', 0):>9.1f}{f['cpu']:>8.1f}")
    ours = figures["docmgr"]
    print(f"docmgr / raw pdfplumber: {figures['raw_pdfplumber']['seconds'] / ours['seconds']:.2f}x; "
          f"docmgr / raw pypdfium2: {figures['raw_pypdfium2']['seconds'] / ours['seconds']:.2f}x")
    print(f"pages not from the text layer: {sum(len(v) for v in ours['ocr_pages'].values())} {ours['ocr_pages'] or ''}")
    print(f"documents given a type: {ours['types']}")
    for path, error in ours["rejected"]:
        print(f"rejected: {path}: {error}")


if __name__ == "__main__":
    main()
