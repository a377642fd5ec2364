"""Story → Post…: each chapter's boxes for the chosen site, ready to copy, with the site's limit problems.

The dialog only presents :class:`ficdesk.posting.sites.Posting` (what goes in each box and what the site
would refuse is decided there) and calls the ``posting`` / ``write_post`` hooks of the services.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ficdesk.errors import FicDeskError

if TYPE_CHECKING:
    from ficdesk.posting.sites import Box, Posting
    from ficdesk.ui.main_window import MainWindow
    from ficdesk.ui.services import AppServices

#: Site id -> name, in the order offered (the same ids as ``ficdesk post --site``).
SITE_NAMES = (("ao3", "AO3"), ("ffn", "FanFiction.Net"), ("wattpad", "Wattpad"), ("tumblr", "tumblr"))
#: Boxes shown on one line (short values); the others get a text area.
_SHORT = {"title", "chapter_title", "rating"}


class FieldView(QWidget):
    """One box: its label, the text to paste (read-only), a Copy button and the field's problems."""

    def __init__(self, parent: QWidget | None = None, *, tall: bool = False) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.copy_button = QPushButton("Copy")
        self.copy_button.clicked.connect(self.copy)
        self.edit = QPlainTextEdit()
        self.edit.setReadOnly(True)
        self.edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.problem = QLabel()
        self.problem.setObjectName("problemNote")
        self.problem.setWordWrap(True)
        self.problem.hide()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.label, 1)
        top.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(top)
        layout.addWidget(self.edit, 1 if tall else 0)
        layout.addWidget(self.problem)
        self._tall = tall

    def show_box(self, box: Box) -> None:
        self.label.setText(f"<b>{box.label}</b>" + ("" if box.text else " <i>(empty)</i>"))
        self.edit.setPlainText(box.text)
        lines = 1 if box.key in _SHORT else min(6, max(2, box.text.count("\n") + 1))
        if not self._tall:
            height = self.edit.fontMetrics().lineSpacing() * lines + 14
            self.edit.setFixedHeight(height)
        self.copy_button.setEnabled(bool(box.text))
        self.problem.setText("\n".join(f"⚠ {problem.message}" for problem in box.problems))
        self.problem.setVisible(bool(box.problems))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.edit.toPlainText())


