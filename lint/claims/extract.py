"""Claims: what the article asserts, as plain data. The turning point of the design:
everything hard (context, negation, linking) happens here, on the spaCy Doc; the checks
after it are plain comparisons against the reference profiles.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache, partial

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from lint.claims.given_at_age import AgeClaim, given_at_age
from lint.claims.population import (
    ADULT_AGE,
    CHILDRENS_PRODUCT,
    HEPATIC,
    NOT_THE_GROUP,
    PERSON_NOUNS,
    RENAL,
    ages_by_name,
    detect_population,
    detect_weight,
    last_stated_age,
    names_adults,
    population_at,
    stated_age,
)
from lint.claims.relations import (
    FILLERS,
    UNLISTED,
    Candidate,
    apposition_closes,
    benefit_candidates,
    called_by_name,
    for_candidates,
    frame_candidates,
    goal_compounds,
    goal_heads,
    how_candidates,
    inner_hyphen,
    label_vocabulary,
    listed_candidates,
    nickname_candidates,
    nickname_descriptors,
    nickname_heads,
    not_a_use,
    not_only_for,
    purpose_candidates,
    purpose_forms,
    stops_drug,
    suppresses_wanted,
    testimony_subjects,
    way_candidates,
    word_before,
)
from lint.claims.relations import (
    is_complaint_span as _is_complaint_span,
)
from lint.claims.relative import RECIPIENTS, taken_by_relative
from lint.claims.users import UseGroup, giving_forms, use_groups
from lint.knowledge.lexicons import concepts, cue_table, use_predicates
from lint.knowledge.reference import Indication, Product, Profile, Reference
from lint.model.document import Document
from lint.model.units import UNIT_FORMS
from lint.nlp.alternation import alternation
from lint.nlp.anaphora import (
    CONTAINERS,
    COURSES,
    DOSE_FORMS,
    KEEPING,
    MEDICINE_NOUNS,
    OWNED,
    OWNING_DETERMINERS,
    RELEASE_FORM_NOUNS,
    SPAN_OF_TIME,
    SPANS_OF_TIME,
    refers_to_drug,
)
from lint.nlp.anchored_matcher import tokens_with
from lint.nlp.cues import BE_FORMS, GETTING_VERBS, LETTING_VERBS
from lint.nlp.doses import (
    ANOTHER_DAY,
    WITH_ACETAMINOPHEN,
    DoseMention,
    counted_units,
    day_total,
    doses_that_day,
    frequency,
    in_milligrams,
    strength_before,
    with_strength,
)
from lint.nlp.drugs import OTHER, compared_with
from lint.nlp.inflect import phrase_forms, verb_forms
from lint.nlp.lexicon import RELEASE_FORMS_ANY_CASE, is_acronym
from lint.nlp.measures import lowered_as_risk
from lint.nlp.sections import heading_kind, speaks_of_warning
from lint.nlp.sentences import is_handle_line, sentence_table
from lint.nlp.syntax import opens_on_it
from lint.nlp.unitless import ORDINAL_DOSE
from lint.nlp.words import article_text, is_markup, lowered

PRONOUNS = {"it", "its", "they", "them"}
DIALYSIS = re.compile(r"\b(?:dialysis|hemodialysis|haemodialysis|kidney failure|end-stage (?:renal|kidney))\b", re.I)
HOSPITAL = re.compile(r"\b(?<!not )(?<!no )(?<!not an )(?<!never )(?<!not been )(?<!never been )(?<!wasn't )(?<!isn't )(?<!n't )"
                      r"(?:inpatients?|hospitali[sz]ed|in (?:the |a )?hospital|hospital (?:patients?|wards?|stays?|settings?)|"
                      r"on the (?:ward|unit)|psychiatric (?:ward|unit)|intensive care|admitted)\b",
                      re.I)  # not "not in the hospital or anything": an outpatient
SWITCH_VERBS = frozenset(form for verb in ("switch", "change", "move") for form in verb_forms(verb))
SWITCH_REACH = 8  # words from the verb of a switch to its 'to' ("switched her from plain metformin to")
NOT_GOVERNING = {"instead", "than", "like", "unlike", "as", "or", "and", "with", "from", "to", "of", "plus"}
MAX_CUE_DISTANCE = 20
CLAUSE_SPLIT = re.compile(r"((?:,|;|—)?(?<!\s)\s+(?:but|although|though|whereas|yet|while)\s+|;\s*|(?<!\s)\s*—\s*"
                          r"|(?<=[.!?])\s+)")  # linear: a whitespace run is tried once, from its start; ". if you"
# in a chat line is a new clause even where the sentence goes on
REASSURANCE = re.compile(r"\b(?:perfectly|completely|totally|entirely|100%) safe\b|\b(?:no|zero) risk\b|\brisk-free\b|"
                         r"\bwill be (?:fine|ok|okay)\b|\bno need to worry\b|\bgentle on\b|\bharmless\b|\bnothing to worry\b|"
                         r"\bno (?:real |big |major |serious )?(?:[\w-]+ )?(?:worries|worry|concerns?)\b|"
                         r"\b(?:is|are|'s|’s) (?:totally |perfectly |completely |just )?fine\b|\bno drama\b|"
                         r"\b(?:is|are|'s|’s) (?:a |just a |an old |total )?myths?\b|\bwithout any (?:extra |special )?precautions?\b|"
                         r"\b(?:don't|do not|doesn't|no need to) (?:need to )?(?:worry|think|stress) about\b|"
                         r"\bnot to (?:worry|think) about\b|\bwhenever you (?:like|want)\b")
DENIAL = re.compile(r"\b(?:does not|doesn't|doesn’t|did not|didn't|will not|won't|cannot|can't|is not|isn't|isn’t|"
                    r"are not|aren't|has never|have never|was never|were never|never)\b|(?:'s|’s|'re|’re) not\b")
OBJECT_DENIAL = re.compile(r"\b(?:causes|has|carries|poses|with) no (?:risk|danger|withdrawal|addiction|side effects?)\b|"
                           r"\b(?:free (?:of|from)) (?:risk|side effects|addiction|withdrawal)\b")
DRUG_PRONOUNS = frozenset({"it", "this", "they", "medicine", "medication", "drug", "pill", "pills", "tablet", "tablets"})
NEGATED_ADVICE = re.compile(r"\s*(?:be\s+)?(?:safe|recommended|suitable|approved|for\b|a good idea|to be|advised|meant|supposed|"
                            r"allowed|permitted|indicated|okay|ok\b|"
                            r"intended|right for|the same|a treatment|a cure|a substitute|stopped|taken|used|given|mixed|"
                            r"combined|crushed|chewed|help|helps|work|works|treat|cure|fix|do anything|do much)")
# (a benefit denied, "at normal levels it doesn't help", is no risk denied)
COPULAS = frozenset({"is", "'s", "’s", "was", "are", "were", "as", "be", "been", "become", "becomes", "became",
                     "makes", "made", "remains", "stays"})  # "has been my sleeping pill for years"
CALLED_REACH = 9  # "is the closest thing we have to an anti-aging pill"
SUBSTANCES = frozenset({"alcohol", "alcohol's", "drinking", "opioid", "opioids", "opiate", "opiates", "heroin",
                        "nicotine", "smoking", "cigarettes", "cocaine", "meth", "benzo", "benzos", "benzodiazepine",
                        "benzodiazepines", "painkillers", "caffeine"})
REVIEW_CONDITION = re.compile(r"(?:^|[·•|]|\n)[ \t]*((?-i:Condition|Reason for (?:use|taking)|Taking it for|Taken for|Used for))"
                              r"[ \t]*:[ \t]*(?=[A-Za-z])")  # a review site's field: what the reviewer took it for
LINE_LABEL = re.compile(r"(?:^|\n)[ \t]*([A-Z][\w'’ -]{0,30}?)[ \t]*:[ \t]")  # "Uses: ..." at a line start
NEGATORS = frozenset({"not", "n't", "n’t", "nt", "never", "no", "neither", "nor", "cannot", "none"})  # "nt": "doesnt"
TURN = re.compile(r"\b(?:but|however|though|although|yet|except that)\b", re.I)  # "eases X, but ..."
DO_FORMS = frozenset({"do", "does", "did", "done", "doing"})
SUBJECT_NEGATORS = frozenset({"nobody", "noone", "neither", "never"})
NOTHING_OBJECT_REACH = 3  # "nothing beats it for": the drug right after the predicate is what nothing beats
EXCEPTING = frozenset({"like", "until", "till", "but", "except", "besides", "than", "compared", "apart"})
NOT_DENYING = frozenset({"only", "just", "longer", "more", "matter", "doubt", "wonder", "question", "better"})
CLAUSE_SUBJECTS = frozenset({"it", "it's", "its", "this", "i", "i'm", "he", "she", "they", "we", "you"})
NEGATOR_REACH = 4  # "is not a cure for", "has no place in treating"
NO_SUBJECTS = frozenset({"one", "doctor", "doctors", "physician", "physicians", "prescriber", "prescribers",
                         "pharmacist", "pharmacists", "expert", "experts", "guideline", "guidelines", "study",
                         "studies", "trial", "trials", "label", "agency", "nurse", "nurses"})  # "no doctor would give it for"
NO_WAY_REACH = 8  # "no (safe) way to take it for"
SUBJECT_NEGATOR_REACH = 20
QUOTED_OPENING = re.compile(r"^[\W_]*?[\"“]")  # a sentence that opens with a quotation
USE_SECTIONS = {"uses"}
LABEL_SECTIONS = {"uses", "dosage"}
EXCLUDED_SECTIONS = {"side_effects", "warnings"}
REFERRING = {"that", "this", "these", "those", "same"}
DETERMINERS = {"the", "a", "an", "your", "their"}
NOT_MODIFIERS = {"for", "with", "who", "that", "which", "of", "in", "to", "on", "at", "from", "by", "and", "or", "not",
                 "people", "patients", "adults", "children", "those", "anyone", "someone", "use", "treatment",
                 "relief", "help", "is", "are", "was", "be"}  # words that end a "for <modifiers> X" phrase
PURPOSE_VERBS = {"relieve", "relieves", "relieving", "reduce", "reduces", "reducing", "ease", "eases", "easing",
                 "control", "controls", "improve", "improves", "lower", "lowers", "manage", "manages", "prevent",
                 "prevents"}  # "..., to relieve shortness of breath" after the labeled condition
ADDITIONS = {"and", "also", "plus", "too", "additionally", "besides"}  # "... and to relieve anxiety": a new use
ATTACHING = {"with", "associated", "accompanying", "accompanied", "due", "caused", "related", "from", "by",
             "(", "when", "whenever"}  # "pain from advanced cancer", "PAH (high blood pressure in the lungs)",
# "helps me fall asleep when my anxiety keeps me up": the circumstance of the labeled use
CARRIED_ON = re.compile(r"[\s\"'“‘(*-]*(?:together|combined|taken together|(?:this|that|the) (?:combination|combo|mix)|"
                        r"mixing them|mixed together|both)\b")  # a sentence that carries on the one before
DANGER_BEFORE = re.compile(r"\b(?:that|this|the same|such a|those|these) (?:danger|dangers|risk|risks|hazard|effect|"
                           r"effects)\b")  # "Mixing it with a Xanax multiplies that danger": the danger named before
NAMED_BEFORE = re.compile(r"\b(?:combo|combination)\b(?! (?:pill|pills|product|products|tablet|tablets|inhaler))"
                          r"|\b(?:one|any|either|some|each|all|both) of (?:them|these|those)\b"
                          r"|\b(?:taken |used |mixed )?together\b(?! with)|\bthe two (?:of them|drugs|together)\b")
# "Not with the oxy, she said combo can knock him out for good", "stopping one of them can make tramadol too
# strong", "the doctor said that together they can slow your breathing": the drugs named the sentence before
WORD_CHARACTER = re.compile(r"\w")
CLAUSE_BREAKS = frozenset({";", "—"})
DEMONSTRATIVES = {"this", "these", "those", "that", "such", "both", "it", "they", "neither"}


@dataclass(frozen=True)
class UseClaim:
    """A condition the article mentions, and whether it presents it as a use of a drug."""

    drug: str
    condition_ids: frozenset[str]
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    block: int
    presented_as_use: bool
    negated: bool
    hedged: bool
    off_label: bool
    reason: str
    products: frozenset[str] = frozenset()  # the drug's products the use is tied to (see _use_products)
    age_years: float | None = None  # the one age its sentence states ("my 5-year-old"), if any
    groups: tuple[UseGroup, ...] = ()  # the people it is presented for ("teens who...", "hair loss in women")

    @property
    def unlisted(self) -> bool:
        """True for a use the condition lexicon does not know (lint/claims/relations.py)."""
        return any(c.startswith(UNLISTED) for c in self.condition_ids)


@dataclass(frozen=True)
class DoseClaim:
    """A dose stated for a drug, with the use, population and product it is stated for."""

    drug: str
    mention: DoseMention
    start: int
    end: int
    text: str
    condition_ids: tuple[frozenset[str], ...]
    condition_texts: tuple[str, ...]
    populations: frozenset[str]
    age_years: tuple[float | None, float | None] | None
    products: frozenset[str]
    population_alone: bool = False  # its own sentence or label names the population, and not adults too
    weight_kg: tuple[float | None, float | None] | None = None  # the body weight stated for it
    sentence_index: int = 0  # the article sentence it stands in
    use_carried: bool = False  # its use comes from the sentences before it, not its own
    in_hospital: bool = False  # its sentence, label, lead sentence or heading puts the patient in hospital
    on_dialysis: bool = False  # its sentence, label, lead sentence or heading puts the patient on dialysis


@dataclass(frozen=True)
class WarningMention:
    """A sentence that carries a profile's warning topic."""

    drug: str
    topic: str
    start: int
    end: int


@dataclass
class ArticleClaims:
    main_drug: str | None
    drugs: list[str]
    subject_drugs: list[str]
    uses: list[UseClaim]
    doses: list[DoseClaim]
    warnings: list[WarningMention]
    misspellings: list[Span]
    ages: list[AgeClaim] = field(default_factory=list)  # the drug given to someone of a stated age


@dataclass(frozen=True)
class _Layout:
    """What every sentence reads of the article: its text, blocks and section kinds, and
    the indexes of its clause-breaking tokens (';' and '—'), in order."""

    layout: Document | None
    text: str
    section_kinds: list[str]
    breaks: list[int]
    column_drugs: dict[int, tuple[str | None, ...]]  # table rows (by block index): the drug each column heading names

    @classmethod
    def of(cls, doc: Doc) -> _Layout:
        layout = doc._.layout
        return cls(layout, article_text(doc), doc._.section_kinds or [],
                   tokens_with(doc, ORTH, CLAUSE_BREAKS), _column_drugs(doc, layout))


def _column_drugs(doc: Doc, layout: Document | None) -> dict[int, tuple[str | None, ...]]:
    """For each row of a table whose column headings name drugs, by block index, the drug
    each heading names: in a comparison table ('| | Zofran | Phenergan |') a cell speaks of
    its column's drug; where two or more headings name drugs, or one does and the first
    heading is blank (the rows' labels), a heading after the first that names none names a
    drug druglint does not know. A table's first row is its heading row."""
    if layout is None:
        return {}
    names = [span for span in doc.spans["drugs"] if not span._.drug_class]
    columns: dict[int, tuple[str | None, ...]] = {}
    header: tuple[str, ...] = ()
    named: tuple[str | None, ...] = ()
    for index, block in enumerate(layout.blocks):
        if not block.header:
            header = ()
            continue
        if block.header != header:
            header = block.header
            named = tuple(_only_drug(names, start, end) for start, end in block.cells)
            drug_columns = sum(1 for drug in named if drug)
            if drug_columns >= 2 or drug_columns and not header[0].strip(" *_"):  # "| | Zofran | Phenergan |"
                named = named[:1] + tuple(drug or (OTHER if title.strip(" *_") else None)
                                          for drug, title in zip(named[1:], header[1:]))
        if any(named):
            columns[index] = named
    return columns


def _only_drug(names: list[Span], start: int, end: int) -> str | None:
    """The one drug named between two characters (None for none, or for several)."""
    labels = {span.label_ for span in names if start <= span.start_char < end}
    return labels.pop() if len(labels) == 1 else None


GOVERNING_REACH = 6  # words before a cue where the drug it is about may stand
COMPLEMENT_WORDS = 8  # words of a copula's complement before its relative clause ("is the long-game drug that")


class _Sentence:
    """A sentence with its cue, drug and condition spans and its place in the layout."""

    def __init__(self, doc: Doc, article: _Layout, sent: Span, chars: tuple[int, int], block_index: int | None,
                 cues: list[Span], drugs: list[Span], conditions: list[Span], doses: list[Span]):
        """`cues`, `drugs`, `conditions` and `doses`: the spans that start in this sentence."""
        self.doc, self.span, self.breaks = doc, sent, article.breaks
        self.text = article.text[chars[0]:chars[1]]
        self.cues, self.drugs, self.conditions, self.doses = cues, drugs, conditions, doses
        self.block_index = block_index
        self.previous: _Sentence | None = None  # the sentence before it in its block (set by extract_claims)
        self.block = article.layout.blocks[block_index] if article.layout and block_index is not None else None
        self.section = article.section_kinds[block_index] if block_index is not None else "other"
        self.columns = article.column_drugs.get(block_index) if block_index is not None else None

    def column_drug(self, at: int) -> str | None:
        """The drug the heading of the table column holding character `at` names, unless the
        cell names a drug of its own before `at` (None outside such columns)."""
        if not self.columns or self.block is None or (cell := self.block.cell_at(at)) is None \
                or cell >= len(self.columns):
            return None
        start = self.block.cells[cell][0]
        return None if any(start <= d.start_char < at for d in self.drugs) else self.columns[cell]

    def row_drug(self, at: int) -> str | None:
        """The one drug a table row's first cell names, for character `at` in a later cell that
        names no drug of its own before `at` ("| Metoprolol | 25 mg | Lowers BP |"); else None."""
        if self.block is None or (cell := self.block.cell_at(at)) is None or cell == 0:
            return None
        first_start, first_end = self.block.cells[0]
        cell_start = self.block.cells[cell][0]
        if any(cell_start <= d.start_char < at for d in self.drugs):
            return None
        named = {d.label_ for d in self.drugs if first_start <= d.start_char < first_end}
        return named.pop() if len(named) == 1 else None

    def has(self, category: str) -> bool:
        return any(c.label_ == category for c in self.cues)

    @cached_property
    def question_words(self) -> list[str]:
        """Its words when it is a question (`_question_words`), read once."""
        return _question_words(self)

    def terminated(self, start: int, end: int) -> bool:
        """True when a clause boundary lies between token indexes start and end."""
        if bisect.bisect_left(self.breaks, start) < bisect.bisect_left(self.breaks, end):
            return True
        return any(c.label_ == "terminate" and start <= c.start < end for c in self.cues)

    def governing_drug(self, before: int, main: str | None) -> tuple[str | None, Span | None]:
        """The drug a cue at token `before` is about, and the name that says so: the nearest
        drug (or pronoun, meaning the main drug) just before it, past any aside in brackets."""
        for index in self.words_back(before - 1, GOVERNING_REACH):
            token = self.doc[index]
            if token.lower_ in PRONOUNS:
                return main, None
            drug = self.drug_at(token.i)
            if drug is not None and compared_with(self.doc, drug.start) and drug.start > self.span.start \
                    and self.doc[drug.start - 1].lower_ != "than":
                continue  # "Clonidine works as well as Ambien for sleep": the standard is not whose use it is
            if drug is not None:
                previous = self.doc[drug.start - 1].lower_ if drug.start > self.span.start else ""
                if previous == "not":
                    return None, None  # "Metoclopramide, not metformin, is the choice for ...": not its use
                if previous == "to" and self._switched_to(drug.start - 1):
                    return drug.label_, drug  # "switched from metformin to Jardiance to protect her kidneys"
                if previous in NOT_GOVERNING or (drug.label_ == OTHER and self._main_before(drug.start, main)):
                    return main, None
                return drug.label_, drug
        return self._relative_on_complement(before) or (main, None)

    def _relative_on_complement(self, before: int) -> tuple[str, Span] | None:
        """The drug a copula before a relative clause describes, when the cue at `before` opens
        that clause past GOVERNING_REACH: 'Allopurinol is the long-game drug that lowers'."""
        words = lowered(self.doc)
        relative = next((i for i in range(before - 1, max(self.span.start, before - GOVERNING_REACH) - 1, -1)
                         if words[i] in ("that", "which")), None)
        if relative is None:
            return None
        for copula in range(relative - 1, max(self.span.start, relative - COMPLEMENT_WORDS) - 1, -1):
            if words[copula] in CLEFT_COPULAS and copula > self.span.start \
                    and (drug := self.drug_at(copula - 1)) is not None:
                return drug.label_, drug
            if words[copula] in (",", ";", ".", "and", "but"):
                return None
        return None

    def _switched_to(self, to: int) -> bool:
        """True when the 'to' at token `to` closes a switch ('switched from metformin to'): the
        drug after it is the one now taken."""
        words = lowered(self.doc)
        return any(words[k] in SWITCH_VERBS for k in range(max(self.span.start, to - SWITCH_REACH), to))

    def drug_at(self, index: int) -> Span | None:
        """The drug name (or other drug's) that holds token `index`, if any."""
        return next((d for d in self.drugs if d.start <= index < d.end), None)

    def words_back(self, start: int, reach: int) -> Iterator[int]:
        """Token indexes from `start` back to the sentence's start, at most `reach` of them,
        past any aside in brackets ('Folic acid 1 mg daily (except on methotrexate day) cuts')."""
        i, steps = start, 0
        while i >= self.span.start and steps < reach:
            if i < len(self.doc) and self.doc[i].text == ")":  # `start` may be one past the last token
                opening = next((k for k in range(i - 1, self.span.start - 1, -1) if self.doc[k].text == "("), None)
                if opening is not None:
                    i = opening - 1
                    continue
            yield i
            i, steps = i - 1, steps + 1

    def in_aside(self, index: int, until: int) -> bool:
        """True when token `index` stands in brackets closed before token `until`."""
        before = lowered(self.doc)[self.span.start:index]
        return before.count("(") > before.count(")") and ")" in lowered(self.doc)[index:until]

    def _main_before(self, index: int, main: str | None) -> bool:
        """True when the main drug (or a pronoun) is named earlier in the clause."""
        return any(d.label_ == main and d.start < index and not self.terminated(d.start, index) for d in self.drugs) \
            or any(t.lower_ in PRONOUNS and not self.terminated(t.i, index) for t in self.doc[self.span.start:index])


def _rank_drugs(doc: Doc, reference: Reference) -> tuple[list[str], list[str]]:
    """All profiled drugs by weight (title mentions count 3, a standard of comparison none, in
    the title too: 'the same vibe as Adderall'), and the ones the article is about: the first,
    any named in the title, and any mentioned about as often as it."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    in_title: set[str] = set()
    layout = doc._.layout
    title = next((b for b in layout.blocks if b.kind == "heading"), None) if layout else None
    other_in_title = False
    for span in doc.spans["drugs"]:
        is_title = title is not None and title.start <= span.start_char < title.end and title.level <= 1
        if span.label_ == OTHER or span.label_ not in reference.profiles:
            other_in_title |= is_title and span.label_ == OTHER and not span._.drug_class
            continue
        compared = compared_with(doc, span.start)
        counts[span.label_] += 0 if compared else 3 if is_title else 1
        first_seen.setdefault(span.label_, span.start)
        if is_title and not compared:  # "Nucynta, the weird cousin of tramadol" is about Nucynta
            in_title.add(span.label_)
    for combination in [d for d in counts if "-" in d]:  # an article that opens with "hydrocodone-acetaminophen" and
        for part in combination.split("-"):                  # then says "there's already acetaminophen in every tablet":
            if part in counts and first_seen[combination] < first_seen[part]:  # the part's mentions are the combination's
                counts[combination] += counts[part]
    ranked = sorted(counts, key=lambda d: (-counts[d], first_seen[d]))
    if not ranked:
        return [], []
    if other_in_title and not in_title:
        return ranked, []  # the title names a drug with no profile: the article is about that drug
    top = counts[ranked[0]]
    subjects = [d for d in ranked if d == ranked[0] or d in in_title or counts[d] >= max(4, top / 2)]
    ingredients = {part for d in subjects if "-" in d for part in d.split("-")}  # "phentermine-topiramate"
    return ranked, [d for d in subjects if d not in ingredients or d == ranked[0]]  # its parts are not subjects


def _inside_other_name(phrase: Span, drug_spans: list[Span]) -> bool:
    """True when a phrase lies within the longer name of a drug druglint has no profile for:
    'flu' in 'the flu shot clinic' names that product, not a use of the article's drug."""
    return any(d.label_ == OTHER and d.start <= phrase.start and phrase.end <= d.end and len(d) > len(phrase)
               for d in drug_spans)


def _named_by_condition(drug: Span) -> bool:
    """True when another drug's name holds a condition ('flu shot', 'shingles vaccine')."""
    return drug.label_ == OTHER and any(_inside_other_name(c, [drug]) for c in drug.doc.spans["conditions"])


def extract_claims(doc: Doc, reference: Reference) -> ArticleClaims:
    """Turn an analysed Doc into claims about the drugs it mentions."""
    drugs, subjects = _rank_drugs(doc, reference)
    main = subjects[0] if subjects else None
    drug_spans = list(doc.spans["drugs"])
    table = sentence_table(doc)
    sents, sentence_of = table.spans, table.of_token
    by_sentence: list[tuple[list[Span], list[Span], list[Span], list[Span]]] = [([], [], [], []) for _ in sents]
    conditions = [c for c in doc.spans["conditions"] if not _inside_other_name(c, drug_spans)]
    for kind, spans in enumerate((doc.spans["cues"], drug_spans, conditions, doc.spans["doses"])):
        for span in spans:
            by_sentence[sentence_of[span.start]][kind].append(span)
    article = _Layout.of(doc)
    sentences = [_Sentence(doc, article, s, table.chars[i], table.blocks[i], *by_sentence[i])
                 for i, s in enumerate(sents)]
    for before, sentence in zip(sentences, sentences[1:]):
        if before.block_index == sentence.block_index:
            sentence.previous = before
    mains = _local_mains(sentences, subjects, main)
    uses = _use_claims(doc, sentences, mains, reference)
    doses = _dose_claims(doc, sentences, mains, reference, uses, main)
    warnings = _warning_mentions(doc, sentences, subjects, reference, uses)
    misspellings = [d for d in drug_spans if d._.misspelled]
    return ArticleClaims(main, drugs, subjects, uses, doses, warnings, misspellings,
                         _age_claims(sentences, mains, reference))


def _age_claims(sentences: list[_Sentence], mains: list[str | None], reference: Reference) -> list[AgeClaim]:
    """Sentences that give the drug (named, or the local main drug by a pronoun) to someone
    of a stated age, outside warning and side-effect sections."""
    claims = []
    for sentence, main in zip(sentences, mains):
        if sentence.section in EXCLUDED_SECTIONS:
            continue
        named = [d for d in sentence.drugs if d.label_ in reference.profiles]
        drug = named[0].label_ if named else main
        if drug is None:
            continue
        tokens = {i for d in named if d.label_ == drug for i in range(d.start, d.end)}
        products = partial(product_cues, sentence.text, reference.profiles.get(drug))  # only for a claim
        if (claim := given_at_age(sentence.span, drug, tokens, products)) is not None:
            claims.append(claim)
    return claims


def _local_mains(sentences: list[_Sentence], subjects: list[str], main: str | None) -> list[str | None]:
    """For each sentence, the drug its unnamed claims are about ('It also clears up ear
    infections', a dose with no name): in an article about one drug, that drug; in one about
    several (a comparison, a Q&A on two drugs), the first of them named in the sentence or,
    failing that, in the latest sentence before it that names one. Under a heading or list
    item that opens with a drug's name ('1. Morphine oral solution (for pain)'), the list items
    that follow it are about that drug, any drug, to the next such line or the list's end."""
    mains, current = [], main
    led: str | None = None  # the drug a heading or list item opened with, while its items last
    for sentence in sentences:
        block = sentence.block
        if sentence.span.start_char <= (block.start if block is not None else -1) + LEAD_REACH_CHARS:
            opener = _drug_led(sentence)
            if opener is not None:
                led = opener
            elif block is not None and block.kind != "item":
                led = None  # a paragraph or a heading that names no drug ends the list
        named = next((d.label_ for d in sentence.drugs if d.label_ in subjects and not d._.drug_class), None)
        if len(subjects) >= 2:
            current = named or current
        mains.append(named or led or _pronoun_for_other(sentence, subjects) or current)
    return mains


OPENING_PRONOUNS = frozenset({"it", "this"})
DISCOURSE_OPENERS = frozenset({"and", "but", "also", "plus", "so", "honestly", "apparently", "basically", "actually"})


def _pronoun_for_other(sentence: _Sentence, subjects: list[str]) -> str | None:
    """OTHER when a sentence's opening 'it' stands for another medicine: the one the sentence
    before names last, when that sentence does not open with one of the article's drugs ('Most
    patients on methotrexate also take folic acid daily. It cuts down on mouth sores': folic
    acid's, not 'Sertraline is a lot like Prozac. It treats OCD'); None otherwise. What 'it'
    does is then no claim about the article's drugs (nor, named by a pronoun only, about the
    other medicine's)."""
    before = sentence.previous
    if sentence.drugs or before is None or not before.drugs or "\n" in sentence.text.strip() or "\n" in before.text.strip():
        return None  # lines run together (chat messages with no end marks): what 'it' opens is unclear
    named = [d for d in before.drugs if not _name_denied(before, d)]  # "the folic acid, NOT the methotrexate. It cuts
    if not named:  # down on mouth sores": a name denied is no antecedent; with every name denied ("Under 12, not the
        return None  # Aleve tablets. For juvenile arthritis doctors do prescribe it"), the article's drug
    last = named[-1]
    if last.label_ in subjects or last._.drug_class:
        return None
    words = [t for t in sentence.span if not (t.is_punct or is_markup(t))]
    opener = next((t for t in words if t.lower_ not in DISCOURSE_OPENERS), None)
    if opener is None or opener.lower_ not in OPENING_PRONOUNS:
        return None
    first = next((t for t in before.span if not (t.is_punct or is_markup(t))), None)
    opens_with_subject = first is not None and (first.lower_ in OPENING_PRONOUNS
                                                or any(d.start == first.i and d.label_ in subjects for d in before.drugs))
    named_after = any(t.lower_ in OPENING_PRONOUNS for t in before.doc[last.end:before.span.end])
    return None if opens_with_subject or named_after else OTHER  # "It works like duloxetine, and many reach for it
    # first. It's also ...": the article's drug all along


LEAD_REACH_CHARS = 2  # characters from a block's start to its first sentence's start
LEAD_LINE_WORDS = 12  # words of a heading or list item that opens with a drug's name and heads the items after it


def _drug_led(sentence: _Sentence) -> str | None:
    """The drug (any drug, not a class) a short heading or list item opens with: 'Morphine
    oral solution (for pain and breathlessness)', '## Ibuprofen'."""
    block = sentence.block
    if block is None or block.kind not in ("heading", "item") or not sentence.drugs \
            or len(sentence.text.split()) > LEAD_LINE_WORDS:
        return None
    first = sentence.drugs[0]
    words_before = [t for t in sentence.doc[sentence.span.start:first.start] if not is_markup(t) and not t.is_punct]
    after = sentence.doc[first.end] if first.end < sentence.span.end else None
    names_product = after is None or not after.is_alpha or after.lower_ in DOSE_FORMS or after.lower_ in PRODUCT_WORDS \
        or after.text.isupper()  # "Morphine oral solution", "Lorazepam (Ativan) tablets", "Tylenol 500 mg", "Norco ER"
    return first.label_ if not words_before and not first._.drug_class and names_product else None


PRODUCT_WORDS = frozenset({"oral", "solution", "liquid", "suspension", "syrup", "elixir", "injection", "injectable",
                           "cream", "gel", "foam", "ointment", "spray", "patch", "patches", "drops", "extended-release",
                           "immediate-release", "hcl", "sodium", "tartrate", "succinate"})  # after a name that heads a
# list item: the product it names, not a word the name modifies ("Opioid blockade:")


# --- use claims ---------------------------------------------------------------------------

DEMONSTRATIVE_DETERMINERS = frozenset({"that", "this", "those", "these"})


def _between_adjectives(token: Token, condition: Span) -> bool:
    """A comma between two words that describe the condition right after them, after their
    determiner: 'a dry, tickly cough', 'my itchy, flaky scalp'."""
    doc, i = token.doc, token.i
    after = condition.start - i  # the condition right after the comma holds its noun ("flaky scalp", not "painful")
    return token.text == "," and i >= 2 and (after == 2 or after == 1 and len(condition) > 1) and doc[i - 1].is_alpha \
        and doc[i + 1].is_alpha and doc[i - 2].lower_ in NOUN_PHRASE_OPENERS


NOUN_PHRASE_OPENERS = frozenset({"a", "an", "the", "my", "your", "his", "her", "their", "our", "that", "this", "those"})


def _nearest_cue(sentence: _Sentence, condition: Span) -> Span | None:
    """The cue that governs a condition: the nearest use, benefit, harm or history cue before
    it in its clause. A cue inside another condition's name ("control" in "birth control")
    is no cue; a benefit verb takes its object with no punctuation between."""
    best = None
    for cue in sentence.cues:
        if any(c.start <= cue.start and cue.end <= c.end and len(c) > len(cue)
               for c in sentence.conditions if c is not condition):
            continue
        if cue.label_ == "harm" and condition.start <= cue.start and cue.end <= condition.end:
            continue  # the term's own words: "bring on" in "bring on a late period"
        if cue.label_ == "benefit" and any(t.is_punct and not t.text == "-" and not _between_adjectives(t, condition)
                                           for t in sentence.doc[cue.end:condition.start]):
            continue
        if cue.label_ in ("use", "benefit") and (_without_object(sentence, cue) or _help_as_noun(sentence, cue)
                                                 or _passive_before(sentence, cue, condition)):
            continue
        if (cue.label_ == "use" and cue.start <= condition.start or cue.label_ == "benefit" and len(cue) > 1
                and cue.start <= condition.start or cue.label_ == "harm" and cue.start < condition.start) \
                and condition.start < cue.end < condition.end:
            return cue  # the term itself opens with (the end of) the cue: "prevent heart attacks", "used to prevent",
            # a phrasal benefit verb ("to cut down on alcohol"),
            # "raises the risk of heart attack" (a harm)
        if cue.end == condition.start + 1 and condition[0].lower_ == "for" and cue.label_ in ("use", "benefit"):
            return cue  # the cue's "for" opens the term: "fantastic" + "for sleep"
        demonstrative = condition.start - cue.end == 1 and sentence.doc[cue.end].lower_ in DEMONSTRATIVE_DETERMINERS
        if cue.label_ in ("use", "benefit", "harm", "history") and cue.end <= condition.start \
                and condition.start - cue.end <= MAX_CUE_DISTANCE \
                and (demonstrative or not sentence.terminated(cue.end, condition.start)) \
                and not _new_subject_between(sentence, cue.end, condition.start):  # "clear up that strep throat"
            if best is None or cue.end > best.end or (cue.end == best.end and cue.label_ not in ("use", "benefit")):
                best = cue
    return best or _passive_cue(sentence, condition)


NEW_SUBJECTS = frozenset({"i", "he", "she", "we", "they", "you"})


def _new_subject_between(sentence: _Sentence, start: int, end: int) -> bool:
    """True when 'and' opens a clause with a subject of its own between tokens start and end:
    in "it lowers heart attack risk, and I have high cholesterol" the cue does not reach the
    cholesterol, which is the writer's own history."""
    words = lowered(sentence.doc)
    return any(words[i] == "and" and words[i + 1] in NEW_SUBJECTS for i in range(start, end - 1))


HELP_NOUN_BEFORE = frozenset({"emergency", "medical", "get", "seek", "immediate", "professional", "urgent", "call"})


ONSET_VERBS = frozenset(form for verb in ("hit", "strike", "start", "flare", "kick", "come", "act", "begin", "spike",
                                          "creep", "return", "worsen")
                        for form in verb_forms(verb)) | {"gets", "get", "got"}  # "when a migraine hits", "gets bad"


def _sets_in(sentence: _Sentence, condition: Span) -> bool:
    """True when a verb of onset follows the condition ('when a migraine hits', 'whenever his hot
    flashes start', 'when my back pain flares up'): an episode the drug is taken for, not a state
    someone has ('fine to take it when you have high blood pressure')."""
    words = lowered(sentence.doc)
    return any(words[i] in ONSET_VERBS for i in range(condition.end, min(sentence.span.end, condition.end + 2))) \
        or condition.text.lower().startswith(INABILITY)  # "when I can't sleep": the complaint is the episode itself


