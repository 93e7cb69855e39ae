"""Safe YAML loading that remembers where each value came from, for errors a user can act on."""
from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from lint.knowledge import datacache

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader when built in
MAX_EXPANDED_NODES = 100_000  # values a file may hold once its YAML aliases are expanded (when it has any)
# Keys that name one thing (an id, an indication's id) in every druglint data file: a list or a
# mapping there is an error at its line, before any code takes it for text.
SINGLE_VALUE_KEYS = ("id", "indication")


class DataError(Exception):
    """A problem in a data file (profile, lexicon, rule pack, config): file, line and field."""

    def __init__(self, path: str, message: str, line: int | None = None, field: str | None = None):
        self.path, self.line, self.field, self.message = path, line, field, message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {field + ': ' if field else ''}{message}")

    def __reduce__(self):
        """Pickled with its fields (a worker process sends it to the main process)."""
        return (DataError, (self.path, self.message, self.line, self.field))


class YamlFile:
    """A parsed YAML file (safe loader only) with the source line of every field."""

    def __init__(self, path: str | Path, text: str | None = None):
        self.path = str(path)
        try:
            self.text = Path(path).read_text(encoding="utf-8") if text is None else text
        except (OSError, UnicodeDecodeError) as error:
            raise DataError(self.path, f"cannot read: {error}") from None
        self._node: yaml.Node | None = None
        self._parsed = False
        self.data: Any = datacache.load(self.text)
        if self.data is datacache.MISSING:
            self.data = self._parse()
            datacache.store(self.text, self.data)

    @property
    def node(self) -> yaml.Node | None:
        """The file's YAML node tree (parsed again on demand when the values came from the cache)."""
        if not self._parsed:
            self._parse()
        return self._node

    def _parse(self) -> Any:
        """Parse the text (keeping its node tree) and return its values."""
        try:
            loader = SAFE_LOADER(self.text)
            try:
                self._node, self._parsed = loader.get_single_node(), True
                self._refuse_alias_bombs(self.text)
                return loader.construct_document(self._node) if self._node is not None else None
            finally:
                loader.dispose()
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            raise DataError(self.path, f"invalid YAML: {problem}",
                            line=mark.line + 1 if mark else None) from None

    def _refuse_alias_bombs(self, text: str) -> None:
        """Refuse a file whose aliases (`*name`) repeat its anchored values past MAX_EXPANDED_NODES:
        a few lines of YAML can stand for millions of phrases ("billion laughs")."""
        if self._node is None or "*" not in text:
            return
        expanded: dict[int, float] = {}
        unique = _expanded_size(self._node, expanded)
        if expanded[id(self._node)] <= MAX_EXPANDED_NODES or expanded[id(self._node)] == unique:
            return
        alias = next((event for event in yaml.parse(text, Loader=SAFE_LOADER) if isinstance(event, yaml.AliasEvent)),
                     None)
        problem = ("a YAML alias repeats a value inside itself, without end" if expanded[id(self._node)] == math.inf
                   else f"YAML aliases expand this file to more than {MAX_EXPANDED_NODES:,} values")
        raise DataError(self.path, f"{problem}; write the lists out or shorten them",
                        line=alias.start_mark.line + 1 if alias is not None and alias.start_mark else None)

    def line_of(self, field_path: tuple) -> int | None:
        """The 1-based line of a field given as a path of keys and list indexes."""
        node, line = self.node, (self.node.start_mark.line + 1 if self.node else None)
        for key in field_path:
            if isinstance(node, yaml.MappingNode):
                match = next(((k, v) for k, v in node.value if k.value == key), None)
                if match is None:
                    break
                line, node = match[0].start_mark.line + 1, match[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
                line = node.start_mark.line + 1
            else:
                break
        return line

    def error(self, field_path: tuple, message: str) -> DataError:
        """A DataError pointing at a field of this file."""
        field = ".".join(f"[{k}]" if isinstance(k, int) else str(k) for k in field_path).replace(".[", "[")
        return DataError(self.path, message, line=self.line_of(field_path), field=field or None)


def _expanded_size(root: yaml.Node, sizes: dict[int, float]) -> int:
    """Fill `sizes` with the number of values under each node as if every alias were written
    out (shared nodes are sized once, so this is linear in the file; a node that contains
    itself is infinite); return the count of distinct nodes. Iterative: a deeply nested
    file cannot exhaust the stack."""
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        children = _children(node)
        if children_done or not children:
            open_nodes.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in children)
            continue
        if id(node) in sizes:
            continue
        if id(node) in open_nodes:  # met again inside itself
            sizes[id(node)] = math.inf
            continue
        open_nodes.add(id(node))
        stack.append((node, True))
        stack += [(child, False) for child in children if id(child) not in sizes]
    return len(sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def validate_files(names: list[str], summary: Callable[[str], str]) -> int:
    """Validate each data file with `summary` (which returns its one-line description or
    raises DataError); print 'NAME: ok (...)' or the error, and return 1 if any failed."""
    status = 0
    for name in names:
        try:
            print(f"{name}: ok ({summary(name)})")
        except DataError as error:
            print(error)
            status = 1
    return status


def type_name(value: Any) -> str:
    """How an error names the type of a YAML value."""
    return "nothing" if value is None else type(value).__name__


class FieldChecker:
    """Small declarative checks over a parsed YAML tree, raising DataError at the field."""

    def __init__(self, file: YamlFile):
        self.file = file

    def fail(self, where: tuple, message: str) -> None:
        raise self.file.error(where, message)

    def mapping(self, value: Any, where: tuple, required: tuple[str, ...], optional: tuple[str, ...]) -> dict:
        if not isinstance(value, dict):
            self.fail(where, f"expected a mapping, got {type_name(value)}")
        for key in value:
            if key not in required and key not in optional:
                self.fail(where + (key,), f"unknown key (allowed: {', '.join(required + optional)})")
        for key in required:
            if key not in value:
                self.fail(where, f"missing required key '{key}'")
        for key in SINGLE_VALUE_KEYS:
            if isinstance(value.get(key), (list, dict)):
                self.fail(where + (key,), f"expected one value, got a {type_name(value[key])}")
        return value

    def text(self, value: Any, where: tuple, empty_ok: bool = False) -> str:
        if isinstance(value, bool):
            self.fail(where, "expected text, got true/false: YAML reads unquoted yes/no/on/off as "
                             "true/false, so quote the word (\"no\")")
        if isinstance(value, (int, float)):
            value = str(value)
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        if not isinstance(value, str) or (not empty_ok and not value.strip()):
            self.fail(where, f"expected a non-empty string, got {type_name(value)}")
        return value

    def strings(self, value: Any, where: tuple) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fail(where, "expected a list of strings")
        return tuple(self.text(v, where + (i,)) for i, v in enumerate(value))

    def number(self, value: Any, where: tuple) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
            self.fail(where, "expected a non-negative number (not .nan or .inf; an open end of a range is null)")
        return float(value)

    def bounds(self, value: Any, where: tuple) -> tuple[float | None, float | None] | None:
        if value is None:
            return None
        if not isinstance(value, list) or len(value) != 2:
            self.fail(where, "expected [low, high] (use null for an open end)")
        low, high = (None if v is None else self.number(v, where + (i,)) for i, v in enumerate(value))
        if low is not None and high is not None and low > high:
            self.fail(where, f"low bound {low:g} is above high bound {high:g}")
        return low, high

    def boolean(self, value: Any, where: tuple) -> bool:
        if not isinstance(value, bool):
            self.fail(where, "expected true or false")
        return value

    def choice(self, value: Any, where: tuple, choices: tuple[str, ...]) -> str:
        value = self.text(value, where)
        if value not in choices:
            self.fail(where, f"expected one of {', '.join(choices)}")
        return value
