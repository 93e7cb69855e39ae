"""House rules: run the rules of the packs (lint/packs.py, format in rules/packs/README.md).

Unlike the label checks, pack rules read the analysed Doc itself: every rule's phrases and
token patterns are matched in one pass of a spaCy PhraseMatcher and Matcher, then each
rule filters its matches by scope, exceptions and context (negated, quoted, hedged) and
checks the drug a claim is about against that drug's reference profile.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from spacy.attrs import LOWER, ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from lint.checks.rule import CheckContext, RuleDoc
from lint.claims.extract import ArticleClaims
from lint.knowledge.packs import CONTEXTS, DrugCondition, PackRule, Patterns, pack_rules
from lint.knowledge.reference import Profile, Reference
from lint.knowledge.yamlfile import DataError
from lint.model.findings import Finding, Severity
from lint.model.units import NUMBER_PATTERN, UNIT_PATTERN, parse_number, to_mg
from lint.nlp.anchored_matcher import AnchoredMatcher, tokens_with
from lint.nlp.drugs import OTHER
from lint.nlp.extensions import ENTITY_ATTRS
from lint.nlp.pipeline import build_pipeline
from lint.nlp.sentences import sentence_table
from lint.nlp.words import article_text

NEGATIONS = frozenset({"not", "n't", "n’t", "nt", "no", "never", "nor", "neither", "without", "nothing", "none"})
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", "!", "?"})
NEGATION_WINDOW = 6  # tokens looked at before a match, within its clause
AMOUNT = re.compile(rf"(?<![\d/.,])({NUMBER_PATTERN})\s*-?\s*({UNIT_PATTERN})\b", re.IGNORECASE)
ENTITY_GROUPS = {ENTITY_ATTRS["DRUG"]: "drugs", ENTITY_ATTRS["CONDITION"]: "conditions",
                 ENTITY_ATTRS["DOSE"]: "doses"}  # extension -> doc.spans group
PARTS = ("match", "except", "when")




@dataclass
class CompiledRules:
    """All pack rules' patterns in one PhraseMatcher and one AnchoredMatcher, keyed 'rule-id|part'."""

    phrases: PhraseMatcher
    tokens: AnchoredMatcher


def _phrase_doc(vocab: Vocab, phrase: str) -> Doc:
    tokens = build_pipeline(()).tokenizer(phrase)  # split as article text is split
    return Doc(vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])


def phrase_variants(phrase: str) -> set[str]:
    """A phrase with its hyphen and apostrophe variants ('risk-free' -> 'risk free', 'riskfree')."""
    forms = {phrase}
    if "-" in phrase:
        forms |= {phrase.replace("-", " "), phrase.replace("-", "")}
    return forms | {f.replace("'", "’") for f in forms if "'" in f}


@lru_cache(maxsize=8)
def compile_rules(rule_dirs: tuple[str, ...], vocab: Vocab) -> CompiledRules:
    """Build the matchers for every pack rule (cached per rule folders and vocabulary)."""
    phrases = PhraseMatcher(vocab, attr="LOWER")
    tokens = AnchoredMatcher(vocab)
    for rule in pack_rules(rule_dirs).values():
        parts = {"match": rule.patterns, "except": rule.exceptions,
                 "when": rule.when.contains if rule.when else Patterns()}
        for part, patterns in parts.items():
            key = f"{rule.id}|{part}"
            docs = [_phrase_doc(vocab, v) for p in patterns.phrases for v in sorted(phrase_variants(p))]
            if docs:
                phrases.add(key, docs)
            if patterns.tokens:
                try:
                    tokens.add(key, [list(p) for p in patterns.tokens])
                except ValueError as error:
                    raise DataError(rule.path, f"rule '{rule.id}': spaCy rejected a token pattern: {error}",
                                    line=rule.line, field="patterns") from None
    return CompiledRules(phrases, tokens)