INABILITY = ("can't", "cannot", "can not", "couldn't", "can’t", "couldn’t")


def _taken_before_when(sentence: _Sentence, opener: int) -> Span | bool | None:
    """The drug a clause right before 'when' takes or applies ('I only put one on when', 'she
    slaps a patch on whenever'): its name, True for a word standing for the article's drug."""
    doc, words, start = sentence.doc, lowered(sentence.doc), sentence.span.start
    for verb in range(opener - 1, max(start, opener - WHEN_REACH) - 1, -1):
        if words[verb] in NEGATORS or words[verb] in (",", ";", "but", "and"):
            return None  # "I never take one when", "I take Zoloft daily, but when migraines hit ..."
        if words[verb] in TAKING_WHEN or words[verb] in APPLYING:
            for at in range(verb + 1, opener):
                if (named := sentence.drug_at(at)) is not None:
                    return named
                if refers_to_drug(doc, at) or at == verb + 1 and words[at] == "one" \
                        or words[at] in DOSE_FORMS and words[at - 1] in ("a", "one", "the", "new", "fresh"):
                    return True  # "put one on", "slap a patch on", "applies a new patch"
            return _cleft_subject(sentence, verb)
    return None


def _praised_before_when(sentence: _Sentence, opener: int) -> Span | bool | None:
    """The drug a copula right before 'when' calls someone's go-to, lifesaver or first choice
    ('Azithro is my go-to whenever I get covid', 'Zofran is my lifesaver when I get a
    hangover'): its name, True for a word standing for the article's drug; a poor choice
    ('a bad choice when') or a denial ('isn't my go-to') praises nothing."""
    doc, words, start = sentence.doc, lowered(sentence.doc), sentence.span.start
    head = opener - 1
    of = next((i for i in range(head, max(start, head - OF_PHRASE_REACH), -1) if words[i] == "of"), None)
    if of is not None and of - 1 > start and (words[of - 1] in PRAISE_HEADS or words[of - 1] in nickname_heads()):
        head = of - 1  # "the hero of my medicine cabinet whenever"
    if head - 2 > start and words[head - 2:head + 1] == ["go", "-", "to"]:
        head -= 2  # "go-to", written as three tokens
    elif head <= start or words[head] not in PRAISE_HEADS and words[head] not in nickname_heads():
        return None
    copula = head - 1
    while copula > start and head - copula <= PRAISE_REACH and words[copula] not in PRAISE_COPULAS:
        if words[copula] in ILL_JUDGED or words[copula] in NEGATORS:
            return None
        copula -= 1
    if words[copula] not in PRAISE_COPULAS or copula - 1 < start or words[copula + 1] in NEGATORS:
        return None
    if (named := sentence.drug_at(copula - 1)) is not None:
        return named
    return True if refers_to_drug(doc, copula - 1) else None


PRAISE_HEADS = frozenset({"choice", "friend", "bff", "favorite", "favourite", "hero", "rescue"})
PRAISE_COPULAS = frozenset({"is", "'s", "’s", "are", "becomes", "remains", "stays"})  # what it is now: "was my
# crutch when" is a story
OF_PHRASE_REACH = 5  # words of an 'of' phrase after the praising noun ("the hero of my medicine cabinet")
PRAISE_REACH = 4  # words from the copula to the praising noun ("is my absolute first choice")


CLEFT_COPULAS = frozenset({"is", "'s", "’s", "was", "are"})
CLEFT_OPENING = re.compile(r"^\W*(?:what|the (?:one |only |real |main )?(?:thing|pill|med|medicine|drug)s? (?:that|which))"
                           r"(?: \w+ly)? ?$", re.I)  # "What (actually)", "The one thing that": the cleft's subject
CLEFT_REACH_AFTER = 8  # words from the condition to the cleft's copula ("my acne in two months was")


def _cleft_benefactor(sentence: _Sentence, cue: Span, condition: Span) -> Span | None:
    """The drug a cleft names after its copula when a benefit verb's subject is 'what' or 'the
    thing that': 'What actually cleared up my acne was spironolactone', 'The one thing that
    knocked out my covid was ivermectin'."""
    doc = sentence.doc
    opening = doc[sentence.span.start:cue.start].text
    if not CLEFT_OPENING.match(opening):
        return None
    for k in range(condition.end, min(sentence.span.end - 1, condition.end + CLEFT_REACH_AFTER)):
        if doc[k].is_punct:
            return None
        if doc[k].lower_ in CLEFT_COPULAS:
            named = next(filter(None, (sentence.drug_at(j) for j in range(k + 1, min(sentence.span.end, k + 4)))), None)
            return named if named is not None and named.label_ != OTHER else None
    return None


CLEFT_REACH = 4  # words from 'what' to the verb of taking ("what my mom usually grabs")


def _cleft_subject(sentence: _Sentence, verb: int) -> Span | bool | None:
    """The drug a pseudo-cleft names as what is taken: 'Gabapentin is what I take when ...',
    'It's what she grabs whenever ...' (its name, True for a word standing for the article's drug)."""
    words, start = lowered(sentence.doc), sentence.span.start
    what = next((i for i in range(verb - 1, max(start, verb - CLEFT_REACH) - 1, -1) if words[i] == "what"), None)
    if what is None or what - 1 <= start or words[what - 1] not in CLEFT_COPULAS:
        return None
    subject = what - 2
    if (named := sentence.drug_at(subject)) is not None:
        return named
    return True if words[subject] in ("it", "this", "that") else None


APPLYING = frozenset({"apply", "applies", "applied", "slap", "slaps", "slapped", "stick", "sticks", "stuck", "wear",
                      "wears", "wore", "spray", "sprays", "sprayed"})  # patches, gels and sprays are applied


PASSIVE_AUXILIARIES = frozenset({"gets", "get", "got", "getting", "is", "was", "were", "be", "been", "being", "are"})


def _after_auxiliary(sentence: _Sentence, cue: Span) -> bool:
    """True when a passive auxiliary stands right before the cue ('gets stopped', 'was treated')."""
    return cue.start > sentence.span.start and sentence.doc[cue.start - 1].lower_ in PASSIVE_AUXILIARIES


def _passive_before(sentence: _Sentence, cue: Span, condition: Span) -> bool:
    """'If it gets stopped suddenly his pressure can shoot up': a passive verb says what is
    done to the drug; the condition after it is not its object."""
    return cue.label_ == "benefit" and cue.end <= condition.start and _after_auxiliary(sentence, cue) \
        and sentence.doc[cue.start].lower_.endswith(("ed", "en"))


PASSIVE_AGENT_REACH = 4  # words from 'with' to the drug ("with children's Tylenol")


def _passive_agent(sentence: _Sentence, cue: Span) -> Span | None:
    """The drug a passive verb names after 'with' or 'by' ('his cough was treated with
    Tessalon'): what the condition was treated with is whose use it is."""
    if not _after_auxiliary(sentence, cue) or cue.end >= sentence.span.end \
            or sentence.doc[cue.end].lower_ not in ("with", "by", "using"):
        return None
    return next((named for k in range(cue.end + 1, min(sentence.span.end, cue.end + 1 + PASSIVE_AGENT_REACH))
                 if (named := sentence.drug_at(k)) is not None), None)


def _help_as_noun(sentence: _Sentence, cue: Span) -> bool:
    """'Get emergency help right away for: swelling of the face': help someone gets, not help
    the drug gives."""
    doc = sentence.doc
    return cue.text.lower() == "help" and cue.start > sentence.span.start \
        and doc[cue.start - 1].lower_ in HELP_NOUN_BEFORE


def _instrument_drug(sentence: _Sentence, condition: Span) -> Span | None:
    """The drug named right after a condition as the means ('managing her cancer with
    letrozole', 'fighting his acne using doxycycline')."""
    at = _means_at(sentence, condition.end)
    return sentence.drug_at(at) if at is not None and lowered(sentence.doc)[condition.end] != "by" else None


WHEN_OPENERS = frozenset({"when", "whenever", "if", "anytime", "time"})  # "every time" ends in "time"
TAKING_WHEN = frozenset({"take", "takes", "took", "pop", "pops", "popped", "use", "uses", "used", "grab", "grabs",
                         "grabbed", "give", "gives", "gave", "reach", "reaches", "reached", "put", "puts", "started",
                         "starts", "prescribed", "prescribes"})  # "urgent care put him on Valtrex"
MAIN_CLAUSE_SUBJECTS = frozenset({"i", "he", "she", "we", "they"})  # "when I get migraines I take ...": the main clause
WHEN_REACH = 6  # tokens from 'when' to the condition, and from the comma to the verb of taking


REASON_WORDS = frozenset({"reason", "reasons"})
LEAVING = frozenset({"stop", "stops", "stopped", "stopping", "quit", "quits", "quitting", "switch", "switched",
                     "avoid", "avoids", "avoided", "skip", "skipped", "refuse", "refused"})
REASON_REACH = 8  # words between 'reason' and the drug, or a condition and its 'reason'


def _reason_for_taking(sentence: _Sentence, condition: Span) -> Span | bool | None:
    """'Bedwetting is one of the more common reasons we fill oxybutynin syrup', 'The main
    reason people take Zoloft is hot flashes': a condition said to be the reason the drug is
    taken, prescribed or filled. Returns the drug's name (True for 'it'), or None."""
    words, start, end = lowered(sentence.doc), sentence.span.start, sentence.span.end
    if any(words[k] in NEGATORS or words[k] in LEAVING for k in range(start, end)):
        return None  # "the reason I stopped Zoloft", "hot flashes are why people quit it"
    after = range(condition.end, min(end, condition.end + REASON_REACH))
    reason = next((k for k in after if words[k] in REASON_WORDS), None)
    if reason is not None and any(words[k] in FOR_COPULAS for k in range(condition.end, reason)):
        return _drug_after(sentence, reason + 1, REASON_REACH)  # "Bedwetting is one of the reasons ... oxybutynin"
    before = range(max(start, condition.start - 2 * REASON_REACH), condition.start)
    reason = next((k for k in before if words[k] in REASON_WORDS), None)
    if reason is not None and condition.start > start and words[condition.start - 1] in FOR_COPULAS:
        return _drug_after(sentence, reason + 1, condition.start - reason - 2)  # "The reason people take X is Y"
    return None


SPARING = frozenset({"barely", "hardly", "rarely", "seldom", "never", "no", "n't", "not", "longer", "less"})
SUFFERING = frozenset(form for verb in ("get", "have", "suffer", "feel", "catch", "develop")
                      for form in verb_forms(verb)) | {"gets", "caught"}  # "it's why I never caught COVID"
REASON_SUBJECTS = frozenset({"i", "she", "he", "they", "we", "you", "my", "her", "his", "our", "their"})
REASON_SUBJECT_REACH = 5  # words before 'is the reason' where the drug that is the reason stands
SPARED_OPENERS = frozenset(DETERMINERS | {"those", "these", "any", "many", "as", "so", "my", "her", "his", "single",
                                          "one"})  # "gets (as many) migraines", "didn't catch a single cold"


def _reason_spared(sentence: _Sentence, condition: Span) -> Span | bool | None:
    """'Apparently it's the reason she barely gets migraines anymore', 'Lamictal is why I
    no longer have panic attacks': the drug (its name, True for 'it') said to be the reason
    someone is spared the condition, or None."""
    words, start = lowered(sentence.doc), sentence.span.start
    k = condition.start - 1
    while k > start and words[k] in SPARED_OPENERS:
        k -= 1
    if words[k] not in SUFFERING:
        return None
    j = k - 1
    spared = False
    while j > start and words[j] in SPARING | {"still", "even", "do", "does", "did", "ever", "anymore"}:
        spared |= words[j] in SPARING
        j -= 1
    if not spared or words[j] not in REASON_SUBJECTS and not (j > start and words[j - 1] in REASON_SUBJECTS):
        return None
    reason = next((r for r in range(j - 1, max(start, j - REASON_REACH) - 1, -1)
                   if words[r] in REASON_WORDS or words[r] == "why"), None)
    if reason is None:
        return _thanks_to(sentence, j)
    if not any(words[c] in FOR_COPULAS for c in range(max(start, reason - 3), reason)):
        return None
    subject = next((c for c in range(reason - 1, max(start, reason - 6) - 1, -1) if words[c] in FOR_COPULAS), None)
    return _drug_before(sentence, subject) if subject is not None else None


def _thanks_to(sentence: _Sentence, subject: int) -> Span | bool | None:
    """'Thanks to Valtrex I never get colds', 'because of it she hardly has migraines': the drug
    after 'thanks to', 'because of' or 'due to' right before the spared person, or None."""
    words, found = lowered(sentence.doc), _drug_before_at(sentence, subject)
    if found is None:
        return None
    drug, at = found
    at = _back_past(words, at, sentence.span.start, OWNING_DETERMINERS | DAILY_WORDS)  # "thanks to my daily
    if at - 2 < sentence.span.start:  # doxycycline", "because of the Lexapro"
        return None
    return drug if (words[at - 2], words[at - 1]) in CAUSE_BEFORE else None


CAUSE_BEFORE = frozenset({("thanks", "to"), ("because", "of"), ("due", "to")})
DAILY_WORDS = frozenset({"daily", "nightly", "weekly", "morning", "evening", "little", "new"})  # "my daily doxycycline"


def _drug_before(sentence: _Sentence, index: int) -> Span | bool | None:
    """The drug named (or 'it') in the few words right before token `index`, or None."""
    found = _drug_before_at(sentence, index)
    return found[0] if found is not None else None


def _drug_before_at(sentence: _Sentence, index: int) -> tuple[Span | bool, int] | None:
    """`_drug_before`'s drug (True for 'it') with the token where it starts, or None."""
    for k in range(index - 1, max(sentence.span.start, index - REASON_SUBJECT_REACH) - 1, -1):
        if (drug := sentence.drug_at(k)) is not None:
            return (drug, drug.start) if drug.label_ != OTHER else None
        if sentence.doc[k].lower_ in PRONOUNS:
            return True, k
    return None


def _back_past(words: list[str], at: int, start: int, skipped: Collection[str]) -> int:
    """Token index `at` moved back past the words in `skipped` right before it, never onto
    the sentence's first token `start` ('against | the nerves', 'not | the methotrexate')."""
    while at - 1 > start and words[at - 1] in skipped:
        at -= 1
    return at


def _drug_after(sentence: _Sentence, index: int, reach: int) -> Span | bool | None:
    """The drug named (or 'it') within `reach` words from token `index`, or None."""
    return _first_drug(sentence, range(index, min(sentence.span.end, index + max(reach, 0))))


def _first_drug(sentence: _Sentence, indexes: Iterable[int]) -> Span | bool | None:
    """At the first of `indexes` that names a drug or stands for it: the profiled drug's name,
    True for a word standing for the article's drug ('it', 'a few'), None for another drug's
    name or when none does."""
    for k in indexes:
        if (named := sentence.drug_at(k)) is not None:
            return named if named.label_ != OTHER else None
        if refers_to_drug(sentence.doc, k):
            return True
    return None


GLOSS_MARKS = frozenset({"—", "–", "-", ":", "="})
GLOSS_REACH = 8  # words from a fragment's nickname to the dash that names the drug


def _glossed_by(sentence: _Sentence, condition: Span) -> tuple[str, Span] | None:
    """The drug a dash or colon after a nickname names: 'Malaria pills for the Amazon leg —
    doxycycline 100 mg daily' calls doxycycline the malaria pills, not the article's drug."""
    doc = sentence.doc
    for k in range(condition.end, min(sentence.span.end - 1, condition.end + GLOSS_REACH)):
        if doc[k].text in GLOSS_MARKS and (named := sentence.drug_at(k + 1)) is not None:
            return named.label_, named
    return None


def _owner(found: Span | bool, main: str | None) -> tuple[str | None, Span | None]:
    """The drug and its name for a relation that found a name, or the main drug for a word
    standing for it."""
    return (found.label_, found) if isinstance(found, Span) else (main, None)


IN_CASE_REACH = 6  # words from 'in case' to the condition ("in case the kids get carsick")


def _kept_in_case(sentence: _Sentence, condition: Span) -> Span | bool | None:
    """'I always pack azithromycin in case of travelers' diarrhea', 'gave me a Z-pack in case
    Montezuma's revenge hit', 'we keep leftover amox in the fridge for when the kids catch a
    cold': a drug taken, given or kept 'in case' of a condition (or 'for when' it comes) is
    kept for it. Returns the drug's name (True for 'it' or 'a few'), or None."""
    words, start = lowered(sentence.doc), sentence.span.start
    case = next((k for k in range(condition.start - 1, max(start, condition.start - IN_CASE_REACH) - 1, -1)
                 if k > start and (words[k - 1], words[k]) in IN_CASE_MARKERS), None)
    if case is None or sentence.terminated(case, condition.start) \
            or any(words[k] in NEGATORS or words[k] in NO_LONGER_KEPT for k in range(start, condition.start)):
        return None  # "I never keep it for when", "I stopped keeping Xanax for when"
    if not any(words[k] in purpose_forms() for k in range(start, case - 1)):
        return None  # no verb of taking, giving or keeping
    return _first_drug(sentence, range(case - 2, start - 1, -1))  # the drug nearest before "in case"


NO_LONGER_KEPT = frozenset({"stop", "stops", "stopped", "quit", "quits"})  # "I stopped keeping Xanax for when"
IN_CASE_MARKERS = frozenset({("in", "case"), ("for", "when"), ("for", "whenever"), ("for", "if")})
SUFFERER_ENDINGS = ("ics", "acs", "sufferers", "patients", "1s", "2s")  # "diabetics", "insomniacs", "migraine sufferers",
# "type 1s"
SUFFERER_ADVERBS = frozenset({"often", "also", "too", "usually", "sometimes", "all", "now", "still", "commonly",
                              "can", "could", "may", "might", "will", "safely", "even", "just"})  # "Type 1 diabetics can take it"
SUFFERERS_TAKE = frozenset({"take", "use", "pop", "swallow", "swear", "rely", "inject", "need", "add"})
SUFFERER_REACH = 3  # words from the verb to the drug ("Insomniacs take | their Xanax")


USED_IN_VERBS = frozenset(form for verb in ("use", "try", "start", "trial") for form in verb_forms(verb))
USED_IN_PASSIVES = frozenset({"used", "indicated", "tried", "started", "prescribed", "given"})
USED_IN_ADVERBS = frozenset({"also", "often", "commonly", "sometimes", "widely", "mainly", "usually", "frequently"})


def _used_in(sentence: _Sentence, condition: Span) -> Span | bool | None:
    """'Doctors use Jardiance in type 1 diabetes', 'we try it in women with PCOS': an active
    verb of using whose object, the drug, is used 'in' the condition (or in people with it),
    or the passive ('it is indicated in patients with PCOS'). The drug's name (True for 'it'),
    or None."""
    doc, words, start = sentence.doc, lowered(sentence.doc), sentence.span.start
    i = condition.start - 1
    while i > start and words[i] in DETERMINERS:
        i -= 1
    if i - 1 > start and words[i] == "with" and words[i - 1] in PATIENT_NOUNS:
        i -= 2  # "in women with PCOS"
        while i > start and words[i] in DETERMINERS:
            i -= 1
    if i - 2 < start or words[i] != "in":
        return None
    if words[i - 1] in USED_IN_PASSIVES and (words[i - 2] in BE_FORMS or words[i - 2] in USED_IN_ADVERBS
                                             and i - 3 >= start and words[i - 3] in BE_FORMS):
        return next((d for d in reversed(sentence.drugs) if d.end <= i - 2), None) \
            or (True if any(refers_to_drug(doc, k) for k in range(start, i - 1)) else None)  # "Metformin is
        # indicated in patients with prediabetes", "it's also used in people with PCOS"
    named = sentence.drug_at(i - 1)
    verb = named.start - 1 if named is not None else i - 2
    if named is None and not refers_to_drug(doc, i - 1) or verb < start or words[verb] not in USED_IN_VERBS:
        return None
    return named if named is not None else True


def _sufferers_take(sentence: _Sentence, condition: Span) -> Span | bool | None:
    """A condition named as the people who have it, as the subject of taking the drug
    ('Insomniacs take Xanax every night', 'Type 1 diabetics use it too'): the drug's name
    (True for 'it'), or None."""
    words = lowered(sentence.doc)
    people_with = not words[condition.end - 1].endswith(SUFFERER_ENDINGS)  # "People with IBS swear by it"
    if people_with and _people_before_with(sentence, condition, PATIENT_NOUNS | SUFFERER_PEOPLE) is None:
        return None
    i = condition.end
    while i < sentence.span.end and words[i] in SUFFERER_ADVERBS:
        i += 1
    if i >= sentence.span.end or words[i].rstrip("s") not in SUFFERERS_TAKE and words[i] not in ("swears", "relies"):
        return None
    if people_with and ("for" in words[i + 1:sentence.span.end] and any(c.start > i for c in sentence.conditions)
                        or "to" in words[i + 1:i + PURPOSE_REACH] and not words[i].startswith("add")):  # "add it to"
        return None  # "my dad with diabetes takes it for his high blood pressure", "students with autism take it
        # to help them calm down": whom, not what for
    return _drug_after(sentence, i + 1, SUFFERER_REACH)


PURPOSE_REACH = 6  # words from the verb of taking to the 'to' of its purpose clause ("use Saxenda to get")
SUFFERER_PEOPLE = frozenset({"women", "men", "guys", "girls", "moms", "runners", "athletes", "students"})
OBJECT_PRONOUNS = frozenset({"them", "it", "those", "em", "'em"})
THEM_REACH = 12  # tokens from the condition to the verb whose pronoun object stands for it
SUBJECT_REACH_BEFORE_VERB = 3  # tokens from the drug's name to its verb ("flexeril (just) knocks them out")


@cache
def _benefit_verb_heads() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each form of the first word of a benefit verb of use_predicates.yaml, with the words
    that must follow its pronoun object ('knocks' -> ('out',), 'fixes' -> ())."""
    heads: dict[str, list[tuple[str, ...]]] = {}
    for verb in use_predicates().verbs:
        first, *rest = verb.split()
        if rest and rest[-1] in ("for", "with", "to", "of", "on", "in"):
            continue  # "help with", "work for": their object follows the preposition
        for form in verb_forms(first):
            heads.setdefault(form, []).append(tuple(rest))
    return {form: tuple(rests) for form, rests in heads.items()}


def _treats_them(sentence: _Sentence, condition: Span) -> tuple[Span, str] | None:
    """A benefit verb later in the sentence whose subject is a drug named right before it and
    whose object is a pronoun standing for the condition: 'I get tension headaches and flexeril
    knocks them out every time', 'cluster headaches, and Imitrex kills them'. Returns the
    drug's name and the verb, or None."""
    doc, words, end = sentence.doc, lowered(sentence.doc), sentence.span.end
    heads = _benefit_verb_heads()
    last = words[condition.end - 1]
    plural = last.endswith("s") and not last.endswith(("ss", "is", "us"))  # "hot flashes", not "psoriasis"
    for v in range(condition.end, min(end - 1, condition.end + THEM_REACH)):
        if words[v] not in heads or words[v + 1] not in OBJECT_PRONOUNS or (words[v + 1] == "it") == plural:
            continue  # 'them' stands for headaches, 'it' for motion sickness
        particles = heads[words[v]]
        after = tuple(words[v + 2:v + 4])
        if not any(not rest or after[:len(rest)] == rest for rest in particles):
            continue
        named = next((d for d in reversed(sentence.drugs)
                      if d.end <= v and v - d.end <= SUBJECT_REACH_BEFORE_VERB and d.start >= condition.end
                      and not d._.drug_class and d.label_ != OTHER), None)
        if named is not None and not any(words[k] in NEGATORS for k in range(condition.end, v)):
            return named, doc[v].text  # not "no antibiotic, Cipro included, will touch them"
    return None


def _taken_when(sentence: _Sentence, condition: Span) -> Span | bool | None:
    """The drug a main clause takes when a 'when' clause names the condition ('When I get
    migraines, I take Zoloft'; 'whenever her hives flare, she pops a Benadryl'): its name,
    True for a word that stands for the article's drug ('takes one'), else None."""
    doc, words, start, end = sentence.doc, lowered(sentence.doc), sentence.span.start, sentence.span.end
    opener = next((i for i in range(condition.start - 1, max(start, condition.start - 2 * WHEN_REACH) - 1, -1)
                   if words[i] in WHEN_OPENERS), None)
    comma = next((i for i in range(condition.end, min(end, condition.end + 2 * WHEN_REACH)) if words[i] == ","), None)
    if comma is None:  # "when I'm running a fever I take a Celebrex": the main clause opens at its subject
        comma = next((i - 1 for i in range(condition.end, min(end, condition.end + WHEN_REACH))
                      if words[i] in MAIN_CLAUSE_SUBJECTS), None)
    if opener is not None and not sentence.terminated(opener, condition.start) \
            and (praised := _praised_before_when(sentence, opener)) is not None:
        return praised  # "Azithro is my go-to whenever I get covid"
    if opener is not None and not sentence.terminated(opener, condition.start) and _sets_in(sentence, condition) \
            and (before := _taken_before_when(sentence, opener)) is not None:
        return before  # "I only put one on when a migraine hits"
    if opener is None or comma is None or sentence.terminated(opener, condition.start):
        return None
    commas = [comma] + [i for i in range(comma + 1, min(end, condition.end + WHEN_ASIDE_REACH)) if words[i] == ","]
    for after_comma in commas:  # "Whenever my cramps hit, and I mean the bad kind, I take one": past an aside
        opening = words[after_comma + 1] if after_comma + 1 < end else ""
        if after_comma != comma and opening in CLAUSE_JOINERS:
            break  # "When I had a cold, I kept working, and my doctor put me on Zoloft": a clause of its own
        for verb in range(after_comma + 1, min(end, after_comma + WHEN_REACH)):
            if words[verb] in NEGATORS:
                return None  # "when I get migraines, I never take Zoloft"
            if words[verb] in TAKING_WHEN:
                for at in range(verb + 1, min(end, verb + 5)):
                    if (named := sentence.drug_at(at)) is not None:
                        return named
                    if refers_to_drug(doc, at):
                        return True
                return None
        if opening in MAIN_CLAUSE_SUBJECTS:
            break  # the main clause was this one, and it takes nothing
    return None


WHEN_ASIDE_REACH = 24  # tokens from the condition to the comma that closes an aside before the main clause


PASSIVE_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being", "gets", "got", "get", "getting"})
INSTRUMENTS = frozenset({"with", "by", "using", "on"})
PASSIVE_ADVERBS = frozenset({"now", "well", "still", "also", "often", "best", "finally", "mostly", "mainly", "sometimes"})


def _passive_cue(sentence: _Sentence, condition: Span) -> Span | None:
    """A use or benefit verb in the passive after the condition it governs, with the means
    after it: 'her prediabetes is being treated with glipizide', 'my acne got cleared up by
    doxycycline'."""
    words = lowered(sentence.doc)
    for cue in sentence.cues:
        if cue.label_ in ("use", "benefit") and condition.end <= cue.start <= condition.end + MAX_PASSIVE_GAP \
                and (words[cue.start - 1] in PASSIVE_AUXILIARIES
                     or cue.start - 2 >= sentence.span.start and words[cue.start - 2] in PASSIVE_AUXILIARIES
                     and (words[cue.start - 1] in PASSIVE_ADVERBS or words[cue.start - 1].endswith("ly"))) \
                and _means_at(sentence, cue.end) is not None and not sentence.terminated(condition.end, cue.start):
            return cue
    return None


def _means_at(sentence: _Sentence, at: int) -> int | None:
    """The token of the drug (or a word for it) that 'with', 'using' or 'on' at `at` names as
    the means ('treated with glipizide', 'with it'); None when the means is something else
    ('treated with CPAP')."""
    doc, words = sentence.doc, lowered(sentence.doc)
    if at >= sentence.span.end or words[at] not in INSTRUMENTS:
        return None
    for means in range(at + 1, min(sentence.span.end, at + 1 + MEANS_REACH)):  # "with the same 50 mg tablet"
        if sentence.drug_at(means) is not None or refers_to_drug(doc, means) or words[means] in DOSE_FORMS:
            return means  # past determiners, amounts and size words, a dose form is of the drug
        if not (words[means] in DETERMINERS or words[means] in MEANS_MODIFIERS or words[means][:1].isdigit()):
            return None  # "with ginger while on letrozole": the means is ginger
    return None


MEANS_REACH = 5  # words from 'with' to the drug or its dose form
MEANS_MODIFIERS = frozenset({"same", "low", "small", "tiny", "higher", "lower", "single", "daily", "mg", "mcg", "of"})

MAX_PASSIVE_GAP = 3  # words between a condition and its passive verb ('prediabetes is being treated')


def _without_object(sentence: _Sentence, cue: Span) -> bool:
    """True when a use verb is joined by 'and' to a verb that is no cue ('Stop and call us if
    you get a fever', 'ease up and rest'): it takes no object, so it presents nothing. Two
    use verbs share the object ('treats and prevents migraines')."""
    doc, after = sentence.doc, cue.end
    if after + 1 >= sentence.span.end or doc[after].lower_ not in ("and", "or"):
        return False
    return not any(c.start == after + 1 for c in sentence.cues) and doc[after + 1].pos_ in ("VERB", "AUX", "")


def _negated(sentence: _Sentence, condition: Span, predicate: int | None = None) -> bool:
    """Denied by a negation cue before it in its clause, or by a negator that governs the
    word presenting it ("not a cure for", "Don't take it to", "Nobody should use it for")."""
    if any(c.label_ == "negation" and c.end <= condition.start and not sentence.terminated(c.end, condition.start)
           and not _in_closed_aside(sentence, c.start, condition.start) for c in sentence.cues):
        return True
    return _negator_before(sentence, condition.start if predicate is None else predicate) \
        or _talked_into(sentence, condition.start) or _no_better_than_placebo(sentence, condition) \
        or _denied_in_relative(sentence, condition) or _told_to_stop(sentence) or _called_dangerous(sentence, condition) \
        or _failed_after(sentence, condition) or _refused(sentence, condition)


TURN_FORMS = frozenset({"turned", "turn", "turns", "turning"})  # "turned down": refusing only with its particle
REFUSING = frozenset(form for verb in ("decline", "refuse", "reject", "deny", "veto") for form in verb_forms(verb)) | TURN_FORMS
APPROVAL_WORDS = ("approv", "application", "request", "clearance", "licen", "bid", "petition")
CLAUSE_JOINERS = frozenset({"and", "but", "so", "then", "yet", ",", ";"})  # a refusal ends at its clause


def _refused(sentence: _Sentence, condition: Span) -> bool:
    """Refused for the use, earlier in its clause: 'The FDA declined to approve it for type 1
    diabetes', 'Regulators rejected dapagliflozin for', 'turned down an application to use it
    for'. What is refused is the drug (named or a word for it) or its approval."""
    words, start = lowered(sentence.doc), sentence.span.start
    for i in range(condition.start - 1, max(start, condition.start - SUBJECT_NEGATOR_REACH) - 1, -1):
        if sentence.terminated(i, condition.start):
            return False
        if words[i] in REFUSING and (words[i] not in TURN_FORMS or words[i + 1] == "down"):
            between = range(i + 1, condition.start)
            if any(words[k] in CLAUSE_JOINERS for k in between):
                return False  # "I declined the sleeping pill and took Zoloft for my migraines"
            return any(words[k].startswith(APPROVAL_WORDS) or sentence.drug_at(k) is not None
                       or refers_to_drug(sentence.doc, k) for k in between)
    return False


def _aside_length(words: list[str], start: int, end: int) -> int:
    """The tokens between `start` and `end` that stand in closed brackets, the brackets too."""
    length, opened = 0, None
    for k in range(start, end):
        if words[k] == "(":
            opened = k
        elif words[k] == ")" and opened is not None:
            length, opened = length + k - opened + 1, None
    return length


def _in_closed_aside(sentence: _Sentence, index: int, later: int) -> bool:
    """True when token `index` stands in brackets that close before token `later`: 'my
    coworker (no diabetes!) uses it to drop 30 lbs' denies the diabetes, not the use."""
    words = lowered(sentence.doc)
    opened = next((k for k in range(index - 1, sentence.span.start - 1, -1) if words[k] in "()"), None)
    return opened is not None and words[opened] == "(" and any(words[k] == ")" for k in range(index + 1, later))


PLACEBO_AFTER = re.compile(r"^[^.;,]{0,30}?\bthan\s+(?:a\s+|the\s+)?(?:placebo|sugar pill|dummy pill|nothing|water)\b", re.I)


def _no_better_than_placebo(sentence: _Sentence, condition: Span) -> bool:
    """'Zoloft is no better for hot flashes than a placebo': judged no better than nothing,
    a denial (no better than another drug still presents the use)."""
    words, start = lowered(sentence.doc), sentence.span.start
    better = next((k for k in range(condition.start - 1, max(start, condition.start - NEGATOR_REACH) - 1, -1)
                   if words[k] in ("better", "more")), None)
    return better is not None and better > start and words[better - 1] in NEGATORS \
        and PLACEBO_AFTER.match(article_text(sentence.doc)[condition.end_char:sentence.span.end_char]) is not None


PERSUADING = frozenset(form for verb in ("talk", "convince", "persuade", "push", "pressure", "coax", "rush",
                                          "bully", "guilt", "sweet-talk", "sell", "con", "trick", "nag")
                        for form in verb_forms(verb))
LETTING = frozenset({"let", "allow", "be", "get"})  # "don't let them talk you into", "don't be pushed into"


def _talked_into(sentence: _Sentence, index: int) -> bool:
    """Warned against being persuaded into what comes before token `index`: "Don't let the
    school nurse talk you into upping it for focus", "never be pressured into using it for
    sleep". A negated "let" before a verb of deterring is no denial ("don't let the cost stop
    you from taking it for your depression")."""
    words, start = lowered(sentence.doc), sentence.span.start
    for i in range(index - 1, max(start, index - SUBJECT_NEGATOR_REACH) - 1, -1):
        if sentence.terminated(i, index):
            return False
        if words[i] in PERSUADING:
            return any(words[k] in LETTING and words[k - 1] in NEGATORS for k in range(max(start + 1, i - 6), i))
    return False


FAILED_SUBJECT_REACH = 3  # words from the drug (or 'it') to the negation cue it is the subject of ("it really didn't help")


def _failed_after(sentence: _Sentence, condition: Span) -> bool:
    """A later clause says the drug did nothing for it: 'takes Valtrex every time he gets a
    cold, and it doesn't touch those viruses', 'I took Xanax for my IBS but it did nothing for
    the cramps': a use tried and failed, not one the article presents."""
    doc, words = sentence.doc, lowered(sentence.doc)
    failures = [cue.start for cue in sentence.cues if cue.label_ == "negation" and cue.start > condition.end]
    failures += [k for k in range(condition.end, sentence.span.end - 1) if words[k] in DO_FORMS and words[k + 1] == "nothing"]
    return any(_names_the_drug(sentence, k) or refers_to_drug(doc, k)
               for failure in failures for k in range(max(condition.end, failure - FAILED_SUBJECT_REACH), failure))


def _names_the_drug(sentence: _Sentence, index: int) -> bool:
    """True when token `index` names a drug, not a class of drugs ('the itchy welts that
    antihistamines couldn't touch': the class failed, not the drug)."""
    drug = sentence.drug_at(index)
    return drug is not None and not drug._.drug_class


GERUNDS_OF_USE = frozenset({"using", "taking", "giving", "popping", "abusing", "misusing", "relying", "mixing"})
DANGER_WORDS = frozenset({"dangerous", "risky", "unsafe", "harmful", "reckless", "deadly", "foolish", "illegal", "mistake",
                          "bad", "terrible", "dumb", "awful", "wrong", "misuse", "abuse", "myth", "crime", "unwise",
                          "stupid", "irresponsible", "unapproved", "off-label"})  # "a bad idea", "a mistake", "is misuse"
DANGER_REACH = 6  # words from the condition to 'is dangerous'


def _called_dangerous(sentence: _Sentence, condition: Span) -> bool:
    """'Using it to drop pounds is dangerous', 'taking Xanax for sleep is a bad idea': a clause
    of using the drug for the condition, the subject of a copula that calls it a danger."""
    doc, words = sentence.doc, lowered(sentence.doc)
    opener = next((i for i in range(condition.start - 1, sentence.span.start - 1, -1)
                   if words[i] in GERUNDS_OF_USE or doc[i].is_punct and words[i] != "-"), None)
    if opener is None or words[opener] not in GERUNDS_OF_USE:
        return False
    after = words[condition.end:min(sentence.span.end, condition.end + DANGER_REACH)]
    copula = next((k for k, word in enumerate(after) if word in FOR_COPULAS or word in ("can", "could")), None)
    return copula is not None and bool(DANGER_WORDS.intersection(after[copula + 1:copula + 4]))


