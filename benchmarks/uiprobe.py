"""Child processes for ``bench_ui``: ``python -m benchmarks.uiprobe MODE ...``.

Modes
- ``bare`` / ``window URL [shown|ready]``: start-up probes. Each prints ``time.monotonic()`` (one clock for
  every process on Linux) once its main window has been painted for the first time, then exits at once.
  ``window`` runs the real ``ficdesk --database URL`` command; with ``ready`` it waits until the store is
  open and the first chapter shown.
- ``session OPEN_URL TYPING_URL QUICK``: opens a 500,000-word story, types into a 500,000-word chapter,
  reads the memory in use, and prints the figures as one JSON line.
- ``screen-first URL``: opens the one huge chapter of ``URL``, scrolls to its middle, starts the first check and
  prints (as JSON) the seconds until the paragraphs on screen show their findings, while the rest is checked.

Each run is a fresh process, so nothing measured earlier in the benchmark run (imports, caches, heap)
flatters or burdens the figures.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from ficdesk.ui.main_window import MainWindow

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Typing rhythm (seconds): between keys, and the pause after a sentence in which debounced work runs.
KEY_GAP = (0.05, 0.20)
SENTENCE_PAUSE = (0.2, 1.2)


def _print_clock_and_exit() -> None:
    print(f"{time.monotonic():.6f}", flush=True)
    os._exit(0)  # what happens afterwards is not measured


def _first_paint_filter() -> QObject:
    """An event filter that marks the end of its widget's first paint pass (children paint right after)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, _print_clock_and_exit)
            return False

    return FirstPaint()


def probe_bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare")
    window.resize(1400, 900)
    first_paint = _first_paint_filter()
    window.installEventFilter(first_paint)
    window.show()
    app.exec()


def probe_window(url: str, until: str) -> None:
    """Run the real ``ficdesk --database URL`` and print the clock when its main window is ``until``.

    "shown": first painted. "ready": the store is open, the tree filled and the first chapter shown
    (``MainWindow.ready``). The probe only wraps ``ficdesk.ui.app.launch`` to watch the window it returns
    (one event filter on the window, as on the bare one); everything else is the command's own start-up.
    """
    from ficdesk.cli import main
    from ficdesk.ui import app as app_module

    launch = app_module.launch
    first_paint = _first_paint_filter()

    def launch_and_watch(*args: Any, **kwargs: Any) -> MainWindow:
        window = launch(*args, **kwargs)  # shown, not yet painted: that happens in the event loop
        if until == "ready":
            window.ready.connect(_print_clock_and_exit)
        else:
            window.installEventFilter(first_paint)  # installed last, so it sees the paint first
        return window

    app_module.launch = launch_and_watch
    main(["--database", url])
    raise SystemExit(f"the window closed before it was {until}")


# ---------------------------------------------------------------------------------------- session
def rss_mb() -> float:
    """Resident memory of this process in MB (VmRSS; psutil where /proc is missing)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import psutil  # type: ignore[import-untyped]

    return float(psutil.Process().memory_info().rss) / 2**20


class LoopWatch:
    """Follows the event loop: a key is done when the loop is next about to block (idle, nothing pending)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QAbstractEventDispatcher

        dispatcher = QAbstractEventDispatcher.instance()
        assert dispatcher is not None
        self.pending: list[float] = []  # due times of keys not yet followed by idleness
        self.latencies: list[float] = []
        self.on_idle: Callable[[], None] | None = None
        dispatcher.aboutToBlock.connect(self._about_to_block)

    def _about_to_block(self) -> None:
        now = time.perf_counter()
        if self.pending:
            self.latencies.extend(now - due for due in self.pending)
            self.pending.clear()
        if self.on_idle is not None:
            callback, self.on_idle = self.on_idle, None
            callback()