class _Article:
    """The analysed article as pack rules see it: sentences with their layout, cues and drugs."""

    def __init__(self, doc: Doc, claims: ArticleClaims, reference: Reference):
        self.doc, self.claims, self.reference = doc, claims, reference
        self.text = article_text(doc)
        table = sentence_table(doc)
        self.sentences, self.sentence_of = table.spans, table.of_token
        self.questions = {i for i, (start, end) in enumerate(table.chars) if self.text[start:end].rstrip().endswith("?")}
        blocks, section_kinds = doc._.layout.blocks if doc._.layout else [], doc._.section_kinds
        self.places: list[tuple[str, str]] = [  # (block kind, section kind) per sentence
            ("paragraph", "other") if index is None else
            (blocks[index].kind, section_kinds[index] if section_kinds else "other") for index in table.blocks]
        self.negation_tokens = set(tokens_with(doc, LOWER, NEGATIONS))
        self.break_tokens = set(tokens_with(doc, ORTH, CLAUSE_BREAKS))
        self.hedged = set()
        for cue in doc.spans["cues"]:
            if cue.label_ == "negation":
                self.negation_tokens.update(range(cue.start, cue.end))
            elif cue.label_ == "terminate":
                self.break_tokens.update(range(cue.start, cue.end))
            elif cue.label_ == "hedge":
                self.hedged.add(self.sentence_of[cue.start])
        self.drugs = sorted(doc.spans["drugs"], key=lambda s: s.start)
        self._entity_spans: dict[str, list[Span]] = {}

    def entity_spans(self, extension: str) -> list[Span]:
        """The spans behind an entity extension of the token patterns (pack_drug, ...)."""
        if extension not in self._entity_spans:
            self._entity_spans[extension] = (
                self.claims.misspellings if extension == ENTITY_ATTRS["MISSPELLED"]
                else list(self.doc.spans[ENTITY_GROUPS[extension]]) if extension in ENTITY_GROUPS else [])
        return self._entity_spans[extension]

    def sentence(self, span: Span) -> Span:
        return self.sentences[self.sentence_of[span.start]]

    def in_scope(self, span: Span, scope: str) -> bool:
        if scope == "document":
            return True
        index = self.sentence_of[span.start]
        if span.end > self.sentences[index].end:
            return False
        kind, section = self.places[index]
        return (scope == "sentence" or (scope == "heading" and kind == "heading")
                or (scope == "list_item" and kind == "item") or section == scope)

    def has_scope(self, scope: str) -> bool:
        """True when the article has text of this scope (a section kind may be absent)."""
        return scope in ("document", "sentence") or any(
            (scope == "heading" and kind == "heading") or (scope == "list_item" and kind == "item") or section == scope
            for kind, section in self.places)

    def contexts(self, span: Span) -> set[str]:
        """Which of negated, quoted, hedged, question apply to a match."""
        found = set()
        index = self.sentence_of[span.start]
        sentence = self.sentences[index]
        for i in range(span.start - 1, max(sentence.start, span.start - NEGATION_WINDOW) - 1, -1):
            if i in self.break_tokens:
                break
            if i in self.negation_tokens:
                found.add("negated")
                break
        before = self.text[sentence.start_char:span.start_char]
        if before.count('"') % 2 == 1 or before.count("“") > before.count("”"):
            found.add("quoted")
        if index in self.hedged:
            found.add("hedged")
        if index in self.questions:
            found.add("question")
        return found

    def drugs_about(self, span: Span) -> list[tuple[str, Span | None]]:
        """The drug(s) a match is about: a drug name inside it, else the nearest drug
        named before it in the sentence, else after it, else the article's main drug."""
        sentence = self.sentence(span)
        named = [d for d in self.drugs if sentence.start <= d.start < sentence.end]
        inside = [d for d in named if d.start < span.end and span.start < d.end]
        before = [d for d in named if d.end <= span.start]
        after = [d for d in named if d.start >= span.end]
        chosen = inside or before[-1:] or after[:1]
        if chosen:
            return [(d.label_, d) for d in chosen]
        return [(self.claims.main_drug, None)] if self.claims.main_drug else []


# --- drug conditions ----------------------------------------------------------------------

def _normal_schedule(code: str) -> str:
    """'C-IV', 'CIV', 'Schedule IV' -> 'IV'."""
    return re.sub(r"[^A-Z0-9]", "", code.upper()).removeprefix("SCHEDULE").removeprefix("C")


def _schedule(profile: Profile) -> str:
    return f"Schedule {_normal_schedule(profile.controlled)}" if profile.controlled else "not a controlled substance"


def _strengths(profile: Profile) -> list[float]:
    return sorted({s for product in profile.products for s in product.strengths_mg})


def _strength_text(profile: Profile) -> str:
    values = [f"{s:g}" for s in _strengths(profile)]
    if not values:
        return "no strengths on record"
    return (", ".join(values[:-1]) + " and " + values[-1] if len(values) > 1 else values[0]) + " mg"


