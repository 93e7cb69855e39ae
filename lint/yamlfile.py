"""Safe YAML loading that remembers where each value came from, for errors a user can act on."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class DataError(Exception):
    """A problem in a data file (profile, lexicon, rule pack, config): file, line and field."""

    def __init__(self, path: str, message: str, line: int | None = None, field: str | None = None):
        self.path, self.line, self.field, self.message = path, line, field, message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {field + ': ' if field else ''}{message}")


class YamlFile:
    """A parsed YAML file (safe loader only) with the source line of every field."""

    def __init__(self, path: str | Path, text: str | None = None):
        self.path = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8") if text is None else text
        except (OSError, UnicodeDecodeError) as error:
            raise DataError(self.path, f"cannot read: {error}") from None
        try:
            self.node = yaml.compose(text, Loader=yaml.SafeLoader)
            self.data: Any = yaml.safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            raise DataError(self.path, f"invalid YAML: {problem}",
                            line=mark.line + 1 if mark else None) from None

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
