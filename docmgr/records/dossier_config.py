"""The office's dossier settings: the agency e-ID and code format, the return slots and their capacity.

Kept in the library's ``settings.json`` under the key ``"dossiers"`` (so the app, the CLI and a script
agree), e.g.::

    "dossiers": {"agency_id": "000.00.00.H13", "code_format": "{agency}-{yymmdd}-{seq:04d}",
                 "return_slots": ["08:00", "09:00", "10:00", "14:00", "15:00", "16:00"],
                 "slot_capacity": 10, "spot_lead_minutes": 30}

The code follows TT 03/2025/TT-VPCP Art. 13 as DOMAIN.md §3.4 reads it: ``<agency e-ID>-YYMMDD-<daily
sequence, at least 4 digits>``; the general rule (cl. 1-2) was not retrieved [U], so the format is a
setting. The default agency e-ID is Cần Thơ's city-level one [U for a given ward: set your own].
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any, Mapping

from docmgr.core.errors import UsageError

SETTINGS_KEY = "dossiers"
DEFAULT_SLOTS = ("08:00", "09:00", "10:00", "14:00", "15:00", "16:00")


@dataclass(frozen=True)
class DossierConfig:
    """Typed dossier settings (defaults when a key is absent)."""

    agency_id: str = "000.00.00.H13"
    code_format: str = "{agency}-{yymmdd}-{seq:04d}"
    return_slots: tuple[str, ...] = DEFAULT_SLOTS
    slot_capacity: int = 10
    spot_lead_minutes: int = 30
    receiving_body: str = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
    parent_body: str = "ỦY BAN NHÂN DÂN"
    place: str = "Cần Thơ"
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings_extra: Mapping[str, Any]) -> "DossierConfig":
        """Read ``settings.extra["dossiers"]``; a value of the wrong type is a clear error."""
        raw = settings_extra.get(SETTINGS_KEY) or {}
        if not isinstance(raw, dict):
            raise UsageError('settings.json: "dossiers" must be an object')
        values: dict[str, Any] = {}
        for key, default in cls().__dict__.items():
            if key == "extra" or key not in raw:
                continue
            value = raw[key]
            if isinstance(default, tuple):
                if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
                    raise UsageError(f'settings.json: dossiers.{key} must be a list of texts')
                value = tuple(value)
            elif type(value) is not type(default):
                raise UsageError(f"settings.json: dossiers.{key} must be a {type(default).__name__}")
            values[key] = value
        config = cls(**values, extra=raw)
        config.slot_times()  # validates
        if config.slot_capacity < 1:
            raise UsageError("settings.json: dossiers.slot_capacity must be at least 1")
        if "{seq" not in config.code_format or "{yymmdd" not in config.code_format and "{yyyymmdd" not in config.code_format:
            raise UsageError("settings.json: dossiers.code_format needs {seq} and the day ({yymmdd} or {yyyymmdd})")
        config.format_code(date(2026, 1, 1), 1)
        return config

    def slot_times(self) -> list[time]:
        out = []
        for text in self.return_slots:
            m = re.match(r"^(\d{1,2}):(\d{2})$", text)
            if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
                raise UsageError(f"settings.json: dossiers.return_slots: {text!r} is not HH:MM")
            out.append(time(int(m.group(1)), int(m.group(2))))
        if not out:
            raise UsageError("settings.json: dossiers.return_slots is empty")
        return sorted(out)

    def format_code(self, day: date, seq: int) -> str:
        """The dossier code of the ``seq``-th dossier received on ``day``."""
        try:
            return self.code_format.format(agency=self.agency_id, yymmdd=day.strftime("%y%m%d"),
                                           yyyymmdd=day.strftime("%Y%m%d"), seq=seq)
        except (KeyError, IndexError, ValueError) as exc:
            raise UsageError(f"settings.json: dossiers.code_format {self.code_format!r} is not usable ({exc}); "
                             "fields: {agency} {yymmdd} {yyyymmdd} {seq}") from exc
