"""druglint on Dask: a two-process local cluster lints the fixture articles through
`lint_bag` and `lint_dataframe`, and finds what `druglint check --format json` finds."""
from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli import main
from lint.linter import LinterConfig

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

from lint.workflow.distributed import (  # noqa: E402
    FINDING_COLUMNS,
    lint_article,
    lint_bag,
    lint_dataframe,
    lint_to_dict,
    paths_bag,
    to_json_lines,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLES = sorted(str(p) for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".html"))
FORMATS = {".txt": "text", ".md": "markdown", ".html": "html"}


def _keys(findings) -> list[tuple]:
    return [(f["rule"], f["start"], f["end"], f["message"]) for f in findings]


@pytest.fixture(scope="module")
def expected() -> dict[str, list[tuple]]:
    """What the command line reports for the same files (by path)."""
    result = CliRunner().invoke(main, ["check", *ARTICLES, "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    files = json.loads(result.output)["files"]
    assert [f["path"] for f in files] == ARTICLES
    assert any(f["findings"] for f in files)
    return {f["path"]: _keys(f["findings"]) for f in files}


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        yield client


def _records() -> list[dict]:
    return [{"path": path, "format": FORMATS[Path(path).suffix], "text": Path(path).read_text(encoding="utf-8")}
            for path in ARTICLES]


def test_lint_bag_of_paths_matches_the_cli(client, expected):
    reports = lint_bag(db.from_sequence(ARTICLES, npartitions=2)).compute()
    assert [r["path"] for r in reports] == ARTICLES
    assert {r["path"]: _keys(r["findings"]) for r in reports} == expected
    assert all("error" not in r and isinstance(r["drugs"], list) for r in reports)
    json.dumps(reports)  # plain values, as the JSON report holds them


def test_lint_bag_of_records_matches_the_cli(client, expected):
    reports = lint_bag(db.from_sequence(_records(), npartitions=3), LinterConfig()).compute()
    assert {r["path"]: _keys(r["findings"]) for r in reports} == expected


def test_lint_dataframe_matches_the_cli(client, expected):
    articles = dd.from_pandas(pd.DataFrame(_records()), npartitions=2)
    findings = lint_dataframe(articles).compute()
    assert list(findings.columns) == list(FINDING_COLUMNS)
    got: dict[str, list[tuple]] = {path: [] for path in ARTICLES}
    for row in findings.itertuples(index=False):
        got[row.path].append((row.rule, None if pd.isna(row.start) else int(row.start),
                              None if pd.isna(row.end) else int(row.end), row.message))
    assert got == expected
    from_paths = lint_dataframe(dd.from_pandas(pd.Series(ARTICLES, name="path"), npartitions=2)).compute()
    assert from_paths.reset_index(drop=True).equals(findings.reset_index(drop=True))
    from_bag = lint_dataframe(paths_bag(ARTICLES, partition_size=3)).compute()
    assert from_bag.reset_index(drop=True).equals(findings.reset_index(drop=True))


def test_to_json_lines(client, expected, tmp_path):
    names = to_json_lines(lint_bag(db.from_sequence(ARTICLES, npartitions=2)), str(tmp_path / "reports-*.jsonl"))
    assert len(names) == 2
    lines = [json.loads(line) for name in sorted(names) for line in Path(name).read_text(encoding="utf-8").splitlines()]
    assert {r["path"]: _keys(r["findings"]) for r in lines} == expected


def test_unreadable_articles_are_reported_not_fatal(tmp_path):
    config = LinterConfig(disabled_rules=frozenset({"unknown-drug"}))
    assert pickle.loads(pickle.dumps(config)) == config
    missing = lint_to_dict(str(tmp_path / "missing.md"), config)
    assert missing["error"] and missing["findings"] == []
    assert "unknown format" in lint_to_dict({"path": "a", "format": "pdf", "text": "x"}, config)["error"]
    assert "UTF-8" in lint_to_dict({"path": "a.md", "text": b"ok \xff there"}, config)["error"]
    assert lint_to_dict({"path": None, "text": "x"}, config)["error"] == "record without a path"
    text = Path(ARTICLES[0]).read_text(encoding="utf-8")
    as_bytes = lint_article({"path": ARTICLES[0], "text": text.encode(), "format": float("nan")}, config)
    as_text = lint_article({"path": ARTICLES[0], "text": text, "format": Path(ARTICLES[0]).suffix}, config)
    assert _keys(f.to_dict() for f in as_bytes.findings) == _keys(f.to_dict() for f in as_text.findings)


def test_config_must_be_hashable():
    with pytest.raises(TypeError):
        lint_bag(db.from_sequence(ARTICLES), LinterConfig(disabled_rules={"unknown-drug"}))  # type: ignore[arg-type]
