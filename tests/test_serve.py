"""`druglint serve`: the JSON API and the review pages through Starlette's TestClient, the
command in a subprocess, and the whole review in headless Chromium (paste, check, see the
highlights, open a finding, download the report)."""
from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient
from webdriver import chromium_session, free_port, requires_browser

from lint import Linter, LinterConfig
from lint.cli.main import main
from lint.serve.app import create_app
from lint.serve.articles import Checker
from lint.serve.store import Review, ReviewStore

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REVIEW = (FIXTURES / "clonazepam-review.md").read_text(encoding="utf-8")
DRAFT_DOCX = (FIXTURES / "clonazepam-draft.docx").read_bytes()
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
HOUSE_PACK = """\
pack: house
rules:
  - id: no-cheap-claims
    severity: warning
    message: "'{match}' is price talk; we do not advertise prices."
    suggestion: Remove the price claim.
    explanation:
      finds: Words that sell a medicine on price.
      why: Price talk reads as an advert.
      example: '"Get cheap Xanax today."'
      instead: Leave prices out.
    scope: sentence
    forbid:
      phrases: [cheap]
"""


def make_client(max_bytes: int = 2 * 1024 * 1024) -> TestClient:
    return TestClient(create_app(Checker(Linter.for_config(LinterConfig())), max_bytes=max_bytes))


@pytest.fixture(scope="module")
def client():
    return make_client()


def findings(answer, rule):
    (file,) = answer["files"]
    return [f for f in file["findings"] if f["rule"] == rule]


def test_api_answers_with_the_json_report_and_each_finding_s_line(client):
    answer = client.post("/api/check", json={"text": REVIEW, "filename": "draft.md"})
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    report = answer.json()
    assert report["files"][0]["path"] == "draft.md"
    assert {"id": "clonazepam"} in report["files"][0]["drugs"]
    (dose,) = findings(report, "dose-out-of-range")
    assert (dose["line"], dose["column"], dose["text"], dose["severity"]) == (17, 80, "10 mg", "error")
    assert REVIEW[dose["start"]:dose["end"]] == "10 mg"


def test_the_file_name_s_suffix_picks_the_reader(client):
    article = ("<h1>Klonopin</h1>\n<p>Klonopin (clonazepam) treats panic disorder. Talk to your doctor.</p>\n"
               "<script>var dose = 'Take 10 mg of clonazepam a day';</script>\n")
    as_html = client.post("/api/check", json={"text": article, "filename": "draft.html"}).json()
    as_text = client.post("/api/check", json={"text": article, "filename": "draft.txt"}).json()
    assert findings(as_html, "dose-out-of-range") == []  # the HTML reader leaves scripts out
    assert [f["line"] for f in findings(as_text, "dose-out-of-range")] == [3]


def test_a_word_draft_is_checked_from_base64_or_an_upload(client):
    by_json = client.post("/api/check", json={"content_base64": base64.b64encode(DRAFT_DOCX).decode(),
                                               "filename": "draft.docx"}).json()
    uploaded = client.post("/api/check", files={"file": ("drafts/draft.docx", DRAFT_DOCX)}).json()
    assert by_json == uploaded
    assert uploaded["files"][0]["path"] == "draft.docx"  # the client's folders are not shown
    assert [(f["line"], f["text"]) for f in findings(uploaded, "dose-out-of-range")] == [(4, "3 mg twice daily")]


@pytest.mark.parametrize(("body", "status", "says"), [
    ({}, 422, "no article text"),
    ({"text": "   \n"}, 422, "no article text"),
    ({"text": 42, "filename": "draft.md"}, 422, "no article text"),
    ({"text": "Klonopin", "filename": 7}, 422, '"filename" must be a string'),
    ({"text": "Klonopin", "filename": "draft.pdf"}, 415, "unknown file type ('.pdf')"),
    ({"text": "Klonopin", "filename": "draft"}, 415, "unknown file type (no suffix)"),
    ({"text": "Klonopin", "filename": "draft.docx"}, 422, "binary"),
    ({"text": "Klonopin", "content_base64": "S2xvbm9waW4=", "filename": "a.md"}, 422, "not both"),
    ({"content_base64": "not base64!", "filename": "a.md"}, 422, "not valid base64"),
    ({"content_base64": base64.b64encode(b"\xffKlonopin").decode(), "filename": "a.md"}, 422, "not valid UTF-8"),
    ({"content_base64": base64.b64encode(b"PK\x03\x04 not a zip").decode(), "filename": "a.docx"}, 422,
     "not a readable .docx file"),
    ({"text": "Klonopin\x00", "filename": "a.txt"}, 422, "NUL"),
])
def test_bad_json_input_gets_a_4xx_json_error(client, body, status, says):
    answer = client.post("/api/check", json=body)
    assert answer.status_code == status
    assert says in answer.json()["error"]


