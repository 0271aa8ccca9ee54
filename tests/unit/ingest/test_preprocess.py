"""Page-adaptive preprocessing: which steps run on which page, and the measurements behind them."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from docmgr.ingest import preprocess
from tests.fixtures.builders import DECISION, render_lines


def _noisy(img: Image.Image, seed: int = 1) -> Image.Image:
    arr = 40 + np.asarray(img, dtype=np.float64) * (200 / 255)
    arr += np.random.default_rng(seed).normal(0, 18, arr.shape)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    out.info["dpi"] = (200, 200)
    return out


@pytest.fixture(scope="module")
def page() -> Image.Image:
    return render_lines(DECISION[:6], size=30, width=1400)


def test_clean_bitonal_page_is_left_alone(page: Image.Image) -> None:
    bitonal = page.convert("1")
    bitonal.info["dpi"] = (200, 200)
    prepared = preprocess.prepare(bitonal)
    assert prepared.stats.bitonal
    assert not {"binarise", "upscale", "denoise", "deskew"} & set(prepared.steps)
    assert prepared.image.size == bitonal.size


def test_skewed_noisy_low_dpi_page_is_deskewed_upscaled_and_cleaned(page: Image.Image) -> None:
    skewed = _noisy(page.rotate(2.0, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255))
    stats = preprocess.measure(skewed)
    assert stats.skew == pytest.approx(-2.0, abs=0.3)
    assert stats.noise >= preprocess.NOISE_MIN and not stats.bitonal
    prepared = preprocess.prepare(skewed)
    assert prepared.steps == ["upscale", "denoise", "deskew"]
    assert prepared.dpi == 300 and prepared.image.width > skewed.width * 1.4
    assert abs(preprocess.estimate_skew(prepared.image)) < 0.3
    fast = preprocess.prepare(skewed, enabled=preprocess.ALL_STEPS)  # binarising is there when asked for
    assert fast.steps == ["upscale", "denoise", "deskew", "binarise"]
    assert {v for _, v in fast.image.getcolors(256) or []} <= {0, 255}


def test_steps_can_be_switched_off(page: Image.Image) -> None:
    skewed = _noisy(page.rotate(2.0, expand=True, fillcolor=255))
    assert preprocess.prepare(skewed, enabled=set()).steps == []


def test_dark_scanner_border_is_removed(page: Image.Image) -> None:
    framed = Image.new("L", (page.width + 80, page.height + 80), 0)
    framed.paste(page, (40, 40))
    cleared = preprocess.remove_border(framed)
    assert cleared is not None
    arr = np.asarray(cleared)
    assert arr[:30].min() == 255 and arr[:, -30:].min() == 255
    assert preprocess.remove_border(page) is None


def test_sideways_page_is_noticed_cheaply(page: Image.Image) -> None:
    assert not preprocess.looks_sideways(page)
    assert preprocess.looks_sideways(page.rotate(90, expand=True))


def test_quarter_turns_follow_osd_convention(page: Image.Image) -> None:
    turned = page.rotate(90, expand=True)          # counter-clockwise: OSD asks to turn 90 clockwise back
    back = preprocess.rotate_quarter(turned, 90)
    assert np.array_equal(np.asarray(back), np.asarray(page))


def test_missing_dpi_is_guessed_from_an_a4_width() -> None:
    img = Image.new("L", (1654, 2339), 255)   # A4 at 200 dpi
    assert preprocess.image_dpi(img) == pytest.approx(200, abs=2)
