"""Linting a library of articles on Dask: a bag or dataframe of articles in, reports or
finding rows out, on one machine or a cluster (only the scheduler address differs).

    import dask.bag as db
    from distributed import Client
    from lint import LinterConfig
    from lint.workflow.distributed import lint_bag, lint_dataframe, to_json_lines

    client = Client("tcp://scheduler:8786")  # or Client() for a local cluster
    articles = db.from_sequence(["site/a.md", "site/b.html"], npartitions=2)
    reports = lint_bag(articles, LinterConfig(disabled_rules=frozenset({"unknown-drug"})))
    to_json_lines(reports, "audit/reports-*.jsonl")

An article is a file path (read on the worker, as `druglint check` reads it) or a record, a
mapping with `path`, `text` (the article: decoded text, or its bytes) and an optional
`format` (a reader name such as "markdown" or a suffix such as ".md"; the default comes from
the path's suffix), as a Parquet export of a content library holds them. A record without
`text` is read from its path.

`lint_bag` gives one report dict per article, the per-file object of `--format json`
(`path`, `drugs`, `error` when the article could not be read, `findings`); `lint_dataframe`
gives one row per finding (`FINDING_COLUMNS`), and one `input-error` row for an article that
could not be read. Each worker process builds its Linter once (`Linter.for_config`) and
reuses it for every article; run workers with one thread each (the linting holds the GIL).
Configuration files (.druglint.yaml) are not read: the `LinterConfig` applies to every
article, and its profile and pack folders must exist on every worker.

Dask is imported only when these functions run, so importing `lint` never needs it
(install it with `pip install "druglint[dask]"`).
"""
from __future__ import annotations

import json
import os
import pickle
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from lint.knowledge.yamlfile import DataError
from lint.linter import Linter, LinterConfig
from lint.model.findings import FileReport
from lint.readers import READERS, SUFFIXES, format_for
from lint.workflow.inputs import MAX_CHARS, InputError, collect_paths, decode, read_article

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas

FINDING_COLUMNS = ("path", "rule", "severity", "drug", "subject", "line", "column", "start", "end", "message")
_TEXT_COLUMNS = ("path", "rule", "severity", "drug", "subject", "message")
DEFAULT_CONFIG = LinterConfig()  # every rule on, the shipped profiles and packs
INPUT_ERROR = "input-error"  # the rule of the row for an unreadable article (as in the text report)

Article = str | os.PathLike | Mapping[str, Any]


def _require_dask() -> None:
    try:
        import dask  # noqa: F401
    except ImportError as error:
        raise ImportError('druglint on Dask needs dask: pip install "druglint[dask]"') from error


def _checked_config(config: LinterConfig) -> LinterConfig:
    """The configuration, once it is known to travel to the workers and key their Linter cache."""
    if not isinstance(config, LinterConfig):
        raise TypeError(f"config must be a LinterConfig, not {type(config).__name__}")
    try:
        hash(config)
        pickle.dumps(config)
    except Exception as error:
        raise TypeError("a LinterConfig for Dask must hold tuples and frozensets of strings "
                        f"(it is hashed and pickled): {error}") from error
    return config


# On the workers -----------------------------------------------------------------------------

def _present(value: Any) -> bool:
    """True for a text or bytes value (None, NaN and pandas' NA mean a missing column value)."""
    return isinstance(value, (str, bytes, bytearray, memoryview))


def _format_name(value: Any, path: str) -> str:
    """The reader format of a record: its `format` (a reader name or a suffix), else the path's suffix."""
    if not (isinstance(value, str) and value.strip()):
        return format_for(path)
    name = value.strip().lower()
    if name in READERS:
        return name
    suffix = name if name.startswith(".") else f".{name}"
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    raise InputError(f"unknown format {value!r} (known: {', '.join(READERS)})")


def _record_text(fmt: str, value: Any) -> str:
    """The article text of a record: text as it is, bytes decoded (or extracted, for .docx)."""
    if isinstance(value, str):
        text = value
    else:
        data = bytes(value)
        reader = READERS[fmt]
        if reader.extract is not None:
            try:
                text = str(reader.function(reader.extract)(data))
            except ValueError as error:
                raise InputError(str(error)) from None
        else:
            text = decode(data)
    if len(text) > MAX_CHARS:
        raise InputError(f"article is longer than {MAX_CHARS:,} characters, the most druglint checks")
    return text


def lint_article(article: Article, config: LinterConfig = DEFAULT_CONFIG) -> FileReport:
    """Lint one article (a path or a record) with the process's shared Linter for `config`;
    an unreadable article, or a bug met on it, comes back as a report with an `error`."""
    if isinstance(article, Mapping):
        path = str(article.get("path") or "")
        text, fmt_value = article.get("text"), article.get("format")
    else:
        path, text, fmt_value = os.fspath(article), None, None
    if not path:
        return FileReport(path="", drugs=[], findings=[], error="record without a path")
    try:
        fmt = _format_name(fmt_value, path)
        if _present(text):
            source = _record_text(fmt, text)
        else:
            read = read_article(path)
            if read.error or read.source is None:
                return FileReport(path=path, drugs=[], findings=[], error=read.error or "not read")
            source = read.source
    except InputError as error:
        return FileReport(path=path, drugs=[], findings=[], error=str(error))
    try:
        return Linter.for_config(config).lint_text(path, source, fmt)
    except DataError:
        raise  # a broken profile or pack folder: every article would fail the same way
    except Exception as error:  # a bug must not cost the other articles their results
        return FileReport(path=path, drugs=[], findings=[],
                          error=f"internal error ({type(error).__name__}: {error}); please report it")


