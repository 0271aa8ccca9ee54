"""Why a file was refused, in the UI language.

The ingest layer words its refusals (``RejectedInput``) in English for the command line and the
quarantine notes. Here each known wording is a pattern whose variable parts (a page number, a
technical detail in parentheses) are kept as they are and put into the translated sentence; a cause
with no pattern is shown as written.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication

# (pattern matching the English cause, translatable template with the groups as {0}, {1}…)
CAUSES: list[tuple[str, str]] = [
    (r"empty file \(0 bytes\)", QT_TR_NOOP("empty file (0 bytes)")),
    (r"no such file", QT_TR_NOOP("no such file")),
    (r"not a regular file", QT_TR_NOOP("not a regular file")),
    (r"cannot read the file \(permission denied\)", QT_TR_NOOP("cannot read the file (permission denied)")),
    (r"cannot read the file \((.*)\)", QT_TR_NOOP("cannot read the file ({0})")),
    (r"unsupported file type \(not a PDF, image, \.docx or text file\)",
     QT_TR_NOOP("unsupported file type (not a PDF, image, .docx or text file)")),
    (r"unsupported file type \(a ZIP archive\)", QT_TR_NOOP("unsupported file type (a ZIP archive)")),
    (r"unsupported office file \(only Word \.docx is read\)", QT_TR_NOOP("unsupported office file (only Word .docx is read)")),
    (r"unsupported office file \(only Word, Excel, OpenDocument text and spreadsheets are read\)",
     QT_TR_NOOP("unsupported office file (only Word, Excel, OpenDocument text and spreadsheets are read)")),
    (r"LibreOffice is needed to read (.*) files: .*",
     QT_TR_NOOP("LibreOffice is needed to read {0} files: install it from https://www.libreoffice.org/download")),
    (r"LibreOffice could not read this (.*) file.*", QT_TR_NOOP("LibreOffice could not read this {0} file")),
    (r"damaged PDF \((.*)\)", QT_TR_NOOP("damaged PDF ({0})")),
    (r"damaged image \((.*)\)", QT_TR_NOOP("damaged image ({0})")),
    (r"damaged Word file \((.*)\)", QT_TR_NOOP("damaged Word file ({0})")),
    (r"damaged ZIP/office file \((.*)\)", QT_TR_NOOP("damaged ZIP/office file ({0})")),
    (r"damaged content \((.*)\)", QT_TR_NOOP("damaged content ({0})")),
    (r"not a readable image", QT_TR_NOOP("not a readable image")),
    (r"image has no pixels", QT_TR_NOOP("image has no pixels")),
    (r"encrypted PDF: wrong password", QT_TR_NOOP("encrypted PDF: wrong password")),
    (r"encrypted PDF: needs a password.*", QT_TR_NOOP("encrypted PDF: it needs a password")),
    (r"PDF has no pages", QT_TR_NOOP("PDF has no pages")),
    (r"too many pages \((\d+) > (\d+)\)", QT_TR_NOOP("too many pages ({0} > {1})")),
    (r"text file too large \((\d+) MiB\)", QT_TR_NOOP("text file too large ({0} MiB)")),
    (r"text file is not valid (\S+)", QT_TR_NOOP("text file is not valid {0}")),
    (r"text file in an unknown encoding.*", QT_TR_NOOP("text file in an unknown encoding (not UTF-8, UTF-16 or Windows-1258)")),
    (r"the PDF reader crashed on this file", QT_TR_NOOP("the PDF reader crashed on this file")),
    (r"the OCR worker crashed", QT_TR_NOOP("the OCR worker crashed")),
    (r"tesseract failed \((.*)\)", QT_TR_NOOP("tesseract failed ({0})")),
    (r"unreadable image \((.*)\)", QT_TR_NOOP("unreadable image ({0})")),
    (r"cannot open the PDF \((.*)\)", QT_TR_NOOP("cannot open the PDF ({0})")),
    (r"cannot render the PDF page \((.*)\)", QT_TR_NOOP("cannot render the PDF page ({0})")),
    (r"cannot prepare the image \((.*)\)", QT_TR_NOOP("cannot prepare the image ({0})")),
    (r"embedded image too large \((.*)\)", QT_TR_NOOP("embedded image too large ({0})")),
    (r"image too large \((.*)\)", QT_TR_NOOP("image too large ({0})")),
]
_PAGE = re.compile(r"page (\d+): (.*)", re.DOTALL)
_COMPILED = [(re.compile(p + r"\Z", re.DOTALL), t) for p, t in CAUSES]


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def translate_cause(cause: str) -> str:
    """``cause`` (an English ``RejectedInput`` message) in the UI language; unknown causes unchanged."""
    page = _PAGE.fullmatch(cause)
    if page:
        return _tr("page {0}: {1}").format(page.group(1), translate_cause(page.group(2)))
    for pattern, template in _COMPILED:
        m = pattern.fullmatch(cause)
        if m:
            return _tr(template).format(*m.groups())
    return cause