class PostDialog(QDialog):
    """Pick a site and a chapter; every box of that site's forms, with copy buttons and limit problems."""

    def __init__(self, services: AppServices, story_id: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Post — {title}")
        self.resize(1100, 760)
        self._services = services
        self.story_id = story_id
        self.posting: Posting | None = None
        self.saved_files: list[Path] = []

        self.site = QComboBox()
        for key, name in SITE_NAMES:
            self.site.addItem(name, key)
        self.chapter = QComboBox()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.save_button = QPushButton("Save Chapter Files…")
        self.save_button.setToolTip("Write this chapter in the site's form (.html, .docx or .txt) and metadata.json")
        self.save_button.clicked.connect(self.save)
        top = QHBoxLayout()
        top.addWidget(QLabel("Site"))
        top.addWidget(self.site)
        top.addSpacing(12)
        top.addWidget(QLabel("Chapter"))
        top.addWidget(self.chapter, 1)
        top.addWidget(self.save_button)

        self.work_fields: dict[str, FieldView] = {}
        self.work_box = QGroupBox("Work")
        self._work_layout = QVBoxLayout(self.work_box)
        self._work_layout.addStretch(1)
        work_scroll = QScrollArea()
        work_scroll.setWidgetResizable(True)
        work_scroll.setWidget(self.work_box)
        work_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        work_scroll.setMinimumWidth(320)

        chapter_box = QGroupBox("Chapter")
        chapter_layout = QVBoxLayout(chapter_box)
        self.chapter_fields: dict[str, FieldView] = {}
        for key in ("title", "summary", "start_notes", "text", "end_notes"):
            view = FieldView(tall=key == "text")
            if key == "text":
                view.edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            self.chapter_fields[key] = view
            chapter_layout.addWidget(view, 1 if key == "text" else 0)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(work_scroll)
        splitter.addWidget(chapter_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([440, 660])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.site.currentIndexChanged.connect(self.refresh)
        self.chapter.currentIndexChanged.connect(self._show_chapter)
        self.refresh()

    # ------------------------------------------------------------------ showing

    def select_site(self, key: str) -> None:
        self.site.setCurrentIndex(self.site.findData(key))

    def select_chapter(self, number: int) -> None:
        self.chapter.setCurrentIndex(self.chapter.findData(number))

    def refresh(self) -> None:
        hook = self._services.posting
        if hook is None:
            self.summary.setText("Posting is not available in this build of FicDesk.")
            return
        key = str(self.site.currentData())
        self.posting = posting = hook(self.story_id, key)
        current = self.chapter.currentData()
        self.chapter.blockSignals(True)
        self.chapter.clear()
        for chapter in posting.chapters:
            title = chapter.title.text
            self.chapter.addItem(f"{chapter.number}. {title}" if title else f"Chapter {chapter.number}",
                                 chapter.number)
        index = self.chapter.findData(current)
        self.chapter.setCurrentIndex(index if index >= 0 else 0)
        self.chapter.blockSignals(False)
        self._show_work(posting)
        self._show_chapter()
        problems = posting.problems
        name = dict(SITE_NAMES)[key]
        if problems:
            listed = "; ".join(str(problem) for problem in problems[:4])
            more = f" (and {len(problems) - 4} more)" if len(problems) > 4 else ""
            self.summary.setText(f"⚠ {len(problems)} problem(s) {name} would refuse: {listed}{more}")
            self.summary.setObjectName("problemNote")
        else:
            self.summary.setText(f"Everything is within {name}'s limits.")
            self.summary.setObjectName("")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)

    def _show_work(self, posting: Posting) -> None:
        for view in self.work_fields.values():
            view.setParent(None)
            view.deleteLater()
        self.work_fields = {}
        general = [problem.message for problem in posting.general]
        for index, box in enumerate(posting.work):
            view = FieldView()
            view.show_box(box)
            if box.key == "additional_tags" and general:  # the total-tags limit is shown beside the last tag field
                view.problem.setText("\n".join(f"⚠ {m}" for m in [*(p.message for p in box.problems),
                                                                   *(f"Tags in all: {g}" for g in general)]))
                view.problem.show()
            self._work_layout.insertWidget(index, view)
            self.work_fields[box.key] = view

    def _show_chapter(self) -> None:
        posting = self.posting
        number = self.chapter.currentData()
        if posting is None or number is None:
            return
        chapter = next(c for c in posting.chapters if c.number == number)
        for key, box in (("title", chapter.title), ("summary", chapter.summary), ("start_notes", chapter.start_notes),
                         ("text", chapter.text), ("end_notes", chapter.end_notes)):
            self.chapter_fields[key].show_box(box)

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Save chapter files into")
        if folder:
            self.save_to(Path(folder))

    def save_to(self, folder: Path) -> list[Path]:
        """Write the current chapter's file and metadata.json into ``folder`` (what ``ficdesk post`` writes)."""
        hook = self._services.write_post
        if hook is None:
            return []
        try:
            output = hook(self.story_id, str(self.site.currentData()), folder, self.chapter.currentData())
        except FicDeskError as error:
            QMessageBox.warning(self, "Post", str(error))
            return []
        self.saved_files = output.files
        return output.files


def open_post_dialog(window: MainWindow, story_id: int | None) -> PostDialog | None:
    """Story → Post… for ``story_id`` (the selected or open story)."""
    if story_id is None:
        QMessageBox.information(window, "Post", "Select a story first.")
        return None
    window.save_now()
    dialog = PostDialog(window.services, story_id, window.store.stories.get(story_id).title, window)
    dialog.show()
    return dialog
