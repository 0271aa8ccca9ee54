import pytest

from docmgr.ingest.quality import judge, layer_wins
from tests.fixtures.builders import DECISION

UNICODE = "Tiếng Việt rất hay, đăng ký khai sinh cho cháu Nguyễn Thị Hồng Nhung tại thành phố Cần Thơ."
TCVN3 = "TiÕng ViÖt rÊt hay, ®¨ng ký khai sinh cho ch¸u NguyÔn ThÞ Hång Nhung t¹i thµnh phè CÇn Th¬."
VNI = "Tieáng Vieät raát hay, ñaêng kyù khai sinh cho chaùu Nguyeãn Thò Hoàng Nhung taïi thaønh phoá Caàn Thô."


@pytest.mark.parametrize("text", [
    UNICODE,
    "The quick brown fox jumps over the lazy dog; invoice 2020-11-01 total 1,234.56 USD.",
    "La réunion du conseil a été reportée; où et quand aura-t-elle lieu? Le maître l'a dit à Noël.",
    "Größe der Fläche: 25 m², Temperatur 21°C, Preis 10 € (Mwst. ½) — © 2020 Firma®",
    "2019  1.234  5.678  9.012\n2020  3.456  7.890  1.234\n2021  4.567  8.901  2.345",
])
def test_real_text_layers_are_kept(text: str) -> None:
    assert judge(text, has_image=True).usable


@pytest.mark.parametrize("text, reason", [
    (TCVN3, "TCVN3"),
    (VNI, "VNI"),
    ("(cid:3)(cid:4)(cid:5)(cid:6)(cid:7)(cid:8)(cid:9)(cid:10)(cid:11) (cid:12)", "ToUnicode"),
    (" ".join("\ue001\ue002\ue003\ue004\ue005" for _ in range(8)), "unmapped"),
    ("", "no text layer"),
    ("Trang 1", "too short"),
])
def test_garbage_or_missing_text_goes_to_ocr(text: str, reason: str) -> None:
    verdict = judge(text, has_image=True)
    assert not verdict.usable and reason in verdict.reason


def test_an_empty_page_without_images_is_not_ocred() -> None:
    assert judge("", has_image=False).usable


def test_a_full_page_image_with_a_stamp_of_text_is_a_scan() -> None:
    stamp = "Scanned by EPSON DS-530 on 2026-11-20 14:05"
    assert not judge(stamp, has_image=True, image_coverage=0.95).usable
    assert judge(stamp * 6, has_image=True, image_coverage=0.95).usable  # a real text layer over the scan
    assert judge(stamp, has_image=True, image_coverage=0.05).usable  # a logo beside a short note


SCANNER_LAYER = ("UBND THANH PHO DA NANG CONG Hcok xA HQI CHiJ NGHiA VIVT NAM Doc lap Tu do Hanh phuc "
                 "S6: 463Y SGDDT Da Nang, ngay 12 thang 3 nam 2024 QUYET DINH Ve viec cong nhan ket qua "
                 "Can cu Luat To chuc chinh quyen dia phuong ngay 19 thang 6 nam 2015; GIAM DOC SO GIAO DUC")


def test_a_scanners_invisible_layer_without_vietnamese_goes_to_ocr() -> None:
    verdict = judge(SCANNER_LAYER, has_image=True, image_coverage=1.0, invisible_share=1.0)
    assert not verdict.usable and verdict.layer_may_win and "scanner's OCR layer" in verdict.reason
    english = ("The committee met on Tuesday and approved the budget for the next fiscal year, "
               "including the new library and the road repairs, after a long debate about the schools.")
    assert not judge(english, has_image=True, image_coverage=1.0, invisible_share=1.0).usable


def test_a_scanners_layer_in_vietnamese_and_visible_text_are_kept() -> None:
    vietnamese = " ".join(DECISION)
    assert judge(vietnamese, has_image=True, image_coverage=1.0, invisible_share=1.0).usable
    # the same unmarked words drawn visibly (a born-digital page with a background image) are kept
    assert judge(SCANNER_LAYER, has_image=True, image_coverage=1.0, invisible_share=0.0).usable
    assert judge(SCANNER_LAYER, has_image=True, image_coverage=0.2, invisible_share=1.0).usable


def test_the_scanners_layer_wins_only_where_ocr_reads_worse() -> None:
    vietnamese = " ".join(DECISION)
    assert not layer_wins(SCANNER_LAYER, vietnamese)
    assert layer_wins(vietnamese, "Hcok xA HQI CHiJ NGHiA VIVT NAM")
    assert layer_wins(SCANNER_LAYER, "")   # OCR read nothing
