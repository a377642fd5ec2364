"""The bar that offers text kept from a failed save (an emergency copy) when FicDesk starts again.

Put It Back opens the chapter and replaces its text with the copy (one undo step), then stores it;
Save as File writes the copy where the author chooses; Discard deletes it after asking.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton

from ficdesk import recovery
from ficdesk.errors import FicDeskError

if TYPE_CHECKING:
    from ficdesk.ui.main_window import MainWindow


class RecoveryBar(QFrame):
    """Above the editor while an emergency copy of this database waits; hidden otherwise."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.main = window
        self.setObjectName("noticeBar")
        self._offered_copy: recovery.EmergencyCopy | None = None
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.text, 1)
        self.put_back_button = QPushButton("Put It Back")
        self.put_back_button.clicked.connect(self.put_back)
        save_copy = QPushButton("Save as File…")
        save_copy.clicked.connect(lambda: self.save_as())
        discard = QPushButton("Discard…")
        discard.clicked.connect(self.discard)
        for button in (self.put_back_button, save_copy, discard):
            layout.addWidget(button)
        self.hide()

    def offer(self) -> None:
        """Text that could not be stored last time is still in the data folder: offer to put it back."""
        copies = self.main.session.pending_copies()
        if not copies:
            self.hide()
            return
        copy = copies[0]
        self._offered_copy = copy
        words = len(copy.text.split())
        when = copy.written_at.astimezone().strftime("%d %b %Y, %H:%M")
        self.text.setText(
            f"Text that could not be saved on {when} was kept: “{copy.title}”, {words:,} words "
            f"({copy.reason or 'the save failed'}). Put it back into the chapter?")
        self.show()

    def put_back(self) -> bool:
        """Open the kept copy's chapter and put its text back (one undo step), then store it."""
        copy = self._offered_copy
        if copy is None:
            return False
        try:
            self.main.store.chapters.get(copy.chapter_id)
        except FicDeskError:
            self.main.show_notice("That chapter no longer exists; use “Save as File…” to keep the text.")
            return False
        if not self.main.open_chapter(copy.chapter_id) or not self.main.session.put_back(copy):
            return False
        recovery.discard(self.main.database_url, copy.chapter_id)
        self._offered_copy = None
        self.offer()
        self.main.statusBar().showMessage("The kept text is back in the chapter (Ctrl+Z undoes it).", 6000)
        return True

    def save_as(self, path: Path | None = None) -> bool:
        copy = self._offered_copy
        if copy is None:
            return False
        if path is None:
            path = self.main.choose_copy_file()
            if path is None:
                return False
        try:
            recovery.save_as_file(copy.text, path)
        except FicDeskError as error:
            self.main.show_notice(str(error))
            return False
        self.main.statusBar().showMessage(f"Saved to {path}.", 6000)
        return True

    def discard(self) -> None:
        copy = self._offered_copy
        if copy is None:
            return
        answer = QMessageBox.question(self.main, "Discard the kept text?",
                                      f"The text kept for “{copy.title}” will be deleted for good.")
        if answer == QMessageBox.StandardButton.Yes:
            recovery.discard(self.main.database_url, copy.chapter_id)
            self._offered_copy = None
            self.offer()