def _amount_mg(text: str) -> float | None:
    match = AMOUNT.search(text)
    return to_mg(parse_number(match.group(1)), match.group(2)) if match else None


@dataclass
class _Fact:
    """What a profile condition found: the label fact and its source, for the finding."""

    text: str
    source: str | None


def drug_condition_holds(condition: DrugCondition, profile: Profile, match_text: str = "") -> list[_Fact] | None:
    """None when the profile fails the condition; else the facts that made it hold."""
    facts: list[_Fact] = []
    default_source = profile.products[0].source if profile.products else next(iter(profile.sources))
    if condition.ids is not None and profile.id not in condition.ids:
        return None
    if condition.rx_only is not None:
        if profile.rx_only != condition.rx_only:
            return None
        facts.append(_Fact("prescription only" if profile.rx_only else "sold without a prescription", default_source))
    if condition.otc_available is not None:
        otc = any(p.otc for p in profile.products)
        if otc != condition.otc_available:
            return None
        facts.append(_Fact("sold over the counter" if otc else "no over-the-counter product", default_source))
    if condition.controlled is not None:
        if isinstance(condition.controlled, bool):
            holds = bool(profile.controlled) == condition.controlled
        else:
            holds = profile.controlled is not None and _normal_schedule(profile.controlled) in {
                _normal_schedule(c) for c in condition.controlled}
        if not holds:
            return None
        facts.append(_Fact(f"controlled substance, {_schedule(profile)}" if profile.controlled
                           else "not a controlled substance", default_source))
    if condition.warning_topics is not None:
        topic = next((w for w in profile.warnings
                      if any(word in f"{w.id} {w.topic}".lower() for word in condition.warning_topics)), None)
        if topic is None:
            return None
        facts.append(_Fact(f"{topic.topic}: {topic.fact}", topic.source))
    if condition.made_in_strength is not None:
        amount, strengths = _amount_mg(match_text), _strengths(profile)
        if amount is None or not strengths:
            return None
        made = any(abs(amount - s) < 1e-6 for s in strengths)
        if made != condition.made_in_strength:
            return None
        facts.append(_Fact(f"made in {_strength_text(profile)}", default_source))
    if condition.any_of is not None:
        found = next((f for f in (drug_condition_holds(c, profile, match_text) for c in condition.any_of)
                      if f is not None), None)
        if found is None:
            return None
        facts += found
    return facts


def _spelling(profile: Profile, text: str) -> str:
    """The name of the drug closest to what the article wrote."""
    lowered = text.lower()
    return max(profile.names, key=lambda name: SequenceMatcher(None, lowered, name.lower()).ratio())


def _values(profile: Profile | None, match: str = "") -> dict[str, str]:
    values = {"match": match, "drug": "", "spelling": "", "schedule": "", "strengths": ""}
    if profile is not None:
        values.update(drug=profile.generic, spelling=_spelling(profile, match) if match else profile.generic,
                      schedule=_schedule(profile), strengths=_strength_text(profile))
    return values


# --- running ------------------------------------------------------------------------------

class _Matches:
    """The matches of every rule part, as spans: phrases in one pass over the article, token
    patterns in the sentences holding their anchors (a token pattern matches within a sentence)."""

    def __init__(self, article: _Article, compiled: CompiledRules):
        doc = article.doc
        self.by_key: dict[str, list[Span]] = defaultdict(list)
        for match_id, start, end in compiled.phrases(doc):
            self.by_key[doc.vocab.strings[match_id]].append(Span(doc, start, end))
        for key, start, end in compiled.tokens(doc, sentence_table(doc), article.entity_spans):
            self.by_key[key].append(Span(doc, start, end))

    def get(self, rule: PackRule, part: str) -> list[Span]:
        return sorted(filter_spans(self.by_key.get(f"{rule.id}|{part}", [])), key=lambda s: s.start)


def _kept(rule: PackRule, article: _Article, matches: _Matches, part: str, ignore: frozenset[str]) -> list[Span]:
    """A rule part's matches that are in scope, not excused and not in an ignored context."""
    exceptions = matches.get(rule, "except") if part == "match" else []
    kept = []
    for span in matches.get(rule, part):
        if part == "match" and not article.in_scope(span, rule.scope):
            continue
        if any(e.start < span.end and span.start < e.end for e in exceptions):
            continue
        if ignore and ignore & article.contexts(span):
            continue
        kept.append(span)
    return kept


