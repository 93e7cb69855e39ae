"""Context cues (use, negation, hedge, off-label, harm, history, descriptive, terminate)
from rules/cues.yaml, marked as spans in doc.spans['cues'] labelled by category."""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from lint.knowledge.lexicons import CUE_CATEGORIES, cue_table


@Language.factory("druglint_cues")
def make_cue_matcher(nlp: Language, name: str):
    return CueMatcher(nlp)


class CueMatcher:
    """Marks cue phrases; where phrases overlap, the longest wins."""

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        table = cue_table()
        for category in CUE_CATEGORIES:
            self.matcher.add(category, [nlp.make_doc(p) for p in table.cues[category]])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        doc.spans["cues"] = filter_spans(spans)
        return doc
