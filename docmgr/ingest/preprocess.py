"""Page-adaptive image preprocessing before Tesseract (numpy + Pillow only).

A page is first *measured* (:func:`measure`: resolution, bitonal or grey, noise, skew), then only the
steps that page needs run (:func:`prepare`). The benchmark (``bench/ocr.py``) justifies each one:

* ``seal-dropout`` — on colour scans, the red ink of round seals is dropped out where it lies, so that
  the print under a seal is read (:mod:`docmgr.ingest.marks`; run by the OCR step before the others).
* ``border`` — dark scanner margins painted white (they make Tesseract invent characters).
* ``deskew`` — projection-profile skew estimate on a downscaled page; pages skewed by more than
  :data:`SKEW_MIN` degrees are rotated back.
* ``upscale`` — grey pages scanned below 250 dpi whose measured x-height is under
  :data:`XHEIGHT_MIN` are resampled to 300 dpi (Tesseract's LSTM loses diacritics on small glyphs;
  larger glyphs lose more than they gain).
* ``denoise`` — on noisy grey pages, a 3x3 median filter (specks) then a Gaussian blur of
  :data:`DENOISE_SIGMA` px at 300 dpi (sensor noise): on 24 skewed noisy pages the median alone left
  word recall at 95.5% and CER at 3.0%; with the blur 97.9% and 1.0% (sigma 0.6-1.2 tried, 1.0 best).
* ``binarise`` — Otsu threshold on pages that were denoised (clean grey pages are left to Tesseract);
  off by default (see :data:`DEFAULT_STEPS`).
* ``upscale-bitonal`` — the same for bitonal pages; **off by default**: in the ablation it gained
  1.2 points of recall on single bitonal text pages but lost 2.5 on the three-page bitonal decree
  (seal, handwriting, tables), the kind of scan the office files most.

Clean bitonal pages are therefore never upscaled, denoised or binarised (only a real skew is
straightened: +1.6 points on the decree) and, when nothing ran, Tesseract reads the original file.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Iterable, Optional

import numpy as np
from PIL import Image, ImageFilter

ALL_STEPS = frozenset({"seal-dropout", "border", "deskew", "upscale", "upscale-bitonal", "denoise", "binarise"})
# Binarising noisy grey pages halves Tesseract's time on them but cost 0.5 CER point and 2 points of
# word recall in bench/ocr.py (--ablate): quality first, so it is off unless asked for. Upscaling
# bitonal 200-dpi pages to 300 dpi is there for the benchmark's ablation (see the module docstring).
DEFAULT_STEPS = ALL_STEPS - {"binarise", "upscale-bitonal"}
TARGET_DPI = 300
LOW_DPI = 250
# Below this measured x-height (pixels) a low-resolution page is upscaled. Real-shaped 200-dpi scans of
# 13-14 pt official text measure 19-21 px and lose word recall when upscaled (bench/ocr_real.py:
# 0.933 as scanned, 0.921 upscaled; deskewed at 200 dpi 0.949, upscaled and deskewed 0.937, and
# Tesseract takes 25% more CPU on the larger page); 9-10 pt print at 200 dpi (bench/ocr.py) measures
# 15-17 px and gains 2 points from it.
XHEIGHT_MIN = 18.0
SKEW_MIN = 0.3          # degrees; smaller skews do not hurt Tesseract
SKEW_MAX = 6.0          # search range of the skew estimate
DENOISE_SIGMA = 1.0     # Gaussian blur radius after the median filter (bench/ocr.py)
NOISE_MIN = 4.0         # mean |page - median3(page)| above which a grey page counts as noisy
A4_WIDTH_IN = 8.27


@dataclass(frozen=True)
class PageStats:
    """What :func:`measure` found out about a page image.

    Attributes:
        dpi: resolution (from the file, else guessed from an A4 width).
        bitonal: the page holds (almost) only black and white pixels.
        noise: mean absolute difference to its 3x3 median (0 for a clean page).
        skew: estimated skew in degrees (counter-clockwise positive, as ``Image.rotate`` takes it).
        x_height: median x-height of the text in pixels (None when not measured: a page at
            :data:`LOW_DPI` or more, or too little text).
    """

    dpi: float
    bitonal: bool
    noise: float
    skew: float
    x_height: Optional[float] = None


@dataclass
class Prepared:
    """A page image ready for Tesseract and the steps that made it."""

    image: Image.Image
    steps: list[str]
    dpi: float
    stats: PageStats
    timings: dict[str, float] = field(default_factory=dict)   # seconds per step ("measure", "deskew", ...)


def image_dpi(img: Image.Image, fallback: Optional[float] = None) -> float:
    """The image's resolution from its metadata; guessed from an A4 page width when missing or bogus."""
    dpi = img.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    if value >= 100 and value not in (72.0, 96.0):
        return value
    if fallback:
        return fallback
    guess = max(img.size) / 11.69 if img.width > img.height else img.width / A4_WIDTH_IN
    return float(min(600.0, max(100.0, guess)))


