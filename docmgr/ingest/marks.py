"""Seals and handwritten signatures on colour scans, and the seal colour dropped before OCR.

Vietnamese official papers carry a red round seal stamped over the signer's title and a signature
in blue ink (Decree 30/2020). On a colour scan both are told apart from the black print by their
colour alone:

* **seal** — a cluster of red ink (red well above green and blue) that is roughly round and at
  least :data:`SEAL_MIN_MM` across; its box is recorded;
* **signature** — a cluster of blue ink at least :data:`SIGNATURE_MIN_MM` wide (handwriting; offices
  print in black);
* **drop-out** — where red ink lies, the page's grey is taken from the red channel, in which red ink
  is as light as the paper while black print under it stays black: Tesseract then reads the text
  the seal covers instead of the seal's ring.

Found on a 1/:data:`SCALE` copy (a few milliseconds); boxes are returned in the page's pixels. Grey
and bitonal scans have lost the colour, so nothing is found on them (and nothing is dropped).
"""

from __future__ import annotations

from typing import Optional

import numpy as np
from PIL import Image

from docmgr.core.models import Mark

SCALE = 4                  # marks are looked for on a copy this many times smaller
RED_MARGIN = 50            # red ink: R exceeds both G and B by this much
DROP_MARGIN = 25           # inside a seal's box, redder than this is dropped (JPEG blurs the ink's edges)
BLUE_MARGIN = 40           # blue ink: B exceeds R by this much (and G by half of it)
SEAL_MIN_MM = 20.0         # office seals are 30-42 mm across
SIGNATURE_MIN_MM = 15.0
COLOUR_MIN = 0.0005        # share of chromatic pixels from which a page counts as a colour scan


def is_colour(img: Image.Image) -> bool:
    """Whether an RGB page holds colour ink (not a grey page stored as RGB)."""
    if img.mode != "RGB":
        return False
    arr = np.asarray(_small(img)[0], dtype=np.int16)
    chroma = arr.max(axis=2) - arr.min(axis=2)
    return float((chroma > 60).mean()) >= COLOUR_MIN


