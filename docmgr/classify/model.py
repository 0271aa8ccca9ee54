"""The text model behind the classifier: scikit-learn, tuned for Vietnamese, stored with skops.

Features are TF-IDF weights of syllable unigrams and bigrams in three views of the NFC text — the
exact form (tone placement normalised, lower case), the folded form (no diacritics, đ→d), so a
scan that lost its diacritics still meets the words the model learned, and the words printed in
capitals near the top (folded): headings and titles (``QUY ĐỊNH CHI TIẾT…``, ``VỀ VIỆC…``) say more
about the type than the same words in the body, where every type uses them (on real legal excerpts
this view raised macro-F1 on unseen documents by about 0.05; character n-grams of the folded form
are optional: they did not pay for their size in the benchmark). A linear SVM is calibrated
(:class:`~sklearn.calibration.CalibratedClassifierCV`) so that its scores are probabilities; with
too few examples per class a logistic regression is used instead.

A model file is a skops archive holding ``{"format_version", "sklearn", "label", "pipeline", …}``.
It is written to ``*.part`` then renamed; loading refuses any type outside an allow-list (no
arbitrary pickle) and raises :class:`ModelIncompatible` for an old, foreign or tampered file, so
the caller rebuilds it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any, Optional, Sequence

from docmgr.core.atomic import atomic_output
from docmgr.core.errors import DocmgrError
from docmgr.core.text import fold, nfc, normalize_tones

FORMAT_VERSION = 1
_ALLOWED_PREFIXES = ("sklearn.", "numpy.", "scipy.sparse.")
_OWN_FUNCTIONS = {f"{__name__}.exact_view", f"{__name__}.folded_view", f"{__name__}.capitals_view"}
CAPITALS_CHARS = 1500  # where titles are: the first page's head
_FORBIDDEN = re.compile(r"(?:^|\.)(?:eval|exec|system|popen|load|loads|open|__import__|getattr|setattr)$")


class ModelIncompatible(DocmgrError):
    """A model file cannot be used (other format version, other scikit-learn, unknown types, damaged)."""


def exact_view(text: str) -> str:
    """The exact view: NFC, one tone placement, lower case, digits collapsed to 0."""
    return re.sub(r"\d", "0", normalize_tones(nfc(text)).lower())


def folded_view(text: str) -> str:
    """The folded view: no diacritics, đ→d, lower case, digits collapsed to 0."""
    return re.sub(r"\d", "0", fold(nfc(text)).lower())


def capitals_view(text: str) -> str:
    """The capitals view: the words printed in capitals in the first characters, folded, lower case."""
    words = re.findall(r"\w+", nfc(text)[:CAPITALS_CHARS])
    # a constant first token: texts with no capitals at all (excerpts, lower-case OCR) still give the
    # vectorizer a vocabulary; being in every text it weighs nothing
    return "capitals " + fold(" ".join(w for w in words if len(w) > 1 and w.isupper() and not w.isdigit())).lower()


def build_pipeline(min_class_count: int, *, chars: bool = False, min_df: int = 1, compact: bool = False) -> Any:
    """A fresh, untrained pipeline: a calibrated linear SVM when every class has ≥ 3 examples and
    ``compact`` is off, else a logistic regression (one coefficient matrix: a third of the size)."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.svm import LinearSVC

    token = r"(?u)\b\w+\b"
    views: list[tuple[str, Any]] = [
        ("exact", TfidfVectorizer(preprocessor=exact_view, token_pattern=token, ngram_range=(1, 2),
                                  sublinear_tf=True, min_df=min_df, dtype=_float32())),
        ("folded", TfidfVectorizer(preprocessor=folded_view, token_pattern=token, ngram_range=(1, 2),
                                   sublinear_tf=True, min_df=min_df, dtype=_float32())),
        ("capitals", TfidfVectorizer(preprocessor=capitals_view, token_pattern=token, ngram_range=(1, 2),
                                     sublinear_tf=True, min_df=min_df, dtype=_float32())),
    ]
    if chars:
        views.append(("chars", TfidfVectorizer(preprocessor=folded_view, analyzer="char_wb", ngram_range=(3, 5),
                                               sublinear_tf=True, min_df=2, max_features=200_000,
                                               dtype=_float32())))
    if min_class_count >= 3 and not compact:
        clf: Any = CalibratedClassifierCV(LinearSVC(C=1.0), cv=3, method="sigmoid")
    else:
        clf = LogisticRegression(C=20.0, max_iter=2000)
    return Pipeline([("features", FeatureUnion(views)), ("clf", clf)])


