"""Classification use cases: classify text or files, confirm a document, train on confirmed documents.

Models: for each label (``type``, ``field_of_work``, ``triage``) the library's own model in
``<library>/models/<label>.skops`` when it exists, else the starter model shipped in
``resources/starter/``. An incompatible or tampered library model is set aside and rebuilt from the
confirmed documents; an incompatible starter model is rebuilt from ``resources/starter_samples.jsonl``
into the library's models folder. Retraining in the background is :func:`retrain_if_due`, a plain
function the GUI or CLI schedules (no threads here).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Optional, Sequence

from docmgr.classify.hybrid import Classification, HybridClassifier
from docmgr.classify.model import ModelIncompatible, TextModel
from docmgr.classify.taxonomy import Taxonomy, load_taxonomy, resources_dir
from docmgr.core.errors import Cancelled, RejectedInput, UsageError
from docmgr.core.library import Library
from docmgr.core.models import FieldValue
from docmgr.core.progress import CancelToken, ProgressCallback, ProgressEvent, no_progress
from docmgr.core.text import nfc
from docmgr.services import audit

log = logging.getLogger(__name__)

LABELS = ("type", "field_of_work", "triage")
TRAINED_LABELS = ("type", "field_of_work")
META_TRAINED = "classify.trained_confirmed"
DEFAULT_RETRAIN_AFTER = 20
_cache: dict[tuple[str, str], tuple[float, TextModel]] = {}
_cache_lock = threading.Lock()
_models_lock = threading.RLock()


def taxonomy() -> Taxonomy:
    """The taxonomy in use."""
    return load_taxonomy()


def resolve_type(text: str) -> str:
    """The type code a user means by ``text`` (code or Vietnamese name, any case, with or without marks)."""
    return taxonomy().resolve(text).code


# -- models ---------------------------------------------------------------------------------
def _load_cached(path: Path) -> TextModel:
    """A model file, loaded once per process (again when the file changes)."""
    stamp = path.stat().st_mtime
    with _cache_lock:
        hit = _cache.get((str(path), "m"))
        if hit and hit[0] == stamp:
            return hit[1]
    model = TextModel.load(path)
    with _cache_lock:
        _cache[(str(path), "m")] = (stamp, model)
    return model


def load_models(library: Library) -> dict[str, TextModel]:
    """The model for each label: the library's own, else the starter (rebuilt when incompatible).

    One caller at a time: a second one (the batch's warm-up thread and the filing thread) waits and
    gets the same models, rather than setting aside or rebuilding a model the first is handling.
    """
    with _models_lock:
        return _load_models(library)


def _load_models(library: Library) -> dict[str, TextModel]:
    models: dict[str, TextModel] = {}
    for label in LABELS:
        own = library.paths.models / f"{label}.skops"
        if own.exists():
            try:
                models[label] = _load_cached(own)
                continue
            except ModelIncompatible as exc:
                log.warning("%s; setting it aside and rebuilding from the confirmed documents", exc)
                own.replace(own.with_name(own.name + ".incompatible"))
                if label in TRAINED_LABELS:
                    train(library, labels=(label,))
                    if own.exists():
                        models[label] = _load_cached(own)
                        continue
        starter = _starter(library, label)
        if starter is not None:
            models[label] = starter
    return models


def _starter(library: Library, label: str) -> Optional[TextModel]:
    shipped = resources_dir() / "starter" / f"{label}.skops"
    rebuilt = library.paths.models / f"starter-{label}.skops"
    for path in (shipped, rebuilt):
        if path.exists():
            try:
                return _load_cached(path)
            except ModelIncompatible as exc:
                log.warning("%s", exc)
    samples = resources_dir() / "starter_samples.jsonl"
    if not samples.exists():
        return None
    rows = [json.loads(ln) for ln in samples.read_text(encoding="utf-8").splitlines() if ln.strip()]
    rows = [r for r in rows if r.get(label)]
    log.warning("rebuilding the starter %s model from %s", label, samples)
    model = TextModel.train(label, [r["text"] for r in rows], [r[label] for r in rows], min_df=2, compact=True)
    with library.write_lock():
        model.save(rebuilt)
    return model


def classifier(library: Library) -> HybridClassifier:
    """A classifier with the library's models and review threshold."""
    return HybridClassifier(taxonomy(), load_models(library), library.settings.review_threshold)


def warm_up(library: Library) -> threading.Thread:
    """Load the models (scikit-learn and all: seconds) in a background thread, so that a batch's
    first document does not wait for them while its text is read; returns the started thread.

    A failure is only logged here: the first real classification meets it and handles it.
    """
    def load() -> None:
        try:
            load_models(library)
        except Exception as exc:  # the document being filed reports it
            log.debug("loading the classifier ahead failed: %s", exc)

    thread = threading.Thread(target=load, name="docmgr-classifier-warm-up", daemon=True)
    thread.start()
    return thread


# -- classify -------------------------------------------------------------------------------
def classify_text(library: Library, pages_text: Sequence[str] | str) -> Classification:
    """Classify one document's text (a string or one string per page)."""
    return classifier(library).classify(pages_text)


def classify_paths(library: Library, paths: Sequence[str | os.PathLike[str]], *,
                   progress: ProgressCallback = no_progress, cancel: Optional[CancelToken] = None,
                   on_result: Optional[Callable[[dict[str, Any]], None]] = None) -> list[dict[str, Any]]:
    """Read each file and classify it without filing anything; one ``classify --json`` object per file.

    A file that cannot be read gives ``{"path", "error"}``.
    """
    from docmgr.ingest.pipeline import EXTRACT_STEPS, READ_STEPS, IngestContext, run_steps
    from docmgr.services.ingest import expand_inputs

    cancel = cancel or CancelToken()
    clf = classifier(library)
    files = list(expand_inputs(paths))
    results: list[dict[str, Any]] = []
    for i, path in enumerate(files):
        cancel.check()
        progress(ProgressEvent(i, len(files), nfc(path.name), "classifying"))
        limit = library.settings.file_time_limit
        ctx = IngestContext(source=path, settings=library.settings, cancel=cancel.child(limit if limit > 0 else None))
        try:
            run_steps([*READ_STEPS, *EXTRACT_STEPS], ctx)
            row: dict[str, Any] = {"path": str(path), **clf.classify([p.text for p in ctx.pages]).to_json(),
                                   "error": None}
        except Cancelled:
            raise
        except RejectedInput as exc:
            row = {"path": str(path), "error": exc.cause}
        except TimeoutError:
            row = {"path": str(path), "error": f"took longer than the per-file limit ({limit:g} s)"}
        results.append(row)
        if on_result:
            on_result(row)
        progress(ProgressEvent(i + 1, len(files), nfc(path.name), "done"))
    return results


@dataclass
class Filing:
    """What ingest stores for a document's classification (all written in the filing transaction)."""

    type_code: Optional[str]
    confidence: Optional[float]
    status: str
    field_of_work: Optional[str]
    classification: dict[str, Any]
    fields: dict[str, FieldValue]
    normative: bool = False


def filing_for(library: Library, pages_text: Sequence[str], doc_type: Optional[str] = None) -> Filing:
    """Classify a document about to be filed; ``doc_type`` (a resolved code) files it as confirmed."""
    result = classify_text(library, pages_text)
    stored = result.stored()
    if doc_type:
        stored["predicted"] = result.type_code
        normative = bool(stored.get("normative")) or taxonomy().is_normative_form(doc_type)
        return Filing(doc_type, 1.0, "confirmed", result.field_of_work or taxonomy_field(doc_type), stored,
                      result.fields, normative)
    status = "needs-review" if result.needs_review else "inbox"
    return Filing(result.type_code, round(result.confidence, 4), status, result.field_of_work, stored, result.fields,
                  result.normative)


def taxonomy_field(code: str) -> Optional[str]:
    t = taxonomy().get(code)
    return t.field_of_work if t else None


# -- confirm --------------------------------------------------------------------------------
# the fields a document can have (CLI.md); ``confirm --field KEY=`` clears one, an unknown KEY is refused
FIELD_KEYS = ("number", "issued", "place", "issuer", "summary", "urgency", "secrecy", "signer", "id_numbers",
              "parcel", "map_sheet", "subject")


def confirm(library: Library, doc_id: int, type: Optional[str] = None,
            fields: Optional[Mapping[str, str]] = None) -> dict[str, Any]:
    """Confirm a document: optional type and field edits (kept, marked edited); status ``confirmed``.

    ``fields`` may hold ``field_of_work`` (code or name), which sets the second label; an empty value
    clears a field. Returns the document as ``show`` prints it.

    Raises:
        UsageError: an unknown field key, a bad value, or no type for a document that has none.
    """
    from docmgr.services.documents import show

    tax = taxonomy()
    columns: dict[str, Any] = {"status": "confirmed"}
    if type:
        columns["type_code"] = tax.resolve(type).code
        columns["confidence"] = 1.0
    doc = library.catalog.get(doc_id)
    values: dict[str, FieldValue] = {}
    cleared: list[str] = []
    for key, raw in (fields or {}).items():
        raw = nfc(raw).strip()
        if key == "field_of_work":
            columns["field_of_work"] = tax.resolve_field_of_work(raw) if raw else None
        elif key not in FIELD_KEYS and key not in doc.fields:
            raise UsageError(f"unknown field {key!r} (one of: {', '.join((*FIELD_KEYS, 'field_of_work'))})")
        elif not raw:  # KEY= clears the field
            cleared.append(key)
        else:
            values[key] = FieldValue(_field_value(key, raw), 1.0, edited=True)
    if doc.type_code is None and "type_code" not in columns:
        raise UsageError(f"document {doc_id} has no type yet: confirm it with --type")
    with library.write_lock():
        with library.catalog.transaction() as tx:
            library.catalog.update_document(tx, doc_id, **columns)
            library.catalog.write_fields(tx, doc_id, values)
            library.catalog.clear_fields(tx, doc_id, cleared)
            audit.log(tx, "confirm", audit.doc_target(doc_id),
                      {**audit.confirm_detail(columns, values), **({"cleared": sorted(cleared)} if cleared else {})})
        audit.sync_head(library)
    from docmgr.services.indexing import sync_index_quietly

    sync_index_quietly(library)  # the new type and fields are searchable at once
    return show(library, doc_id)


def _field_value(key: str, raw: str) -> Any:
    if key == "id_numbers":
        return [p.strip() for p in raw.replace(";", ",").split(",") if p.strip()]
    if key == "issued":
        for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
            try:
                from datetime import datetime

                return datetime.strptime(raw, fmt).date().isoformat()
            except ValueError:
                continue
        raise UsageError(f"issued: not a date: {raw!r} (use YYYY-MM-DD or dd/mm/yyyy)")
    return raw


# -- train ----------------------------------------------------------------------------------
def train(library: Library, *, labels: Iterable[str] = TRAINED_LABELS, progress: ProgressCallback = no_progress,
          cancel: Optional[CancelToken] = None) -> dict[str, Any]:
    """Train the library's models on its confirmed documents only; cross-validated macro-F1 per label.

    The folds are grouped by near-duplicate cluster (:func:`cross_validated_f1`): excerpts, copies
    and re-scans of one document are never split between training and test.
    Returns ``{"documents": n, "labels": {label: {"macro_f1": x | None, "classes": k, "documents": n,
    "groups": g}}}``.
    """
    cancel = cancel or CancelToken()
    docs = library.catalog.documents(status="confirmed")
    texts: dict[int, str] = {}
    for i, doc in enumerate(docs):
        cancel.check()
        texts[doc.id] = "\n".join(p.text for p in library.catalog.pages(doc.id))
        progress(ProgressEvent(i + 1, len(docs), doc.filename, "reading"))
    report: dict[str, Any] = {"documents": len(docs), "labels": {}}
    group_of = _groups(library, docs, texts)
    for label in labels:
        column = "type_code" if label == "type" else label
        pairs = [(texts[d.id], getattr(d, column), group_of[d.id]) for d in docs if getattr(d, column)]
        classes = sorted({y for _, y, _ in pairs})
        entry: dict[str, Any] = {"macro_f1": None, "classes": len(classes), "documents": len(pairs),
                                 "groups": len({g for _, _, g in pairs})}
        report["labels"][label] = entry
        if len(classes) < 2:
            continue
        progress(ProgressEvent(0, 1, label, "training"))
        x, y = [p[0] for p in pairs], [p[1] for p in pairs]
        entry["macro_f1"] = cross_validated_f1(label, x, y, [p[2] for p in pairs], cancel)
        model = TextModel.train(label, x, y)
        with library.write_lock():
            model.save(library.paths.models / f"{label}.skops")
        progress(ProgressEvent(1, 1, label, "trained"))
    library.catalog.set_meta(META_TRAINED, str(len(docs)))
    return report


def _groups(library: Library, docs: Sequence[Any], texts: Mapping[int, str]) -> dict[int, int]:
    """The near-duplicate group of each confirmed document (by its own number and its text)."""
    from docmgr.classify.groups import near_duplicate_groups

    numbers = library.catalog.field_values("number")
    ids = [d.id for d in docs]
    groups = near_duplicate_groups([texts[i] for i in ids], [str(numbers.get(i) or "") for i in ids])
    return dict(zip(ids, groups, strict=True))


def cross_validated_f1(label: str, x: Sequence[str], y: Sequence[str], groups: Sequence[Any],
                       cancel: Optional[CancelToken] = None) -> Optional[float]:
    """Macro-F1 of :class:`TextModel` over folds that never split a group (a document and its
    excerpts, copies and re-scans: :mod:`docmgr.classify.groups`) between training and test.

    A class needs documents from two groups to be both learned and tested; classes with fewer are left
    out of the figure. None when fewer than two classes remain.
    """
    from collections import defaultdict

    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedGroupKFold

    cancel = cancel or CancelToken()
    groups_of: dict[str, set[Any]] = defaultdict(set)
    for lab, g in zip(y, groups, strict=False):
        groups_of[lab].add(g)
    keep = [i for i, lab in enumerate(y) if len(groups_of[lab]) >= 2]
    ys = [y[i] for i in keep]
    if len(set(ys)) < 2:
        return None
    folds = min(5, min(len(groups_of[lab]) for lab in set(ys)))
    truth: list[str] = []
    pred: list[str] = []
    splitter = StratifiedGroupKFold(folds, shuffle=True, random_state=0)
    for tr, te in splitter.split(keep, ys, [groups[i] for i in keep]):
        cancel.check()
        if len({ys[i] for i in tr}) < 2:
            continue
        m = TextModel.train(label, [x[keep[i]] for i in tr], [ys[i] for i in tr])
        probs = m.predict_proba([x[keep[i]] for i in te])
        pred += [max(p.items(), key=lambda kv: kv[1])[0] for p in probs]
        truth += [ys[i] for i in te]
    if not truth:
        return None
    return round(float(f1_score(truth, pred, average="macro")), 4)


def retrain_due(library: Library) -> bool:
    """True when enough documents were confirmed since the last training (setting ``retrain_after``)."""
    every = int(library.settings.extra.get("retrain_after", DEFAULT_RETRAIN_AFTER))
    confirmed = len(library.catalog.documents(status="confirmed"))
    last = int(library.catalog.get_meta(META_TRAINED, "0") or 0)
    return confirmed - last >= every


def retrain_if_due(library: Library, *, progress: ProgressCallback = no_progress,
                   cancel: Optional[CancelToken] = None) -> Optional[dict[str, Any]]:
    """Train when :func:`retrain_due`; the GUI runs this in its write worker, the CLI after ``confirm``."""
    return train(library, progress=progress, cancel=cancel) if retrain_due(library) else None


def type_display(code: Optional[str]) -> Optional[str]:
    """The Vietnamese name of a type code."""
    return type_names().get(code, code) if code is not None else None


@lru_cache(maxsize=1)
def type_names() -> dict[str, str]:
    """Code -> Vietnamese name, once per process (a list of 100k rows asks for each row)."""
    return {code: t.name_vi for code, t in taxonomy().types.items()}


def field_of_work_display(code: Optional[str]) -> Optional[str]:
    """The Vietnamese name of a field-of-work code."""
    if code is None:
        return None
    label = taxonomy().fields_of_work.get(code)
    return label.name_vi if label else code


