"""LanguageTool as an optional second engine: off (default), local (language-tool-python) or a server URL.

Nothing here blocks the caller: start-up and every request run on one worker thread and return a
:class:`~concurrent.futures.Future`; requests have a time-out. When LanguageTool is unavailable the engine
says why in plain words (:attr:`LanguageToolEngine.status`) and its checks return no matches, so the
built-in engine carries on alone. LanguageTool counts offsets in UTF-16 units (Java strings); they are
turned into code points here, and :func:`merge` drops findings the built-in engine already reports.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import json
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ficdesk.checking.model import Category, Match

SOURCE = "languagetool"
RULE_PREFIX = "languagetool:"
_CATEGORIES = {
    "TYPOS": Category.SPELLING, "GRAMMAR": Category.GRAMMAR, "CONFUSED_WORDS": Category.GRAMMAR,
    "CASING": Category.GRAMMAR, "PUNCTUATION": Category.TYPOGRAPHY, "TYPOGRAPHY": Category.TYPOGRAPHY,
}


class Mode(StrEnum):
    OFF = "off"
    LOCAL = "local"
    SERVER = "server"


class State(StrEnum):
    OFF = "off"
    STARTING = "starting"
    READY = "ready"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class LanguageToolSettings:
    mode: Mode = Mode.OFF
    #: For :attr:`Mode.SERVER`: e.g. ``http://localhost:8081`` (``/v2/check`` is added).
    server_url: str = ""
    language: str = "en-GB"
    #: Seconds a request (or the local start-up) may take before LanguageTool counts as unavailable.
    timeout: float = 15.0


@dataclass(frozen=True)
class Status:
    state: State
    #: Why LanguageTool is unavailable, in words for the author ("" when it works or is off).
    reason: str = ""


class LanguageToolError(Exception):
    """LanguageTool cannot be used; the message says why."""


def check_url(url: str) -> str:
    """The ``/v2/check`` endpoint of a server URL given with or without its path."""
    base = url.strip().rstrip("/")
    for suffix in ("/check", "/v2"):
        base = base.removesuffix(suffix)
    if not base.startswith(("http://", "https://")):
        raise LanguageToolError(f"“{url}” is not an http:// or https:// address")
    return f"{base}/v2/check"


class LanguageToolEngine:
    """One LanguageTool connection, used from a single worker thread."""

    def __init__(self, settings: LanguageToolSettings,
                 local_factory: Callable[[str], Any] | None = None) -> None:
        self.settings = settings
        self._local_factory = local_factory or _language_tool_python
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._status = Status(State.OFF)
        self._url = ""
        self._local: Any = None

    @property
    def status(self) -> Status:
        with self._lock:
            return self._status

    def _set(self, state: State, reason: str = "") -> None:
        with self._lock:
            self._status = Status(state, reason)

    def start(self) -> Future[Status]:
        """Begin connecting (or starting the local server) in the background."""
        if self.settings.mode == Mode.OFF:
            future: Future[Status] = Future()
            future.set_result(self.status)
            return future
        self._set(State.STARTING)
        return self._worker().submit(self._start)

    def check(self, text: str) -> Future[list[Match]]:
        """Findings of LanguageTool in ``text`` (code-point offsets); an empty list when unavailable."""
        if self.settings.mode == Mode.OFF:
            future: Future[list[Match]] = Future()
            future.set_result([])
            return future
        if self.status.state == State.OFF:
            self.start()
        return self._worker().submit(self._check, text)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        if self._local is not None:
            local, self._local = self._local, None
            threading.Thread(target=_close_quietly, args=(local,), daemon=True).start()

    def _worker(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="languagetool")
        return self._executor

    def _start(self) -> Status:
        try:
            if self.settings.mode == Mode.SERVER:
                self._url = check_url(self.settings.server_url)
            else:
                self._url = self._start_local()
            self._set(State.READY)
        except LanguageToolError as error:
            self._set(State.UNAVAILABLE, str(error))
        return self.status

    def _start_local(self) -> str:
        if shutil.which("java") is None:
            raise LanguageToolError("Java is not installed; LanguageTool's local mode needs Java 8 or newer")
        try:
            self._local = self._local_factory(self.settings.language)
        except Exception as error:  # the package downloads, unpacks and launches Java: anything can fail
            raise LanguageToolError(f"LanguageTool could not be downloaded or started ({error})") from None
        url = getattr(self._local, "_url", "")
        if not url:
            raise LanguageToolError("LanguageTool started but did not say where its server listens")
        return check_url(str(url))

    def _check(self, text: str) -> list[Match]:
        if self.status.state == State.STARTING:
            self._start()
        if self.status.state != State.READY and self.settings.mode == Mode.SERVER:
            self._start()  # a server may have come back
        if self.status.state != State.READY:
            return []
        try:
            reply = self._post(text)
            matches = parse_reply(text, reply)
        except LanguageToolError as error:
            self._set(State.UNAVAILABLE, str(error))
            return []
        self._set(State.READY)
        return matches

    def _post(self, text: str) -> Any:
        data = urllib.parse.urlencode({"text": text, "language": self.settings.language}).encode("utf-8")
        request = urllib.request.Request(self._url, data=data, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
        where = self._url.removesuffix("/v2/check")
        try:
            with urllib.request.urlopen(request, timeout=self.settings.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            raise LanguageToolError(f"the LanguageTool server at {where} answered with HTTP {error.code}") from None
        except TimeoutError:
            raise LanguageToolError(f"the LanguageTool server at {where} did not answer within "
                                    f"{self.settings.timeout:g} s") from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise LanguageToolError(f"the LanguageTool server at {where} did not answer within "
                                        f"{self.settings.timeout:g} s") from None
            raise LanguageToolError(f"the LanguageTool server at {where} is unreachable ({error.reason})") from None
        except OSError as error:
            raise LanguageToolError(f"the LanguageTool server at {where} is unreachable ({error})") from None
        try:
            return json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise LanguageToolError(f"the LanguageTool server at {where} sent a reply that is not "
                                    "LanguageTool's JSON") from None


def parse_reply(text: str, reply: Any) -> list[Match]:
    """Matches from a ``/v2/check`` JSON reply, offsets turned from UTF-16 units into code points."""
    if not isinstance(reply, dict) or not isinstance(reply.get("matches"), list):
        raise LanguageToolError("the LanguageTool server sent a reply without a list of matches")
    to_code_points = utf16_to_code_points(text)
    found = []
    for item in reply["matches"]:
        try:
            offset, length = int(item["offset"]), int(item["length"])
            rule = item.get("rule") or {}
            rule_id = str(rule.get("id") or "UNKNOWN")
            category_id = str((rule.get("category") or {}).get("id") or "")
            message = str(item.get("message") or rule.get("description") or "LanguageTool finding")
            replacements = tuple(str(r["value"]) for r in item.get("replacements") or ()
                                 if isinstance(r, dict) and r.get("value"))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise LanguageToolError("the LanguageTool server sent a match FicDesk cannot read") from None
        start, end = to_code_points(offset), to_code_points(offset + length)
        if not 0 <= start < end <= len(text):
            continue
        found.append(Match(start, end, RULE_PREFIX + rule_id, _CATEGORIES.get(category_id, Category.STYLE),
                           message, replacements, source=SOURCE))
    found.sort(key=lambda match: (match.start, match.end, match.rule))
    return found


def utf16_to_code_points(text: str) -> Callable[[int], int]:
    """A function mapping a UTF-16 offset into ``text`` to the code-point offset of the same place."""
    astral = [index for index, char in enumerate(text) if ord(char) > 0xFFFF]
    if not astral:
        return lambda offset: offset
    # The k-th astral character starts at UTF-16 offset index + k and takes two units.
    starts = [index + k for k, index in enumerate(astral)]
    return lambda offset: offset - bisect.bisect_left(starts, offset - 1)


def merge(builtin: Iterable[Match], extra: Iterable[Match],
          accepted: Callable[[str], bool] | None = None, text: str = "") -> list[Match]:
    """Built-in findings plus LanguageTool's, without the ones that repeat a built-in finding.

    A LanguageTool finding overlapping a built-in one is a duplicate (the built-in one knows fandom
    English better). With ``accepted`` and ``text``, findings on words the author accepted (canon names,
    personal dictionary) are dropped too.
    """
    kept = list(builtin)
    spans = sorted((match.start, match.end) for match in kept)
    starts = [start for start, _end in spans]
    furthest = list(itertools.accumulate((end for _start, end in spans), max))
    for match in extra:
        # built-in spans starting before this one ends; one of them overlaps if the furthest end is past its start
        position = bisect.bisect_left(starts, match.end)
        if position and furthest[position - 1] > match.start:
            continue
        if accepted is not None and accepted(text[match.start:match.end]):
            continue
        kept.append(match)
    kept.sort(key=lambda match: (match.start, match.end, match.rule))
    return kept


def _language_tool_python(language: str) -> Any:
    import language_tool_python

    return language_tool_python.LanguageTool(language)


def _close_quietly(tool: Any) -> None:
    with contextlib.suppress(Exception):  # closing a half-started Java server must not raise
        tool.close()
