"""The HTML report in a real browser: headless Chromium driven through chromedriver's
WebDriver protocol (plain HTTP on 127.0.0.1, no client library). Skipped when Chromium or
chromedriver is not installed (Debian: apt-get install -y chromium chromium-driver)."""
import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli.main import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C WebDriver element reference key

pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="needs chromium and chromedriver (apt-get install chromium chromium-driver)")


class Session:
    """A WebDriver session: just the commands these tests use."""

    def __init__(self, port: int):
        self.base = f"http://127.0.0.1:{port}"
        self.id = None

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())["value"]

    def command(self, method, path, body=None):
        return self.call(method, f"/session/{self.id}{path}", body)

    def script(self, code):
        return self.command("POST", "/execute/sync", {"script": code, "args": []})

    def click(self, selector):
        element = self.command("POST", "/element", {"using": "css selector", "value": selector})
        self.command("POST", f"/element/{element[ELEMENT]}/click", {})


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def browser():
    port = free_port()
    driver = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    session = Session(port)
    try:
        for _ in range(200):
            try:
                if session.call("GET", "/status")["ready"]:
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.05)
        options = {"binary": CHROMIUM, "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                                                "--disable-dev-shm-usage"]}
        created = session.call("POST", "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": options}}})
        session.id = created["sessionId"]
        yield session
        session.call("DELETE", f"/session/{session.id}")
    finally:
        driver.terminate()
        driver.wait(timeout=30)


SHOWN = "return Array.from(document.querySelectorAll('[data-finding]'))" \
        ".filter(e => !e.classList.contains('filtered')).map(e => [e.dataset.rule, e.dataset.severity, e.tagName])"


def test_filters_hide_findings_and_clicking_a_highlight_opens_its_details(tmp_path, browser):
    out = tmp_path / "report.html"
    articles = [FIXTURES / "clonazepam-review.md", FIXTURES / "unknown-drug.html"]
    CliRunner().invoke(main, ["check", "--format", "html", "-o", str(out), *map(str, articles)])
    browser.command("POST", "/url", {"url": out.as_uri()})

    everything = browser.script(SHOWN)
    assert {"MARK", "LI"} <= {tag for _, _, tag in everything}
    assert browser.script("return performance.getEntriesByType('resource').length") == 0

    browser.click("input[name=rule][value='dose-out-of-range']")
    shown = browser.script(SHOWN)
    assert shown == [item for item in everything if item[0] != "dose-out-of-range"]
    assert browser.script("return getComputedStyle(document.querySelector("
                          "\"li.finding[data-rule='dose-out-of-range']\")).display") == "none"

    browser.click("input[name=severity][value='info']")
    assert browser.script(SHOWN) == [item for item in shown if item[1] != "info"]

    browser.click("input[name=rule][value='dose-out-of-range']")
    browser.click("mark[data-rule='dose-out-of-range']")
    target = browser.script("return document.querySelector(':target').dataset.rule + ' ' + location.hash")
    assert target.startswith("dose-out-of-range #f")
