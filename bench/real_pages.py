"""Real-shaped scanned pages for bench/ocr_real.py: real Vietnamese official text typeset as Decree
30/2020 prescribes, then "scanned" as office scanners do.

Text: documents of ``shared/data/vn-official-docs-dev`` (read from there, never copied): their body
(after the type heading) is set in paragraphs under a two-column national header built from the
document's own number and type. Layout (Decree 30/2020, Appendix I): Times-like serif (Liberation
Serif) 13-14 pt, A4, margins 30/20/20/20 mm; left column "ỦY BAN NHÂN DÂN / TỈNH …" and "Số: …",
right column the national motto (bold) and place/date (italic); bold centred type heading and
summary; a table; "Nơi nhận" in small type; the signature block with a red round seal over the left
half of the signer's title and a blue handwritten signature.

Rendered at 300 dpi in colour: the clean reference raw Tesseract reads. Scanned: 200 dpi, optics
blur, skew within ±1.5°, a slightly grey paper, a darker scanner edge, sensor noise, then 8-bit grey
(or colour) JPEG at quality 60-80 — or thresholded to 1 bit for the bitonal multi-page variant.
Ground truth = the printed black text (not the seal's ring text, not the signature).
"""

from __future__ import annotations

import io
import json
import math
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

def _shared_data() -> Path:
    """``shared/data`` beside the checkout (a main checkout or a worktree one level deeper), or
    ``$DOCMGR_SHARED_DATA``."""
    import os

    if os.environ.get("DOCMGR_SHARED_DATA"):
        return Path(os.environ["DOCMGR_SHARED_DATA"])
    for parent in Path(__file__).resolve().parents[1:]:
        if (parent / "shared" / "data").is_dir():
            return parent / "shared" / "data"
    raise SystemExit("shared/data not found beside this checkout")


DOCS = _shared_data() / "vn-official-docs-dev"
SERIF = Path("/usr/share/fonts/truetype/liberation2")   # Debian fonts-liberation2 (it has the Vietnamese glyphs)
SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
DPI = 300
PAGE_W, PAGE_H = 2480, 3508                    # A4 at 300 dpi
LEFT, RIGHT, TOP, BOTTOM = 354, 236, 236, 236   # 30 / 20 / 20 / 20 mm
PT = DPI / 72
RED, BLUE = (200, 35, 45), (25, 45, 150)


def font(style: str, points: float) -> ImageFont.FreeTypeFont:
    name = {"": "Regular", "b": "Bold", "i": "Italic", "bi": "BoldItalic"}[style]
    return ImageFont.truetype(str(SERIF / f"LiberationSerif-{name}.ttf"), round(points * PT))


@dataclass
class Source:
    """One real document: its labels and its body paragraphs."""

    name: str
    doc_type: str
    number: str
    issuer: str
    summary: str
    paragraphs: list[str]