def _name_denied(sentence: _Sentence, name: Span | None) -> bool:
    """The drug's name itself denied: 'For sleep, try good habits, not Seroquel', 'instead of
    Xanax', 'rather than Zoloft', 'without Ambien', 'doctors warn against Tylenol for hangovers'."""
    if name is None:
        return False
    words = lowered(sentence.doc)
    at = _back_past(words, name.start, sentence.span.start, OWNING_DETERMINERS | GERUNDS_OF_USE)  # "NOT the
    # methotrexate", "not my Xanax", "advised against taking ivermectin"
    before = words[max(sentence.span.start, at - 2):at]
    return bool(before) and (before[-1] in ("not", "without", "never", "against")
                             or before in (["instead", "of"], ["rather", "than"]))


CLAUSE_DASHES = frozenset({"-", "–", "—", "--"})
STOP_VERBS = frozenset({"stop", "quit"})


def _told_to_stop(sentence: _Sentence) -> bool:
    """An imperative to stop at the head of the sentence ('Stop using Xanax as a sleeping
    pill', 'Please quit treating it like a study drug'): what follows is advice against."""
    words, at = lowered(sentence.doc), sentence.span.start
    while at < sentence.span.end - 2 and words[at] in ("please", "just", "so", "and", "now"):
        at += 1
    return words[at] in STOP_VERBS and sentence.doc[at + 1].lower_.endswith("ing")


def _denied_in_relative(sentence: _Sentence, condition: Span) -> bool:
    """Denied by a relative clause right after it whose subject is the drug: 'hoarded for a
    virus it doesn't treat', 'for an illness that Plaquenil was never approved for'."""
    doc, words, at = sentence.doc, lowered(sentence.doc), condition.end
    if at < sentence.span.end and words[at] in ("that", "which"):
        at += 1
    if at >= sentence.span.end or not (refers_to_drug(doc, at) or _names_the_drug(sentence, at)):
        return False  # not "the itchy welts that antihistamines couldn't touch": a class of other drugs
    named, before = sentence.drug_at(at), {d.label_ for d in sentence.drugs if d.end <= condition.start}
    if named is not None and before and named.label_ not in before:
        return False  # "doxepin cleared the hives that Zyrtec couldn't touch": another drug failed
    while at + 1 < sentence.span.end and sentence.drug_at(at + 1) is not None:
        at += 1  # past the rest of a drug's name
    return any(word in NEGATORS for word in words[at + 1:min(at + 4, sentence.span.end)])


def _negator_before(sentence: _Sentence, index: int) -> bool:
    """A negator right before token `index` (within NEGATOR_REACH tokens), or a negative
    subject ("nobody", "no one") earlier in its clause; "not only", "no longer" do not deny."""
    doc, start, words = sentence.doc, sentence.span.start, lowered(sentence.doc)
    if _negated_across_insert(sentence, index):
        return True
    for i in range(index - 1, max(start, index - SUBJECT_NEGATOR_REACH) - 1, -1):
        if sentence.terminated(i, index):
            return False
        word = words[i]
        following = words[i + 1] if i + 1 < len(doc) else ""
        if word == ":" and following in CLAUSE_SUBJECTS:
            return False  # "a bonus nobody warned me about: it's fixing my rosacea": a new clause
        if following in NOT_DENYING or word in NEGATOR_WORDS and _in_closed_aside(sentence, i, index):
            continue  # "not only"; "my aunt (never depressed) swears by it for sleep"
        if (word in SUBJECT_NEGATORS or (word == "no" and (following in NO_SUBJECTS or _opens_clause(doc, i, start)))) \
                and not _in_subordinate_insert(sentence, i, index):
            return True
        if word == "no" and "way" in words[i + 1:i + 3] and index - i <= NO_WAY_REACH:
            return True  # "there is no safe way to take Adderall for studying"
        if (word in NEGATORS or word == "nothing" and i > start and words[i - 1] in DO_FORMS) \
                and index - i - _aside_length(words, i, index) <= NEGATOR_REACH:
            return True  # "not", "doesnt", "does nothing to protect", "does not (despite the rumors) take it for"
        if word == "nothing" and index - i <= NEGATOR_REACH and not EXCEPTING.intersection(words[i + 1:sentence.span.end]) \
                and not any(refers_to_drug(doc, k) or sentence.drug_at(k) is not None
                            for k in range(i + 1, min(index + NOTHING_OBJECT_REACH, sentence.span.end))):
            return True  # "I tried Zyprexa but nothing fixed my insomnia" (not "nothing beats it for", "nothing but X")
    return False


NEGATOR_WORDS = frozenset({"no", "nothing"}) | NEGATORS | SUBJECT_NEGATORS


SUBORDINATORS = frozenset({"since", "as", "because", "though", "although", "while", "unless", "if", "when", "which",
                           "who", "where"})


def _in_subordinate_insert(sentence: _Sentence, at: int, index: int) -> bool:
    """True when token `at` stands in a comma-delimited subordinate clause that closes before
    token `index`: 'I will also tell you, since nobody else will, that Klonopin ...'."""
    words, start = lowered(sentence.doc), sentence.span.start
    opening = next((k for k in range(at - 1, max(start, at - 4) - 1, -1) if words[k] == ","), None)
    return opening is not None and words[opening + 1] in SUBORDINATORS \
        and any(word in (",", ":") for word in words[at + 1:index])


INSERT_REACH = 16  # tokens a parenthetical insert may hold ("not, under any circumstances, recommend")


def _opens_clause(doc: Doc, index: int, sentence_start: int) -> bool:
    """True when token `index` starts its sentence or follows a comma, colon or dash."""
    return index == sentence_start or doc[index - 1].is_punct


def _negated_across_insert(sentence: _Sentence, index: int) -> bool:
    """A negator just before a comma-delimited insert that ends just before token `index`:
    "I would not, no matter how desperate you feel, recommend it for", "has not been shown, in
    any of the trials, to prevent", "What it does not do, and this surprises readers, is lift"."""
    doc, start = sentence.doc, sentence.span.start
    closing = next((j for j in range(index - 1, max(start, index - 2 * NEGATOR_REACH) - 1, -1) if doc[j].text == ","), None)
    if closing is None or any(c.label_ == "terminate" and closing < c.start < index for c in sentence.cues):
        return False  # "Not everyone agrees, ..., but trazodone helps": a new clause
    opening = next((j for j in range(closing - 1, max(start, closing - INSERT_REACH) - 1, -1) if doc[j].text == ","), None)
    if opening is None:
        return False
    return any(doc[k].lower_ in NEGATORS and doc[k + 1].lower_ not in NOT_DENYING
               for k in range(max(start, opening - 3), opening))


def _off_label(sentence: _Sentence, following: _Sentence | None) -> bool:
    """Called off-label as a whole: by the sentence after it ("Those are off-label uses") or
    by the heading of its section ("Off-label uses"). An off-label cue inside the sentence
    covers only its own clause (`in_scope`)."""
    if sentence.section == "off_label":
        return True
    if following is None or following.block_index != sentence.block_index:
        return False
    opener = next((token.lower_ for token in following.span if not token.is_punct), "")  # past a closing quote
    return opener in DEMONSTRATIVES and any(
        c.label_ == "off_label" and c.start < following.span.start + 10 for c in following.cues)


CONTRAST = frozenset({"but", "however", "although", "though", "whereas", "yet", "unlike", "while", "except"})
RELATIVE = frozenset({"which", "who", "whom", "whose"})


ENDORSED = re.compile(r"(?:,|\band)\s+(?:(?:honestly|frankly|personally|tbh|imo),?\s+)?(?:i\s+(?:really\s+)?(?:think|believe|"
                      r"reckon|'d say|would say)\s+(?:that\s+)?)?(?:they|they're|they are|he's|she's|he is|she is|it's|it is)"
                      r"\s*(?:'re\s+)?(?:totally\s+|absolutely\s+|100%\s+)?(?:right|correct|true|not wrong)\b"
                      r"|\band i (?:totally |completely )?agree\b", re.I)  # "Some claim it treats COVID, and honestly I
# think they're right": the writer takes the claim as theirs


def in_scope(sentence: _Sentence, category: str, span: Span) -> bool:
    """True when a cue of the category (hedge, off_label) bears on the span: in its clause,
    before or after it, with no contrast ('but', 'though', ';') between them, and not shut
    in a relative clause the span stands outside ("Metformin, which doctors use off-label
    for PCOS, also helps you lose weight fast")."""
    doc = sentence.doc
    for cue in sentence.cues:
        if cue.label_ != category:
            continue
        if cue.start < span.end and span.start < cue.end:
            return True
        if cue.end < sentence.span.end and doc[cue.end].lower_ == "aside":
            continue  # "Ongoing trials aside, plenty of psychiatrists prescribe it for OCD"
        low, high = (cue.end, span.start) if cue.end <= span.start else (span.end, cue.start)
        if any(c.label_ == "terminate" and low <= c.start < high
               and (c.text.lower() in CONTRAST or _consequence(doc, c)) for c in sentence.cues) \
                or bisect.bisect_left(sentence.breaks, low) < bisect.bisect_left(sentence.breaks, high):
            continue
        if cue.end <= span.start and _in_relative_clause(doc, sentence.span.start, cue.start, span.start):
            continue
        return True
    return False


def _consequence(doc: Doc, cue: Span) -> bool:
    """', so I've been taking it ...': a clause of the writer's own that follows from what came
    before (not 'so good for sleep')."""
    return cue.text.lower() == "so" and cue.start > 0 and doc[cue.start - 1].text == ","


def _in_relative_clause(doc: Doc, start: int, inside: int, outside: int) -> bool:
    """True when token `inside` lies in a comma-closed relative clause (', which ... ,') that
    ends before token `outside`."""
    opening = next((i for i in range(inside - 1, start, -1) if doc[i].text == ","), None)
    if opening is None or opening + 1 >= len(doc) or doc[opening + 1].lower_ not in RELATIVE:
        return False
    return any(doc[i].text == "," for i in range(inside + 1, outside))


TIME_AFTER = frozenset({"after", "following"})
USE_BEFORE_TIME = frozenset({"recovery", "recover", "recovering", "protection", "prevention", "healing"})  # "recovery after a heart attack"


def _descriptive(sentence: _Sentence, condition: Span, earlier: list[Span]) -> bool:
    """'a severe form of PMS' after PMDD, or 'calms that constant worry' after GAD: the
    mention describes or refers back to a condition already named, it is no new claim."""
    if earlier and condition.start > sentence.span.start and sentence.doc[condition.start - 1].lower_ in REFERRING:
        return True  # "that constant worry" after GAD; "clear up that strep throat" names it first
    if condition.end < sentence.span.end and sentence.doc[condition.end].lower_ in concepts().topic_nouns:
        return True  # "drop your stomach bug hacks in the comments": a topic, not a use
    if _defines_a_condition(sentence, condition):
        return True  # "narcolepsy, the condition where people fall asleep without warning"
    if _example_of_a_kind(sentence, condition):
        return True  # "overweight plus a condition like high blood pressure": who the labeled use is for
    if condition.start > sentence.span.start and sentence.doc[condition.start - 1].lower_ in TIME_AFTER \
            and condition.start - 1 > sentence.span.start and sentence.doc[condition.start - 2].lower_ not in USE_BEFORE_TIME \
            and sentence.doc[condition.start - 2].text != "-":  # not "our morning-after hangover fix"
        return True  # "keeps people off heroin after detox": when, not what it is for
    if not earlier:
        return False
    if _had_by_people(sentence, condition):
        return True  # "lowers the risk of heart attack ... including people with type 2 diabetes": who, not what
    if condition.end < sentence.span.end and sentence.doc[condition.end].lower_ in KIND_NOUNS:
        return True  # "angina, including the spasm type": a kind of the condition already named
    return any(c.label_ == "descriptive" and c.end <= condition.start and condition.start - c.end <= 3
               for c in sentence.cues)


KIND_NOUNS = frozenset({"type", "types", "kind", "kinds", "form", "forms", "variety", "variant", "subtype", "version"})


def _had_by_people(sentence: _Sentence, condition: Span) -> bool:
    """The condition is what some people have ('people with type 2 diabetes', 'adults who have
    heart disease', 'patients with advanced lung cancer', 'several overweight patients'), after
    the use already named."""
    doc, start = sentence.doc, sentence.span.start
    words = lowered(doc)
    if condition.end < sentence.span.end and _people_word(doc[condition.end], start):
        before = condition.start - 1  # "to reverse fatty liver disease in several overweight patients"
        while before > start and words[before] in PEOPLE_COUNTS:
            before -= 1
        return before >= start and words[before] in PEOPLE_LINKS | {"for"} and not _another_use_joined(words, before, start)
    first = condition.start
    while first - 1 > start and words[first - 1] in SEVERITY_WORDS:
        first -= 1  # "with advanced lung cancer"
    people = first - 2 if words[first - 1] == "with" else first - 3 \
        if tuple(words[first - 2:first]) in (("who", "have"), ("who", "has"), ("who", "had")) else None
    return people is not None and people - 1 >= start and _people_word(doc[people], start) \
        and words[people - 1] in PEOPLE_LINKS | {"for"} \
        and not _another_use_joined(words, people - 1, start)  # "in adults who have", not "helps people with"


def _another_use_joined(words: list[str], link: int, start: int) -> bool:
    """True when the word before a link to people joins a second use to the first ('for
    epilepsy and for patients with migraine'; not 'heart disease, including people with')."""
    return words[link] in ("for", "in") and link > start and words[link - 1] in ("and", "or", "plus", "also")


PEOPLE_LINKS = frozenset({"in", "including", "among", "especially", "particularly", "like"})
PEOPLE_COUNTS = frozenset({"some", "several", "many", "most", "a", "few", "the", "certain", "all", "these", "those"})
SEVERITY_WORDS = frozenset({"advanced", "severe", "mild", "moderate", "chronic", "acute", "early", "late", "stage",
                            "end-stage", "terminal", "active", "stable"})


EXAMPLE_LINKS = ("like", "such as", "including", "e.g.", "e.g.,", "for example")


def _example_of_a_kind(sentence: _Sentence, condition: Span) -> bool:
    """The mention is an example of a kind of condition named just before it ("a condition like
    high blood pressure", "weight-related problems such as sleep apnea") that the patients
    have ("plus", "have", "adults with"): it says who a use is for, it claims none of its own."""
    doc, start = sentence.doc, sentence.span.start
    before = doc[max(start, condition.start - 6):condition.start].text.lower()
    link = next((w for w in EXAMPLE_LINKS if before.endswith(" " + w)), None)
    if link is None:
        return False
    head = doc[max(start, condition.start - 6):condition.start - len(link.split())]
    kind = next((token.i for token in reversed(head)
                 if token.lower_ in DEFINING_NOUNS or token.lower_.endswith("s") and token.lower_[:-1] in DEFINING_NOUNS),
                None)
    if kind is None:
        return False
    i = kind - 1  # past the kind's determiner and modifiers, to the word that holds it
    while i > start and (doc[i].lower_ in DETERMINERS or doc[i].is_lower and doc[i].pos_ != "VERB"
                         and doc[i].lower_ not in PATIENT_HOLDERS and not doc[i].is_punct) and kind - i < 4:
        i -= 1
    holder = doc[i].lower_
    return holder in PATIENT_HOLDERS and (holder != "with" or (i > start and doc[i - 1].lower_ in PATIENT_NOUNS))


PATIENT_HOLDERS = frozenset({"plus", "have", "has", "having", "had", "with"})  # "overweight plus a condition like"


DEFINING_NOUNS = frozenset({"condition", "disorder", "disease", "illness", "syndrome", "problem", "state", "sickness"})
DEFINING_LINKS = frozenset({"where", "which", "when", "whose"})
DEFINITION_REACH = 6  # tokens from the defining link to the described complaint


def _defines_a_condition(sentence: _Sentence, condition: Span) -> bool:
    """True when the mention sits in a clause that defines a condition named just before
    ('the condition where people fall asleep without warning', 'a disorder in which the
    legs jerk'): it says what that condition is, it presents nothing new."""
    doc, start = sentence.doc, sentence.span.start
    for i in range(condition.start - 1, max(start, condition.start - DEFINITION_REACH) - 1, -1):
        if doc[i].lower_ in DEFINING_LINKS:
            before = i - 2 if i - 2 >= start and doc[i - 1].lower_ == "in" else i - 1
            return before >= start and doc[before].lower_ in DEFINING_NOUNS
    return False


def _in_label(sentence: _Sentence, condition: Span) -> bool:
    block = sentence.block
    return bool(block and block.label_end and block.start <= condition.start_char < block.label_end)


def _leading_for_people(sentence: _Sentence, condition: Span) -> bool:
    """'For babies with RSV bronchiolitis, a short course of prednisone helps': the sentence
    opens with the people who have the condition, and a use or benefit word follows it ('For
    anyone with asthma, propranolol can be dangerous' presents no use)."""
    if not any(c.label_ in ("use", "benefit") and c.start >= condition.end for c in sentence.cues) \
            or any(c.label_ == "harm" for c in sentence.cues):
        return False
    return _for_people_with(sentence, condition) == sentence.span.start


HOW_BAD = frozenset({"severe", "mild", "moderate", "stubborn", "chronic", "bad", "serious", "persistent", "resistant",
                     "treatment-resistant", "refractory", "difficult", "recurrent", "frequent", "terrible", "awful"})


def _people_before_with(sentence: _Sentence, condition: Span, people: frozenset[str] | set[str]) -> int | None:
    """The index of the people word of '<people> with <condition>' ('people with stubborn OCD',
    'women with PCOS'), past determiners and words of how bad, or None."""
    words, start, i = lowered(sentence.doc), sentence.span.start, condition.start - 1
    while i > start and (words[i] in DETERMINERS or words[i] in HOW_BAD):
        i -= 1
    return i - 1 if i > start and words[i] == "with" and words[i - 1] in people else None


def _for_people_with(sentence: _Sentence, condition: Span) -> int | None:
    """The index of the 'for' of 'for (all) people with', 'for patients with', 'for kids with'
    right before the condition, or None."""
    doc, start = sentence.doc, sentence.span.start
    people = _people_before_with(sentence, condition, PATIENT_NOUNS)
    if people is None or people <= start:
        return None
    j = people - 1
    while j > start and (doc[j].lower_ in DETERMINERS or doc[j].lower_ in EVERY):
        j -= 1
    return j if doc[j].lower_ == "for" else None


def _for_drug(sentence: _Sentence, condition: Span) -> bool:
    """'Klonopin for addicts', 'take it for X', 'For depression: ...', 'For babies with X, ...'."""
    if _leading_for_people(sentence, condition):
        return True
    doc, i = sentence.doc, _for_of(sentence, condition)
    if i is None and (people := _for_people_with(sentence, condition)) is not None and people > sentence.span.start:
        before = _before_purposed_for(sentence, people)  # "Jardiance is for people with type 1 diabetes" (not
        return sentence.drug_at(before) is not None or _is_for(sentence, before)  # "the dose for people with
        # kidney disease"), "Xanax is meant for people with insomnia"
    if i is None:
        return condition[0].lower_ == "for" and condition.start - sentence.span.start <= 2
    if i == sentence.span.start or (i - sentence.span.start <= 2 and doc[i].text == "For") \
            or doc[i - 1].text in CLAUSE_DASHES or _not_but_for(sentence, i):  # "Forget Pepto - for a stomach bug
        return True  # you want omeprazole", "Not ADHD, but for my fatigue it's been a lifesaver"
    before = _before_purposed_for(sentence, i)
    if (doc[before].lower_ in DOSE_FORMS | CONTAINERS | MEDICINE_NOUNS | COURSES | {"ones"}
            or doc[before].text.upper() in RELEASE_FORM_NOUNS) and refers_to_drug(doc, before):
        return True  # "keep a strip around for their bad back", "keeps a bottle in the kitchen drawer for",
        # "gets 10 mg of the same med every night for bedwetting"
    if doc[before].lower_ in DOSE_FORMS and before > sentence.span.start:
        before -= 1  # "the regular cyclobenzaprine tablets for her fibromyalgia"
    if _one_taken(sentence, before):
        return True  # "I pop one before flights for my nerves", "he wears one for his migraines"
    if _dose_ends_in(sentence, before, i):
        return True  # "my doc prescribed 1 mg at bedtime for my insomnia": the amount is the drug taken
    if doc[before].lower_ in PASSIVE_USE_PARTICIPLES and before > sentence.span.start:
        given = _before_for(sentence, before)  # "Seroquel 25 mg given 2000 for sundowning"
        if sentence.drug_at(given) is not None or refers_to_drug(doc, given) or _dose_ends_in(sentence, given, given + 1):
            return True
    if _is_for(sentence, before) or _given_to_take(sentence, before):
        return True  # "Lisinopril is (also) for migraines", "Xanax isn't for insomnia"
    # "takes hers for", "takes his for", "calls it a bone builder for her osteoporosis", "put me on it too, for"
    return doc[before].lower_ in PRONOUNS or sentence.drug_at(before) is not None or _these_taken(sentence, before) \
        or (doc[before].lower_ in OWNED or doc[before].lower_ == "his") and refers_to_drug(doc, before) \
        or _after_aside(sentence, before) or _called_noun(sentence, before) or _drug_before_comma(sentence, before)


def _level_lowered_as_risk(sentence: _Sentence, condition: Span, reference: Reference) -> bool:
    """'Sildenafil may lower your pressure, so skip nitrates': a condition that is a level too
    high (one with `measures`), lowered as a risk (lint/nlp/measures.py), is a side effect."""
    return any(reference.conditions[c].measures for c in condition._.condition_ids if c in reference.conditions) \
        and lowered_as_risk(sentence.doc, condition.start, condition.end)


def _taken_against(sentence: _Sentence, condition: Span) -> bool:
    """'She takes Tylenol also against the nerves', 'I use it against my cough': 'against',
    right after the drug (or a word for it) that a verb of taking just before takes, says what
    it is taken for."""
    doc, words, start = sentence.doc, lowered(sentence.doc), sentence.span.start
    at = _back_past(words, condition.start, start, NOUN_PHRASE_DETERMINERS) - 1  # "against the nerves", "against his
    if at <= start or words[at] != "against":  # allergies"
        return False
    drug_at = _back_past(words, at, start, AGAINST_ADVERBS) - 1  # "takes Tylenol also against"
    named = sentence.drug_at(drug_at)
    if named is None and not refers_to_drug(doc, drug_at):
        return False
    taken = named.start if named is not None else drug_at
    return any(words[k] in TAKEN_AGAINST_VERBS for k in range(max(start, taken - TAKEN_AGAINST_REACH), taken))


def _no_more_since(sentence: _Sentence, condition: Span) -> Span | None:
    """'Since starting Lexapro, no more hot flashes', 'Lithium has been a godsend: not one
    cluster attack since October', 'on gabapentin a whole month without a single hot flash':
    a complaint counted as none (`NONE_OPENERS`) in a sentence that names a profiled drug
    someone is on (not one stopped: 'since stopping Lexapro, no more hot flashes' credits the
    stopping, nor the drug 'no more' itself names). Any opener but 'no more' needs a time it
    has been none for ('since', 'in months', 'anymore'). The drug, else None."""
    words = lowered(sentence.doc)
    at = _back_past(words, condition.start, sentence.span.start, OWNING_DETERMINERS)
    opener = next((o for o in NONE_OPENERS if at - len(o) >= sentence.span.start
                   and tuple(words[at - len(o):at]) == o), None)
    if opener is None or "than" in words[condition.end:condition.end + NO_MORE_THAN_REACH] \
            or stops_drug(sentence.doc, sentence.span):
        return None  # "no more headaches than before": a comparison
    if opener != ("no", "more") and NONE_FOR_A_TIME.search(sentence.text) is None:
        return None  # "not one pill works": no time it has been none for
    around = sentence.text + " " + (sentence.previous.text if sentence.previous is not None else "")
    if SWITCHED.search(around):
        return None  # "The patch was better for me than pills. Vivelle-Dot ..., no more nausea": a side effect the
        # switch left behind
    named = [d for d in sentence.drugs if d.label_ != OTHER and not d._.drug_class
             and not (d.start >= 2 and (words[d.start - 2], words[d.start - 1]) == ("no", "more"))]
    return named[0] if len(named) == 1 else None


NONE_OPENERS = (("no", "more"), ("not", "one"), ("not", "a", "single"), ("without", "a", "single"), ("without", "one"),
                ("zero",), ("had", "a", "single"), ("had", "one"))  # "haven't had a single migraine since"
NONE_FOR_A_TIME = re.compile(r"\b(?:since|anymore|any more|(?:in|for|\d+|two|three|four|five|six|several|many|few) "
                             r"(?:\w+ )?(?:days|weeks|months|years|ages)|"
                             r"(?:a|one|a whole|a full|the whole|all) (?:week|month|year|winter|summer|season))\b", re.I)


SWITCHED = re.compile(r"\b(?:switch(?:ed|ing)?|swapp?(?:ed|ing)?|changed (?:to|over)|instead of|better (?:for me )?than)\b",
                      re.I)


NO_MORE_THAN_REACH = 4  # words after the condition where a 'than' makes 'no more' a comparison
AGAINST_ADVERBS = frozenset({"also", "just", "even", "mainly", "mostly", "only", "too", "sometimes", "always"})
TAKEN_AGAINST_REACH = 3  # words from the verb of taking to the drug ("takes my Tylenol against")
TAKEN_AGAINST_VERBS = frozenset(form for verb in ("take", "use", "pop", "swallow", "give", "chew", "grab")
                                for form in verb_forms(verb)) | {"took", "gave"}  # "swallowing a Flexeril against"


MADE_FOR = frozenset({"made", "meant", "designed", "built", "intended", "formulated",  # "made for stage fright"
                      "cleared", "authorized", "authorised", "licensed", "okayed", "greenlit", "sanctioned"})  # an approval


def _drug_before_comma(sentence: _Sentence, comma: int) -> bool:
    """True when a comma right before the 'for' follows the drug or a word for it, past fillers:
    'put me on it too, for my narcolepsy', 'takes it daily, for her hot flashes'."""
    if sentence.doc[comma].text != ",":
        return False
    before = _before_for(sentence, comma)
    return sentence.doc[before].lower_ in PRONOUNS or sentence.drug_at(before) is not None


NOUN_PHRASE_DETERMINERS = OWNING_DETERMINERS | {"a", "an"}
ILL_JUDGED = frozenset({"terrible", "bad", "poor", "dangerous", "risky", "awful", "wrong", "horrible", "questionable",
                        "lousy", "worst", "last", "dumb", "stupid", "useless", "unsafe", "inappropriate"})
CALLED_NOUN_WORDS = 3  # words of a noun phrase the drug is called, after its determiner ("a real bone builder")


def _called_by_name(sentence: _Sentence, opener: int) -> bool:
    """called_by_name for a sentence's own drug names: a naming verb, then the drug, right
    before the noun phrase at `opener` ('calls it her ...')."""
    return called_by_name(sentence.doc, sentence.span, opener, {d.end - 1: d.start for d in sentence.drugs})


def _called_noun(sentence: _Sentence, noun: int) -> bool:
    """True when the word at `noun` ends a noun phrase the sentence calls the drug, by a
    naming verb or a copula ('her friend calls it a bone builder for', "it's my lifesaver
    for"): what follows 'for' is what the drug is called that for."""
    doc, start = sentence.doc, sentence.span.start
    opener = noun
    while opener > start and noun - opener < CALLED_NOUN_WORDS and doc[opener].is_alpha \
            and doc[opener].lower_ not in NOUN_PHRASE_DETERMINERS:
        opener -= 1
    if opener == noun or doc[opener].lower_ not in NOUN_PHRASE_DETERMINERS or opener <= start \
            or any(doc[i].lower_ in ILL_JUDGED for i in range(opener + 1, noun + 1)):
        return False  # "Xanax is a terrible idea for insomnia": a warning
    return _called_by_name(sentence, opener) or _is_for(sentence, opener - 1)


ASIDE_REACH = 6  # words of an aside between commas after the drug ("naltrexone, 4.5 mg compounded, for")


def _after_aside(sentence: _Sentence, comma: int) -> bool:
    """True when the comma at `comma` closes an aside that follows the drug's name ('takes
    low-dose naltrexone, 4.5 mg compounded, for her fibromyalgia')."""
    doc, start = sentence.doc, sentence.span.start
    if doc[comma].text != ",":
        return False
    opening = next((i for i in range(comma - 1, max(start, comma - ASIDE_REACH - 1), -1) if doc[i].text == ","), None)
    return opening is not None and opening > start and opening < comma - 1 \
        and (sentence.drug_at(opening - 1) is not None or refers_to_drug(doc, opening - 1))


def _these_taken(sentence: _Sentence, index: int) -> bool:
    """'I take these for my hangovers', 'I keep these for bad nights': a demonstrative that a
    verb of taking or keeping has as its object stands for the drug."""
    doc = sentence.doc
    return doc[index].lower_ in ("these", "those") and index > sentence.span.start \
        and doc[index - 1].lower_ in TAKING_ONE | KEEPING and refers_to_drug(doc, index)


def _given_to_take(sentence: _Sentence, index: int) -> bool:
    """True when the word at `index` is a verb of taking in an infinitive whose object is the
    drug before it: 'gave me some Coreg to take before gigs for', 'a few Xanax to use for flights'."""
    doc, words, start = sentence.doc, lowered(sentence.doc), sentence.span.start
    if words[index] not in TAKING_ONE or index - 2 < start or words[index - 1] != "to":
        return False
    drug_word = index - 2
    return sentence.drug_at(drug_word) is not None or refers_to_drug(doc, drug_word)


def _dose_ends_in(sentence: _Sentence, start: int, end: int) -> bool:
    """True when a dose of the sentence ends at a token in [start, end) (its amount stands for
    the drug taken)."""
    return any(start <= dose.end - 1 < end for dose in sentence.doses)


FOR_COPULAS = frozenset({"is", "are", "was", "were", "'s", "’s"})
COPULA_NEGATORS = frozenset({"not", "n't", "never", "isn't", "wasn't", "aren't"})
PREDICATE_ADJECTIVES = frozenset({"standard", "routine", "common", "typical", "first-line", "second-line",
                                  "recommended", "popular", "mainstream", "useful", "effective", "helpful",
                                  "ideal", "elite", "goated", "clutch", "amazing", "awesome", "fantastic", "excellent",
                                  "brilliant", "perfect", "wonderful", "solid", "unreal", "incredible",
                                  "magic"})  # "X is standard for Y", "it is elite for cramming" presents Y as X's use
PASSIVE_USE_PARTICIPLES = frozenset({"taken", "prescribed", "given", "administered", "dispensed", "sold", "marketed",
                                     "used"})
DEGREE_WORDS = frozenset({"basically", "now", "also", "pretty", "very", "really", "quite", "totally", "still", "so",
                          "often", "kinda", "super", "most", "more"})


def _is_for(sentence: _Sentence, index: int) -> bool:
    """True when the word at `index` (before a 'for') is a copula, or its negation, whose
    subject is the drug or a word for it: 'Lisinopril is for', 'it's also for', 'Xanax is not
    for' (the denial is read by the negation pass)."""
    doc, words = sentence.doc, lowered(sentence.doc)
    if words[index] in PREDICATE_ADJECTIVES or words[index] in PASSIVE_USE_PARTICIPLES:  # "Plaquenil is basically
        # standard for", "it's first-line for", "Montelukast is commonly taken for"
        index -= 1
        while index > sentence.span.start and (words[index] in DEGREE_WORDS or words[index].endswith("ly")):
            index -= 1
    while index > sentence.span.start and words[index] in COPULA_NEGATORS:
        index -= 1
    if words[index] not in FOR_COPULAS and words[index] not in PASSIVE_AUXILIARIES \
            and not (words[index] in COPULA_NEGATORS and words[index].endswith("n't")):
        return False
    subject = index - 1
    if subject < sentence.span.start:
        return False
    if words[subject] in DOSE_FORMS and subject > sentence.span.start:
        subject -= 1  # "Ivermectin tablets were greenlit for"
    return refers_to_drug(doc, subject) or any(d.end - 1 == subject for d in sentence.drugs) \
        or words[subject] in OWNED  # "mine's for social anxiety": my prescription of it


EPISODE_NOUNS = frozenset({"case", "cases", "bout", "bouts", "touch", "spell", "spells", "attack", "attacks",
                           "episode", "episodes", "flare", "flares", "flare-up", "flare-ups", "fit", "fits"})


CONTRACTED_SUBJECTS = frozenset({"it", "that", "this", "there", "here", "what", "who", "he", "she", "where", "how",
                                 "everyone", "everything", "one", "let"})  # "it's the OCD": a verb, not a possessive


def _for_of(sentence: _Sentence, condition: Span) -> int | None:
    """The index of the 'for' that the condition is the object of, past determiners and up to
    two modifiers ('for a bad cold', 'for a lingering chest cold'), or None."""
    doc, i = sentence.doc, condition.start - 1
    if condition[0].lower_ == "for":
        return condition.start  # the term holds its 'for' ("for sleep")
    while i > sentence.span.start and (doc[i].lower_ in DETERMINERS or doc[i].lower_ in DEMONSTRATIVE_DETERMINERS
                                       or is_markup(doc[i])):
        i -= 1  # "for a bad cold", "for **sleep**", "for that cough"
    if i - 1 > sentence.span.start and doc[i].lower_ in ("'s", "’s") and doc[i - 1].is_alpha \
            and doc[i - 1].lower_ not in CONTRACTED_SUBJECTS:
        i -= 2  # "for my son's ADHD", "for Grandma's arthritis"
        while i > sentence.span.start and doc[i].lower_ in DETERMINERS:
            i -= 1
    if i - 1 > sentence.span.start and doc[i].lower_ in POSSESSIVE_DETERMINERS and doc[i - 1].lower_ in COORDINATORS:
        i -= 1  # "for my diabetes and my fatty liver" (not "for pericarditis after my viral infection")
    if i - 1 > sentence.span.start and doc[i].lower_ == "of" and doc[i - 1].lower_ in EPISODE_NOUNS:
        i -= 2  # "for a bad case of nerves", "for the odd bout of insomnia", "for those bouts of seasickness"
        while i > sentence.span.start and doc[i].lower_ in DEMONSTRATIVE_DETERMINERS:
            i -= 1
    if i >= sentence.span.start and doc[i].lower_ != "for":
        j = i
        for _ in range(2):
            if j <= sentence.span.start or not (doc[j].is_alpha and doc[j].is_lower) or doc[j].lower_ in NOT_MODIFIERS:
                break
            j -= 1
            while j > sentence.span.start and doc[j].lower_ in DETERMINERS:
                j -= 1
            if doc[j].lower_ == "for":
                i = j
                break
    if i >= sentence.span.start and doc[i].lower_ == "for":
        return i
    if i > sentence.span.start and doc[i].lower_ in COORDINATORS:
        return _for_of_first_conjunct(sentence, i)
    return _stranded_for(sentence, condition)


COORDINATORS = frozenset({"and", "or", "&"})
POSSESSIVE_DETERMINERS = frozenset({"my", "his", "her", "our"})
CONJUNCT_REACH = 4  # words of the first conjunct of a 'for' object ("for my oily skin and breakouts")
TIME_NOUNS = SPANS_OF_TIME | SPAN_OF_TIME | {"while", "ages", "decade", "decades"}  # "for two weeks and insomnia got
# worse": a time, not an object


def _for_of_first_conjunct(sentence: _Sentence, coordinator: int) -> int | None:
    """The 'for' whose object a condition joins after 'and' or 'or' ('started it for my oily
    skin and breakouts', 'keeps it for her flying nerves and insomnia'): a 'for' a few plain
    words before the coordinator, none of them a word for time."""
    doc, j = sentence.doc, coordinator - 1
    while j > sentence.span.start and coordinator - j <= CONJUNCT_REACH and doc[j].is_alpha \
            and (doc[j].lower_ not in NOT_MODIFIERS or doc[j].lower_ in DETERMINERS) and doc[j].lower_ not in TIME_NOUNS:
        j -= 1  # "for my diabetes and my fatty liver": past the first conjunct's own determiner
    return j if j < coordinator - 1 and doc[j].lower_ == "for" else None


STRANDED_ADVERBS = frozenset({"mostly", "mainly", "usually", "actually", "really", "honestly", "just", "probably",
                              "basically", "always", "often", "generally", "typically", "still"})


def _stranded_for(sentence: _Sentence, condition: Span) -> int | None:
    """The 'for' left at the end of a clause whose object the copula after it names: 'the
    things we use a little morphine for is air hunger', 'what I take Zoloft for is hot flashes'."""
    doc, i = sentence.doc, condition.start - 1
    while i > sentence.span.start and (doc[i].lower_ in DETERMINERS or doc[i].lower_ in STRANDED_ADVERBS
                                       or doc[i].lower_ in PLACE_DETERMINERS):
        i -= 1
    if i - 1 > sentence.span.start and doc[i].lower_ in FOR_COPULAS and doc[i - 1].lower_ == "for":
        return i - 1
    return None


