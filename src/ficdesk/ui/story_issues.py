"""Findings for a whole story: the open chapter live from the editor, every other chapter from the store.

The other chapters are checked paragraph by paragraph on a worker thread with the same checker as
the editor (:meth:`CheckController.check_function`); results are cached by paragraph text, so
switching chapters or changing filters only re-checks what is new. Until a new run finishes, the
last published findings of the other chapters stay listed (they rarely change while the author
works in one chapter).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from ficdesk.checking.model import IgnoreSet, Match
from ficdesk.errors import FicDeskError
from ficdesk.ui.checking import CheckController, CheckJob, CheckSignals, Issue, visible
from ficdesk.ui.tree import chapter_label

if TYPE_CHECKING:
    from ficdesk.store import Store


@dataclass(frozen=True)
class _Chapter:
    id: int
    label: str
    paragraphs: tuple[str, ...]
    ignored: IgnoreSet


class StoryChecker(QObject):
    """Keeps the findings of a story's chapters other than the open one."""

    #: The other chapters' findings changed (or a run finished).
    updated = Signal()

    def __init__(self, store: Store, controller: CheckController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.controller = controller
        self.active = False
        self.generation = 0
        self.running = False
        self._story: tuple[int, int, int | None] | None = None  # project, story, open chapter
        self._chapters: list[_Chapter] = []
        self._labels: dict[int, str] = {}
        self._cache: dict[str, list[Match]] = {}
        self._cache_checker = -1
        self._published: dict[int, list[Issue]] = {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.signals = CheckSignals(self)
        self.signals.done.connect(self._on_done)
        self.signals.failed.connect(self._on_failed)
        self._restart = QTimer(self, singleShot=True, interval=0)
        self._restart.timeout.connect(self.refresh)
        controller.reset.connect(self._restart.start)

    # -- configuration -----------------------------------------------------------------------------
    def set_active(self, active: bool) -> None:
        self.active = active
        if active:
            self.refresh()
        else:
            self.generation += 1
            self._published = {}

    def set_story(self, project_id: int | None, story_id: int | None, open_chapter: int | None) -> None:
        """The story shown and its open chapter (which is checked live by the editor, not here)."""
        story = None if project_id is None or story_id is None else (project_id, story_id, open_chapter)
        if story is not None and self._story is not None and story[1] != self._story[1]:
            self._published = {}
        self._story = story
        if self.active:
            self.refresh()

    def leave_chapter(self, chapter_id: int, issues: list[Issue]) -> None:
        """Keep the live findings of the chapter being closed until the next run has checked it."""
        if self.active:
            self._published[chapter_id] = [replace(issue, chapter_id=chapter_id) for issue in issues]

    # -- running -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the other chapters from the store and check what is not cached yet."""
        self._restart.stop()
        if not self.active or self._story is None or not self.controller.enabled:
            return
        project_id, story_id, open_chapter = self._story
        try:
            stored = self.store.chapters.list(story_id)
        except FicDeskError:
            self._story = None
            return
        dictionary = self.store.dictionary
        self._labels = {chapter.id: chapter_label(chapter.title, chapter.position) for chapter in stored}
        self._chapters = [
            _Chapter(chapter.id, self._labels[chapter.id], tuple(chapter.body.split("\n")),
                     dictionary.ignored(project_id, chapter.id))
            for chapter in stored if chapter.id != open_chapter
        ]
        if self._cache_checker != self.controller.checker_generation:
            self._cache = {}
            self._cache_checker = self.controller.checker_generation
        self.generation += 1
        wanted = {text for chapter in self._chapters for text in chapter.paragraphs if text.strip()}
        self._cache = {text: found for text, found in self._cache.items() if text in wanted}
        missing = [text for text in wanted if text not in self._cache]
        if not missing:
            self._publish()
            return
        self.running = True
        generation = self.generation
        self._pool.start(CheckJob(self.controller.check_function, lambda: self.generation == generation,
                                  generation, sorted(missing), self.signals))

    def _on_done(self, generation: int, results: dict[str, list[Match]]) -> None:
        if self._cache_checker == self.controller.checker_generation:
            self._cache.update(results)  # still valid when a newer run started meanwhile
        if generation != self.generation:
            return
        self.running = False
        self._publish()

    def _on_failed(self, generation: int, _reason: str) -> None:
        if generation == self.generation:
            self.running = False  # the editor's own run reports the failure in the status bar

    def _publish(self) -> None:
        words = self.controller.words
        open_chapter = None if self._story is None else self._story[2]
        # The open chapter's findings from before it was opened stand in until the editor has checked it.
        published = {key: found for key, found in self._published.items() if key == open_chapter}
        for chapter in self._chapters:
            found: list[Issue] = []
            for number, text in enumerate(chapter.paragraphs):
                for match in self._cache.get(text, ()):
                    if visible(text, match, chapter.ignored, words):
                        found.append(Issue(number, text, match, chapter.id))
            published[chapter.id] = found
        self._published = published
        self.updated.emit()

    def wait_idle(self, timeout_ms: int = 60_000) -> bool:
        """Block until the current run is published (tests, screenshots)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

        deadline = QDeadlineTimer(timeout_ms)
        while self.running or self._restart.isActive():
            if deadline.hasExpired():
                return False
            self._pool.waitForDone(20)
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return True

    def shutdown(self) -> None:
        self._restart.stop()
        self.generation += 1
        self._pool.waitForDone(5000)

    # -- results -----------------------------------------------------------------------------------
    def labels(self) -> dict[int, str]:
        """Chapter id -> its label in the tree, for the story's chapters."""
        return dict(self._labels)

    def combined(self, open_chapter: int | None, open_issues: list[Issue] | None) -> list[Issue]:
        """Every finding of the story in reading order: ``open_issues`` for the open chapter.

        ``open_issues`` None means the open chapter has not been checked yet in the editor; what
        this checker last found in it (when it was not open) is listed meanwhile.
        """
        if self._story is None:
            return [replace(issue, chapter_id=open_chapter) for issue in open_issues or ()]
        order = list(self._labels)
        if open_chapter is not None and open_chapter not in order:
            order.append(open_chapter)
        result: list[Issue] = []
        for chapter_id in order:
            if chapter_id == open_chapter and open_issues is not None:
                result.extend(replace(issue, chapter_id=open_chapter) for issue in open_issues)
            else:
                result.extend(self._published.get(chapter_id, ()))
        return result
