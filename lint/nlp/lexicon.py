"""Phrase variants shared by the drug and condition matchers."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc


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


def final_period_cases(tokenizer, terms) -> dict[str, list[str]]:
    """Tokenizer special cases that split a sentence-final period off a term's last chunk.
    spaCy keeps the period on a chunk ending in a capital ("T2D.", "PsA.", "LDL-C."), as it
    does for abbreviations, so the term would not match at the end of a sentence."""
    cases = {}
    for term in terms:
        chunk = term.rsplit(" ", 1)[-1]
        if not chunk[-1:].isupper() or f"{chunk}." in cases:
            continue
        pieces = [t.text for t in tokenizer(f"{chunk}.")]
        if pieces[-1] != ".":
            cases[f"{chunk}."] = [t.text for t in tokenizer(chunk)] + ["."]
    return cases


def phrase_doc(nlp: Language, phrase: str) -> Doc:
    """A matcher pattern for a phrase, tokenized as article text is. A phrase of plain
    words that no tokenizer rule touches is built from its words directly (the same
    tokens, without running the tokenizer: thousands of lexicon terms load faster)."""
    words = phrase.split(" ")
    rules = _tokenizer_rules(nlp)
    if all(word.isalpha() and word.isascii() and word not in rules and word.lower() not in rules for word in words):
        return Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
    return nlp.make_doc(phrase)


def _tokenizer_rules(nlp: Language) -> frozenset[str]:
    cached = getattr(nlp, "_druglint_rules", None)
    if cached is None:
        cached = frozenset(getattr(nlp.tokenizer, "rules", {}) or {})
        nlp._druglint_rules = cached  # type: ignore[attr-defined]
    return cached