def _before_for(sentence: _Sentence, for_index: int) -> int:
    """The word a 'for' belongs to, back past the adverbs, times and occasions between ("stay
    on Wellbutrin precisely for", "take it at night for", "started it last month for")."""
    doc, before = sentence.doc, for_index - 1
    while before > sentence.span.start and for_index - before <= FILLER_WORDS_BACK and _filler(doc[before]) \
            and not _one_taken(sentence, before) and sentence.drug_at(before) is None:
        before -= 1
    if doc[before].lower_ == "but" and (first_for := not_only_for(doc, sentence.span, before)) is not None:
        return _before_for(sentence, first_for)  # "not just for blood pressure but also for": the first 'for's word
    return before


FILLER_WORDS_BACK = 8  # words of times, places and manner back from a 'for' to its drug ("crush half a Seroquel
# into her applesauce around 8 pm for")


def _before_purposed_for(sentence: _Sentence, for_index: int) -> int:
    """The word a 'for' belongs to (`_before_for`), past a participle that says what the drug
    is for: 'Toprol XL is basically made for stage fright', 'meant for people with insomnia'."""
    before = _before_for(sentence, for_index)
    if sentence.doc[before].lower_ in MADE_FOR and before > sentence.span.start:
        before = _before_for(sentence, before)
    return before


def _relative_taker(sentence: _Sentence, condition: Span) -> Span | None:
    """The drug a gapped verb of taking before the condition's 'for' takes: 'Lisinopril is what
    the ladies took for their migraines', 'Xanax, which she uses for flights' (relative.py)."""
    i = _for_of(sentence, condition)
    if i is None or i <= sentence.span.start:
        return None
    return taken_by_relative(sentence.doc, sentence.span, _before_for(sentence, i), condition.end, sentence.drugs)


BACK_REFERENCES = frozenset({"that", "this", "it", "them", "those", "these"})
BACK_PREPOSITIONS = frozenset({"for", "with", "against", "on"})
BENEFIT_WORDS = frozenset({"help", "helps", "helped", "helping", "work", "works", "worked", "good", "great", "best",
                           "better", "option", "options", "choice", "choices", "pick", "fix", "useful", "effective",
                           "wonders", "amazing", "awesome", "perfect", "go-to", "used", "prescribed", "approved"})
BACK_REACH = 12  # words from the condition to the 'for that' that refers back to it


def _use_referred_back(sentence: _Sentence, condition: Span) -> str | None:
    """'If you ever get restless legs, it's one of the better options for that', 'if your tics
    act up, it helps with them too': the drug (a name or 'it') then a benefit word, after the
    condition, and a 'for that' or 'with them' that refers back to it. Returns the words that
    present the use, or None; a negation between them presents none."""
    doc, words = sentence.doc, lowered(sentence.doc)
    end = min(sentence.span.end - 1, condition.end + BACK_REACH)
    for k in range(condition.end, end):
        if words[k] not in BACK_PREPOSITIONS or words[k + 1] not in BACK_REFERENCES:
            continue
        between = range(condition.end, k)
        if any(words[i] in NEGATORS for i in between) or any(c.start >= condition.end and c.start < k
                                                              for c in sentence.conditions):
            return None
        drug_at = next((i for i in between if refers_to_drug(doc, i) or sentence.drug_at(i) is not None), None)
        benefit = next((i for i in between if drug_at is not None and i > drug_at and words[i] in BENEFIT_WORDS), None)
        return doc[benefit:k + 2].text if benefit is not None else None
    return None


HAD_OPENER = re.compile(
    r"^\W*(?:(?:so|and|but|also|plus|now|honestly)\s+)?"
    r"(?:(?:if|when|whenever|once)\s+(?:you|u|ya|(?:your|my|his|her|our|their)\s+\w+|someone|anyone|somebody|he|she|"
    r"they|we|i)"
    r"(?:(?:'ve|’ve|'re|’re|'s|’s)(?=\s))?\s+(?:(?:ever|already|also|really|still|actually|do|are|is|were)\s+)?"
    r"(?:have|has|had|get|gets|got|suffer\w* from|struggl\w* with|deal\w* with|liv\w* with|battl\w*|"
    r"diagnosed with|fight\w*)"
    r"|when it comes to|as for|with)"
    r"\s+(?:(?:a|an|the|some|your|bad|really|real|chronic|nasty|constant|severe)\s+)*$", re.I)
# "If you have OCD,", "if your kid gets bad croup,", "When it comes to OCD,", "With OCD,": a condition someone has
HAD_CLAUSE_END = 3  # words from the condition to the comma or dash that ends the clause naming it


VERB_HELD = frozenset(form for verb in ("get", "keep", "stop", "ward", "stave", "head", "fend", "melt", "shed", "burn", "drop")
                      for form in verb_forms(verb))  # a description that holds its own verb ("got me off the booze",
# "wards off my migraines"): the drug before it is what does it
HELD_PARTICLES = frozenset({"off", "from", "away"})  # the verb's own particle ("keeps NSAID ulcers away"), not "head cold"


def _recommended_if_had(sentence: _Sentence, condition: Span, main: str | None) -> tuple[str | None, Span | None] | None:
    """'If you have OCD, Lexapro is the go-to', 'When it comes to hot flashes, it works wonders',
    'With fibromyalgia, Savella can help': a clause that names a condition someone has, then a
    main clause that affirms the drug as the answer (the words AFFIRMS_USE reads in an answer).
    Returns the drug and its name (None for 'it'), or None. A comorbidity is no use ('If you
    have kidney disease, ...'): the population reader owns those."""
    doc = sentence.doc
    before = article_text(doc)[sentence.span.start_char:condition.start_char]
    if HAD_OPENER.match(before) is None or detect_population(condition.text)[0] & {RENAL, HEPATIC}:
        return None
    end = min(sentence.span.end, condition.end + HAD_CLAUSE_END)
    comma = next((k for k in range(condition.end, end) if doc[k].text in (",", "—", "–")), None)
    if comma is None or any(doc[k].is_punct for k in range(condition.end, comma)):
        return None
    answer = AFFIRMS_USE.match(_drugs_as_it(sentence, comma + 1))
    words = answer.group().lower().replace(",", " ").split() if answer is not None else []
    if not words or words[0] in ANSWER_OPENERS or words[-1] in ONLY_GRADES or ANSWER_DENIERS.intersection(words):
        return None  # "If you have heart disease, sertraline is a good choice": the safer pick for its own use
    named = next((d for d in sentence.drugs if d.start > comma), None)
    return (named.label_, named) if named is not None else (main, None)


ANSWER_OPENERS = frozenset({"yes", "yep", "yeah", "absolutely", "definitely", "of"})  # an answer's word, not a clause's
ONLY_GRADES = frozenset({"good", "great", "best", "useful"})  # a grade alone: a comorbidity's pick as much as a use's


def _one_taken(sentence: _Sentence, index: int) -> bool:
    """'one' after a verb of taking stands for the drug ('pop one', 'wears one'), as does a
    strength taken as a tablet ('pops a 0.5 before flights')."""
    doc = sentence.doc
    if doc[index].text[:1].isdigit() or doc[index].lower_ in ("few", "couple"):  # "keep a few in the cabinet for"
        return index - 2 >= sentence.span.start and refers_to_drug(doc, index)
    return doc[index].lower_ in COUNTED_UNITS and index > sentence.span.start and doc[index - 1].lower_ in TAKING_ONE


COUNTED_UNITS = frozenset({"one", "two", "three", "four"})  # "pop one", "I take two so I can fall asleep"


TAKING_ONE = frozenset(form for verb in ("pop", "take", "wear", "use", "swallow", "grab", "chew", "slap", "break",
                                         "split", "cut", "snap", "crush", "dissolve")
                       for form in verb_forms(verb))  # "taking one on bad days for", "break one in half for"


def _filler(token) -> bool:
    """A word that may stand between a drug and the 'for' of its use: an adverb, a time or a
    duration ('been on it for months for her brain fog', 'started it two weeks ago for'), the
    occasion after 'before' or 'after' ('takes one before flights for'), a place ('kept it on
    the boat for'), who was given it ('gave it to him for') or a quotation mark ('takes
    glipizide "for prediabetes"')."""
    words = lowered(token.doc)
    return words[token.i] in FILLERS or token.like_num or is_markup(token) or token.is_quote or inner_hyphen(token.doc, token.i) \
        or (token.is_alpha and token.lower_.endswith("ly") and len(token) > 4) \
        or (token.is_alpha and any(words[token.i - k] in OCCASION_OPENERS and all(
            token.doc[j].is_alpha for j in range(token.i - k + 1, token.i)) for k in range(1, min(token.i, OCCASION_REACH) + 1))) \
        or _place(token) or token.lower_ in PLACE_PREPOSITIONS and any(
            _place(token.doc[j]) for j in range(token.i + 1, min(token.i + PLACE_REACH + 1, len(token.doc)))) \
        or _recipient(token) or _with_a_meal(token)


def _recipient(token) -> bool:
    """'to him' in 'his urologist gave it to him for ...': who was given the drug."""
    words, i = lowered(token.doc), token.i
    return words[i] in RECIPIENTS and i > 0 and words[i - 1] == "to" \
        or words[i] == "to" and i + 1 < len(token.doc) and words[i + 1] in RECIPIENTS


OCCASION_OPENERS = ("before", "after", "during", "alongside")  # "before flights", "alongside his pump"
MEALS = frozenset({"food", "meal", "meals", "breakfast", "lunch", "dinner", "supper", "snack", "coffee", "tea", "water",
                   "milk", "juice", "applesauce", "pudding", "yogurt"})


def _with_a_meal(token) -> bool:
    """'with my coffee', 'with dinner': what the drug is taken with, between it and its 'for'."""
    doc, i = token.doc, token.i
    opener = next((j for j in range(i, max(-1, i - MEAL_REACH - 1), -1) if doc[j].lower_ == "with"), None)
    return opener is not None and any(doc[j].lower_ in MEALS for j in range(opener + 1, min(len(doc), opener + MEAL_REACH + 1)))


MEAL_REACH = 3  # words from 'with' to its meal ("with my morning coffee")
OCCASION_REACH = 4  # words from an occasion's opener to its last word ("before long car trips")
PLACE_PREPOSITIONS = frozenset({"in", "on", "at", "into"})  # "crushes one into pudding for"
PLACE_DETERMINERS = OWNING_DETERMINERS | {"a"}
PLACE_REACH = 3  # words from a place noun back to its preposition ("in my gym bag")


def _place(token) -> bool:
    """A place where the drug is kept or taken: the noun of 'in the glovebox', 'in my purse',
    'at work', 'on hand' ('keeps a box in the glovebox for road trips')."""
    doc = token.doc
    if not token.is_alpha or token.lower_ in PRONOUNS or refers_to_drug(doc, token.i):
        return False  # "put me on it for": 'it' is the drug, not a place
    for back in range(1, PLACE_REACH + 1):  # 'in my gym bag': a determiner and nouns back to the preposition
        if token.i - back < 0:
            return False
        word = doc[token.i - back]
        if word.lower_ in PLACE_PREPOSITIONS:
            return True
        if not (word.lower_ in PLACE_DETERMINERS or word.is_alpha and (word.is_lower or word.is_title)):
            return False  # a name in it too: 'on our Kilimanjaro trip'
    return False


USE_COLUMN = re.compile(r"(?:why|reasons?|purpose|uses?|used for|(?:what|who) (?:it'?s |it is )?for|what for|for|"
                        r"conditions?|indications?|treats|what it (?:treats|does)|(?:taken|prescribed|used) (?:for|to treat)|"
                        r"why (?:i|you|we|he|she|they) takes? it|why taken)", re.I)
USE_CELL_LEAD = 3  # words a use cell may hold before its condition ("my", "for her", "to treat")


def _use_column(sentence: _Sentence, condition: Span) -> str | None:
    """'| Metoprolol | 50 mg | blood pressure |' under a heading 'Why' or 'Used for': the heading
    of a table column that says what each row's drug is for, when the condition opens its cell
    and the row's first cell names the drug; else None."""
    block = sentence.block
    if block is None or not block.cells or sentence.row_drug(condition.start_char) is None:
        return None
    heading = block.column_of(condition.start_char).strip(" *_:")
    cell = block.cells[block.cell_at(condition.start_char) or 0]
    lead = article_text(sentence.doc)[cell[0]:condition.start_char].split()
    return heading if USE_COLUMN.fullmatch(heading) and len(lead) <= USE_CELL_LEAD else None


def _item_head(sentence: _Sentence, condition: Span, earlier: list[Span]) -> bool:
    block = sentence.block
    if block is None or earlier or sentence.section not in USE_SECTIONS:
        return False
    if sentence.span.start_char > block.start + 2 and not block.kind == "heading":
        return False
    return block.kind in ("item", "heading") or condition.start_char - block.start <= 12


def _use_claims(doc: Doc, sentences: list[_Sentence], mains: list[str | None],
                reference: Reference) -> list[UseClaim]:
    claims = []
    facts_from = _fact_answers(doc, sentences)
    list_leads = _use_list_items(sentences)
    for index, sentence in enumerate(sentences):
        main = mains[index]
        following = _reply(sentences, index)
        hedged = sentence.section == "research" and index not in facts_from \
            or sentence.section == "myth" and (sentence.block is not None and sentence.block.kind == "heading"
                                               or QUOTED_OPENING.match(sentence.text) is not None)
        # "What does the research say?" hedges its section; a myth heading, or a myth quoted under it
        # ('- **"Phentermine melts fat."** No, ...'), hedges only itself
        verbless = _verbless_question(sentence, following)
        reported = _indirect_question(sentence)
        if reported is not None and _answered_within(sentence, reported):
            reported = None  # "I wondered if Benadryl helps anxiety — turns out it does": asked and answered yes
        direct = _yes_no_question(sentence) or verbless
        checked_at = _reply_at(sentences, index)
        denied_when_checked = checked_at is not None and CHECKING_QUESTION.match(sentences[checked_at].text.strip()) \
            and _answered_no_text(_reply(sentences, checked_at))  # "A guy swears it fixes fibro pain. True?" "Nope."
        yes_no = direct or reported is not None and reported[1] == sentence.span.end
        asked = yes_no and not (_answered_yes(following) and not _answer_moves_on(sentences, index, sentence)) \
            and not ((verbless or _having_topic(sentence)) and _affirms_use(following))
        question = doc[reported[0]:reported[1]] if reported is not None and (asked or not yes_no) else None
        # a reported question asks only its own words: "Gabapentin stopped my hiccups, and a friend asked if ..."
        # "Can it treat a UTI?" presents no
        restated = {i for c in _answer_conditions(sentences, index) for i in c._.condition_ids} \
            if yes_no else set()  # "Can I take it for X? Yes, it can be used for X": the answer says it
        affirmed = (yes_no or _topic_question(sentence)) \
            and (_affirms_use(following) or _answered_yes(following)) \
            and not SAFETY_QUESTION.search(sentence.text)  # "Is it safe with asthma? Yes." asks no use
        # use (it names the dose's use); "Is it good for altitude sickness? Readers swear it is." presents one
        off_label = _off_label(sentence, following)
        uses_context, uses_from = _uses_context(doc, sentence, sentences[index - 1] if index else None)
        if not uses_context and index in list_leads and not CHOICE_OPENER.match(sentence.text):
            uses_context, uses_from = list_leads[index], sentence.span.start_char  # an item of a list a lead
            # sentence introduces as uses (not a quiz's lettered choice: "a) seasonal allergies")
        testimonies = testimony_subjects(doc, sentence.span)
        frames = frame_candidates(doc, sentence.span, sentence.drugs)
        purposes = purpose_candidates(doc, sentence.span, sentence.drugs) + frames \
            + way_candidates(doc, sentence.span, sentence.drugs) + for_candidates(doc, sentence.span, sentence.drugs) \
            + how_candidates(doc, sentence.span, sentence.drugs) + nickname_candidates(doc, sentence.span, sentence.drugs)
        for position, condition in enumerate(sentence.conditions):
            earlier = sentence.conditions[:position]
            cue = _nearest_cue(sentence, condition)
            if cue is not None and (stopped := sentence.drug_at(cue.end)) is not None and stopped.end <= condition.start \
                    and _quit_substance(sentence, stopped):
                cue = None  # "Switched off lisinopril bc of the cough": a medicine stopped, no benefit on the cough
            spared_by = _reason_spared(sentence, condition)
            recommended = _recommended_if_had(sentence, condition, main)  # "If you have OCD, Lexapro is the go-to"
            negated = spared_by is None and _negated(sentence, condition, cue.start if cue is not None else None)
            drug, reason, named = main, "", None
            active_benefit = cue is not None and cue.label_ == "benefit" and cue.start < condition.end  # not passive
            if cue is not None and active_benefit:
                subject = _subject_drug(sentence, cue.start, main)
                if subject[0] is None and (means := _instrument_drug(sentence, condition)) is not None:
                    subject = means.label_, means  # "Deb has been managing her ovarian cancer with letrozole"
                if subject[0] is None and (clefted := _cleft_benefactor(sentence, cue, condition)) is not None:
                    subject = clefted.label_, clefted  # "What finally cleared up my acne was spironolactone"
                listed = uses_context if uses_context and condition.start_char >= uses_from else ""
                if subject[0] is None and not listed:
                    cue = None  # a benefit word the drug does not own ("at every stop"): the other readings decide
            elif cue is not None and cue.label_ == "history" and (_use_referred_back(sentence, condition) is not None
                                                                   or _given_to_who(sentence, condition) is not None
                                                                   or _used_in(sentence, condition) is not None
                                                                   or recommended is not None
                                                                   or affirmed and _having_topic(sentence)):
                cue = None  # "if you have restless legs, it helps with that", "Have OCD? Lexapro is your best bet": the
                # history is what it treats;
                # "doctors give it to people who have insomnia": whom it is given to; "we start it in patients
                # with PCOS": those it is used in
            when_taken = _taken_when(sentence, condition) if cue is None or cue.label_ not in ("use", "benefit") else None
            if when_taken is not None:
                cue = None  # "When I get migraines, I take Zoloft": the history is what it is taken for
            treated_as_them = _treats_them(sentence, condition) if cue is None or cue.label_ not in ("use", "benefit") \
                else None
            if treated_as_them is not None:
                cue = None  # "I get tension headaches and flexeril knocks them out": what 'them' stands for
            asked_here = question is not None and question.start < condition.start < question.end  # "asked if it helps X — no"
            if sentence.section in EXCLUDED_SECTIONS or asked and direct or asked_here or denied_when_checked \
                    or restated.intersection(condition._.condition_ids):
                reason = ""
            elif cue is not None and (cue.label_ not in ("use", "benefit") or suppresses_wanted(cue, condition)
                                      or _taken_with_food(sentence, cue.start)):
                reason = ""  # "Zoloft killed my libido": a side effect; "taking it with food helps the nausea"
            elif _own_withdrawal(sentence, condition) or _descriptive(sentence, condition, earlier) \
                    or _inline_choice(sentence, condition) or HISTORICAL_USE.search(sentence.text) \
                    or _threshold_of(sentence, condition) or _occasion_of_other(sentence, condition) \
                    or _when_of_other(sentence, condition, earlier) \
                    or _cause_of_labeled(sentence, condition, earlier, main, reference) \
                    or _causes_labeled(sentence, condition, main, reference) \
                    or _other_treatments_use(sentence, condition, earlier) \
                    or _serves_labeled(sentence, condition, earlier, cue, main, reference) \
                    or _level_lowered_as_risk(sentence, condition, reference):
                reason = ""
            elif cue is not None and active_benefit:  # a benefit word needs the drug as its subject,
                drug, named = subject  # or a list of uses it stands in
                reason = f"'{cue.text}'" if drug else listed
                drug = drug or main
            elif cue is not None:
                reason, (drug, named) = f"'{cue.text}'", sentence.governing_drug(cue.start, main)
            elif treated_as_them is not None:
                named, verb = treated_as_them
                reason, drug = f"'{verb}'", named.label_
            elif _for_drug(sentence, condition):
                reason = "'for'"
                drug, named = sentence.governing_drug(condition.start - 1, main)
                if named is None and (later := _named_after_leading_for(sentence, condition, following)) is not None:
                    drug, named = later.label_, later  # "For cramps, ibuprofen 400 mg every 6 hours works well"
            elif _taken_against(sentence, condition):
                reason = "'against'"
                drug, named = sentence.governing_drug(condition.start - 1, main)
            elif (relieved := _no_more_since(sentence, condition)) is not None:
                reason = "'no more'"  # "Since starting Lexapro, no more hot flashes"
                drug, named = relieved.label_, relieved
                negated = False  # "haven't had a single migraine since": the complaint is what is denied
            elif (used_in := _used_in(sentence, condition)) is not None:
                reason = "'use ... in'"
                drug, named = _owner(used_in, main)
            elif (taken := _relative_taker(sentence, condition)) is not None:
                reason = "'for' after a gapped verb of taking"
                drug, named = (taken.label_, taken) if taken.label_ else (main, None)  # "It's what ...": the main drug
            elif (used_as := _used_as_condition(sentence, condition)) is not None:
                reason = "'use ... as'"  # "I've been using my Estrace as birth control"
                drug, named = sentence.governing_drug(used_as, main)
            elif (framed := next((c for c in frames if c.anchor == condition.start and c.span.end <= condition.end),
                                 None)) is not None:
                reason = framed.reason  # the condition's own words are a frame: "keeps my migraines at bay"
                drug, named = _subject_drug(sentence, framed.anchor, main)
            elif _in_label(sentence, condition) and sentence.section in LABEL_SECTIONS:
                reason = f"label in a {sentence.section} section"
            elif _item_head(sentence, condition, earlier):
                reason = "item in a uses section"
            elif (heading := _use_column(sentence, condition)) is not None:
                reason = f"in a table's '{heading}' column"  # "| Metoprolol | 50 mg | blood pressure |"
            elif uses_context and condition.start_char >= uses_from:
                reason = uses_context
            elif _called_a_goal_aid(sentence, condition) \
                    and ((called := _subject_drug(sentence, condition.start - 1, main))[0]
                         or (called := _named_as_goal_aid(sentence, condition))[0]):
                reason = f"'{condition.text}' (the drug called one)"  # "it doubles as a sleep aid"
                drug, named = called if called[1] is not None else _glossed_by(sentence, condition) or called
            elif purpose := next((c for c in purposes if condition.end <= c.span.end  # its object, not the verb alone
                                  and (c.span.start < condition.start or c.span.start == condition.start < condition.end - 1
                                       or c.object_only and c.span.start == condition.start)
                                  or c.kept_from and c.span.start <= condition.start < c.span.end),
                                 None):  # (or what a "keeps ... from" gap opens: "keep your face from turning red")
                reason = purpose.reason  # "takes Claritin to dry up a head cold"
                drug, named = _subject_drug(sentence, purpose.anchor, main)
            elif testimony := next((t for t in testimonies if t.span.start <= condition.start
                                    and condition.end <= t.span.end), None):
                reason = testimony.reason
                drug, named = _testified_drug(sentence, testimony.span, sentences[index - 1] if index else None, main)
            elif (why := _reason_for_taking(sentence, condition)) is not None:
                reason = "'reason ... take'"  # "Bedwetting is one of the commonest reasons we fill oxybutynin"
                drug, named = _owner(why, main)
            elif spared_by is not None:
                reason = "'the reason ... barely gets'"  # "it's the reason she barely gets migraines anymore"
                drug, named = _owner(spared_by, main)
            elif (sufferers := _sufferers_take(sentence, condition)) is not None:
                reason = f"'{condition.text} take'"  # "Insomniacs take Xanax every night", "type 1 diabetics use it"
                drug, named = _owner(sufferers, main)
            elif (kept := _kept_in_case(sentence, condition)) is not None:
                reason = "'in case'"  # "I always pack azithromycin in case of travelers' diarrhea"
                drug, named = _owner(kept, main)
            elif when_taken is not None:
                reason = "'when ... take'"
                drug, named = _owner(when_taken, main)
            elif (back := _use_referred_back(sentence, condition)) is not None:
                reason = f"'{back}' (the condition named before it)"  # "if you get restless legs, it helps with that"
                drug, named = sentence.governing_drug(condition.end, main)
            elif condition[0].lower_ in VERB_HELD \
                    and HELD_PARTICLES.intersection(t.lower_ for t in doc[condition.start:condition.end + 1]) \
                    and condition.start > sentence.span.start \
                    and not _subjectless(sentence, condition.start) \
                    and (mover := _subject_drug(sentence, condition.start, main))[0]:
                reason, (drug, named) = f"'{condition[0].text}'", mover  # "Baclofen is what got me off the booze"
            elif recommended is not None:
                reason, (drug, named) = "a clause naming the condition, then the drug affirmed", recommended
            elif (ended_by := _ended_by_drug(sentence, condition)) is not None:
                reason, named = f"'until {ended_by.text}'", ended_by  # "My feet burned for years until gabapentin"
                drug = ended_by.label_
            elif (taker := _people_with_take(sentence, condition, main, reference)
                            or _patient_taking(sentence, condition, main, reference)) is not None:
                reason, named = f"'{taker[0]}'", taker[1]  # "Women with PCOS swear by it"
                drug = named.label_ if named is not None else main
            elif affirmed and following is not None:
                if len(named_in_answer := {d.label_ for d in following.drugs}) == 1:
                    drug = named_in_answer.pop()  # "Hot flashes? Gynecologists swear by gabapentin."
                reason = f"asked, then answered '{following.text.strip()[:40]}'"  # "Hot flashes? Doctors swear by it."
            if reason:
                drug, named = _nearer_drug(sentence, condition, drug, named, cue)
                if cue is not None and (agent := _passive_agent(sentence, cue)) is not None:
                    drug, named = agent.label_, agent  # "Theo's fever was handled with children's Tylenol"
            if (column := sentence.column_drug(condition.start_char) or sentence.row_drug(condition.start_char)) \
                    is not None:
                drug, named = column, None  # "| Main uses | nausea | motion sickness |": each column's drug; "|
                # Metoprolol | 25 mg | Lowers BP |": the row's
            respective = _respective_drug(sentence, position) if reason else None
            if respective is not None:
                drug, named = respective.label_, respective  # "Zoloft and Ambien, for panic and insomnia respectively"
            if drug is None or drug == OTHER:
                continue
            presenter = cue.start if cue is not None else _for_of(sentence, condition) if reason == "'for'" else None
            owners = _owners(sentence, presenter, drug, named) if reason and respective is None else [(drug, named)]
            for owner, name in owners:
                claims.append(UseClaim(
                    age_years=_stated_age(sentence.text),
                    groups=use_groups(doc, sentence.span, condition, sentence.drugs) if reason else (),
                    products=_use_products(doc, sentence, condition, owner, name, reference),
                    drug=owner, condition_ids=condition._.condition_ids, start=condition.start_char,
                    end=condition.end_char, text=condition.text, sentence_start=sentence.span.start_char,
                    sentence_end=sentence.span.end_char,
                    block=sentence.block_index if sentence.block_index is not None else -1,
                    presented_as_use=bool(reason), negated=negated or _name_denied(sentence, name),
                    hedged=hedged or in_scope(sentence, "hedge", condition) and not ENDORSED.search(sentence.text),
                    off_label=off_label or in_scope(sentence, "off_label", condition), reason=reason))
        if not (asked and direct):
            claims += [use for use in _unlisted_uses(doc, sentence, main, reference, hedged, off_label, uses_context,
                                                     testimonies + purposes)
                       if question is None or not question.start_char <= use.start < question.end_char]
    return _rebutted(_refuted(_relief_consequences(claims, sentences), sentences), sentences)


QUOTE_MARKS = "\"'“”‘’ "


def _use_list_items(sentences: list[_Sentence]) -> dict[int, str]:
    """The sentences of list items under a lead that presents them as uses ("Here's what the
    guys on our forum swear by:", "Perks you may not hear about:"), to the end of the list:
    {sentence index: why}."""
    items: dict[int, str] = {}
    lead = ""
    for index, sentence in enumerate(sentences):
        block = sentence.block
        if block is not None and block.kind == "item":
            if lead:
                items[index] = lead
        elif block is not None and block.kind != "item":
            text = sentence.text.strip().rstrip(QUOTE_MARKS)  # '"Bonus benefits some patients notice:"'
            lead = f"listed under '{text}'" if text.endswith(":") and heading_kind(text) == "uses" else ""
    return items


FACT_LABEL = re.compile(r"^\W*(?:the )?(?:fact|facts|truth|reality|verdict|answer|bottom line)\b", re.I)


def _fact_answers(doc: Doc, sentences: list[_Sentence]) -> set[int]:
    """The sentences the article asserts under a myth or research heading: from a block
    labelled "Fact:" ("**Fact:** The list of extras keeps growing: ...") to the next heading.
    The myth itself stays hedged."""
    asserted: set[int] = set()
    answering = False
    for index, sentence in enumerate(sentences):
        block = sentence.block
        if block is not None and block.kind == "heading":
            answering = False
        elif FACT_LABEL.match(_label_text(doc, sentence) or (line.group(1) if (line := LINE_LABEL.search(sentence.text))
                                                             else "")):
            answering = True
        if answering:
            asserted.add(index)
    return asserted


YES_NO_OPENERS = frozenset({"can", "could", "does", "do", "did", "is", "are", "was", "will", "would", "should",
                            "may", "might", "has", "have"})


ANSWERED_YES = re.compile(r"^\W*(?:yes\b|yep\b|yeah\b|true\b(?!\s+or\b)|fact\b(?!\s+or\b)|(?:oh,?\s+)?(?:absolutely|definitely|sure|of course|totally)\b(?!\s+not\b)|"
                          r"it (?:does|is|can|will)(?=\s*(?:[.!,;]|$|indeed\b|really\b))|"  # "It is." not "It is best to ask"
                          r"(?:[\w']+\s+){0,5}(?:swear|swears|say|says|agree|agrees)\s+(?:it (?:is|does|can|will)|yes|so)\b|"
                          r"(?:[\w']+\s+){0,4}answer(?:\s+[\w']+){0,4}\s+(?:is|was) yes\b)", re.I)  # "The answer her friend gave was yes"


def _answered_yes(following: _Sentence | None) -> bool:
    """True when the sentence after a question answers it yes ('A few of my readers swear it
    is.', 'Plenty of members say yes.')."""
    return following is not None and ANSWERED_YES.match(_answer_text(following.text)) is not None


ANSWERED_NO = re.compile(r"\W*(?:no\b|nope\b|not at all\b|not really\b|absolutely not\b|of course not\b|"
                         r"definitely not\b|never\b|zero\b|none\b|false\b|myth\b|fiction\b)", re.I)


def _answered_no_text(answer: _Sentence | None) -> bool:
    """True when a reply opens with a no ('Nope.', 'A: No, it is a muscle relaxer.')."""
    return answer is not None and ANSWERED_NO.match(_answer_text(answer.text)) is not None


def _answered_no(sentence: _Sentence, following: _Sentence | None) -> bool:
    """'Is it addictive? Not at all.': a yes/no question the next sentence answers no
    mentions no warning; it denies one."""
    return _yes_no_question(sentence) and _answered_no_text(following)


SAFETY_QUESTION = re.compile(r"\b(?:safe\w*|ok|okay|dangerous|risky|harmful|interact\w*|mix\w*|combine\w*|cause\w*|"
                             r"addictive|allowed|pregnan\w*|breastfeed\w*|side effects?|withdrawal|together|"
                             r"(?:take|use) \w+ with|with (?:my|your|her|his|their|other|another)|interfer\w*|"
                             r"(?:mess|screw)\w* (?:with|up)|weaken\w*|cancel\w* out|less effective|stop \w+ from working)\b",
                             re.I)  # interactions: "Does modafinil mess with birth control? Yes."
TOPIC_QUESTION_WORDS = 8  # "Diabetic foot pain from neuropathy?", "What about dry eyes from Sjogren's?"
AFFIRMS_USE = re.compile(r"^\W*(?:yes\b|yep\b|yeah\b|absolutely\b|definitely\b|of course\b|"
                         r"it(?:'s|’s| is) (?:also )?(?:usually |often |still |always |honestly |really )?"
                         r"(?:the |a |an |our |my |your |his |her |their )?(?:total |absolute |real |true |literal |complete )?"
                         r"(?:go-to|first[- ]line|first choice|first pick|"
                         r"drug of choice|answer|best bet|best|great|good|helpful|effective|useful|lifesaver|godsend)\b"
                         r"(?!\s+(?:to|if|that)\b)|"
                         r"it (?:works|helps|worked|helped)\b|"
                         r"(?:(?:a|the) (?:[\w-]+ )?dose of )?it (?:can|could|may|might|will|would|does|should) "
                         r"(?:really |definitely |absolutely |often |usually |sometimes )?(?:help|work|keep|prevent|stop|fix|"
                         r"treat|clear|calm|ease|quiet|knock|settle|cure|tame|manage|control)\b|"  # "Gabapentin can help a lot"
                         r"it(?:'s|’s| is) (?:also )?(?:a |an |the |one of the )?(?:[\w-]+ ){0,2}(?:options?|choices?|picks?|fix)"
                         r" for (?:that|those|them|it)\b|"  # "Neurontin is a decent option for those too"
                         r"(?:[\w']+,?\s+){0,5}(?:swear|swears|rave|raves) (?:by|about) it\b|"
                         r"(?:[\w']+,?\s+){0,5}(?:recommend|recommends|prescribe|prescribes|reach for|reaches for) it\b|"
                         r"it\s*(?:,\s*)?(?:every time|hands down|for sure|all the way|no question)?\s*[.!]*\s*$)",
                         re.I)  # "It is best to ask your doctor" answers nothing


CHECKING_QUESTION = re.compile(r"^\W*(?:(?:is|was) (?:that|this|it) (?:really |actually )?(?:true|legit|right|correct|real|a thing|"
                               r"accurate|so)|(?:is )?(?:that |this )?(?:true|legit|real|accurate|correct)|really|"
                               r"fact or (?:myth|fiction)|myth or fact|any truth to (?:that|this|it)|thoughts|"
                               r"(?:does|do|can|could|would) (?:it|that|this|they)(?: really| actually)?)\W*\?[\s\W]*"
                               r"(?:(?:--|—|–)\s*[\w .,'’-]{0,40})?$", re.I)  # "True?", "Is that legit?", "-- Skeptical"


def _having_topic(sentence: _Sentence) -> bool:
    """'Have OCD?', 'Have insomnia?': a question that only names what the reader has, as 'Got
    OCD?' does; not 'Have you tried it?'."""
    words = sentence.question_words
    return words[:1] == ["have"] and len(words) > 1 and words[1] not in QUESTION_SUBJECTS


QUESTION_SUBJECTS = frozenset({"you", "u", "ya", "i", "we", "they", "he", "she", "it", "y'all", "anyone", "anybody"})


def _topic_question(sentence: _Sentence) -> bool:
    """A question that only names a topic ('Hot flashes?', 'What about dry eyes from
    Sjogren's?'): no verb of its own, a few words, ending in '?'."""
    words = sentence.question_words
    if words[:2] in (["what", "about"], ["how", "about"]):
        words = words[2:]
    return 0 < len(words) <= TOPIC_QUESTION_WORDS and not YES_NO_OPENERS.intersection(words) \
        and not {"it", "they", "this", "that", "i", "you", "we"}.intersection(words)


def _affirms_use(following: _Sentence | None) -> bool:
    """True when the sentence after a question answers it by affirming the drug helps
    ('Yes.', 'It is the go-to.', 'Some doctors swear by it.'), not by a side effect."""
    if following is None:
        return False
    answer = AFFIRMS_USE.match(_answer_text(_drugs_as_it(following)))
    return answer is not None and not ANSWER_DENIERS.intersection(answer.group().lower().replace(",", " ").split())


ANSWER_DENIERS = frozenset({"nobody", "no", "not", "never", "don't", "doesn't", "shouldn't", "wouldn't", "won't",
                            "can't", "cannot", "few"})  # "Nobody should reach for it after drinking"


SPEAKER_LABEL = re.compile(r"^[\s*_>#-]*[^\W\d_][\w /()'.-]{0,30}:[\s*_]*")  # "**A:**", "Host:", "Caller 2:"


TURNS_OUT = re.compile(r"^\W*(?:and\s+|but\s+)?(?:it\s+)?(?:turns|turned) out(?:\s+that)?\s*|^\W*(?:and|but)\s+", re.I)


SAID_YES = re.compile(r"\b(?:and|but)\s+(?:[\w']+\s+){0,3}?(?:said|says|told (?:her|him|them|me|us))\s+(?:yes|sure|ok(?:ay)?)\b"
                      r"|\b(?:and|but)\s+(?:[\w']+\s+){0,3}?(?:agreed|okayed|approved it)\b", re.I)


