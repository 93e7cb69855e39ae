"""Sentence boundaries that respect the article's layout (headings, list items, labels)."""
from __future__ import annotations

import bisect

import numpy
from spacy.attrs import SENT_START
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
    starts = []  # one flag per token, set in one call: Token.is_sent_start costs O(len(doc)) per set
    for token in doc:
        if token.is_space:
            starts.append(previous is None)
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
        starts.append(start)
        previous = token
    if starts:
        flags = numpy.array([1 if s else -1 for s in starts], dtype="int64").astype("uint64")
        doc.from_array([SENT_START], flags.reshape(-1, 1))
    return doc
