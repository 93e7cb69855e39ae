"""House-rule packs: editors' rules written in YAML (format in rules/packs/README.md).

The shipped packs in `rules/packs/*.yaml` are always loaded; `--rules DIR` adds a folder of
an editor's own packs (or one pack file). Every pack is validated on load: a problem raises
DataError naming the file, the line, the field and the rule. Nothing here runs a pattern
(lint/checks/house_rules.py does); token patterns are checked against a whitelist of token
attributes, and regular expressions are refused, so no pack can make a check hang.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from lint.knowledge.lexicons import cue_table
from lint.knowledge.reference import rules_dir
from lint.knowledge.yamlfile import DataError, FieldChecker, YamlFile, validate_files
from lint.model.findings import SEVERITIES, Severity
from lint.nlp.extensions import ENTITY_ATTRS

KINDS = ("forbid", "require", "claim")
FIXED_SCOPES = ("document", "sentence", "heading", "list_item")
CONTEXTS = ("negated", "quoted", "hedged", "question")
FORMATS = ("text", "markdown", "html")
MAX_PATTERN_TOKENS = 24
MAX_PHRASE_CHARS = 200
MAX_REPEAT = 10  # the largest n or m of an {n}, {n,m} or {n,} operator
MAX_PACK_WORDS = 5_000  # phrases and IN-list words in one pack, counted as often as YAML aliases repeat them

STRING_ATTRS = ("ORTH", "TEXT", "LOWER", "SHAPE")
INT_ATTRS = ("LENGTH",)
FLAG_ATTRS = ("IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT",
              "IS_SPACE", "IS_QUOTE", "IS_BRACKET", "LIKE_NUM", "IS_SENT_START")
# Our entity labels: the token lies inside a span of doc.spans[...] (MISSPELLED: a drug
# name written with a known misspelling). Each becomes a token extension of that name.
UNSET_ATTRS = ("LEMMA", "NORM", "POS", "TAG", "MORPH", "DEP", "ENT_TYPE", "ENT_IOB", "ENT_ID", "ENT_KB_ID",
               "SENT_START", "PREFIX", "SUFFIX", "IS_STOP", "LIKE_URL", "LIKE_EMAIL", "SPACY", "HEAD")
REGEX_KEYS = ("REGEX", "FUZZY")
SET_PREDICATES = ("IN", "NOT_IN")
OPEN_ENDED = ("+", "*")
NAMING_ATTRS = ("LOWER", "ORTH", "TEXT")
COMPARISONS = ("==", "!=", ">=", "<=", ">", "<")
OPERATOR = re.compile(r"[!?+*]|\{(?P<n>\d+)\}|\{(?P<low>\d*),(?P<high>\d*)\}")
RULE_ID = re.compile(r"[a-z0-9][a-z0-9-]*")

PLACEHOLDERS = {
    "forbid": ("match",),
    "claim": ("match", "drug", "spelling", "schedule", "strengths"),
    "require": (),
    "require_drug": ("drug", "schedule", "strengths"),
}
EXPLANATION_PARTS = (("finds", "What it finds"), ("why", "Why it matters"), ("example", "Example"),
                     ("instead", "What to write instead"))


@dataclass(frozen=True)
class Patterns:
    """What to look for: phrases (case-insensitive, on token boundaries) and spaCy token
    patterns, already translated for spaCy's Matcher."""

    phrases: tuple[str, ...] = ()
    tokens: tuple[tuple[dict, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.phrases or self.tokens)


@dataclass(frozen=True)
class DrugCondition:
    """A condition on a drug's reference profile; None means 'any'."""

    ids: tuple[str, ...] | None = None
    rx_only: bool | None = None
    otc_available: bool | None = None
    controlled: bool | tuple[str, ...] | None = None
    warning_topics: tuple[str, ...] | None = None
    made_in_strength: bool | None = None
    any_of: tuple[DrugCondition, ...] | None = None  # at least one of these holds


@dataclass(frozen=True)
class When:
    """When a `require` rule applies (every given condition must hold)."""

    drug: DrugCondition | None = None
    gives_doses: bool | None = None
    contains: Patterns = Patterns()


@dataclass(frozen=True)
class TestCase:
    text: str
    format: str
    match: str | None
    line: int | None


@dataclass(frozen=True)
class PackRule:
    """One rule of a pack, as data; lint/checks/house_rules.py runs it as a `Rule`."""

    id: str
    pack: str
    path: str
    line: int | None
    kind: str
    severity: Severity
    message: str
    summary: str
    explanation: tuple[tuple[str, str], ...]
    suggestion: str | None
    scope: str
    ignore: frozenset[str]
    patterns: Patterns
    exceptions: Patterns = Patterns()
    drug: DrugCondition | None = None
    when: When | None = None
    hits: tuple[TestCase, ...] = ()
    clean: tuple[TestCase, ...] = ()


@dataclass(frozen=True)
class Pack:
    name: str
    path: str
    description: str
    rules: tuple[PackRule, ...] = field(default_factory=tuple)


# --- validation ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def section_kinds() -> tuple[str, ...]:
    """The section kinds lint/nlp/sections.py assigns (from rules/cues.yaml), plus 'other'."""
    return (*cue_table().sections, "other")


def scopes() -> tuple[str, ...]:
    return FIXED_SCOPES + section_kinds()


class _PackChecker(FieldChecker):
    """Validates one pack file, raising DataError at the offending field (naming the rule)."""

    def __init__(self, file: YamlFile):
        super().__init__(file)
        self.rule_id: str | None = None
        self.words = 0  # phrases and IN-list words so far

    def count_words(self, count: int, where: tuple) -> None:
        """Add to the pack's phrases and listed words; refuse a pack past MAX_PACK_WORDS."""
        self.words += count
        if self.words > MAX_PACK_WORDS:
            self.fail(where, f"a pack lists at most {MAX_PACK_WORDS:,} phrases and words in all "
                             "(each use of a YAML alias counts again)")

    def fail(self, where: tuple, message: str) -> None:
        raise self.file.error(where, f"rule '{self.rule_id}': {message}" if self.rule_id else message)

    def template(self, value: Any, where: tuple, allowed: tuple[str, ...]) -> str:
        text = self.text(value, where)
        try:
            fields = list(string.Formatter().parse(text))
        except ValueError as error:
            self.fail(where, f"bad placeholder: {error} (write {{{{ and }}}} for literal braces)")
        for _, name, spec, conversion in fields:
            if name is None:
                continue
            if name not in allowed or spec or conversion:
                offered = ", ".join("{" + a + "}" for a in allowed) or "none"
                self.fail(where, f"unknown placeholder {{{name}}} (this rule offers: {offered})")
        return text

    # patterns

    def patterns(self, value: Any, where: tuple, need: bool) -> Patterns:
        spec = self.mapping(value, where, (), ("phrases", "patterns"))
        phrases = self.strings(spec.get("phrases"), where + ("phrases",))
        self.count_words(len(phrases), where + ("phrases",))
        for i, phrase in enumerate(phrases):
            if len(phrase) > MAX_PHRASE_CHARS:
                self.fail(where + ("phrases", i), f"a phrase is at most {MAX_PHRASE_CHARS} characters")
        raw = spec.get("patterns")
        if raw is not None and not isinstance(raw, list):
            self.fail(where + ("patterns",), "expected a list of token patterns")
        tokens = tuple(self.token_pattern(p, where + ("patterns", i)) for i, p in enumerate(raw or []))
        if need and not (phrases or tokens):
            self.fail(where, "give at least one of 'phrases' or 'patterns'")
        return Patterns(phrases, tokens)

    def token_pattern(self, value: Any, where: tuple) -> tuple[dict, ...]:
        if not isinstance(value, list) or not value:
            self.fail(where, "expected a token pattern: a list of token descriptions such as "
                             "[{LOWER: buy}, {LOWER: without}]")
        if len(value) > MAX_PATTERN_TOKENS:
            self.fail(where, f"a token pattern has at most {MAX_PATTERN_TOKENS} tokens")
        translated = tuple(self.token(t, where + (i,)) for i, t in enumerate(value))
        if all(t.get("OP") in ("?", "*", "!") or str(t.get("OP", "")).startswith(("{0", "{,"))
               for t in translated):
            self.fail(where, "at least one token must be required (not only ?, *, ! or {0,n} tokens)")
        return translated

    def token(self, value: Any, where: tuple) -> dict:
        if not isinstance(value, dict):
            self.fail(where, "expected a token description such as {LOWER: safe}")
        spacy_token: dict = {}
        for key, spec in value.items():
            at = where + (key,)
            key = str(key)
            if key in REGEX_KEYS:
                self.fail(at, "regular expressions are not allowed in packs (a crafted one can hang the "
                              "run): use LOWER with IN lists, SHAPE, LENGTH or several patterns")
            if key in UNSET_ATTRS:
                self.fail(at, f"{key} is not set by druglint's blank spaCy pipeline "
                              f"(use LOWER, SHAPE, LENGTH, IS_* flags, LIKE_NUM or {'/'.join(ENTITY_ATTRS)})")
            if key == "OP":
                spacy_token["OP"] = self.operator(spec, at)
            elif key in STRING_ATTRS:
                spacy_token[key] = self.string_value(spec, at, lower=key == "LOWER")
            elif key in INT_ATTRS:
                spacy_token[key] = self.int_value(spec, at)
            elif key in FLAG_ATTRS:
                spacy_token[key] = self.boolean(spec, at)
            elif key in ENTITY_ATTRS:
                spacy_token.setdefault("_", {})[ENTITY_ATTRS[key]] = self.boolean(spec, at)
            else:
                allowed = ", ".join(STRING_ATTRS + INT_ATTRS + FLAG_ATTRS + tuple(ENTITY_ATTRS) + ("OP",))
                self.fail(at, f"unknown token attribute (allowed: {allowed})")
        if spacy_token.get("OP") in OPEN_ENDED or str(spacy_token.get("OP", "")).endswith(",}"):
            if not _names_its_words(spacy_token):
                self.fail(where + ("OP",), "+, * and {n,} repeat only a token that names its words (LOWER, ORTH or "
                                           f"TEXT) or an entity ({', '.join(ENTITY_ATTRS)}): over any word they "
                                           f"match every run of a long sentence; write {{1,m}} or {{0,m}} "
                                           f"(m <= {MAX_REPEAT})")
        return spacy_token

    def operator(self, spec: Any, where: tuple) -> str:
        """A spaCy operator, with its counts at most MAX_REPEAT (spaCy writes out a token once per count)."""
        op = self.text(spec, where)
        match = OPERATOR.fullmatch(op)
        low, high = (match.group("low"), match.group("high")) if match else ("", "")
        if not match or (match.group("n") is None and op.startswith("{")
                         and (not (low or high) or (low and high and int(low) > int(high)))):
            self.fail(where, "expected an operator: !, ?, +, *, {n}, {n,m}, {n,} or {,m} (n <= m)")
        if any(int(count) > MAX_REPEAT for count in re.findall(r"\d+", op)):
            self.fail(where, f"a token repeats at most {MAX_REPEAT} times ({{n}}, {{n,m}}: n, m <= {MAX_REPEAT})")
        return op

    def string_value(self, spec: Any, where: tuple, lower: bool) -> Any:
        def one(value: Any, at: tuple) -> str:
            text = self.text(value, at)
            if lower and text != text.lower():
                self.fail(at, f"LOWER compares with lower-case text: write '{text.lower()}'")
            return text

        if isinstance(spec, dict):
            predicate = self.predicate(spec, where, SET_PREDICATES)
            values = spec[predicate]
            if not isinstance(values, list) or not values:
                self.fail(where + (predicate,), "expected a non-empty list")
            self.count_words(len(values), where + (predicate,))
            return {predicate: [one(v, where + (predicate, i)) for i, v in enumerate(values)]}
        return one(spec, where)

    def int_value(self, spec: Any, where: tuple) -> Any:
        def one(value: Any, at: tuple) -> int:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                self.fail(at, "expected a whole number")
            return value

        if isinstance(spec, dict):
            predicate = self.predicate(spec, where, SET_PREDICATES + COMPARISONS)
            values = spec[predicate]
            if predicate in SET_PREDICATES:
                if not isinstance(values, list) or not values:
                    self.fail(where + (predicate,), "expected a non-empty list")
                return {predicate: [one(v, where + (predicate, i)) for i, v in enumerate(values)]}
            return {predicate: one(values, where + (predicate,))}
        return one(spec, where)

    def predicate(self, spec: dict, where: tuple, allowed: tuple[str, ...]) -> str:
        for key in spec:
            if key in REGEX_KEYS:
                self.fail(where + (key,), "regular expressions are not allowed in packs (a crafted one can "
                                          "hang the run): list the words with IN instead")
        if len(spec) != 1 or next(iter(spec)) not in allowed:
            self.fail(where, f"expected one predicate of {', '.join(allowed)}")
        return next(iter(spec))

    # conditions

    def drug_condition(self, value: Any, where: tuple, claim: bool) -> DrugCondition:
        keys = ("id", "rx_only", "otc_available", "controlled", "warning_topics", "any") + (
            ("made_in_strength",) if claim else ())
        spec = self.mapping(value if value is not None else {}, where, (), keys)
        alternatives = spec.get("any")
        if alternatives is not None and (not isinstance(alternatives, list) or not alternatives):
            self.fail(where + ("any",), "expected a non-empty list of drug conditions")
        controlled = spec.get("controlled")
        if controlled is not None and not isinstance(controlled, bool):
            controlled = self.strings(controlled if isinstance(controlled, list) else [controlled], where + ("controlled",))
        ids = spec.get("id")
        return DrugCondition(
            ids=None if ids is None else self.strings(ids if isinstance(ids, list) else [ids], where + ("id",)),
            rx_only=None if "rx_only" not in spec else self.boolean(spec["rx_only"], where + ("rx_only",)),
            otc_available=None if "otc_available" not in spec
            else self.boolean(spec["otc_available"], where + ("otc_available",)),
            controlled=controlled,
            warning_topics=None if "warning_topics" not in spec
            else tuple(w.lower() for w in self.strings(spec["warning_topics"], where + ("warning_topics",))) or None,
            made_in_strength=None if "made_in_strength" not in spec
            else self.boolean(spec["made_in_strength"], where + ("made_in_strength",)),
            any_of=None if alternatives is None
            else tuple(self.drug_condition(a, where + ("any", i), claim) for i, a in enumerate(alternatives)))

    def when(self, value: Any, where: tuple) -> When:
        spec = self.mapping(value, where, (), ("drug", "gives_doses", "contains"))
        return When(
            drug=self.drug_condition(spec["drug"], where + ("drug",), claim=False) if "drug" in spec else None,
            gives_doses=None if "gives_doses" not in spec else self.boolean(spec["gives_doses"], where + ("gives_doses",)),
            contains=self.patterns(spec["contains"], where + ("contains",), need=True) if "contains" in spec
            else Patterns())

    def cases(self, value: Any, where: tuple, hit: bool) -> tuple[TestCase, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fail(where, "expected a list of texts (or {text, format, match} mappings)")
        cases = []
        for i, case in enumerate(value):
            at = where + (i,)
            if isinstance(case, dict):
                spec = self.mapping(case, at, ("text",), ("format", "match") if hit else ("format",))
                cases.append(TestCase(
                    text=self.text(spec["text"], at + ("text",)),
                    format=self.choice(spec.get("format", "text"), at + ("format",), FORMATS),
                    match=self.text(spec["match"], at + ("match",)) if "match" in spec else None,
                    line=self.file.line_of(at)))
            else:
                cases.append(TestCase(self.text(case, at), "text", None, self.file.line_of(at)))
        return tuple(cases)

    # rules

    def rule(self, value: Any, where: tuple, pack: str) -> PackRule:
        self.rule_id = value.get("id") if isinstance(value, dict) and isinstance(value.get("id"), str) else None
        spec = self.mapping(value, where, ("id", "severity", "message", "explanation"),
                            ("summary", "suggestion", "scope", "ignore", "tests") + KINDS)
        rule_id = self.text(spec["id"], where + ("id",))
        if not RULE_ID.fullmatch(rule_id):
            self.fail(where + ("id",), "use lower case letters, digits and hyphens")
        kinds = [k for k in KINDS if k in spec]
        if len(kinds) != 1:
            self.fail(where, f"give exactly one of {', '.join(KINDS)} (found {', '.join(kinds) or 'none'})")
        kind = kinds[0]
        at = where + (kind,)
        when = drug = None
        exceptions = Patterns()
        if kind == "require":
            body = self.mapping(spec[kind], at, (), ("phrases", "patterns", "when"))
            patterns = self.patterns({k: v for k, v in body.items() if k != "when"}, at, need=True)
            when = self.when(body["when"], at + ("when",)) if "when" in body else None
        else:
            optional = ("phrases", "patterns", "exceptions") + (("drug",) if kind == "claim" else ())
            body = self.mapping(spec[kind], at, (), optional)
            patterns = self.patterns({k: v for k, v in body.items() if k in ("phrases", "patterns")}, at, need=True)
            if "exceptions" in body:
                exceptions = self.patterns(body["exceptions"], at + ("exceptions",), need=True)
            if kind == "claim":
                drug = self.drug_condition(body.get("drug"), at + ("drug",), claim=True)
        allowed = PLACEHOLDERS["require_drug" if kind == "require" and when and when.drug else kind]
        message = self.template(spec["message"], where + ("message",), allowed)
        suggestion = self.template(spec["suggestion"], where + ("suggestion",), allowed) if "suggestion" in spec else None
        explanation = self.mapping(spec["explanation"], where + ("explanation",), tuple(k for k, _ in EXPLANATION_PARTS), ())
        default_ignore = () if kind == "require" else CONTEXTS
        ignore = spec.get("ignore", list(default_ignore))
        if not isinstance(ignore, list):
            self.fail(where + ("ignore",), f"expected a list of {', '.join(CONTEXTS)} (or [])")
        tests = self.mapping(spec.get("tests") or {}, where + ("tests",), (), ("hits", "clean"))
        return PackRule(
            id=rule_id, pack=pack, path=self.file.path, line=self.file.line_of(where + ("id",)), kind=kind,
            severity=Severity(self.choice(spec["severity"], where + ("severity",), SEVERITIES)),
            message=message,
            summary=self.text(spec["summary"], where + ("summary",)) if "summary" in spec
            else _first_sentence(self.text(explanation["finds"], where + ("explanation", "finds"))),
            explanation=tuple((title, self.text(explanation[key], where + ("explanation", key)))
                              for key, title in EXPLANATION_PARTS),
            suggestion=suggestion,
            scope=self.choice(spec.get("scope", "sentence"), where + ("scope",), scopes()),
            ignore=frozenset(self.choice(v, where + ("ignore", i), CONTEXTS) for i, v in enumerate(ignore)),
            patterns=patterns, exceptions=exceptions, drug=drug, when=when,
            hits=self.cases(tests.get("hits"), where + ("tests", "hits"), hit=True),
            clean=self.cases(tests.get("clean"), where + ("tests", "clean"), hit=False))


def _names_its_words(token: dict) -> bool:
    """True when a token matches only listed words (a value or an IN list of LOWER, ORTH or
    TEXT) or only tokens inside an entity: few runs of a sentence can repeat it."""
    named = (token.get(key) for key in NAMING_ATTRS)
    return any(isinstance(value, str) or (isinstance(value, dict) and "IN" in value) for value in named) \
        or any(wanted is True for wanted in token.get("_", {}).values())


def _first_sentence(text: str) -> str:
    """The first sentence of a text, on one line."""
    flat = " ".join(text.split())
    match = re.search(r"[.!?](?=\s+[A-Z]|$)", flat)
    return flat[:match.end()] if match else flat


def load_pack(path: str | Path, text: str | None = None) -> Pack:
    """Load and validate one pack file."""
    file = YamlFile(path, text)
    check = _PackChecker(file)
    data = check.mapping(file.data, (), ("rules",), ("pack", "description"))
    name = check.text(data.get("pack", Path(path).stem), ("pack",))
    if not RULE_ID.fullmatch(name):
        check.fail(("pack",), "use lower case letters, digits and hyphens (set `pack:` or rename the file)")
    description = check.text(data["description"], ("description",)) if "description" in data else ""
    if not isinstance(data["rules"], list) or not data["rules"]:
        check.fail(("rules",), "expected a non-empty list of rules")
    rules = tuple(check.rule(value, ("rules", i), name) for i, value in enumerate(data["rules"]))
    seen: dict[str, PackRule] = {}
    for rule in rules:
        if rule.id in seen:
            raise DataError(file.path, f"rule id '{rule.id}' is used twice (also line {seen[rule.id].line})",
                            line=rule.line, field="id")
        seen[rule.id] = rule
    return Pack(name=name, path=file.path, description=description, rules=rules)


def shipped_packs_dir() -> Path:
    return Path(rules_dir()) / "packs"


def pack_files(folder: str | Path) -> list[Path]:
    """The pack files a --rules argument names: a .yaml file, or every .yaml in a folder."""
    path = Path(folder)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise DataError(str(path), "rule pack folder not found")
    files = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
    if not files and path != shipped_packs_dir():
        raise DataError(str(path), "no rule packs (*.yaml) in this folder")
    return files


def load_packs(rule_dirs: tuple[str, ...] = ()) -> tuple[Pack, ...]:
    """The shipped packs plus those in the given folders (or files), validated; a pack
    name or rule id used twice is an error naming both places."""
    return _load_packs(tuple(str(d) for d in rule_dirs))


@lru_cache(maxsize=8)
def _load_packs(rule_dirs: tuple[str, ...]) -> tuple[Pack, ...]:
    packs: list[Pack] = []
    seen_files: set[Path] = set()
    for folder in (str(shipped_packs_dir()), *rule_dirs):
        for path in pack_files(folder):
            if path.resolve() in seen_files:
                continue
            seen_files.add(path.resolve())
            packs.append(load_pack(path))
    names: dict[str, Pack] = {}
    rules: dict[str, PackRule] = {}
    for pack in packs:
        if pack.name in names:
            raise DataError(pack.path, f"pack name '{pack.name}' is already used by {names[pack.name].path}",
                            field="pack")
        names[pack.name] = pack
        for rule in pack.rules:
            if rule.id in rules:
                other = rules[rule.id]
                raise DataError(rule.path, f"rule id '{rule.id}' is already defined in {other.path}:{other.line} "
                                           f"(pack {other.pack}); give it another id", line=rule.line, field="id")
            rules[rule.id] = rule
    return tuple(packs)


def pack_rules(rule_dirs: tuple[str, ...] = ()) -> dict[str, PackRule]:
    """Every pack rule by id, shipped packs first."""
    return {rule.id: rule for pack in load_packs(rule_dirs) for rule in pack.rules}


def find_pack(name_or_path: str, rule_dirs: tuple[str, ...] = ()) -> Pack:
    """A pack by name (shipped or in the folders), or the pack file at a path."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.is_file():
        if not path.is_file():
            raise DataError(name_or_path, "pack file not found")
        return load_pack(path)
    packs = load_packs(rule_dirs)
    for pack in packs:
        if pack.name == name_or_path:
            return pack
    raise DataError(name_or_path, f"no pack of that name (known: {', '.join(p.name for p in packs) or 'none'})")


def main(argv: list[str]) -> int:
    """Validate pack files given on the command line; print one line per file."""
    def summary(name: str) -> str:
        pack = load_pack(name)
        return f"pack {pack.name}, {len(pack.rules)} rules"

    return validate_files(argv, summary)


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv[1:]))
