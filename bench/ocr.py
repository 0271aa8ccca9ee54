"""OCR benchmark: docmgr's OCR step next to the raw ``tesseract`` CLI, same pages, one run.

Pages: Vietnamese pages rendered here from text written for the benchmark (fonts, sizes, a table, a
stamp) in four conditions — clean 300-dpi grey, clean 200-dpi bitonal, skewed 1-3° + noisy 200-dpi
grey (three random skews and noises per text), and the clean page turned 90/180/270° — a three-page decree scanned as a 200-dpi bitonal G4
TIFF (header table, red seal, handwriting; ``ocr_decree.py``; recall counted over the whole document),
plus the tesseract test pages with ground truth.

Throughput on upright pages is measured on all upright Vietnamese pages together, raw and docmgr
interleaved over several rounds (alternating which goes first), and reported as the median ratio:
the machine may be shared, and one pass over a dozen pages is too noisy to read a ratio from.

Raw tesseract runs as an office would run it: ``tesseract page.png stdout -l vie+eng`` with 2
processes and OMP_THREAD_LIMIT=1. docmgr runs ``ocr_pages`` with its pool (2 workers), including
preprocessing, the PDF text layer and thumbnails.

Metrics (NFC, whitespace folded): CER = Levenshtein distance / reference length; word recall = share
of reference words (multiset) found in the output.

Run: ``.venv/bin/python bench/ocr.py [--ablate] [--quick] [--rounds N]`` (needs the bench extra: ``pip install -e .[bench]``, i.e. rapidfuzz).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from docmgr.ingest import preprocess  # noqa: E402
from docmgr.ingest.ocr import OcrJob, ocr_pages  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ocr_decree import decree_pages  # noqa: E402

FONTS = Path("/usr/share/fonts/truetype/dejavu")
DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "tesseract-test-pages"
LANG = "vie+eng"

TEXTS = [
    ("DejaVuSerif.ttf", 44, [
        "ỦY BAN NHÂN DÂN QUẬN NINH KIỀU",
        "Số: 1457/QĐ-UBND ngày 12 tháng 3 năm 2025",
        "QUYẾT ĐỊNH",
        "Về việc cấp giấy chứng nhận quyền sử dụng đất",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;",
        "Xét đề nghị của Trưởng phòng Tài nguyên và Môi trường quận,",
        "Điều 1. Cấp giấy chứng nhận cho ông Trần Văn Hùng, sinh năm 1968,",
        "thường trú tại số 45 đường Mậu Thân, phường An Hòa, thửa đất số 128,",
        "tờ bản đồ số 7, diện tích 96,5 mét vuông, mục đích sử dụng đất ở.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
    ]),
    ("DejaVuSans.ttf", 40, [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ĐƠN ĐỀ NGHỊ ĐĂNG KÝ THƯỜNG TRÚ",
        "Kính gửi: Công an phường Xuân Khánh, thành phố Cần Thơ",
        "Họ, chữ đệm và tên: Lê Thị Mỹ Duyên. Giới tính: Nữ",
        "Ngày, tháng, năm sinh: 23/08/1990. Dân tộc: Kinh",
        "Số định danh cá nhân: 092190004512",
        "Nơi ở hiện tại: hẻm 51 đường 3 tháng 2, quận Ninh Kiều",
        "Lý do đề nghị: chuyển đến ở cùng gia đình chồng.",
        "Tôi xin cam đoan những lời khai trên là đúng sự thật.",
    ]),
    ("DejaVuSerifCondensed.ttf", 36, [
        "THÔNG BÁO",
        "Kết quả giải quyết hồ sơ thủ tục hành chính",
        "Bộ phận Một cửa Ủy ban nhân dân xã Mỹ Khánh thông báo: hồ sơ của bà",
        "Nguyễn Ngọc Hạnh về việc đăng ký khai tử cho cụ ông Nguyễn Văn Ửng đã",
        "được giải quyết xong. Đề nghị bà đến nhận kết quả trong giờ hành chính,",
        "từ thứ Hai đến thứ Sáu, buổi sáng từ 7 giờ đến 11 giờ, buổi chiều từ",
        "13 giờ 30 đến 17 giờ. Khi đến mang theo giấy biên nhận và căn cước.",
        "Trường hợp quá hạn mà chưa nhận, hồ sơ được chuyển lưu trữ theo quy định.",
    ]),
    ("DejaVuSans.ttf", 34, [
        "BIÊN BẢN KIỂM TRA HIỆN TRẠNG CÔNG TRÌNH XÂY DỰNG",
        "Hôm nay, lúc 9 giờ 15 phút, tại công trình nhà ở riêng lẻ của hộ ông",
        "Phạm Quốc Khải, đoàn kiểm tra gồm đại diện phòng Quản lý đô thị, Ủy ban",
        "nhân dân phường Hưng Lợi và chủ đầu tư đã tiến hành kiểm tra thực tế.",
        "Kết quả: công trình xây dựng đúng giấy phép số 318/GPXD cấp ngày",
        "04/11/2024; chiều cao 11,8 mét; mật độ xây dựng 82 phần trăm.",
        "Biên bản được lập thành ba bản có giá trị pháp lý như nhau.",
    ]),
]

TABLE = [("STT", "Họ và tên", "Năm sinh", "Quan hệ"),
         ("1", "Võ Thành Đạt", "1975", "Chủ hộ"),
         ("2", "Huỳnh Thị Thủy", "1978", "Vợ"),
         ("3", "Võ Minh Quân", "2004", "Con"),
         ("4", "Võ Ngọc Trâm", "2009", "Con")]


def render_page(font_name: str, size: int, lines: list[str], *, table: bool, stamp: bool) -> tuple[Image.Image, str]:
    """A clean 300-dpi grey page and its ground truth."""
    fnt = ImageFont.truetype(str(FONTS / font_name), size)
    step = int(size * 1.75)
    width, margin = 2000, 120
    rows = len(lines) + (len(TABLE) * 1.6 + 1 if table else 0) + (6 if stamp else 1)
    img = Image.new("L", (width, int(margin * 2 + step * rows)), 255)
    draw = ImageDraw.Draw(img)
    y = margin
    truth = list(lines)
    for line in lines:
        draw.text((margin, y), line, fill=0, font=fnt)
        y += step
    if table:
        y += step // 2
        cols = [margin, margin + 180, margin + 900, margin + 1250, width - margin]
        row_h = int(step * 1.6)
        for r, row in enumerate(TABLE):
            for c, cell in enumerate(row):
                draw.text((cols[c] + 20, y + r * row_h + (row_h - size) // 2 - 4), cell, fill=0, font=fnt)
            truth.append(" ".join(row))
        for r in range(len(TABLE) + 1):
            draw.line([(cols[0], y + r * row_h), (cols[-1], y + r * row_h)], fill=0, width=3)
        for x in cols:
            draw.line([(x, y), (x, y + len(TABLE) * row_h)], fill=0, width=3)
        y += len(TABLE) * row_h
    if stamp:   # a round seal over the signature, as a grey ring (not in the ground truth)
        cx, cy, rad = width - 520, y + 190, 170
        draw.text((width - 760, y + 40), "TM. ỦY BAN NHÂN DÂN", fill=0, font=fnt)
        truth.append("TM. ỦY BAN NHÂN DÂN")
        draw.ellipse([cx - rad, cy - rad, cx + rad, cy + rad], outline=110, width=10)
        draw.ellipse([cx - rad + 30, cy - rad + 30, cx + rad - 30, cy + rad - 30], outline=110, width=4)
        draw.text((cx - 60, cy - 20), "★", fill=110, font=ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 60))
    img.info["dpi"] = (300, 300)
    return img, "\n".join(truth)


def to_200(img: Image.Image) -> Image.Image:
    out = img.resize((img.width * 2 // 3, img.height * 2 // 3), Image.Resampling.LANCZOS)
    out.info["dpi"] = (200, 200)
    return out


def bitonal_200(img: Image.Image) -> Image.Image:
    out = to_200(img).point(lambda v: 255 if v > 150 else 0).convert("1")
    out.info["dpi"] = (200, 200)
    return out


def skewed_noisy_200(img: Image.Image, rng: random.Random) -> Image.Image:
    angle = rng.choice([-1, 1]) * rng.uniform(1.0, 3.0)
    turned = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    small = np.asarray(to_200(turned), dtype=np.float64)
    small = 40 + small * (200 / 255)        # grey paper, greyish ink
    nprng = np.random.default_rng(rng.randrange(1 << 30))
    small += nprng.normal(0, 18, small.shape)
    specks = nprng.random(small.shape)
    small[specks < 0.004] = 30
    small[specks > 0.998] = 255
    out = Image.fromarray(np.clip(small, 0, 255).astype(np.uint8))
    out.info["dpi"] = (200, 200)
    return out


def turned(img: Image.Image, degrees: int) -> Image.Image:
    out = img.rotate(degrees, expand=True)
    out.info["dpi"] = img.info["dpi"]
    return out


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def cer(ref: str, out: str) -> float:
    from rapidfuzz.distance import Levenshtein

    ref, out = norm(ref), norm(out)
    return Levenshtein.distance(ref, out) / max(1, len(ref))


def recall(ref: str, out: str) -> float:
    want, got = Counter(norm(ref).split()), Counter(norm(out).split())
    return sum((want & got).values()) / max(1, sum(want.values()))


def raw_tesseract(paths: list[Path], lang: str) -> tuple[list[str], float]:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    def one(path: Path) -> str:
        done = subprocess.run(["tesseract", str(path), "stdout", "-l", lang], capture_output=True, env=env, check=True)
        return done.stdout.decode("utf-8")

    start = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        texts = list(pool.map(one, paths))
    return texts, time.perf_counter() - start


def run_docmgr(paths: list[Path], lang: str, steps: frozenset[str] = preprocess.DEFAULT_STEPS) -> tuple[list, float]:
    jobs = [OcrJob(str(p), "image", 0, i + 1) for i, p in enumerate(paths)]
    start = time.perf_counter()
    pages = ocr_pages(jobs, languages=lang, steps=steps, workers=2)
    return pages, time.perf_counter() - start


def build(folder: Path, quick: bool) -> dict[str, list[tuple[Path, str, str]]]:
    """Groups of (file, ground truth, language)."""
    rng = random.Random(7)
    groups: dict[str, list[tuple[Path, str, str]]] = {k: [] for k in
                                                      ("clean300", "bitonal200", "decree200", "skewed200", "rotated")}
    texts = TEXTS[:2] if quick else TEXTS
    for n, (font_name, size, lines) in enumerate(texts):
        page, truth = render_page(font_name, size, lines, table=n % 2 == 1, stamp=n % 2 == 0)
        variants = [("clean300", page), ("bitonal200", bitonal_200(page))]
        variants += [("skewed200", skewed_noisy_200(page, rng)) for _ in range(1 if quick else 3)]
        for k, (group, img) in enumerate(variants):
            path = folder / f"vi{n}-{group}-{k}.png"
            img.save(path, dpi=img.info["dpi"])
            groups[group].append((path, truth, LANG))
        degrees = (90, 180, 270)[n % 3]
        path = folder / f"vi{n}-rot{degrees}.png"
        turned(page, degrees).save(path, dpi=(300, 300))
        groups["rotated"].append((path, truth, LANG))
    for n, (img, truth) in enumerate(decree_pages()):
        path = folder / f"decree-{n + 1}.tif"
        img.save(path, dpi=(200, 200), compression="group4")
        groups["decree200"].append((path, truth, LANG))
    if DATA.is_dir() and not quick:
        groups["tesseract-test"] = [(DATA / "phototest.tif", (DATA / "phototest.gold.txt").read_text(), "eng"),
                                    (DATA / "eurotext.tif", (DATA / "eurotext.txt").read_text(), "eng"),
                                    *[(DATA / f"{name}.tif", (DATA / f"{name}.txt").read_text(errors="replace"), "eng")
                                      for name in ("8071_093.3B", "8087_054.3B")]]
        groups["tesseract-rotated"] = [(DATA / f"phototest-rotated-{s}.png", (DATA / "phototest.gold.txt").read_text(),
                                        "eng") for s in ("180", "L", "R")]
    return groups


def scores(group: str, truths: list[str], outputs: list[str], who: str) -> dict[str, float]:
    """Median page CER and word recall (mean over pages; over the whole document for a decree)."""
    if group.startswith("decree"):
        rec = recall("\n".join(truths), "\n".join(outputs))
    else:
        rec = statistics.mean(recall(t, o) for t, o in zip(truths, outputs))
    return {f"{who}_cer": statistics.median(cer(t, o) for t, o in zip(truths, outputs)), f"{who}_recall": rec}


def throughput(paths: list[Path], rounds: int) -> tuple[float, float, float]:
    """Median over interleaved rounds of raw seconds, docmgr seconds and their ratio (raw / docmgr)."""
    raw_times, doc_times, ratios = [], [], []
    for r in range(rounds):
        order = ("raw", "doc") if r % 2 == 0 else ("doc", "raw")
        took = {}
        for who in order:
            took[who] = raw_tesseract(paths, LANG)[1] if who == "raw" else run_docmgr(paths, LANG)[1]
        raw_times.append(took["raw"])
        doc_times.append(took["doc"])
        ratios.append(took["raw"] / took["doc"])
    return statistics.median(raw_times), statistics.median(doc_times), statistics.median(ratios)


def evaluate(groups: dict[str, list[tuple[Path, str, str]]], steps: frozenset[str] = preprocess.DEFAULT_STEPS,
             with_raw: bool = True) -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = {}
    for name, items in groups.items():
        lang = items[0][2]
        paths = [p for p, _, _ in items]
        pages, t_doc = run_docmgr(paths, lang, steps)
        truths = [t for _, t, _ in items]
        row = {"pages": len(items), "doc_s": t_doc, **scores(name, truths, [pg.page.text for pg in pages], "doc")}
        if with_raw:
            texts, t_raw = raw_tesseract(paths, lang)
            row.update({"raw_s": t_raw, **scores(name, truths, texts, "raw")})
        row["steps"] = ",".join(sorted({s for pg in pages for s in pg.page.steps}))  # type: ignore[assignment]
        table[name] = row
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ablate", action="store_true", help="also run docmgr with each step switched off")
    parser.add_argument("--quick", action="store_true", help="two Vietnamese texts, no tesseract test pages")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds of the upright throughput run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        groups = build(Path(tmp), args.quick)
        ocr_pages([OcrJob(str(groups["clean300"][0][0]), "image", 0, 1)] * 4, workers=2)  # start both workers
        table = evaluate(groups)
        print(f"{'group':18} {'pages':>5} {'raw s':>6} {'doc s':>6} {'speed':>5} {'raw CER':>8} {'doc CER':>8} "
              f"{'raw rec':>8} {'doc rec':>8}  steps")
        for name, r in table.items():
            print(f"{name:18} {r['pages']:5.0f} {r['raw_s']:6.1f} {r['doc_s']:6.1f} {r['raw_s'] / r['doc_s']:5.2f} "
                  f"{r['raw_cer']:8.2%} {r['doc_cer']:8.2%} {r['raw_recall']:8.2%} {r['doc_recall']:8.2%}  {r['steps']}")
        upright = [p for k in ("clean300", "bitonal200", "decree200") for p, _, _ in groups[k]]
        raw_s, doc_s, ratio = throughput(upright, args.rounds)
        print(f"\nupright throughput ({len(upright)} pages, {args.rounds} interleaved rounds, medians): "
              f"raw {raw_s:.1f}s, docmgr {doc_s:.1f}s, docmgr speed {ratio:.2f}x raw")
        if args.ablate:
            subset = {k: groups[k] for k in ("bitonal200", "decree200", "skewed200")}
            print("\nablation (docmgr with one default step off, or one optional step on):")
            variants = [(f"without {step}", preprocess.DEFAULT_STEPS - {step}) for step in sorted(preprocess.DEFAULT_STEPS)]
            variants += [(f"with {step}", preprocess.DEFAULT_STEPS | {step})
                         for step in sorted(preprocess.ALL_STEPS - preprocess.DEFAULT_STEPS)]
            for label, steps in [*variants, ("no steps", frozenset())]:
                res = evaluate(subset, frozenset(steps), with_raw=False)
                print(f"  {label:24} " + "  ".join(
                    f"{k}: CER {r['doc_cer']:.2%} rec {r['doc_recall']:.2%} {r['doc_s']:.1f}s" for k, r in res.items()))

if __name__ == "__main__":
    main()