@pytest.mark.parametrize(("content", "content_type", "status", "says"), [
    (b'{"text": "Klonopin', "application/json", 400, "invalid JSON"),
    (b"\xff\xfe{}", "application/json", 400, "invalid JSON"),
    (b'["Klonopin"]', "application/json", 400, "must be a JSON object"),
    (b"Klonopin treats panic disorder.", "text/plain", 415, "send application/json"),
    (b"--x\r\nContent-Disposition: form-data\r\n\r\nKlonopin\r\n--x--\r\n", "multipart/form-data; boundary=x",
     400, "malformed form data"),
])
def test_a_malformed_body_gets_a_4xx_json_error(client, content, content_type, status, says):
    answer = client.post("/api/check", content=content, headers={"content-type": content_type})
    assert answer.status_code == status
    assert says in answer.json()["error"]


def test_unknown_api_paths_answer_in_json(client):
    answer = client.get("/api/nothing")
    assert answer.status_code == 404 and answer.json() == {"error": "Not Found"}
    assert client.get("/api/check").status_code == 405


def test_the_size_limit_holds_for_json_uploads_streams_and_the_form():
    small = make_client(max_bytes=4096)
    fits = {"text": REVIEW, "filename": "draft.md"}
    assert small.post("/api/check", json=fits).status_code == 200
    too_large = small.post("/api/check", json={"text": REVIEW * 4, "filename": "draft.md"})
    assert too_large.status_code == 413 and "larger than 4,096 bytes" in too_large.json()["error"]
    upload = small.post("/api/check", files={"file": ("draft.md", REVIEW.encode() * 4)})
    assert upload.status_code == 413
    streamed = small.post("/api/check", content=iter([b'{"text": "' + b"a" * 3000, b"a" * 3000 + b'"}']),
                          headers={"content-type": "application/json"})  # chunked: no Content-Length
    assert streamed.status_code == 413 and "content-length" not in streamed.request.headers
    page = small.post("/check", files={"file": ("draft.md", REVIEW.encode() * 4)})
    assert page.status_code == 413 and 'role="alert"' in page.text and "larger than 4,096 bytes" in page.text


def test_pasting_in_the_form_shows_the_review_and_its_downloads(client):
    form = client.get("/")
    assert form.status_code == 200 and 'name="text"' in form.text and 'type="file"' in form.text
    crlf = REVIEW.replace("\n", "\r\n")  # how a browser sends a text box
    checked = client.post("/check", data={"text": crlf, "format": "markdown"}, files={"file": ("", b"")},
                          follow_redirects=False)
    assert checked.status_code == 303
    review = client.get(checked.headers["location"])
    assert "pasted-article.md" in review.text and "1 error" in review.text
    base = checked.headers["location"]
    assert f'src="{base}/report"' in review.text
    shown = client.get(f"{base}/report")
    assert 'data-rule="dose-out-of-range"' in shown.text and "content-disposition" not in shown.headers
    html = client.get(f"{base}/report.html")
    assert html.headers["content-disposition"] == 'attachment; filename="druglint-pasted-article.html"'
    assert html.text == shown.text
    downloaded = client.get(f"{base}/report.json")
    assert downloaded.headers["content-disposition"] == 'attachment; filename="druglint-pasted-article.json"'
    (dose,) = findings(downloaded.json(), "dose-out-of-range")
    assert REVIEW[dose["start"]:dose["end"]] == "10 mg"  # offsets in the text as typed, not as sent (CRLF)
    assert (dose["line"], dose["column"]) == (17, 80)


def test_the_form_says_what_is_wrong_and_keeps_the_text(client):
    empty = client.post("/check", data={"text": " ", "format": "markdown"}, files={"file": ("", b"")})
    assert empty.status_code == 422 and "paste its text or upload a file" in empty.text
    both = client.post("/check", data={"text": "Klonopin <b>", "format": "html"},
                       files={"file": ("a.md", b"Klonopin")})
    assert both.status_code == 422 and "not both" in both.text
    assert "Klonopin &lt;b&gt;</textarea>" in both.text and '<option value="html" selected>' in both.text
    assert client.get("/review/unknown").status_code == 404


def test_pages_forbid_scripts_and_framing(client):
    headers = client.get("/").headers
    assert "script-src" not in headers["content-security-policy"]  # default-src 'none' covers it
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff" and headers["cache-control"] == "no-store"



def test_the_store_keeps_the_most_recent_reviews_within_its_limits():
    store = ReviewStore(max_reviews=2, max_chars=25)
    keys = [store.add(Review(f"{n}.md", "", "x" * 10, "{}")) for n in range(3)]
    assert store.get(keys[0]) is None and store.get(keys[2]).filename == "2.md" and len(store) == 2
    big = store.add(Review("big.md", "", "x" * 30, "{}"))  # over max_chars alone: kept, the others go
    assert [store.get(key) for key in keys] == [None, None, None] and store.get(big).filename == "big.md"

