"""druglint's shipped syntax pipeline: tagger, morphologizer, dependency parser, lemmatizer.

The model in ``syntax_model/`` is a small CNN spaCy pipeline trained on UD English EWT
(CC BY-SA 4.0, see ``syntax_model/LICENSE-EWT.txt``); ``training/syntax/`` rebuilds it.
It is loaded from this package's directory, never downloaded.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from lint.nlp.anaphora import refers_to_drug
from lint.nlp.words import lowered

if TYPE_CHECKING:
    from lint.nlp.sentences import SentenceTable

SYNTAX_MODEL_DIR = Path(__file__).resolve().parent / "syntax_model"


@lru_cache(maxsize=1)
def load_syntax_model() -> Language:
    """Load the shipped pipeline once (cached) and return it.

    Sets ``Token.tag_`` (Penn XPOS), ``Token.pos_`` and ``Token.morph`` (UPOS, UD features),
    ``Token.head``/``Token.dep_`` and sentence boundaries (parser), and ``Token.lemma_``.
    Loading is from ``SYNTAX_MODEL_DIR`` only; no network access.
    """
    if not (SYNTAX_MODEL_DIR / "config.cfg").is_file():
        raise FileNotFoundError(f"syntax model missing: {SYNTAX_MODEL_DIR} (see training/syntax/README.md)")
    presplit = {"nlp": {"tokenizer": {"@tokenizers": "druglint.presplit_words.v1"}}}
    return spacy.load(SYNTAX_MODEL_DIR, config=presplit, exclude=["tokenizer"])


class _PresplitWords:
    """The syntax model's tokenizer, which never tokenizes: druglint hands the model Docs
    already split by the article's own tokenizer (building and loading spaCy's English
    tokenizer a second time would cost a third of a second at start-up)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        raise TypeError("druglint's syntax model parses Docs made by the article's tokenizer: "
                        "pass a Doc (spacy.tokens.Doc(model.vocab, words=...)), not text")

    def to_bytes(self, **_: object) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_: object) -> _PresplitWords:
        return self

    def to_disk(self, _path: object, **_: object) -> None:
        return None

    def from_disk(self, _path: object, **_: object) -> _PresplitWords:
        return self


@spacy.registry.tokenizers("druglint.presplit_words.v1")
def presplit_words_tokenizer() -> Callable[[Language], _PresplitWords]:
    """Registered tokenizer factory for `load_syntax_model` (a whitespace split)."""
    return lambda nlp: _PresplitWords(nlp.vocab)


@lru_cache(maxsize=1)
def _improvement_words() -> frozenset[str]:
    """Every form of the first word of each improvement phrase (rules/use_predicates.yaml)."""
    from lint.knowledge.lexicons import use_predicates
    from lint.nlp.inflect import verb_forms
    return frozenset(form for phrase in use_predicates().improvements for form in verb_forms(phrase.split()[0]))


@lru_cache(maxsize=1)
def _purpose_words() -> frozenset[str]:
    """Every form of each purpose verb (rules/use_predicates.yaml: take, use, give ...)."""
    from lint.knowledge.lexicons import use_predicates
    from lint.nlp.inflect import verb_forms
    return frozenset(form for phrase in use_predicates().purpose for form in verb_forms(phrase.split()[0]))


TESTIFYING = frozenset({"my", "his", "her", "their", "our", "i", "i've", "i'm", "me", "we"})


def needs_parse(doc: Doc, start: int, end: int, drug_starts: frozenset[int] = frozenset(),
                named: bool = True) -> bool:
    """True for a sentence (token range) that can carry a testimony (an improvement word and
    someone's own experience: "my", "his", "I", in a sentence that names a drug) or a purpose
    clause (a purpose verb, the drug, "it" or "a few tablets" within three words, then "to":
    "takes Claritin to dry up a cold", "takes it to stop the rage"; or any verb, the drug
    and "to" right after it: "leans on Xanax to sleep"). `drug_starts` are the
    first tokens of drug names; `named` says the sentence names one. Only these sentences
    are parsed, so the parser costs little."""
    words = lowered(doc)[start:end]
    if named and TESTIFYING.intersection(words) and _improvement_words().intersection(words):
        return True
    purpose = _purpose_words()
    for i, word in enumerate(words):
        if word not in purpose:
            continue
        objects = [j for j in range(i + 1, min(i + 4, len(words)))
                   if start + j in drug_starts or refers_to_drug(doc, start + j)]
        if objects and "to" in words[objects[0] + 1:objects[0] + 8]:
            return True
    return any("to" in words[d - start + 1:d - start + 1 + DRUG_TO_REACH] for d in drug_starts if start <= d < end)


DRUG_TO_REACH = 3  # words from a drug name's first word to the 'to' of a purpose clause ("Tylenol PM to")


def _follows_named(doc: Doc, table: SentenceTable, index: int, with_drugs: set[int]) -> bool:
    """True when the sentence before this one, in the same block, names a drug ("I begged my
    doctor for clonidine. Three weeks in, my hot flashes stopped cold." testifies about it) or
    opens on 'it' for the article's drug ("So it's basically a hives med too. Also my eczema
    calmed way down.")."""
    if index == 0 or table.blocks[index - 1] != table.blocks[index]:
        return False
    return index - 1 in with_drugs or opens_on_it(doc, table.spans[index - 1])


IT_OPENING_REACH = 3  # words at a sentence's start where its 'it' stands ("So honestly it's ...")


def opens_on_it(doc: Doc, sentence: Span) -> bool:
    """True when one of a sentence's first words is an 'it' that stands for the article's drug."""
    return any(doc[i].lower_ == "it" and refers_to_drug(doc, i)
               for i in range(sentence.start, min(sentence.end, sentence.start + IT_OPENING_REACH)))


@Language.component("druglint_syntax")
def parse_claim_sentences(doc: Doc) -> Doc:
    """doc._.syntax: {sentence start token: that sentence parsed by the shipped model}, for
    the sentences `needs_parse` selects; doc._.parsed_sentences counts them. The parse lives
    in its own Doc (same tokens), so it never changes the article's own sentences."""
    from lint.nlp.sentences import sentence_table

    table = sentence_table(doc)
    drug_starts = frozenset(span.start for span in doc.spans["drugs"])
    with_drugs = {table.of_token[start] for start in drug_starts}
    candidates = range(len(table.spans)) if drug_starts else with_drugs  # "takes it to ...": the article's drug
    chosen = [table.spans[i] for i in sorted(candidates)
              if needs_parse(doc, table.spans[i].start, table.spans[i].end, drug_starts,
                             named=i in with_drugs or _follows_named(doc, table, i, with_drugs))]
    parsed: dict[int, Doc] = {}
    if chosen:
        model = load_syntax_model()
        sentences = [Doc(model.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span])
                     for span in chosen]
        parsed = {span.start: sentence for span, sentence in zip(chosen, model.pipe(sentences))}
    doc._.syntax = parsed
    doc._.sentence_count = len(table.spans)
    return doc
