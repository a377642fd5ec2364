"""Snapshots of the open chapter: take one, compare one with the current text, restore one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ficdesk.errors import FicDeskError

if TYPE_CHECKING:
    from ficdesk.store import Store

SNAPSHOT_ROLE = 0x0100


class SnapshotsDialog(QDialog):
    """Lists a chapter's snapshots; the diff shows what changed since the selected one.

    ``before_change`` saves the editor's text first; ``after_restore`` reloads the chapter.
    """

    def __init__(self, store: Store, chapter_id: int, *, before_change: Callable[[], object],
                 after_restore: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snapshotsDialog")
        self.setWindowTitle("Snapshots")
        self.resize(860, 560)
        self.store = store
        self.chapter_id = chapter_id
        self._before_change = before_change
        self._after_restore = after_restore

        self.list = QTreeWidget()
        self.list.setHeaderLabels(["Taken", "Words", "Why"])
        self.list.setRootIsDecorated(False)
        self.list.currentItemChanged.connect(lambda *_: self._show_diff())
        self.diff = QPlainTextEdit()
        self.diff.setObjectName("snapshotDiff")
        self.diff.setReadOnly(True)
        self.diff.setFont(QFont("monospace"))
        self.diff.setPlaceholderText("Select a snapshot to see what changed since it was taken.")
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.diff)
        splitter.setSizes([320, 540])

        self.take_button = QPushButton("Take Snapshot")
        self.take_button.clicked.connect(self.take)
        self.restore_button = QPushButton("Restore This Snapshot")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.take_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("A snapshot keeps the chapter's text as it was. Restoring one keeps the "
                                "current text as a snapshot too, so nothing is lost."))
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for snapshot in self.store.snapshots.list(self.chapter_id):
            item = QTreeWidgetItem([f"{snapshot.created_at.astimezone():%Y-%m-%d %H:%M:%S}",
                                    f"{snapshot.word_count:,}", snapshot.reason])
            item.setData(0, SNAPSHOT_ROLE, snapshot.id)
            self.list.addTopLevelItem(item)
        for column in range(2):
            self.list.resizeColumnToContents(column)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self._show_diff()

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(0, SNAPSHOT_ROLE))

    def take(self) -> None:
        self._before_change()
        try:
            self.store.snapshots.take(self.chapter_id, "taken by hand")
        except FicDeskError as error:
            QMessageBox.warning(self, "Snapshot not taken", str(error))
            return
        self.reload()

    def restore_selected(self) -> None:
        snapshot_id = self.selected_id()
        if snapshot_id is None:
            return
        self._before_change()
        try:
            self.store.snapshots.restore(snapshot_id)
        except FicDeskError as error:
            QMessageBox.warning(self, "Snapshot not restored", str(error))
            return
        self._after_restore()
        self.reload()

    def _show_diff(self) -> None:
        snapshot_id = self.selected_id()
        self.restore_button.setEnabled(snapshot_id is not None)
        self.diff.clear()
        if snapshot_id is None:
            return
        text = self.store.snapshots.diff(snapshot_id) or "The chapter's text is the same as in this snapshot."
        self.diff.setPlainText(text)
        added, removed = QTextCharFormat(), QTextCharFormat()
        added.setForeground(QColor("#2e7d32"))
        removed.setForeground(QColor("#c62828"))
        block = self.diff.document().begin()
        while block.isValid():
            line = block.text()
            fmt = added if line.startswith("+") and not line.startswith("+++") else (
                removed if line.startswith("-") and not line.startswith("---") else None)
            if fmt is not None:
                cursor = QTextCursor(block)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(fmt)
            block = block.next()
