"""Build the spaCy pipeline once: a blank English tokenizer and druglint's components."""
from __future__ import annotations

from functools import lru_cache
from typing import cast

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from lint.knowledge.reference import load_reference
from lint.model.document import Document
from lint.nlp import conditions, cues, doses, drugs, extensions, sections, sentences, syntax  # noqa: F401 (registers)
from lint.nlp.lexicon import final_period_cases
from lint.nlp.sentences import MESSAGE_OPENER
from lint.nlp.words import DOC_TEXT

COMPONENTS = ("druglint_sentences", "druglint_sections", "druglint_drugs", "druglint_conditions",
              "druglint_cues", "druglint_doses", "druglint_syntax")
REFERENCE_COMPONENTS = ("druglint_drugs", "druglint_conditions", "druglint_doses")  # built from the profiles


@lru_cache(maxsize=4)
def build_pipeline(profile_dirs: tuple[str, ...] = ()) -> Language:
    """spacy.blank('en') with druglint's rule-based components, in order."""
    nlp = spacy.blank("en")
    reference = load_reference(profile_dirs)
    terms = [t for c in reference.conditions.values() for t in c.terms]
    terms += [t for p in reference.profiles.values() for t in (*p.names, *(t for i in p.indications for t in i.terms))]
    tokenizer = cast(Tokenizer, nlp.tokenizer)  # spacy.blank gives a Tokenizer
    for chunk, pieces in final_period_cases(tokenizer, terms).items():
        tokenizer.add_special_case(chunk, [{ORTH: piece} for piece in pieces])
    for chunk, split in shouted_contractions(tokenizer).items():
        tokenizer.add_special_case(chunk, split)
    for name in COMPONENTS:
        config = {"profile_dirs": list(profile_dirs)} if name in REFERENCE_COMPONENTS else {}
        nlp.add_pipe(name, config=config)
    return nlp


def shouted_contractions(tokenizer: Tokenizer) -> dict[str, list[dict]]:
    """The tokenizer's contractions in capitals, split as their lower-case forms are ("CAN'T":
    "CA" "N'T", as "can't" is "ca" "n't"), so a shouted "you CAN'T take it if" is still negated."""
    shouted = {}
    for chunk, split in tokenizer.rules.items():
        if ("'" in chunk or "’" in chunk) and chunk != chunk.upper() and chunk.upper() not in tokenizer.rules:
            shouted[chunk.upper()] = [{**piece, ORTH: piece[ORTH].upper()} for piece in split]
    return shouted


def analyse(document: Document, profile_dirs: tuple[str, ...] = ()) -> Doc:
    """Run the pipeline over a document's text, with its layout attached to the Doc."""
    nlp = build_pipeline(profile_dirs)
    doc = tokenize(nlp, document)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def tokenize(nlp: Language, document: Document) -> Doc:
    """The document's tokens (soft wraps read as spaces), with its layout attached."""
    text = soft_wraps_as_spaces(document)
    doc = nlp.make_doc(text)
    doc.user_data[DOC_TEXT] = text  # what Doc.text would join from the tokens again
    doc._.layout = document
    return doc


WRAPPED_LINE = 60  # characters a line holds when a line break only wraps it (a shorter one is a chat message)
LONGEST_WRAP = 100  # characters beyond which a line was never wrapped by width (a long chat message or paragraph)


def soft_wraps_as_spaces(document: Document) -> str:
    """The text the tokenizer reads: the document's text with each line break inside a block
    that only wraps a long line ('giving her kids\\nTamiflu', between two words; not a line
    too long to have been wrapped by width, nor one before a speaker's name) read as a space,
    so words and patterns match across it. Characters keep their offsets; a block's own line
    breaks before indentation, markup or a blank line stay."""
    text = document.text
    chars: list[str] | None = None
    for block in document.blocks:
        at = text.find("\n", block.start, block.end)
        while at != -1:
            if 0 < at < len(text) - 1 and not text[at - 1].isspace() and not text[at + 1].isspace() \
                    and WRAPPED_LINE < at - text.rfind("\n", 0, at) <= LONGEST_WRAP and not MESSAGE_OPENER.match(text, at + 1):
                chars = chars if chars is not None else list(text)
                chars[at] = " "
            at = text.find("\n", at + 1, block.end)
    return "".join(chars) if chars is not None else text