def report_dict(report: FileReport) -> dict[str, Any]:
    """A report as the per-file object of `druglint check --format json` (plain values only)."""
    data: dict[str, Any] = {"path": report.path, "drugs": [{"id": drug} for drug in report.drugs]}
    if report.error:
        data["error"] = report.error
    findings = []
    for finding in report.findings:
        row = finding.to_dict()
        row["severity"] = str(row["severity"])
        findings.append(row)
    data["findings"] = findings
    return data


def lint_to_dict(article: Article, config: LinterConfig = DEFAULT_CONFIG) -> dict[str, Any]:
    """The report dict of one article; the function `lint_bag` maps over a bag."""
    return report_dict(lint_article(article, config))


def finding_rows(report: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A report dict's findings as `FINDING_COLUMNS` rows (an unreadable article: one `input-error` row)."""
    path = report["path"]
    if report.get("error"):
        return [dict.fromkeys(FINDING_COLUMNS) | {"path": path, "rule": INPUT_ERROR, "severity": "error",
                                                  "message": report["error"]}]
    return [{column: path if column == "path" else finding.get(column) for column in FINDING_COLUMNS}
            for finding in report["findings"]]


def findings_frame(rows: Iterable[Mapping[str, Any]]) -> pandas.DataFrame:
    """Finding rows as a pandas DataFrame with the dtypes of `findings_meta()`."""
    import pandas as pd
    meta = findings_meta()
    frame = pd.DataFrame(list(rows), columns=list(FINDING_COLUMNS))
    return frame.astype(meta.dtypes.to_dict()) if len(frame) else meta


def findings_meta() -> pandas.DataFrame:
    """The empty findings frame: text columns as pandas strings, offsets as nullable integers."""
    import pandas as pd
    return pd.DataFrame({column: pd.Series(dtype="string" if column in _TEXT_COLUMNS else "Int64")
                         for column in FINDING_COLUMNS})


def _records(frame: pandas.DataFrame) -> list[dict[str, Any]]:
    if "path" not in frame.columns:
        raise KeyError(f"an article dataframe needs a 'path' column (it has {list(frame.columns)})")
    columns = [column for column in ("path", "format", "text") if column in frame.columns]
    return frame[columns].to_dict("records")


def lint_partition(frame: pandas.DataFrame, config: LinterConfig) -> pandas.DataFrame:
    """Lint the articles of one pandas partition into finding rows (run on the workers)."""
    return findings_frame(row for record in _records(frame) for row in finding_rows(lint_to_dict(record, config)))


def reports_partition(reports: Iterable[Mapping[str, Any]]) -> pandas.DataFrame:
    """The finding rows of one bag partition of report dicts (run on the workers)."""
    return findings_frame(row for report in reports for row in finding_rows(report))


# On the client ------------------------------------------------------------------------------

def lint_bag(bag: dask.bag.Bag, config: LinterConfig = DEFAULT_CONFIG) -> dask.bag.Bag:
    """A bag of report dicts, one per article of `bag` (paths or records), in the same order."""
    _require_dask()
    return bag.map(lint_to_dict, config=_checked_config(config))


def lint_dataframe(articles: dask.dataframe.DataFrame | dask.dataframe.Series | dask.bag.Bag,
                   config: LinterConfig = DEFAULT_CONFIG) -> dask.dataframe.DataFrame:
    """A dataframe of findings (`FINDING_COLUMNS`), one row per finding, from a dataframe of
    articles (a `path` column, optional `text` and `format` columns), a series of paths, or a
    bag of paths or records. Rename other column names first (`df.rename(columns=...)`)."""
    _require_dask()
    import dask.bag as db
    import dask.dataframe as dd
    config = _checked_config(config)
    if isinstance(articles, db.Bag):
        return dd.from_delayed([_delayed_frame(part) for part in lint_bag(articles, config).to_delayed()],
                               meta=findings_meta(), verify_meta=False)
    if isinstance(articles, dd.Series):
        articles = articles.to_frame(name="path")
    return articles.map_partitions(lint_partition, config, meta=findings_meta(), enforce_metadata=False)


def _delayed_frame(part: Any) -> Any:
    from dask import delayed
    return delayed(reports_partition, pure=True)(part)


def paths_bag(arguments: Iterable[str | os.PathLike], npartitions: int | None = None,
              partition_size: int = 50) -> dask.bag.Bag:
    """A bag of article paths: files as given, folders walked as `druglint check` walks them
    (known suffixes, hidden files left out). The walk runs here; the workers read the files."""
    _require_dask()
    import dask.bag as db
    paths = [path for path, _error in collect_paths([os.fspath(a) for a in arguments])]
    if npartitions is None:
        npartitions = max(1, -(-len(paths) // max(1, partition_size)))
    return db.from_sequence(paths, npartitions=max(1, min(npartitions, len(paths) or 1)))


def to_json_lines(results: dask.bag.Bag | dask.dataframe.DataFrame, urlpath: str | list[str],
                  compute: bool = True, **kwargs: Any) -> Any:
    """Write JSON Lines, one file per partition (`urlpath` is a folder, a glob with one `*`,
    or a list of names; fsspec URLs such as s3://... work with the matching package). A bag of
    report dicts gives one report a line (the `files` entries of `--format json`); a findings
    dataframe gives one finding a line. Returns the file names (a Dask result when not `compute`)."""
    _require_dask()
    import dask.bag as db
    if isinstance(results, db.Bag):
        return results.map(_json_line).to_textfiles(urlpath, compute=compute, **kwargs)
    return results.to_json(urlpath, orient="records", lines=True, compute=compute, force_ascii=False, **kwargs)


def _json_line(report: Mapping[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False)
