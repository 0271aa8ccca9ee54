"""Opening images safely: size limits checked from the header, before any pixel is decoded."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

from docmgr.core.errors import RejectedInput

# docmgr checks image size itself (max_megapixels) and rejects with a clear message; Pillow's own
# decompression-bomb guard would raise or warn with less context.
Image.MAX_IMAGE_PIXELS = None
_heif_registered = False


def _register_heif() -> None:
    global _heif_registered
    if not _heif_registered:
        try:
            from pillow_heif import register_heif_opener

            register_heif_opener()
        except ImportError:  # pragma: no cover - optional at runtime
            pass
        _heif_registered = True


def open_image(path: Path) -> Image.Image:
    """Open an image lazily (header only); raise :class:`RejectedInput` when it is not one."""
    _register_heif()
    try:
        return Image.open(path)
    except UnidentifiedImageError as exc:
        raise RejectedInput("not a readable image") from exc
    except OSError as exc:
        raise RejectedInput(f"damaged image ({exc})") from exc


def frame_count(path: Path, *, max_megapixels: float, max_pages: int) -> int:
    """Number of pages (frames) of an image, after checking every frame's size from its header."""
    with open_image(path) as img:
        frames = int(getattr(img, "n_frames", 1) or 1)
        if frames > max_pages:
            raise RejectedInput(f"too many pages ({frames} > {max_pages})")
        for i in range(frames):
            if i:
                img.seek(i)
            w, h = img.size
            if w * h > max_megapixels * 1e6:
                raise RejectedInput(
                    f"image too large ({w}×{h} = {w * h / 1e6:.0f} megapixels > {max_megapixels:.0f})")
            if w == 0 or h == 0:
                raise RejectedInput("image has no pixels")
    return frames
