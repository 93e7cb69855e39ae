"""Configuration: `.druglint.yaml` or `[tool.druglint]` in pyproject.toml, found by walking up
from each checked file. A config in a subfolder merges over its parent's, so one section of
a site can differ; `--config FILE` replaces discovery with one file.

    rules:                     # per rule: off, info, warning or error
      unknown-drug: off
      unlabeled-indication: error
    fail-on: warning           # info | warning | error | never
    profiles: [my-profiles]    # extra profile folders, relative to the config file
    packs: [house-rules]       # extra house-rule pack folders, relative to the config file
    include: ["**/*.md"]       # globs, relative to the config file's folder
    exclude: ["drafts/**"]
"""
from __future__ import annotations

import fnmatch
import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lint.knowledge.yamlfile import DataError, YamlFile

if sys.version_info >= (3, 11):
    import tomllib
else:  # the same parser, published as tomli before Python 3.11
    import tomli as tomllib

CONFIG_NAMES = (".druglint.yaml", ".druglint.yml")
KEYS = ("rules", "fail-on", "profiles", "packs", "include", "exclude")
RULE_LEVELS = ("off", "info", "warning", "error")
FAIL_ON = ("info", "warning", "error", "never")


@dataclass(frozen=True)
class Config:
    """The settings that apply to one file, after merging every config above it."""

    rule_levels: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    profile_dirs: tuple[str, ...] = ()
    rule_dirs: tuple[str, ...] = ()
    include: tuple[tuple[str, str], ...] = ()  # (base folder, glob)
    exclude: tuple[tuple[str, str], ...] = ()
    files: tuple[str, ...] = ()

    def merged(self, child: Config) -> Config:
        """This config with a child's settings on top."""
        return Config(rule_levels={**self.rule_levels, **child.rule_levels},
                      fail_on=child.fail_on or self.fail_on,
                      profile_dirs=self.profile_dirs + child.profile_dirs,
                      rule_dirs=self.rule_dirs + child.rule_dirs,
                      include=child.include or self.include,
                      exclude=self.exclude + child.exclude,
                      files=self.files + child.files)

    def selects(self, path: str) -> bool:
        """True when include/exclude globs let a file through."""
        resolved = Path(os.path.realpath(path))  # Path.resolve raises on a symlink loop

        def matches(rules):
            for base, pattern in rules:
                try:
                    relative = resolved.relative_to(base).as_posix()
                except ValueError:
                    continue
                if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(relative, pattern.removeprefix("**/")):
                    return True
            return False

        return (not self.include or matches(self.include)) and not matches(self.exclude)


def _parse(data, path: str, line_of, known_rules: set[str]) -> Config:
    if data is None:
        return Config(files=(path,))
    if not isinstance(data, dict):
        raise DataError(path, "expected a mapping of settings", line=line_of(()))
    for key in data:
        if key not in KEYS:
            raise DataError(path, f"unknown key (allowed: {', '.join(KEYS)})", line=line_of((key,)), field=str(key))
    base = Path(path).resolve().parent
    lists = {}
    for key in ("profiles", "packs", "include", "exclude"):
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DataError(path, "expected a list of strings", line=line_of((key,)), field=key)
        lists[key] = value
    for key in ("profiles", "packs"):
        for folder in lists[key]:
            if not (base / folder).is_dir():
                raise DataError(path, f"folder '{folder}' not found", line=line_of((key,)), field=key)
    pack_dirs = tuple(str(base / f) for f in lists["packs"])
    if pack_dirs:
        from lint.checks import all_rules
        known_rules = known_rules | set(all_rules(pack_dirs))
    levels = data.get("rules") or {}
    if not isinstance(levels, dict):
        raise DataError(path, "expected a mapping of rule ids to levels", line=line_of(("rules",)), field="rules")
    levels = {rule: "off" if level is False else level for rule, level in levels.items()}  # YAML reads off as false
    for rule, level in levels.items():
        where = dict(line=line_of(("rules", rule)), field=f"rules.{rule}")
        if rule not in known_rules:
            raise DataError(path, "unknown rule (see `druglint rules`)", **where)
        if level not in RULE_LEVELS:
            raise DataError(path, f"expected one of {', '.join(RULE_LEVELS)}", **where)
    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise DataError(path, f"expected one of {', '.join(FAIL_ON)}", line=line_of(("fail-on",)), field="fail-on")
    return Config(rule_levels=dict(levels), fail_on=fail_on,
                  profile_dirs=tuple(str(base / f) for f in lists["profiles"]), rule_dirs=pack_dirs,
                  include=tuple((str(base), g) for g in lists["include"]),
                  exclude=tuple((str(base), g) for g in lists["exclude"]), files=(path,))


