"""Validate a whole rules folder with the loaders the linter uses: profiles, the condition
lexicon, context cues, other drugs and house-rule packs. One line per problem, with its
file, line and field.

    python -m lint.knowledge.validate [RULES_DIR]     # default: the shipped rules
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from lint.knowledge.lexicons import parse_concepts, parse_cues, parse_other_drugs, parse_use_predicates
from lint.knowledge.packs import load_pack
from lint.knowledge.reference import Reference, check_references, load_conditions, load_profile, rules_dir
from lint.knowledge.yamlfile import DataError, YamlFile

Loaded = TypeVar("Loaded")


def validate_rules(folder: Path) -> list[str]:
    """Every problem in the rules folder, each as 'file:line: field: message'."""
    problems: list[str] = []

    def attempt(load: Callable[[], Loaded]) -> Loaded | None:
        try:
            return load()
        except DataError as error:
            problems.append(str(error))
            return None

    attempt(lambda: parse_cues(YamlFile(folder / "cues.yaml")))
    attempt(lambda: parse_other_drugs(YamlFile(folder / "other_drugs.yaml")))
    attempt(lambda: parse_use_predicates(YamlFile(folder / "use_predicates.yaml")))
    attempt(lambda: parse_concepts(YamlFile(folder / "concepts.yaml")))
    conditions = attempt(lambda: load_conditions(sorted((folder / "conditions").glob("*.yaml"))))
    profiles = {}
    for profile_path in sorted((folder / "drugs").glob("*.yaml")):
        profile = attempt(partial(load_profile, profile_path))
        if profile is not None:
            profiles[profile.id] = profile
    for pack_path in sorted((folder / "packs").glob("*.yaml")):
        attempt(partial(load_pack, pack_path))
    if conditions is not None:
        problems += check_references(Reference(profiles=profiles, conditions=conditions))
    return problems


def main(argv: list[str]) -> int:
    """Print every problem of the named (or the shipped) rules folder; 1 if there is any."""
    folder = Path(argv[0]) if argv else rules_dir()
    problems = validate_rules(folder)
    for problem in problems:
        print(problem)
    print(f"{folder}: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
