"""The custom attributes druglint's components set on spaCy objects."""
from __future__ import annotations

from spacy.tokens import Doc, Span


def register() -> None:
    """Register the Doc and Span extensions (idempotent)."""
    for name in ("layout", "section_kinds"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in ("condition_ids", "dose", "drug_id", "misspelled", "drug_class"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register()
