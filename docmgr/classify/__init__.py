"""Classification of documents (type, field of work, petition triage) and extraction of their key fields.

Public names:

* :func:`load_taxonomy`, :class:`Taxonomy`, :class:`DocType` — the editable type list in ``resources/``.
* :func:`extract_fields` — number, issue date, issuer, summary, … each with a confidence.
* :func:`structure_rules` — what the document's own layout says about its type.
* :class:`TextModel` — the scikit-learn model (train, predict, save/load with skops).
* :class:`HybridClassifier` — rules + models → candidates, confidence, explanation.
"""

from docmgr.classify.fields import extract_fields
from docmgr.classify.rules import structure_rules
from docmgr.classify.taxonomy import DocType, Taxonomy, load_taxonomy, resources_dir

__all__ = ["DocType", "Taxonomy", "load_taxonomy", "resources_dir", "extract_fields", "structure_rules"]
