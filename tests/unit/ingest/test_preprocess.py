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


def test_skewed_noisy_low_dpi_small_print_is_deskewed_upscaled_and_cleaned() -> None:
    page = render_lines(DECISION[:6], size=20, width=1400)   # ~8 pt at 200 dpi: x-height ~15 px
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


def test_low_dpi_page_with_large_glyphs_is_not_upscaled(page: Image.Image) -> None:
    """Upscaling is decided by the glyphs' measured size, not by the resolution alone: 13-14 pt text
    at 200 dpi reads better (and faster) as it is."""
    skewed = _noisy(page.rotate(2.0, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255))
    stats = preprocess.measure(skewed)
    assert stats.dpi == 200 and stats.x_height is not None and stats.x_height >= preprocess.XHEIGHT_MIN
    prepared = preprocess.prepare(skewed)
    assert prepared.steps == ["denoise", "deskew"]
    assert prepared.dpi == 200 and prepared.image.info["dpi"] == (200, 200)


def test_x_height_follows_the_print_size() -> None:
    small, large = (preprocess.x_height(render_lines(DECISION[:6], size=s, width=1400)) for s in (20, 40))
    assert small is not None and large is not None and 1.7 < large / small < 2.3


def test_skewed_scan_with_a_dark_edge_is_not_taken_for_sideways() -> None:
    """A skew of 1.5° smears the row profile and a scanner's dark edge is one long column of ink:
    together they sent upright scans to OSD (seconds per page)."""
    page = render_lines(DECISION * 3, size=24, width=1650, spacing=1.4)
    tilted = page.rotate(1.5, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    arr = np.asarray(tilted, dtype=np.float64) * 0.93
    arr[:, :35] *= np.linspace(0.4, 1, 35)[None, :]
    scan = Image.fromarray(arr.astype(np.uint8))
    assert not preprocess.looks_sideways(scan)
    assert preprocess.looks_sideways(scan.rotate(90, expand=True))


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
