"""The lowercase text of every token of a Doc, read once.

`doc[i].lower_` builds a Token object on every call; the claim readers that walk each
sentence word by word made millions of them per thousand articles. They index this list.
"""
from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc


def lowered(doc: Doc) -> list[str]:
    """`token.lower_` of every token, by index (built on first use, kept in `doc.user_data`)."""
    words = doc.user_data.get("druglint_lowered")
    if words is None or len(words) != len(doc):
        strings = doc.vocab.strings
        words = doc.user_data["druglint_lowered"] = [strings[key] for key in doc.to_array(LOWER).tolist()]
    return words