def _answered_within(sentence: _Sentence, question: tuple[int, int]) -> bool:
    """True when the sentence answers a reported question yes: after its closing dash or comma
    ('— turns out it does', ', and yes, it works') or in a clause of its own ('asked if he
    could have an extra dose to help him sleep and the nurse said yes')."""
    doc = sentence.doc
    if SAID_YES.search(doc[question[0]:sentence.span.end].text):
        return True
    if question[1] >= sentence.span.end:
        return False
    rest = TURNS_OUT.sub("", doc[question[1] + 1:sentence.span.end].text, count=1)
    return ANSWERED_YES.match(rest) is not None or AFFIRMS_USE.match(rest) is not None


def _answer_text(text: str) -> str:
    """An answer's words without the speaker's label before them ('A: No.' -> 'No.')."""
    return SPEAKER_LABEL.sub("", text, count=1)


def _drugs_as_it(sentence: _Sentence, start: int | None = None) -> str:
    """The sentence's words (from token `start`, else all) with each drug name written 'it'
    ('Dermatologists swear by finasteride' -> '... swear by it'), so one pattern reads an
    answer that names the drug."""
    if not sentence.drugs and start is None:
        return sentence.text
    doc, words, i = sentence.doc, [], sentence.span.start if start is None else start
    while i < sentence.span.end:
        name = next((d for d in sentence.drugs if d.start == i), None)
        words.append(f"it{doc[name.end - 1].whitespace_}" if name is not None else doc[i].text_with_ws)
        i = name.end if name is not None else i + 1
    return "".join(words)


def _yes_no_question(sentence: _Sentence) -> bool:
    """'Can it treat a regular UTI?', 'Does Zoloft help with hot flashes?': a yes/no question
    asks, it does not assert. A wh-question ('Why is it so good for X?') or a negative one
    ('Isn't it amazing how it knocks out X?') presupposes the use."""
    if QUIZ_PROMPT.match(sentence.text):
        return True  # "True or false: Qsymia is approved for seizures."
    if (said := HEARSAY_OPENER.match(sentence.text)) and "?" in sentence.text[said.end():] \
            and not QUESTION_CLAUSE.search(sentence.text, said.end(), sentence.text.index("?", said.end())) \
            and not BORNE_OUT.search(sentence.text, said.end()):
        return True  # "someone in my group chat said hydroxyzine treats ADHD??": asks whether it is so (not
        # "my neighbor said it's the go-to for Lyme, should I keep some around?": a question of its own)
    words = sentence.question_words
    return bool(words) and words[0] in YES_NO_OPENERS and (len(words) < 2 or words[1] not in ("n't", "not"))


HEARSAY_OPENER = re.compile(r"^\W*(?:(?:some(?:one|body)|people|a friend|a coworker|my [\w-]+|i|we|they)\b[^?.!]{0,40}?"
                            r"\b(?:said|says|told me|tell me|claims?|claimed|swears?|heard|read|saw)\b|(?:i )?heard\b"
                            r"|apparently\b|is it true\b)", re.I)  # what someone else said, asked back
BORNE_OUT = re.compile(r"\band (?:it|they|that|she|he) (?:\w+ )?(?:did|does|worked|works|helped|helps|cleared it|fixed it)\b",
                       re.I)  # "my derm said it would clear my acne and it honestly did help??": said, then borne out
QUESTION_CLAUSE = re.compile(r"[,;]\s*(?:so\s+|and\s+|but\s+)?(?:should|can|could|do|does|did|is|are|would|will|what|"
                             r"how|why|when|where|any)\b", re.I)  # a question of its own after the hearsay
QUIZ_PROMPT = re.compile(r"^\W*(?:true\s*(?:or|/)\s*false|t\s*/\s*f|fact\s+or\s+(?:fiction|myth)|myth\s+or\s+fact)\s*[:?.\-–—]",
                         re.I)  # a quiz's statement to judge asks, it does not assert


def _verbless_question(sentence: _Sentence, following: _Sentence | None) -> bool:
    """'- metformin for the weight? (Dr. mentioned)': a question '<drug> for <X>?' that nothing
    in its block answers asks, unless what follows affirms it. One the block goes on to answer
    ('Zyrtec for sleepless nights? Our store manager's nightly ritual is one tablet') is a
    teaser; 'Menopause hot flashes? ...' names no drug: a topic question."""
    words = sentence.question_words
    if not words or len(words) > VERBLESS_QUESTION_WORDS or not sentence.text.rstrip().endswith("?"):
        return False
    led = any(d.end < sentence.span.end and sentence.doc[d.end].lower_ == "for" for d in sentence.drugs)
    answered = following is not None and following.block_index == sentence.block_index \
        and not following.text.rstrip().endswith("?") and not _answer_text(following.text).lstrip().startswith("(")
    return led and not answered and not FINITE_WORDS.intersection(words)


VERBLESS_QUESTION_WORDS = 8  # "metformin for the weight?": a drug, 'for' and a few words


ASKING = frozenset(form for verb in ("ask", "wonder", "inquire", "enquire", "question") for form in verb_forms(verb)) \
    | {"know"}  # "wants to know whether"
ASKED_REACH = 3  # words between the asking verb and 'if' ("asked her pharmacist if")
QUESTION_ENDS = frozenset({",", ";", "—", "–", ":"})


def _indirect_question(sentence: _Sentence) -> tuple[int, int] | None:
    """'A listener texted to ask if it fixes back pain', 'Readers wonder whether Xanax helps
    with tinnitus': the tokens of a question reported, not a use asserted, from its 'if' to the
    sentence's end or a dash or comma that closes it ('someone asked if it's good for anxiety
    — my GP said no'; 'She asked if she could try it, and now it fixes her back pain' asserts one)."""
    words = lowered(sentence.doc)[sentence.span.start:sentence.span.end]
    for i, word in enumerate(words):
        if word in ("if", "whether") and any(w in ASKING for w in words[max(0, i - ASKED_REACH - 1):i]):
            end = next((j for j in range(i + 1, len(words)) if words[j] in QUESTION_ENDS), len(words))
            return sentence.span.start + i, sentence.span.start + end
    return None


def _question_words(sentence: _Sentence) -> list[str]:
    """The lowercase words of a question: a sentence that ends in '?', or one that opens with
    an auxiliary before its subject, as chat writes questions ('does anyone take Xanax for
    vertigo'); none for any other sentence."""
    asks = sentence.text.rstrip().endswith("?") or QUESTION_THEN_ASIDE.search(sentence.text) is not None
    if not asks and YES_NO_OPENERS.isdisjoint(lowered(sentence.doc)[sentence.span.start:sentence.span.end]):
        return []  # the fast test first: most sentences neither end in '?' nor hold an auxiliary
    tokens = sentence.span
    colon = next((i for i, t in enumerate(tokens[:SPEAKER_LABEL_TOKENS]) if t.text.endswith(":")), None)
    if colon is not None:  # "Q (u/not_a_doc): Can prednisone treat ...?", "Jess [9:50 PM]: does anyone ...": the
        tokens = tokens[colon + 1:]  # speaker's label is no word of it
    words = (t.lower_ for t in tokens if not t.is_punct and not t.is_space)
    if asks:
        return list(words)
    opening = list(itertools.islice(words, 2))  # only a question's words are read whole
    if len(opening) > 1 and opening[0] in YES_NO_OPENERS and opening[1] in INVERTED_SUBJECTS:
        return opening + list(words)
    return []


QUESTION_THEN_ASIDE = re.compile(r"(?=[?!]*\?)[?!]{2,}[ \t]+[a-z]")  # "Does it help with anxiety?? asking for a
# friend", "... the stomach flu??? my son has been throwing up": the asker's aside, still the question


INVERTED_SUBJECTS = frozenset({"anyone", "anybody", "someone", "somebody", "you", "u", "ya", "i", "it", "we", "he",
                               "she", "they", "this", "that", "there", "people", "ppl"})  # "does anyone ...", "is it ..."


SPEAKER_LABEL_TOKENS = 10  # "Q (u/name):", "Caller 2:", "Question from Maria:"
CALLED_LIKE = frozenset({"basically", "essentially", "practically", "effectively"})
TREAT_FORMS = frozenset(phrase_forms("treat"))  # "treat Plan B as their birth control"
FAILING_MANNER = frozenset({"poorly", "badly", "terribly", "horribly", "awfully"})  # "works poorly as a sleep aid":
# said to fail at it
SERVES_AS = frozenset({"doubles", "double", "doubled", "works", "worked", "serves", "served", "acts", "acted", "used"})


def _used_as(sentence: _Sentence, index: int) -> bool:
    """True when token `index` is the drug (a name or a word standing for it) right after a
    verb of taking, using or relying: 'use it | as', 'treat Plan B | as', 'swears by Tylenol | as'."""
    doc = sentence.doc
    drug = sentence.drug_at(index)
    start = drug.start if drug is not None else index if refers_to_drug(doc, index) else None
    if start is None or start <= sentence.span.start:
        return False
    if start - 2 >= sentence.span.start and f"{doc[start - 2].lower_} {doc[start - 1].lower_}" in RELYING_FORMS:
        return True  # "swears by Tylenol as altitude sickness prevention"
    verb = start - 1 if doc[start - 1].lower_ not in POSSESSIVE_DRUG_OPENERS or start - 2 < sentence.span.start else start - 2
    if doc[verb].lower_ == "of":  # "takes a low dose of Remeron as": past the amount to its verb
        verb -= 1
        while verb > sentence.span.start and (doc[verb].lower_ in AMOUNT_OF_WORDS or doc[verb].like_num
                                              or doc[verb].lower_ in DETERMINERS):
            verb -= 1
    return doc[verb].lower_ in purpose_forms() or doc[verb].lower_ in TREAT_FORMS  # "using my Estrace as"


POSSESSIVE_DRUG_OPENERS = frozenset({"my", "her", "his", "their", "our", "your", "the"})  # "uses her Xanax as"
AMOUNT_OF_WORDS = frozenset({"dose", "doses", "low", "small", "tiny", "little", "bit", "mg", "milligrams", "amount",
                             "half", "quarter", "sliver", "splash", "touch"})  # "a low dose of", "a bit of", "25 mg of"


def _used_as_condition(sentence: _Sentence, condition: Span) -> int | None:
    """The 'as' before a condition that a verb of using gives the drug as ('been using my Estrace
    as birth control', 'takes Benadryl as a sleep remedy'): its token, else None."""
    words, at = lowered(sentence.doc), condition.start - 1
    while at > sentence.span.start and words[at] in ("a", "an", "her", "his", "my", "their", "our", "your"):
        at -= 1
    return at if at - 1 > sentence.span.start and words[at] == "as" and _used_as(sentence, at - 1) else None


RELYING_FORMS = frozenset(form for verb in ("swear by", "rely on", "count on", "turn to", "lean on")
                          for form in phrase_forms(verb))


BEFORE_GOAL_HEAD = frozenset({"-", "prevention", "relief", "control", "management"})  # "headache-prevention pill"
APPOSITION_OPENERS = frozenset({"a", "an", "the", "my", "her", "his", "their", "our", "your"})
NOT_ADJECTIVES = APPOSITION_OPENERS | COPULAS | CALLED_LIKE | SERVES_AS | NEGATORS | DETERMINERS | {"like", "with", "for"}


def _called_a_goal_aid(sentence: _Sentence, condition: Span) -> bool:
    """'it doubles as a sleep aid', 'Adderall is a handy diet pill', 'Tamiflu is basically a
    COVID pill': a goal compound (a lexicon condition ending in aid, pill, hack ..., or one
    that such a head follows) that the sentence calls the drug, by a copula or 'as' before
    it. 'Do not mix it with sleep aids' calls the drug nothing."""
    doc = sentence.doc
    heads = goal_heads()
    headed = len(condition) >= 2 and condition[-1].lower_ in heads
    head_at = condition.end
    while head_at < min(sentence.span.end, condition.end + 2) and doc[head_at].lower_ in BEFORE_GOAL_HEAD:
        head_at += 1  # "my headache-prevention pill", "her migraine relief pill"
    head_follows = head_at < sentence.span.end and doc[head_at].lower_ in heads
    before_class = condition.start - 1
    if before_class > sentence.span.start and doc[before_class].is_quote:  # 'calls it his "anti-aging pill"'
        before_class -= 1
    while before_class > sentence.span.start and doc[before_class].lower_ in nickname_descriptors():
        before_class -= 1  # "my bonus diet pill", "her go-to sleep aid"
    adjectives = 0
    while adjectives < 2 and before_class > sentence.span.start and doc[before_class].is_alpha \
            and doc[before_class].is_lower and doc[before_class].lower_ not in NOT_ADJECTIVES:
        before_class, adjectives = before_class - 1, adjectives + 1  # "a gentle antidepressant", "a mild sleeping pill"
    comma = word_before(doc, before_class)
    if (headed or head_follows) and comma - 1 >= sentence.span.start \
            and doc[before_class].lower_ in APPOSITION_OPENERS and doc[comma].text == "," \
            and sentence.drug_at(comma - 1) is not None \
            and apposition_closes(doc, sentence.span, head_at + 1 if head_follows else condition.end):
        return True  # "Zofran, the best hangover cure, is in my bag": an apposition
    if before_class > sentence.span.start and doc[before_class].lower_ in ("a", "an", "my", "her", "his", "their", "our"):
        if _called_by_name(sentence, before_class):
            return True  # "she calls it her antidepressant", "calling these Norco tablets my bonus diet pill"
        if doc[before_class].lower_ != "a" and _hedged_copula(sentence, before_class):
            return True  # "it's kind of my antidepressant", "Xanax is pretty much her sleeping pill"
        if doc[before_class].lower_ not in ("a", "an") and before_class - 1 > sentence.span.start \
                and doc[before_class - 1].lower_ in ("is", "'s", "’s", "was", "became") \
                and (headed or head_follows or CLASS_NOUN.search(condition[-1].lower_)):
            return True  # "estradiol is their antidepressant": someone's, not a class ("Zoloft is an antidepressant")
        before_class -= 1
    if before_class >= sentence.span.start and doc[before_class].lower_ in CALLED_LIKE:
        return True  # "basically an antidepressant": the drug called by what its class is for
    if before_class > sentence.span.start and doc[before_class].lower_ == "as":
        verb = before_class - 1
        words = lowered(doc)
        while verb > sentence.span.start + 1 and (words[verb] in PASSIVE_ADVERBS or words[verb] in DEGREE_WORDS
                                                  or words[verb].endswith("ly")):
            verb -= 1  # "it works nicely as an antidepressant", "served quite effectively as a painkiller"
        if FAILING_MANNER.intersection(words[verb:before_class]):
            return False
        if words[verb] in SERVES_AS or _used_as(sentence, verb):
            return True  # "use it as their antidepressant", "it doubles as a cough quieter"
    if condition[0].lower_ in DETERMINERS or not (headed or head_follows):
        return False
    if _named_as_goal_aid(sentence, condition)[0]:
        return True  # "My migraine med is gabapentin now": the subject names the drug after the copula
    if condition.start > sentence.span.start and _subjectless(sentence, condition.start) \
            and not sentence.text.rstrip().endswith("?"):
        return True  # "Honestly best diet pill ever.": a reviewer's fragment calls the drug one ("Sleeping pills?" asks)
    before = [t.lower_ for t in sentence.doc[max(sentence.span.start, condition.start - CALLED_REACH):condition.start]]
    copula = max((i for i, word in enumerate(before) if word in COPULAS), default=None)
    return copula is not None and not NOT_CALLED_BETWEEN.intersection(before[copula:])
    # not "mix it with sleep aids", "It has been a year of trying sleeping pills"


OWNERS = frozenset({"my", "his", "her", "their", "our", "your", "'s", "’s"})
TIME_FILLERS = frozenset({"now", "currently", "these", "days", "right", "nowadays", "lately"})
COMPLEMENT_REACH = 3  # words from the copula to the drug ("is plain old gabapentin")


def _named_as_goal_aid(sentence: _Sentence, condition: Span) -> tuple[str | None, Span | None]:
    """The drug a sentence names after a copula when its subject is someone's goal compound:
    'My migraine med is gabapentin now', 'My wife's sleeping pill is tizanidine' (the drug and
    its name, else (None, None))."""
    doc, words = sentence.doc, lowered(sentence.doc)
    opening = [i for i in range(sentence.span.start, condition.start) if not (doc[i].is_punct and words[i] not in OWNERS)
               and not is_markup(doc[i])]
    if not opening or len(opening) > 4 or words[opening[0]] not in OWNERS and words[condition.start - 1] not in OWNERS:
        return None, None
    heads, at = goal_heads(), condition.end
    while at < sentence.span.end and (words[at] in BEFORE_GOAL_HEAD or words[at] in heads):
        at += 1  # past "med", "pill", "relief pill"
    if at > condition.end + 2 or (at == condition.end and condition[-1].lower_ not in heads):
        return None, None
    while at < min(sentence.span.end, condition.end + 4) and words[at] in TIME_FILLERS:
        at += 1  # "My migraine med these days is ..."
    if at >= sentence.span.end or words[at] not in ("is", "'s", "’s", "was"):
        return None, None
    for k in range(at + 1, min(sentence.span.end, at + 1 + COMPLEMENT_REACH)):
        if (named := sentence.drug_at(k)) is not None:
            return (named.label_, named) if named.label_ != OTHER else (None, None)
        if doc[k].is_punct or words[k] in NEGATORS:
            break
    return None, None


CLASS_NOUN = re.compile(r"(?:ant|ic|ive|killer|reliever|blocker|thinner|inhibitor|suppressor)s?$")  # "antidepressant",
# "antibiotic", "laxative", "painkiller": a kind of medicine, not a complaint ("the reason is my sweaty palms")


NOT_CALLED_BETWEEN = frozenset({"with", "trying", "taking", "using", "mixing", "combining", "stopping", "quitting",
                                "avoiding", "skipping", "buying", "comparing"})  # a copula that calls the drug nothing


HEDGE_WORDS = (("kind", "of"), ("sort", "of"), ("pretty", "much"), ("more", "or", "less"), ("like",),
               ("literally",), ("honestly",), ("really",), ("totally",), ("just",))


def _hedged_copula(sentence: _Sentence, opener: int) -> bool:
    """True when a copula and a hedge ('kind of', 'pretty much', 'like', 'literally') stand right
    before the possessive at `opener`: 'it's kind of my antidepressant' calls the drug one."""
    words = lowered(sentence.doc)
    for hedge in HEDGE_WORDS:
        start = opener - len(hedge)
        if start - 1 >= sentence.span.start and tuple(words[start:opener]) == hedge and words[start - 1] in COPULAS:
            return True
    return False


PEOPLE = frozenset({"people", "women", "men", "folks", "those", "anyone", "everyone", "kids", "adults", "patients",
                    "customers", "clients", "members", "readers", "users", "athletes", "students", "moms", "dads",
                    "patient", "person", "woman", "man", "child", "kid", "adult", "customer", "client", "member",
                    "residents", "guests", "employees", "seniors", "teens",
                    "uncle", "aunt", "brother", "sister", "mom", "dad", "mother", "father", "grandma", "grandpa",
                    "grandmother", "grandfather", "husband", "wife", "son", "daughter", "cousin", "friend", "neighbor",
                    "neighbour", "boyfriend", "girlfriend", "partner", "coworker", "roommate", "buddy", "pal",
                    "colleague", "niece", "nephew", "grandson", "granddaughter", "stepmom", "stepdad", "bestie",
                    "fiance", "fiancee", "classmate", "teammate"})  # "my uncle with AFib", "a buddy with prediabetes"
EVERY = frozenset({"every", "each", "any", "all", "many", "some", "most", "her", "his", "my", "our"})  # "to every patient with"
ADVISED = frozenset({"should", "must", "need", "needs", "may", "might", "can", "cannot", "can't", "shouldn't", "won't",
                     "will", "ought", "mustn't", "not", "never", "don't", "doesn't", "avoid"})
TAKER_VERBS = ("swear by", "love", "rave about", "praise", "prefer", *("take", "use", "pop", "count on", "rely on",
                                                                      "turn to", "ask for", "buy", "be on", "get", "receive", "add"))
SAYING = frozenset({"say", "says", "said", "find", "finds", "found", "report", "reports", "reported", "claim",
                    "claims", "swear", "swears", "feel", "feels"})
MAX_TAKER_GAP = 4  # words between the condition and the verb ("with PCOS in our clinic swear by it")


@cache
def _taker_forms() -> dict[str, str]:
    """Every form of the first word of each taker verb ('swears', 'took', 'are') -> the verb."""
    return {form: verb for verb in TAKER_VERBS for form in phrase_forms(verb.split()[0])}


COORDINATING = frozenset({"and", "or", ",", "both", "either", "plus", "&", "+", "with", "along", "together",
                          "combined", "alongside", "paired", "teamed", "stacked"})  # "famotidine with Zyrtec", "Lexapro
# along with trazodone", "famotidine paired with cetirizine is our go-to for"
CHAIN_REACH = 3  # words between the last name of a chain and the word presenting the use ("both are approved")


def _owners(sentence: _Sentence, presenter: int | None, drug: str, named: Span | None) -> list[tuple[str, Span | None]]:
    """Whose use it is: each drug of a chain named just before the presenting word at
    `presenter` ("Sertraline and fluoxetine both treat PTSD", "Zoloft plus Wellbutrin for
    ADHD": a use of each), else the one drug found."""
    chain = _coordinated(sentence, presenter) if presenter is not None else []
    return [(name.label_, name) for name in chain] if len(chain) > 1 else [(drug, named)]


def _coordinated(sentence: _Sentence, before: int) -> list[Span]:
    """The profiled drugs named together just before token `before`, joined only by 'and',
    'or', 'plus', '(together) with', commas and 'both' ('Sertraline and fluoxetine both
    treat', 'Both Lexapro and Zoloft are approved for', 'Lexapro together with trazodone for'):
    each owns what follows. One name, or none, is no chain."""
    doc, start = sentence.doc, sentence.span.start
    last = next((d for d in sorted(sentence.drugs, key=lambda d: -d.start)
                 if d.end <= before and before - d.end <= CHAIN_REACH), None)
    if last is None or any(doc[i].is_punct for i in range(last.end, before)):
        return []
    chain, i, joiners = [last], last.start - 1, []
    while i >= start and doc[i].lower_ in COORDINATING:
        joiners.append(doc[i].lower_)
        while i > start and doc[i - 1].lower_ in COORDINATING:
            i -= 1  # "together with", "and also"
            joiners.append(doc[i].lower_)
        i -= 1
        other = sentence.drug_at(i)
        if other is None:
            break
        chain.append(other)
        i = other.start - 1
    if len(chain) == 2 and set(joiners) <= {","} and doc[last.end].lower_ not in ("both", "all"):
        return []  # "you need amoxicillin, Tylenol is only for the fever": two names a comma parts, no list
        # (but "Zoloft, Lexapro both work for")
    named = [d for d in chain if d.label_ != OTHER]
    return named if len(named) == len(chain) and len({d.label_ for d in named}) > 1 else []


def _people_word(token, sentence_start: int) -> bool:
    """A word for people ('patients', 'women') or for a group of them ('sufferers', 'warriors')."""
    return token.lower_ in PEOPLE or token.lower_ in GROUP_NOUNS or token.is_alpha \
        and (token.is_lower or token.i == sentence_start) and token.lower_.endswith(("ers", "ians", "ists"))


GROUP_NOUNS = frozenset({"warriors", "girls", "guys", "ladies", "crowd", "community", "peeps", "mamas", "families",
                         "parents", "veterans", "vets", "group", "groups", "forum", "forums", "tribe", "squad",
                         "club"})  # "fibro warriors", "the PCOS crowd", "my restless legs support group"
GROUP_KINDS = frozenset({"support", "online", "facebook", "local", "whatsapp", "reddit", "patient", "chat"})


def _group_after(sentence: _Sentence, index: int) -> int | None:
    """The people word right after a condition ('fibro warriors'), past one word saying what
    kind of group ('restless legs support group'), or None."""
    doc, end = sentence.doc, sentence.span.end
    if index < end and doc[index].lower_ in GROUP_KINDS and index + 1 < end and doc[index + 1].lower_ in GROUP_NOUNS:
        index += 1
    if index < end and _people_word(doc[index], sentence.span.start) \
            and doc[index].lower_ not in ("those", "anyone", "everyone"):
        return index
    return None


def _group_favourite(sentence: _Sentence, after_group: int) -> str | None:
    """The use noun a group owns right after it ('the fibro crowd's holy grail', 'the PCOS
    girls' go-to'), or None."""
    doc, end = sentence.doc, sentence.span.end
    if after_group >= end or doc[after_group].lower_ not in ("'s", "’s", "'", "’"):
        return None
    words = [t.lower_ for t in doc[after_group + 1:min(end, after_group + 4)]]
    phrases = {" ".join(words[first:last]) for first in (0, 1) for last in range(first + 1, len(words) + 1)}
    return next((noun for noun in use_predicates().nouns if noun in phrases), None)  # past one adjective


def _people_with_take(sentence: _Sentence, condition: Span, main: str | None,
                      reference: Reference) -> tuple[str, Span | None] | None:
    """'Women with PCOS swear by it', 'Patients with restless legs love Dilaudid', 'Fibro
    warriors swear by it': people named by the condition they have, who take, use or praise
    the drug, with no advice or denial between ('People with kidney disease should take less
    of it' is a caution).
    Returns the words that present the use and the drug's name (None for 'it'), or None."""
    doc, start = sentence.doc, sentence.span.start
    before, modifiers = condition.start - 1, 0
    while before > start and (doc[before].lower_ in DETERMINERS or modifiers < 2 and doc[before].is_lower
                              and doc[before].is_alpha and doc[before].lower_ not in NOT_MODIFIERS
                              or 0 < modifiers < 2 and doc[before].text == ","):  # "a raw, scratchy sore throat"
        modifiers += doc[before].is_alpha and doc[before].lower_ not in DETERMINERS  # "toddlers with a stubborn cough"
        before -= 1
    if before > start and doc[before].lower_ == "with" and _people_word(doc[before - 1], start):
        who, after_who = doc[before - 1], condition.end
        if (given := _given_to(sentence, who.i)) is not None:
            return given  # "doctors give atorvastatin to kids with high cholesterol"
    elif before > start and doc[before].lower_ == "who":
        return _given_to_who(sentence, condition)  # "urologists hand vardenafil to men who finish too quickly"
    elif (group := _group_after(sentence, condition.end)) is not None:
        who, after_who = doc[group], group + 1  # "Fibromyalgia patients like me have relied on Soma",
        # "my restless legs support group swears by the stuff"
    else:
        return None
    if (favourite := _group_favourite(sentence, after_who)) is not None:  # "It's the fibro crowd's holy grail"
        subject = next((i for i in range(start, condition.start)
                        if sentence.drug_at(i) is not None or refers_to_drug(doc, i)), None)
        return (f"{who.text}'s {favourite}", sentence.drug_at(subject)) if subject is not None else None  # not "Yoga"
    for i in range(after_who, min(sentence.span.end, after_who + MAX_TAKER_GAP + 1)):
        word = doc[i].lower_
        if word in ADVISED or doc[i].is_punct:
            return None
        if word in SAYING and i + 1 < sentence.span.end and (refers_to_drug(doc, i + 1) or any(
                d.start == i + 1 for d in sentence.drugs)) and any(
                c.label_ in ("use", "benefit") and i + 1 < c.start <= i + 4 for c in sentence.cues):
            return f"{who.text} with ... {doc[i].text} it", None  # "members with BPD say it takes the edge off"
        thriving = _thrive_on(doc, i, sentence.span.end)  # "patients with stubborn rosacea do really well on it"
        if word in _taker_forms() or thriving is not None:
            for j in range(thriving or i + 1, min(sentence.span.end, (thriving or i + 1) + 3)):
                name = sentence.drug_at(j)
                if name is not None or refers_to_drug(doc, j):
                    after = (name.end if name is not None else j + 1)
                    if after < sentence.span.end and (doc[after].lower_ == "to" or doc[after].lower_ == "for" and (
                            any(after < c.start <= after + PURPOSE_CONDITION_REACH
                                and _labeled_for(reference, name.label_ if name is not None else main, c)
                                for c in sentence.conditions)
                            or not (after + 1 < sentence.span.end
                                    and doc[after + 1].lower_ in FILLERS | {"decades", "long"}))):
                        return None  # "women with PCOS take it to get pregnant", "cancer patients take Zofran for
                        # the nausea": the purpose is the use (but "people with fibromyalgia swear by venlafaxine
                        # for the body pain" present fibromyalgia: the purpose named is no labeled use)
                    if any(c.label_ == "harm" and c.start >= after and not sentence.terminated(after, c.start)
                           for c in sentence.cues):
                        return None  # "people with dementia who are given it are more likely to die": a risk
                    return f"{who.text} with ... {doc[i].text}", name
    return None


THRIVING = frozenset({"well", "great", "beautifully", "better", "fine", "wonderfully", "amazingly", "brilliantly",
                      "fantastic", "amazing", "best"})
THRIVING_DEGREE = frozenset({"really", "so", "very", "super", "quite", "pretty", "incredibly", "extremely"})


def _thrive_on(doc: Doc, at: int, end: int) -> int | None:
    """The index after 'on' when 'do (really) well on' starts at token `at` ('do beautifully on
    Intuniv'), else None."""
    words = lowered(doc)
    if words[at] not in DO_FORMS:
        return None
    k = at + 1
    while k < end and words[k] in THRIVING_DEGREE:
        k += 1
    if k + 1 < end and words[k] in THRIVING and words[k + 1] == "on":
        return k + 2
    return None


PURPOSE_CONDITION_REACH = 4  # words from 'for' to the condition it names ("take Zofran for the nausea")


def _labeled_for(reference: Reference, drug: str | None, condition: Span) -> bool:
    """True when a condition span names a labeled use of the drug."""
    profile = reference.profiles.get(drug) if drug else None
    return profile is not None and is_labeled(reference, profile, condition._.condition_ids)


HAVING = frozenset({"has", "have", "had"})  # "who has type 1 diabetes"
BEING = frozenset({"is", "am", "'m", "’m", "was", "'s", "’s"})  # "my fiancé is type 1"
PATIENT_NOUNS = PEOPLE | {"users", "user", "sufferers", "sufferer", "folks", "kids", "teens", "babies", "infants",
                          "toddlers", "children", "seniors", "teenagers"}
GIVEN_FORMS = frozenset(form for verb in ("prescribe", "give", "start", "put", "inject", "add", "switch")
                        for form in verb_forms(verb))  # "was prescribed Jardiance", "has been injecting Victoza"
PATIENT_REACH = 8  # words from the condition to the drug ("..., was prescribed Jardiance by")
CAUTIONING = ADVISED - {"can", "may", "might", "will"}  # "can add it on" presents a use; "should not" cautions


def _patient_taking(sentence: _Sentence, condition: Span, main: str | None,
                    reference: Reference) -> tuple[str, Span | None] | None:
    """'My brother, who has type 1 diabetes, was prescribed Jardiance', 'Our type 1 users
    can add Trulicity on': someone said to have a condition takes, is given or is prescribed
    the drug, when the condition is a sibling of a labeled one (type 1 beside the labeled
    type 2 diabetes) and the sentence gives the drug no other use. Any other condition is
    only who the person is: 'My dad, who has diabetes, takes lisinopril' states no use.
    Returns the words that present the use and the drug's name (None for 'it'), or None."""
    doc, start, end = sentence.doc, sentence.span.start, sentence.span.end
    before = condition.start - 1
    while before > start and doc[before].lower_ in ("a", "an", "the"):
        before -= 1
    noun = condition.end
    while noun < end and noun < condition.end + 2 and doc[noun].is_alpha and doc[noun].lower_ not in PATIENT_NOUNS:
        noun += 1  # "type 1 pump users"
    after = condition.end
    if before > start and doc[before].lower_ in HAVING and doc[before - 1].lower_ == "who":
        how = f"who {doc[before].text}"
    elif before > start and doc[before].lower_ == "with" and doc[before - 1].lower_ in PATIENT_NOUNS:
        how = f"{doc[before - 1].text} with"
    elif before > start and doc[before].lower_ in BEING and (doc[before - 1].lower_ in ("i", "he", "she")
                                                              or doc[before - 1].lower_ in PEOPLE
                                                              or doc[before - 1].text.istitle()):
        how = f"{doc[before - 1].text} {doc[before].text}"
    elif noun < end and doc[noun].lower_ in PATIENT_NOUNS:
        how, after = f"{condition.text} {doc[noun].text}", noun + 1
    else:
        return None
    if len(sentence.conditions) > 1:
        return None  # another condition in the sentence may be the use: this one is who the person is
    for i in range(after, min(end, condition.end + PATIENT_REACH)):
        word = doc[i].lower_
        if word in CAUTIONING or word in ("n't", ".", ";", "?"):
            return None  # "should not take it" cautions; "can add it on" presents
        if word in BEING and not (i + 1 < end and doc[i + 1].lower_ == "on"):
            continue  # "was prescribed": the verb after it presents the drug
        if word in _taker_forms() or word in GIVEN_FORMS:
            for j in range(i + 1, min(end, i + 3)):
                name = sentence.drug_at(j)
                if name is not None or refers_to_drug(doc, j):
                    profile = reference.profiles.get(name.label_ if name is not None else main or "")
                    return (f"{how} ... {doc[i].text}", name) \
                        if profile is not None and _beside_labeled(condition, profile, reference) else None
    return None


def _beside_labeled(condition: Span, profile: Profile, reference: Reference) -> bool:
    """True when the condition shares a broader condition with one of the drug's labeled
    ones without being one of them: type 1 beside type 2 diabetes, both diabetes."""
    for condition_id in condition._.condition_ids:
        broader = reference.ancestors.get(condition_id, frozenset()) - {condition_id}
        for labeled in (c for indication in profile.indications for c in indication.conditions):
            if not reference.related(condition_id, labeled) \
                    and broader & (reference.ancestors.get(labeled, frozenset()) - {labeled}):
                return True
    return False


UNTIL = frozenset({"until", "till", "til"})
UNTIL_SUBJECTS = frozenset({"i", "she", "he", "we", "they", "my", "her", "his", "doctor", "the"})
UNTIL_VERBS = frozenset(form for verb in ("start", "try", "take", "find", "get", "switch", "begin", "put", "add")
                        for form in verb_forms(verb)) | {"on", "to", "me", "him", "her", "doc", "doctor"}
UNTIL_REACH = 6  # words between 'until' and the drug ("until my doctor put me on Lyrica")


def _ended_by_drug(sentence: _Sentence, condition: Span) -> Span | None:
    """'My feet burned for years until gabapentin', 'I had migraines every week until I started
    Topamax': a complaint before 'until', ended by the drug named after it; the name, or None."""
    doc = sentence.doc
    for i in range(condition.end, sentence.span.end):
        if doc[i].lower_ in UNTIL:
            for j in range(i + 1, min(sentence.span.end, i + 1 + UNTIL_REACH)):
                name = next((d for d in sentence.drugs if d.start == j and d.label_ != OTHER), None)
                if name is not None:
                    return name
                if doc[j].lower_ not in UNTIL_SUBJECTS and doc[j].lower_ not in UNTIL_VERBS:
                    return None
            return None
        if doc[i].is_punct and doc[i].text in (";", ":") or doc[i].lower_ in ("but", "because"):
            return None
    return None


def _not_but_for(sentence: _Sentence, index: int) -> bool:
    """True for a 'for' at `index` that opens the affirmed half of a sentence led by 'Not':
    'Not ADHD, but for my fatigue it's been a lifesaver', 'Not for anxiety but for sleep, Xanax
    is great' ('but for the nausea, it's great' alone means 'except for')."""
    doc, start = sentence.doc, sentence.span.start
    opener = next((i + 1 for i in range(min(index, start + HANDLE_REACH) - 1, start - 1, -1) if doc[i].text == ":"), start)
    while opener < index and (doc[opener].is_punct or doc[opener].is_space or is_markup(doc[opener])):
        opener += 1  # "**u/longhauler_J:** Not ADHD but for ...": past a chat handle and its markup
    return index - 1 > opener and doc[index - 1].lower_ == "but" and doc[opener].lower_ == "not"


HANDLE_REACH = 6  # tokens a chat handle before a colon may take


def _named_after_leading_for(sentence: _Sentence, condition: Span, following: _Sentence | None) -> Span | None:
    """The drug a sentence names after a leading 'For <condition>,' when it names none before:
    whose use the 'For' is. A heading that names none ('FOR PAIN OR FEVER') heads the drug
    the next sentence opens with ("Children's ibuprofen ..."), another drug's too."""
    opens = condition.start - sentence.span.start <= 2 and (condition[0].lower_ == "for"
                                                           or sentence.doc[condition.start - 1].lower_ == "for") \
        or (at := _for_of(sentence, condition)) is not None and (at - sentence.span.start <= 1 or _not_but_for(sentence, at)) \
        or _leading_for_people(sentence, condition)  # "For the pain itself, ibuprofen 600 mg works well"
    if not opens or any(d.start < condition.start for d in sentence.drugs):
        return None
    named = next((d for d in sentence.drugs if d.start >= condition.end and d.label_ != OTHER), None)
    if named is None and not sentence.drugs and _heading_line(sentence) \
            and following is not None and following.drugs \
            and following.drugs[0].start - following.span.start <= HEADED_DRUG_REACH:
        return following.drugs[0]
    return named


