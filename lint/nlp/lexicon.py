"""Phrase variants shared by the drug and condition matchers."""
from __future__ import annotations

import re


def variants(term: str) -> set[str]:
    """A term with its hyphen and plural variants: 'post-traumatic' -> 'post traumatic', ..."""
    forms = {term}
    if "-" in term:
        forms |= {term.replace("-", " "), term.replace("-", "")}
    plurals = set()
    for form in forms:
        last = form.rsplit(" ", 1)[-1]
        if last.isalpha() and len(last) > 3 and not last.isupper():
            plurals.add(form[:-1] if last.endswith("s") and not last.endswith("ss") else form + "s")
    return forms | plurals


def is_acronym(term: str) -> bool:
    """Short all-capital terms (GAD, ED, RA) are matched case-sensitively."""
    return bool(re.fullmatch(r"[A-Z][A-Z0-9]{1,5}s?", term))