def load_config_file(path: str, known_rules: set[str]) -> Config:
    """Read one config file (.druglint.yaml or pyproject.toml)."""
    if Path(path).name == "pyproject.toml":
        text = _read_toml_text(path)
        try:
            table = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            found = _TOML_AT_LINE.search(str(error))
            line = int(found.group(1)) if found and found.group(1) else None
            if line is None and "end of document" in str(error):
                line = len(text.rstrip().splitlines()) or 1
            raise DataError(path, f"invalid TOML: {_TOML_AT_LINE.sub('', str(error)).strip()}", line=line) from None
        tool = table.get("tool", {})
        if not isinstance(tool, dict):
            raise DataError(path, "'tool' must be a table ([tool.druglint] holds druglint's settings)",
                            line=_toml_key_line(text, "tool"))
        section_line = _toml_key_line(text, "tool.druglint")
        return _parse(tool.get("druglint"), path, lambda field: _setting_line(text, section_line, field),
                      known_rules)
    file = YamlFile(path)
    return _parse(file.data, path, file.line_of, known_rules)


_TOML_AT_LINE = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)")


def _read_toml_text(path: str) -> str:
    """The text of a TOML file; bytes that are not UTF-8 are an error naming their line."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise DataError(path, f"cannot read: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(path, f"not valid UTF-8 (byte 0x{data[error.start]:02X}); TOML files are UTF-8",
                        line=data.count(b"\n", 0, error.start) + 1) from None


def _toml_key_line(text: str, dotted: str) -> int | None:
    """The line that defines a top-level key or table (`tool = ...`, `[tool]`, `[tool.druglint]`,
    `tool.druglint = ...`), found by a plain search of the text."""
    parts = [re.escape(part) + r'|"' + re.escape(part) + '"' for part in dotted.split(".")]
    name = r"\s*\.\s*".join(f"(?:{part})" for part in parts)
    pattern = re.compile(rf"^[ \t]*(?:\[[ \t]*{name}[ \t]*\]|{name}[ \t]*[=.])", re.MULTILINE)
    found = pattern.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _setting_line(text: str, section_line: int | None, field: tuple) -> int | None:
    """The line of a setting of the [tool.druglint] table (`fail-on = 3`), found by a plain
    search from the table's line; the table's line when the setting is not found there."""
    if not field or section_line is None:
        return section_line
    lines = text.splitlines()
    key = re.compile(rf'^[ \t]*(?:{re.escape(str(field[0]))}|"{re.escape(str(field[0]))}")[ \t]*[=.]')
    for number in range(section_line, len(lines)):
        if lines[number].lstrip().startswith("["):
            break
        if key.match(lines[number]):
            return number + 1
    return section_line


def _config_in(folder: Path) -> str | None:
    for name in CONFIG_NAMES:
        if (folder / name).is_file():
            return str(folder / name)
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file() and "[tool.druglint]" in pyproject.read_text(encoding="utf-8", errors="replace"):
        return str(pyproject)
    return None


def config_for_folder(folder: str, known_rules: frozenset[str]) -> Config:
    """The merged configuration for files in a folder (parents first, nearest last). Each
    ancestor is settled from the top down, so a folder thousands of levels deep never makes a
    deep recursion (each one finds its parent's configuration cached)."""
    path = Path(folder).resolve()
    for ancestor in reversed(path.parents):
        _config_for_folder(ancestor, known_rules)
    return _config_for_folder(path, known_rules)


@lru_cache(maxsize=1024)
def _config_for_folder(path: Path, known_rules: frozenset[str]) -> Config:
    parent = _config_for_folder(path.parent, known_rules) if path.parent != path else Config()
    found = _config_in(path)
    if not found:
        return parent
    known = set(known_rules)
    if parent.rule_dirs:  # a child may set levels for the rules of packs its parent adds
        from lint.checks import all_rules
        known |= set(all_rules(parent.rule_dirs))
    return parent.merged(load_config_file(found, known))


def config_for(path: str, known_rules: set[str], explicit: str | None = None) -> Config:
    """The configuration for one article: --config if given, else discovered upward."""
    if explicit:
        return load_config_file(explicit, known_rules)
    folder = Path.cwd() if path == "-" else Path(os.path.realpath(path)).parent
    return config_for_folder(str(folder), frozenset(known_rules))
