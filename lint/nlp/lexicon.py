"""Phrase variants and phrase matching shared by the drug, condition and cue matchers."""
from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Iterable

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

from lint.nlp.anaphora import OWNING_DETERMINERS
from lint.nlp.inflect import verb_forms
from lint.nlp.words import is_markup_text, token_texts

LEADING_VERBS = frozenset({"prevent", "lose", "quit", "lower", "stop", "reduce", "build", "gain", "boost", "improve",
                           "sharpen", "treat", "burn", "increase", "protect"})  # a term may open with one: 'prevent malaria'


PLURAL_SENSES = frozenset({"nerves", "shingles", "jitters", "shakes", "blues", "spirits", "sweats", "munchies"})
# plurals whose singular means something else: "my nerves" (anxiety), not "the nerve signals"


CLOSED_WORD = (3, 5)  # letters of each word of a two-word term also written closed up ("jetlag", "hayfever")


OWNERS = sorted(OWNING_DETERMINERS - {"the"})  # whose organ a verb-led term may name instead of 'the'


def variants(term: str) -> set[str]:
    """A term with its hyphen, closed-up, plural and verb-form variants: 'post-traumatic' ->
    'post traumatic', 'tension headache' -> 'tension-headache' (one hyphen in a longer term:
    'blood-pressure pill'), 'jet lag' -> 'jetlag';
    'prevent malaria' -> 'prevents malaria', 'prevented malaria', ..."""
    forms = {term}
    if "-" in term:
        forms |= {term.replace("-", " "), term.replace("-", "")}
    elif " " in term and term.replace(" ", "").isalpha():
        words = term.split(" ")
        forms |= {" ".join(words[:i] + [f"{words[i]}-{words[i + 1]}"] + words[i + 2:]) for i in range(len(words) - 1)}
        # "tension headache" -> "tension-headache", "blood pressure pill" -> "blood-pressure pill"
        if len(words) == 2 and all(CLOSED_WORD[0] <= len(word) <= CLOSED_WORD[1] for word in words):
            forms.add(term.replace(" ", ""))  # "jet lag" -> "jetlag", "hay fever" -> "hayfever"
    first, _, rest = term.partition(" ")
    if rest and first in LEADING_VERBS:
        forms |= {f"{form} {rest}" for form in verb_forms(first)}
        if rest.startswith("the "):  # "protect the kidneys" -> "protect my kidneys", "protects their kidneys"
            forms |= {f"{form} {owner} {rest[4:]}" for form in verb_forms(first) for owner in OWNERS}
    plurals = set()
    for form in forms:
        last = form.rsplit(" ", 1)[-1]
        if not last.isalpha() or last.isupper():
            continue
        if last.endswith("s") and not last.endswith("ss"):
            if len(last) > 5 and last.lower() not in PLURAL_SENSES:  # "cramps" -> "cramp"; not "colds" -> "cold"
                plurals.add(form[:-1])
        elif len(last) > 3 or len(last) == 3 and " " in form:  # "tummy bug" -> "tummy bugs", not "flu" -> "flus"
            plurals.add(form + "s")
    return forms | plurals


def is_acronym(term: str) -> bool:
    """Short all-capital terms (GAD, ED, RA), or with one small letter second (PsA, HeFH), are
    matched case-sensitively: PsA (psoriatic arthritis) is not PSA (the prostate test)."""
    return bool(re.fullmatch(r"[A-Z][a-z]?[A-Z][A-Z0-9]{0,4}s?", term))


RELEASE_FORMS_ANY_CASE = ("XR", "XL", "SR", "CR", "ODT")  # no English word: chat writes them small ("30 xr")


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
    if _plain(nlp, words):
        return Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
    return nlp.make_doc(phrase)


def _plain(nlp: Language, words: list[str]) -> bool:
    rules = _tokenizer_rules(nlp)
    return all(word.isalpha() and word.isascii() and word not in rules and word.lower() not in rules for word in words)


def _tokenizer_rules(nlp: Language) -> frozenset[str]:
    cached = getattr(nlp, "_druglint_rules", None)
    if cached is None:
        cached = frozenset(getattr(nlp.tokenizer, "rules", {}) or {})
        nlp._druglint_rules = cached  # type: ignore[attr-defined]
    return cached


def words_without_markup(doc: Doc) -> tuple[Doc, list[int]] | None:
    """The doc's words past the blanks where markup stood and the emphasis marks of plain
    text, so that a phrase matches across them ("for **sleep**"), as a Doc of those words and
    the index in `doc` of each; None when the doc has none. A line break still parts words.
    Built once for the doc's several matchers."""
    if "words_without_markup" not in doc.user_data:
        texts = token_texts(doc)
        kept = [i for i, text in enumerate(texts) if not is_markup_text(text)]
        doc.user_data["words_without_markup"] = None if len(kept) == len(doc) \
            else (Doc(doc.vocab, words=[texts[i] for i in kept], spaces=[True] * len(kept)), kept)
    return doc.user_data["words_without_markup"]


class LazyPhraseMatcher:
    """spaCy's PhraseMatcher on LOWER or ORTH, whose phrases become pattern Docs only when
    an article first holds their first token (a phrase cannot match where its first token
    is absent). Start-up builds no pattern Doc, and a run builds only the patterns its
    articles can match: the matches are the PhraseMatcher's, in its order. Threads may
    share it: a Doc is matched once every pattern it can match has been added."""

    def __init__(self, nlp: Language, attr: str = "LOWER"):
        if attr not in ("LOWER", "ORTH"):
            raise ValueError(f"LazyPhraseMatcher matches on LOWER or ORTH, not {attr}")
        self.nlp, self.attr = nlp, IDS[attr]
        self.matcher = PhraseMatcher(nlp.vocab, attr=attr)
        lowercase = nlp.vocab.lex_attr_getters.get(self.attr, str.lower)  # type: ignore[attr-defined]
        self._key_text = lowercase if attr == "LOWER" else str  # a token's LOWER or ORTH value from its text
        self._waiting: dict[int, list[tuple[str, str | Doc]]] = defaultdict(list)  # first-token hash -> patterns
        self._adding = threading.Lock()

    def add(self, key: str, phrases: Iterable[str]) -> None:
        """Add phrases under a match key (the patterns as `phrase_doc` makes them)."""
        for phrase in phrases:
            words = phrase.split(" ")
            pattern: str | Doc = phrase if _plain(self.nlp, words) else self.nlp.make_doc(phrase)
            first = words[0] if isinstance(pattern, str) else pattern[0].text if len(pattern) else None
            if first is not None:
                self._waiting[get_string_id(self._key_text(first))].append((key, pattern))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every match, as PhraseMatcher gives them."""
        with self._adding:
            if self._waiting and len(doc):
                for first in [first for first in set(doc.to_array(self.attr).tolist()) if first in self._waiting]:
                    for key, pattern in self._waiting.pop(first):
                        self.matcher.add(key, [phrase_doc(self.nlp, pattern) if isinstance(pattern, str) else pattern])
        without_markup = words_without_markup(doc)
        if without_markup is None:
            return self.matcher(doc)
        compact, kept = without_markup
        return [(key, kept[start], kept[end - 1] + 1) for key, start, end in self.matcher(compact)]
