"""Long work off the UI thread: one task at a time, its result or a one-line failure back on the UI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ficdesk.errors import FicDeskError


class BackgroundTask(QObject):
    """Runs callables one after another on a worker thread of its own.

    ``finished`` carries a callable's return value; ``failed`` a message for the author: the text of a
    :class:`FicDeskError`, or ``unexpected`` with the exception's name for a bug (which must not take the
    window down). Both arrive on the thread this object lives on (queued connections).
    """

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, unexpected: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unexpected = unexpected
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def start(self, work: Callable[[], object]) -> None:
        self._pool.start(_Job(work, self))

    def wait(self, timeout_ms: int) -> bool:
        """Block until the queued work is done (tests, screenshots, closing); False on time-out."""
        return bool(self._pool.waitForDone(timeout_ms))

    def _run(self, work: Callable[[], object]) -> None:
        try:
            result = work()
        except FicDeskError as error:
            self.failed.emit(str(error))
        except Exception as error:
            self.failed.emit(f"{self._unexpected} ({type(error).__name__}: {error})")
        else:
            self.finished.emit(result)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], task: BackgroundTask) -> None:
        super().__init__()
        self._work = work
        self._task = task

    def run(self) -> None:
        self._task._run(self._work)
