"""Bad input through the command line: every unreadable file gets one line on stderr naming
it, every other file is still checked and reported, the exit status is 2, there is no
traceback, and druglint never writes to what it reads."""
from __future__ import annotations

import codecs
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import without_root_permission_override

from lint.cli.main import main
from lint.workflow.inputs import MAX_CHARS, read_article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLE = "Clonazepam is used to treat insomnia.\n"  # one unlabeled-indication finding
SAFETY_TIMEOUT = 300  # a hang must fail the test, not stall the suite; no timing is asserted


def druglint(*args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """Run the real command line in a fresh process (real stderr, real exit status)."""
    command = [*prefix, sys.executable, "-m", "lint", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=SAFETY_TIMEOUT, check=False)


def invoke(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("druglint: ")]


def files_by_path(stdout: str) -> dict[str, dict]:
    return {entry["path"]: entry for entry in json.loads(stdout)["files"]}


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """mtime and content of every regular file under a folder (links not followed)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            found[str(path)] = (path.stat().st_mtime_ns, path.read_bytes())
    return found


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """A folder of good articles next to every kind of bad input that a walk can meet."""
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(FIXTURES / "clonazepam-review.md", folder / "good.md")
    (folder / "bom-utf8.txt").write_bytes(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"))
    (folder / "bom-utf16.txt").write_bytes(ARTICLE.encode("utf-16"))  # BOM + native order
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes("Clonazepam caf\xe9 insomnia.\n".encode("latin-1"))
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (folder / "nul.md").write_bytes(b"Clonazepam is used\x00 to treat insomnia.\n")
    (folder / "huge.txt").write_bytes(ARTICLE.encode() * (20 * 1024 * 1024 // len(ARTICLE) + 1))  # 20 MB
    (folder / "dangling.md").symlink_to(folder / "gone.md")
    (folder / "nested").mkdir()
    (folder / "nested" / "again.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "nested" / "back-up").symlink_to(folder, target_is_directory=True)  # a directory loop
    (folder / "folder.md").mkdir()  # a directory where a file is expected: walked, not read
    (folder / "folder.md" / "inside.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    return folder


BAD = {  # file name in mixed_folder: what its error line says
    "latin1.txt": "not valid UTF-8 (byte 0xE9 at line 1",
    "image.html": "binary file",
    "nul.md": "binary file (NUL byte at line 1",
    "huge.txt": f"article is longer than {MAX_CHARS:,} characters",
    "dangling.md": "broken symbolic link",
    "pipe.txt": "not a regular file (named pipe (FIFO))",
}


def test_bad_files_in_a_folder_each_get_one_error_line_and_the_rest_is_checked(mixed_folder):
    before = snapshot(mixed_folder)
    done = druglint("check", str(mixed_folder), "--format", "json")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr + done.stdout
    lines = error_lines(done.stderr)
    for name, message in BAD.items():
        mine = [line for line in lines if line.startswith(f"druglint: {mixed_folder / name}: ")]
        assert len(mine) == 1 and message in mine[0], (name, lines)
    assert len(lines) == len(BAD)
    report = files_by_path(done.stdout)
    for name in BAD:
        assert report[str(mixed_folder / name)]["error"]
    good = report[str(mixed_folder / "good.md")]
    assert "error" not in good and good["drugs"][0] == {"id": "clonazepam"} and good["findings"]
    assert "error" not in report[str(mixed_folder / "empty.txt")]
    for checked in ("nested/again.txt", "folder.md/inside.txt", "bom-utf8.txt", "bom-utf16.txt"):
        entry = report[str(mixed_folder / checked)]
        assert "error" not in entry and [f["text"] for f in entry["findings"] if f["start"] is not None] == ["insomnia"]
    walked_twice = [p for p in report if "back-up" in p]
    assert walked_twice == []  # the loop back to the top folder is not followed again
    assert snapshot(mixed_folder) == before  # nothing read was written to


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16-le", "utf-16-be", "utf-32"])
def test_byte_order_marks_are_read_and_offsets_index_the_decoded_text(tmp_path, encoding):
    source = (FIXTURES / "clonazepam-review.md").read_text(encoding="utf-8")
    plain, marked = tmp_path / "plain.md", tmp_path / "marked.md"
    plain.write_text(source, encoding="utf-8")
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    marked.write_bytes(bom + source.encode(encoding))
    result = invoke("check", "--format", "json", str(plain), str(marked))
    report = files_by_path(result.stdout)
    expected, found = report[str(plain)]["findings"], report[str(marked)]["findings"]
    assert found and found == expected
    for finding in found:
        if finding["start"] is not None:
            assert source[finding["start"]:finding["end"]] == finding["text"]


def test_utf16_without_byte_order_mark_is_named_as_such(tmp_path):
    article = tmp_path / "no-bom.txt"
    article.write_bytes(ARTICLE.encode("utf-16-le"))
    result = invoke("check", str(article), str(FIXTURES / "clonazepam-clean.txt"))
    assert result.exit_code == 2
    assert f"druglint: {article}: looks like UTF-16 without a byte order mark" in result.stderr
    assert "clonazepam-clean.txt" not in result.stderr and "2 files checked" in result.stdout


def test_named_missing_broken_and_looping_paths(tmp_path):
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    result = invoke("check", "--format", "json", str(tmp_path / "missing.md"), str(dangling), str(loop),
                    str(FIXTURES / "clonazepam-review.md"))
    assert result.exit_code == 2
    lines = error_lines(result.stderr)
    assert f"druglint: {tmp_path / 'missing.md'}: no such file or directory" in lines
    assert f"druglint: {dangling}: broken symbolic link" in lines
    assert f"druglint: {loop}: symbolic link loop" in lines
    assert files_by_path(result.stdout)[str(FIXTURES / "clonazepam-review.md")]["findings"]


def test_a_symlink_loop_met_in_a_folder_walk(tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "fine.txt").write_text(ARTICLE, encoding="utf-8")
    done = druglint("check", str(tmp_path))
    assert "Traceback" not in done.stderr
    assert done.returncode == 2
    assert error_lines(done.stderr) == [f"druglint: {tmp_path / 'loop.txt'}: symbolic link loop"]
    assert "fine.txt:1:" in done.stdout


def test_a_read_that_fails_with_an_io_error(tmp_path):
    """Readable as root too: reading /proc/self/mem from its start fails with EIO."""
    if not os.path.exists("/proc/self/mem"):
        pytest.skip("needs Linux /proc")
    failing = tmp_path / "failing.txt"
    failing.symlink_to("/proc/self/mem")
    result = invoke("check", str(failing), str(FIXTURES / "clonazepam-clean.txt"))
    assert result.exit_code == 2
    assert error_lines(result.stderr) == [f"druglint: {failing}: Input/output error"]
    assert "2 files checked" in result.stdout


def test_a_file_without_read_permission(tmp_path):
    prefix = without_root_permission_override()
    if prefix is None:
        pytest.skip("running as root without setpriv: a chmod 000 file stays readable")
    locked = tmp_path / "locked.md"
    locked.write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    (tmp_path / "open.md").write_text(ARTICLE, encoding="utf-8")
    try:
        done = druglint("check", str(tmp_path), prefix=prefix)
    finally:
        locked.chmod(0o644)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert error_lines(done.stderr) == [f"druglint: {locked}: Permission denied"]
    assert "open.md:1:" in done.stdout


def test_reading_a_directory_as_an_article_is_an_input_error(tmp_path):
    article = read_article(str(tmp_path))
    assert article.source is None and article.error == "Is a directory"


def test_empty_and_whitespace_only_articles_are_checked_quietly(tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "blank.html").write_text(" \n\t\r\n", encoding="utf-8")
    result = invoke("check", "--format", "json", str(tmp_path))
    assert result.exit_code != 2 and result.stderr == ""
    assert all("error" not in entry for entry in json.loads(result.stdout)["files"])


def test_a_one_megabyte_line(tmp_path):
    """An inline base64 image makes one line of a Markdown article a megabyte (10^6 bytes)
    long; the findings are the article's own, moved by the blob's length."""
    article = (FIXTURES / "clonazepam-review.md").read_text(encoding="utf-8")
    chunk = "iVBORw0KGgoAAAANSUhEUgAA"
    blob = "![chart](data:image/png;base64," + chunk * ((MAX_CHARS - len(article)) // len(chunk) - 2) + ")\n\n"
    assert len(blob) > 990_000
    (tmp_path / "plain.md").write_text(article, encoding="utf-8")
    (tmp_path / "with-blob.md").write_text(blob + article, encoding="utf-8")
    report = files_by_path(invoke("check", "--format", "json", str(tmp_path)).stdout)
    plain, long = report[str(tmp_path / "plain.md")]["findings"], report[str(tmp_path / "with-blob.md")]["findings"]
    assert plain and len(long) == len(plain)
    for a, b in zip(plain, long):
        assert (a["rule"], a["text"]) == (b["rule"], b["text"])
        if a["start"] is not None:
            assert (b["start"], b["line"]) == (a["start"] + len(blob), a["line"] + 2)


def test_a_one_megabyte_line_of_prose(tmp_path):
    """A whole article on one line (as some exports write it), a megabyte long."""
    sentence = "Clonazepam is used to treat insomnia and adults take 0.5 mg twice a day for panic disorder. "
    source = sentence * ((MAX_CHARS - 1) // len(sentence))
    (tmp_path / "one-line.txt").write_text(source, encoding="utf-8")
    result = invoke("check", "--format", "json", str(tmp_path / "one-line.txt"))
    assert result.exit_code != 2 and result.stderr == ""
    findings = [f for f in json.loads(result.stdout)["files"][0]["findings"] if f["start"] is not None]
    assert len([f for f in findings if f["text"] == "insomnia"]) == source.count("insomnia")
    for finding in findings:
        assert source[finding["start"]:finding["end"]] == finding["text"] and finding["line"] == 1


def test_deeply_nested_and_broken_html(tmp_path):
    depth = 50_000
    nested = "<div>" * depth + "<p>" + ARTICLE + "</p>" + "</div>" * depth
    broken = ("<html><body><h2>Uses<p>Clonazepam is used to treat <b>insomnia.</i></span></p></p>"
              "<ul><li>unclosed <a href='x>item<li>&#99999999; &bogus; & &#x110000;</ul>"
              "<script>never closed clonazepam for depression")
    comment = "<p>Clonazepam is used to treat insomnia.</p><!-- never closed " + "<div>" * 1000
    for name, source in (("nested.html", nested), ("broken.html", broken), ("comment.html", comment)):
        (tmp_path / name).write_text(source, encoding="utf-8")
    result = invoke("check", "--format", "json", str(tmp_path))
    assert result.exit_code != 2 and result.stderr == ""
    report = files_by_path(result.stdout)
    for name, source in (("nested.html", nested), ("broken.html", broken), ("comment.html", comment)):
        findings = [f for f in report[str(tmp_path / name)]["findings"] if f["start"] is not None]
        assert "insomnia" in [f["text"] for f in findings], name
        for finding in findings:
            assert source[finding["start"]:finding["end"]] == finding["text"]


def test_deeply_nested_markdown(tmp_path):
    source = "> " * 5_000 + ARTICLE + "\n" + "".join("  " * i + "- item\n" for i in range(500)) + "*" * 20_000 + "\n"
    (tmp_path / "deep.md").write_text(source, encoding="utf-8")
    result = invoke("check", "--format", "json", str(tmp_path / "deep.md"))
    assert result.exit_code != 2 and result.stderr == ""
    for finding in json.loads(result.stdout)["files"][0]["findings"]:
        if finding["start"] is not None:
            assert source[finding["start"]:finding["end"]] == finding["text"]


@pytest.mark.parametrize("how", ["named", "walked", "hard-link"])
def test_a_report_over_one_of_the_articles_is_refused(tmp_path, how):
    article = tmp_path / "a.md"
    article.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.md").write_text(ARTICLE, encoding="utf-8")
    target = article
    if how == "hard-link":
        target = tmp_path / "elsewhere" / "report.md"
        target.parent.mkdir()
        os.link(article, target)
    before = snapshot(tmp_path)
    args = [str(article)] if how == "named" else [str(tmp_path / "b.md"), str(article)] if how == "hard-link" \
        else [str(tmp_path)]
    result = invoke("check", "--format", "markdown", "-o", str(target), *args)
    assert result.exit_code == 2
    assert error_lines(result.stderr) == [f"druglint: cannot write {target}: is one of the articles checked "
                                          f"({article}); druglint never overwrites an article"]
    assert snapshot(tmp_path) == before


def test_a_report_to_a_symbolic_link_is_refused_and_the_link_kept(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "target.txt").write_text("someone else's file\n", encoding="utf-8")
    link = tmp_path / "report.txt"
    link.symlink_to(tmp_path / "target.txt")
    result = invoke("check", "-o", str(link), str(tmp_path / "a.md"))
    assert result.exit_code == 2
    assert error_lines(result.stderr) == [f"druglint: cannot write {link}: is a symbolic link; "
                                          "name the file it points to instead"]
    assert link.is_symlink() and (tmp_path / "target.txt").read_text(encoding="utf-8") == "someone else's file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "report.txt", "target.txt"]


def test_a_folder_walk_skips_the_markdown_report_druglint_wrote(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    first = invoke("check", "--format", "markdown", "-o", str(tmp_path / "report.md"), str(tmp_path))
    assert first.exit_code != 2 and "insomnia" not in first.stdout
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("## druglint report")
    again = invoke("check", "--format", "json", str(tmp_path))
    assert list(files_by_path(again.stdout)) == [str(tmp_path / "a.md")]
    named = invoke("check", "--format", "json", str(tmp_path / "report.md"))
    assert list(files_by_path(named.stdout)) == [str(tmp_path / "report.md")]  # named: checked as asked


def test_standard_input_is_read_only_up_to_the_longest_article(tmp_path):
    """A 30 MB stream on standard input: druglint reads a little more than the 1,000,000
    characters it checks at most (their UTF-32 bytes), says the article is too long and stops."""
    from lint.workflow.inputs import MAX_TEXT_BYTES
    stream = tmp_path / "stream.txt"
    stream.write_bytes(ARTICLE.encode() * (30 * 1024 * 1024 // len(ARTICLE)))
    with open(stream, "rb") as stdin:
        done = subprocess.run([sys.executable, "-m", "lint", "check", "-"], stdin=stdin, capture_output=True,
                              text=True, timeout=SAFETY_TIMEOUT, check=False)
        consumed = os.lseek(stdin.fileno(), 0, os.SEEK_CUR)  # the offset the child process shared
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert error_lines(done.stderr) == [f"druglint: -: article is longer than {MAX_CHARS:,} characters, "
                                        "the most druglint checks"]
    assert consumed <= MAX_TEXT_BYTES + 1024 * 1024


def test_a_folder_tree_1100_levels_deep(tmp_path):
    """Walked without recursion (os.walk and the upward search for a configuration recursed
    once per level and crashed); the article at the bottom is checked."""
    folder = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(1100):
            os.mkdir("d", dir_fd=folder)
            deeper = os.open("d", os.O_RDONLY, dir_fd=folder)
            os.close(folder)
            folder = deeper
        article = os.open("a.md", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=folder)
        os.write(article, ARTICLE.encode())
        os.close(article)
    finally:
        os.close(folder)
    try:
        result = invoke("check", "--format", "json", str(tmp_path))
    finally:
        _remove_chain(tmp_path, 1100)  # pytest's own clean-up recurses once per level
    assert result.exit_code != 2 and result.stderr == ""
    [entry] = json.loads(result.stdout)["files"]
    assert entry["path"] == os.path.join(str(tmp_path), *["d"] * 1100, "a.md")
    assert [f["text"] for f in entry["findings"] if f["start"] is not None] == ["insomnia"]


def _remove_chain(top: Path, depth: int) -> None:
    """Remove top/d/d/.../d (depth folders, files at the bottom) without recursion."""
    folders = [os.open(top, os.O_RDONLY)]
    try:
        for _ in range(depth):
            folders.append(os.open("d", os.O_RDONLY, dir_fd=folders[-1]))
        for name in os.listdir(folders[-1]):
            os.unlink(name, dir_fd=folders[-1])
        while len(folders) > 1:
            os.close(folders.pop())
            os.rmdir("d", dir_fd=folders[-1])
    finally:
        for folder in folders:
            os.close(folder)


def test_a_report_to_a_full_disk_is_one_error_line_and_leaves_the_old_report(tmp_path, monkeypatch):
    import errno

    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    report = tmp_path / "out" / "report.md"
    report.parent.mkdir()
    report.write_text("yesterday's report\n", encoding="utf-8")

    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    result = invoke("check", "--format", "markdown", "-o", str(report), str(tmp_path / "a.md"))
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert error_lines(result.stderr) == [f"druglint: cannot write {report}: No space left on device"]
    assert report.read_text(encoding="utf-8") == "yesterday's report\n"
    assert [p.name for p in report.parent.iterdir()] == ["report.md"]