def to_grey(img: Image.Image) -> Image.Image:
    """The page as 8-bit grey (alpha flattened onto white)."""
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(white, rgba)
    return img.convert("L")


def measure(img: Image.Image, dpi: Optional[float] = None) -> PageStats:
    """Measure resolution, bitonality, noise and skew of a page (cheap: works on a downscaled copy)."""
    grey = to_grey(img)
    resolution = dpi or image_dpi(img)
    if img.mode == "1":
        bitonal = True
    else:
        hist = grey.histogram()
        extremes = sum(hist[:16]) + sum(hist[240:])
        bitonal = extremes >= 0.995 * grey.width * grey.height
    noise = 0.0 if bitonal else _noise(grey)
    glyphs = x_height(grey) if resolution < LOW_DPI else None
    return PageStats(resolution, bitonal, noise, estimate_skew(grey), glyphs)


def prepare(img: Image.Image, *, dpi: Optional[float] = None,
            enabled: Iterable[str] = DEFAULT_STEPS) -> Prepared:
    """Run the steps this page needs (only those in ``enabled``) and return the image for Tesseract.

    Args:
        img: the page as rendered or opened.
        dpi: its resolution when known (PDF render scale), else read from the image.
        enabled: the steps allowed to run (the benchmark switches them off one by one).
    """
    allowed = set(enabled)
    clock = Clock()
    stats = measure(img, dpi)
    clock.lap("measure")
    grey = img.convert("1").convert("L") if img.mode == "1" else to_grey(img)
    steps: list[str] = []
    resolution = stats.dpi
    if "border" in allowed:
        cleared = remove_border(grey)
        if cleared is not None:
            grey = cleared
            steps.append("border")
        clock.lap("border")
    grey_page = not stats.bitonal
    upscale = "upscale" if grey_page else "upscale-bitonal"
    if upscale in allowed and resolution < LOW_DPI and (stats.x_height or 0) < XHEIGHT_MIN:
        factor = TARGET_DPI / resolution
        grey = grey.resize((round(grey.width * factor), round(grey.height * factor)), Image.Resampling.LANCZOS)
        resolution = float(TARGET_DPI)
        steps.append(upscale)
        clock.lap(upscale)
    noisy = grey_page and stats.noise >= NOISE_MIN
    if "denoise" in allowed and noisy:
        grey = grey.filter(ImageFilter.MedianFilter(3)).filter(ImageFilter.GaussianBlur(DENOISE_SIGMA))
        steps.append("denoise")
        clock.lap("denoise")
    if "deskew" in allowed and abs(stats.skew) >= SKEW_MIN:
        grey = grey.rotate(stats.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
        steps.append("deskew")
        clock.lap("deskew")
    if "binarise" in allowed and noisy:
        threshold = otsu(grey)
        grey = grey.point(lambda v: 255 if v > threshold else 0)
        steps.append("binarise")
        clock.lap("binarise")
    grey.info["dpi"] = (resolution, resolution)
    return Prepared(grey, steps, resolution, stats, clock.times)


class Clock:
    """Seconds spent per step, for the benchmark's per-step figures."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.times[name] = self.times.get(name, 0.0) + now - self._last
        self._last = now

    def add(self, times: dict[str, float]) -> None:
        """Take over the laps measured elsewhere since the last lap (the clock goes on from now)."""
        for name, seconds in times.items():
            self.times[name] = self.times.get(name, 0.0) + seconds
        self._last = time.perf_counter()


def rotate_quarter(img: Image.Image, degrees: int) -> Image.Image:
    """Rotate clockwise by a multiple of 90 degrees (as Tesseract's OSD ``Rotate:`` asks), keeping dpi."""
    turns = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}
    out = img.transpose(turns[degrees % 360]) if degrees % 360 else img.copy()
    out.info["dpi"] = img.info.get("dpi", (TARGET_DPI, TARGET_DPI))
    return out


def looks_sideways(img: Image.Image) -> bool:
    """True when text lines seem to run vertically (row profile flatter than column profile).

    Cheap: a 400-px binarised thumbnail, no Tesseract. Each profile is taken at its sharpest angle
    within ±:data:`SKEW_MAX` degrees (a page skewed by 1.5° smears its row profile as much as a
    sideways one: a two-column page with a table was sent to OSD for that), and 5% of each edge is
    left out (a scanner's dark edge is one long line of "ink").
    """
    small = _ink(_downscale(to_grey(img), 400))
    h, w = small.shape
    small = small[h // 20: h - h // 20, w // 20: w - w // 20]   # not a dark scanner edge
    if small.sum() < 50:
        return False
    ys, xs = np.nonzero(small)
    rows = _sharpest(ys.astype(np.float64), xs.astype(np.float64) - small.shape[1] / 2)[1]
    cols = _sharpest(xs.astype(np.float64), ys.astype(np.float64) - small.shape[0] / 2)[1]
    return cols > 1.5 * rows


def x_height(grey: Image.Image) -> Optional[float]:
    """The median x-height of the text in pixels (None when there is too little text to tell).

    Measured on narrow vertical strips (so a skew of a degree or two does not smear the lines): in
    each strip the row profile of the ink is cut into text lines at blank rows, and a line's x-height
    is its run of dense rows (at least half of its 80th-percentile row, so that a serif's base line does
    not set the scale) — the band between base line and mean line, which ascenders, descenders and
    diacritics only cross thinly.
    """
    arr = np.asarray(grey)
    ink = arr <= otsu(grey)
    h, w = ink.shape
    strip = max(40, w // 12)
    heights: list[int] = []
    for x0 in range(w // 8, w - w // 8 - strip + 1, strip):
        profile = ink[h // 10: h - h // 10, x0:x0 + strip].sum(axis=1)
        on = profile > max(1, strip // 100)
        edges = np.flatnonzero(np.diff(np.concatenate(([0], on.astype(np.int8), [0]))))
        for top, bottom in zip(edges[::2], edges[1::2]):
            band = profile[top:bottom]
            if not 6 <= bottom - top <= h // 10 or band.max() < strip // 8:
                continue
            dense = band >= np.percentile(band, 80) / 2
            peak = int(np.argmax(band))
            lo, hi = peak, peak
            while lo > 0 and dense[lo - 1]:
                lo -= 1
            while hi < len(band) - 1 and dense[hi + 1]:
                hi += 1
            heights.append(hi - lo + 1)
    return float(np.median(heights)) if len(heights) >= 8 else None


def estimate_skew(grey: Image.Image) -> float:
    """Skew in degrees by maximising the row-profile sharpness of a ~1000-px copy (coarse then fine).

    The ink pixels' coordinates are projected for each candidate angle (no image rotation), so the
    whole search costs a few milliseconds.
    """
    small = _downscale(grey, 1000)
    ys, xs = np.nonzero(_ink(small))
    if len(ys) < 200:
        return 0.0
    return _sharpest(ys.astype(np.float64), xs.astype(np.float64) - small.width / 2)[0]


def _sharpest(ys: np.ndarray, xs: np.ndarray) -> tuple[float, float]:
    """The angle (coarse 0.25° then fine 0.05° steps within ±:data:`SKEW_MAX`) at which the ink's row
    profile is sharpest, and that sharpness. ``xs`` are centred on the page's middle."""
    if len(ys) > 60000:
        pick = np.random.default_rng(0).choice(len(ys), 60000, replace=False)
        ys, xs = ys[pick], xs[pick]

    def score(angle: float) -> float:
        # Image.rotate(angle) turns counter-clockwise; with y pointing down a point's new row is y*cos - x*sin.
        rad = np.deg2rad(angle)
        rows = ys * np.cos(rad) - xs * np.sin(rad)
        profile = np.bincount((rows - rows.min()).astype(np.int64)).astype(np.float64)
        return _profile_score(profile)

    coarse = np.arange(-SKEW_MAX, SKEW_MAX + 1e-9, 0.25)
    best = max(coarse, key=score)
    fine = np.arange(best - 0.25, best + 0.25 + 1e-9, 0.05)
    angle = max(fine, key=score)
    return round(float(angle), 2), score(angle)


def remove_border(grey: Image.Image) -> Optional[Image.Image]:
    """Paint dark scanner margins white; None when the page has none."""
    arr = np.asarray(grey)
    dark = arr < 100
    limit_r, limit_c = arr.shape[0] // 8, arr.shape[1] // 8
    top = _run(dark.mean(axis=1), limit_r)
    bottom = _run(dark.mean(axis=1)[::-1], limit_r)
    left = _run(dark.mean(axis=0), limit_c)
    right = _run(dark.mean(axis=0)[::-1], limit_c)
    if not (top or bottom or left or right):
        return None
    out = arr.copy()
    pad = 2
    if top:
        out[: top + pad] = 255
    if bottom:
        out[arr.shape[0] - bottom - pad:] = 255
    if left:
        out[:, : left + pad] = 255
    if right:
        out[:, arr.shape[1] - right - pad:] = 255
    result = Image.fromarray(out)
    result.info = dict(grey.info)
    return result


def otsu(grey: Image.Image) -> int:
    """Otsu's global threshold of an 8-bit image."""
    hist = np.asarray(grey.histogram(), dtype=np.float64)
    total = hist.sum()
    levels = np.arange(256)
    weight = np.cumsum(hist)
    mean = np.cumsum(hist * levels)
    between = (mean[-1] * weight - mean * total) ** 2 / np.maximum(weight * (total - weight), 1e-9)
    return int(np.argmax(between))


def thumbnail_png(img: Image.Image, width: int = 200) -> bytes:
    """A small PNG of the page for the viewer."""
    import io

    source = to_grey(img) if img.mode not in ("L", "RGB") else img
    height = max(1, round(source.height * width / max(1, source.width)))
    thumb = source.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=2.0)
    buf = io.BytesIO()
    thumb.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def _downscale(grey: Image.Image, longest: int) -> Image.Image:
    scale = longest / max(grey.size)
    if scale >= 1:
        return grey
    return grey.resize((max(1, round(grey.width * scale)), max(1, round(grey.height * scale))),
                       Image.Resampling.BOX)


def _ink(grey: Image.Image) -> np.ndarray:
    """1 where a pixel is ink (darker than Otsu's threshold), else 0."""
    return (np.asarray(grey) <= otsu(grey)).astype(np.uint8)


def _noise(grey: Image.Image) -> float:
    """Mean |pixel - median3| over the paper (not the ink) of a full-resolution central crop."""
    w, h = grey.size
    side = 700
    crop = grey.crop((max(0, (w - side) // 2), max(0, (h - side) // 2), min(w, (w + side) // 2),
                      min(h, (h + side) // 2)))
    arr = np.asarray(crop, dtype=np.int16)
    med = np.asarray(crop.filter(ImageFilter.MedianFilter(3)), dtype=np.int16)
    paper = med > otsu(crop)
    if paper.sum() < 100:
        return 0.0
    return float(np.abs(arr - med)[paper].mean())


def _profile_score(profile: np.ndarray) -> float:
    """Sum of squared differences of neighbouring profile values, normalised by the ink total."""
    total = float(profile.sum()) or 1.0
    return float((np.diff(profile) ** 2).sum()) / total


def _run(fraction: np.ndarray, limit: int) -> int:
    """Length of the leading run of mostly-dark lines (at most ``limit``)."""
    n = 0
    while n < limit and fraction[n] > 0.6:
        n += 1
    return n


__all__ = ["ALL_STEPS", "DEFAULT_STEPS", "PageStats", "Prepared", "estimate_skew", "image_dpi", "looks_sideways", "measure",
           "otsu", "prepare", "remove_border", "rotate_quarter", "thumbnail_png", "to_grey", "x_height"]
