"""druglint's shipped syntax pipeline: tagger, morphologizer, dependency parser, lemmatizer.

The model in ``syntax_model/`` is a small CNN spaCy pipeline trained on UD English EWT
(CC BY-SA 4.0, see ``syntax_model/LICENSE-EWT.txt``); ``training/syntax/`` rebuilds it.
It is loaded from this package's directory, never downloaded.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

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
    return spacy.load(SYNTAX_MODEL_DIR)
