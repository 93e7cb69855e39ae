"""A benchmark corpus: thousands of varied articles grown from the repository's own ones.

Seeds are the articles in fixtures/ and, when the shared folder sits beside the checkout,
../shared/corpus/dev. Each generated article is one seed with its paragraphs after the
first shuffled (Markdown and plain text) and its main drug's names swapped for another
profiled drug's generic or brand name, so the corpus exercises many profiles.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from lint.knowledge.reference import load_reference
from lint.readers import SUFFIXES

REPO = Path(__file__).resolve().parent.parent
SEED_FOLDERS = (REPO / "fixtures", REPO.parent / "shared" / "corpus" / "dev")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
TEXT_FORMATS = ("text", "markdown", "html")  # the seeds are read as text


@dataclass(frozen=True)
class Article:
    name: str
    source: str

    @property
    def words(self) -> int:
        return len(self.source.split())


def seed_articles() -> list[Article]:
    """The articles the corpus grows from (top-level files with an article suffix, no READMEs)."""
    seeds = []
    for folder in SEED_FOLDERS:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.is_file() and SUFFIXES.get(path.suffix.lower()) in TEXT_FORMATS \
                    and not path.name.upper().startswith("README"):
                seeds.append(Article(path.name, path.read_text(encoding="utf-8")))
    return seeds


def _drug_names() -> dict[str, list[str]]:
    return {profile.id: sorted(set(profile.names), key=lambda name: (-len(name), name))
            for profile in load_reference().profiles.values()}


def _main_drug(source: str, names: dict[str, list[str]]) -> str | None:
    counts = {drug: sum(len(re.findall(rf"\b{re.escape(n)}\b", source, re.I)) for n in drug_names)
              for drug, drug_names in names.items()}
    best = max(counts, key=lambda drug: counts[drug], default=None)
    return best if best and counts[best] else None


def _with_case_of(word: str, model: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def vary(seed: Article, rng: random.Random, names: dict[str, list[str]], main: str | None) -> str:
    """One variant of a seed: paragraphs shuffled (text and Markdown), main drug renamed."""
    source = seed.source
    if not seed.name.endswith((".html", ".htm")):
        head, *rest = PARAGRAPH_BREAK.split(source)
        rng.shuffle(rest)
        source = "\n\n".join([head, *rest])
    if main is not None:
        other = rng.choice([d for d in names if d != main])
        replacement = rng.choice(names[other])
        pattern = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in names[main]), re.I)
        source = pattern.sub(lambda m: _with_case_of(replacement, m.group()), source)
    return source


def build_corpus(count: int, seed: int = 1) -> list[Article]:
    """`count` articles, deterministic for a given seed."""
    seeds = seed_articles()
    if not seeds:
        raise SystemExit("no seed articles found in fixtures/")
    names = _drug_names()
    mains = [_main_drug(s.source, names) for s in seeds]
    rng = random.Random(seed)
    articles = []
    for i in range(count):
        index = i % len(seeds)
        original = seeds[index]
        stem, suffix = original.name.rsplit(".", 1)
        articles.append(Article(f"{i:05d}-{stem}.{suffix}", vary(original, rng, names, mains[index])))
    return articles
