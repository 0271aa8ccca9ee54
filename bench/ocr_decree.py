"""A three-page Vietnamese decree rendered as a 200-dpi bitonal office scan, for bench/ocr.py.

The pages imitate what the one-stop office scans most: the two-column national header, title, legal
bases, articles, a table, the signature block with a red round seal and a handwritten signature, a
handwritten margin note, "Nơi nhận" in small type. They are rendered at 300 dpi in colour, resampled
to 200 dpi as a scanner does, given a little sensor noise and thresholded to 1 bit (the red seal and
the blue ink turn black, as on a bitonal scan). The ground truth holds the printed text only (not the
seal's ring text, not the handwriting).
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONTS = Path("/usr/share/fonts/truetype/dejavu")
DPI = 300
PAGE_W, PAGE_H = 2480, 3508            # A4 at 300 dpi
LEFT, RIGHT, TOP = 350, 240, 230       # margins 30 / 20 / 20 mm

HEADER_L = ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ", "Số: 2315/QĐ-UBND"]
HEADER_R = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Cần Thơ, ngày 14 tháng 10 năm 2025"]
TITLE = ["QUYẾT ĐỊNH", "Về việc phê duyệt danh sách hộ gia đình được hỗ trợ nhà ở năm 2025",
         "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"]
BODY = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
    "Căn cứ Luật Nhà ở ngày 27 tháng 11 năm 2023;",
    "Căn cứ Nghị định số 100/2024/NĐ-CP ngày 26 tháng 7 năm 2024 của Chính phủ quy định chi tiết một số "
    "điều của Luật Nhà ở về phát triển và quản lý nhà ở xã hội;",
    "Theo đề nghị của Giám đốc Sở Xây dựng tại Tờ trình số 1188/TTr-SXD ngày 30 tháng 9 năm 2025.",
    "QUYẾT ĐỊNH:",
    "Điều 1. Phê duyệt danh sách 126 hộ gia đình có công với cách mạng và hộ nghèo trên địa bàn thành phố "
    "được hỗ trợ xây dựng mới hoặc sửa chữa nhà ở năm 2025, với tổng kinh phí hỗ trợ là 5.040 triệu đồng "
    "từ nguồn ngân sách thành phố và nguồn vận động xã hội.",
    "Mức hỗ trợ: xây dựng mới nhà ở là 60 triệu đồng mỗi hộ; sửa chữa nhà ở là 30 triệu đồng mỗi hộ. "
    "Danh sách chi tiết theo phụ lục kèm theo Quyết định này.",
    "Điều 2. Tổ chức thực hiện.",
    "Sở Xây dựng chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ và Ủy ban nhân dân các phường, xã hướng dẫn "
    "các hộ gia đình lập hồ sơ, kiểm tra việc xây dựng, sửa chữa nhà ở đúng mục đích, đúng đối tượng, "
    "công khai, minh bạch; tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân thành phố trước ngày "
    "15 tháng 12 năm 2025.",
    "Sở Tài chính bố trí kinh phí, hướng dẫn thủ tục thanh toán, quyết toán theo quy định hiện hành.",
    "Ủy ban nhân dân các phường, xã có trách nhiệm niêm yết công khai danh sách tại trụ sở và nhà văn "
    "hóa khu vực trong thời hạn mười ngày; tiếp nhận, giải quyết kịp thời các kiến nghị, phản ánh của "
    "người dân liên quan đến việc xét chọn hộ được hỗ trợ.",
    "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
    "Chánh Văn phòng Ủy ban nhân dân thành phố, Giám đốc các Sở: Xây dựng, Tài chính, Nội vụ; Chủ tịch "
    "Ủy ban nhân dân các phường, xã và các hộ gia đình có tên tại Điều 1 chịu trách nhiệm thi hành "
    "Quyết định này.",
]
TABLE = [("STT", "Họ và tên chủ hộ", "Phường, xã", "Hình thức", "Số tiền"),
         ("1", "Nguyễn Văn Bảy", "Ninh Kiều", "Xây mới", "60.000.000"),
         ("2", "Trần Thị Út", "Cái Khế", "Sửa chữa", "30.000.000"),
         ("3", "Lê Hoàng Phúc", "An Bình", "Xây mới", "60.000.000"),
         ("4", "Phạm Thị Diễm", "Tân An", "Sửa chữa", "30.000.000"),
         ("5", "Đặng Văn Sáu", "Thới An Đông", "Xây mới", "60.000.000")]
RECIPIENTS = ["Nơi nhận:", "- Như Điều 3;", "- TT. Thành ủy, TT. HĐND thành phố;", "- CT, các PCT UBND thành phố;",
              "- Lưu: VT, KT."]
SIGN = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
SIGNER = "Trương Cảnh Tuyên"
APPENDIX = ["PHỤ LỤC", "DANH SÁCH HỘ GIA ĐÌNH ĐƯỢC HỖ TRỢ NHÀ Ở NĂM 2025",
            "(Kèm theo Quyết định số 2315/QĐ-UBND ngày 14 tháng 10 năm 2025)"]
NAMES = ["Huỳnh Văn Lộc", "Võ Thị Thu Hà", "Ngô Minh Trí", "Lâm Thị Kiều", "Châu Văn Đức", "Dương Thị Mai",
         "Quách Văn Hiếu", "Tô Thị Ngọc Ánh", "Lý Văn Thạnh", "Hồ Thị Bích Tuyền", "Mai Văn Nghĩa", "Kiều Thị Yến"]
WARDS = ["Bình Thủy", "Long Tuyền", "Thốt Nốt", "Ô Môn", "Phong Điền", "Cờ Đỏ"]


def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / name), size)


class _Writer:
    """Lays text out top-down on the current page, starting a new page when one is full."""

    def __init__(self) -> None:
        self.pages: list[Image.Image] = []
        self.truths: list[list[str]] = []
        self._new_page()

    def _new_page(self) -> None:
        self.img = Image.new("RGB", (PAGE_W, PAGE_H), "white")
        self.draw = ImageDraw.Draw(self.img)
        self.truth: list[str] = []
        self.pages.append(self.img)
        self.truths.append(self.truth)
        self.y = TOP
        if len(self.pages) > 1:
            number = str(len(self.pages))
            self.centre(number, _font("DejaVuSerif.ttf", 46), record=True)

    def room(self, height: int) -> None:
        if self.y + height > PAGE_H - 220:
            self._new_page()

    def centre(self, text: str, font: ImageFont.FreeTypeFont, *, x0: int = LEFT, x1: int = PAGE_W - RIGHT,
               record: bool = True, advance: bool = True) -> None:
        width = self.draw.textlength(text, font=font)
        self.draw.text(((x0 + x1 - width) / 2, self.y), text, fill="black", font=font)
        if record:
            self.truth.append(text)
        if advance:
            self.y += int(font.size * 1.45)

    def paragraph(self, text: str, font: ImageFont.FreeTypeFont, indent: int = 110) -> None:
        words, line, x_first = text.split(), "", LEFT + indent
        limit = PAGE_W - RIGHT
        lines: list[str] = []
        for word in words:
            trial = f"{line} {word}".strip()
            start = x_first if not lines else LEFT
            if start + self.draw.textlength(trial, font=font) > limit and line:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
        for i, text_line in enumerate(lines):
            self.room(int(font.size * 1.5))
            self.draw.text((x_first if i == 0 else LEFT, self.y), text_line, fill="black", font=font)
            self.truth.append(text_line)
            self.y += int(font.size * 1.5)


def _header(w: _Writer) -> None:
    bold, plain = _font("DejaVuSerif-Bold.ttf", 46), _font("DejaVuSerif.ttf", 46)
    split = LEFT + 800
    top = w.y
    for i, text in enumerate(HEADER_L):     # left and right columns, read column by column
        w.centre(text, bold if i < 2 else plain, x0=LEFT - 100, x1=split)
    w.draw.line([(LEFT + 180, w.y - 20), (split - 280, w.y - 20)], fill="black", width=3)
    w.y = top
    for i, text in enumerate(HEADER_R):
        w.centre(text, bold if i < 2 else _font("DejaVuSerif-Italic.ttf", 44), x0=split, x1=PAGE_W - RIGHT + 60)
    w.y += 60
    for i, text in enumerate(TITLE):
        w.centre(text, _font("DejaVuSerif-Bold.ttf", 54 if i == 0 else 46))
    w.y += 40


def _table(w: _Writer, font: ImageFont.FreeTypeFont, rows: list[tuple[str, ...]] = TABLE) -> None:
    cols = [LEFT, LEFT + 160, LEFT + 860, LEFT + 1250, LEFT + 1600, PAGE_W - RIGHT]
    row_h = int(font.size * 1.9)
    w.room(row_h * len(rows) + 40)
    y = w.y + 20
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            w.draw.text((cols[c] + 18, y + r * row_h + (row_h - font.size) // 2 - 4), cell, fill="black", font=font)
        w.truth.append(" ".join(row))
    for r in range(len(rows) + 1):
        w.draw.line([(cols[0], y + r * row_h), (cols[-1], y + r * row_h)], fill="black", width=3)
    for x in cols:
        w.draw.line([(x, y), (x, y + len(rows) * row_h)], fill="black", width=3)
    w.y = y + len(rows) * row_h + 50


def _scribble(draw: ImageDraw.ImageDraw, x: int, y: int, width: int, rng: random.Random, ink: str) -> None:
    """A handwritten signature or note: looping pen strokes (not text)."""
    for _ in range(rng.randint(2, 3)):
        points = []
        amp, freq, phase = rng.uniform(18, 45), rng.uniform(0.03, 0.06), rng.uniform(0, 6)
        for t in range(0, width, 4):
            points.append((x + t + 25 * math.sin(t * freq * 2.3 + phase),
                           y + amp * math.sin(t * freq + phase) + rng.uniform(-2, 2)))
        draw.line(points, fill=ink, width=rng.randint(4, 6), joint="curve")
        y += rng.randint(10, 40)


def _seal(img: Image.Image, cx: int, cy: int, radius: int) -> None:
    """A red round seal: two rings, ring text set glyph by glyph, a star in the middle."""
    draw = ImageDraw.Draw(img)
    red = (205, 30, 35)
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=red, width=9)
    draw.ellipse([cx - radius + 62, cy - radius + 62, cx + radius - 62, cy + radius - 62], outline=red, width=4)
    font = _font("DejaVuSans-Bold.ttf", 30)
    text = "ỦY BAN NHÂN DÂN * THÀNH PHỐ CẦN THƠ * "
    for i, ch in enumerate(text):
        angle = 2 * math.pi * i / len(text) - math.pi / 2
        glyph = Image.new("L", (44, 44), 0)
        ImageDraw.Draw(glyph).text((22, 22), ch, fill=255, font=font, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.Resampling.BICUBIC)
        gx, gy = cx + (radius - 33) * math.cos(angle), cy + (radius - 33) * math.sin(angle)
        img.paste(Image.new("RGB", glyph.size, red), (int(gx - 22), int(gy - 22)), glyph)
    draw.text((cx, cy), "★", fill=red, font=_font("DejaVuSans.ttf", 110), anchor="mm")


def _signature_block(w: _Writer, rng: random.Random) -> None:
    small, bold = _font("DejaVuSerif.ttf", 38), _font("DejaVuSerif-Bold.ttf", 46)
    w.room(760)
    top = w.y
    for i, text in enumerate(RECIPIENTS):
        font = _font("DejaVuSerif-BoldItalic.ttf", 40) if i == 0 else small
        w.draw.text((LEFT, w.y), text, fill="black", font=font)
        w.truth.append(text)
        w.y += int(font.size * 1.4)
    x0 = LEFT + 1050
    w.y = top
    for text in SIGN:
        w.centre(text, bold, x0=x0, x1=PAGE_W - RIGHT)
    sig_y = w.y + 120
    _scribble(w.draw, x0 + 260, sig_y, 420, rng, "#10208c")
    _seal(w.img, x0 + 250, sig_y + 40, 200)
    w.y = sig_y + 330
    w.centre(SIGNER, bold, x0=x0, x1=PAGE_W - RIGHT)


def decree_pages(seed: int = 11) -> list[tuple[Image.Image, str]]:
    """The decree's pages as 200-dpi 1-bit images (dpi set) with their ground truth."""
    rng = random.Random(seed)
    w = _Writer()
    body = _font("DejaVuSerif.ttf", 50)
    _header(w)
    for i, text in enumerate(BODY):
        if text == "QUYẾT ĐỊNH:":
            w.centre(text, _font("DejaVuSerif-Bold.ttf", 50))
            continue
        w.paragraph(text, body)
        if text.startswith("Mức hỗ trợ"):
            _table(w, _font("DejaVuSerif.ttf", 42))
    _signature_block(w, rng)
    _scribble(ImageDraw.Draw(w.pages[0]), PAGE_W - 700, 90, 380, rng, "#10208c")
    w._new_page()                        # the appendix: a long table
    for i, text in enumerate(APPENDIX):
        w.centre(text, _font("DejaVuSerif-Bold.ttf" if i < 2 else "DejaVuSerif-Italic.ttf", 48))
    rows = [TABLE[0]] + [(str(i + 1), name, WARDS[i % len(WARDS)], ("Xây mới", "Sửa chữa")[i % 2],
                          ("60.000.000", "30.000.000")[i % 2]) for i, name in enumerate(NAMES)]
    _table(w, _font("DejaVuSerif.ttf", 42), rows)
    _scribble(w.draw, LEFT + 200, w.y + 40, 600, rng, "#10208c")   # a handwritten note under the table
    out = []
    for n, (page, truth) in enumerate(zip(w.pages, w.truths)):
        out.append((scan_bitonal(page, skew=0.35 if n == 1 else 0.0, seed=seed + n), "\n".join(truth)))
    return out


def scan_bitonal(page: Image.Image, *, skew: float = 0.0, seed: int = 0) -> Image.Image:
    """A 300-dpi colour page as a 200-dpi 1-bit scan: resample, a little noise, threshold."""
    grey = page.convert("L")
    if skew:
        grey = grey.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    small = grey.resize((grey.width * 2 // 3, grey.height * 2 // 3), Image.Resampling.LANCZOS)
    arr = np.asarray(small, dtype=np.float64) + np.random.default_rng(seed).normal(0, 10, (small.height, small.width))
    out = Image.fromarray(np.where(arr > 150, 255, 0).astype(np.uint8)).convert("1")
    out.info["dpi"] = (200, 200)
    return out


__all__ = ["decree_pages", "scan_bitonal"]
