"""Filing through the ingest service: every kind of input, duplicates, and every kind of bad input."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

from docmgr.services.check import check_library
from docmgr.services.documents import restore, show, trash
from docmgr.services.ingest import ingest_file, ingest_paths
from tests.fixtures.builders import (DECISION, corrupted, docx, giant_image_pdf, image_pdf, render_lines, save_image,
                                     text_pdf, truncated)

SHORT = ["ĐƠN ĐỀ NGHỊ ĐĂNG KÝ KHAI SINH", "Họ và tên: Nguyễn Văn Đức"]


def _text(library: Any, doc_id: int) -> str:
    return "\n".join(p["text"] for p in show(library, doc_id)["pages"])


def test_born_digital_pdf_uses_the_text_layer(library: Any, inputs: Path) -> None:
    pdf = text_pdf(inputs / "qd.pdf", [DECISION, ["Điều 2. Quyết định này có hiệu lực kể từ ngày ký."]])
    result = ingest_file(library, pdf)
    assert (result.status, result.pages, result.text_source) == ("filed", 2, "text-layer")
    data = show(library, result.id)
    assert [p["source"] for p in data["pages"]] == ["text-layer", "text-layer"]
    assert "Nguyễn Thị Hồng Nhung" in data["pages"][0]["text"]
    assert data["filename"] == "qd.pdf" and data["status"] == "inbox"


@pytest.mark.tesseract
def test_mixed_pdf_is_read_page_by_page(library: Any, inputs: Path, tmp_path: Path) -> None:
    from fpdf import FPDF

    scan = save_image(render_lines(SHORT, size=40, width=1400), tmp_path / "scan.png")
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    pdf.set_font("DejaVu", size=12)
    pdf.add_page()
    for line in DECISION:
        pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.image(str(scan), x=10, y=10, w=190)
    pdf.output(str(inputs / "mixed.pdf"))

    result = ingest_file(library, inputs / "mixed.pdf")
    assert (result.status, result.text_source, result.pages) == ("filed", "mixed", 2)
    pages = show(library, result.id)["pages"]
    assert [p["source"] for p in pages] == ["text-layer", "ocr"]
    assert "KHAI SINH" in pages[1]["text"]


@pytest.mark.tesseract
def test_scanned_pdf_goes_to_ocr(library: Any, inputs: Path) -> None:
    pdf = image_pdf(inputs / "scan.pdf", [render_lines(DECISION[4:8], size=40, width=1500)])
    result = ingest_file(library, pdf)
    assert (result.status, result.text_source) == ("filed", "ocr")
    text = _text(library, result.id)
    assert "QUYẾT ĐỊNH" in text and "khai sinh" in text


@pytest.mark.tesseract
@pytest.mark.parametrize("fmt, suffix", [("PNG", ".png"), ("JPEG", ".jpg"), ("BMP", ".bmp"), ("WEBP", ".webp")])
def test_image_formats_by_content(library: Any, inputs: Path, fmt: str, suffix: str) -> None:
    path = inputs / "scan.bin"  # the extension says nothing: the content decides
    render_lines(SHORT, size=40, width=1400).convert("RGB").save(path, format=fmt)
    result = ingest_file(library, path)
    assert (result.status, result.text_source, result.pages) == ("filed", "ocr", 1), result.error
    doc = library.catalog.get(result.id)
    assert doc.suffix == suffix
    assert "KHAI SINH" in _text(library, result.id)


@pytest.mark.tesseract
def test_multi_page_tiff(library: Any, inputs: Path) -> None:
    first = render_lines(SHORT[:1], size=40, width=1400)
    second = render_lines(["TỜ KHAI ĐĂNG KÝ KẾT HÔN"], size=40, width=1400)
    first.save(inputs / "two.tif", save_all=True, append_images=[second], compression="tiff_lzw")
    result = ingest_file(library, inputs / "two.tif")
    assert (result.status, result.pages) == ("filed", 2)
    pages = show(library, result.id)["pages"]
    assert "KẾT HÔN" in pages[1]["text"]


def test_text_and_docx_are_plain(library: Any, inputs: Path) -> None:
    (inputs / "a.txt").write_text("\n".join(DECISION), encoding="utf-16")
    docx(inputs / "b.docx", ["CÔNG VĂN"], table=[["Số: 12/UBND-VX", "Cần Thơ, ngày 03 tháng 02 năm 2026"]])
    results = ingest_paths(library, [inputs / "a.txt", inputs / "b.docx"])
    assert [(r.status, r.text_source) for r in results] == [("filed", "plain"), ("filed", "plain")]
    assert "Số: 2820/QĐ-UBND" in _text(library, results[0].id)
    assert "Số: 12/UBND-VX" in _text(library, results[1].id)


def test_duplicates_are_found_by_content(library: Any, inputs: Path) -> None:
    (inputs / "a.txt").write_text("Giấy xác nhận tình trạng hôn nhân", encoding="utf-8")
    (inputs / "copy of a.txt").write_bytes((inputs / "a.txt").read_bytes())
    first, second = ingest_paths(library, [inputs / "a.txt", inputs / "copy of a.txt"])
    assert first.status == "filed" and (second.status, second.id) == ("duplicate", first.id)
    assert len(library.catalog.all_ids()) == 1
    assert len(list(library.paths.originals.rglob("*.txt"))) == 1


def test_folders_are_walked_recursively_in_order(library: Any, inputs: Path) -> None:
    (inputs / "sub").mkdir()
    (inputs / "b.txt").write_text("Thông báo tiếp nhận hồ sơ số 2", encoding="utf-8")
    (inputs / "sub" / "a.txt").write_text("Thông báo tiếp nhận hồ sơ số 1", encoding="utf-8")
    (inputs / ".hidden.txt").write_text("bỏ qua", encoding="utf-8")
    results = ingest_paths(library, [inputs])
    assert [Path(r.path).name for r in results] == ["b.txt", "a.txt"]
    assert all(r.status == "filed" for r in results)


def _huge_png_header(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims width × height pixels, with (almost) no pixel data behind it."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
                     + chunk(b"IEND", b""))
    return path


def _bad_inputs(inputs: Path, tmp_path: Path) -> dict[str, tuple[Path, str]]:
    good = text_pdf(tmp_path / "good.pdf", [DECISION, DECISION])
    from fpdf import FPDF

    big = FPDF(format=(3000, 3000))  # millimetres: a 9 m² page
    big.add_page()
    big.output(str(inputs / "poster.pdf"))
    (inputs / "empty.pdf").write_bytes(b"")
    (inputs / "random.bin").write_bytes(bytes(range(256)) * 40)
    return {
        "zero": (inputs / "empty.pdf", "empty file"),
        "truncated": (truncated(good, inputs / "truncated.pdf", 0.4), "PDF"),
        "corrupted": (corrupted(good, inputs / "corrupted.pdf"), "PDF"),
        "locked": (text_pdf(inputs / "locked.pdf", [DECISION], password="bimat-2026"), "needs a password"),
        "huge image": (_huge_png_header(inputs / "huge.png", 20000, 20000), "image too large"),
        "huge page": (inputs / "poster.pdf", "too large"),
        "giant JBIG2": (giant_image_pdf(inputs / "giant.pdf"), "embedded image too large (35000×35000"),
        "unsupported": (inputs / "random.bin", "unsupported file type"),
        "missing": (inputs / "no-such-file.pdf", "no such file"),
    }


def test_bad_inputs_are_rejected_one_line_each_and_the_batch_goes_on(library: Any, inputs: Path,
                                                                     tmp_path: Path) -> None:
    bad = _bad_inputs(inputs, tmp_path)
    after = inputs / "after.txt"
    after.write_text("Biên nhận hồ sơ", encoding="utf-8")
    before = {p: p.read_bytes() for p, _ in bad.values() if p.exists()}

    results = ingest_paths(library, [p for p, _ in bad.values()] + [after])

    for (name, (path, cause)), result in zip(bad.items(), results):
        assert result.status == "rejected" and result.id is None, name
        assert cause in result.error and "\n" not in result.error, (name, result.error)
        assert result.path == str(path)
    assert results[-1].status == "filed"
    assert library.catalog.all_ids() == [results[-1].id]  # nothing half-written
    assert {p: p.read_bytes() for p in before} == before  # originals untouched
    quarantined = sorted(p.name for p in library.paths.quarantine.iterdir())
    assert any(n.endswith("locked.pdf") for n in quarantined)
    assert any(n.endswith("locked.pdf.reason.txt") for n in quarantined)
    assert not any(n.endswith("no-such-file.pdf") or n.endswith("empty.pdf") for n in quarantined)
    assert len(library.catalog.rejections()) == len(bad)
    assert check_library(library)["ok"]


def test_encrypted_pdf_with_password(library: Any, inputs: Path) -> None:
    locked = text_pdf(inputs / "locked.pdf", [DECISION], password="bimat-2026")
    wrong = ingest_paths(library, [locked], password="sai")[0]
    assert wrong.status == "rejected" and "wrong password" in wrong.error
    right = ingest_paths(library, [locked], password="bimat-2026")[0]
    assert (right.status, right.text_source) == ("filed", "text-layer")
    assert "QUYẾT ĐỊNH" in _text(library, right.id)


def test_page_limit(library: Any, inputs: Path) -> None:
    library.settings.max_pages = 3
    pdf = text_pdf(inputs / "long.pdf", [["Trang"]] * 4)
    result = ingest_file(library, pdf)
    assert result.status == "rejected" and "too many pages (4 > 3)" in result.error


@pytest.mark.tesseract
def test_per_file_time_limit(library: Any, inputs: Path) -> None:
    library.settings.file_time_limit = 0.05
    pdf = image_pdf(inputs / "slow.pdf", [render_lines(DECISION, size=40)] * 2)
    result = ingest_file(library, pdf)
    assert result.status == "rejected" and "per-file limit (0.05 s)" in result.error
    assert library.catalog.all_ids() == []


def test_trash_and_restore_keep_everything(library: Any, inputs: Path) -> None:
    (inputs / "a.txt").write_text("Đơn khiếu nại", encoding="utf-8")
    doc_id = ingest_file(library, inputs / "a.txt").id
    trash(library, doc_id)
    assert show(library, doc_id)["status"] == "trashed"
    assert [d.id for d in library.catalog.documents()] == []
    restore(library, doc_id)
    assert show(library, doc_id)["status"] == "inbox"
    assert _text(library, doc_id) == "Đơn khiếu nại"


def test_check_finds_damaged_and_missing_originals(library: Any, inputs: Path) -> None:
    for name in ("a", "b"):
        (inputs / f"{name}.txt").write_text(f"Hồ sơ {name}", encoding="utf-8")
    a, b = (r.id for r in ingest_paths(library, [inputs / "a.txt", inputs / "b.txt"]))
    assert check_library(library)["ok"]
    doc_a, doc_b = library.catalog.get(a), library.catalog.get(b)
    path_a = library.original_path(doc_a.sha256, doc_a.suffix)
    path_a.chmod(0o644)
    path_a.write_text("Hồ sơ a (sửa)", encoding="utf-8")
    path_b = library.original_path(doc_b.sha256, doc_b.suffix)
    path_b.chmod(0o644)
    path_b.unlink()
    report = check_library(library)
    assert not report["ok"]
    assert {(p["kind"], p["id"]) for p in report["problems"]} == {("checksum", a), ("missing-original", b)}


def test_a_long_pdf_is_read_in_parallel_ranges_and_kept_in_order(library: Any, inputs: Path) -> None:
    pages = [[f"Trang số {n}: biên bản họp dân khu vực {n}"] for n in range(1, 20)]
    long_pdf = text_pdf(inputs / "long.pdf", pages)
    (inputs / "note.txt").write_text("Phiếu chuyển", encoding="utf-8")
    results = ingest_paths(library, [long_pdf, inputs / "note.txt"], workers=2)
    assert [r.status for r in results] == ["filed", "filed"]
    stored = library.catalog.pages(results[0].id)
    assert [p.number for p in stored] == list(range(1, 20))
    assert all(f"Trang số {p.number}:" in p.text for p in stored)


@pytest.mark.tesseract
@pytest.mark.parametrize("variant", ["rgba-png", "alpha-tiff", "heic", "cmyk-jpeg", "palette-png", "16bit-png"])
def test_odd_image_variants_are_read(library: Any, inputs: Path, variant: str) -> None:
    from PIL import Image

    page = render_lines(SHORT, size=40, width=1400)
    path = inputs / f"odd-{variant}"
    if variant in ("rgba-png", "alpha-tiff"):
        # black text on a transparent background: read as if on white paper
        rgba = Image.new("RGBA", page.size, (0, 0, 0, 0))
        rgba.putalpha(page.point(lambda v: 255 - v))
        rgba.save(path, format="PNG" if variant == "rgba-png" else "TIFF")
    elif variant == "heic":
        from pillow_heif import register_heif_opener

        register_heif_opener()
        page.convert("RGB").save(path, format="HEIF", quality=90)
    elif variant == "cmyk-jpeg":
        page.convert("CMYK").save(path, format="JPEG", quality=90)
    elif variant == "palette-png":
        page.convert("P").save(path, format="PNG")
    else:
        page.point(lambda v: v * 257, mode="I").convert("I;16").save(path, format="PNG")
    result = ingest_file(library, path)
    assert (result.status, result.text_source) == ("filed", "ocr"), result.error
    assert "KHAI SINH" in _text(library, result.id)