def settle(watch: LoopWatch) -> None:
    """Run the event loop until it has nothing left to do right now."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(0, lambda: setattr(watch, "on_idle", loop.quit))
    loop.exec()


def keystrokes(rng: random.Random, count: int) -> list[tuple[str, float]]:
    """``count`` keys of generated prose (with typical errors) and the pause before each, in seconds."""
    from benchmarks.prose import sentence as _sentence

    keys: list[tuple[str, float]] = []
    while len(keys) < count:
        sentence = " " + _sentence(rng)
        for index, char in enumerate(sentence):
            if rng.random() < 0.03:  # a slip, corrected at once
                keys.append(("x", rng.uniform(*KEY_GAP)))
                keys.append(("\b", rng.uniform(*KEY_GAP)))
            keys.append((char, rng.uniform(*SENTENCE_PAUSE) if index == 0 else rng.uniform(*KEY_GAP)))
        if rng.random() < 0.25:
            keys.append(("\r", rng.uniform(*KEY_GAP)))
    return keys[:count]


def send_key(widget: QObject, char: str) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    special = {"\b": Qt.Key.Key_Backspace, "\r": Qt.Key.Key_Return, " ": Qt.Key.Key_Space}
    if char in special:
        key = special[char]
    elif char.isascii() and char.isprintable():
        key = Qt.Key(ord(char.upper()))
    else:
        key = Qt.Key.Key_unknown
    text = "" if char == "\b" else char
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def type_into(window: object, watch: LoopWatch, keys: list[tuple[str, float]]) -> None:
    """Send ``keys`` to the editor on schedule; each key's latency runs from when it was due until idle.

    Keys are due at fixed times whatever the window is doing, so a key that arrives while debounced work
    (checking, word count, autosave) holds the UI thread waits for it, as it would for a typist.
    """
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from ficdesk.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    editor = window.editor
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    due: list[float] = []
    start = time.perf_counter() + 0.05
    for _, gap in keys:
        start += gap
        due.append(start)
    position = [0]

    def next_key() -> None:
        index = position[0]
        send_key(editor, keys[index][0])
        watch.pending.append(due[index])
        position[0] += 1
        if position[0] == len(keys):
            watch.on_idle = loop.quit
            return
        timer.start(max(0, round((due[position[0]] - time.perf_counter()) * 1000)))

    timer.timeout.connect(next_key)
    timer.start(max(0, round((due[0] - time.perf_counter()) * 1000)))
    loop.exec()


def session(open_url: str, typing_url: str, quick: bool) -> dict[str, object]:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from ficdesk.ui.tree import Node

    app = QApplication(sys.argv[:1])
    watch = LoopWatch()
    out: dict[str, object] = {"rss_start_mb": rss_mb()}

    # 1. A 500,000-word story in 50 chapters: the tree lists every chapter, the first one is shown.
    window, out["open_story_s"] = open_and_show(open_url, watch)
    story = window.store.stories.list(window.store.projects.list()[0].id)[0]
    listed = window.store.chapters.list(story.id)
    out["open_story_chapters"] = sum(window.tree.item_for(Node("chapter", c.id)) is not None for c in listed)
    out["open_story_first_shown"] = window.editor.chapter_text() == listed[0].body
    window.checker.wait_idle(120_000)
    out["rss_story_mb"] = rss_mb()
    window.close()
    window.store.close()
    window.deleteLater()
    settle(watch)

    # 2. One 500,000-word chapter, highlighted and checked, then typed into.
    window, out["open_chapter_s"] = open_and_show(typing_url, watch)
    started = time.perf_counter()
    window.checker.run_now()
    window.checker.wait_idle(300_000)
    settle(watch)
    out["first_check_s"] = time.perf_counter() - started
    out["issues_before"] = len(window.issues.issues())
    document = window.editor.document()
    block = document.findBlockByNumber(document.blockCount() // 2)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    window.editor.setTextCursor(cursor)
    window.editor.setFocus()
    words_before = window.store.chapters.get(window.chapter_id or 0).word_count
    settle(watch)

    keys = keystrokes(random.Random(11), 250 if quick else 800)
    started = time.perf_counter()
    type_into(window, watch, keys)
    out["typing_s"] = time.perf_counter() - started
    out["keys"] = len(keys)
    out["latencies_ms"] = [value * 1000 for value in watch.latencies]
    # Let the debounced work finish, then check that it all happened for real.
    window.checker.wait_idle(120_000)
    window.save_now()
    settle(watch)
    stored = window.store.chapters.get(window.chapter_id or 0)
    out["saved_matches_editor"] = stored.body == window.editor.chapter_text()
    out["words_added"] = stored.word_count - words_before
    out["count_label"] = window.count_label.text()
    out["issues_after"] = len(window.issues.issues())
    out["rss_chapter_mb"] = rss_mb()
    app.processEvents()
    return out


def story_typing(url: str, quick: bool) -> dict[str, object]:
    """Type into the first chapter of a long story with the Issues panel on "story" scope.

    The whole story is checked first (worker thread); then every key's latency is timed as in
    :func:`session`, and the memory (RSS) taken with the whole story's findings listed.
    """
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    watch = LoopWatch()
    out: dict[str, object] = {"rss_start_mb": rss_mb()}
    window, out["open_story_s"] = open_and_show(url, watch)
    started = time.perf_counter()
    window.issues.set_story_scope(True)
    window.checker.run_now()
    window.checker.wait_idle(600_000)
    window.story_issues.wait_idle(1_200_000)
    settle(watch)
    out["story_check_s"] = time.perf_counter() - started
    out["issues_before"] = window.issues.count()
    document = window.editor.document()
    cursor = QTextCursor(document.findBlockByNumber(document.blockCount() // 2))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    window.editor.setTextCursor(cursor)
    window.editor.setFocus()
    settle(watch)
    keys = keystrokes(random.Random(12), 250 if quick else 800)
    type_into(window, watch, keys)
    out["keys"] = len(keys)
    out["latencies_ms"] = [value * 1000 for value in watch.latencies]
    window.checker.wait_idle(120_000)
    settle(watch)
    out["issues_after"] = window.issues.count()
    out["story_scope"] = window.issues.story_scope
    out["rss_story_scope_mb"] = rss_mb()
    app.processEvents()
    return out


def screen_first(url: str) -> dict[str, object]:
    """Seconds until the paragraphs on screen show findings, in the first check of a huge chapter."""
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    watch = LoopWatch()
    window, opened = open_and_show(url, watch)
    editor = window.editor
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum() // 2)
    settle(watch)
    shown = {text for text in editor.shown_paragraphs() if text.strip()}  # (blank lines are not checked)
    updates: list[tuple[float, set[str], str]] = []
    window.checker.updated.connect(lambda texts: updates.append((time.perf_counter(), set(texts),
                                                                 window.checker.state)))
    started = time.perf_counter()
    window.checker.run_now()
    while not updates:
        app.processEvents()
        time.sleep(0.002)
    at, texts, state = updates[0]
    found = sum(len(window.checker.matches_for(text)) for text in shown)
    return {"open_s": opened, "words": len(window.editor.chapter_text().split()), "screen_s": at - started,
            "screen_paragraphs": len(shown), "screen_findings": found, "first_update_is_screen": texts == shown,
            "rest_still_checking": state == "checking"}


def open_and_show(url: str, watch: LoopWatch) -> tuple[MainWindow, float]:
    """Open the real window on ``url`` with its first chapter; seconds until the event loop is idle."""
    from ficdesk.ui.app import open_window

    started = time.perf_counter()
    window = open_window(url)
    window.resize(1400, 900)
    window.show()
    window.open_initial_chapter()
    settle(watch)
    return window, time.perf_counter() - started


def main(argv: list[str]) -> None:
    mode = argv[0]
    if mode == "bare":
        probe_bare()
    elif mode == "window":
        probe_window(argv[1], argv[2] if len(argv) > 2 else "shown")
    elif mode == "session":
        print(json.dumps(session(argv[1], argv[2], argv[3] == "quick")), flush=True)
        os._exit(0)
    elif mode == "screen-first":
        print(json.dumps(screen_first(argv[1])), flush=True)
        os._exit(0)
    elif mode == "story-typing":
        print(json.dumps(story_typing(argv[1], argv[2] == "quick")), flush=True)
        os._exit(0)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
