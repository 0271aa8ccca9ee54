"""Masking personal ID numbers (số định danh cá nhân, 12 digits; the old CMND, 9 digits) in what leaves
the desk: exports, search snippets. ``092123456789`` → ``092*******89`` (province code and the last two
digits kept, so a clerk can still tell two people apart)."""

from __future__ import annotations

import re
from typing import Any, Collection

_ID = re.compile(r"(?<![\d*])(\d{3})(\d{4,7})(\d{2})(?![\d*])")


def mask_id_numbers(text: str, keep: Collection[str] = ()) -> str:
    """``text`` with every 9- or 12-digit number masked (other lengths, like dates and amounts, kept), except
    the numbers in ``keep`` (those a user typed into the query: they know them already)."""
    def repl(m: re.Match[str]) -> str:
        whole = m.group(0)
        if len(whole) not in (9, 12) or whole in keep:
            return whole
        return m.group(1) + "*" * len(m.group(2)) + m.group(3)

    return _ID.sub(repl, text)


def numbers_in(text: str) -> set[str]:
    """The digit runs of a text (a query), for :func:`mask_id_numbers`'s ``keep``."""
    return set(re.findall(r"\d+", text))


def mask_value(value: Any) -> Any:
    """A field value (text or list of texts) with ID numbers masked."""
    if isinstance(value, str):
        return mask_id_numbers(value)
    if isinstance(value, list):
        return [mask_value(v) for v in value]
    return value
