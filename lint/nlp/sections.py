"""Section kinds (uses, dosage, side effects, warnings, mechanism) from the headings."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lint.knowledge.lexicons import cue_table

NEUTRAL = "other"


def heading_kind(text: str) -> str:
    """Classify a heading by the first section kind whose words it contains."""
    lowered = f" {text.lower()} "
    for kind, words in cue_table().sections.items():
        if any(w in lowered for w in words):
            return kind
    return NEUTRAL


@Language.component("druglint_sections")
def assign_section_kinds(doc: Doc) -> Doc:
    """doc._.section_kinds: one kind per layout block, inherited from the nearest heading.
    A list intro (a heading line ending with ':') and a neutral sub-heading keep the kind above."""
    layout = doc._.layout
    kinds, current = [], NEUTRAL
    blocks = layout.blocks if layout else []
    title = blocks[0] if blocks and blocks[0].kind == "heading" else None
    for block in blocks:
        if block is title:
            kinds.append(NEUTRAL)  # "Uses, dosage and risks" in a title names no section
            continue
        if block.kind == "heading":
            text = layout.text[block.start:block.end]
            if text.rstrip().endswith(":"):
                kinds.append(current)
                continue
            own = heading_kind(text)
            if own != NEUTRAL:
                current = own
            elif block.level <= 2:
                current = NEUTRAL
        kinds.append(current)
    doc._.section_kinds = kinds
    return doc
