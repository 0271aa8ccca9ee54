"""OCR throughput of a clerk's typical batch: a folder of single-page scans, one document each.

N single-page Vietnamese scans (rendered with ``bench/ocr.py``'s texts and helpers: clean 300-dpi grey,
clean 200-dpi bitonal and clean 200-dpi grey variants of its four texts, each with a serial-number
line so every file is a different document) are ingested with ``ingest_paths`` into a fresh library —
the whole service: sniff, hash, OCR, classification, stored original, catalog, archive copy, index —
next to raw ``tesseract page stdout -l vie+eng`` with 2 processes (OMP_THREAD_LIMIT=1) on the same
images, interleaved over several rounds (alternating which goes first; the machine may be shared),
medians reported.

Run: ``.venv/bin/python bench/ocr_batch.py [--files N] [--rounds R]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import ImageDraw, ImageFont

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from ocr import FONTS, LANG, TEXTS, bitonal_200, raw_tesseract, render_page, to_200  # noqa: E402


def build(folder: Path, count: int) -> list[Path]:
    """``count`` single-page scans, all different (a serial line at the foot of each page)."""
    variants = [lambda img: img, bitonal_200, to_200]
    paths = []
    for n in range(count):
        font_name, size, lines = TEXTS[n % len(TEXTS)]
        page, _ = render_page(font_name, size, lines, table=n % 2 == 1, stamp=False)
        ImageDraw.Draw(page).text((120, page.height - 90), f"Số hồ sơ: {1000 + n}", fill=0,
                                  font=ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 34))
        img = variants[(n // len(TEXTS)) % len(variants)](page)
        path = folder / f"scan-{n:02d}.png"
        img.save(path, dpi=img.info["dpi"])
        paths.append(path)
    return paths


def run_ingest(paths: list[Path], root: Path) -> tuple[float, int]:
    """Seconds to ingest ``paths`` into a fresh library, and the pages filed."""
    from docmgr.services.ingest import ingest_paths
    from docmgr.services.library import open_library

    library = open_library(root)
    start = time.perf_counter()
    results = ingest_paths(library, paths)
    took = time.perf_counter() - start
    bad = [(r.path, r.error) for r in results if r.status != "filed"]
    if bad:
        raise SystemExit(f"not filed: {bad}")
    return took, sum(r.pages for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=12, help="single-page scans in the batch")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = build(Path(tmp), args.files)
        run_ingest(paths[:2], Path(tmp) / "warm")  # imports, models trained/loaded once, like a running app
        raw_times, doc_times, ratios = [], [], []
        for r in range(args.rounds):
            took = {}
            for who in (("raw", "doc") if r % 2 == 0 else ("doc", "raw")):
                if who == "raw":
                    took[who] = raw_tesseract(paths, LANG)[1]
                else:
                    took[who], pages = run_ingest(paths, Path(tmp) / f"lib{r}")
                    assert pages == len(paths)
            raw_times.append(took["raw"])
            doc_times.append(took["doc"])
            ratios.append(took["raw"] / took["doc"])
            print(f"round {r + 1}: raw {took['raw']:.1f}s, docmgr ingest {took['doc']:.1f}s, "
                  f"ratio {ratios[-1]:.2f}", flush=True)
    n = len(paths)
    raw_s, doc_s = statistics.median(raw_times), statistics.median(doc_times)
    print(f"\n{n} single-page scans, {args.rounds} interleaved rounds, medians:")
    print(f"  raw tesseract (2 processes)   {raw_s:6.1f} s  {n / raw_s:5.2f} pages/s")
    print(f"  docmgr ingest_paths           {doc_s:6.1f} s  {n / doc_s:5.2f} pages/s")
    print(f"  docmgr / raw throughput       {statistics.median(ratios):.2f}x")


if __name__ == "__main__":
    main()
