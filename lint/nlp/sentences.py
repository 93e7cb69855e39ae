"""Sentence boundaries that respect the article's layout (headings, list items, labels)."""
from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc

ENDINGS = {".", "!", "?", "…"}
CLAUSE_PRONOUNS = {"It", "This", "They", "These", "He", "She", "We", "You", "That"}


@Language.component("druglint_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    """Start a sentence at every block start, after end punctuation followed by a capital,
    and after a closing parenthesis followed by a pronoun (run-on web prose)."""
    layout = doc._.layout
    block_starts = sorted(b.start for b in layout.blocks) if layout else []
    previous = None
    for token in doc:
        if token.is_space:
            token.is_sent_start = False if previous is not None else True
            continue
        start = previous is None
        if not start and block_starts:
            i = bisect.bisect_right(block_starts, token.idx) - 1
            start = i >= 0 and previous.idx < block_starts[i] <= token.idx
        if not start and previous is not None:
            first = token.text[0]
            after_end = previous.text[-1] in ENDINGS and (first.isupper() or first.isdigit() or first in "\"'“(")
            after_paren = previous.text == ")" and token.text in CLAUSE_PRONOUNS
            start = after_end or after_paren
        token.is_sent_start = start
        previous = token
    return doc