def find_marks(img: Image.Image, dpi: float) -> list[Mark]:
    """The seals and signatures on an RGB page, boxes in its pixels."""
    if img.mode != "RGB":
        return []
    small, factor = _small(img)
    arr = np.asarray(small, dtype=np.int16)
    r, g, b = arr[..., 0], arr[..., 1], arr[..., 2]
    px_per_mm = dpi / 25.4 / factor
    marks = []
    for box in _clusters(_red(r, g, b), gap=max(2, round(2 * px_per_mm))):
        w, h = box[2] - box[0], box[3] - box[1]
        if min(w, h) >= SEAL_MIN_MM * px_per_mm and 0.7 <= w / max(h, 1) <= 1.4:
            marks.append(Mark("seal", _scaled(box, factor, img.size)))
    blue = (b - r > BLUE_MARGIN) & (b - g > BLUE_MARGIN // 2)
    for box in _clusters(blue, gap=max(2, round(4 * px_per_mm))):
        if box[2] - box[0] >= SIGNATURE_MIN_MM * px_per_mm:
            marks.append(Mark("signature", _scaled(box, factor, img.size)))
    return marks


def drop_seals(img: Image.Image, marks: list[Mark]) -> tuple[Image.Image, bool]:
    """The RGB page as 8-bit grey with the red ink of its seals dropped out (inside the seals' boxes
    only: red print elsewhere stays); and whether any ink was dropped."""
    grey = img.convert("L")
    grey.info = dict(img.info)
    dropped = False
    for mark in marks:
        if mark.kind != "seal":
            continue
        crop = np.asarray(img.crop(mark.box), dtype=np.int32)
        r, g, b = crop[..., 0], crop[..., 1], crop[..., 2]
        red = (r - np.maximum(g, b) > DROP_MARGIN) & (r > 110)   # the seal's blurred edges too
        if not red.any():
            continue
        paper = max(1, int(np.percentile(r, 90)))
        region = np.asarray(grey.crop(mark.box)).copy()
        region[red] = np.clip(r[red] * 255 // paper, 0, 255).astype(np.uint8)
        grey.paste(Image.fromarray(region), mark.box[:2])
        dropped = True
    return grey, dropped


def map_box(box: tuple[int, int, int, int], size: tuple[int, int], scale: float, angle: float,
            out_size: tuple[int, int]) -> tuple[int, int, int, int]:
    """A box of a page of ``size`` on the prepared page: scaled by ``scale``, then turned by ``angle``
    degrees counter-clockwise about the centre with the canvas expanded to ``out_size`` (as
    ``Image.rotate(angle, expand=True)`` does)."""
    cx, cy = size[0] * scale / 2, size[1] * scale / 2
    ox, oy = out_size[0] / 2, out_size[1] / 2
    rad = np.deg2rad(angle)
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        dx, dy = x * scale - cx, y * scale - cy
        xs.append(ox + dx * np.cos(rad) + dy * np.sin(rad))
        ys.append(oy - dx * np.sin(rad) + dy * np.cos(rad))
    return (max(0, int(min(xs))), max(0, int(min(ys))), min(out_size[0], int(max(xs)) + 1),
            min(out_size[1], int(max(ys)) + 1))


def _red(r: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (r - np.maximum(g, b) > RED_MARGIN) & (r > 110)


def _small(img: Image.Image) -> tuple[Image.Image, int]:
    return (img.reduce(SCALE), SCALE) if min(img.size) >= SCALE * 16 else (img, 1)


def _clusters(mask: np.ndarray, gap: int) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, y0, x1, y1) of the groups of ``mask`` pixels less than about ``gap`` pixels apart;
    groups under 40 pixels are left out. The mask is pooled into cells of ``gap`` pixels, whose
    touching groups are followed (numpy and a small flood fill: no image library needed)."""
    if mask.sum() < 40:
        return []
    h, w = mask.shape
    rows, cols = -(-h // gap), -(-w // gap)
    padded = np.zeros((rows * gap, cols * gap), dtype=bool)
    padded[:h, :w] = mask
    cells = padded.reshape(rows, gap, cols, gap).any(axis=(1, 3))
    seen = np.zeros_like(cells)
    boxes = []
    for start in zip(*np.nonzero(cells)):
        if seen[start]:
            continue
        seen[start] = True
        stack, group = [start], []
        while stack:
            r, c = stack.pop()
            group.append((r, c))
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    nr, nc = r + dr, c + dc
                    if 0 <= nr < rows and 0 <= nc < cols and cells[nr, nc] and not seen[nr, nc]:
                        seen[nr, nc] = True
                        stack.append((nr, nc))
        rs, cs = [g[0] for g in group], [g[1] for g in group]
        y0, y1, x0, x1 = min(rs) * gap, (max(rs) + 1) * gap, min(cs) * gap, (max(cs) + 1) * gap
        inner = padded[y0:y1, x0:x1]
        if int(inner.sum()) < 40:
            continue
        ys, xs = np.nonzero(inner)
        boxes.append((x0 + int(xs.min()), y0 + int(ys.min()), min(w, x0 + int(xs.max()) + 1),
                      min(h, y0 + int(ys.max()) + 1)))
    return boxes


def _scaled(box: tuple[int, int, int, int], factor: int, size: tuple[int, int]) -> tuple[int, int, int, int]:
    return (int(box[0]) * factor, int(box[1]) * factor, min(size[0], int(box[2]) * factor),
            min(size[1], int(box[3]) * factor))


def marks_on(img: Image.Image, dpi: Optional[float]) -> list[Mark]:
    """:func:`find_marks` when the page is a colour scan, else nothing."""
    return find_marks(img, dpi or 200.0) if is_colour(img) else []


__all__ = ["Mark", "drop_seals", "find_marks", "is_colour", "map_box", "marks_on"]