def _finding(rule: PackRule, values: dict[str, str], span: Span | None = None, drug: str | None = None,
             facts: list[_Fact] | None = None, profile: Profile | None = None) -> Finding:
    facts = facts or []
    source = next((f.source for f in facts if f.source), None)
    return Finding(
        rule=rule.id, severity=rule.severity, message=rule.message.format(**values), drug=drug,
        subject=" ".join(span.text.lower().split()) if span is not None else None,
        start=span.start_char if span is not None else None, end=span.end_char if span is not None else None,
        label_fact="; ".join(f.text for f in facts) or None,
        source=profile.source(source).cite() if profile is not None and source in profile.sources else None,
        suggestion=rule.suggestion.format(**values) if rule.suggestion else None)


def _run_forbid(rule: PackRule, article: _Article, matches: _Matches) -> list[Finding]:
    return [_finding(rule, _values(None, span.text), span) for span in _kept(rule, article, matches, "match", rule.ignore)]


def _run_claim(rule: PackRule, article: _Article, matches: _Matches) -> list[Finding]:
    findings = []
    for span in _kept(rule, article, matches, "match", rule.ignore):
        for drug_id, _ in article.drugs_about(span):
            profile = article.reference.profiles.get(drug_id) if drug_id != OTHER else None
            facts = drug_condition_holds(rule.drug, profile, span.text) if profile and rule.drug else None
            if facts is not None:
                findings.append(_finding(rule, _values(profile, span.text), span, drug_id, facts, profile))
                break
    return findings


def _run_require(rule: PackRule, article: _Article, matches: _Matches) -> list[Finding]:
    when = rule.when
    if not article.has_scope(rule.scope):
        return []
    anchor = None
    if when is not None and when.gives_doses is not None:
        doses = list(article.doc.spans["doses"])
        if bool(doses) != when.gives_doses:
            return []
        anchor = doses[0] if doses else None
    if when is not None and when.contains:
        found = _kept(rule, article, matches, "when", frozenset(CONTEXTS))
        if not found:
            return []
        anchor = anchor or found[0]
    if _kept(rule, article, matches, "match", rule.ignore):
        return []
    if when is None or when.drug is None:
        return [_finding(rule, _values(None), anchor)]
    findings = []
    for drug_id in article.claims.subject_drugs:
        profile = article.reference.profiles[drug_id]
        facts = drug_condition_holds(when.drug, profile)
        if facts is not None:
            findings.append(_finding(rule, _values(profile), anchor, drug_id, facts, profile))
    return findings


RUNNERS = {"forbid": _run_forbid, "claim": _run_claim, "require": _run_require}


def _all_pack_findings(context: CheckContext, rule_dirs: tuple[str, ...]) -> dict[str, list[Finding]]:
    """Every pack rule's findings on one article, from one pass of the shared matchers
    (computed once per article and kept in the context's cache)."""
    key = f"house-rules:{rule_dirs}"
    if key not in context.cache:
        doc = context.doc
        compiled = compile_rules(rule_dirs, doc.vocab)
        article = _Article(doc, context.claims, context.reference)
        matches = _Matches(article, compiled)
        context.cache[key] = {rule.id: RUNNERS[rule.kind](rule, article, matches)
                              for rule in pack_rules(rule_dirs).values()}
    found: dict[str, list[Finding]] = context.cache[key]  # type: ignore[assignment]
    return found


@dataclass(frozen=True)
class HouseRule:
    """A pack rule behind the `Rule` protocol."""

    rule: PackRule
    rule_dirs: tuple[str, ...]
    severity_note: str = ""
    after_suppression: bool = False

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def severity(self) -> Severity:
        return self.rule.severity

    @property
    def summary(self) -> str:
        return self.rule.summary

    @property
    def pack(self) -> str:
        return self.rule.pack

    @property
    def doc(self) -> RuleDoc:
        parts = dict(self.rule.explanation)
        origin = f"{self.rule.pack} ({self.rule.path}), {self.rule.kind} rule, scope {self.rule.scope}"
        return RuleDoc(what=parts["What it finds"], why=parts["Why it matters"], example=parts["Example"],
                       instead=parts["What to write instead"], extra=(("Pack", origin),))

    def check(self, context: CheckContext) -> list[Finding]:
        """The rule's findings on one article."""
        return _all_pack_findings(context, self.rule_dirs)[self.rule.id]