def load_sources(count: int, seed: int = 30) -> list[Source]:
    """``count`` documents with a body long enough for a page, picked reproducibly."""
    labels = [json.loads(line) for line in (DOCS / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    random.Random(seed).shuffle(labels)
    out = []
    for label in labels:
        src = _source(label, (DOCS / "docs" / label["file"]).read_text(encoding="utf-8"))
        if src is not None and sum(len(p) for p in src.paragraphs) > 1800:
            out.append(src)
        if len(out) == count:
            break
    return out


def _source(label: dict, text: str) -> Source | None:
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    heading = (label.get("doc_type") or "").upper()
    start = next((i for i, line in enumerate(lines) if heading and line.upper() == heading), None)
    if start is None:
        return None
    summary, body, i = [], lines[start + 1:], 0
    while i < len(body) and len(summary) < 3 and not body[i].startswith(("Căn cứ", "Theo", "Xét", "Thực hiện")):
        summary.append(body[i])
        i += 1
    paragraphs: list[str] = []
    for line in body[i:]:
        new = (not paragraphs or paragraphs[-1].endswith((";", ".", ":")) or line.isupper() or paragraphs[-1].isupper()
               or re.match(r"^(Căn cứ|Điều \d|\d+\.|[a-zđ]\)|-|\+)", line))
        if new:
            paragraphs.append(line)
        else:
            paragraphs[-1] += " " + line
    paragraphs = [p for p in paragraphs if len(p) > 3 and not p.startswith(("Nơi nhận", "KT.", "TM."))]
    issuer = label.get("issuer") or "Thành phố Cần Thơ"
    words, kept = " ".join(summary).split(), []
    while words and len(" ".join(kept + words[:1])) <= 150:
        kept.append(words.pop(0))
    return Source(label["file"], label["doc_type"], label.get("number") or "", issuer, " ".join(kept), paragraphs)


@dataclass
class Writer:
    """Lays text out top-down on A4 pages, recording the printed text of each page."""

    pages: list[Image.Image] = field(default_factory=list)
    truths: list[list[str]] = field(default_factory=list)
    y: int = TOP

    def __post_init__(self) -> None:
        self.new_page()

    def new_page(self) -> None:
        self.img = Image.new("RGB", (PAGE_W, PAGE_H), "white")
        self.draw = ImageDraw.Draw(self.img)
        self.truth: list[str] = []
        self.pages.append(self.img)
        self.truths.append(self.truth)
        self.y = TOP
        if len(self.pages) > 1:   # page numbers from page 2, centred in the top margin
            self.centre(str(len(self.pages)), font("", 13))

    def left_room(self) -> int:
        return PAGE_H - BOTTOM - self.y

    def centre(self, text: str, face: ImageFont.FreeTypeFont, x0: int = LEFT, x1: int = PAGE_W - RIGHT,
               fill: tuple[int, int, int] | str = "black") -> None:
        width = self.draw.textlength(text, font=face)
        self.draw.text(((x0 + x1 - width) / 2, self.y), text, fill=fill, font=face)
        self.truth.append(text)
        self.y += int(face.size * 1.3)

    def wrap(self, text: str, face: ImageFont.FreeTypeFont, width: int, indent: int = 0) -> list[str]:
        lines, line = [], ""
        for word in text.split():
            trial = f"{line} {word}".strip()
            if self.draw.textlength(trial, font=face) > width - (indent if not lines else 0) and line:
                lines.append(line)
                line = word
            else:
                line = trial
        return lines + ([line] if line else [])

    def paragraph(self, text: str, face: ImageFont.FreeTypeFont, *, paginate: bool, indent: int = 150) -> bool:
        """Set a paragraph (first line indented); False when it does not fit and ``paginate`` is off."""
        lines = self.wrap(text, face, PAGE_W - RIGHT - LEFT, indent)
        step = int(face.size * 1.32)
        if not paginate and len(lines) * step > self.left_room():
            return False
        for k, line in enumerate(lines):
            if self.y + step > PAGE_H - BOTTOM:
                self.new_page()
            self.draw.text((LEFT + (indent if k == 0 else 0), self.y), line, fill="black", font=face)
            self.truth.append(line)
            self.y += step
        self.y += int(face.size * 0.3)
        return True


def header(w: Writer, src: Source) -> None:
    """The two-column header, the heading and the summary (read column by column)."""
    split, top = LEFT + 880, w.y
    issuer = src.issuer.upper()
    for text, face in (("ỦY BAN NHÂN DÂN", font("", 13)), (issuer, font("b", 13))):
        w.centre(text, face, LEFT - 120, split)
    w.draw.line([(LEFT + 150, w.y), (split - 270, w.y)], fill="black", width=3)
    w.y += 40
    w.centre(f"Số: {src.number}", font("", 13), LEFT - 120, split)
    left_end, w.y = w.y, top
    w.centre("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font("b", 12.5), split - 40, PAGE_W - RIGHT + 40)
    w.centre("Độc lập - Tự do - Hạnh phúc", font("b", 13.5), split - 40, PAGE_W - RIGHT + 40)
    w.draw.line([(split + 250, w.y), (PAGE_W - RIGHT - 210, w.y)], fill="black", width=3)
    w.y += 40
    w.centre(f"{src.issuer}, ngày 14 tháng 10 năm 2025", font("i", 13.5), split - 40, PAGE_W - RIGHT + 40)
    w.y = max(w.y, left_end) + 70
    w.centre(src.doc_type.upper(), font("b", 14))
    for line in w.wrap(src.summary, font("b", 14), PAGE_W - RIGHT - LEFT - 300):
        w.centre(line, font("b", 14))
    w.y += 50


def table(w: Writer, words: list[str], rng: random.Random) -> None:
    """A four-column table (STT, content, unit, time limit) filled with the document's own words."""
    face = font("", 13)
    cols = [LEFT, LEFT + 170, LEFT + 1080, LEFT + 1560, PAGE_W - RIGHT]
    row_h = int(face.size * 1.8)
    rows = [("STT", "Nội dung", "Đơn vị thực hiện", "Thời hạn")]
    for n in range(1, 4):
        start = rng.randrange(max(1, len(words) - 8))
        rows.append((str(n), " ".join(words[start:start + 5]), "Sở Tài chính" if n % 2 else "UBND cấp xã",
                     f"Quý {n}/2026"))
    y = w.y + 10
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            face_c = font("b", 13) if r == 0 else face
            w.draw.text((cols[c] + 16, y + r * row_h + (row_h - face.size) // 2 - 4), cell, fill="black", font=face_c)
        w.truth.append(" ".join(row))
    for r in range(len(rows) + 1):
        w.draw.line([(cols[0], y + r * row_h), (cols[-1], y + r * row_h)], fill="black", width=3)
    for x in cols:
        w.draw.line([(x, y), (x, y + len(rows) * row_h)], fill="black", width=3)
    w.y = y + len(rows) * row_h + 50


SIGNATURE_HEIGHT = 720


def signature_block(w: Writer, rng: random.Random) -> tuple[tuple[int, int, int, int], tuple[int, int, int, int]]:
    """"Nơi nhận" on the left, the signer's block on the right with a red seal over the signer's title
    and a blue signature; returns the seal's and the signature's boxes (300-dpi pixels)."""
    top, small = w.y, font("", 11)
    w.draw.text((LEFT, w.y), "Nơi nhận:", fill="black", font=font("bi", 12))
    w.truth.append("Nơi nhận:")
    w.y += int(small.size * 1.5)
    for text in ("- Như Điều 3;", "- TT. HĐND thành phố;", "- Lưu: VT, KT."):
        w.draw.text((LEFT, w.y), text, fill="black", font=small)
        w.truth.append(text)
        w.y += int(small.size * 1.3)
    x0, w.y = LEFT + 1000, top
    for text in ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"):
        w.centre(text, font("b", 14), x0, PAGE_W - RIGHT)
    sig_y, cx = w.y + 150, x0 + 330
    sig = scribble(w.draw, x0 + 330, sig_y, 430, rng, BLUE)
    seal_box = seal(w.img, cx, top + 170, 225, w.truths[0][1] if w.truths[0][1:] else "ỦY BAN NHÂN DÂN")
    w.y = sig_y + 300
    w.centre(rng.choice(["Trần Văn Hiếu", "Nguyễn Thị Thanh Hà", "Lê Quang Minh", "Phạm Ngọc Ánh"]),
             font("b", 14), x0, PAGE_W - RIGHT)
    return seal_box, sig


def scribble(draw: ImageDraw.ImageDraw, x: int, y: int, width: int, rng: random.Random,
             ink: tuple[int, int, int]) -> tuple[int, int, int, int]:
    """A handwritten signature: looping pen strokes (not text); returns its box."""
    xs, ys = [], []
    for _ in range(rng.randint(2, 3)):
        amp, freq, phase = rng.uniform(20, 50), rng.uniform(0.025, 0.05), rng.uniform(0, 6)
        points = [(x + t + 30 * math.sin(t * freq * 2.3 + phase), y + amp * math.sin(t * freq + phase))
                  for t in range(0, width, 4)]
        draw.line(points, fill=ink, width=rng.randint(5, 7), joint="curve")
        xs += [p[0] for p in points]
        ys += [p[1] for p in points]
        y += rng.randint(15, 45)
    return (int(min(xs)), int(min(ys)), int(max(xs)), int(max(ys)))


def seal(img: Image.Image, cx: int, cy: int, radius: int, ring: str) -> tuple[int, int, int, int]:
    """A red round seal (two rings, ring text, a star, a middle line), drawn over what is there."""
    layer = Image.new("L", img.size, 0)
    draw = ImageDraw.Draw(layer)
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=255, width=10)
    draw.ellipse([cx - radius + 70, cy - radius + 70, cx + radius - 70, cy + radius - 70], outline=255, width=4)
    face = ImageFont.truetype(str(SANS), 34)
    text = f"ỦY BAN NHÂN DÂN * {ring.upper()[:22]} * "
    for i, ch in enumerate(text):
        angle = 2 * math.pi * i / len(text) - math.pi / 2
        glyph = Image.new("L", (48, 48), 0)
        ImageDraw.Draw(glyph).text((24, 24), ch, fill=255, font=face, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.Resampling.BICUBIC)
        gx, gy = cx + (radius - 36) * math.cos(angle), cy + (radius - 36) * math.sin(angle)
        layer.paste(glyph, (int(gx - 24), int(gy - 24)), glyph)
    draw.text((cx, cy - 40), "★", fill=255, font=ImageFont.truetype(str(SANS), 100), anchor="mm")
    draw.text((cx, cy + 60), "CHỦ TỊCH", fill=255, font=ImageFont.truetype(str(SANS), 38), anchor="mm")
    # seal ink is translucent: it darkens what is under it (multiply), as a stamp does
    box = (cx - radius - 10, cy - radius - 10, cx + radius + 10, cy + radius + 10)
    arr = np.asarray(img.crop(box), dtype=np.float64)
    alpha = np.asarray(layer.crop(box), dtype=np.float64)[..., None] / 255 * 0.85
    tint = np.array(RED, dtype=np.float64)
    out = arr * (1 - alpha) + np.minimum(arr, tint) * alpha
    img.paste(Image.fromarray(out.astype(np.uint8)), box[:2])
    return (cx - radius, cy - radius, cx + radius, cy + radius)


@dataclass
class Composed:
    """A clean 300-dpi page, its ground truth, and where its seal and signature are (300-dpi pixels)."""

    image: Image.Image
    truth: str
    seal: tuple[int, int, int, int] | None = None
    signature: tuple[int, int, int, int] | None = None


def single_page(src: Source, rng: random.Random) -> Composed:
    """One A4 page: header, as many paragraphs as fit, a table, the signature block."""
    w = Writer()
    header(w, src)
    body = font("", rng.choice([13, 13.5, 14]))
    words = " ".join(src.paragraphs).split()
    tabled = False
    for k, text in enumerate(src.paragraphs):
        if not tabled and k >= 2 and w.left_room() > SIGNATURE_HEIGHT + 500:
            table(w, words, rng)
            tabled = True
        if not w.paragraph(text, body, paginate=False) or w.left_room() < SIGNATURE_HEIGHT:
            break
    w.y = max(w.y, PAGE_H - BOTTOM - SIGNATURE_HEIGHT)
    seal_box, sig = signature_block(w, rng)
    return Composed(w.img, "\n".join(w.truth), seal_box, sig)


def multi_page(sources: list[Source], pages: int, rng: random.Random) -> list[Composed]:
    """One long document of ``pages`` pages: the first source's header, bodies run on, a table every
    few pages, the signature block (with its seal) on the last page."""
    w = Writer()
    header(w, sources[0])
    body = font("", 13.5)
    paragraphs = [p for src in sources for p in src.paragraphs]
    words = " ".join(paragraphs).split()
    k = 0
    while len(w.pages) < pages or w.left_room() > SIGNATURE_HEIGHT + 400:
        if len(w.pages) == pages and w.left_room() < SIGNATURE_HEIGHT + 400:
            break
        if k % 9 == 4 and w.left_room() > 600:
            table(w, words, rng)
        text = paragraphs[k % len(paragraphs)]
        if len(w.pages) == pages and not w.paragraph(text, body, paginate=False):
            break
        if len(w.pages) < pages:
            w.paragraph(text, body, paginate=True)
        k += 1
    if len(w.pages) > pages:   # the last paragraph ran over: drop the extra page
        w.pages.pop()
        w.truths.pop()
    w.img, w.draw, w.truth = w.pages[-1], ImageDraw.Draw(w.pages[-1]), w.truths[-1]
    w.y = PAGE_H - BOTTOM - SIGNATURE_HEIGHT
    seal_box, sig = signature_block(w, rng)
    out = [Composed(img, "\n".join(truth)) for img, truth in zip(w.pages, w.truths)]
    out[-1].seal, out[-1].signature = seal_box, sig
    return out


def scan(page: Image.Image, rng: random.Random, *, colour: bool = False) -> Image.Image:
    """The page as an office scanner gives it at 200 dpi: optics blur, skew ±1.5°, grey paper, a
    darker edge on one side, sensor noise; 8-bit grey (or RGB)."""
    img = page.filter(ImageFilter.GaussianBlur(0.7))
    img = img.rotate(rng.uniform(-1.5, 1.5), resample=Image.Resampling.BICUBIC, fillcolor=(255, 255, 255))
    img = img.resize((PAGE_W * 2 // 3, PAGE_H * 2 // 3), Image.Resampling.LANCZOS)
    arr = np.asarray(img if colour else img.convert("L"), dtype=np.float64)
    arr = arr * rng.uniform(0.90, 0.96) + 4          # the paper is never white
    h, w = arr.shape[:2]
    edge = rng.randint(18, 45)
    ramp = np.clip(1 - np.arange(w) / edge, 0, 1) * rng.uniform(0.45, 0.7)
    ramp = ramp if rng.random() < 0.5 else ramp[::-1]   # the lid's shadow on the left or right edge
    shade = 1 - ramp[None, :]
    arr = arr * (shade[..., None] if colour else shade)
    arr += np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(3, 6), arr.shape)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    out.info["dpi"] = (200, 200)
    return out


def scan_bitonal(page: Image.Image, rng: random.Random) -> Image.Image:
    """The page as a 200-dpi 1-bit scan (the red seal and blue ink turn black where dark enough)."""
    grey = scan(page, rng)
    out = grey.point(lambda v: 255 if v > 140 else 0).convert("1")
    out.info["dpi"] = (200, 200)
    return out


def jpeg(image: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=quality, dpi=(200, 200))
    return buf.getvalue()


def jpeg_pdf(data: bytes, target: Path) -> None:
    """A one-page PDF holding the JPEG as it is (no re-encoding), page size from its 200 dpi."""
    from fpdf import FPDF

    with Image.open(io.BytesIO(data)) as img:
        w_mm, h_mm = img.width / 200 * 25.4, img.height / 200 * 25.4
    pdf = FPDF(unit="mm", format=(w_mm, h_mm))
    pdf.set_margin(0)
    pdf.add_page()
    pdf.image(io.BytesIO(data), x=0, y=0, w=w_mm, h=h_mm)
    pdf.output(str(target))


__all__ = ["Composed", "Source", "jpeg", "jpeg_pdf", "load_sources", "multi_page", "scan", "scan_bitonal",
           "single_page"]