HEADED_DRUG_REACH = 3  # words before the drug that opens the sentence under a 'For ...' heading ("Children's ibuprofen")
HEADING_LINE_WORDS = 8


def _heading_line(sentence: _Sentence) -> bool:
    """A heading, or a short line of its own with no end punctuation ('FOR PAIN OR FEVER')."""
    if sentence.block is not None and sentence.block.kind == "heading":
        return True
    text = sentence.text.rstrip(" \t")
    return text.endswith("\n") and not text.rstrip().endswith((".", "!", "?", ";", ",")) \
        and len(text.split()) <= HEADING_LINE_WORDS


WHO_HAVING = HAVING | {"get", "gets", "got", "suffer", "suffers", "from", "with", "struggle", "struggles", "deal",
                       "deals"}  # "people who have insomnia", "kids who struggle with"


def _given_to_who(sentence: _Sentence, condition: Span) -> tuple[str, Span | None] | None:
    """'give it to people who have insomnia', 'hand vardenafil to men who finish too quickly':
    the drug given to people a relative clause names by the condition."""
    doc, words, k = sentence.doc, lowered(sentence.doc), condition.start - 1
    while k > sentence.span.start and words[k] in WHO_HAVING:
        k -= 1
    if k - 1 <= sentence.span.start or words[k] != "who" or not _people_word(doc[k - 1], sentence.span.start):
        return None
    return _given_to(sentence, k - 1)


def _given_to(sentence: _Sentence, who: int) -> tuple[str, Span | None] | None:
    """'gives it to kids with', 'prescribe Zoloft to teenagers with': the drug given to people
    named by a condition, with no advice or denial before ('never give it to people with');
    the words that present the use and the drug's name (None for 'it'), or None."""
    doc, start = sentence.doc, sentence.span.start
    to = who - 1
    while to > start and (doc[to].lower_ in DETERMINERS or doc[to].lower_ in EVERY):
        to -= 1
    if doc[to].lower_ != "to":
        return None
    for k in range(to - 1, max(start, to - 5) - 1, -1):
        if doc[k].lower_ in ADVISED or doc[k].is_punct:
            return None
        if doc[k].lower_ in giving_forms():
            if any(doc[j].lower_ in ADVISED or doc[j].lower_ in NEGATORS for j in range(max(start, k - 3), k)):
                return None  # "should never give it", "don't give it" ("n't")
            name = next((d for d in sentence.drugs if k < d.start < to), None)
            if name is not None or any(refers_to_drug(doc, j) for j in range(k + 1, to)):
                return f"{doc[k].text} ... to {doc[who].text} with", name
            return None
    return None


def _own_withdrawal(sentence: _Sentence, condition: Span) -> bool:
    """Withdrawal with no other substance named in the sentence is the drug's own ("taper
    slowly to prevent withdrawal symptoms"): advice on stopping it, never a use."""
    if "withdraw" not in condition.text.lower():
        return False
    words = {t.lower_ for t in sentence.span}
    return not words & SUBSTANCES and not any(d.label_ == OTHER for d in sentence.drugs)


INLINE_USE_LEAD = re.compile(r"\b(?:life-?saver|workhorse|godsend|miracle(?: drug| pill)?|hero|staple|go-to|"
                             r"swiss army knife|jack of all trades|does (?:a lot|wonders|double duty|triple duty)|"
                             r"pulls (?:double|triple) duty|(?:two|three|four|several) things)"
                             r"(?:\s+for\s+(?:me|us|him|her|them|my \w+))?\s*:\s+", re.I)  # a lead that praises the drug,
# then a colon and what it does: its items are uses


def _respective_drug(sentence: _Sentence, position: int) -> Span | None:
    """In a sentence that pairs drugs and conditions 'respectively' ("I take Zoloft and Ambien,
    for my panic attacks and insomnia respectively"), the drug in the place of the sentence's
    condition at `position`."""
    if "respectively" not in lowered(sentence.doc)[sentence.span.start:sentence.span.end]:
        return None
    drugs = [d for i, d in enumerate(sentence.drugs) if d.label_ not in {e.label_ for e in sentence.drugs[:i]}]
    return drugs[position] if 2 <= len(drugs) == len(sentence.conditions) else None


def _names_drug_before(sentence: _Sentence, at: int) -> bool:
    """True when the sentence names a drug (or 'it' for one) before character offset `at`."""
    return any(d.start_char < at for d in sentence.drugs) \
        or any(t.lower_ == "it" and t.idx < at for t in sentence.span)


def _uses_context(doc: Doc, sentence: _Sentence, previous: _Sentence | None) -> tuple[str, int]:
    """Why what the sentence names from a character offset on is presented as a use, when
    it is: it follows a lead label that names uses ("Uses: ...", also on a line of its own
    inside a paragraph), or it answers a question about uses ("What does Provigil help
    with? Narcolepsy, sleep apnea and ..."). ("", 0) otherwise."""
    if CHOICE_OPENER.match(sentence.text):
        return "", 0  # a quiz's lettered choice ("a) seasonal allergies"): what a choice offers, the quiz does not say
    label = _label_text(doc, sentence)
    if label and heading_kind(label) == "uses":
        return f"listed under '{label.strip()}'", sentence.span.start_char
    line_label = LINE_LABEL.search(sentence.text)
    if line_label and heading_kind(line_label.group(1)) == "uses":
        return f"listed under '{line_label.group(1)}:'", sentence.span.start_char + line_label.end()
    if (lead := INLINE_USE_LEAD.search(sentence.text)) is not None \
            and _names_drug_before(sentence, sentence.span.start_char + lead.start()):
        return f"listed after '{lead.group(0).strip()}'", sentence.span.start_char + lead.end()  # "Propranolol has
        # been a workhorse for me: blood pressure, migraines and stage fright"
    if field := REVIEW_CONDITION.search(sentence.text):  # "J.T., 34 · Condition: Weight Loss · Taken for 3 months"
        return f"a review's '{field.group(1)}:' field", sentence.span.start_char + field.end()
    if previous is not None and previous.text.rstrip().endswith("?") and not sentence.cues \
            and heading_kind(previous.text) == "uses" and len(CHOICE_LETTERS.findall(sentence.text)) < 2 \
            and not _same_turn(doc, previous, sentence):
        return "answer to a question about uses", sentence.span.start_char  # a quiz's choices answer nothing
    return "", 0


BARE_YES_WORDS = 3  # "YES.", "Oh yes, totally."


def _answer_moves_on(sentences: list[_Sentence], index: int, question: _Sentence) -> bool:
    """True when a yes to a question goes on, in its own block, to name only other conditions
    ('does it help anxiety at all? / YES. Celexa is also prescribed for panic disorder'): the
    yes is for the use it names, not the one asked about."""
    at = _reply_at(sentences, index)
    if at is None or len(re.findall(r"\w+", _answer_text(sentences[at].text))) > BARE_YES_WORDS:
        return False  # "Yes -- the nurse says it shortens those illnesses": the yes speaks for itself
    answer = [s for s in sentences[at:at + 2] if s.block_index == sentences[at].block_index]
    asked = {i for c in question.conditions for i in c._.condition_ids}
    named = [c for s in answer for c in s.conditions]
    return bool(asked) and bool(named) and not any(asked & set(c._.condition_ids) for c in named)


def _same_turn(doc: Doc, question: _Sentence, sentence: _Sentence) -> bool:
    """True when a sentence goes on in the asker's own turn of a transcript ('DEV: What else do
    people use it for? Somebody emailed about coughs.'): no answer to the question."""
    block = question.block
    return block is not None and question.block_index == sentence.block_index \
        and SPEAKER_LABEL.match(article_text(doc)[block.start:block.end]) is not None \
        and SPEAKER_LABEL.match(sentence.text) is None


CHOICE_MARK = r"\(?[A-Ea-e][).]"  # a quiz's choice letter: "A)", "(b)", "c."
CHOICE_LETTERS = re.compile(rf"(?:^|(?<=\s)){CHOICE_MARK}(?=\s)")  # "A) Trouble falling asleep  B) Chronic pain"


AMOUNT_UNITS = frozenset({"pounds", "pound", "lbs", "lb", "kg", "kilos", "kilograms", "stone", "points", "point", "percent",
                          "%", "inches", "inch", "sizes", "size", "mg", "milligrams"})


def _quantity(phrase: Span) -> bool:
    """True when a phrase is an amount ('4 to 6 pounds', '10 lbs', '20 points'), not a complaint
    ('the 9 p.m. wine habit' is one)."""
    words = [t for t in phrase if not (t.like_num or t.lower_ in ("to", "-", "–", "or"))]
    return phrase[0].like_num and bool(words) and words[0].lower_ in AMOUNT_UNITS


def _unlisted_uses(doc: Doc, sentence: _Sentence, main: str | None, reference: Reference, hedged: bool,
                   off_label: bool, uses_context: str, relations: list[Candidate]) -> list[UseClaim]:
    """Uses the lexicon does not know (lint/claims/relations.py), tied to the drug that is
    the subject of their predicate or the object of their purpose verb. `relations` are the
    sentence's testimonies and purpose clauses, found once for lexicon conditions too."""
    if sentence.section in EXCLUDED_SECTIONS:
        return []
    span = sentence.span
    testimonies = [t for t in relations if "testimony" in t.reason and _is_complaint_span(t.span)]
    candidates = benefit_candidates(doc, span, sentence.cues) \
        + [r for r in relations if "testimony" not in r.reason and not r.named_only] \
        + goal_compounds(doc, span) + testimonies
    listed = uses_context or (sentence.section in USE_SECTIONS and sentence.block is not None
                              and sentence.block.kind == "item" and sentence.span.start_char <= sentence.block.start + 2)
    if listed:  # an item of a uses list, or what follows "Uses:": its leading words are the use
        candidates += listed_candidates(doc, span, uses_context or "item in a uses section")
    claims: list[UseClaim] = []
    vocabulary = label_vocabulary(reference)
    taken: list[Span] = list(sentence.conditions)
    for candidate in candidates:
        phrase = candidate.span
        if any(c.start < phrase.end and phrase.start < c.end for c in taken) or not_a_use(phrase) or _quantity(phrase) \
                or phrase.text.startswith("-") or phrase.text.endswith("-") or _taken_with_food(sentence, candidate.anchor) \
                or any(d.start <= phrase.start and phrase.end <= d.end and _named_by_condition(d)
                       for d in sentence.drugs):
            continue  # (nor is a quantity a complaint: "most lose 4 to 6 pounds"; nor a product named by what it
            # prevents: "a flu shot alternative")
        drug, named = _subject_drug(sentence, candidate.anchor, main)
        drug, named = _nearer_drug(sentence, phrase, drug, named, None)
        if (column := sentence.column_drug(phrase.start_char)) is not None:
            drug, named = column, None
        if drug is None or candidate.needs_complaint and not _is_complaint_span(phrase):
            continue
        presenter = candidate.anchor
        referred = _condition_referred_to(sentence, phrase, reference)  # "when the kids get the flu ... to keep from catching it"
        for owner, name in _owners(sentence, presenter, drug, named):
            profile = reference.profiles.get(owner)
            products = _use_products(doc, sentence, phrase, profile.id, name, reference) if profile else frozenset()
            if profile is None or referred is None and vocabulary.covers(phrase, profile, products):
                continue
            taken.append(phrase)
            claims.append(UseClaim(
                products=products, drug=profile.id,
                condition_ids=referred._.condition_ids if referred is not None
                else frozenset({UNLISTED + phrase.text.lower()}),
                start=phrase.start_char, end=phrase.end_char,
                text=phrase.text, sentence_start=span.start_char, sentence_end=span.end_char,
                block=sentence.block_index if sentence.block_index is not None else -1,
                presented_as_use=True, negated=_negated(sentence, phrase, candidate.predicate),
                hedged=hedged or in_scope(sentence, "hedge", phrase),
                off_label=off_label or in_scope(sentence, "off_label", phrase), reason=candidate.reason))
    return claims


REFERRING_PRONOUNS = frozenset({"it", "them", "that"})


def _condition_referred_to(sentence: _Sentence, phrase: Span, reference: Reference) -> Span | None:
    """The first condition, not a vague symptom word, named before a use phrase that ends in a
    pronoun standing for it ("when one of the kids comes down with the flu, we take Tamiflu to
    keep from catching it": influenza; "he's had insomnia since the night shifts started, and
    takes Ambien to deal with it": insomnia, the sentence's topic), else None."""
    if phrase[-1].lower_ not in REFERRING_PRONOUNS:
        return None
    earlier = [c for c in sentence.conditions if c.end <= phrase.start and not is_vague(reference, c._.condition_ids)]
    return earlier[0] if earlier else None


def _nearer_drug(sentence: _Sentence, condition: Span, drug: str | None, named: Span | None,
                 cue: Span | None) -> tuple[str | None, Span | None]:
    """Whose use it is: another drug named between the presenting word and the condition
    owns it ("Prednisone settled the flare, and azithromycin was added for the bronchitis"),
    unless it stands in an aside in brackets; a drug named as the one it is not
    ("Tamsulosin, not sildenafil, is the choice for") owns none."""
    after = max(named.end if named is not None else sentence.span.start, cue.end if cue is not None else 0)
    if cue is not None and cue.start < after:
        after = cue.start
    doc = sentence.doc
    nearest = None
    for mention in sentence.drugs:
        if after <= mention.start and mention.end <= condition.start and not _quit_substance(sentence, mention) \
                and not sentence.in_aside(mention.start, condition.start) and not _others_of_a_kind(sentence, mention) \
                and not (mention.end < len(doc) and doc[mention.end].lower_ in DRUG_AS_MODIFIER):
            nearest = mention  # (not "lower their insulin needs": a drug's name that only describes a noun)
    if nearest is None or nearest.label_ == drug and named is not None:
        return drug, named
    previous = doc[nearest.start - 1].lower_ if nearest.start > sentence.span.start else ""
    if previous == "not" or compared_with(doc, nearest.start):  # "Tamsulosin, not sildenafil, ...", "than Ambien",
        return (None, None) if nearest.label_ == drug else (drug, named)  # "as well as Ambien": no use of theirs
    return nearest.label_, nearest


OTHER_KIND_MODIFIERS = 3  # tokens between 'other' and a drug class ("other long - acting opioids")


def _others_of_a_kind(sentence: _Sentence, mention: Span) -> bool:
    """'when other long-acting opioids fail': the drugs it is not, which own no use."""
    words, start = lowered(sentence.doc), sentence.span.start
    before = mention.start - 1
    while before > start and mention.start - before <= OTHER_KIND_MODIFIERS \
            and (sentence.doc[before].is_lower or words[before] == "-") and words[before] != "other":
        before -= 1  # "other long-acting opioids", "other older antidepressants"
    return before >= start and words[before] == "other"


DRUG_AS_MODIFIER = frozenset({"needs", "need", "levels", "level", "resistance", "sensitivity", "production",
                              "requirements", "requirement", "pump", "pumps"})  # "their insulin needs"
QUITTING = frozenset({"off", "quit", "quitting", "kick", "kicking", "addicted", "hooked", "dependent", "withdrawal",
                      "detox", "detoxing"})  # "keeps people off heroin and fentanyl", "hooked on oxycodone"
QUIT_LINKS = frozenset({"to", "on", "from", "of", "and", "or", ","})


STOPPING = QUITTING | frozenset(form for verb in ("stop", "ditch", "drop", "wean") for form in verb_forms(verb))


def _stopped_at(sentence: _Sentence, index: int) -> bool:
    """True when the drug (or a word for it) at token `index` is what someone stops or comes off:
    'Getting off it really helped my memory', 'stopping Zoloft fixed my libido'."""
    return index > sentence.span.start and sentence.doc[index - 1].lower_ in STOPPING


def _quit_substance(sentence: _Sentence, mention: Span) -> bool:
    """True when a drug is named as the substance someone quits or is hooked on ('keeps people
    off heroin and fentanyl after detox', 'addicted to oxycodone'): it owns no use there."""
    names = {i for d in sentence.drugs for i in range(d.start, d.end)}
    i = mention.start - 1
    while i >= sentence.span.start and (sentence.doc[i].lower_ in QUIT_LINKS or i in names
                                        or sentence.doc[i].lower_ in OTHER_SUBSTANCES):
        i -= 1
    return i >= sentence.span.start and sentence.doc[i].lower_ in QUITTING


OTHER_SUBSTANCES = frozenset({"heroin", "alcohol", "cocaine", "meth", "opioids", "opiates", "pills", "nicotine"})


OWN_CAUSE = re.compile(r"\b(?:when|because|once|after|as soon as|since)\s+(?:i|she|he|we|they|you|my|her|his)\b"
                       r"(?!\s+(?:started|start|began|begin|took|take|switched|went on|got on)\b)",
                       re.I)  # "my hot flashes stopped when I turned 55": the sentence gives its own cause


def _testified_drug(sentence: _Sentence, subject: Span, before: _Sentence | None,
                    main: str | None) -> tuple[str | None, Span | None]:
    """The profiled drug a testimony names outside its subject ('since I started Wellbutrin'),
    else the one drug the sentence before it in its block names and does not stop ('I begged
    my doctor for clonidine. Three weeks in, my hot flashes stopped cold.'), or the article's
    drug when that sentence names none and opens on 'it' ('So it's basically a hives med too.
    Also my eczema calmed way down.')."""
    named = next((d for d in sentence.drugs if d.label_ != OTHER and not (subject.start <= d.start < subject.end)), None)
    if named is not None:
        return named.label_, named
    if sentence.drugs or before is None or before.block_index != sentence.block_index \
            or stops_drug(sentence.doc, before.span) or OWN_CAUSE.search(sentence.text):
        return None, None
    if len({d.label_ for d in before.drugs}) == 1 and before.drugs[0].label_ != OTHER and not before.drugs[0]._.drug_class:
        return before.drugs[0].label_, before.drugs[0]
    return (main, None) if not before.drugs and opens_on_it(sentence.doc, before.span) else (None, None)


def _set_aside(sentence: _Sentence, drug: Span) -> bool:
    """A drug named as the one a claim is not about: 'rather than Y', 'unlike Y', 'instead of Y'."""
    doc = sentence.doc
    before = doc[max(sentence.span.start, drug.start - 2):drug.start].text.lower()
    return before.endswith(("than", "unlike", "instead of"))


OCCASION_PREPOSITIONS = frozenset({"after", "since", "following"})


def _occasion_of_other(sentence: _Sentence, condition: Span) -> bool:
    """'Gabapentin helped his nerve pain after his stroke', 'Lexapro helped my mood after the
    heart attack': a condition after 'after', 'since' or 'following' that comes after what the
    drug acts on is when it was taken, not what it treats ('Plavix is used after a heart attack'
    and 'started it after my stroke' still present it)."""
    doc, i = sentence.doc, condition.start - 1
    while i > sentence.span.start and doc[i].lower_ in PLACE_DETERMINERS:
        i -= 1
    if i - 1 <= sentence.span.start or doc[i].lower_ not in OCCASION_PREPOSITIONS:
        return False
    acted_on = doc[i - 1]
    return acted_on.is_alpha and acted_on.lower_ not in PASSIVE_USE_PARTICIPLES | TAKING_ONE | STARTING \
        and sentence.drug_at(i - 1) is None and not refers_to_drug(doc, i - 1) \
        and any(c.end <= i and c.start > sentence.span.start for c in sentence.cues if c.label_ in ("use", "benefit"))


STARTING = frozenset({"started", "start", "starting", "began", "begin", "prescribed", "needed", "restarted"})
WHEN_GETTING = re.compile(r"\b(?:when|whenever|if)\s+(?:i|you|he|she|they|we|someone|the kids?)\s+(?:gets?|got|has|have|had|"
                          r"catch(?:es)?|caught|comes? down with|came down with)(?:\s+(?:a|an|the|my|his|her|their|your))?\s*$",
                          re.I)


def _when_of_other(sentence: _Sentence, condition: Span, earlier: list[Span]) -> bool:
    """'uses hers to bring down a fever when she gets the flu': the illness a 'when' clause names
    after a use is when the drug is taken for that use, not a use of its own."""
    return bool(earlier) and WHEN_GETTING.search(sentence.doc[sentence.span.start:condition.start].text) is not None


def _threshold_of(sentence: _Sentence, condition: Span) -> bool:
    """'lowers the seizure threshold': the condition names a threshold, whose lowering is a
    harm, not what a benefit verb treats."""
    return condition.end < sentence.span.end and lowered(sentence.doc)[condition.end] in ("threshold", "thresholds")


SUBJECT_REACH = 13  # words from a predicate back to its subject


def _subject_drug(sentence: _Sentence, anchor: int, main: str | None) -> tuple[str | None, Span | None]:
    """The drug a predicate at token `anchor` is about when the sentence says so: a drug
    name, a pronoun or a dose-form noun ('it', 'a nightly spray') before it in the sentence,
    or a uses section; an aside in brackets is skipped."""
    doc = sentence.doc
    for i in sentence.words_back(anchor, SUBJECT_REACH):
        drug = sentence.drug_at(i)
        if drug is not None and _set_aside(sentence, drug):
            continue  # "X, rather than Y, is the medicine for": the claim is X's
        if drug is not None:
            denied = drug.start > sentence.span.start and doc[drug.start - 1].lower_ == "not"  # "X, not Y, is ..."
            return (drug.label_, drug) if drug.label_ != OTHER and not denied and not _stopped_at(sentence, drug.start) \
                else (None, None)
        if i < anchor and (doc[i].lower_ in PRONOUNS or refers_to_drug(doc, i) or _one_taken(sentence, i)
                           or _dose_as_subject(sentence, i, anchor)):
            return (None, None) if _stopped_at(sentence, i) else (main, None)
    return (main, None) if sentence.section in USE_SECTIONS or _subjectless(sentence, anchor) else (None, None)


DOSE_SUBJECT_OPENERS = frozenset({"a", "of", "half", "just", "only", "even", "my", "his", "her", "their", "the",
                                  "take", "takes", "took", "taking", "added", "adds", "add", "gave", "give", "gives",
                                  "prescribed", "started", "pop", "pops", "popped"})  # "I take 400 mg ... to keep X away"


def _dose_as_subject(sentence: _Sentence, index: int, anchor: int) -> bool:
    """A dose ending at token `index` that opens the clause of the predicate at `anchor`, or that
    a verb of taking has as its object: 'Half of a 5 mg tablet is what fixed', '25 mg at bedtime
    knocked out', 'I take 400 mg the night before to keep altitude sickness away' (not 'Folic
    acid 1 mg daily cuts down on', nor '10 mg of melatonin', another medicine's doses, nor a
    dose before a comma)."""
    doc = sentence.doc
    dose = next((d for d in sentence.doses if d.end - 1 == index), None)
    if dose is None or any(doc[k].is_punct for k in range(dose.end, anchor)) \
            or dose.end < len(doc) and doc[dose.end].lower_ == "of":
        return False  # "10 mg of melatonin": another medicine's dose
    return dose.start == sentence.span.start or doc[dose.start - 1].is_punct \
        or doc[dose.start - 1].lower_ in DOSE_SUBJECT_OPENERS


TAKING_OPENERS = frozenset({"taking", "having", "swallowing", "using", "giving", "take", "swallow", "have"})
WITH_FOOD = re.compile(r"\b(?:with|after|alongside|following)\s+(?:(?:a|some|your|his|her|my)\s+)?(?:(?:full|big|small|light)\s+)?"
                       r"(?:food|meals?|milk|snacks?|eating|breakfast|lunch|dinner|supper)\b|\bon a full stomach\b", re.I)


def _taken_with_food(sentence: _Sentence, anchor: int) -> bool:
    """'Taking it with a meal helps with the nausea', 'Take it after a snack, it really does
    reduce the dizziness', 'splitting it helps the queasiness': what eases the complaint is
    the way the drug is taken (against its own side effect), not the drug: a subject or an
    instruction that opens with taking and names food, or a gerund of splitting the drug or
    its dose, before the predicate at token `anchor`."""
    doc = sentence.doc
    opening = [i for i in range(sentence.span.start, min(anchor, sentence.span.start + 3))
               if doc[i].lower_ in TAKING_OPENERS]
    said = doc[opening[0]:anchor].text if opening else ""
    words = lowered(doc)
    end = anchor - 1 if anchor > sentence.span.start and words[anchor - 1] in ("out", "up") else anchor  # "spreading
    # the doses out helps"
    split = end - 2 >= sentence.span.start and words[end - 2] in DOSE_SPLITTING and words[end - 1] in ("it", "them") \
        or end - 3 >= sentence.span.start and words[end - 3] in DOSE_SPLITTING and words[end - 1] in ("dose", "doses")
    return WITH_FOOD.search(said) is not None and ";" not in said or split \
        or _after_food_advice(sentence, anchor)  # "Take it with dinner; it also helps my PCOS"


def _after_food_advice(sentence: _Sentence, anchor: int) -> bool:
    """'Take WITH FOOD. Helps with the dizziness.', 'Take it with food. It cuts down on
    dizziness.': a fragment with no subject, or one whose subject is only 'it' or 'this',
    right after an instruction to take the drug with food is about that way of taking it."""
    before, words = sentence.previous, lowered(sentence.doc)
    if before is None or anchor >= len(words) or words[anchor] not in EASING or ADDITIONS.intersection(words[sentence.span.start:sentence.span.end]) \
            or not (_subjectless(sentence, anchor) or words[sentence.span.start:anchor] in (["it"], ["this"], ["that"])
                    and not OWNERS.intersection(words[anchor:sentence.span.end])):  # "It helps my PCOS": the drug
        return False  # "Take it with meals. Also great for PCOS." is about the drug
    return any(word in TAKING_OPENERS for word in words[before.span.start:before.span.start + 3]) \
        and WITH_FOOD.search(before.text) is not None


EASING = frozenset(form for verb in ("help", "ease", "reduce", "cut", "settle", "prevent", "stop", "calm")
                   for form in verb_forms(verb))  # what the way of taking it does against a side effect


DOSE_SPLITTING = frozenset({"splitting", "dividing", "spreading", "halving", "staggering", "spacing"})  # "splitting it
# helps the queasiness": the way of taking it eases its own side effect


FINITE_WORDS = frozenset({"is", "are", "was", "were", "'s", "’s", "does", "do", "did", "doesn't", "don't", "can", "can't",
                          "cannot", "will", "won't", "would", "should", "may", "might", "must", "has", "have", "had"})
FRAGMENT_OPENERS = frozenset({"the", "a", "an", "best", "greatest", "only", "total", "absolute", "real", "true", "my",
                              "our", "honestly", "seriously", "literally", "simply", "just", "favorite", "favourite",
                              "ultimate", "perfect", "single", "number", "one", "absolutely", "hands", "down", "so",
                              "really", "truly", "definitely", "totally", "pure", "also", "even", "plus", "and", "still",
                              "great", "amazing", "awesome", "fantastic", "excellent", "solid", "decent", "wonderful",
                              "incredible", "brilliant", "good", "nice", "fabulous"})


PAST_OPENING_VERBS = frozenset({"got", "kept", "made", "took", "brought", "knocked", "fixed"})  # "Got rid of my ..."


def _subjectless(sentence: _Sentence, anchor: int) -> bool:
    """A reviewer's fragment that leaves out its subject, the article's drug ('Best thing
    I've found for my overactive bladder.', 'Great for my back pain!'): only openers and
    modifiers come before the predicate. Headings are titles, not fragments."""
    if sentence.block is not None and sentence.block.kind == "heading":
        return False
    words = lowered(sentence.doc)
    clause_end = sentence.span.end
    if anchor < clause_end and (words[anchor].endswith("ed") or words[anchor] in PAST_OPENING_VERBS):  # "Cleared up my
        # eczema itch, which I was not expecting": a past verb opens the fragment, and a later clause has its own subject
        clause_end = next((i for i in range(anchor, sentence.span.end) if words[i] in (",", ";", "—")), clause_end)
    return all(words[i] in FRAGMENT_OPENERS or sentence.doc[i].is_punct for i in range(sentence.span.start, anchor)) \
        and not FINITE_WORDS.intersection(words[anchor:clause_end])  # "The best thing for X is sleep": a subject after


def _use_products(doc: Doc, sentence: _Sentence, condition: Span, drug: str, named: Span | None,
                  reference: Reference) -> frozenset[str]:
    """The products a use is about: those the governing name stands for ('Ozempic'), else
    those the sentence names before the condition, else (for a lead label, '**Epilepsy.**')
    those its block names, else those its heading names. 'Threadworm and river blindness,
    and the cream handles rosacea' ties no product to threadworm; a condition named before
    this one is no product cue of it."""
    profile = reference.profiles.get(drug)
    if named is not None and (products := product_cues(named.text, profile)):
        return products
    before = _own_words(sentence, drug)[:condition.end_char - sentence.span.start_char]
    for other in sentence.conditions:  # 'gave it for Lyme disease, and I take it for acne': the cue
        if other is not condition and other.end_char < condition.start_char:  # 'Lyme disease' is no product of acne
            start, end = other.start_char - sentence.span.start_char, other.end_char - sentence.span.start_char
            before = before[:start] + " " * (end - start) + before[end:]
    if products := product_cues(before, profile):
        return products
    block = sentence.block
    if block is not None and block.label_end and condition.start_char < block.label_end:
        if products := product_cues(_block_text(doc, sentence), profile):
            return products
    return product_cues(_heading_text(doc, sentence), profile)


HEARSAY = re.compile(r"\b(?:says|said|swears? by|swore by|told (?:me|us)|tells (?:me|us)|according to|claims|insists)\b",
                     re.I)  # what someone else says: "a guy at my gym swears by gabapentin for ..."
PRESCRIBER_REJECTS = re.compile(r"\W*(?:(?:my|the|our|her|his)\s+)?(?:[\w-]+\s+)?(?:doctor|doc|pharmacist|nurse|"
                                r"psychiatrist|gp|ob|np|prescriber|neurologist|dermatologist|physician)s?\s+"
                                r"(?:said|says|told (?:me|us|him|her))\s*[,:]?\s*(?:that\s+)?[\"“]?"
                                r"(?:no\b(?!\s+(?:problem|worries|issue|big deal))|nope|absolutely not|definitely not|not\b|never\b|that's (?:wrong|not true|a myth)|"
                                r"(?:[\w,]+\s+){0,4}(?:is|was) the (?:max|maximum|ceiling|most|limit)\b)",
                                re.I)  # "My addiction doctor said no", "The pharmacist told me two is the max per dose"
SARCASTIC = re.compile(r"\W*(?:oh,?\s+sure(?:\s+thing)?|yeah,?\s+right|right,\s+because|sure,\s+because)\b", re.I)  # mockery
REPLY_REACH = 2  # sentences back to the question an "Oh sure" may answer (a reply's handle line between)
SO_NO = re.compile(r",\s*so no\b", re.I)  # "The box says two at most, so no, I didn't.": a no after its reason
TOO_MUCH = re.compile(r"\btoo (?:much|high|many|strong|big)\b|\boverdos", re.I)  # "Is 600 mg too much? No." accepts it
REBUTTAL = re.compile(r"\W*(?:please\s+)?(?:don't|don’t|do not|never)(?:\s+(?:do|try)\s+(?:this|that|it))?[\W]*"
                      r"|\W*(?:(?:a|that's a|that is a)\s+)?(?:bad|terrible|dangerous|awful) idea[\W]*"
                      r"|\W*(?:absolutely|definitely|certainly|hell)\s+not[\W]*|\W*not a chance[\W]*"
                      r"|\W*(?:just\s+|hell\s+)?(?:no|nope)(?:\s+way)?[\W]*", re.I)  # "Forums call it a cure for
# hangovers. Please don't.", "... give him 20 mg at bedtime. NO."


def _reply_at(sentences: list[_Sentence], index: int) -> int | None:
    """The index of the sentence after sentence `index`, past a line that only names who
    writes it ('does it help ADHD? / ↳ @maya / nope, it's not an ADHD med')."""
    if index + 1 >= len(sentences):
        return None
    after = index + 2 if is_handle_line(sentences[index + 1].text) and index + 2 < len(sentences) else index + 1
    if sentences[index].text.rstrip().endswith("?") and not ANSWER_LABEL.match(sentences[after].text):
        labelled = next((k for k in range(after + 1, min(len(sentences), after + 1 + ASKER_CONTEXT))
                         if ANSWER_LABEL.match(sentences[k].text)), None)
        if labelled is not None and not any("?" in sentences[k].text for k in range(after, labelled)):
            return labelled  # "Has anyone taken Valtrex for mono? I've been wiped out for weeks. Reply: Yes, ..."
    return after


ANSWER_LABEL = re.compile(r"^\W*(?:A|Ans|Answer|Reply|Response)\s*:", re.I)  # "A: Yes.", "Reply: Yep"
ASKER_CONTEXT = 2  # sentences the asker may add before a labelled answer


def _answer_conditions(sentences: list[_Sentence], index: int) -> list[Span]:
    """The conditions the answer to question `index` names: its first sentence's, or, after a
    bare 'Yes!!', the next sentence's in the same block ('A: Yes!! My mom took these for her
    chemo nausea')."""
    at = _reply_at(sentences, index)
    if at is None:
        return []
    answer = sentences[at]
    if not answer.conditions and at + 1 < len(sentences) and sentences[at + 1].block_index == answer.block_index \
            and len(answer.text.split()) <= BARE_ANSWER_WORDS and _speaks_of_a_drug(sentences[at + 1]):
        return sentences[at + 1].conditions
    return answer.conditions


def _speaks_of_a_drug(sentence: _Sentence) -> bool:
    """True when a sentence names a drug or has a word standing for one ('took it', 'these')."""
    return bool(sentence.drugs) or any(refers_to_drug(sentence.doc, k) for k in range(sentence.span.start, sentence.span.end))


BARE_ANSWER_WORDS = 3  # "A: Yes!!", "Reply: Yep."


def _reply(sentences: list[_Sentence], index: int) -> _Sentence | None:
    """The sentence after sentence `index`, past a line that only names who writes it."""
    at = _reply_at(sentences, index)
    return sentences[at] if at is not None else None


def _rebutted_sentence(sentences: list[_Sentence], index: int) -> bool:
    """True when sentence `index` mocks what it says ("Oh sure, ..."), or the next sentence of
    the block rebuts it with a bare prohibition ("Please don't.", "Bad idea.", "NO.",
    "Absolutely not."), rebuts what it reports someone saying with a prescriber's no ("My
    roommate says three at once is the trick. The pharmacist told me two is the max."), or
    answers its question no ("Three Aleve at once? The box says two, so no.")."""
    if SARCASTIC.match(sentences[index].text) \
            and not any(s.text.rstrip().endswith("?") for s in sentences[max(0, index - REPLY_REACH):index]):
        return True  # "Oh sure, ivermectin cures COVID - and horse paste is a food group." (not a reply to a question,
        # past a reply's handle line: "Does it work for acne?? / u/OldRxDave · 310 pts / Oh sure, amox for acne ...")
    after = sentences[index + 1] if index + 1 < len(sentences) else None
    if after is None or after.block_index != sentences[index].block_index:
        return False
    text = sentences[index].text.rstrip()
    return REBUTTAL.fullmatch(after.text.strip()) is not None \
        or HEARSAY.search(text) is not None and PRESCRIBER_REJECTS.match(after.text) is not None \
        or text.endswith("?") and not TOO_MUCH.search(text) and (_answered_no_text(after) or bool(SO_NO.search(after.text)))
    # "Three Aleve at once for a headache? The box says two at most, so no, I didn't." (not "Is 600 mg too much? No.")


ADDED_BENEFIT = re.compile(r"\b(?:also|too|as well|bonus|plus|but|though|although|yet|even|and (?:to|for))\b", re.I)


def _enabling(claim: UseClaim) -> bool:
    """True for a use presented by what the drug lets someone do ('lets me', 'gets him to') or
    gives back ('got her cycles back'), not by a frame around a complaint the lexicon knows
    ('got his migraines under control')."""
    first = claim.reason.strip("'").split(" ", 1)[0].lower()
    return (first in LETTING_VERBS or first in GETTING_VERBS) and ("..." not in claim.reason or claim.unlisted)


