"""File ▸ Import Draft: read a draft off the UI thread, show what was recognised and where, store it.

Reading goes through ``AppServices.read_draft`` (``ficdesk.formats.import_file``) on a worker thread
while a busy bar shows. The preview shows every header field in an editable box with the line it was
read from, a guessed text encoding, and the lines left out as page chrome. Nothing is stored until
the author presses Import, which applies the corrections (``ImportedStory.corrected``) and calls
``AppServices.save_draft`` (one transaction: a story with all its chapters, or nothing).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ficdesk.errors import FicDeskError
from ficdesk.formats.model import ImportedStory
from ficdesk.formats.saving import story_title
from ficdesk.store.services.stories import RATINGS
from ficdesk.text.counting import count_words
from ficdesk.ui.background import BackgroundTask
from ficdesk.ui.services import AppServices

#: What the file dialog offers (``ficdesk.formats`` reads these).
DRAFT_FILTER = "Drafts (*.txt *.md *.markdown *.html *.htm *.docx *.epub);;All files (*)"
FORMAT_NAMES = {"txt": "Plain text", "md": "Markdown", "html": "Web page (HTML)", "ao3-html": "AO3 download",
                "docx": "Word document", "epub": "EPUB book", "ao3-epub": "AO3 EPUB download"}
#: The correctable fields: (key of ``ImportedStory.preview_values``, label, several lines?).
FIELDS = (("author", "&Author", False), ("fandom", "&Fandom", False), ("relationships", "&Relationships", False),
          ("characters", "C&haracters", False), ("rating", "Rating as &written", False),
          ("warnings", "&Warnings", False), ("summary", "&Summary", True), ("disclaimer", "&Disclaimer", True),
          ("authors_note", "Author's &note", True))


class ImportDialog(QDialog):
    """Preview of one draft; ``imported`` carries the new story's id once it is stored."""

    #: The draft was read (the preview is filled) or could not be read.
    ready = Signal()
    #: The draft was stored as a new story (story id).
    imported = Signal(int)

    def __init__(self, services: AppServices, project_id: int, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.project_id = project_id
        self.path = path
        self.draft: ImportedStory | None = None
        self.error = ""
        self.story_id: int | None = None
        project = services.store.projects.get(project_id).name
        self.setWindowTitle(f"Import draft — {path.name}")
        self.setObjectName("importDialog")
        self.resize(720, 600)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.message = QLabel(f"Reading {path.name}…")
        self.message.setObjectName("calmNote")
        self.message.setWordWrap(True)

        self.title = QLineEdit()
        self.title.setPlaceholderText("Story title")
        self.details = QFormLayout()
        self.details.addRow("&Title", self.title)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.sources: dict[str, QLabel] = {"title": self._source_label()}
        self.details.addRow("", self.sources["title"])
        for key, label, multiline in FIELDS:
            box: QLineEdit | QPlainTextEdit
            if multiline:
                box = QPlainTextEdit()
                box.setTabChangesFocus(True)
                box.setFixedHeight(56)
            else:
                box = QLineEdit()
            box.setObjectName(f"import_{key}")
            self.fields[key] = box
            self.details.addRow(label, box)
            self.sources[key] = self._source_label()
            self.details.addRow("", self.sources[key])
            if key == "rating":
                self.ao3_rating = QComboBox()
                self.ao3_rating.addItems(list(RATINGS))
                self.details.addRow("AO3 &rating", self.ao3_rating)
        self.read_as = QLabel()
        self.read_as.setWordWrap(True)
        self.details.addRow("Read as", self.read_as)
        self.encoding_warning = QLabel()
        self.encoding_warning.setObjectName("problemNote")
        self.encoding_warning.setWordWrap(True)
        self.encoding_warning.hide()
        self.details.addRow("", self.encoding_warning)
        self.details_widget = QWidget()
        self.details_widget.setLayout(self.details)
        self.details_scroll = QScrollArea()
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setWidget(self.details_widget)

        self.chapters = QTreeWidget()
        self.chapters.setRootIsDecorated(False)
        self.chapters.setHeaderLabels(["#", "Chapter", "Words"])
        header = self.chapters.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.chapters_heading = QLabel("Chapters")
        self.chapters_heading.setObjectName("sectionHeading")
        self.dropped_heading = QLabel()
        self.dropped_heading.setObjectName("sectionHeading")
        self.dropped = QPlainTextEdit()
        self.dropped.setReadOnly(True)
        self.dropped.setMaximumHeight(90)
        self.dropped.setToolTip("Lines left out as page chrome (menus, counters, dates) or repeated titles")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton(f"Import into “{project}”")
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        self.preview = QWidget()
        preview_layout = QVBoxLayout(self.preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.details_scroll, 2)
        preview_layout.addWidget(self.chapters_heading)
        preview_layout.addWidget(self.chapters, 1)
        preview_layout.addWidget(self.dropped_heading)
        preview_layout.addWidget(self.dropped)
        self.preview.hide()
        # While reading (or after a failure) the message sits centred; the preview takes the room later.
        layout = self._layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.preview, 1)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.progress.setFixedWidth(320)

        self._reader = BackgroundTask("the file could not be read", self)
        self._reader.finished.connect(self._read_finished)
        self._reader.failed.connect(self._read_failed)
        read = services.read_draft
        if read is None:
            self._read_failed("importing drafts is not available in this build of FicDesk")
        else:
            self._reader.start(lambda: read(path))

    # -- reading -----------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.progress.isVisible() or (self.draft is None and not self.error)

    def wait_until_read(self, timeout_ms: int = 60_000) -> bool:
        return self._reader.wait(timeout_ms)

    def _read_finished(self, draft: object) -> None:
        assert isinstance(draft, ImportedStory)
        self.progress.hide()
        self.draft = draft
        if not draft.chapters:
            self._read_failed("nothing to import: no chapter text was found in this file")
            return
        words = sum(count_words(chapter.text) for chapter in draft.chapters)
        count = len(draft.chapters)
        self.message.setText(f"Found {count} chapter{'s' if count != 1 else ''} and {words:,} words. "
                             "Check the title, then import; nothing is stored until you do.")
        self.title.setText(story_title(draft))
        values = draft.preview_values()
        self._show_source("title", draft.sources.get("title"))
        for key, box in self.fields.items():
            if isinstance(box, QLineEdit):
                box.setText(values[key])
                box.setCursorPosition(0)
            else:
                box.setPlainText(values[key])
            self._show_source(key, draft.sources.get(key))
        self.ao3_rating.setCurrentText(draft.ao3_rating if draft.ao3_rating in RATINGS else RATINGS[0])
        source = FORMAT_NAMES.get(draft.source_format, draft.source_format)
        encoding = "" if draft.source_format in {"docx", "epub", "ao3-epub"} else f", {draft.encoding} encoding"
        self.read_as.setText(f"{source}{encoding}")
        if draft.encoding_guessed:
            self.encoding_warning.setText(
                f"The text encoding was guessed as {draft.encoding}. If letters look wrong in the preview, "
                "save the file as UTF-8 and import it again (or use ficdesk import --encoding NAME).")
        self.encoding_warning.setVisible(draft.encoding_guessed)
        for number, chapter in enumerate(draft.chapters, start=1):
            item = QTreeWidgetItem([str(number), chapter.title or f"Chapter {number}",
                                    f"{count_words(chapter.text):,}"])
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.chapters.addTopLevelItem(item)
        dropped = len(draft.dropped)
        self.dropped_heading.setText(f"Left out as page chrome ({dropped} line{'s' if dropped != 1 else ''})"
                                     if dropped else "Nothing was left out as page chrome")
        self.dropped.setPlainText("\n".join(draft.dropped))
        self.dropped.setVisible(bool(dropped))
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self._layout.setStretch(0, 0)
        self._layout.setStretch(4, 0)
        self.preview.show()
        self.import_button.setEnabled(True)
        self.import_button.setFocus()
        self.ready.emit()

    @staticmethod
    def _source_label() -> QLabel:
        label = QLabel()
        label.setObjectName("calmNote")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _show_source(self, key: str, line: str | None) -> None:
        label = self.sources[key]
        text = " ".join((line or "").split())
        label.setText(f"from: {text[:157] + '…' if len(text) > 160 else text}" if text else "")
        self.details.setRowVisible(label, bool(text))

    def corrections(self) -> dict[str, str]:
        """What the preview's boxes hold now, keyed like ``ImportedStory.preview_values``."""
        values = {key: box.text() if isinstance(box, QLineEdit) else box.toPlainText()
                  for key, box in self.fields.items()}
        values["title"] = self.title.text()
        values["ao3_rating"] = self.ao3_rating.currentText()
        return values

    def _read_failed(self, reason: str) -> None:
        self.progress.hide()
        self.error = reason
        self.message.setObjectName("problemNote")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        sentence = reason[:1].upper() + reason[1:]
        self.message.setText(sentence if sentence.endswith(".") else f"{sentence}.")
        self.import_button.setEnabled(False)
        self.ready.emit()

    # -- storing -----------------------------------------------------------------------------------
    def save(self) -> None:
        """Store the draft as a new story of the project (the dialog closes when it worked)."""
        save, draft = self.services.save_draft, self.draft
        if save is None or draft is None:
            return
        try:
            self.story_id = save(self.project_id, draft.corrected(self.corrections()), self.title.text().strip())
        except FicDeskError as error:
            self.message.setText(f"The draft could not be stored: {error}.")
            return
        self.imported.emit(self.story_id)
        self.accept()
