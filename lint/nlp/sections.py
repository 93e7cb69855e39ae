"""Section kinds (uses, dosage, side effects, warnings, mechanism) from the headings."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lint.nlp.cues import cue_table

NEUTRAL = "other"


def heading_kind(text: str) -> str:
    """Classify a heading by the first section kind whose words it contains."""
    lowered = f" {text.lower()} "
    for kind, words in cue_table()["sections"].items():
        if any(w in lowered for w in words):
            return kind
    return NEUTRAL


@Language.component("druglint_sections")
def assign_section_kinds(doc: Doc) -> Doc:
    """doc._.section_kinds: one kind per layout block, inherited from the nearest heading.
    A neutral or list-intro heading (ending with ':') passes on the kind above it."""
    layout = doc._.layout
    kinds, current = [], NEUTRAL
    for block in (layout.blocks if layout else []):
        if block.kind == "heading":
            own = heading_kind(layout.text[block.start:block.end])
            intro = layout.text[block.start:block.end].rstrip().endswith(":")
            if own != NEUTRAL:
                current = own
            elif not intro and block.level <= 2:
                current = NEUTRAL
        kinds.append(current)
    doc._.section_kinds = kinds
    return doc
