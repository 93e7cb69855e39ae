"""Draft a reference profile from an openFDA drug/label record (`druglint profile import`).

The draft follows rules/README.md and loads as it is, but it is a draft: every value a
human must check against the label carries a `# REVIEW` comment, label sentences stand in
for facts until someone puts them in their own words, and dose entries stay `silent`
(druglint reports no dose against them) until someone turns the label's dose sentences,
listed under `notes` with what druglint parsed from them, into numbers.

Conditions are found by druglint's own pipeline (the condition lexicon in
rules/conditions/), so a use the lexicon does not know is reported in a comment instead
of drafted.
"""
from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lint.claims.population import detect_population
from lint.knowledge.reference import Reference
from lint.knowledge.yamlfile import DataError
from lint.model.units import parse_number, to_mg
from lint.nlp.doses import AMOUNT, DoseMention, find_doses

REVIEW = "# REVIEW"
SALTS = {"hydrochloride", "hcl", "hydrobromide", "sodium", "potassium", "calcium", "magnesium", "bitartrate",
         "tartrate", "besylate", "maleate", "succinate", "citrate", "sulfate", "mesylate", "phosphate", "acetate",
         "fumarate", "hyclate", "monohydrate", "dihydrate", "trihydrate", "bromide", "dimesylate", "tosylate"}
SECTION_HEADINGS = {
    "indications_and_usage": r"indications?\s*(?:and|&)\s*usage|uses?",
    "dosage_and_administration": r"dosage\s*(?:and|&)\s*administration|directions",
    "contraindications": r"contraindications",
    "warnings_and_cautions": r"warnings\s*(?:and|&)\s*precautions|warnings",
    "warnings": r"warnings",
    "boxed_warning": r"boxed\s+warning\s*:?",
}
SECTION_NAMES = {"indications_and_usage": "Indications and Usage", "dosage_and_administration":
                 "Dosage and Administration", "contraindications": "Contraindications",
                 "warnings_and_cautions": "Warnings and Precautions", "warnings": "Warnings",
                 "boxed_warning": "Boxed Warning"}
MINOR_WORDS = {"a", "an", "and", "or", "of", "the", "with", "from", "in", "to", "for", "on", "by", "as", "at",
               "vs", "nor", "but", "than", "into"}
GENERIC_WORDS = MINOR_WORDS | {
    "risk", "risks", "use", "uses", "concomitant", "serious", "life-threatening", "increased", "severe",
    "potential", "patient", "patients", "warning", "warnings", "alert", "other", "including", "due", "drug",
    "drugs", "associated", "during", "after", "before", "when", "who", "known", "suspected", "significant",
    "is", "are", "be", "may", "can", "this", "that", "these", "those", "its", "it", "any", "all", "not", "if"}
SUFFIXES = ("ational", "ations", "ation", "ities", "ity", "ments", "ment", "ness", "ings", "ing", "ions", "ion",
            "ives", "ive", "ories", "ory", "aries", "ary", "ally", "al")
SUBSECTION = re.compile(r"(?:(?<=\s)|^)(\d{1,2})\.(\d{1,2})\s+(?=[A-Z])")
CROSS_REFERENCE = re.compile(r"\s*\[\s*see [^\]]*\]|\s*\(\s*\d+(?:\.\d+)*\s*\)", re.I)
SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z\d•])")
BOXED_TITLE = re.compile(r"^\s*WARNINGS?\s*:\s*")
DRUG_FACTS_WARNING = re.compile(r"(?:(?<=[.!?:])\s+|^)((?:[A-Z][\w'/-]*)(?:[ ,]+[\w'/-]+){0,6}? (?:warning|alert)):", re.M)
SCHEDULE = re.compile(r"\bSchedule\s+(I{1,3}|IV|V)\b|\bC-?(II|III|IV|V)\b")
COUNT = re.compile(r"\b\d+(?:\.\d+)?\s*(?:tablets?|capsules?|caplets?|softgels?|ml|mL|teaspoons?|drops?|puffs?|"
                   r"patch(?:es)?)\b|\bevery \d+(?:\s*(?:to|-)\s*\d+)? ?hours?\b|\b\d+(?:\.\d+)?\s*%", re.I)
