"""Find and replace for the chapter editor (a bar under the text, like novelWriter's)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget


class FindBar(QFrame):
    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.editor = editor
        #: Called before "Replace all" changes the text (the window takes a snapshot there).
        self.before_replace_all: Callable[[], object] | None = None
        self.find_field = QLineEdit(placeholderText="Find")
        self.replace_field = QLineEdit(placeholderText="Replace with")
        self.case = QCheckBox("Match case")
        self.whole = QCheckBox("Whole words")
        self.status = QLabel()
        self.status.setObjectName("calmNote")
        previous_button = QPushButton("Previous")
        next_button = QPushButton("Next")
        replace_button = QPushButton("Replace")
        all_button = QPushButton("Replace all")
        close_button = QPushButton("Close")
        previous_button.clicked.connect(lambda: self.find_next(backward=True))
        next_button.clicked.connect(lambda: self.find_next())
        replace_button.clicked.connect(self.replace)
        all_button.clicked.connect(self.replace_all)
        close_button.clicked.connect(self.close_bar)
        self.find_field.returnPressed.connect(self.find_next)
        self.replace_field.returnPressed.connect(self.replace)
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 6, 12, 6)
        grid.addWidget(self.find_field, 0, 0)
        grid.addWidget(previous_button, 0, 1)
        grid.addWidget(next_button, 0, 2)
        grid.addWidget(self.case, 0, 3)
        grid.addWidget(self.whole, 0, 4)
        grid.addWidget(close_button, 0, 5)
        grid.addWidget(self.replace_field, 1, 0)
        grid.addWidget(replace_button, 1, 1)
        grid.addWidget(all_button, 1, 2)
        grid.addWidget(self.status, 1, 3, 1, 3)
        grid.setColumnStretch(0, 1)
        self.hide()

    def open_bar(self, *, replace: bool = False) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_field.setText(selected)
        self.replace_field.setVisible(True)
        self.show()
        (self.replace_field if replace and self.find_field.text() else self.find_field).setFocus()
        self.find_field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus()

    def keyPressEvent(self, event: object) -> None:
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if self.whole.isChecked():
            flags |= QTextDocument.FindFlag.FindWholeWords
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def find_next(self, *, backward: bool = False) -> bool:
        """Select the next (or previous) occurrence, wrapping around the chapter."""
        needle = self.find_field.text()
        if not needle:
            return False
        document = self.editor.document()
        found = document.find(needle, self.editor.textCursor(), self._flags(backward))
        if found.isNull():
            start = QTextCursor(document)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(needle, start, self._flags(backward))
        if found.isNull():
            self.status.setText("Not found")
            return False
        self.status.setText("")
        self.editor.setTextCursor(found)
        self.editor.ensureCursorVisible()
        return True

    def _selection_matches(self) -> bool:
        selected = self.editor.textCursor().selectedText()
        needle = self.find_field.text()
        if self.case.isChecked():
            return selected == needle
        return selected.casefold() == needle.casefold()

    def replace(self) -> None:
        """Replace the current occurrence (if selected) and move to the next one."""
        if self.editor.isReadOnly():
            return
        if self.find_field.text() and self._selection_matches():
            self.editor.textCursor().insertText(self.replace_field.text())
        self.find_next()

    def replace_all(self) -> int:
        """Replace every occurrence in one undo step; returns how many."""
        needle = self.find_field.text()
        if not needle or self.editor.isReadOnly():
            return 0
        if self.before_replace_all is not None:
            self.before_replace_all()
        document = self.editor.document()
        count = 0
        edit = QTextCursor(document)
        edit.beginEditBlock()
        cursor = document.find(needle, 0, self._flags())
        while not cursor.isNull():
            cursor.insertText(self.replace_field.text())
            count += 1
            cursor = document.find(needle, cursor, self._flags())
        edit.endEditBlock()
        self.status.setText(f"Replaced {count} occurrence{'s' if count != 1 else ''}")
        return count
