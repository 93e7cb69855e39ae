"""Build the spaCy pipeline once: a blank English tokenizer and druglint's components."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from lint.document import Document
from lint.nlp import conditions, cues, doses, drugs, extensions, sentences, sections  # noqa: F401 (registers)

COMPONENTS = ("druglint_sentences", "druglint_sections", "druglint_drugs", "druglint_conditions",
              "druglint_cues", "druglint_doses")


@lru_cache(maxsize=4)
def build_pipeline(profile_dirs: tuple[str, ...] = ()) -> Language:
    """spacy.blank('en') with druglint's rule-based components, in order."""
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        config = {"profile_dirs": list(profile_dirs)} if name in ("druglint_drugs", "druglint_conditions") else {}
        nlp.add_pipe(name, config=config)
    return nlp


def analyse(document: Document, profile_dirs: tuple[str, ...] = ()) -> Doc:
    """Run the pipeline over a document's text, with its layout attached to the Doc."""
    nlp = build_pipeline(profile_dirs)
    doc = nlp.make_doc(document.text)
    doc._.layout = document
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc
