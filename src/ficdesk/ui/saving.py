"""Saves chapter text on a worker thread so typing never waits for the database.

One save runs at a time, in order; each is based on the version the previous one produced. A
version conflict keeps both texts (``ChapterService.save_keeping_both``): the other side is stored
as a snapshot in the same transaction, then ours is saved.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ficdesk.errors import FicDeskError

if TYPE_CHECKING:
    from ficdesk.store import Store
    from ficdesk.store.services.chapters import SaveResult


@dataclass(frozen=True)
class SaveOutcome:
    chapter_id: int
    result: SaveResult
    #: Words the chapter had in the store before this save (for "words today").
    words_before: int
    #: Id and word count of the snapshot that kept the other side of a conflict.
    kept_snapshot: tuple[int, int] | None
    elapsed_ms: float


class _Signals(QObject):
    saved = Signal(object)
    failed = Signal(int, str)


class ChapterSaver(QObject):
    """Owns the open chapter's stored version; ``saved``/``failed`` arrive on the UI thread."""

    saved = Signal(object)  # SaveOutcome
    failed = Signal(int, str)  # chapter id, message

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._lock = threading.Lock()
        self._versions: dict[int, tuple[int, int]] = {}  # chapter id -> (version, words)
        self._errors: dict[int, str] = {}  # chapter id -> why its last save failed (until one succeeds)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.saved.connect(self.saved)
        self._signals.failed.connect(self.failed)

    def track(self, chapter_id: int, version: int, words: int) -> None:
        """The editor now holds ``version`` of the chapter (just opened)."""
        self.wait()
        with self._lock:
            self._versions[chapter_id] = (version, words)
            self._errors.pop(chapter_id, None)

    def error(self, chapter_id: int) -> str | None:
        """Why the last save of ``chapter_id`` failed, or ``None`` when it succeeded (or none ran).

        Set on the worker thread before ``failed`` is queued, so after :meth:`wait` it is current even
        when the signal has not been delivered yet.
        """
        with self._lock:
            return self._errors.get(chapter_id)

    def version(self, chapter_id: int) -> int:
        with self._lock:
            return self._versions.get(chapter_id, (0, 0))[0]

    def save_later(self, chapter_id: int, text: str | Callable[[], str], *, word_count: int | None = None) -> None:
        """Queue a save on the worker thread.

        ``text`` may be a function that builds the text there (joining 500,000 words takes milliseconds
        better spent on the worker); ``word_count``, when the caller knows it, saves counting it again.
        """
        self._pool.start(_SaveJob(self, chapter_id, text, word_count))

    def save_now(self, chapter_id: int, text: str) -> SaveOutcome | None:
        """Wait for queued saves, then save on this thread (chapter switch, closing)."""
        self.wait()
        outcome = self._save(chapter_id, text, emit=False)
        if outcome is not None:
            self.saved.emit(outcome)
        return outcome

    def wait(self, timeout_ms: int = 30_000) -> bool:
        return bool(self._pool.waitForDone(timeout_ms))

    def _save(self, chapter_id: int, text: str, *, emit: bool, word_count: int | None = None) -> SaveOutcome | None:
        started = time.perf_counter()
        failure: str | None = None
        with self._lock:
            version, words_before = self._versions.get(chapter_id, (0, 0))
            kept: tuple[int, int] | None = None
            try:
                result = self._store.chapters.save_keeping_both(chapter_id, text, expected_version=version,
                                                                word_count=word_count)
                if result.conflict_snapshot_id is not None:
                    snapshot = self._store.snapshots.get(result.conflict_snapshot_id)
                    kept = (snapshot.id, snapshot.word_count)
            except FicDeskError as error:
                failure = self._errors[chapter_id] = str(error)
            else:
                self._versions[chapter_id] = (result.version, result.word_count)
                self._errors.pop(chapter_id, None)
        # Signals go out after the lock is released: their handlers may ask for error() or version().
        if failure is not None:
            (self._signals.failed if emit else self.failed).emit(chapter_id, failure)
            return None
        outcome = SaveOutcome(chapter_id, result, words_before, kept, (time.perf_counter() - started) * 1000)
        if emit:
            self._signals.saved.emit(outcome)
        return outcome


class _SaveJob(QRunnable):
    def __init__(self, saver: ChapterSaver, chapter_id: int, text: str | Callable[[], str],
                 word_count: int | None) -> None:
        super().__init__()
        self._saver = saver
        self._chapter_id = chapter_id
        self._text = text
        self._word_count = word_count

    def run(self) -> None:
        text = self._text if isinstance(self._text, str) else self._text()
        self._saver._save(self._chapter_id, text, emit=True, word_count=self._word_count)
