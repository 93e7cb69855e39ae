"""`druglint profile check`: validate profile files (errors with file, line and field),
then run the self-tests generated from each one through the engine (lint/selftest.py)."""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lint.authoring.selftest import Outcome, generate, run
from lint.knowledge.reference import Profile, load_conditions, load_profile, load_reference, rules_dir
from lint.knowledge.yamlfile import DataError, YamlFile


@dataclass
class FileCheck:
    """What `profile check` found in one file."""

    path: str
    profile: Profile | None = None
    error: DataError | None = None
    outcomes: list[Outcome] = field(default_factory=list)
    review_markers: int = 0

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.passed]


def _lexicon_files(path: Path) -> list[Path]:
    """The shipped condition lexicon plus a conditions/ folder beside the profile, if any."""
    files = sorted((rules_dir() / "conditions").glob("*.yaml"))
    local = path.parent / "conditions"
    if local.is_dir() and local.resolve() != (rules_dir() / "conditions").resolve():
        files += sorted(local.glob("*.yaml"))
    return files


def validate(path: Path) -> Profile:
    """Load one profile and check that every condition it names is in the lexicon;
    a problem raises DataError with the file, line and field."""
    profile = load_profile(path)
    conditions = load_conditions(_lexicon_files(path))
    file = None
    for i, indication in enumerate(profile.indications):
        for j, condition_id in enumerate(indication.conditions):
            if condition_id not in conditions:
                file = file or YamlFile(path)
                raise file.error(("indications", i, "conditions", j),
                                 f"unknown condition '{condition_id}' (not in the condition lexicon, rules/conditions/)")
    return profile


def check_files(paths: list[str]) -> list[FileCheck]:
    """Validate each file, then self-test every valid one against the shipped rules (a
    profile with a shipped id replaces the shipped one for its own tests)."""
    checks = [FileCheck(path) for path in paths]
    seen: dict[str, str] = {}
    for check in checks:
        try:
            profile = validate(Path(check.path))
        except DataError as error:
            check.error = error
            continue
        if profile.id in seen:
            check.error = DataError(check.path, f"profile id '{profile.id}' is also the id of {seen[profile.id]}")
            continue
        check.profile = profile
        seen[profile.id] = check.path
        check.review_markers = Path(check.path).read_text(encoding="utf-8").count("REVIEW")
    valid = [(c, c.profile) for c in checks if c.profile is not None]
    if not valid:
        return checks
    with tempfile.TemporaryDirectory(prefix="druglint-profiles-") as folder:
        staging = Path(folder)
        for check, profile in valid:
            shutil.copyfile(check.path, staging / f"{profile.id}.yaml")
            local = Path(check.path).parent / "conditions"
            if local.is_dir() and local.resolve() != (rules_dir() / "conditions").resolve():
                shutil.copytree(local, staging / "conditions", dirs_exist_ok=True)
        profile_dirs = (str(staging),)
        reference = load_reference(profile_dirs)
        for check, profile in valid:
            check.outcomes = run(generate(reference.profiles[profile.id], reference), profile_dirs)
    return checks
