"""The open chapter's session: which chapter, whether the editor holds unsaved text, autosave, failed saves.

A QObject without widgets. The one promise it keeps: **text that is not stored never leaves memory.**
While saves fail (another program holds the database, the disk is full) the text stays in the document,
an emergency copy is written atomically to the data folder (:mod:`ficdesk.recovery`), and :meth:`leave`
— called before a chapter switch and before closing — asks the author (Retry / Save a copy as a file /
Keep editing) instead of going on.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextDocument

from ficdesk import recovery
from ficdesk.errors import FicDeskError
from ficdesk.ui.paragraphs import Paragraphs, join_paragraphs
from ficdesk.ui.saving import ChapterSaver, SaveOutcome
from ficdesk.ui.tree import chapter_label

if TYPE_CHECKING:
    from ficdesk.store import Store
    from ficdesk.store.models import Chapter, Story

#: While saves fail, FicDesk tries again this often even when nothing is typed.
RETRY_MS = 10_000


class Unsaved(Enum):
    """The author's answer when the open chapter cannot be stored and is about to be left."""

    RETRY = "retry"
    SAVE_COPY = "copy"
    KEEP_EDITING = "keep"


class ChapterSession(QObject):
    """Load, dirty state, autosave and save failures of the chapter shown in ``document``.

    ``show_text`` puts a freshly loaded text into the editor (without an undo step). ``ask_unsaved``
    and ``choose_copy_file`` are the window's dialogs; without them :meth:`leave` keeps editing.
    """

    #: The status-bar word: "Saved", "Saving…", "Not saved", "Read-only", "No chapter open".
    stateChanged = Signal(str)
    #: A sentence the author must see (a failed save, a kept conflict).
    noticeRequested = Signal(str)
    #: A save of the open or an earlier chapter went through (:class:`SaveOutcome`).
    saved = Signal(object)

    def __init__(self, store: Store, document: QTextDocument, paragraphs: Paragraphs, database_url: str,
                 show_text: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.document = document
        self.paragraphs = paragraphs
        self.database_url = database_url
        self._show_text = show_text
        self.ask_unsaved: Callable[[str], Unsaved] | None = None
        self.choose_copy_file: Callable[[], Path | None] | None = None
        self.chapter_id: int | None = None
        self.story_id: int | None = None
        self.project_id: int | None = None
        self.title = ""
        self.saved_words = 0
        self.story_words = 0
        self.dirty = False
        self.read_only = False
        self.last_save_ms = 0.0
        self.state = "No chapter open"
        #: Why the open chapter's last save failed (``None`` while saves succeed).
        self.failure: str | None = None
        self._loading = False
        self.saver = ChapterSaver(store, self)
        self.saver.saved.connect(self._saved)
        self.saver.failed.connect(self._failed)
        self.autosave_timer = QTimer(self, singleShot=True)
        self.autosave_timer.timeout.connect(self.autosave)
        self.retry_timer = QTimer(self, singleShot=True, interval=RETRY_MS)
        self.retry_timer.timeout.connect(self.autosave)
        document.contentsChange.connect(self._contents_change)

    # ------------------------------------------------------------------ loading
    def open(self, chapter_id: int) -> tuple[Chapter, Story]:
        """Show ``chapter_id`` (the caller made sure the previous one may be left: :meth:`leave`)."""
        chapter = self.store.chapters.get(chapter_id)
        story = self.store.stories.get(chapter.story_id)
        self.chapter_id, self.story_id, self.project_id = chapter.id, story.id, story.project_id
        self.title = f"{story.title} — {chapter_label(chapter.title, chapter.position)}"
        self.saved_words, self.dirty, self.failure = chapter.word_count, False, None
        self.retry_timer.stop()
        self.story_words = self.store.stories.word_count(story.id)
        self.saver.track(chapter.id, chapter.version, chapter.word_count)
        self._loading = True
        try:
            self._show_text(chapter.body)
        finally:
            self._loading = False
        self._set_state("Read-only" if self.read_only else "Saved")
        return chapter, story

    def close(self) -> None:
        """Show no chapter (the caller made sure it may be left)."""
        self.chapter_id = self.story_id = None
        self.dirty, self.failure = False, None
        self.retry_timer.stop()
        self._loading = True
        try:
            self._show_text("")
        finally:
            self._loading = False
        self._set_state("No chapter open")

    def set_read_only(self) -> None:
        """Another FicDesk owns the database: never write, whatever happens to the document."""
        self.read_only = True
        self.autosave_timer.stop()
        self.dirty = False
        self._set_state("Read-only")

    def set_autosave_interval(self, ms: int) -> None:
        self.autosave_timer.setInterval(ms)

    @property
    def loading(self) -> bool:
        """A chapter's text is being put into the document (its changes are not edits)."""
        return self._loading

    @property
    def version(self) -> int:
        """The stored version the editor's text is based on."""
        return 0 if self.chapter_id is None else self.saver.version(self.chapter_id)

    def text(self) -> str:
        """The document's text exactly as typed (``toPlainText`` would turn no-break spaces into spaces)."""
        return self.document.toRawText().replace("\u2029", "\n").replace("\u2028", "\n")

    # ------------------------------------------------------------------ saving
    def _contents_change(self, _position: int, removed: int, added: int) -> None:
        if self._loading or self.read_only or self.chapter_id is None or not (removed or added):
            return
        self.dirty = True
        if self.failure is None:
            self._set_state("Saving…")
        # Not restarted while it runs: during continuous typing the text is still saved every
        # interval, so a crash never loses more than about one interval of typing.
        if not self.autosave_timer.isActive():
            self.autosave_timer.start()

    def autosave(self) -> None:
        """Hand the text to the saver's worker thread; typing goes on meanwhile."""
        self.autosave_timer.stop()
        if self.chapter_id is None or not self.dirty or self.read_only:
            return
        self.dirty = False
        # Joined on the worker thread: the mirror's paragraphs, not a walk over the whole document here.
        self.saver.save_later(self.chapter_id, partial(join_paragraphs, tuple(self.paragraphs.texts)),
                              word_count=self.paragraphs.words)

    def save_now(self) -> bool:
        """Store the text at once (Ctrl+S, before a switch or closing); ``True`` when it is stored.

        Never asks; a conflict keeps both texts. A save that failed on the worker thread counts as
        unsaved even when its ``failed`` signal has not been delivered yet.
        """
        self.autosave_timer.stop()
        self.saver.wait()
        if self.chapter_id is None or self.read_only:
            return True
        if self.saver.error(self.chapter_id) is not None:
            self.dirty = True
        if not self.dirty:
            return True
        self.dirty = False
        if self.saver.save_now(self.chapter_id, self.text()) is None:
            self.dirty = True
            return False
        return True

    def leave(self) -> bool:
        """May the open chapter be left? Only once its text is stored, or the author saved it as a file."""
        while not self.save_now():
            choice = Unsaved.KEEP_EDITING if self.ask_unsaved is None else self.ask_unsaved(self.failure or "")
            if choice is Unsaved.KEEP_EDITING:
                return False
            if choice is Unsaved.SAVE_COPY and self.save_copy_as_file():
                return True
        return True

    def save_copy_as_file(self, path: Path | None = None) -> bool:
        """Write the editor's text to a file of the author's choosing; ``True`` once it is written."""
        if path is None:
            path = None if self.choose_copy_file is None else self.choose_copy_file()
            if path is None:
                return False
        try:
            recovery.save_as_file(self.text(), path)
        except FicDeskError as error:
            self.noticeRequested.emit(f"The copy could not be saved: {error}.")
            return False
        self.noticeRequested.emit(f"A copy of the text was saved to {path}.")
        return True

    def _saved(self, outcome: SaveOutcome) -> None:
        self.last_save_ms = outcome.elapsed_ms
        if self.saver.error(outcome.chapter_id) is None:
            recovery.discard(self.database_url, outcome.chapter_id)
        if outcome.chapter_id == self.chapter_id:
            self.saved_words = outcome.result.word_count
            if self.saver.error(outcome.chapter_id) is None:
                if self.failure is not None:
                    self.noticeRequested.emit("Saved again: the text is stored.")
                self.failure = None
                self.retry_timer.stop()
            if not self.dirty and self.failure is None:
                self._set_state("Saved")
        self.saved.emit(outcome)

    def _failed(self, chapter_id: int, message: str) -> None:
        if self.saver.error(chapter_id) is None:
            return  # a later save of the same chapter went through meanwhile
        if chapter_id != self.chapter_id:
            self.noticeRequested.emit(f"A chapter could not be saved: {message}.")
            return
        self.dirty = True
        self.failure = message
        self._set_state("Not saved")
        try:
            path = recovery.write_copy(self.database_url, chapter_id, self.title, self.text(), message)
        except FicDeskError as error:
            kept = f"An emergency copy could not be written either ({error})"
        else:
            kept = f"An emergency copy is in {path.parent}"
        self.noticeRequested.emit(
            f"Your text could not be saved: {message}. It stays here in the editor. {kept}. FicDesk tries "
            "again as you type and every few seconds, and asks before you leave this chapter.")
        self.retry_timer.start()

    # ------------------------------------------------------------------ emergency copies from earlier
    def pending_copies(self) -> list[recovery.EmergencyCopy]:
        return [] if self.read_only else recovery.pending(self.database_url)

    def put_back(self, copy: recovery.EmergencyCopy) -> bool:
        """Replace the open chapter's text with ``copy`` (one undo step) and store it."""
        if self.read_only or self.chapter_id != copy.chapter_id:
            return False
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(copy.text)
        cursor.endEditBlock()
        return self.save_now()

    def _set_state(self, text: str) -> None:
        self.state = text
        self.stateChanged.emit(text)
