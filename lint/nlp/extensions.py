"""The custom attributes druglint's components set on spaCy objects."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# Pack pattern keys and the token flags behind them (set where a house-rule pattern runs).
ENTITY_ATTRS = {"DRUG": "pack_drug", "CONDITION": "pack_condition", "DOSE": "pack_dose",
                "MISSPELLED": "pack_misspelled"}


def register() -> None:
    """Register the Doc, Span and Token extensions (idempotent)."""
    for name in ("layout", "section_kinds", "syntax", "sentence_count"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in ("condition_ids", "dose", "drug_id", "misspelled", "drug_class"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in ENTITY_ATTRS.values():
        if not Token.has_extension(name):
            Token.set_extension(name, default=False)


register()
