"""The LanguageTool engine against a loopback server that speaks LanguageTool's /v2/check JSON."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from ficdesk.checking import Category, Checker, Match
from ficdesk.checking.languagetool import (
    LanguageToolEngine,
    LanguageToolSettings,
    Mode,
    State,
    check_url,
    merge,
    utf16_to_code_points,
)


class FakeLanguageTool(ThreadingHTTPServer):
    """Flags every "teh" like LanguageTool would, counting offsets in UTF-16 units as Java does."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.behaviour = "normal"
        self.requests: list[dict[str, list[str]]] = []
        self.release = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    server: FakeLanguageTool

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
        form = urllib.parse.parse_qs(body)
        self.server.requests.append(form)
        if self.path != "/v2/check":
            self._reply(404, b"not found")
        elif self.server.behaviour == "hang":
            self.server.release.wait(10)
        elif self.server.behaviour == "garbage":
            self._reply(200, b"<html><body>502 Bad Gateway</body></html>")
        elif self.server.behaviour == "wrong-shape":
            self._reply(200, json.dumps({"software": {"name": "LanguageTool"}}).encode())
        elif self.server.behaviour == "error":
            self._reply(500, b"internal error")
        else:
            text = form["text"][0]
            matches = []
            start = text.find("teh")
            while start != -1:
                utf16 = len(text[:start].encode("utf-16-le")) // 2
                matches.append({"offset": utf16, "length": 3, "message": "Possible spelling mistake found.",
                                "replacements": [{"value": "the"}, {"value": "tea"}],
                                "rule": {"id": "MORFOLOGIK_RULE_EN_GB", "category": {"id": "TYPOS"}}})
                start = text.find("teh", start + 1)
            self._reply(200, json.dumps({"software": {"name": "LanguageTool"}, "matches": matches}).encode())

    def _reply(self, code: int, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[FakeLanguageTool]:
    fake = FakeLanguageTool()
    thread = threading.Thread(target=fake.serve_forever, daemon=True)
    thread.start()
    yield fake
    fake.release.set()
    fake.shutdown()
    fake.server_close()


def engine_for(url: str, timeout: float = 5.0) -> LanguageToolEngine:
    return LanguageToolEngine(LanguageToolSettings(mode=Mode.SERVER, server_url=url, timeout=timeout))


def test_offsets_after_emoji_are_code_points(server: FakeLanguageTool) -> None:
    text = "😀🎉 He opened teh door.\n👍🏽 And teh window."
    engine = engine_for(server.url)
    matches = engine.check(text).result(timeout=10)
    assert [text[m.start:m.end] for m in matches] == ["teh", "teh"]
    assert matches[0].replacements == ("the", "tea")
    assert matches[0].category == Category.SPELLING and matches[0].source == "languagetool"
    assert matches[0].rule == "languagetool:MORFOLOGIK_RULE_EN_GB"
    assert server.requests[0]["language"] == ["en-GB"] and server.requests[0]["text"] == [text]
    assert engine.status.state == State.READY
    engine.close()


@pytest.mark.parametrize(("behaviour", "reason"), [
    ("garbage", "not LanguageTool's JSON"),
    ("wrong-shape", "without a list of matches"),
    ("error", "HTTP 500"),
])
def test_bad_replies_are_reported_plainly(server: FakeLanguageTool, behaviour: str, reason: str) -> None:
    server.behaviour = behaviour
    engine = engine_for(server.url)
    assert engine.check("He opened teh door.").result(timeout=10) == []
    assert engine.status.state == State.UNAVAILABLE
    assert reason in engine.status.reason
    server.behaviour = "normal"  # the server recovers: the next check works again
    assert len(engine.check("teh").result(timeout=10)) == 1
    assert engine.status.state == State.READY
    engine.close()


def test_hanging_server_never_blocks_the_caller(server: FakeLanguageTool) -> None:
    server.behaviour = "hang"
    engine = engine_for(server.url, timeout=0.5)
    started = time.perf_counter()
    future = engine.check("He opened teh door.")
    assert time.perf_counter() - started < 0.2
    assert future.result(timeout=10) == []
    assert engine.status.state == State.UNAVAILABLE
    assert "did not answer within 0.5 s" in engine.status.reason
    engine.close()


def test_unreachable_server() -> None:
    probe = FakeLanguageTool()
    url = probe.url
    probe.server_close()  # nothing listens on this port any more
    engine = engine_for(url)
    assert engine.check("teh").result(timeout=10) == []
    assert "unreachable" in engine.status.reason
    engine.close()


def test_bad_url_is_reported() -> None:
    engine = engine_for("localhost:8081")
    assert engine.start().result(timeout=10).state == State.UNAVAILABLE
    assert "not an http" in engine.status.reason


def test_off_mode_does_nothing() -> None:
    engine = LanguageToolEngine(LanguageToolSettings())
    assert engine.check("teh").result(timeout=1) == []
    assert engine.status.state == State.OFF


def test_local_mode_without_java(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ficdesk.checking.languagetool.shutil.which", lambda name: None)
    engine = LanguageToolEngine(LanguageToolSettings(mode=Mode.LOCAL))
    assert engine.start().result(timeout=10).state == State.UNAVAILABLE
    assert "Java is not installed" in engine.status.reason
    assert engine.check("teh").result(timeout=10) == []


def test_local_mode_when_download_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ficdesk.checking.languagetool.shutil.which", lambda name: "/usr/bin/java")

    def no_network(language: str) -> object:
        raise ConnectionError("could not download LanguageTool-6.4.zip: network is unreachable")

    engine = LanguageToolEngine(LanguageToolSettings(mode=Mode.LOCAL), local_factory=no_network)
    assert engine.start().result(timeout=10).state == State.UNAVAILABLE
    assert "could not be downloaded or started" in engine.status.reason
    assert "network is unreachable" in engine.status.reason


def test_local_mode_uses_the_started_server(monkeypatch: pytest.MonkeyPatch, server: FakeLanguageTool) -> None:
    monkeypatch.setattr("ficdesk.checking.languagetool.shutil.which", lambda name: "/usr/bin/java")

    class Started:
        _url = f"{server.url}/v2/"
        closed = threading.Event()

        def close(self) -> None:
            self.closed.set()

    started = Started()
    engine = LanguageToolEngine(LanguageToolSettings(mode=Mode.LOCAL), local_factory=lambda language: started)
    assert [m.replacements[0] for m in engine.check("teh").result(timeout=10)] == ["the"]
    engine.close()
    assert started.closed.wait(5)


def test_merge_drops_duplicates_and_accepted_words(server: FakeLanguageTool) -> None:
    text = "😀 She waited for a hour with teh Ianto."
    builtin = Checker().check(text)
    lt = [Match(text.index("a hour"), text.index("a hour") + 1, "languagetool:EN_A_VS_AN", Category.GRAMMAR,
                "Use “an”.", ("an",), source="languagetool"),
          Match(text.index("teh"), text.index("teh") + 3, "languagetool:TYPO", Category.SPELLING, "Typo", ("the",),
                source="languagetool"),
          Match(text.index("Ianto"), text.index("Ianto") + 5, "languagetool:TYPO", Category.SPELLING, "Typo",
                ("Santo",), source="languagetool")]
    merged = merge(builtin, lt, accepted=lambda word: word == "Ianto", text=text)
    assert [(text[m.start:m.end], m.source) for m in merged] == [("a", "ficdesk"), ("teh", "ficdesk")]
    merged = merge([m for m in builtin if m.rule != "spelling"], lt, accepted=lambda word: word == "Ianto",
                   text=text)
    assert [(text[m.start:m.end], m.source) for m in merged] == [("a", "ficdesk"), ("teh", "languagetool")]


def test_utf16_offsets() -> None:
    text = "a😀b👍🏽c"
    convert = utf16_to_code_points(text)
    units = [len(text[:i].encode("utf-16-le")) // 2 for i in range(len(text) + 1)]
    assert [convert(unit) for unit in units] == list(range(len(text) + 1))


def test_check_url_forms() -> None:
    assert check_url("http://localhost:8081") == "http://localhost:8081/v2/check"
    assert check_url("http://localhost:8081/v2/") == "http://localhost:8081/v2/check"
    assert check_url("https://lt.example.org/v2/check") == "https://lt.example.org/v2/check"