LIMITATION = re.compile(r"\blimitations? of use\b", re.I)
WIDTH = 88
YAML_UNPRINTABLE = re.compile("[\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")  # YAML streams must not hold them
COMMENT_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


@dataclass
class Draft:
    """A drafted profile: its id (the file name stem) and its YAML text."""

    id: str
    text: str
    review_count: int = 0


@dataclass
class _Topic:
    id: str
    name: str
    kind: str
    required: bool
    fact: str
    section: str
    note: str = ""
    mentions: list[str] = field(default_factory=list)


def read_label(path: str | Path) -> dict:
    """Read an openFDA drug/label record from a JSON file: the record itself, or an API
    response ({"results": [record, ...]}: the first record)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(str(path), f"cannot read: {error}") from None
    except json.JSONDecodeError as error:
        raise DataError(str(path), f"invalid JSON: {error.msg}", line=error.lineno) from None
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        if not data["results"]:
            raise DataError(str(path), "'results' is empty: no label record")
        data = data["results"][0]
    if not isinstance(data, dict) or not isinstance(data.get("openfda"), dict):
        raise DataError(str(path), "not an openFDA drug/label record (expected an object with 'openfda')")
    if not (data["openfda"].get("generic_name") or data["openfda"].get("brand_name")):
        raise DataError(str(path), "the record names no drug (openfda.generic_name and brand_name are empty)")
    return data


# --- text helpers ---------------------------------------------------------------------------

def field_text(record: dict, name: str) -> str:
    """A label section as one string (openFDA gives lists of strings), whitespace folded."""
    value = record.get(name)
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    return " ".join(str(value or "").split())


def _strip_section_heading(text: str, field_name: str) -> str:
    pattern = SECTION_HEADINGS.get(field_name)
    if not pattern:
        return text
    return re.sub(rf"^\s*(?:\d{{1,2}}\s+)?(?:{pattern})\b\s*:?\s*", "", text, count=1, flags=re.I)


def _clean(text: str) -> str:
    """Label text without cross-references ('[see ... (5.1)]'), spaces folded."""
    text = CROSS_REFERENCE.sub("", text)
    return " ".join(re.sub(r"\s+([.,;:])", r"\1", text).split())


def _is_capitalised(word: str) -> bool:
    letters = word.strip("()[],:;'\"")
    return bool(letters) and letters[0].isupper()


def _is_name_like(word: str) -> bool:
    """An all-capital word such as a brand name ('EFFEXOR'), which opens a sentence."""
    letters = re.sub(r"[^A-Za-z]", "", word)
    return len(letters) >= 2 and letters.isupper()


def heading_length(text: str, max_words: int = 14) -> int:
    """Characters of a Title Case heading at the start of flattened label text
    ('Panic Disorder Start at 37.5 mg ...' -> len('Panic Disorder')), 0 when none: the
    heading ends before the capitalised word that opens the first lower-case run, and
    before the all-capital names ('EFFEXOR XR can ...') that open it."""
    words = list(re.finditer(r"\S+", text))[:max_words + 2]
    last_capital = None
    for index, match in enumerate(words):
        word = match.group(0)
        bare = word.strip("()[],:;'\"").lower()
        if _is_capitalised(word):
            last_capital = index
        elif bare not in MINOR_WORDS:
            if last_capital is None or last_capital == 0:
                return 0
            heading = words[:last_capital]
            while len(heading) > 1 and _is_name_like(heading[-1].group(0)) \
                    and not all(_is_name_like(w.group(0)) for w in heading):
                heading.pop()
            while heading and heading[-1].group(0).strip(",:;").lower() in MINOR_WORDS:
                heading.pop()
            return heading[-1].end() if heading else 0
    return 0


@dataclass(frozen=True)
class _Part:
    heading: str
    head_start: int  # offset of the heading in the section text
    start: int  # offset of the body
    end: int

    def holds(self, offset: int) -> bool:
        return self.head_start <= offset < self.end


def _subsections(text: str) -> list[_Part]:
    """Numbered subsections ('2.3 Panic Disorder ...') of a section, with their headings;
    the whole text as one part when there are none."""
    starts = [m for m in SUBSECTION.finditer(text)]
    if starts:
        majors = [m.group(1) for m in starts]
        major = max(set(majors), key=majors.count)
        starts = [m for m in starts if m.group(1) == major]
    if not starts:
        return [_Part("", 0, 0, len(text))]
    parts = []
    if text[:starts[0].start()].strip():
        parts.append(_Part("", 0, 0, starts[0].start()))
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        length = heading_length(text[match.end():end])
        heading = text[match.end():match.end() + length].strip()
        parts.append(_Part(heading, match.end(), match.end() + length, end))
    return parts


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def _stem(word: str) -> str:
    word = word.lower().strip("()[],.:;'\"")
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:-len(suffix)]
    if word.endswith("s") and not word.endswith(("ss", "is", "us")) and len(word) > 4:
        return word[:-1]
    return word


def _content_words(text: str, skip: frozenset[str] = frozenset()) -> list[str]:
    words = [w.strip("()[],.:;'\"").lower() for w in re.split(r"[\s/]+", text)]
    return [w for w in words if w and w not in GENERIC_WORDS and w not in skip and not w.isdigit() and len(w) > 1]


def _stems(text: str) -> set[str]:
    return {_stem(w) for w in _content_words(text)}


def slug(text: str, max_words: int = 5, skip: frozenset[str] = frozenset()) -> str:
    """A lower-case hyphenated id from the content words of a text (words in `skip`,
    such as the drug's own names, left out)."""
    words = [re.sub(r"[^a-z0-9]+", "-", w).strip("-") for w in _content_words(text, skip)]
    words = [w for w in words if w]
    return "-".join(words[:max_words]) or "topic"


def _unique(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    taken.add(candidate)
    return candidate


def draft_mentions(name: str, skip: frozenset[str] = frozenset()) -> list[str]:
    """Mention patterns drafted from a topic name: each listed item ('Addiction, Abuse,
    and Misuse'; 'benzodiazepines or other CNS depressants') becomes a pattern of its
    first two content-word stems; a human adds the lay wordings."""
    name = re.sub(r"[|+]", " ", name)  # the pattern syntax's own characters
    patterns: list[str] = []
    for item in re.split(r"[,;]|\s+or\s+", name, flags=re.I):
        stems = []
        for word in _content_words(item, skip):
            stem = _stem(word)
            if stem not in stems:
                stems.append(stem)
        if stems:
            pattern = " + ".join(stems[:2])
            if pattern not in patterns:
                patterns.append(pattern)
    return patterns or [" ".join(name.lower().split()) or "review"]


# --- YAML writing ---------------------------------------------------------------------------

def q(value: Any) -> str:
    """A YAML scalar: strings double-quoted (JSON strings are valid YAML), numbers plain."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"{value:g}"
    return YAML_UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(str(value), ensure_ascii=False))


def q_id(value: str) -> str:
    """An id written plain when YAML reads it back as that string, else quoted ('true', '1')."""
    return value if yaml.safe_load(value) == value else q(value)


def q_list(values: list) -> str:
    return "[" + ", ".join(q(v) for v in values) + "]"


def _comment_block(text: str, indent: str, lead: str = "") -> list[str]:
    text = COMMENT_UNSAFE.sub(" ", lead + text)
    return [f"{indent}# {line}" for line in textwrap.wrap(text, WIDTH - len(indent) - 2)]


# --- the record's parts -----------------------------------------------------------------------

def _names(record: dict) -> tuple[str, list[str], list[str]]:
    openfda = record.get("openfda") or {}
    full = [str(n).strip() for n in openfda.get("generic_name") or [] if str(n).strip()]
    brands_raw = [str(n).strip() for n in openfda.get("brand_name") or [] if str(n).strip()]
    if not full and not brands_raw:
        raise DataError("label", "the record names no drug (openfda.generic_name and brand_name are empty)")
    full_name = (full or brands_raw)[0].lower()
    words = [w for w in full_name.split() if w not in SALTS]
    generic = " ".join(words) if words else full_name
    other = [n.lower() for n in full if n.lower() != generic]
    brands = []
    for brand in brands_raw:
        if brand.lower() in (generic, full_name) or brand.lower() in other:
            continue
        shown = brand.title() if brand.isupper() else brand
        shown = re.sub(r"\b(Xr|Er|Sr|Xl|Cr|La|Odt|Hd)\b", lambda m: m.group(1).upper(), shown)
        if shown not in brands:
            brands.append(shown)
    return generic, brands, list(dict.fromkeys(other))


def _profile_id(generic: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", generic.replace(" and ", " ").lower()).strip("-") or "drug"


def _schedule(record: dict) -> str | None:
    text = " ".join(field_text(record, f) for f in ("controlled_substance", "drug_abuse_and_dependence"))
    match = SCHEDULE.search(text)
    return f"C-{match.group(1) or match.group(2)}" if match else None


def _strengths(record: dict) -> list[float]:
    text = field_text(record, "dosage_forms_and_strengths") or field_text(record, "active_ingredient")
    found: list[float] = []
    for match in AMOUNT.finditer(text):
        unit = match.group("unit")
        for raw, raw_unit in ((match.group("low"), match.group("unit1") or unit), (match.group("high"), unit)):
            if raw:
                value = round(to_mg(parse_number(raw), raw_unit), 6)
                if value not in found:
                    found.append(value)
    return sorted(found)


def _revised(record: dict) -> str:
    raw = str(record.get("effective_time") or "").strip()
    if re.fullmatch(r"\d{8}", raw):
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    return raw or "REVIEW: revision date not in the record"


def _analyse(text: str, profile_dirs: tuple[str, ...]):
    from lint.nlp.pipeline import analyse
    from lint.readers import read_document
    return analyse(read_document("label.txt", text), profile_dirs)


@dataclass
class _Indication:
    id: str
    conditions: list[str]
    matched: str
    fact: str
    section: str
    vague: bool


def _indications(text: str, reference: Reference, profile_dirs: tuple[str, ...]) -> tuple[list[_Indication], list[str]]:
    """One draft indication per lexicon condition the label text names as a use; and
    notes on conditions named only in a limitation or a negation."""
    drafted: dict[tuple[str, ...], _Indication] = {}
    left_out: dict[tuple[str, ...], str] = {}
    taken: set[str] = set()
    for part in _subsections(text):
        segment = text[part.head_start:part.end]
        doc = _analyse(segment, profile_dirs)
        negations = [c for c in doc.spans["cues"] if c.label_ == "negation"]
        limitation = LIMITATION.search(segment)
        section = SECTION_NAMES["indications_and_usage"] + (f": {part.heading}" if part.heading else "")
        previous_end = -10
        for span in doc.spans["conditions"]:
            ids = tuple(sorted(c for c in span._.condition_ids if "/" not in c))
            is_abbreviation = segment[:span.start_char].rstrip().endswith("(") and span.start_char - previous_end <= 3
            previous_end = span.end_char
            if not ids or is_abbreviation:
                continue
            in_limitation = limitation is not None and limitation.start() <= span.start_char
            negated = any(n.sent.start == span.sent.start and n.end <= span.start for n in negations)
            sentence = _clean(span.sent.text)
            if in_limitation or negated:
                left_out.setdefault(ids, f"{span.text} ({', '.join(ids)}): \"{sentence}\"")
                continue
            if ids in drafted:
                continue
            vague = all(reference.conditions[c].vague for c in ids if c in reference.conditions)
            drafted[ids] = _Indication(_unique(ids[0], taken), list(ids), span.text, sentence, section, vague)
    notes = [note for ids, note in left_out.items() if ids not in drafted]
    return list(drafted.values()), notes


def _best_topic(text: str, topics: list[_Topic]) -> _Topic | None:
    stems = _stems(text)
    scored = [(len(stems & _stems(t.name)), -i, t) for i, t in enumerate(topics)]
    best = max(scored, key=lambda s: (s[0], s[1]), default=None)
    return best[2] if best and best[0] > 0 else None


def _headed_chunks(text: str) -> list[tuple[str, str]]:
    """Title Case headings that open sentences ('Accidental Ingestion Accidental ingestion
    of ...'), each with the text up to the next one; headings of one word are ignored."""
    found = []
    for match in re.finditer(r"(?:^|(?<=[.!?:]))\s*(?=[A-Z])", text):
        start = match.end()
        length = heading_length(text[start:])
        heading = text[start:start + length]
        if length and len(heading.split()) >= 2:
            found.append((start, start + length, heading.strip(" ,:")))
    chunks = []
    for index, (_start, end, heading) in enumerate(found):
        stop = found[index + 1][0] if index + 1 < len(found) else len(text)
        chunks.append((heading, text[end:stop].strip()))
    return chunks


def _boxed_topics(text: str, skip: frozenset[str], taken: set[str]) -> list[_Topic]:
    """The boxed warning split into its topics: the title's ';'-separated list, or the
    Title Case headings of its body, or its bullets; one topic when it has none."""
    text = _clean(_strip_section_heading(text, "boxed_warning"))
    if not text:
        return []
    title, body = "", text
    match = BOXED_TITLE.match(text)
    if match:
        rest = text[match.end():]
        words = list(re.finditer(r"\S+", rest))
        end = 0
        for word in words:
            bare = re.sub(r"[^A-Za-z]", "", word.group(0))
            if bare and not bare.isupper() and not (bare.islower() and bare in MINOR_WORDS):
                break
            end = word.end()
        title, body = rest[:end].strip(), rest[end:].strip()
    section = SECTION_NAMES["boxed_warning"]
    names = [re.sub(r"^and\s+", "", t.strip(), flags=re.I) for t in title.split(";")] if ";" in title else []
    chunks = _headed_chunks(body)
    if not names and len(chunks) >= 2:
        names = [heading for heading, _ in chunks]
    bullets = [b.strip() for b in body.split("•")[1:] if b.strip()]
    if not names and len(bullets) >= 2:
        names = [" ".join(b.split()[:8]) for b in bullets]
    if not names:
        names = [title or "Boxed warning"]
    topics = [_Topic(_unique(slug(n, skip=skip), taken), n[:1].upper() + n[1:].lower() if n.isupper() else n, "boxed",
                     True, "", section) for n in names if n.strip()]
    facts: dict[str, list[str]] = {t.id: [] for t in topics}
    pieces = chunks if len(chunks) >= 2 else [("", s) for s in _sentences(body)]
    current = topics[0] if len(topics) == 1 else None
    for heading, piece in pieces:
        topic = _best_topic(f"{heading} {piece}", topics) if len(topics) > 1 else current
        current = topic or current
        if current is not None:
            facts[current.id].append(piece)
    for topic in topics:
        topic.fact = " ".join(facts[topic.id]) or title
        topic.mentions = draft_mentions(topic.name, skip)
    return topics


def _contraindication_topics(text: str, skip: frozenset[str], taken: set[str]) -> list[_Topic]:
    text = _clean(_strip_section_heading(text, "contraindications"))
    if "•" in text:
        items = [i.strip(" .;") for i in text.split("•")]
        if items and (items[0].endswith(":") or "contraindicated" in items[0].lower() or not items[0]):
            items = items[1:]
    else:
        items = [s.rstrip(".;") for s in _sentences(text)]
    section = SECTION_NAMES["contraindications"]
    topics = []
    for item in items:
        if not item:
            continue
        name = " ".join(item.split()[:10]) + ("..." if len(item.split()) > 10 else "")
        note = "plain hypersensitivity to the drug is never required" if "hypersensitiv" in item.lower() \
            or "allerg" in item.lower() else ""
        topics.append(_Topic(_unique(slug(item, 3, skip), taken), name, "contraindication", False, item, section,
                             note, draft_mentions(" ".join(_content_words(item, skip)[:2]), skip)))
    return topics


def _warning_topics(record: dict, boxed: list[_Topic], skip: frozenset[str],
                    taken: set[str]) -> tuple[list[_Topic], list[str]]:
    """Topics from Warnings and Precautions subsections (or Drug Facts 'X warning:' heads,
    or Title Case headings of an older Warnings section); those repeating a boxed topic
    are named in a note instead."""
    field_name = "warnings_and_cautions" if record.get("warnings_and_cautions") else "warnings"
    text = _clean(_strip_section_heading(field_text(record, field_name), field_name))
    section = SECTION_NAMES[field_name]
    heads: list[tuple[str, str]] = []
    parts = _subsections(text)
    if any(p.heading for p in parts):
        heads = [(p.heading, text[p.start:p.end].strip()) for p in parts if p.heading]
    elif DRUG_FACTS_WARNING.search(text):
        marks = list(DRUG_FACTS_WARNING.finditer(text))
        for index, mark in enumerate(marks):
            stop = marks[index + 1].start() if index + 1 < len(marks) else len(text)
            name = re.sub(r"\s+(?:warning|alert)$", "", mark.group(1), flags=re.I)
            heads.append((name, text[mark.end():stop].strip()))
    else:
        heads = _headed_chunks(text)
    topics, notes = [], []
    for name, body in heads:
        repeated = next((b for b in boxed if _stems(name) and len(_stems(name) & _stems(b.name))
                         >= 0.6 * len(_stems(name) | _stems(b.name))), None)
        if repeated is not None:
            notes.append(f"'{name}' ({section}) repeats the boxed topic {repeated.id}")
            continue
        topics.append(_Topic(_unique(slug(name, skip=skip), taken), name, "warning", False, body,
                             f"{section}: {name}", mentions=draft_mentions(name, skip)))
    return topics, notes


@dataclass
class _DoseDraft:
    id: str
    population: str
    indication: str | None
    section: str
    sentences: list[tuple[str, list[str]]]


def describe_mention(mention: DoseMention) -> str:
    """What druglint read from a dose: 'max 225 mg/day', 'initial 2-4 mg, 4-6 times a day'."""
    unit = "mg/kg" if mention.per_kg else "mg"
    amounts = " or ".join(f"{lo:g}" if lo == hi else f"{lo:g}-{hi:g}" for lo, hi in mention.amounts_mg)
    text = f"{mention.kind} {amounts} {unit}" + ("/day" if mention.per_day else "")
    if mention.times_per_day:
        low, high = mention.times_per_day
        text += f", {low:.3g}" + (f"-{high:.3g}" if high != low else "") + " times a day"
    return text


def _dose_drafts(text: str, indications: list[_Indication], profile_dirs: tuple[str, ...]) -> list[_DoseDraft]:
    """One silent dose entry per Dosage and Administration subsection that states a dose,
    with each dose sentence and the doses druglint parsed from it."""
    drafts: list[_DoseDraft] = []
    taken: set[str] = set()
    for part in _subsections(text):
        doc = _analyse(text[part.start:part.end], profile_dirs)
        sentences = []
        for sent in doc.sents:
            sentence = sent.text.strip()
            if not (AMOUNT.search(sentence) or COUNT.search(sentence)):
                continue
            parsed = [describe_mention(m) for m in find_doses(doc.text, sent.start_char, sent.end_char)]
            sentences.append((_clean(sentence), parsed))
        if not sentences:
            continue
        context = f"{part.heading} " + " ".join(s for s, _ in sentences)
        populations = detect_population(part.heading)[0] or detect_population(context)[0]
        population = sorted(populations)[0] if populations else "adult"
        heading_stems = _stems(part.heading)
        indication = next((i.id for i in indications if heading_stems and
                           heading_stems >= _stems(i.matched)), None)
        section = SECTION_NAMES["dosage_and_administration"] + (f": {part.heading}" if part.heading else "")
        drafts.append(_DoseDraft(_unique(slug(part.heading) if part.heading else "dose", taken), population,
                                 indication, section, sentences))
    return drafts


# --- the draft --------------------------------------------------------------------------------

def draft_profile(record: dict, profile_dirs: tuple[str, ...] = ()) -> Draft:
    """Draft a profile (YAML text in the format of rules/README.md) from an openFDA label record."""
    from lint.knowledge.reference import load_reference
    reference = load_reference(profile_dirs)
    generic, brands, other = _names(record)
    profile_id = _profile_id(generic)
    openfda = record.get("openfda") or {}
    otc = any("OTC" in str(t).upper() for t in openfda.get("product_type") or [])
    drug_class = re.sub(r"\s*\[EPC\]\s*$", "", str((openfda.get("pharm_class_epc") or [""])[0])).strip()
    setid = str(record.get("set_id") or (openfda.get("spl_set_id") or [""])[0] or "")
    revised = _revised(record)
    schedule = _schedule(record)
    title_name = brands[0] if brands else generic.title()

    indications_text = _strip_section_heading(field_text(record, "indications_and_usage"), "indications_and_usage")
    indications, left_out = _indications(indications_text, reference, profile_dirs)
    skip = frozenset(w for name in (generic, *brands, *other) for w in name.lower().split()) | {"starting", "treated"}
    taken: set[str] = set()
    boxed = _boxed_topics(field_text(record, "boxed_warning"), skip, taken)
    contraindications = _contraindication_topics(field_text(record, "contraindications"), skip, taken)
    warnings, repeats = _warning_topics(record, boxed, skip, taken)
    doses_text = _strip_section_heading(field_text(record, "dosage_and_administration"), "dosage_and_administration")
    doses = _dose_drafts(doses_text, indications, profile_dirs)

    out: list[str] = [
        "# DRAFT profile made by `druglint profile import` from an openFDA drug/label record",
        f"# (set id {setid or 'unknown'}, effective {revised}). Check every line marked REVIEW",
        "# against the label, put facts and suggestions in your own words, then delete the marker.",
        f"# Validate and self-test it with: druglint profile check {profile_id}.yaml",
        f"id: {q_id(profile_id)}  {REVIEW}: lower-case generic name, equal to the file name stem",
        "names:",
        f"  generic: {q(generic)}",
        f"  brands: {q_list(brands)}  {REVIEW}: current and common former US brand names",
        f"  other: {q_list(other)}",
        f"  misspellings: []  {REVIEW}: add the misspellings readers type",
        f"class: {q(drug_class.lower() if drug_class else '')}  {REVIEW}: pharmacological class (from openFDA)",
        f"rx_only: {q(not otc)}  # openFDA product type: {', '.join(openfda.get('product_type') or ['unknown'])}",
        f"controlled: {q(schedule)}  {REVIEW}: DEA schedule (C-II ... C-V) or null",
        "sources:",
        "  label:",
        f"    title: {q(f'{title_name} ({generic}) label')}  {REVIEW}: the label's title",
        f"    setid: {q(setid or None)}",
        f"    url: {q(f'https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid={setid}' if setid else 'REVIEW: label URL')}",
        f"    revised: {q(revised)}  # openFDA effective_time",
        "products:",
        f"  - id: label  {REVIEW}: one product per form whose uses or doses differ",
        "    source: label",
        f"    otc: {q(otc)}",
        f"    cues: []  {REVIEW}: words that name this product in an article (brand, XR, OTC, ...)",
        f"    strengths_mg: {q_list(_strengths(record))}  {REVIEW}: marketed strengths of the active drug, in mg",
        "indications:" + ("" if indications else " []"),
    ]
    if indications_text:
        out += _comment_block(_clean(indications_text), "  ", "Label (indications_and_usage): ")
    if not indications:
        out.append(f"  {REVIEW}: the condition lexicon recognised no use in this text; add conditions to")
        out.append("  # rules/conditions/ and indications here.")
    for ind in indications:
        out += [f"  - id: {q_id(ind.id)}  {REVIEW}",
                f"    conditions: {q_list(ind.conditions)}  # lexicon match: {q(ind.matched)}"
                + (f"  {REVIEW}: a vague symptom word, never flagged" if ind.vague else ""),
                "    terms: []",
                "    source: label",
                f"    section: {q(ind.section)}",
                f"    fact: {q('REVIEW: restate in your own words: ' + ind.fact)}"]
    for note in left_out:
        out += _comment_block(note, "  ", "REVIEW: named in a limitation or negation, not drafted: ")
    out.append("warnings:" + ("" if boxed + contraindications + warnings else " []"))
    if not boxed + contraindications + warnings:
        out.append(f"  {REVIEW}: the record has no boxed warning, contraindications or warnings to draft from.")
    for note in repeats:
        out += _comment_block(note, "  ", "Not drafted: ")
    for topic in boxed + contraindications + warnings:
        required_note = "every boxed topic is required" if topic.kind == "boxed" else \
            "true only for a major contraindication or key warning"
        out += [f"  - id: {q_id(topic.id)}  {REVIEW}: telling words that name only this topic",
                f"    topic: {q(topic.name)}",
                f"    kind: {topic.kind}",
                f"    required: {q(topic.required)}  {REVIEW}: {required_note}"
                + (f"; {topic.note}" if topic.note else ""),
                f"    mentions:  {REVIEW}: add lay wordings; groups joined by ' + ' must share a sentence"]
        out += [f"      - {q(m)}" for m in topic.mentions]
        out += [f"    fact: {q('REVIEW: restate in your own words: ' + (topic.fact or topic.name))}",
                f"    suggestion: {q('REVIEW: one plain-language sentence an editor could paste into an article')}",
                "    source: label",
                f"    section: {q(topic.section)}"]
    out.append("doses:" + ("" if doses else " []"))
    if doses:
        out += _comment_block("each entry holds the label's dose sentences for one subsection, with what "
                              "druglint parsed from them. Turn them into initial/usual/max numbers (mg of the "
                              "active drug) per indication and population, say how they are given (schedule: "
                              "daily, as_needed, weekly, periodic or once), then delete `silent`; until then "
                              "druglint reports no dose against this drug.", "  ", "REVIEW: ")
    else:
        out.append(f"  {REVIEW}: no dose sentence found in dosage_and_administration.")
    for dose in doses:
        out += [f"  - id: {q_id(dose.id)}  {REVIEW}"]
        if dose.indication:
            out.append(f"    indication: {dose.indication}  {REVIEW}")
        out += [f"    population: {dose.population}  {REVIEW}: adult | pediatric | geriatric | renal | hepatic",
                f"    silent: {q('REVIEW: numbers not yet taken from the label')}",
                "    source: label",
                f"    section: {q(dose.section)}",
                "    notes:"]
        for sentence, parsed in dose.sentences:
            out += [f"      - label: {q(sentence)}",
                    f"        parsed: {q_list(parsed)}" + ("  # no dose in mg read here" if not parsed else "")]
    text = "\n".join(out) + "\n"
    return Draft(profile_id, text, text.count("REVIEW"))
