"""Why a document got its type, as structured reasons: a code and its parameters.

The classifier says *what* it saw (a heading, a number's abbreviation, telling words); each front end
words it in its own language: :meth:`Reason.text` gives the English line the CLI prints and the catalog
keeps in ``why``, the desktop app formats :meth:`Reason.to_json` with its translations (same codes,
same ``{name}`` placeholders as :data:`TEMPLATES`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# code -> English wording; placeholders are the reason's parameters
TEMPLATES: dict[str, str] = {
    "heading-motto": "heading '{line}' under the national motto",
    "heading-top": "heading '{line}' at the head of the page",
    "title-line": "title line '{line}'",
    "abbreviation": "abbreviation {abbr} in '{number}'",
    "law-number": "number of a law in '{number}'",
    "no-abbreviation": "no type abbreviation in '{number}' (a Công văn's symbol)",
    "vv-line": "'V/v' summary line: {line}",
    "no-evidence": "no heading, number or known words",
    "greeting": "no title, a symbol without a type abbreviation, then 'Kính gửi:' (a Công văn)",
    "no-type": "fits no type: no heading or number, and the words alone are not enough",
    "few-words": "only {count} known word(s): low confidence",
    "terms": "terms: {terms}",
    "form-code": "form code in '{code}'",
    "form-title": "form title '{line}'",
    "form-markers": "{count} labelled blanks of the form {form}",
}


@dataclass(frozen=True)
class Reason:
    """One piece of evidence: ``code`` (a key of :data:`TEMPLATES`) and its parameters (text)."""

    code: str
    params: dict[str, str] = field(default_factory=dict, hash=False)

    def text(self) -> str:
        """The reason in English, as the CLI prints it."""
        return format_reason(TEMPLATES.get(self.code, self.code), self.params)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "params": dict(self.params)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Reason":
        return cls(str(data.get("code", "")), {str(k): str(v) for k, v in dict(data.get("params") or {}).items()})


def format_reason(template: str, params: dict[str, str]) -> str:
    """``template`` with its ``{name}`` placeholders filled (a missing one is left as written)."""
    out = template
    for name, value in params.items():
        out = out.replace("{" + name + "}", value)
    return out
