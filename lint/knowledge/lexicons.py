"""The word lists under `rules/` that are not profiles: context cues (`cues.yaml`) and drugs
without a profile (`other_drugs.yaml`), loaded and validated like every other rules file
(a problem is reported with its file, line and field)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lint.knowledge.reference import rules_dir
from lint.knowledge.yamlfile import FieldChecker, YamlFile
from lint.nlp.inflect import phrase_forms

CUE_CATEGORIES = ("use", "negation", "hedge", "off_label", "harm", "history", "descriptive", "terminate")


@dataclass(frozen=True)
class CueTable:
    """Cue phrases per context category, and heading words per section kind."""

    cues: dict[str, tuple[str, ...]]
    sections: dict[str, tuple[str, ...]]
    not_warnings: tuple[str, ...] = ()  # fixed expressions whose words are no warning ("a stroke of genius")
    not_conditions: tuple[str, ...] = ()  # fixed expressions whose words name no condition ("cold turkey")
    acronym_words: tuple[str, ...] = ()  # acronyms that are also words in small letters ("add", "sad"): case kept
    warning_words: tuple[tuple[str, str], ...] = ()  # lay phrases read as a label's word ("all of a sudden": suddenly)


@dataclass(frozen=True)
class OtherDrugs:
    """Names of drugs druglint has no profile for, of drug classes, INN name endings, and
    the ordinary words that end like a drug ('cholesterol')."""

    drugs: tuple[str, ...]
    classes: tuple[str, ...]
    stems: tuple[str, ...] = ()
    not_stemmed: tuple[str, ...] = ()


def parse_cues(file: YamlFile) -> CueTable:
    """Validate a cues file: every category a list of phrases, `sections` a mapping of lists,
    `not_warnings` and `not_conditions` lists of fixed expressions, `acronym_words` a list of
    words, `warning_words` a mapping of lay phrases to the label word they stand for."""
    check = FieldChecker(file)
    top = check.mapping(file.data, (), ("sections",), (*CUE_CATEGORIES, "not_warnings", "not_conditions", "acronym_words",
                                                      "warning_words"))
    cues = {category: check.strings(top.get(category, []), (category,)) for category in CUE_CATEGORIES}
    section_words = check.mapping(top["sections"], ("sections",), (), tuple(top["sections"] or ()))
    lay_words = top.get("warning_words") or {}
    warning_words = check.mapping(lay_words, ("warning_words",), (), tuple(lay_words))
    return CueTable(cues=cues, sections={kind: check.strings(words, ("sections", kind))
                                         for kind, words in section_words.items()},
                    not_warnings=tuple(w.lower() for w in check.strings(top.get("not_warnings", []), ("not_warnings",))),
                    not_conditions=tuple(w.lower() for w in check.strings(top.get("not_conditions", []),
                                                                         ("not_conditions",))),
                    acronym_words=tuple(w.lower() for w in check.strings(top.get("acronym_words", []), ("acronym_words",))),
                    warning_words=tuple((phrase.lower(), check.text(word, ("warning_words", phrase)).lower())
                                        for phrase, word in warning_words.items()))


def parse_other_drugs(file: YamlFile) -> OtherDrugs:
    """Validate the other-drugs file: `drugs`, `classes`, `stems` and `not_stemmed`, each a list of words."""
    check = FieldChecker(file)
    top = check.mapping(file.data, (), ("drugs", "classes"), ("stems", "not_stemmed"))
    return OtherDrugs(drugs=check.strings(top["drugs"], ("drugs",)),
                      classes=check.strings(top["classes"], ("classes",)),
                      stems=tuple(s.lower() for s in check.strings(top.get("stems"), ("stems",))),
                      not_stemmed=tuple(s.lower() for s in check.strings(top.get("not_stemmed"), ("not_stemmed",))))


@lru_cache(maxsize=1)
def cue_table() -> CueTable:
    """The shipped rules/cues.yaml, validated."""
    return parse_cues(YamlFile(rules_dir() / "cues.yaml"))


@lru_cache(maxsize=1)
def other_drugs() -> OtherDrugs:
    """The shipped rules/other_drugs.yaml, validated."""
    return parse_other_drugs(YamlFile(rules_dir() / "other_drugs.yaml"))


@dataclass(frozen=True)
class UsePredicates:
    """Benefit predicates in base form (verbs, nouns taking 'for'), and the verbs whose
    purpose clause is a use ('take X to ...')."""

    verbs: tuple[str, ...]
    nouns: tuple[str, ...]
    purpose: tuple[str, ...]
    improvements: tuple[str, ...] = ()
    frames: tuple[str, ...] = ()  # "keep ... in check": what stands for "..." is presented as a use
    adjectives: tuple[str, ...] = ()  # "fantastic for": with the drug as subject, what follows is a use
    not_benefit_words: tuple[str, ...] = ()  # "a known trigger for": a noun phrase that presents harm, not a use
    storage: tuple[str, ...] = ()  # "keeps it in the kit to stop ...": a purpose verb for named conditions only
    not_purpose: tuple[str, ...] = ()  # "stopped Xanax to get pregnant": the verb's 'to' clause is no use of the drug


@dataclass(frozen=True)
class Concepts:
    """What an unlisted use looks like: complaint words and endings, goal verbs and nouns."""

    complaint_words: tuple[str, ...]
    complaint_suffixes: tuple[str, ...]
    goal_verbs: tuple[str, ...]
    goal_nouns: tuple[str, ...]
    goal_comparatives: tuple[str, ...] = ()
    not_goal_nouns: tuple[str, ...] = ()
    nickname_heads: tuple[str, ...] = ()
    nickname_descriptors: tuple[str, ...] = ()
    suppressing_verbs: tuple[str, ...] = ()
    wanted_functions: tuple[str, ...] = ()
    bare_complaint_words: tuple[str, ...] = ()
    agent_verbs: tuple[str, ...] = ()
    topic_nouns: tuple[str, ...] = ()
    bare_goal_verbs: tuple[str, ...] = ()
    cost_nouns: tuple[str, ...] = ()


def parse_use_predicates(file: YamlFile) -> UsePredicates:
    """Validate use_predicates.yaml: `verbs`, `nouns`, `purpose`, `improvements`, `frames`,
    `adjectives`, `not_benefit_words`, `storage` and `not_purpose`, each a list of phrases; a frame holds one
    ' ... ' gap ("keep ... in check")."""
    check = FieldChecker(file)
    keys = ("verbs", "nouns", "purpose", "improvements", "frames", "adjectives", "not_benefit_words", "storage",
            "not_purpose")
    top = check.mapping(file.data, (), keys[:3], keys[3:])
    for index, frame in enumerate(check.strings(top.get("frames"), ("frames",))):
        if frame.count(" ... ") != 1:
            check.fail(("frames", index), "a frame is a verb, ' ... ' for the use, then the words that close it")
    return UsePredicates(*(check.strings(top.get(key), (key,)) for key in keys))


def parse_concepts(file: YamlFile) -> Concepts:
    """Validate concepts.yaml: complaint words and suffixes, goal verbs and nouns, goal
    comparatives and the nouns after them that name no goal, the heads of a nickname that
    says what the drug is for and the words of a nickname that describe the drug only, and
    the verbs that suppress and the functions a reader wants kept (what one suppresses is a
    side effect), the complaint words that alone name no complaint ('a flare'), and the verbs
    whose doer nouns head a nickname ('a headache breaker'), and the nouns a condition's name
    only describes ('stomach bug hacks', 'migraine tips'), and the goal verbs that alone name no
    goal ('helps you bounce back')."""
    check = FieldChecker(file)
    keys = ("complaint_words", "complaint_suffixes", "goal_verbs", "goal_nouns", "goal_comparatives", "not_goal_nouns",
            "nickname_heads", "nickname_descriptors", "suppressing_verbs", "wanted_functions", "bare_complaint_words", "agent_verbs",
            "topic_nouns", "bare_goal_verbs", "cost_nouns")
    top = check.mapping(file.data, (), keys, ())
    return Concepts(*(tuple(word.lower() for word in check.strings(top[key], (key,))) for key in keys))


@lru_cache(maxsize=1)
def use_predicates() -> UsePredicates:
    """The shipped rules/use_predicates.yaml, validated."""
    return parse_use_predicates(YamlFile(rules_dir() / "use_predicates.yaml"))


@lru_cache(maxsize=1)
def purpose_forms() -> frozenset[str]:
    """Every form of every purpose and storage verb of use_predicates.yaml ('take', 'took',
    'handed out', 'keeps'): the verbs whose purpose clause, or a heading's 'for', presents a use."""
    predicates = use_predicates()
    return frozenset(form for verb in (*predicates.purpose, *predicates.storage) for form in phrase_forms(verb))


@lru_cache(maxsize=1)
def concepts() -> Concepts:
    """The shipped rules/concepts.yaml, validated."""
    return parse_concepts(YamlFile(rules_dir() / "concepts.yaml"))