@pytest.fixture
def disk_writes():
    """The paths opened for writing while the test runs (an audit hook sees every open)."""
    opened: list[str] = []
    active = [True]

    def hook(event, args):
        if active[0] and event == "open" and isinstance(args[2], int) and args[2] & WRITE_FLAGS:
            opened.append(str(args[0]))
    sys.addaudithook(hook)
    yield opened
    active[0] = False


def test_nothing_a_client_sends_is_written_to_disk(disk_writes):
    client = make_client(max_bytes=2 * 1024 * 1024)
    large = b"PK\x03\x04" + b"x" * 1_500_000  # past Starlette's 1 MB spool, which would roll over to a file
    assert client.post("/api/check", files={"file": ("big.docx", large)}).status_code == 422
    assert client.post("/check", files={"file": ("big.docx", large)}).status_code == 422
    assert client.post("/api/check", files={"file": ("draft.docx", DRAFT_DOCX)}).status_code == 200
    checked = client.post("/check", data={"text": REVIEW, "format": "markdown"}, files={"file": ("", b"")},
                          follow_redirects=False)
    assert client.get(checked.headers["location"] + "/report.json").status_code == 200
    assert disk_writes == []


def test_serve_without_its_extra_prints_the_install_hint(monkeypatch):
    monkeypatch.setattr("lint.serve.SERVE_MODULES", ("starlette", "druglint_no_such_module"))
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 2
    assert result.output.strip() == "druglint: druglint serve needs the serve extra: pip install 'druglint[serve]'"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`druglint serve` in a subprocess on a free port, with a house-rule pack and a 64 KB limit."""
    folder = tmp_path_factory.mktemp("serve")
    (folder / "house.yaml").write_text(HOUSE_PACK, encoding="utf-8")
    port = free_port()
    log = (folder / "server.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "lint", "serve", "--port", str(port), "--max-bytes", "65536",
                                "--rules", str(folder / "house.yaml")], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/health", timeout=5) as answer:
                    if json.loads(answer.read()) == {"status": "ok"}:
                        break
            except (urllib.error.URLError, ConnectionError):
                pass
            assert process.poll() is None and time.monotonic() < deadline, (folder / "server.log").read_text()
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def post_json(url: str, body: bytes) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_the_command_serves_with_its_rules_and_size_limit(server):
    status, report = post_json(f"{server}/api/check",
                               json.dumps({"text": "Get cheap Klonopin today.", "filename": "ad.md"}).encode())
    assert status == 200
    assert [f["text"] for f in findings(report, "no-cheap-claims")] == ["cheap"]
    status, error = post_json(f"{server}/api/check", json.dumps({"text": "a" * 70000}).encode())
    assert status == 413 and "larger than 65,536 bytes" in error["error"]


@requires_browser
def test_an_editor_pastes_checks_opens_a_finding_and_downloads_the_report(server):
    with chromium_session() as browser:
        browser.command("POST", "/url", {"url": f"{server}/"})
        browser.type("#text", REVIEW)
        browser.click("button[type=submit]")
        assert browser.wait_for("return location.pathname.startsWith('/review/')")
        assert "1 error" in browser.script("return document.querySelector('.summary').textContent")

        browser.enter_frame("#report")
        assert browser.wait_for("return document.readyState === 'complete' && document.querySelector('mark')")
        marks = browser.script("return Array.from(document.querySelectorAll('mark[data-rule]'))"
                               ".map(m => [m.dataset.rule, m.textContent])")
        assert ["dose-out-of-range", "10 mg"] in marks
        browser.click("mark[data-rule='dose-out-of-range']")
        opened = browser.script("var t = document.querySelector(':target'); "
                                "return t && [t.dataset.rule, t.textContent, getComputedStyle(t).display]")
        assert opened[0] == "dose-out-of-range" and "10 mg" in opened[1] and opened[2] != "none"
        browser.leave_frame()

        links = browser.script("return ['#download-html', '#download-json'].map("
                               "s => [document.querySelector(s).href, document.querySelector(s).download])")
    (html_url, html_name), (json_url, json_name) = links
    assert (html_name, json_name) == ("druglint-pasted-article.html", "druglint-pasted-article.json")
    with urllib.request.urlopen(html_url, timeout=30) as answer:
        assert answer.headers["Content-Disposition"].startswith("attachment")
        assert 'data-rule="dose-out-of-range"' in answer.read().decode()
    with urllib.request.urlopen(json_url, timeout=30) as answer:
        (dose,) = findings(json.loads(answer.read()), "dose-out-of-range")
    assert (dose["line"], dose["text"]) == (17, "10 mg")
