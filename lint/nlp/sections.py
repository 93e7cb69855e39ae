"""Section kinds (uses, dosage, side effects, warnings, mechanism) from the headings."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from lint.knowledge.lexicons import cue_table, purpose_forms
from lint.nlp.alternation import alternation

NEUTRAL = "other"
MAX_WORDS_BEFORE_FOR = 4  # "taking it for?", "prescribe Xanax to teens for:"
CAUTION = re.compile(r"\b(?:watch|avoid|warn\w*|risks?|side effects?|danger\w*|careful|not|never|stop\w*|"
                     r"shouldn't|should not|don't|do not|911|emergency|urgent\w*|right away|immediately|"
                     r"take (?:him|her|them|me|us) in)\b")  # "should watch for these problems:", "Call 911 or take
# them in for:" list no uses
NEGATED = re.compile(r"(?:\bnot|\bnever|n['’]t)\s+(?:[\w'’-]+\s+){0,2}?(?:used|useful|for|good|great|handy|effective"
                     r"|helpful|meant|treat\w*|help\w*)\b")  # "not useful for", not "perks you may not hear about"
ALONGSIDE = re.compile(r"\b(?:take|use|give|have)\b.*\b(?:with|alongside|along with) (?:it|this|them|that)\s*[?:.!]*\s*$")
# "What can I take for fever with it?": another medicine taken alongside, not the drug's uses
HOW_IT_WORKS = re.compile(r"\bhow\b(?:\s+[\w'’-]+){0,3}\s+works?\b")  # "How Lexapro works", "How do SSRIs work?"
KINDS_OF_USE = "situations|cases|conditions|problems|purposes|uses|issues|ailments|complaints|disorders"


TOPIC_HEADING_WORDS = 14  # a longer heading is a reader's question or story, not a section's topic


FIRST_PERSON = re.compile(r"\b(?:my|i|me)\b")  # a writer's own story, in a heading ("our study" is research)


def heading_kind(text: str) -> str:
    """Classify a heading: one that asks or tells what the drug is taken for ("What else are
    members taking it for?", "Other ways our customers use it") heads uses; otherwise the
    first section kind one of whose words it contains, as a whole word (a plural counts; a
    word written with a final '*' is a stem: 'allerg*')."""
    lowered = text.lower()
    if _purpose_heading().search(lowered) and not CAUTION.search(lowered):
        return "uses"
    if len(text.split()) > TOPIC_HEADING_WORDS or ALONGSIDE.search(lowered):
        return NEUTRAL  # a reader's question heading its answer ("Q: My sister started it for her allergies ...?")
    for kind, pattern in _section_patterns():
        if pattern.search(lowered):
            if kind == "research" and FIRST_PERSON.search(lowered):
                return NEUTRAL  # "MY FAMILY IS BASICALLY A BENZO CASE STUDY": a story, not research
            return NEUTRAL if kind == "uses" and NEGATED.search(lowered) else kind  # "What it is not used for"
    return "mechanism" if HOW_IT_WORKS.search(lowered) else NEUTRAL


def speaks_of_warning(text: str) -> bool:
    """True when a text holds one of the words that head a warnings section ('risk', 'safety',
    'boxed warning'): under 'How it works', such a sentence still warns."""
    lowered = text.lower()
    return dict(_section_patterns())["warnings"].search(lowered) is not None or WARNS.search(lowered) is not None


WARNS = re.compile(r"\b(?:warn\w*|risk\w*|danger\w*|cautio\w*|careful|side effects?)\b")  # "the label warns"


@lru_cache(maxsize=1)
def _section_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    def word(w: str) -> str:
        return rf"\b{re.escape(w[:-1])}" if w.endswith("*") else rf"\b{re.escape(w)}(?:s|es)?\b"
    return tuple((kind, re.compile("|".join(word(w) for w in words))) for kind, words in cue_table().sections.items())


@lru_cache(maxsize=1)
def _purpose_heading() -> re.Pattern:
    """A purpose or storage verb (use_predicates.yaml, every form) whose 'for' ends the heading,
    or that follows 'reasons' or 'ways' with its subject ("Other ways shoppers use it"; not
    "Ways to take it safely", which is how to take it); a lead that ends on the kinds of use
    it lists ("is used in the following situations:", "using it for stuff ...:"); or "people
    with:" ending a lead."""
    verb = "(?:" + alternation(purpose_forms()) + ")"  # the longest form first: "Also packing it for:"
    return re.compile(rf"\b{verb}\b(?:\s+[\w'’-]+){{0,{MAX_WORDS_BEFORE_FOR}}}?\s+for"
                      rf"(?:\s+(?:now|these days|nowadays|too|also|lately|today))?\s*[?:.!]*\s*$"  # "Things I use it for now"
                      rf"|\b(?:ways(?!\s+to\b)|reasons)\b(?:\s+[\w'’-]+){{0,3}}?\s+{verb}\b"
                      rf"|\b{verb}\b(?:\s+[\w'’-]+){{0,6}}?\s+(?:the\s+)?(?:following|these|such|other)\s+"
                      rf"(?:{KINDS_OF_USE})\s*:\s*$"  # "used widely in the following situations:"
                      rf"|\b{verb}\b(?:\s+[\w'’-]+){{0,3}}?\s+for\s+(?:other\s+|all\s+sorts\s+of\s+|lots\s+of\s+)?"
                      rf"(?:stuff|things)\b[^:]*:\s*$"  # "I started using it for stuff that had nothing to do with it:"
                      rf"|\b(?:people|patients|customers|members|folks|clients|anyone|women|men|kids|children)\s+"
                      rf"(?:with|who have)\s*:\s*$")  # "We fill it every day for customers with:"


@Language.component("druglint_sections")
def assign_section_kinds(doc: Doc) -> Doc:
    """doc._.section_kinds: one kind per layout block, inherited from the nearest heading.
    A list intro (a heading line ending with ':') and a neutral sub-heading keep the kind above;
    a neutral heading at the level of the one that set the kind ends it."""
    layout = doc._.layout
    kinds, current, current_level = [], NEUTRAL, 0
    blocks = layout.blocks if layout else []
    title = blocks[0] if blocks and blocks[0].kind == "heading" else None
    if title is not None and len(blocks) > 1 and blocks[1].kind == "item":
        title = None  # a title with its list right under it ("What is X used for?" then items) heads that list
    for block in blocks:
        if block is title:
            kinds.append(NEUTRAL)  # "Uses, dosage and risks" in a title names no section
            continue
        if block.kind == "heading":
            text = layout.text[block.start:block.end]
            own = heading_kind(text)
            if own != NEUTRAL:
                current, current_level = own, block.level
            elif (block.level <= 2 or block.level <= current_level) and not text.rstrip().endswith(":"):
                current = NEUTRAL  # a neutral list intro ("Examples:") or sub-heading keeps the kind above;
                # a neutral sibling ("### Who shouldn't take it" after "### Beyond insomnia") ends it
        kinds.append(current)
    doc._.section_kinds = kinds
    return doc
