"""OCR with the real tesseract on small rendered Vietnamese pages."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from docmgr.core.errors import Cancelled, RejectedInput, ToolMissing
from docmgr.core.progress import CancelToken
from docmgr.ingest.ocr import OcrJob, OcrPage, check_tesseract, ocr_pages
from tests.fixtures.builders import DECISION, image_pdf, render_lines, save_image

pytestmark = pytest.mark.tesseract
LINES = DECISION[6:10]     # QUYẾT ĐỊNH, Về việc công nhận ..., Căn cứ Luật Hộ tịch ..., Điều 1 ...


def _page() -> Image.Image:
    return render_lines(LINES, size=30, width=1500)


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, OcrPage]:
    """Three pages through the process pool: upright, turned 90°, skewed + noisy grey."""
    folder = tmp_path_factory.mktemp("ocr")
    upright = save_image(_page(), folder / "upright.png")
    turned = _page().rotate(90, expand=True)
    turned.info["dpi"] = (200, 200)
    rotated = save_image(turned, folder / "rotated.png")
    arr = 40 + np.asarray(_page().rotate(2.0, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255),
                          dtype=np.float64) * 0.8
    arr += np.random.default_rng(3).normal(0, 15, arr.shape)
    skewed = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    skewed.info["dpi"] = (200, 200)
    skewed_path = save_image(skewed, folder / "skewed.png")
    seen: list[tuple[int, int]] = []
    pages = ocr_pages([OcrJob(str(p), "image", 0, i + 1) for i, p in enumerate((upright, rotated, skewed_path))],
                      progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (3, 3)
    return dict(zip(("upright", "rotated", "skewed"), pages))


def _words(page: OcrPage) -> set[str]:
    return {w.text.strip(".,;:") for w in page.page.words}


def test_diacritics_are_recognised(results: dict[str, OcrPage]) -> None:
    page = results["upright"].page
    assert page.source == "ocr" and page.number == 1
    assert {"QUYẾT", "ĐỊNH", "Điều", "việc", "nhận", "Hộ", "tịch"} <= _words(results["upright"])
    assert page.confidence is not None and page.confidence > 80
    assert not results["upright"].low_confidence


def test_word_boxes_lie_inside_the_page(results: dict[str, OcrPage]) -> None:
    page = results["upright"].page
    assert page.width and page.height and len(page.words) >= 20
    for w in page.words:
        assert 0 <= w.left and w.left + w.width <= page.width
        assert 0 <= w.top and w.top + w.height <= page.height
        assert 0 <= w.conf <= 100


def test_a_page_turned_90_degrees_is_recognised(results: dict[str, OcrPage]) -> None:
    result = results["rotated"]
    assert result.orientation == 90 and "rotate90" in result.page.steps
    assert {"QUYẾT", "ĐỊNH", "Điều", "tịch"} <= _words(result)


def test_a_skewed_noisy_page_is_deskewed(results: dict[str, OcrPage]) -> None:
    result = results["skewed"]
    assert "deskew" in result.page.steps and "upscale" in result.page.steps
    assert abs(result.skew + 2.0) < 0.4
    assert {"QUYẾT", "ĐỊNH", "Điều", "tịch"} <= _words(result)


def test_results_carry_a_thumbnail_and_a_searchable_page_pdf(results: dict[str, OcrPage]) -> None:
    result = results["upright"]
    assert result.pdf is not None and result.pdf.startswith(b"%PDF")
    assert result.thumbnail is not None and result.thumbnail.startswith(b"\x89PNG")


def test_clean_bitonal_pdf_page_is_not_binarised_or_upscaled(tmp_path: Path) -> None:
    page = _page().convert("1")
    pdf = image_pdf(tmp_path / "scan.pdf", [page])
    (result,) = ocr_pages([OcrJob(str(pdf), "pdf", 0, 1)])
    assert not {"binarise", "upscale", "denoise"} & set(result.page.steps)
    assert "QUYẾT" in result.page.text


def test_cancel_is_honoured(tmp_path: Path) -> None:
    path = save_image(_page(), tmp_path / "p.png")
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        ocr_pages([OcrJob(str(path), "image", 0, 1)] * 2, cancel=token)
    with pytest.raises(TimeoutError):
        ocr_pages([OcrJob(str(path), "image", 0, 1)], cancel=CancelToken(deadline=0.0))


def test_a_broken_image_is_rejected_with_its_cause(tmp_path: Path) -> None:
    good = save_image(_page(), tmp_path / "good.png")
    broken = tmp_path / "broken.png"
    broken.write_bytes(good.read_bytes()[:300])
    with pytest.raises(RejectedInput, match=r"^page 3: unreadable image"):
        ocr_pages([OcrJob(str(broken), "image", 0, 3)])


def test_missing_language_data_is_named() -> None:
    check_tesseract("vie+eng")
    with pytest.raises(ToolMissing, match=r"xyz.*apt-get install tesseract-ocr-xyz.*tessdata"):
        check_tesseract("vie+xyz")


def test_one_tesseract_run_reads_several_pages_and_keeps_them_apart(tmp_path: Path) -> None:
    """A batch of three pages in one run: a two-frame TIFF (not handed to Tesseract as is: it would read
    both frames) and a clean 300-dpi PNG (read from its own file); each result has its own text and PDF."""
    from pypdf import PdfReader

    first = render_lines(["QUYẾT ĐỊNH", "Căn cứ Luật Hộ tịch"], size=44, dpi=300)
    second = render_lines(["THÔNG BÁO", "Kết quả giải quyết hồ sơ"], size=44, dpi=300)
    third = render_lines(["BIÊN BẢN", "Kiểm tra công trình xây dựng"], size=44, dpi=300)
    tiff = tmp_path / "two.tif"
    first.save(tiff, dpi=(300, 300), save_all=True, append_images=[second])
    png = save_image(third, tmp_path / "third.png")
    jobs = [OcrJob(str(tiff), "image", 0, 1), OcrJob(str(tiff), "image", 1, 2), OcrJob(str(png), "image", 0, 3)]
    pages = ocr_pages(jobs, workers=1)
    assert [p.page.number for p in pages] == [1, 2, 3]
    expected = [("QUYẾT", "THÔNG"), ("THÔNG", "QUYẾT"), ("BIÊN", "THÔNG")]
    for result, (present, absent) in zip(pages, expected):
        assert present in _words(result) and absent not in _words(result)
        assert result.page.steps == [] and result.pdf is not None
        reader = PdfReader(io.BytesIO(result.pdf))
        assert len(reader.pages) == 1 and present in reader.pages[0].extract_text()
    (alone,) = ocr_pages(jobs[:1])    # one page alone is not read through a list, where frames would count
    assert len(PdfReader(io.BytesIO(alone.pdf or b"")).pages) == 1 and "THÔNG" not in _words(alone)