def _relief_consequences(claims: list[UseClaim], sentences: list[_Sentence]) -> list[UseClaim]:
    """'For my hives it's the only thing that lets me sleep', 'on it for her PCOS, and it got her
    cycles back': what a drug lets someone do or gives back, after its sentence has named what
    the drug is taken for, follows from that relief and is no use of its own. 'Gabapentin lets
    me sleep' still presents one, and so does a benefit marked as another ('... and it also
    lets me sleep', '..., but mostly it lets me sleep')."""
    if not sentences:
        return claims
    text = article_text(sentences[0].doc)
    purposes = [c for c in claims if c.presented_as_use and not c.negated and not _enabling(c)]

    def follows_relief(claim: UseClaim) -> bool:
        return any(p.drug == claim.drug and p.sentence_start == claim.sentence_start and p.end <= claim.start
                   and not ADDED_BENEFIT.search(text[p.end:claim.sentence_end]) for p in purposes)
    return [replace(c, presented_as_use=False) if c.presented_as_use and _enabling(c) and follows_relief(c)
            else c for c in claims]


def _rebutted(claims: list[UseClaim], sentences: list[_Sentence]) -> list[UseClaim]:
    """A use the next sentence of its block rebuts is not presented as a use: mark it negated."""
    rebutted = {sentence.span.start_char for index, sentence in enumerate(sentences) if _rebutted_sentence(sentences, index)}
    return [replace(c, negated=True) if c.sentence_start in rebutted and not c.negated else c for c in claims]


def _refuted(claims: list[UseClaim], sentences: list[_Sentence]) -> list[UseClaim]:
    """A use the same paragraph goes on to deny ("many took it for COVID-19. Trials found it
    does not help people with COVID-19") is not presented as a use: mark it negated. The
    denial is said of a drug, named or a word standing for it ("its NOT a weight loss pill");
    a complaint only said to be absent ("... is the best sleeping pill I've had. Out in 20 min,
    no 3am wakeups") denies no use."""
    negated_in = {c.sentence_start for c in claims if c.negated}
    words = lowered(sentences[0].doc) if sentences else []
    about_a_drug = {s.span.start_char for s in sentences if s.span.start_char in negated_in
                    and (s.drugs or any(words[i] in PRONOUNS or refers_to_drug(s.doc, i)
                                        for i in range(s.span.start, s.span.end)))}  # only where a claim is negated
    denied = {(c.block, cid) for c in claims if c.negated and c.sentence_start in about_a_drug
              and not _denial_rejected(c, sentences) for cid in c.condition_ids}
    return [replace(c, negated=True) if not c.negated and any((c.block, cid) in denied for cid in c.condition_ids)
            else c for c in claims]


DENIAL_REJECTED = re.compile(r"\b(?:they're|they are|theyre|that's|that is|thats|people are|he's|she's|you're)\s+"
                             r"(?:dead\s+|so\s+|completely\s+|totally\s+|just\s+)?wrong\b|\bnot true\b|\ba myth\b",
                             re.I)  # "People claim it isn't for sleep, but they're wrong"


def _denial_rejected(denial: UseClaim, sentences: list[_Sentence]) -> bool:
    """True when the denial's own sentence goes on to reject it ("People claim Seroquel isn't
    for sleep, but they're wrong: ..."), or the next one opens by doing so ("That's not true"):
    it refutes no claim of the paragraph."""
    index = next((i for i, s in enumerate(sentences) if s.span.start_char == denial.sentence_start), None)
    if index is None:
        return False
    sentence, text = sentences[index], article_text(sentences[index].doc)
    if DENIAL_REJECTED.search(text, denial.end, sentence.span.end_char) is not None:
        return True
    after = sentences[index + 1] if index + 1 < len(sentences) else None  # "... doesn't help insomnia. That's not true, ..."
    return after is not None and after.block_index == sentence.block_index \
        and DENIAL_REJECTED.search(text, after.span.start_char, after.span.start_char + REJECTION_OPENING) is not None


REJECTION_OPENING = 25  # characters of the next sentence a rejection of a denial opens it in ("That's not true, ...")


OTHER_TREATMENTS = frozenset({"chemo", "chemotherapy", "radiation", "radiotherapy", "dialysis", "surgery", "operation",
                              "transplant", "immunotherapy", "infusion", "infusions"})


def _other_treatments_use(sentence: _Sentence, condition: Span, earlier: list[Span]) -> bool:
    """'to keep uric acid from spiking in people getting chemo for leukemia or lymphoma',
    'patients having radiation for brain tumors': what another treatment is for (and what
    'or' joins to it) is no use of the drug."""
    words, start = lowered(sentence.doc), sentence.span.start
    i = condition.start - 1
    while i > start and (words[i] in DETERMINERS or words[i] in OWNING_DETERMINERS):
        i -= 1
    if i > start and words[i] == "for" and words[i - 1] in OTHER_TREATMENTS:
        return True
    if i > start and words[i] in ("or", "and", ",") and earlier and earlier[-1].end == i:
        return _other_treatments_use(sentence, earlier[-1], earlier[:-1])
    return _said_of_other_treatment(sentence, condition)


def _said_of_other_treatment(sentence: _Sentence, condition: Span) -> bool:
    """'She gets ondansetron during every round of chemo, which is meant to shrink the tumor':
    a relative clause after another treatment, holding the condition, says what that
    treatment does."""
    words, start = lowered(sentence.doc), sentence.span.start
    for k in range(condition.start - 1, max(start, condition.start - RELATIVE_REACH) - 1, -1):
        if words[k] in ("which", "that") and k - 2 >= start and words[k - 1] == ",":
            return words[k - 2] in OTHER_TREATMENTS
        if words[k] in (".", ";") or sentence.drug_at(k) is not None:
            return False
    return False


RELATIVE_REACH = 8  # words from 'which' to the condition ("which is meant to shrink the tumor")


CAUSE_LINKS = frozenset({"of", "from", "with", "in", "after", "during", "due", "to", "caused", "by", "that", "which",
                         "comes", "come", "came", "associated", "related", "linked", "following"})
MAX_CAUSE_LINK = 3  # "that comes with", "caused by", "due to"


def _cause_of_labeled(sentence: _Sentence, condition: Span, earlier: list[Span], main: str | None,
                      reference: Reference) -> bool:
    """'relieves the pain and fever of a sore throat', 'the vomiting that comes with cancer
    chemotherapy': the labeled symptom before the link is the use; the conditions after it
    only say where it comes from (and so do the ones joined to such a condition by 'and' or
    'or')."""
    if main not in reference.profiles:
        return False
    doc = sentence.doc
    for index, previous in enumerate(earlier):
        if not previous.end < condition.start or condition.start - previous.end > 8 \
                or sentence.terminated(previous.end, condition.start):
            continue
        links = [t.lower_ for t in doc[previous.end:condition.start] if t.lower_ not in DETERMINERS]
        if 0 < len(links) <= MAX_CAUSE_LINK and all(w in CAUSE_LINKS for w in links) \
                and is_labeled(reference, reference.profiles[main], previous._.condition_ids):
            return True
        if links in (["and"], ["or"], [","]) and index == len(earlier) - 1 \
                and _cause_of_labeled(sentence, previous, earlier[:index], main, reference):
            return True  # "the pain of a sore throat or an ear infection"
    return False


def _causes_labeled(sentence: _Sentence, condition: Span, main: str | None, reference: Reference) -> bool:
    """'whenever a cold leaves me with a hacking cough', 'when the flu gives her a fever': a
    labeled symptom that the condition causes, named right after it, is the use; the condition
    only says where it comes from."""
    if main not in reference.profiles:
        return False
    doc = sentence.doc
    for later in sentence.conditions:
        if not condition.end < later.start or later.start - condition.end > MAX_CAUSING_LINK + 2:
            continue
        links = [t.lower_ for t in doc[condition.end:later.start] if t.lower_ not in DETERMINERS]
        linking = len(links)
        while linking > 1 and len(links) - linking < CAUSED_MODIFIERS and links[linking - 1].isalpha() \
                and links[linking - 1] not in CAUSING_LINKS:
            linking -= 1  # "a hacking cough", "a high fever": the symptom's own modifiers
        if links and links[0] in CAUSING_VERBS and all(w in CAUSING_VERBS or w in CAUSING_LINKS for w in links[:linking]) \
                and is_labeled(reference, reference.profiles[main], later._.condition_ids):
            return True
    return False


CAUSING_VERBS = frozenset(form for verb in ("leave", "give", "cause", "bring", "trigger", "set", "turn", "lead")
                          for form in verb_forms(verb))
CAUSING_LINKS = frozenset({"me", "him", "her", "them", "us", "you", "with", "on", "off", "into", "to"})
MAX_CAUSING_LINK = 4  # "leaves me with", "brings on", "turns into"
CAUSED_MODIFIERS = 2  # words before the caused symptom that describe it ("a nasty hacking cough")


def _serves_labeled(sentence: _Sentence, condition: Span, earlier: list[Span], cue: Span | None,
                    main: str | None, reference: Reference) -> bool:
    """A mention that serves a labeled use named beside it in the same clause is part of
    that use, not a new one: 'for heart failure, to relieve shortness of breath', 'nephrotic
    syndrome, to reduce protein in the urine', 'anxiety that comes with depressive symptoms',
    'the pimples of rosacea', 'agitation and tremor in acute alcohol withdrawal'."""
    if main not in reference.profiles:
        return False
    doc, profile = sentence.doc, reference.profiles[main]
    for later in sentence.conditions:  # "the bumps and pimples of rosacea", "tremor in acute alcohol withdrawal"
        if later.start > condition.end and later.start - condition.end <= SYMPTOM_LINK_REACH \
                and _symptom_link([t.lower_ for t in doc[condition.end:later.start]
                                   if t.lower_ not in SYMPTOM_LINK_FILLERS and t.lower_ not in HOW_BAD]) \
                and is_labeled(reference, profile, later._.condition_ids):
            return True  # not "weight loss in people without diabetes"
    for previous in earlier:
        if previous.end > condition.start or condition.start - previous.end > 15 \
                or not is_labeled(reference, profile, previous._.condition_ids):
            continue
        between = {t.lower_ for t in doc[previous.end:condition.start]}
        if between & ADDITIONS or sentence.terminated(previous.end, condition.start):
            continue
        purpose = cue is not None and cue.start >= previous.end and cue.text.lower() in PURPOSE_VERBS
        attached = cue is None or cue.end <= previous.start
        if purpose or (attached and between & ATTACHING and not between & {",", "or"}):
            return True
    return False


SYMPTOM_LINK_REACH = 8  # tokens from a symptom to the condition it comes from ("swelling in the nose from allergies")
SYMPTOM_LINKS = (("of",), ("in",), ("during",), ("from",), ("caused", "by"), ("due", "to"), ("brought", "on", "by"),
                 ("triggered", "by"), ("that", "comes", "with"), ("that", "come", "with"), ("associated", "with"))
BODY_SITE_OPENERS = frozenset({"in", "on", "around", "inside", "behind", "under"})
SYMPTOM_LINK_FILLERS = frozenset(DETERMINERS | {"my", "his", "her", "our", "acute"})
NOT_SITES = frozenset({"top", "addition", "account", "behalf"})  # "hot flashes on top of the seizures": a second complaint


def _symptom_link(words: list[str]) -> bool:
    """True when the words between a symptom and a condition say the symptom comes from it:
    'of', 'from', 'caused by', 'due to', past a body site ('in the nose from', 'on her arms
    caused by'; determiners and severity words already left out)."""
    for link in SYMPTOM_LINKS:
        if tuple(words[-len(link):]) == link:
            site = words[:-len(link)]
            return not site or site[0] in BODY_SITE_OPENERS and len(site) <= 3 and not set(site) & NOT_SITES
    return False


def is_labeled(reference: Reference, profile: Profile, condition_ids: frozenset[str],
               products: frozenset[str] = frozenset()) -> bool:
    """True when any of the condition ids is covered by a labeled indication of the drug (of
    one of `products` when the article names some: Ozempic is not labeled for weight loss)."""
    return bool(covering_indications(reference, profile, condition_ids, products))


def covering_indications(reference: Reference, profile: Profile, condition_ids: frozenset[str],
                         products: frozenset[str] = frozenset()) -> list[Indication]:
    """The labeled indications of the drug (of one of `products` when the article names some)
    that cover any of the condition ids."""
    def for_products(indication: Indication) -> bool:
        return not products or not indication.products or bool(set(indication.products) & products)

    covering: list[Indication] = []
    for cid in condition_ids:
        if "/" in cid:
            drug, indication_id = cid.split("/", 1)
            covering += [i for i in profile.indications if drug == profile.id and i.id == indication_id
                         and for_products(i)]
        else:
            covering += [i for i in reference.labeled_indications(profile, cid) if for_products(i)]
    return covering


def is_vague(reference: Reference, condition_ids: frozenset[str]) -> bool:
    """True when the mention is a symptom word or patient state (never flagged)."""
    return any("/" not in c and c in reference.conditions and reference.conditions[c].vague for c in condition_ids) \
        or all("/" in c for c in condition_ids)


def too_vague_for(reference: Reference, profile: Profile, condition_ids: frozenset[str]) -> bool:
    """True when a vague mention says too little to judge for this drug: it is vague and
    either has no family of named conditions around it ('stress', 'swelling') or the drug
    has a labeled indication in its family (clonazepam's panic disorder for 'anxiety').
    'Propranolol calms my nerves' is judged: no labeled use of propranolol is an anxiety."""
    if not is_vague(reference, condition_ids):
        return False
    vague = [c for c in condition_ids if "/" not in c and c in reference.conditions and reference.conditions[c].vague]
    if not vague or not profile.indications:
        return True
    labeled = [c for indication in profile.indications for c in indication.conditions]
    for condition_id in vague:
        family = reference.family(condition_id)
        kinds = [member for member in family if reference.related(member, condition_id)]
        if len(family) == 1 or any(c in family or any(reference.related(kind, c) for kind in kinds) for c in labeled):
            return True  # a labeled use in the family, or one a kind of the word also is ('tendinitis': pain)
    return False


# --- dose claims --------------------------------------------------------------------------

def _label_text(doc: Doc, sentence: _Sentence) -> str:
    block = sentence.block
    return doc._.layout.text[block.start:block.label_end] if block is not None and block.label_end else ""


def _block_text(doc: Doc, sentence: _Sentence) -> str:
    block = sentence.block
    return doc._.layout.text[block.start:block.end] if block is not None else ""


def _heading_text(doc: Doc, sentence: _Sentence) -> str:
    layout = doc._.layout
    heading = layout.heading_for(sentence.span.start_char) if layout else None
    return layout.text[heading.start:heading.end] if heading else ""


def _title(doc: Doc) -> tuple[str, set[str]]:
    """The article's first heading (a page's title) and the drugs it names."""
    layout = doc._.layout
    heading = next((block for block in layout.blocks if block.kind == "heading"), None) if layout else None
    if heading is None:
        return "", set()
    names = {span.label_ for span in doc.spans["drugs"]
             if heading.start <= span.start_char < heading.end and not span._.drug_class}
    return layout.text[heading.start:heading.end], names


def _organ_of_population(use: UseClaim, populations: frozenset[str], profile: Profile, reference: Reference) -> bool:
    """True when an unlabeled condition only says why the taker's liver or kidneys are impaired
    ('moderate liver impairment (fatty liver)'): the population the dose is judged for, not its use."""
    organ = HEPATIC if "hepatic" in populations else RENAL if "renal" in populations else None
    return organ is not None and organ.search(use.text) is not None \
        and not is_labeled(reference, profile, use.condition_ids)


CHOICE_OPENER = re.compile(rf"^\W*{CHOICE_MARK}\s")  # "C) 500 mg at bedtime", "b. 10 mg"
QUIZ_ANSWER = re.compile(r"^\W*(?:the\s+)?(?:correct\s+|right\s+)?answers?\b", re.I)


HISTORICAL_USE = re.compile(r"\b(?:in the (?:(?:\w+|\d{2}th) century|(?:18|19)\d0s|(?:18|19)\d\ds)|in the (?:early|late) (?:18|19)\d\ds|"
                            r"historically|originally (?:developed|made|designed|tested|studied|approved|marketed)|"
                            r"(?:was|were) (?:first|once|originally) (?:developed|made|designed|tested|studied|used|sold|marketed|given)|"
                            r"(?:back )?in (?:ancient|victorian|medieval) times)\b", re.I)
# "Lithium salts were used in the nineteenth century for 'gout of the brain'": history, no use the article presents


def _inline_choice(sentence: _Sentence, phrase: Span) -> bool:
    """True when a condition or dose is one of a quiz's choices written in one line ('prescribed
    for: (a) insomnia (b) depression'): a letter marks it, and the sentence holds two or more."""
    before = article_text(sentence.doc)[max(sentence.span.start_char, phrase.start_char - 6):phrase.start_char]
    return CHOICE_MARK_BEFORE.search(before) is not None and len(CHOICE_LETTERS.findall(sentence.text)) >= 2


CHOICE_MARK_BEFORE = re.compile(rf"(?:^|\s){CHOICE_MARK}\s+$")


def _quiz_option(sentences: list[_Sentence], index: int) -> bool:
    """True when a sentence is one choice of a multiple-choice question: an item of a list
    after a question's stem, lettered ('- C) 500 mg at bedtime') or followed by the answer
    ('Answer: B.'). What a choice offers, the quiz does not say."""
    if not _is_item(sentences[index]):
        return False
    first = last = index
    while first > 0 and _is_item(sentences[first - 1]):
        first -= 1
    while last + 1 < len(sentences) and _is_item(sentences[last + 1]):
        last += 1
    stem = sentences[first - 1].text.rstrip(" *_\n") if first > 0 else ""
    if all(CHOICE_OPENER.match(sentences[k].text) for k in range(first, last + 1)):
        return stem.endswith(("?", "...", "…", ":"))
    return stem.endswith("?") and last + 1 < len(sentences) and QUIZ_ANSWER.match(sentences[last + 1].text) is not None


def _is_item(sentence: _Sentence) -> bool:
    return sentence.block is not None and sentence.block.kind == "item"


def _most_specific(conditions: list[UseClaim], reference: Reference, text: str) -> list[UseClaim]:
    """The uses a dose is stated for, less any that only a narrower one beside it names ('it
    started out as a malaria drug and people take it to prevent malaria': prevention), unless the
    two stand as alternatives ('For malaria, or to prevent malaria, ...')."""
    return [use for use in conditions
            if not any(other is not use and _broader(reference, use.condition_ids, other.condition_ids)
                       and not _side_by_side(text, use, other) for other in conditions)]


def _broader(reference: Reference, general: frozenset[str], specific: frozenset[str]) -> bool:
    """True when every condition of `general` is a broader kind of one of `specific`'s."""
    return all(any(g != s and g in reference.ancestors.get(s, {s}) for s in specific) for g in general)


COORDINATED_GAP = re.compile(r"[\s,;/]*(?:(?:and|or|and/or|nor)\b[\s,]*)?(?:(?:to|for|in)\s+)?(?:\w+\s+)?", re.I)


def _side_by_side(text: str, one: UseClaim, other: UseClaim) -> bool:
    """True when two uses stand side by side as a list's members ('for malaria, or to prevent malaria')."""
    first, second = sorted((one, other), key=lambda use: use.start)
    return first.end <= second.start and COORDINATED_GAP.fullmatch(text, first.end, second.start) is not None


def _section_use(doc: Doc, sentences: list[_Sentence], index: int, heading_sentences: dict[int, _Sentence],
                 uses_by_sentence: dict[int, list[UseClaim]], profile: Profile, reference: Reference) -> list[UseClaim]:
    """The one labeled use the heading over sentence `index`'s section names ('How do I take
    it for trich?'), unless a sentence between them names another labeled use of the drug
    ('kids and high cholesterol' over 'Children 10 and older can inherit familial
    hypercholesterolemia'): the nearer words say what the dose is for."""
    layout = doc._.layout
    block = layout.heading_for(sentences[index].span.start_char) if layout else None
    heading = heading_sentences.get(block.start) if block is not None else None
    found = _heading_use(heading, uses_by_sentence, profile, reference)
    if block is None or not found:
        return []
    def indications(condition_ids: Iterable[str]) -> set[str]:
        return {ind.id for cid in condition_ids for ind in reference.closest_indications(profile, cid)}

    headed = indications(found[0].condition_ids)
    between = (s for s in reversed(sentences[:index]) if s.span.start_char >= block.end)
    if any((named := indications(c._.condition_ids)) and not named & headed for s in between for c in s.conditions):
        return []
    return found


def _heading_use(heading: _Sentence | None, uses_by_sentence: dict[int, list[UseClaim]], profile: Profile,
                 reference: Reference) -> list[UseClaim]:
    """The one labeled use of the drug a heading names (a section's: 'How do I take it for
    trich?'; the article's title: 'Adderall for ADHD in kids'): what a dose stated with no
    use of its own under it is for."""
    if heading is None:
        return []
    found = [u for u in _conditions_for(heading, uses_by_sentence)
             if u.drug == profile.id and is_labeled(reference, profile, u.condition_ids)]
    return found if len({u.condition_ids for u in found}) == 1 else []


COUNTED_NAME_WORDS = frozenset({"of", "the", "my", "his", "her", "their", "your", "those", "these"})  # "two of my Aleve"


def _dose_drug(sentence: _Sentence, span: Span, main: str | None, reference: Reference,
               article_main: str | None = None) -> str | None:
    """The drug a dose is of: a product made in one strength it counts ("2 Advil"), the drug
    right after it ("20 mg of sertraline"), the drug named last before it (unless only the
    article's drug is made on the scale of its amounts: "like high-dose diclofenac, many
    prescribers bump patients up to 400 mcg four times a day" is misoprostol's), else the
    drug the sentence is about (`main`), unless a bare strength it names is made only of the
    article's drug (`article_main`): "three 40s a day" after a message about Adderall XR."""
    doc = sentence.doc
    for drug in sentence.drugs:  # "2 Advil": the amount is the name of a product made in one strength
        if span.start < drug.start < span.end and not drug._.drug_class \
                and all(t.like_num or t.lower_ in COUNTED_NAME_WORDS for t in doc[span.start:drug.start]):
            return drug.label_
    for drug in sentence.drugs:  # "325 mg acetaminophen", "20 mg of sertraline"
        gap = doc[span.end:drug.start]
        if drug.start >= span.end and len(gap) <= 1 and all(t.lower_ in {"of"} for t in gap):
            return drug.label_
    before = [d for d in sentence.drugs if d.end <= span.start and not d._.drug_class]  # a class owns no dose
    named = main
    after = [d for d in sentence.drugs if d.start >= span.end and not d._.drug_class]
    if not before and after and after[0].label_ == main and article_main not in (None, main) \
            and ADDED_TO.search(doc[span.end:after[0].start].text) \
            and all(high <= max(_strengths(reference, article_main), default=high) * ADDED_SCALE
                    for _, high in span._.dose.amounts_mg):
        return article_main  # "Now I'm on 20 mg added to my Zoloft": the article's drug, added to another
    amounts = span._.dose.amounts_mg if not span._.dose.per_kg else ()
    if before:
        named = _product_of_ingredient(sentence, before) or before[-1].label_
        if main is not None and named != main and amounts and not _on_scale(reference, named, amounts) \
                and _on_scale(reference, main, amounts):
            return main
    unit = span._.dose.unit_mg
    if unit is not None and article_main not in (None, named) and (made_in := _strengths(reference, named)) \
            and unit not in made_in and unit in _strengths(reference, article_main):
        return article_main  # (a drug with no profile may be made in any strength)
    if named is not None and article_main not in (None, named) and amounts \
            and not _on_scale(reference, named, amounts) and _on_scale(reference, article_main, amounts):
        return article_main  # a diary about allopurinol: "Up to 200 mg." after a line on colchicine 0.6 mg;
        # "with fentanyl our doc starts people at 12 mg" in an AMA about Suboxone
    return named


HEADING_CONTEXT = 3  # where the heading stands among a dose's contexts (own words, label, block lead, heading)
ADDED_SCALE = 2  # an amount added to another drug is the article's drug's when at most twice its largest strength
ADDED_TO = re.compile(r"\b(?:added to|on top of|with|alongside|along with|plus|besides|in addition to)\b", re.I)


def _strengths(reference: Reference, drug: str | None) -> set[float]:
    """The strengths (mg) the drug's products are made in; none for a drug with no profile."""
    profile = reference.profiles.get(drug) if drug is not None else None
    return {s for product in profile.products for s in product.strengths_mg} if profile else set()


STRENGTH_SCALE = 10  # how far below the smallest or above the largest strength an amount may lie and still be the drug's


def _on_scale(reference: Reference, drug: str, amounts: tuple[tuple[float, float], ...]) -> bool:
    """True when every amount lies within STRENGTH_SCALE of the drug's product strengths
    (always, for a drug with no profile or no strengths listed)."""
    strengths = _strengths(reference, drug)
    if not strengths:
        return True
    return all(min(strengths) / STRENGTH_SCALE <= low and high <= max(strengths) * STRENGTH_SCALE for low, high in amounts)


def _product_of_ingredient(sentence: _Sentence, before: list[Span]) -> str | None:
    """The product whose ingredients a parenthesis lists ("Vicodin (hydrocodone 5 mg/
    acetaminophen 300 mg) ... 14 tablets a day" is a dose of Vicodin), else None."""
    nearest = before[-1]
    text, offset = sentence.text, sentence.span.start_char
    opened = text.rfind("(", 0, nearest.start_char - offset)
    if opened < 0 or ")" in text[opened:nearest.start_char - offset]:
        return None
    outer = [d for d in before if d.end_char - offset <= opened and not text[d.end_char - offset:opened].strip()]
    return outer[-1].label_ if outer and outer[-1].label_ != OTHER else None


NEAR_BREAK = re.compile(r"[,;:.()]|\b(?:switch\w*|chang\w*|mov\w*|instead|rather|than|then|or|but|unlike)\b", re.I)


def _near_end(sentence: _Sentence, span: Span) -> int:
    """Where the words that can name a dose's product end, as an offset into the sentence:
    the dose and the few words right after it ('75 mg of Effexor XR'), not a product the
    sentence names later ('... can switch to Prozac Weekly')."""
    end = span.end_char - sentence.span.start_char
    following = NEAR_BREAK.split(sentence.text[end:end + 48], maxsplit=1)[0]
    return end + len(following)


def _own_words(sentence: _Sentence, drug: str) -> str:
    """The sentence with other drugs' names blanked: "Children's Advil" names no population
    for a dose of Xanax."""
    text = sentence.text
    for span in sentence.drugs:
        if span.label_ != drug:
            start, end = span.start_char - sentence.span.start_char, span.end_char - sentence.span.start_char
            if (before := BABY_PRODUCT.search(text, 0, start)) is not None:
                start = before.start()  # "a baby aspirin": the product's name, no baby
            text = text[:start] + " " * (end - start) + text[end:]
    return text


def _products_named_just_before(sentence: _Sentence, drug: str, profile: Profile, counted: str) -> frozenset[str]:
    """The products that the sentences just before this one in its block (at most
    EARLIER_SENTENCES back) name with the drug: what a count of units goes on with ("I grabbed
    some Advil at the gas station. I took 4 every 4 hours."); all of them when they name
    several ("Each #3 is 30 mg of codeine. The #4 has 60. Mine say two tablets": either). A
    brand no product's cue names is the default product when the count names its units
    (`counted`: "We keep Benadryl in the kit. He took 4 tablets", not "I take two together")."""
    named: frozenset[str] = frozenset()
    earlier = sentence.previous
    for _ in range(EARLIER_SENTENCES):
        if earlier is None:
            break
        names = [span for span in earlier.drugs if span.label_ == drug]
        if names:
            named |= product_cues(_own_words(earlier, drug), profile) \
                or frozenset(product for span in names if UNITS_NAMED.search(counted)
                             and (product := profile.brand_defaults.get(span.text.lower())) is not None)
        earlier = earlier.previous
    return named


UNITS_NAMED = re.compile(rf"\b{UNIT_FORMS}\b", re.I)


BABY_PRODUCT = re.compile(r"\bbaby\s+$", re.I)


def _row_up_to(sentence: _Sentence, at: int, text: str) -> str:
    """Of a table row, the cells up to the one holding character `at` (the people a row is
    for stand before its dose: "| Eszopiclone | 1-3 mg | longer in elderly |" is no elderly
    dose); any other sentence whole."""
    block = sentence.block
    end = next((cell_end for cell_start, cell_end in block.cells if cell_start <= at <= cell_end), None) \
        if block is not None and block.cells else None
    return text if end is None else text[:max(0, end - sentence.span.start_char)]


def _conditions_for(sentence: _Sentence, uses_by_sentence: dict[int, list[UseClaim]]) -> list[UseClaim]:
    return [u for u in uses_by_sentence.get(sentence.span.start_char, [])
            if not u.negated and not u.hedged and not u.unlisted]  # an unlisted use names no dose's indication


def _introduced_just_before(sentences: list[_Sentence], index: int, uses_by_sentence: dict[int, list[UseClaim]],
                            drug: str, reference: Reference) -> list[UseClaim]:
    """The labeled uses of the drug the sentence right before a dose presents, in the same
    block, when it states no dose of its own: the dose goes on with the use it just introduced,
    not with the block's first ("... for heart failure. Blood pressure? It's an add-on for
    hypertension. Start 25 to 100 a day.")."""
    previous = sentences[index].previous
    if previous is None or previous.doses:
        return []
    profile = reference.profiles[drug]
    return [u for u in _conditions_for(previous, uses_by_sentence)
            if u.drug == drug and u.presented_as_use and is_labeled(reference, profile, u.condition_ids)]


USE_OPENER = re.compile(r"^\W*for\s+(?!(?:the|a|an|each|every|one|two|three|most|some|many|adults?|children|kids|our|your|their"
                        r"|my|his|her|people|patients|members|customers|anyone|those|folks|women|men)\b)\w", re.I)  # not
# "For our members who need extra help": whom, not what for
EARLIER_SENTENCES = 3  # "Children with HeFH can take it. ... Teens can go as high as 40 mg daily."


def _labeled_for_own_use(products: frozenset[str], conditions: list[UseClaim], profile: Profile,
                         reference: Reference) -> bool:
    """True when the products a block's lead names are labeled for a use the sentence names
    itself ('Aleve is for minor aches ... For tougher pain, two tablets'); not when the use it
    opens with is one the lexicon does not name ('For pressure the usual start is')."""
    if not products:
        return True
    return any(is_labeled(reference, profile, use.condition_ids, products) for use in conditions)


def _earlier_conditions(doc: Doc, sentences: list[_Sentence], index: int, uses_by_sentence: dict[int, list[UseClaim]],
                        profile: Profile, reference: Reference) -> list[UseClaim]:
    """The labeled use of the drug the few sentences before a dose name, under the same
    heading and not past a question or another table row: the use a dose that names none is
    stated for. None when they name several ("OCD: 50 mg. PMDD: 50 mg. Raise it up to 200 mg
    a day." is stated for all of them)."""
    heading = _heading_text(doc, sentences[index])
    block = sentences[index].block
    row = block is not None and bool(block.cells)
    named: list[list[UseClaim]] = []  # per sentence that names a use of the drug
    for earlier in reversed(sentences[max(0, index - EARLIER_SENTENCES):index]):
        if _heading_text(doc, earlier) != heading or row and earlier.block_index != sentences[index].block_index:
            break  # a table row's use is its own ("| Artery disease | 2.5 mg twice a day |")
        if _sibling_items(earlier, sentences[index]) and _someones_condition(doc, earlier):
            continue  # another item of the list speaks of its own case ("- a sibling with narcolepsy takes ...")
        if found := [u for u in _conditions_for(earlier, uses_by_sentence)
                     if u.drug == profile.id and is_labeled(reference, profile, u.condition_ids)]:
            named.append(found)
        elif earlier.conditions or earlier.text.rstrip().endswith("?"):
            break  # a nearer sentence names another condition or asks about another topic ("What about
            # Zollinger-Ellison?", "What about people treated for a clot in the leg?")
    kinds = {frozenset(u.condition_ids for u in found) for found in named}
    return named[0] if len(kinds) == 1 else []


AMOUNT_CUE = re.compile(r"[\d.,/]+\s*-?\s*(?:mg|mcg|µg|g|ml|mL|%|units?)(?:/[\d.]+\s*(?:mg|ml|mL))?", re.I)


@cache
def _product_cue_patterns(products: tuple[Product, ...]) -> tuple[tuple[str, re.Pattern, str, bool], ...]:
    """(cue as searched, pattern, product id, case-sensitive) for each product cue that is not
    an amount. Acronyms (IV, ER, XR) match only in capitals: 'Schedule IV' is no IV product."""
    patterns = []
    for product in products:
        for cue in product.cues:
            if AMOUNT_CUE.fullmatch(cue):
                continue  # an amount such as "200 mg" says nothing about the product; "8 HR" does
            exact = is_acronym(cue) and cue not in RELEASE_FORMS_ANY_CASE
            needle = cue if exact else cue.lower()
            plural = "" if exact else "(?:s|es)?" if needle[-1:].isalpha() else "s?"  # "sprays", "patches", "the 5/325s"
            patterns.append((needle, re.compile(rf"(?<!\w){re.escape(needle)}{plural}(?!\w)"), product.id, exact))
    return tuple(patterns)


def product_cues(text: str, profile: Profile | None) -> frozenset[str]:
    """The products of the profile whose cues the text names (not a cue inside a longer one;
    a schedule cue only when no name or form is named); the self-tests read their own
    statements with it too."""
    if profile is None:
        return frozenset()
    lowered = text.lower()
    found = [(match.start(), match.end(), product_id)
             for needle, pattern, product_id, exact in _product_cue_patterns(tuple(profile.products))
             for searched in ((text if exact else lowered),)
             if needle in searched for match in pattern.finditer(searched)]  # a fast test first: most are absent
    kept = [f for f in found if not any(o[0] <= f[0] and f[1] <= o[1] and (o[1] - o[0]) > (f[1] - f[0])
                                        for o in found)]
    named = [f for f in kept if frequency(text[f[0]:f[1]])[0] is None]
    if not kept and PLAIN_BEFORE.search(lowered) and re.search(rf"\b{PLAIN_BEFORE.pattern}\s+{re.escape(profile.generic)}\b",
                                                              lowered):
        return frozenset(p.id for p in profile.products if not p.cues)  # "plain gabapentin": the default product
    return frozenset(p for _, _, p in named or kept)  # a name or form ("XR") outranks a schedule ("three times a day")


PLAIN_BEFORE = re.compile(r"(?:plain|ordinary|generic|basic|regular old|plain old|good old)")


