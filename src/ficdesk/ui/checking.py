"""Runs the project's checker off the UI thread, paragraph by paragraph, and keeps its findings per paragraph text.

The checking policy is the core's (:class:`ficdesk.checking.project.ProjectChecker`): this module only feeds it
the chapter's paragraphs and presents what it finds. Each run first asks the checker for the chapter's style
(apostrophe and spelling variety, judged over every paragraph) and checks the paragraphs in it; when the style
changes, every paragraph is checked again.

Results are cached by paragraph text, so after an edit only the changed paragraphs are checked again,
and a finding can never land on text it was not computed for. Every run carries a generation number:
a run that finishes after a newer one started is not published (its per-text results are still
valid and stay in the cache), and a stale run stops early between paragraphs (between chunks of about 2,000 words
when the core shares a long chapter with helper processes: :mod:`ficdesk.checking.parallel`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QTextBlock, QTextDocument

from ficdesk.checking.model import IgnoreSet, Match
from ficdesk.ui.offsets import offset_map

if TYPE_CHECKING:
    # The checker's code loads where it is first used (on the worker thread, when it builds the project's
    # checker), not when the window attaches its store: it is not needed to show the first chapter.
    from ficdesk.checking.engine import TextStyle
    from ficdesk.checking.project import ParagraphChecker
    from ficdesk.ui.services import CheckFn

DEBOUNCE_MS = 350


@dataclass(frozen=True)
class Issue:
    """A finding placed in a chapter: paragraph (block) number and text, and the match in it.

    ``chapter_id`` is None for a finding of the open chapter listed by itself; the whole-story list
    names the chapter of every finding.
    """

    block: int
    paragraph: str
    match: Match
    chapter_id: int | None = None

    @property
    def flagged(self) -> str:
        return self.paragraph[self.match.start:self.match.end]

    def context(self) -> str:
        """The finding with a little of its paragraph around it (the core's key for "ignore once")."""
        from ficdesk.checking.engine import spot_context

        return spot_context(self.paragraph, self.match)

    def qt_range(self, document: QTextDocument) -> tuple[int, int] | None:
        """Absolute (start, end) in UTF-16 units, or None when the paragraph has changed since."""
        block = document.findBlockByNumber(self.block)
        if not block.isValid() or block.text() != self.paragraph:
            return None
        offsets = offset_map(self.paragraph)
        return block.position() + offsets.to_qt(self.match.start), block.position() + offsets.to_qt(self.match.end)


def visible(paragraph: str, match: Match, ignored: IgnoreSet, words: set[str]) -> bool:
    """Whether a finding is shown (the core's policy: :func:`ficdesk.checking.project.is_visible`)."""
    from ficdesk.checking.project import is_visible

    return is_visible(paragraph, match, ignored, words)


class PlainChecker:
    """A :class:`ParagraphChecker` made of a plain ``paragraph -> matches`` function (no document style)."""

    def __init__(self, check: CheckFn) -> None:
        self._check = check

    def style(self, paragraphs: Sequence[str]) -> TextStyle:
        from ficdesk.checking.engine import TextStyle

        return TextStyle()

    def check_paragraph(self, text: str, style: TextStyle) -> list[Match]:
        return list(self._check(text))

    def check_paragraphs(self, texts: Sequence[str], style: TextStyle,
                         keep_going: Callable[[], bool] | None = None) -> Iterator[tuple[str, list[Match]]]:
        from ficdesk.checking.parallel import check_each

        return check_each(lambda text: self.check_paragraph(text, style), texts, keep_going)

    def expect_check(self, paragraphs: Sequence[str]) -> None:
        """Nothing to prepare for a plain function."""


def as_paragraph_checker(checker: ParagraphChecker | CheckFn) -> ParagraphChecker:
    """``checker`` itself when it judges a document's style, else the plain function wrapped."""
    from ficdesk.checking.project import ParagraphChecker

    if isinstance(checker, ParagraphChecker):
        return checker
    return PlainChecker(checker)


def blocks(document: QTextDocument) -> Iterator[QTextBlock]:
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


class _Shared:
    """State the worker reads: the newest generation and the lazily built checker."""

    def __init__(self) -> None:
        self.generation = 0
        self.lock = threading.Lock()
        self.factory: Callable[[], ParagraphChecker | CheckFn] | None = None
        self.check: ParagraphChecker | None = None

    def checker(self) -> ParagraphChecker | None:
        with self.lock:
            if self.check is None and self.factory is not None:
                self.check = as_paragraph_checker(self.factory())
            return self.check


class CheckSignals(QObject):
    """How a :class:`CheckJob` reports back to the UI thread: (generation, results) or (generation, error).

    ``styled`` (generation, style) comes before ``done`` when the job judged the document's style, and
    ``partial`` (generation, results) before ``done`` when it checked the paragraphs on screen first.
    """

    done = Signal(int, object)
    failed = Signal(int, str)
    styled = Signal(int, object)
    partial = Signal(int, object)


class CheckJob(QRunnable):
    """Checks paragraph texts on a worker thread; stops early once ``current()`` says it is stale.

    With ``document`` (every paragraph of the chapter) the checker judges the chapter's style first; when it
    differs from ``known_style`` (the style of the results the caller already has) every paragraph is checked.
    The texts in ``first`` (the paragraphs on screen) are checked before the others and reported at once, so a
    huge chapter shows its findings where the author looks long before the whole chapter is checked.
    """

    def __init__(self, check_function: Callable[[], ParagraphChecker | None], current: Callable[[], bool],
                 generation: int, texts: list[str], signals: CheckSignals, *,
                 document: list[str] | None = None, known_style: TextStyle | None = None,
                 first: Sequence[str] = ()) -> None:
        super().__init__()
        self._check_function = check_function
        self._current = current
        self._generation = generation
        self._texts = texts
        self._signals = signals
        self._document = document
        self._known_style = known_style
        self._first = first

    def run(self) -> None:
        results: dict[str, list[Match]] = {}
        try:
            checker = self._check_function()
            if checker is not None:
                texts = self._texts
                if self._document is not None and self._known_style is None:
                    checker.expect_check(self._document)  # the chapter's first check: helpers load meanwhile
                style = checker.style(self._document if self._document is not None else texts)
                if self._document is not None:
                    if style != self._known_style:
                        texts = [text for text in dict.fromkeys(self._document) if text.strip()]
                    self._signals.styled.emit(self._generation, style)
                wanted = set(texts)
                first = [text for text in dict.fromkeys(self._first) if text in wanted]
                if first and len(first) < len(texts):
                    for text in first:
                        results[text] = checker.check_paragraph(text, style)
                    self._signals.partial.emit(self._generation, dict(results))
                rest = [text for text in texts if text not in results]
                results.update(checker.check_paragraphs(rest, style, self._current))
        except Exception as error:  # a checker bug must not take the window down
            self._signals.failed.emit(self._generation, f"{type(error).__name__}: {error}")
            return
        self._signals.done.emit(self._generation, results)


class CheckController(QObject):
    """Debounced, incremental checking of one QTextDocument."""

    #: Emitted with the paragraph texts whose findings changed (after a current run finished).
    updated = Signal(object)
    #: Every shown finding may have changed (new checker, new filters). (Never emit None through a
    #: Signal(object): PySide6 on Python 3.11 mis-counts its references.)
    reset = Signal()
    #: "off", "checking", "idle" or "failed: reason".
    stateChanged = Signal(str)

    def __init__(self, document: QTextDocument, parent: QObject | None = None,
                 paragraphs: Callable[[], list[str]] | None = None,
                 shown: Callable[[], list[str]] | None = None) -> None:
        """Check ``document``'s paragraphs, those on screen first.

        ``paragraphs`` gives the document's block texts in order (by default read block by block); ``shown`` gives
        the texts on screen.
        """
        super().__init__(parent)
        self._document = document
        self._paragraphs = paragraphs or (lambda: [block.text() for block in blocks(document)])
        self._shown = shown or list
        self._shared = _Shared()
        self._cache: dict[str, list[Match]] = {}
        self._ignored = IgnoreSet(rules=frozenset(), spots=frozenset())
        self._words: set[str] = set()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = CheckSignals(self)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._signals.styled.connect(self._on_styled)
        self._signals.partial.connect(self._on_partial)
        #: The document style the cached results were computed in (None: not judged yet).
        self._style: TextStyle | None = None
        self._run_styles: dict[int, TextStyle] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)
        self.state = "off"
        self.last_error = ""
        #: Incremented whenever a new checker is set (results of an older one are not comparable).
        self.checker_generation = 0
        #: Whether a run finished since the checker was set (before that, "no findings" means "not yet checked").
        self.has_results = False

    # -- configuration -------------------------------------------------------------------------
    @property
    def enabled(self) -> bool:
        return self._shared.factory is not None

    def set_checker(self, factory: Callable[[], ParagraphChecker | CheckFn] | None) -> None:
        """Use a new checker (built on the worker thread on first use); forget every cached result."""
        with self._shared.lock:
            self._shared.factory = factory
            self._shared.check = None
        self._shared.generation += 1
        self.checker_generation += 1
        self.has_results = False
        self._cache.clear()
        self._style = None
        self._set_state("off" if factory is None else "idle")
        self.reset.emit()
        if factory is not None:
            self.schedule()

    def forget_results(self) -> None:
        """A new text is in the editor (another chapter): drop its results, keep the built checker."""
        self._shared.generation += 1
        self.has_results = False
        self._cache.clear()
        self._style = None
        self.reset.emit()
        if self._shared.factory is not None:
            self._set_state("idle")
            self.schedule()

    def check_function(self) -> ParagraphChecker | None:
        """The current checker, built on first use. Call it on a worker thread only (it may be slow)."""
        return self._shared.checker()

    @property
    def words(self) -> set[str]:
        """The dictionary words (casefolded) whose spelling findings are hidden."""
        return self._words

    def set_filters(self, ignored: IgnoreSet, words: set[str]) -> None:
        """Findings the author dismissed and their dictionary words (applied when results are shown)."""
        self._ignored = ignored
        self._words = {word.casefold() for word in words}
        self.reset.emit()

    # -- running -------------------------------------------------------------------------------
    def schedule(self) -> None:
        """Check again once typing pauses."""
        if self.enabled:
            self._timer.start()

    def run_now(self) -> None:
        self._timer.stop()
        if not self.enabled:
            return
        self._shared.generation += 1
        document = self._paragraphs()
        texts = set(document)
        self._cache = {text: found for text, found in self._cache.items() if text in texts}
        missing = [text for text in texts if text.strip() and text not in self._cache]
        self._set_state("checking")
        generation = self._shared.generation
        # Even with nothing missing the job runs: an edit may have changed the chapter's style.
        self._pool.start(CheckJob(self._shared.checker, lambda: self._shared.generation == generation,
                                  generation, missing, self._signals, document=list(document),
                                  known_style=self._style, first=self._shown()))

    def wait_idle(self, timeout_ms: int = 60_000) -> bool:
        """Block until no run is pending (screenshot mode, tests)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

        deadline = QDeadlineTimer(timeout_ms)
        while self.enabled and (self._timer.isActive() or self.state == "checking"):
            if deadline.hasExpired():
                return False
            self._pool.waitForDone(20)
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return True

    def _on_styled(self, generation: int, style: TextStyle) -> None:
        self._run_styles[generation] = style
        if generation == self._shared.generation and style != self._style:
            self._cache.clear()  # computed in another style; this run re-checks every paragraph
            self._style = style

    def _on_partial(self, generation: int, results: dict[str, list[Match]]) -> None:
        """The paragraphs on screen were checked first: show them while the rest is checked."""
        if generation == self._shared.generation and self._run_styles.get(generation, self._style) == self._style:
            self._cache.update(results)
            self.updated.emit(set(results))

    def _on_done(self, generation: int, results: dict[str, list[Match]]) -> None:
        if self._run_styles.pop(generation, self._style) == self._style:
            self._cache.update(results)  # (results of an older style are dropped)
        self._run_styles = {number: style for number, style in self._run_styles.items() if number > generation}
        if generation != self._shared.generation:
            return
        self.has_results = True
        self._set_state("idle")
        self.updated.emit(set(results))

    def _on_failed(self, generation: int, reason: str) -> None:
        if generation == self._shared.generation:
            self.last_error = reason
            self._set_state(f"failed: {reason}")

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)

    # -- results ---------------------------------------------------------------------------------
    @property
    def has_findings(self) -> bool:
        """Whether any cached result holds a finding (shown or filtered out)."""
        return any(self._cache.values())

    def matches_for(self, paragraph: str) -> list[Match]:
        """The findings shown for one paragraph (cached results minus ignored ones)."""
        found = self._cache.get(paragraph)
        if not found:
            return []
        return [match for match in found if self._visible(paragraph, match)]

    def issues(self) -> list[Issue]:
        """Every shown finding of the document in reading order."""
        result: list[Issue] = []
        cache = self._cache
        for number, text in enumerate(self._paragraphs()):
            if cache.get(text):
                result.extend(Issue(number, text, match) for match in self.matches_for(text))
        return result

    def _visible(self, paragraph: str, match: Match) -> bool:
        return visible(paragraph, match, self._ignored, self._words)

    def shutdown(self) -> None:
        """Stop after the current paragraph and wait for the worker (window closing)."""
        self._timer.stop()
        self._shared.generation += 1
        self._pool.waitForDone(5000)
