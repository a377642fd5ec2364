"""Checking a long text on more than one core.

Chapters of 300,000 words happen, and their first check is pure-Python work proportional to their length. Given the
document's style, every paragraph's findings depend only on its own text, so the work splits cleanly: the calling
thread checks chunks of paragraphs from the front while helper processes check chunks from the back, until the two
meet. A chunk the helpers have not finished by then is checked by the caller as well and whichever result comes
first is used, so a slow helper never makes the check slower than checking alone.

Helpers are fresh Python processes (``python -m ficdesk.checking.parallel``; a frozen app runs itself with
:data:`HELPER_ARGUMENT`), not forks: the window's process runs Qt threads, which a fork does not copy, and a fresh
process does not re-run the caller's main script. Each builds its own :class:`~ficdesk.checking.engine.Checker` from
the same configuration, runs at a lower priority so the window keeps the core it needs, and is stopped when the check
ends. They talk over their standard input and output, one pickled request or reply per length-prefixed frame (only
between this process and the helpers it started). Whatever goes wrong with a helper (it cannot start, it dies) only
means the caller checks the rest itself: the findings are the same either way, as a test checks by killing one.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any

from ficdesk.checking.model import Match

if TYPE_CHECKING:
    from ficdesk.checking.engine import Checker, TextStyle
    from ficdesk.checking.env import CheckerConfig

#: Characters of text (about 100,000 words) that make one helper process worth its start (about 0.2 s of CPU to
#: import the checker and read its data).
CHARS_PER_HELPER = 600_000
MAX_HELPERS = 3
#: Characters per chunk handed out: small enough that the last chunks balance well, large enough that passing
#: the texts and findings between processes costs little beside checking them.
CHUNK_CHARS = 12_000
#: Chunks each helper holds at once, so it never waits for the caller to hand it the next one.
IN_FLIGHT = 2
#: Seconds the caller waits for a chunk a helper is checking, once nothing else is left, before checking it too.
HELPER_PATIENCE = 0.5
#: How much lower the helpers' scheduling priority is than the caller's (see ``os.nice``).
HELPER_NICENESS = 5
#: The argument that makes a frozen FicDesk executable serve as a helper (``ficdesk.cli.main`` looks for it).
HELPER_ARGUMENT = "--check-helper"

Results = Iterator[tuple[str, list[Match]]]
_LENGTH = struct.Struct(">Q")


def available_cores() -> int:
    """The CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def helper_count(chars: int, cores: int) -> int:
    """How many helper processes to start for ``chars`` characters of text on ``cores`` cores."""
    return max(0, min(cores - 1, MAX_HELPERS, chars // CHARS_PER_HELPER))


def chunks(texts: Sequence[str], size: int = CHUNK_CHARS) -> list[list[str]]:
    """``texts`` in order, grouped into runs of about ``size`` characters (a longer text is a chunk by itself)."""
    found: list[list[str]] = []
    current: list[str] = []
    length = 0
    for text in texts:
        current.append(text)
        length += len(text)
        if length >= size:
            found.append(current)
            current, length = [], 0
    if current:
        found.append(current)
    return found


def check_split(checker: Checker, texts: Sequence[str], style: TextStyle,
                keep_going: Callable[[], bool] | None = None, helpers: int | None = None) -> Results:
    """``(text, findings)`` of every distinct text, checked with ``checker`` in ``style``, in no set order.

    ``helpers`` processes (by default as many as the text's length and the machine's cores make worth it) share the
    work. Stops early, between chunks, once ``keep_going()`` is false; closing the iterator stops the helpers.
    """
    distinct = list(dict.fromkeys(texts))
    if helpers is None:
        helpers = helper_count(sum(map(len, distinct)), available_cores())
    go_on = keep_going or (lambda: True)
    if helpers <= 0:
        for helper in _take_early(checker.config):  # started for a check that turned out short
            helper.stop()
        yield from check_each(lambda text: checker.check_paragraph(text, style), distinct, go_on)
        return
    yield from _Split(checker, chunks(distinct), style, go_on).run(helpers)


def check_each(check: Callable[[str], list[Match]], texts: Sequence[str],
               keep_going: Callable[[], bool] | None = None) -> Results:
    """``(text, check(text))`` of every distinct text in order, here and now; stops once ``keep_going()`` is false."""
    for text in dict.fromkeys(texts):
        if keep_going is not None and not keep_going():
            return
        yield text, check(text)


class _Helper:
    """One helper process, and the thread that passes its replies to the caller's queue."""

    def __init__(self, config: CheckerConfig) -> None:
        self.config = config
        self.process = subprocess.Popen(helper_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, env=_helper_environment())
        self.alive = True
        #: Chunk indices sent and not answered, in the order sent (the helper answers in that order).
        self.in_flight: list[int] = []
        self._send(config)  # it loads the checker from now on

    def attach(self, replies: queue.Queue[tuple[_Helper, int, list[list[Match]] | None]]) -> None:
        """Pass this helper's replies to ``replies`` from now on (once: a helper serves one check)."""
        threading.Thread(target=self._read, args=(replies,), name="ficdesk-check-helper", daemon=True).start()

    def send(self, index: int, texts: list[str], style: TextStyle) -> bool:
        """Hand chunk ``index`` to the helper; False when it is gone."""
        if not self.alive or not self._send((index, style, texts)):
            return False
        self.in_flight.append(index)
        return True

    def _send(self, message: object) -> bool:
        stdin = self.process.stdin
        try:
            assert stdin is not None
            write_frame(stdin, message)
        except (OSError, ValueError, AssertionError):  # the helper has exited (or was stopped)
            self.alive = False
            return False
        return True

    def _read(self, replies: queue.Queue[tuple[_Helper, int, list[list[Match]] | None]]) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        try:
            while True:
                index, found = read_frame(stdout)
                replies.put((self, index, found))
        except Exception:  # end of its output: it exited, died or was stopped
            replies.put((self, -1, None))
        finally:
            stdout.close()

    def stop(self) -> None:
        self.alive = False
        if self.process.poll() is None:
            self.process.kill()
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        self.process.wait()


class _Split:
    """One check shared between the calling thread (chunks from the front) and helper processes (from the back)."""

    def __init__(self, checker: Checker, work: list[list[str]], style: TextStyle,
                 keep_going: Callable[[], bool]) -> None:
        self.checker = checker
        self.work = work
        self.style = style
        self.keep_going = keep_going
        self.front = 0
        self.back = len(work)
        #: Chunks handed to a helper that neither it nor the caller has done yet.
        self.outstanding: set[int] = set()
        self.replies: queue.Queue[tuple[_Helper, int, list[list[Match]] | None]] = queue.Queue()
        self.helpers: list[_Helper] = []
        #: Chunks whose findings came from a helper.
        self.from_helpers = 0

    def run(self, helpers: int) -> Results:
        try:
            self._start(helpers)
            while self.front < self.back:
                if not self.keep_going():
                    return
                yield from self._collect()
                self._hand_out()
                if self.front < self.back:
                    yield from self._here(self.front)
                    self.front += 1
            yield from self._finish()
        finally:
            for helper in self.helpers:
                helper.stop()

    def _start(self, count: int) -> None:
        early = _take_early(self.checker.config)[:count]
        self.helpers = early + _start_helpers(self.checker.config, count - len(early))
        for helper in self.helpers:
            helper.attach(self.replies)

    def _hand_out(self) -> None:
        """Keep :data:`IN_FLIGHT` chunks with every live helper, taken from the back (the caller keeps one)."""
        for helper in self.helpers:
            while helper.alive and len(helper.in_flight) < IN_FLIGHT and self.front < self.back - 1:
                if not helper.send(self.back - 1, self.work[self.back - 1], self.style):
                    break
                self.back -= 1
                self.outstanding.add(self.back)

    def _collect(self) -> Results:
        """What the helpers have answered so far."""
        while True:
            try:
                reply = self.replies.get_nowait()
            except queue.Empty:
                return
            yield from self._take(*reply)

    def _take(self, helper: _Helper, index: int, found: list[list[Match]] | None) -> Results:
        """One reply of ``helper``; when it is gone (``found`` is None) its chunks are checked here instead."""
        if found is None:
            helper.alive = False
            lost, helper.in_flight = helper.in_flight, []
            for chunk in lost:
                if chunk in self.outstanding:
                    self.outstanding.discard(chunk)
                    yield from self._here(chunk)
            return
        if helper.in_flight and helper.in_flight[0] == index:
            helper.in_flight.pop(0)
        if index in self.outstanding:
            self.outstanding.discard(index)
            self.from_helpers += 1
            yield from zip(self.work[index], found, strict=True)

    def _finish(self) -> Results:
        """The caller has reached the helpers' chunks: check those no helper has begun.

        For those under way it waits a while, checking them too if they are late (a helper may be starved of CPU).
        """
        while self.outstanding:
            yield from self._collect()
            if not self.outstanding or not self.keep_going():
                return
            under_way = {helper.in_flight[0] for helper in self.helpers if helper.alive and helper.in_flight}
            waiting = self.outstanding - under_way
            if not waiting:
                try:
                    reply = self.replies.get(timeout=HELPER_PATIENCE)
                except queue.Empty:
                    waiting = self.outstanding
                else:
                    yield from self._take(*reply)
                    continue
            chunk = min(waiting)  # handed out last
            self.outstanding.discard(chunk)
            yield from self._here(chunk)

    def _here(self, index: int) -> Results:
        for text in self.work[index]:
            yield text, self.checker.check_paragraph(text, self.style)


#: Helpers started ahead of a check by :func:`start_early`, waiting for it (at most one set at a time).
_early: list[_Helper] = []
_early_lock = threading.Lock()


def start_early(config: CheckerConfig, texts: Sequence[str]) -> None:
    """Start the helpers a check of ``texts`` will use, so that they load while the caller judges the style.

    The next check with the same configuration takes them; a later call, or a check with another configuration,
    stops them.
    """
    started = _start_helpers(config, helper_count(sum(map(len, dict.fromkeys(texts))), available_cores()))
    with _early_lock:
        stale, _early[:] = list(_early), started
    for helper in stale:
        helper.stop()


def _start_helpers(config: CheckerConfig, count: int) -> list[_Helper]:
    """Up to ``count`` new helpers (fewer when no more processes can start: the check then has fewer, or none)."""
    started: list[_Helper] = []
    for _ in range(count):
        try:
            started.append(_Helper(config))
        except (OSError, ValueError, subprocess.SubprocessError):
            break
    return started


def _take_early(config: CheckerConfig) -> list[_Helper]:
    """The helpers :func:`start_early` started for ``config`` and still running (the others are stopped)."""
    with _early_lock:
        found, _early[:] = list(_early), []
    usable = [helper for helper in found if helper.config == config and helper.process.poll() is None]
    for helper in found:
        if helper not in usable:
            helper.stop()
    return usable


def helper_command() -> list[str]:
    """The command line of a helper process."""
    if getattr(sys, "frozen", False):
        return [sys.executable, HELPER_ARGUMENT]
    return [sys.executable, "-m", "ficdesk.checking.parallel"]


def _helper_environment() -> dict[str, str]:
    """The environment of this process, with the folder FicDesk is imported from first on the helper's path."""
    import ficdesk

    source = os.path.dirname(os.path.dirname(os.path.abspath(ficdesk.__file__)))
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": source if not path else os.pathsep.join((source, path))}


def write_frame(stream: IO[bytes], message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def read_frame(stream: IO[bytes]) -> Any:
    """The next message on ``stream`` (EOFError at its end)."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    (length,) = _LENGTH.unpack(head)
    data = stream.read(length)
    if len(data) < length:
        raise EOFError
    return pickle.loads(data)


def serve() -> int:
    """Be a helper: read the configuration, then check every chunk that arrives until the input ends."""
    source = sys.stdin.buffer
    # The replies go to the original standard output; anything else printed here goes to standard error instead.
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    with contextlib.suppress(AttributeError, OSError):
        os.nice(HELPER_NICENESS)
    from ficdesk.checking.engine import Checker

    try:
        checker = Checker(read_frame(source))
    except EOFError:
        return 0
    gc.freeze()  # the checker's data lives as long as the process: no collection needs to walk it again
    while True:
        try:
            index, style, texts = read_frame(source)
        except EOFError:
            return 0
        write_frame(replies, (index, [checker.check_paragraph(text, style) for text in texts]))


if __name__ == "__main__":
    raise SystemExit(serve())