def _dose_claims(doc: Doc, sentences: list[_Sentence], mains: list[str | None], reference: Reference,
                 uses: list[UseClaim], article_main: str | None) -> list[DoseClaim]:
    uses_by_sentence: dict[int, list[UseClaim]] = {}
    for use in uses:
        uses_by_sentence.setdefault(use.sentence_start, []).append(use)
    first_sentence_of_block: dict[int | None, _Sentence] = {}
    for sentence in sentences:
        if not is_handle_line(sentence.text):  # a block's lead is what its writer says, not the header naming them
            first_sentence_of_block.setdefault(sentence.block_index, sentence)
    claims = []
    sentence_starts = [s.span.start for s in sentences]
    whole_text = article_text(doc)
    population_of: dict[tuple[bool, str], tuple] = {}  # a block's lead sentence and heading serve many doses
    products_of: dict[tuple[str, str], frozenset[str]] = {}
    title, title_drugs = _title(doc)
    drug_names = {span.text for span in doc.spans["drugs"]}
    named_ages = {name: years for name, years in ages_by_name(whole_text).items() if name not in drug_names} \
        if doc.spans["doses"] else {}  # read once per article, only where there is a dose to give it to
    title_sentence = next((s for s in sentences if s.block is not None and s.block.kind == "heading"), None)
    heading_sentences: dict[int, _Sentence] = {}
    for sentence in sentences:
        if sentence.block is not None and sentence.block.kind == "heading":
            heading_sentences.setdefault(sentence.block.start, sentence)
    for span in doc.spans["doses"]:
        index = bisect.bisect_right(sentence_starts, span.start) - 1
        sentence = sentences[index]
        drug = sentence.column_drug(span.start_char) or _dose_drug(sentence, span, mains[index], reference, article_main)
        if drug is None or drug == OTHER or drug not in reference.profiles or _rebutted_sentence(sentences, index) \
                or _quiz_option(sentences, index) or _inline_choice(sentence, span):
            continue  # "... she'd give him 20 mg at bedtime. NO."; "C) 500 mg at bedtime" offered, not said, as
            # is "a) 50 mg at night  b) 200 mg ...  c) 600 mg split in three" in one line
        profile = reference.profiles[drug]
        own_use = bool(USE_OPENER.match(sentence.text))  # "For pressure the usual start is ...": its own use,
        lead = sentence if own_use else first_sentence_of_block.get(sentence.block_index, sentence)  # people, product
        own = _row_up_to(sentence, span.end_char, _own_words(sentence, drug))
        contexts = [own, _label_text(doc, sentence), own if lead is sentence else _own_words(lead, drug),
                    _heading_text(doc, sentence)]
        conditions = _conditions_for(sentence, uses_by_sentence)
        clause = _own_clause(whole_text, sentence, span)
        if clause is not None and (in_clause := [u for u in conditions if clause[0] <= u.start < clause[1]]):
            conditions = in_clause  # "my mom takes 40 mg for her blood pressure, and my aunt with tremor takes 480 mg"
        from_lead = not conditions and lead is not sentence
        if from_lead:
            conditions = _introduced_just_before(sentences, index, uses_by_sentence, drug, reference) \
                or _conditions_for(lead, uses_by_sentence)
        carried = _earlier_conditions(doc, sentences, index, uses_by_sentence, profile, reference) \
            if not own_use and all(is_vague(reference, u.condition_ids) for u in conditions) else []
        if carried:
            conditions = carried  # "because the night pain is the worst part" names no use of its own
        elif not conditions and not (sentence.block is not None and sentence.block.cells) \
                and (titled := _section_use(doc, sentences, index, heading_sentences, uses_by_sentence, profile, reference)
                     or _heading_use(title_sentence, uses_by_sentence, profile, reference)):
            conditions = carried = titled  # "How do I take it for trich?": the use its section is about; "ADHD
            # Medications at School": the use the whole page is about (a table row speaks of its own row: "| Combined
            # pill | 1 pill daily |")
        conditions = _most_specific(conditions, reference, whole_text)
        for at, text in enumerate(contexts):
            if (at == 0, text) not in population_of:  # an age someone was ("since he was 8") in the dose's own
                population_of[(at == 0, text)] = detect_population(text, ages_then=at == 0)  # words only
            if (drug, text) not in products_of:
                products_of[(drug, text)] = product_cues(text, profile)
        found_in = next((i for i, t in enumerate(contexts) if population_of[(i == 0, t)][0]), None)
        writer_at = _writer_taking(whole_text, sentence, clause, span)
        if found_in is not None and found_in > 0 and NOT_THE_GROUP.search(contexts[0]):
            found_in = None  # "On dialysis it's 500 mg. Normal kidneys would get 875 mg": the sentence's own people
        populations, age = population_of[(found_in == 0, contexts[found_in])] if found_in is not None \
            else (frozenset(), None)
        if found_in == 0 and clause is not None \
                and (in_clause_people := detect_population(CHILDRENS_PRODUCT.sub(" ", whole_text[clause[0]:clause[1]])))[0]:
            populations, age = in_clause_people  # "2 to 5 year olds get 1 teaspoon, and kids 6 and up can have 2"
        elif found_in == 0 and (clause is not None and NOT_THE_GROUP.search(whole_text[clause[0]:clause[1]])
                                or writer_at is not None and (clause is not None and writer_at >= clause[0]
                                                             or _someone_else_then_writer(whole_text, sentence, writer_at,
                                                                                          span))):
            populations, age = frozenset(), None  # "lower with kidney disease; with healthy kidneys 600 mg", "The kids
            # share the syrup, and I take a 10 mg tablet myself": the people are in another clause
        person = _person_before(sentences, index)  # "My niece is 15. Her doctor started her at 10 mg."
        said_elsewhere = contexts[found_in] if found_in is not None and found_in >= 1 else None
        product_only = found_in == 0 and not detect_population(CHILDRENS_PRODUCT.sub(" ", contexts[0]))[0]  # "gave her
        # 15 mL of the children's Motrin": the product says children, the sentence before says which child
        if (found_in is None or found_in > 1 or product_only) and person is not None \
                and (described := detect_population(person.text, ages_then=False))[0]:
            (populations, age), found_in, said_elsewhere = described, 0, person.text
        elif found_in is None and (writer := _writer_before(sentences, index)) is not None \
                and (described := detect_population(writer.text, ages_then=False))[0]:
            (populations, age), found_in = described, 0  # the writer's kidneys, liver or age, said just before
        if said_elsewhere is not None and populations \
                and _another_taker(whole_text[sentence.span.start_char:span.start_char], said_elsewhere):
            populations, age = frozenset(), None  # "My nephew is 3. His mom took Zofran 8 mg", "My kids: Sam, 12, Ava,
            # 9. I take Ambien 10 mg": not the children's dose
        elif found_in == 0 and age is not None and age[0] == age[1] and (
                nearest := last_stated_age(whole_text[sentence.span.start_char:span.start_char])) not in (None, age[0]):
            populations, age = frozenset({"pediatric" if nearest < ADULT_AGE[0] else "adult"}), (nearest, nearest)
        if (age is None or age[0] != age[1]) and populations <= {"pediatric", "adult"} \
                and writer_at is None \
                and (years := _named_persons_age(named_ages, sentences[index - 1] if index else None, sentence, span)) \
                is not None:
            populations, age = population_at(years), (years, years)  # "Theo's kid Mateo (7)" ... "Mateo got a fever
            # ... Theo gave him two of the 325 mg tablets"
        near = _own_words(sentence, drug)[:_near_end(sentence, span)]  # "20 mg daily can switch to Prozac Weekly"
        block_lead = first_sentence_of_block.get(sentence.block_index, sentence)  # its own use aside, the block's
        lead_words = _own_words(block_lead, drug) if block_lead is not sentence else ""  # product, when labeled for it
        if own_use and lead_words and not _labeled_for_own_use(product_cues(lead_words, profile), conditions, profile,
                                                               reference):
            lead_words = ""  # "Kapvay is for ADHD ... For pressure the usual start is": not Kapvay's dose
        wider = [contexts[1]] + ([lead_words] if lead_words else []) + [contexts[3]]
        dose_words = whole_text[writer_at if writer_at is not None else clause[0] if clause is not None
                                else sentence.span.start_char:span.end_char + UNIT_REACH]
        if writer_at is not None and any(SOMEONE_ELSE.search(t) for t in wider):
            wider = []  # "My two kids take Children's Claritin. I've been taking 20 mg myself": not their product
        around = next((found for t in wider if (found := product_cues(t, profile))), frozenset())
        products = _solid_not_liquid(dose_words, product_cues(dose_words if writer_at is not None else near, profile),
                                     profile) \
            or _fitting(span._.dose, _solid_not_liquid(dose_words, around, profile), profile) \
            or _made_in_strength(whole_text[span.start_char:span.end_char + UNIT_REACH], profile)
        weight = detect_weight(span.text) or detect_weight(_own_clause_after(whole_text, span, sentence)) \
            or next((w for t in contexts[:3] + ([person.text] if person is not None else []) + contexts[3:]
                     if (w := detect_weight(t)) is not None), None)  # last, the heading ("twins, about 26 pounds each?")
        before = whole_text[sentence.span.start_char:span.start_char]
        previous = sentences[index - 1] if index else None
        if previous is not None and previous.block_index == sentence.block_index and strength_before(before) is None \
                and all(d.label_ == drug for d in previous.drugs) \
                and all(d.label_ == drug for d in sentence.drugs):  # no other drug in either sentence
            before = previous.text + " " + before  # "Norco 10 mg/325 mg tablets ... Take two tablets at a time.",
            # "5/325 here for years. On a bad flare I'll take 3 of them at once."
        if strength_before(before) is None and title_drugs == {drug}:
            before = title + " " + before  # a page titled "Loratadine Tablets 10 mg": "I take two at once"
            products = products or _made_in_strength(title, profile)
        mention = span._.dose if span._.dose.amounts_mg \
            else _units_as_amount(span, before, profile, products or _products_named_just_before(sentence, drug, profile,
                                                                                              span.text))
        mention = _in_profiled_ingredient(mention, profile)
        if mention.in_ml:  # "20 mL of Children's Zyrtec": the mg that volume holds
            liquids = [p for p in profile.products if p.mg_per_ml is not None]
            named = [p for p in liquids if p.id in products]
            context = (previous.text + " " if previous is not None and previous.block_index == sentence.block_index
                       else "") + sentence.text
            converted = in_milligrams(mention, context, [p.mg_per_ml for p in named or liquids if p.mg_per_ml])
            if converted is None:
                continue  # a volume of a liquid whose concentration neither the article nor the profile gives
            mention, stated = converted
            if not named and not stated:
                products = frozenset(p.id for p in liquids)
        if not mention.amounts_mg and mention.times_per_day is None:
            continue  # units taken at once, of a strength the article does not give
        conditions = [u for u in conditions if not _organ_of_population(u, populations, profile, reference)]
        claims.append(DoseClaim(drug=drug, mention=mention, start=span.start_char, end=span.end_char,
                                text=span.text, condition_ids=tuple(u.condition_ids for u in conditions),
                                condition_texts=tuple(u.text for u in conditions), populations=populations,
                                age_years=age, products=products, weight_kg=weight, sentence_index=index,
                                use_carried=bool(carried) or from_lead and bool(conditions),
                                in_hospital=any(HOSPITAL.search(text) for text in contexts),
                                on_dialysis=any(DIALYSIS.search(text) for text in contexts),
                                population_alone=found_in is not None
                                and (found_in <= 1 or found_in == HEADING_CONTEXT and stated_age(contexts[found_in]) is not None)
                                and not names_adults(contexts[found_in])))  # a heading "Your 15-year-old": that child
        claims[-1:] = _with_day_total(claims, sentence, index, whole_text)
    return claims


def _named_persons_age(named_ages: dict[str, float], previous: _Sentence | None, sentence: _Sentence,
                       span: Span) -> float | None:
    """The age stated elsewhere for the one named person (`ages_by_name`) this sentence, up to
    the dose, or the one before it in its block names; else None."""
    words = (previous.text + " " if previous is not None and previous.block_index == sentence.block_index else "") \
        + article_text(sentence.doc)[sentence.span.start_char:span.end_char]
    named = {years for name, years in named_ages.items() if (at := _last_mention(name, words)) is not None
             and not _someone_else_after(words[at:], named_ages)}  # "Eli's mom takes", "Mia (6) ... Grandpa took"
    return named.pop() if len(named) == 1 else None


def _last_mention(name: str, words: str) -> int | None:
    """Where the last mention of a name starts in `words`, else None."""
    found = [m.start() for m in re.finditer(rf"\b{name}\b", words)]
    return found[-1] if found else None


GIVEN_TO = re.compile(r"\b(?:gave|gives|give|giving|handed|hands|let|lets)\s+(?:him|her|them)\b", re.I)


def _someone_else_after(words: str, named_ages: dict[str, float]) -> bool:
    """True when, after a named person's last mention, another person ("his dad", "Grandpa",
    "I", another name) is named before the dose and does not give it to them ("Eli's mom
    takes", "and Grandpa took"; not "so Grandpa gave her", nor "Eli is a big kid")."""
    other = re.search(rf"(?:\b(?:his|her|their|my|our|your|the)|['’]s)\s+(?:{PERSON_NOUNS})\b|\b(?:Grandpa|Grandma|Mom|Dad|Mum|"
                      r"Nana|Papa|Aunt \w+|Uncle \w+)\b|\bI\b", words[1:])
    other = other if other is not None else next(
        (m for name in named_ages if (m := re.search(rf"\b{name}\b", words[1:])) is not None), None)
    return other is not None and GIVEN_TO.search(words, other.end()) is None


WRITER_REACH = 40  # characters from "I take" to the dose it takes, in a sentence with no clause break between


def _someone_else_then_writer(text: str, sentence: _Sentence, writer_at: int, span: Span) -> bool:
    """True when the people a sentence names before "I take" are others ("The baby gets the
    syringe, I take 1,000 mg") and the writer's own words name no group ("I'm Walt, 81, I'm on
    Ambien 10 mg": his age)."""
    return SOMEONE_ELSE.search(text, sentence.span.start_char, writer_at) is not None \
        and not detect_population(text[writer_at:span.end_char])[0]


def _writer_taking(text: str, sentence: _Sentence, clause: tuple[int, int] | None, span: Span) -> int | None:
    """Where the dose's own taker is named, in its own clause or just before it: "I take" (or
    "I'm on", "I've been taking": "The baby gets the syringe, I take 1,000 mg") or "his dad
    took" ("Milo got the children's syrup, and his dad took 1,000 mg"); not one who gives it
    to someone ("his mom gives him"). Else None."""
    start = clause[0] if clause is not None else max(sentence.span.start_char, span.start_char - WRITER_REACH)
    found = [m for m in RELATIVE_TAKER.finditer(text, start, span.start_char)
             if TAKER_OBJECT.search(text, m.end(), span.start_char) is None]
    return found[-1].start() if found else None


CLAUSE_BREAK = re.compile(r";|,\s*(?:and|but|or|while|whereas)\s|\b(?:but|while|whereas)\s", re.I)


def _own_clause(text: str, sentence: _Sentence, span: Span) -> tuple[int, int] | None:
    """The characters of a dose's own clause ("kids 6 and up can have 2 teaspoons") when its
    sentence has another clause ("2 to 5 year olds get 1 teaspoon, and ..."); else None."""
    start, end = sentence.span.start_char, sentence.span.end_char
    breaks_before = list(CLAUSE_BREAK.finditer(text, start, span.start_char))
    break_after = CLAUSE_BREAK.search(text, span.end_char, end)
    if not breaks_before and break_after is None:
        return None
    return breaks_before[-1].end() if breaks_before else start, break_after.start() if break_after else end


NEXT_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:mg|mcg|g)\b|[;,]\s*(?:and|but|while)\b|;", re.I)
OWN_CLAUSE_CHARS = 40  # "20 mg from 15 kg up to under 40 kg, and 40 mg from 40 kg": the weight after each amount


def _own_clause_after(text: str, span: Span, sentence: _Sentence) -> str:
    """The words right after a dose, up to the next amount or clause ('40 mg from 40 kg'):
    a weight there is the weight this dose is stated for."""
    after = text[span.end_char:min(sentence.span.end_char, span.end_char + OWN_CLAUSE_CHARS)]
    stop = NEXT_AMOUNT.search(after)
    return after[:stop.start()] if stop else after


PERSON_PRONOUN = re.compile(r"\b(?:he|she|her|his|him|he's|she's)\b", re.I)


FIRST_PERSON = re.compile(r"\b(?:i|i'm|i’m|my|me)\b", re.I)
SOMEONE_ELSE = re.compile(rf"\b(?:{PERSON_NOUNS})s?\b|\b(?:she|he)\b|\b\w+[- ](?:year|month|week)[- ]olds?\b",
                          re.I)  # "My mom has kidney failure", "my four-year-old ... she": not the writer
PERSON_REACH = 3  # sentences back to the one that says how old the person a pronoun stands for is


RELATIVES = ("mom|mum|mother|dad|father|husband|wife|partner|sister|brother|aunt|uncle|grandma|grandpa|grandmother|"
             "grandfather|boyfriend|girlfriend|roommate|boss|coworker|friend")  # grown-ups who take their own doses
RELATIVE_TAKER = re.compile(rf"\b(?:my|his|her|their|our)\s+(?:own\s+)?({RELATIVES})\b"
                            r"|\bI(?:'m| am| was|'ve been|’ve been| have been)? (?:take|took|taking|on|use|used|using|pop|"
                            r"popped|swallow|swallowed)\b", re.I)
TAKER_OBJECT = re.compile(rf"\b(?:him|them)\b|\bher\b(?!\s+(?:own\s+)?(?:{RELATIVES})\b)", re.I)


def _another_taker(before_dose: str, age_sentence: str) -> bool:
    """True when the words before a dose name who takes it, and that is not the person whose
    age another sentence gave ('My nephew is 3. His mom had a stomach bug and took 8 mg', 'My
    son is 4. I took 8 mg myself'); 'His doctor gave him 4 mg' still doses the nephew."""
    taker = RELATIVE_TAKER.search(before_dose)
    if taker is None or TAKER_OBJECT.search(before_dose[taker.end():]):
        return False
    relative = taker.group(1)
    if relative is None:  # "I take": the writer, whom the other sentence may be about ("My eGFR is 40. I take ...")
        return not FIRST_PERSON.search(age_sentence) or SOMEONE_ELSE.search(age_sentence) is not None
    return re.search(rf"\b{relative}\b", age_sentence, re.I) is None


def _writer_before(sentences: list[_Sentence], index: int) -> _Sentence | None:
    """The sentence just before, in the same paragraph, when both speak of the writer and that
    one of no one else: 'My creatinine clearance is about 40. I take 600 mg three times a day'
    (not 'My mom has kidney failure. I take ...')."""
    if index == 0:
        return None
    sentence, before = sentences[index], sentences[index - 1]
    if before.block_index != sentence.block_index or PERSON_PRONOUN.search(sentence.text) \
            or not FIRST_PERSON.search(sentence.text) or not FIRST_PERSON.search(before.text) \
            or SOMEONE_ELSE.search(before.text):
        return None
    return before


def _person_before(sentences: list[_Sentence], index: int) -> _Sentence | None:
    """The sentence just before, in the same paragraph, when this one goes on about a person
    by a pronoun ('My dad has cirrhosis. He is on 20 mg'), or when that one gives the drug to
    someone of a stated age ('My 14-month-old was prescribed hydrochlorothiazide. The bottle
    says 25 mg twice a day'): who the dose is for may be there. A pronoun reaches a few
    sentences further back, over the items of one list, to a sentence that states an age or a
    weight ('He's 15. They started at 0.5 mg. / - The doc said they can go up to 8 mg a day for
    him')."""
    if index == 0:
        return None
    sentence, before = sentences[index], sentences[index - 1]
    if before.block_index != sentence.block_index and not _same_list(before, sentence):
        return None
    if not PERSON_PRONOUN.search(sentence.text):
        return before if before.drugs and _stated_age(before.text) is not None else None
    if _stated_age(sentence.text) is not None:
        return None  # "My uncle is 40; he takes ...": its own age
    for earlier in reversed(sentences[max(0, index - PERSON_REACH):index]):
        if _stated_age(earlier.text) is not None or detect_weight(earlier.text) is not None:
            return earlier  # "Addie weighs about 20 kilograms ... She's on 200 milligrams twice a day"
        if earlier.block_index != sentence.block_index and not _same_list(earlier, sentence):
            break
    return before if before.block_index == sentence.block_index else None


def _someones_condition(doc: Doc, sentence: _Sentence) -> bool:
    """True when every condition a sentence names is someone's ('a sibling with narcolepsy takes')."""
    return bool(sentence.conditions) and all(c.start > 0 and doc[c.start - 1].lower_ in ("with", "has", "have", "had")
                                             for c in sentence.conditions)


def _sibling_items(earlier: _Sentence, later: _Sentence) -> bool:
    """True when both sentences stand in items of one list, in different items."""
    return _is_item(earlier) and _is_item(later) and earlier.block_index != later.block_index


def _same_list(earlier: _Sentence, later: _Sentence) -> bool:
    """True when both sentences stand in items of one list (adjacent item blocks)."""
    return _is_item(earlier) and _is_item(later) \
        and later.block_index is not None and earlier.block_index is not None \
        and later.block_index - earlier.block_index <= 1


@lru_cache(maxsize=256)
def _stated_age(text: str) -> float | None:
    """The one age a sentence states ('a 5-year-old', 'Maya, 7, takes'; 18 for 'my own adult
    ADHD'), else None; not an age someone was ('since he was 8'), which later sentences do not inherit."""
    populations, age = detect_population(text, ages_then=False)
    if age is None and populations == frozenset({"adult"}):
        return ADULT_AGE[0]
    return age[0] if age is not None and age[0] is not None and age[0] == age[1] else None


UNIT_REACH = 12  # characters after a dose where its unit may stand ("three 20 mg | tablets a day")
ONE_UNIT = re.compile(r"(?:a|an|one)\s+(\d+(?:\.\d+)?)(?![\d.,%/-]|\s*(?:mg|mcg|g|ml|milligrams?)\b)", re.I)  # "one
# 37.5 when I woke up": a unit of the strength a product is made in
UNIT_STRENGTH = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)\s*-?\s*mg\s+{UNIT_FORMS}\b", re.I)


def _in_profiled_ingredient(mention: DoseMention, profile: Profile) -> DoseMention:
    """A combination's dose in the mg of the ingredient its profile counts, when the strength
    names both and only the second is one the products are made in: 'one 15 mg/92 mg capsule'
    of Qsymia (counted in topiramate) is 92 mg, 'acetaminophen 300 mg/codeine 30 mg' 30 mg."""
    if mention.pair_mg is None:
        return mention
    first, second = mention.pair_mg
    strengths = {strength for product in profile.products for strength in product.strengths_mg}
    if first in strengths or second not in strengths:
        return mention
    return replace(mention, amounts_mg=tuple((low * second / first, high * second / first)
                                             for low, high in mention.amounts_mg))


def _made_in_strength(text: str, profile: Profile) -> frozenset[str]:
    """The products made in the unit strength a dose names ("three 20 mg tablets" of paroxetine:
    the immediate-release tablets, not the 12.5/25/37.5 mg CR), when only some products are."""
    match = UNIT_STRENGTH.search(text) or ONE_UNIT.match(text)
    if match is None:
        return frozenset()
    strength = float(match.group(1))
    made = frozenset(p.id for p in profile.products if strength in p.strengths_mg)
    return made if made and len(made) < len([p for p in profile.products if p.strengths_mg]) else frozenset()


SOLID_FORMS = re.compile(r"\b(?:tablets?|tabs?|pills?|capsules?|caps|caplets?|softgels?|chewables?)\b", re.I)


def _solid_not_liquid(own_words: str, products: frozenset[str], profile: Profile) -> frozenset[str]:
    """The products named around a dose, unless its own words name a solid form and those
    products are all liquids: 'my 3-year-old gets the syrup ... my 8yo takes a 10 mg tab' is
    a tablet."""
    named = [p for p in profile.products if p.id in products]
    if named and all(p.mg_per_ml is not None for p in named) and SOLID_FORMS.search(own_words):
        return frozenset()
    return products


def _fitting(mention: DoseMention, products: frozenset[str], profile: Profile) -> frozenset[str]:
    """The products named in the sentences around a dose, unless neither its amount nor its
    schedule fits them and both fit another product: '3.125 mg twice daily' beside a Coreg CR table (capsules of
    10 to 80 mg, once a day) is the tablets' dose."""
    if not products or mention.times_per_day is None or len(mention.amounts_mg) != 1 \
            or mention.amounts_mg[0][0] != mention.amounts_mg[0][1]:
        return products
    amount = mention.amounts_mg[0][0]
    named = [p for p in profile.products if p.id in products]
    others = [p for p in profile.products if p.id not in products and amount in p.strengths_mg]
    if not others or any(amount in p.strengths_mg or not p.strengths_mg for p in named) \
            or _schedule_fits(profile, products, mention.times_per_day) is not False:
        return products
    return frozenset() if _schedule_fits(profile, frozenset(p.id for p in others), mention.times_per_day) else products


def _schedule_fits(profile: Profile, products: frozenset[str], times: tuple[float, float]) -> bool | None:
    """Whether a dose entry for these products (else, when none names them, an entry for any
    product) gives a schedule, in doses a day or hours between doses, that allows `times`
    doses a day; None when none gives a schedule."""
    entries = [e for e in profile.doses if products.intersection(e.products)] \
        or [e for e in profile.doses if not e.products]
    scheduled = False
    for entry in entries:
        for regimen in (entry.initial, entry.usual):
            allowed = regimen.get("times_per_day")
            if allowed is None and (hours := regimen.get("interval_hours")) is not None:
                allowed = (24 / hours[1] if hours[1] else None, 24 / hours[0] if hours[0] else None)
            if allowed is None:
                continue
            scheduled = True
            if (allowed[0] is None or allowed[0] <= times[1]) and (allowed[1] is None or times[0] <= allowed[1]):
                return True
    return False if scheduled else None


def _units_as_amount(span: Span, before: str, profile: Profile, products: frozenset[str]) -> DoseMention:
    """A schedule of counted units ("two tablets every 4 hours") as an amount, when the
    sentence states a strength the drug is made in before it ("Norco 10 mg/325 mg ...") or
    the product named (else the drug) comes in one strength ("three Advil tablets", "3
    Contrave pills") or in strengths close together (0.5 and 0.6 mg: the amount is a range);
    else the schedule as it is."""
    counted = counted_units(article_text(span.doc)[span.start_char:span.end_char + SCHEDULE_AFTER_UNITS])
    if counted is None:  # "take 3 | in the morning": the schedule that makes a bare count units may follow the span
        return span._.dose
    made = {s for p in profile.products if p.id in products for s in p.strengths_mg} \
        or {s for p in profile.products for s in p.strengths_mg}  # the named product's strengths, else the drug's
    stated = strength_before(before)
    if stated is None and (named_after := STRENGTH_OF_UNITS_AFTER.match(article_text(span.doc), span.end_char)):
        stated = float(named_after.group(1))  # "takes two tablets four times a day of the regular 5 mg pills"
    if stated is None and (paired := WITH_ACETAMINOPHEN.search(span.text)) is not None:
        stated = float(paired.group("n"))  # "two Norco 10/325s every four hours": the units' own strength
    if stated is not None and (not made or stated in made):
        return with_strength(span._.dose, (stated, stated), *counted)
    # else "2 caplets ... the label dose, 1,000 mg ... 6 caplets a day": a dose, not a strength
    if made and max(made) <= CLOSE_STRENGTHS * min(made):
        return with_strength(span._.dose, (min(made), max(made)), *counted)
    return span._.dose


STRENGTH_OF_UNITS_AFTER = re.compile(rf"\s+of\s+(?:the|my|his|her|their|your|those|these)\s+(?:[\w-]+\s+){{0,2}}?"
                                     rf"(\d+(?:\.\d+)?)\s*-?\s*mg\s+{UNIT_FORMS}\b", re.I)  # "... of the regular 5 mg pills"
SCHEDULE_AFTER_UNITS = 20  # characters after a count's span where its schedule may stand
CLOSE_STRENGTHS = 1.25  # strengths this close read a count of units as a range ("2 tablets": 1.0-1.2 mg)


ANOTHER_DOSE = re.compile(rf"\b(?:another|{ORDINAL_DOSE}|an extra|a further|a final|one more)\s+(?:dose of\s+)?$"
                          r"|\b(?:add|adds|added|adding|throw in|tack on)\s+(?:in\s+)?(?:an? )?$"
                          r"|\balso\s+(?:takes?|took|gets?|got|gives?|gave|swallows?|swallowed|pops?|popped)\s+(?:an? )?$"
                          r"|\bplus\s+(?:an? |another )?$",  # "20 mg at breakfast, lunch and dinner plus a 10 mg top-up"
                          re.I)  # "and also gets a 15 mg SolTab when she wakes"
ON_TOP_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,3}?,?\s*on top(?! of (?:the world|things|it all))\b", re.I)
DENIED_BEFORE = re.compile(r"\b(?:not|never|no|n't|don't|avoid)\b", re.I)  # "do not take another 5 mg"
SAME_DAY_SENTENCES = 3  # an "another" dose adds to the doses of the last few sentences before it


def _day_amount(mention: DoseMention) -> DoseMention:
    """A dose as the day's amount it gives: '20 mg at breakfast and 20 mg at lunch' is 40 mg."""
    times = mention.times_per_day
    if times is None or times[0] <= 1:
        return mention
    (low, high), = mention.amounts_mg
    return replace(mention, amounts_mg=((low * times[0], high * times[0]),))


def _with_day_total(claims: list[DoseClaim], sentence: _Sentence, index: int, text: str) -> list[DoseClaim]:
    """The last claim, and when it is 'another' dose of the day ("His evening dose is
    another 250 mg" after "200 mg in the morning"; "I add a 1 mg tablet on top"), a daily total with the doses of the same
    drug the sentences just before stated, judged as a daily amount."""
    claim = claims[-1]
    if DENIED_BEFORE.search(text[sentence.span.start_char:claim.start]) \
            or not (ANOTHER_DOSE.search(text[max(sentence.span.start_char, claim.start - 30):claim.start])
                    or ON_TOP_AFTER.match(text, claim.end, sentence.span.end_char)) \
            or len(claim.mention.amounts_mg) != 1 or claim.mention.per_kg \
            or ANOTHER_DAY.match(text, claim.end):  # "another 5 mg the next night": another day
        return [claim]
    spans = Counter((c.start, c.end) for c in claims)  # a span claimed twice holds a total made of its doses
    earlier = [c for c in claims[:-1] if c.drug == claim.drug and c.end <= claim.start
               and not (c.mention.per_day and spans[(c.start, c.end)] > 1)  # a total already made of them
               and c.sentence_index >= index - SAME_DAY_SENTENCES and len(c.mention.amounts_mg) == 1
               and not c.mention.per_kg and c.mention.kind in ("usual", "initial")  # "started at 2 g at breakfast"
               and not c.mention.by_interval]
    if any(c.sentence_index == claim.sentence_index for c in earlier):  # "8 mg before and another 8 mg later":
        earlier = [c for c in earlier if c.sentence_index == claim.sentence_index]  # the day is this sentence's
    if not earlier:
        return [claim]
    total = day_total(claim.mention, [_day_amount(c.mention) for c in [*earlier, claim]])
    if not LATER_DOSE.search(text, sentence.span.start_char, sentence.span.end_char):
        return [claim, replace(claim, mention=total)]  # "add a 1 mg tablet" to the 2 mg one: one dose, taken together
    return [claim, replace(claim, mention=total), replace(claim, mention=doses_that_day(claim.mention, len(earlier) + 1))]


LATER_DOSE = re.compile(r"\b(?:later|midway|halfway|when (?:\w+ )?(?:wakes?|woke|waking|wake up)|"
                        r"if (?:\w+ )?(?:is |are |'s |'re )?still (?:awake|up)|in the (?:middle of the )?night|"
                        r"at (?:midnight|\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?|o'clock))|"
                        r"(?:before|at) bed(?:time)?|(?:at|with|after) (?:dinner|supper|lunch|noon|night)|"
                        r"in the (?:afternoon|evening)|mid-?afternoon)", re.I)  # a second dose, at another time


# --- warning mentions ---------------------------------------------------------------------

class _SentenceTexts:
    """The article's sentences in lower case, joined by newlines, with the sentences where
    each group of alternative wordings occurs (found with one search of the whole text)."""

    def __init__(self, texts: list[str], continued: set[int]):
        """`continued`: the sentences that carry on the one before ("Together they can stop
        your breathing."), whose wordings count for that sentence too."""
        self.joined = "\n".join(texts)  # no wording holds a newline, so none spans two sentences
        self.offsets = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        self.continued = continued
        self._found: dict[tuple[str, ...], set[int]] = {}

    def with_any(self, alternatives: tuple[str, ...]) -> set[int]:
        if alternatives not in self._found:
            self._found[alternatives] = {bisect.bisect_right(self.offsets, at) - 1
                                         for wording in alternatives for at in self._word_starts(wording)}
        return self._found[alternatives]

    def _word_starts(self, wording: str) -> Iterator[int]:
        """Where the wording occurs at the start of a word."""
        at = self.joined.find(wording)
        while at >= 0:
            if at == 0 or not WORD_CHARACTER.match(self.joined, at - 1):
                yield at
            at = self.joined.find(wording, at + 1)

    def first_with_all(self, groups: tuple[tuple[str, ...], ...]) -> int | None:
        """The first sentence holding a wording of every group, itself or with the sentence
        that carries it on."""
        if not groups:
            return None
        found = [self.with_any(group) for group in groups]
        alone = set.intersection(*found)
        carried_on = set.intersection(*(f | {i - 1 for i in f & self.continued} for f in found))
        return min(alone | carried_on, default=None)


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern:
    """Whole-word alternation of phrases, the longest first; one that matches nothing for none."""
    return re.compile(r"\b(?:" + alternation(phrases) + r")\b")


@cache
def _idioms() -> re.Pattern:
    return _phrase_pattern(cue_table().not_warnings)


@cache
def _label_words() -> tuple[re.Pattern, dict[str, str]]:
    words = dict(cue_table().warning_words)
    return _phrase_pattern(words), words


def _in_label_words(text: str) -> str:
    """The lower-cased sentence with its lay phrases of a warning in the label's word
    (rules/cues.yaml `warning_words`: 'stopped all of a sudden' -> 'stopped suddenly')."""
    pattern, words = _label_words()
    return pattern.sub(lambda match: words[match.group(0)], text)


def _without_idioms(text: str) -> str:
    """The lower-cased sentence with fixed expressions that are no warning blanked ('a
    stroke of genius', 'Suicide Squad'), keeping every offset."""
    return _idioms().sub(lambda match: " " * len(match.group(0)), text)


def _without_denials(text: str, names: frozenset[str]) -> str:
    """The sentence with every clause that denies a risk of the drug blanked ("Xanax is not
    habit-forming at all", "Ozempic does not cause thyroid cancer", "it causes no
    withdrawal", "perfectly safe if you become pregnant"): a denial is no mention of the
    warning. A denial has the drug (its name, "it", "this") as the subject of the negated
    verb; negated advice ("Never combine it with...", "don't just quit", "is not safe for
    children") and described symptoms ("an erection that won't go away") warn, and stay."""
    pieces = CLAUSE_SPLIT.split(text)
    kept = [" " * len(piece) if _denies(piece, names) else piece for piece in pieces]
    return "".join(kept)


def _denies(clause: str, names: frozenset[str]) -> bool:
    if REASSURANCE.search(clause) or OBJECT_DENIAL.search(clause):
        return True
    for match in DENIAL.finditer(clause):
        words_before = clause[max(0, match.start() - 60):match.start()].split()
        subject = words_before[-1].strip("(),") if words_before else ""
        if (subject in names or subject in DRUG_PRONOUNS) and not NEGATED_ADVICE.match(clause[match.end():]):
            return True
    return False


RESTRICTED_USE = re.compile(r"\b(?:(?:a |the )?last resort|only (?:when|if) (?:\w+ ){0,4}?(?:no|nothing|other|others|else|"
                            r"can't|cannot|fail\w*)|reserved? (?:for|it)|"
                            r"no other (?:options?|choices?|antibiotics?|treatments?)|nothing else (?:is an option|works))\b",
                            re.I)


def _warning_mentions(doc: Doc, sentences: list[_Sentence], drugs: list[str], reference: Reference,
                      uses: list[UseClaim]) -> list[WarningMention]:
    """The first sentence that carries each warning topic of the drugs. A sentence that
    presents a use counts only if it also speaks of harm, and then not by the use's own
    words ("relieves anxiety" is no warning about anxiety); one in a 'how it works'
    section does not count."""
    benefit: dict[int, list[tuple[int, int]]] = {}  # sentence -> the words of the uses it presents
    selling: set[int] = set()  # sentences that present a use of these drugs (not "I still use sumatriptan for")
    for use in uses:
        if use.presented_as_use and not use.negated and not use.unlisted:  # unlisted uses are weaker evidence
            benefit.setdefault(use.sentence_start, []).append((use.start, use.end))
            if use.drug in drugs:
                selling.add(use.sentence_start)
    names = frozenset(name.lower() for drug in drugs for name in reference.profiles[drug].names)
    texts = []
    for index, sentence in enumerate(sentences):
        sentence_start = sentence.span.start_char
        if _answered_no(sentence, _reply(sentences, index)):
            texts.append("")  # "Is it addictive? Not at all." denies the warning
            continue
        if sentence.section == "mechanism" and not speaks_of_warning(sentence.text):  # how it works ("tells your
            # pancreas to release insulin"), unless it warns ("patients can become sleepy ... a safety program")
            texts.append("")
            continue
        kept_from = 0
        restricted = RESTRICTED_USE.search(sentence.text) is not None  # "for a simple bladder infection it's a last
        # resort": the use is named to restrict it, which is the warning
        if sentence_start in selling and not sentence.has("harm") and not restricted:  # selling a benefit ("brings
            # liver tests back to normal") warns of nothing, unless a contrast follows it ("eases the urge to pee, but
            # may leave you woozy")
            last_use_end = max(end for _, end in benefit[sentence_start]) - sentence_start
            contrast = TURN.search(sentence.text, max(0, last_use_end))
            if contrast is None:
                texts.append("")
                continue
            kept_from = contrast.end()
        chars = _without_denials(_without_idioms(sentence.text.lower()), names)
        chars = " " * kept_from + chars[kept_from:]
        for start, end in benefit.get(sentence_start, ()) if not restricted else ():
            if sentence_start <= start < sentence.span.end_char:
                blank_from, blank_to = start - sentence_start, min(end - sentence_start, len(chars))
                chars = chars[:blank_from] + " " * (blank_to - blank_from) + chars[blank_to:]
        texts.append(_in_label_words(chars))
    continued = {i for i in range(1, len(sentences)) if sentences[i].block_index == sentences[i - 1].block_index
                 and (CARRIED_ON.match(texts[i]) or DANGER_BEFORE.search(texts[i]) or NAMED_BEFORE.search(texts[i]))}
    article = _SentenceTexts(texts, continued)
    mentions = []
    for drug in drugs:
        for topic in reference.profiles[drug].warnings:
            hits = [i for i in (article.first_with_all(p) for p in topic.mentions) if i is not None]
            if hits:
                hit = sentences[min(hits)].span
                mentions.append(WarningMention(drug, topic.id, hit.start_char, hit.end_char))
    return mentions
