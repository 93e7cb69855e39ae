"""Context cues (use, negation, hedge, off-label, harm, history, descriptive, terminate)
from rules/cues.yaml, marked as spans in doc.spans['cues'] labelled by category."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from lint.knowledge.reference import rules_dir

CATEGORIES = ("use", "negation", "hedge", "off_label", "harm", "history", "descriptive", "terminate")


@lru_cache(maxsize=1)
def cue_table() -> dict:
    """The parsed rules/cues.yaml."""
    return yaml.safe_load((Path(rules_dir()) / "cues.yaml").read_text(encoding="utf-8"))


@Language.factory("druglint_cues")
def make_cue_matcher(nlp: Language, name: str):
    return CueMatcher(nlp)


class CueMatcher:
    """Marks cue phrases; where phrases overlap, the longest wins."""

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        table = cue_table()
        for category in CATEGORIES:
            self.matcher.add(category, [nlp.make_doc(p) for p in table.get(category, [])])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        doc.spans["cues"] = filter_spans(spans)
        return doc