def _float32() -> Any:
    import numpy as np

    return np.float32


class TextModel:
    """A trained classifier for one label (``type``, ``field_of_work`` or ``triage``).

    Args:
        label: which label it predicts.
        pipeline: the fitted scikit-learn pipeline.
        trained_on: number of training documents.
    """

    def __init__(self, label: str, pipeline: Any, trained_on: int) -> None:
        self.label = label
        self.pipeline = pipeline
        self.trained_on = trained_on
        self._names: Optional[Any] = None  # feature names, built on first use
        self._last: Optional[tuple[str, Any]] = None  # the last text's features

    @classmethod
    def train(cls, label: str, texts: Sequence[str], labels: Sequence[str], *, chars: bool = False,
              min_df: int = 1, compact: bool = False) -> "TextModel":
        """Fit a model; needs at least two distinct labels. ``chars`` adds character n-grams (bigger, slower)."""
        from collections import Counter

        counts = Counter(labels)
        if len(counts) < 2:
            raise ValueError("training needs at least two different labels")
        pipe = build_pipeline(min(counts.values()), chars=chars, min_df=min_df, compact=compact)
        pipe.fit([nfc(t) for t in texts], list(labels))
        for _name, vec in pipe.named_steps["features"].transformer_list:
            vec.stop_words_ = None  # the pruned-term list is only for introspection, and large
        return cls(label, pipe, len(texts))

    @property
    def classes(self) -> list[str]:
        return [str(c) for c in self.pipeline.classes_]

    def predict_proba(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Per text, a probability per class."""
        if len(texts) == 1:  # one document: its features are kept for signal() and top_terms()
            probs = self.pipeline.named_steps["clf"].predict_proba(self._features(texts[0]))
        else:
            probs = self.pipeline.predict_proba([nfc(t) for t in texts])
        return [{c: float(p) for c, p in zip(self.classes, row)} for row in probs]

    def signal(self, text: str) -> int:
        """How many distinct known syllables (exact view) the text contains: 0 means the model saw nothing."""
        exact = self.pipeline.named_steps["features"].transformer_list[0][1]
        return int(self._features(text)[:, :len(exact.vocabulary_)].nnz)

    def _features(self, text: str) -> Any:
        """The feature row of one text (CSR). The last one is kept: classifying a document asks for
        it three times, and the two-view TF-IDF transform is most of a prediction's cost."""
        key = nfc(text)
        last = self._last
        if last is not None and last[0] == key:
            return last[1]
        row = self.pipeline.named_steps["features"].transform([key]).tocsr()
        self._last = (key, row)
        return row

    def top_terms(self, text: str, cls: str, n: int = 5) -> list[str]:
        """The features that pushed ``text`` most towards class ``cls`` (for the explanation)."""
        import numpy as np

        coef = self._coefficients()
        if coef is None or cls not in self.classes:
            return []
        row = coef[self.classes.index(cls)]
        x = self._features(text)
        names = self._feature_names()
        contrib = x.multiply(row).tocsr()
        if contrib.nnz == 0:
            return []
        order = np.argsort(-contrib.data)[: n * 6]
        terms: list[str] = []
        seen: set[str] = set()
        for i in order:
            if contrib.data[i] <= 0:
                break
            name = str(names[contrib.indices[i]]).split("__", 1)[-1].strip()
            if len(name) > 2 and "0" not in name and fold(name) not in seen:
                seen.add(fold(name))
                terms.append(name)
            if len(terms) >= n:
                break
        return terms

    def _feature_names(self) -> Any:
        """The feature names of the fitted features (built once: tens of milliseconds each time)."""
        import numpy as np

        if self._names is None:
            self._names = np.asarray(self.pipeline.named_steps["features"].get_feature_names_out())
        return self._names

    def _coefficients(self) -> Optional[Any]:
        import numpy as np

        clf = self.pipeline.named_steps["clf"]
        if hasattr(clf, "coef_"):
            coef = clf.coef_
        elif hasattr(clf, "calibrated_classifiers_"):
            coef = np.mean([c.estimator.coef_ for c in clf.calibrated_classifiers_], axis=0)
        else:
            return None
        if coef.shape[0] == 1 and len(self.classes) == 2:
            coef = np.vstack([-coef[0], coef[0]])
        return coef

    # -- storage ----------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write atomically and durably (:func:`docmgr.core.atomic.atomic_output`)."""
        import sklearn
        import skops.io as sio

        payload = {"format_version": FORMAT_VERSION, "sklearn": sklearn.__version__, "label": self.label,
                   "trained_on": self.trained_on, "pipeline": self.pipeline}
        with atomic_output(path) as tmp:
            sio.dump(payload, tmp, compression=zipfile.ZIP_DEFLATED)

    @classmethod
    def load(cls, path: Path) -> "TextModel":
        """Read a model file safely.

        Raises:
            ModelIncompatible: the file is missing, damaged, of another version, or holds disallowed types.
        """
        import sklearn
        import skops.io as sio
        from skops.io.exceptions import UntrustedTypesFoundException

        try:
            # skops refuses any type beyond its defaults and these: usually all a model holds, so
            # the archive is read once; other types are listed and judged by the allow-list first
            payload = sio.load(path, trusted=sorted(_OWN_FUNCTIONS))
        except UntrustedTypesFoundException:
            payload = cls._load_listed(path)
        except Exception as exc:  # not a skops archive, truncated, missing
            raise ModelIncompatible(f"{path}: not a readable model file ({exc.__class__.__name__})") from exc
        if not isinstance(payload, dict) or payload.get("format_version") != FORMAT_VERSION:
            raise ModelIncompatible(f"{path}: model format {payload.get('format_version') if isinstance(payload, dict) else '?'}"
                                    f" is not {FORMAT_VERSION}")
        if _minor(str(payload.get("sklearn", ""))) != _minor(sklearn.__version__):
            raise ModelIncompatible(f"{path}: built with scikit-learn {payload.get('sklearn')}, "
                                    f"this is {sklearn.__version__}")
        if not hasattr(payload.get("pipeline"), "predict_proba"):
            raise ModelIncompatible(f"{path}: no classifier in the model file")
        return cls(str(payload.get("label", "")), payload["pipeline"], int(payload.get("trained_on", 0)))

    @staticmethod
    def _load_listed(path: Path) -> Any:
        """Load a model file holding types outside skops' defaults, when the allow-list accepts them all."""
        import skops.io as sio

        try:
            untrusted = sio.get_untrusted_types(file=path)
        except Exception as exc:
            raise ModelIncompatible(f"{path}: not a readable model file ({exc.__class__.__name__})") from exc
        refused = [t for t in untrusted if not _allowed(t)]
        if refused:
            raise ModelIncompatible(f"{path}: refused types in the model file: {', '.join(refused[:5])}")
        try:
            return sio.load(path, trusted=untrusted)
        except Exception as exc:
            raise ModelIncompatible(f"{path}: cannot load the model ({exc.__class__.__name__}: {exc})") from exc


def _allowed(type_name: str) -> bool:
    if type_name in _OWN_FUNCTIONS:
        return True
    return type_name.startswith(_ALLOWED_PREFIXES) and not _FORBIDDEN.search(type_name)


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])
