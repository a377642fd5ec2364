"""The docks keep their share of the window when it is resized.

So a panel squeezed on a small window grows back on a large one (QMainWindow alone gives every extra
pixel to the editor).

A share is what the author last left: it is taken whenever a dock changes size while the window does
not (a dragged splitter, a restored layout), and applied when the window changes size. The editor
keeps room for its text column first: the side docks give way down to their minimum widths.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow


class DockShares(QObject):
    """Scales ``side`` docks (left/right) with the window's width and ``bottom`` docks with its height."""

    def __init__(self, window: QMainWindow, side: Sequence[QDockWidget], bottom: Sequence[QDockWidget],
                 readable_width: Callable[[], int]) -> None:
        super().__init__(window)
        self.window = window
        self.side = list(side)
        self.bottom = list(bottom)
        self.readable_width = readable_width
        self.shares: dict[QDockWidget, float] = {}
        self._size = QSize()
        self._pending = QTimer(self, singleShot=True, interval=0)
        self._pending.timeout.connect(self.apply)
        #: Running after apply(): the docks' own resizes then are ours, not the author's, and set no share.
        self._settling = QTimer(self, singleShot=True, interval=150)
        window.installEventFilter(self)
        for dock in (*self.side, *self.bottom):
            dock.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            if self.window.size() != self._size:
                self._pending.start()  # the window changed size (its docks may hear of it first)
            elif isinstance(watched, QDockWidget) and not self._settling.isActive():
                self._record(watched)
        return False

    def _record(self, dock: QDockWidget) -> None:
        if not dock.isVisible() or dock.isFloating() or self.window.isFullScreen():
            return
        if dock in self.side and self.window.width() > 0:
            self.shares[dock] = dock.width() / self.window.width()
        elif dock in self.bottom and self.window.height() > 0:
            self.shares[dock] = dock.height() / self.window.height()

    def record_all(self) -> None:
        """Take the shares from the docks as they are now."""
        self._size = self.window.size()
        for dock in (*self.side, *self.bottom):
            self._record(dock)

    def layout_set(self) -> None:
        """A layout was just set or restored for this size: its dock sizes become the shares, once laid out."""
        self._pending.stop()
        self.shares.clear()
        self._size = self.window.size()
        self._settling.start()
        QTimer.singleShot(self._settling.interval(), self.record_all)

    def apply(self) -> None:
        """Give each visible docked panel its share of the window's present size."""
        window = self.window
        if not self.shares:
            self.record_all()
            return
        self._size = window.size()
        self._settling.start()
        if window.isFullScreen():
            return
        side = [d for d in self.side if d in self.shares and d.isVisible() and not d.isFloating()]
        if side:
            width = window.width()
            wanted = [max(d.minimumWidth(), round(self.shares[d] * width)) for d in side]
            room = width - self.readable_width()
            floor = sum(d.minimumWidth() for d in side)
            if sum(wanted) > max(room, floor):  # the text column first: the docks give way to their minimum
                spare = max(room, floor) - floor
                extra = sum(w - d.minimumWidth() for w, d in zip(wanted, side, strict=True)) or 1
                wanted = [d.minimumWidth() + (w - d.minimumWidth()) * spare // extra
                          for w, d in zip(wanted, side, strict=True)]
            window.resizeDocks(side, wanted, Qt.Orientation.Horizontal)
        bottom = [d for d in self.bottom if d in self.shares and d.isVisible() and not d.isFloating()]
        if bottom:
            height = window.height()
            window.resizeDocks(bottom, [max(d.minimumHeight(), round(self.shares[d] * height)) for d in bottom],
                               Qt.Orientation.Vertical)
