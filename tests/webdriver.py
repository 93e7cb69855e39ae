"""Headless Chromium for the browser tests, driven through chromedriver's WebDriver protocol
(plain HTTP on 127.0.0.1, no client library). `requires_browser` skips a test when Chromium
or chromedriver is not installed (Debian: apt-get install -y chromium chromium-driver)."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C WebDriver element reference key

requires_browser = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER), reason="needs chromium and chromedriver (apt-get install chromium chromium-driver)")


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

    def script(self, code, *args):
        return self.command("POST", "/execute/sync", {"script": code, "args": list(args)})

    def find(self, selector) -> str:
        """The element reference of the first element the CSS selector matches."""
        return self.command("POST", "/element", {"using": "css selector", "value": selector})[ELEMENT]

    def click(self, selector):
        self.command("POST", f"/element/{self.find(selector)}/click", {})

    def type(self, selector, text):
        self.command("POST", f"/element/{self.find(selector)}/value", {"text": text})

    def enter_frame(self, selector):
        self.command("POST", "/frame", {"id": {ELEMENT: self.find(selector)}})

    def leave_frame(self):
        self.command("POST", "/frame/parent", {})

    def wait_for(self, code, timeout=60.0):
        """Poll a script until it returns something truthy; that value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.script(code)
            if value or time.monotonic() > deadline:
                return value
            time.sleep(0.1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def chromium_session() -> Iterator[Session]:
    """A headless Chromium session, ended (with its chromedriver) on exit."""
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
