"""Dialogs: story properties, settings, export preview. They edit values; the window saves them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ficdesk.store.models import Story
from ficdesk.store.services.stories import RATINGS
from ficdesk.ui.settings import LANGUAGES, LANGUAGETOOL_MODES, THEMES, UiSettings

#: AO3's archive warnings, offered as the story's warnings.
AO3_WARNINGS = (
    "Creator Chose Not To Use Archive Warnings", "No Archive Warnings Apply", "Graphic Depictions Of Violence",
    "Major Character Death", "Rape/Non-Con", "Underage Sex",
)


def _split(text: str) -> list[str]:
    """Comma- or line-separated list as typed by the author."""
    items = [part.strip() for line in text.splitlines() for part in line.split(",")]
    return [item for item in items if item]


def _combo(choices: tuple[tuple[str, str], ...], current: str) -> QComboBox:
    combo = QComboBox()
    for value, label in choices:
        combo.addItem(label, value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))
    return combo


def _text_box(text: str, placeholder: str, height: int) -> QPlainTextEdit:
    """A multi-line field where Tab moves on to the next field (as in every other form)."""
    box = QPlainTextEdit(text)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setMinimumHeight(height)
    return box


def _lay_out(dialog: QDialog, form: QFormLayout, *below: QWidget) -> QDialogButtonBox:
    """The dialogs' common frame: the form, what goes under it, then OK and Cancel wired to the dialog."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    for widget in below:
        layout.addWidget(widget)
    layout.addWidget(buttons)
    return buttons


class StoryDialog(QDialog):
    """The story's metadata the way AO3 asks for it, and the texts exports put around it.

    ``fandom_hints`` are the fandoms of the project's other stories (shown as the example when
    this story has none); without any, the hints are neutral.
    """

    def __init__(self, story: Story, parent: QWidget | None = None, fandom_hints: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Story properties — {story.title}")
        self.setMinimumWidth(560)
        self.title = QLineEdit(story.title)
        self.author = QLineEdit(story.author)
        self.fandoms = QLineEdit(", ".join(story.fandoms))
        hints = [hint for hint in dict.fromkeys(fandom_hints or []) if hint]
        self.fandoms.setPlaceholderText(", ".join(hints[:3]) if hints else "The show, book or game it is set in")
        self.relationships = QLineEdit(", ".join(story.relationships))
        self.relationships.setPlaceholderText("Name/Name for a pairing, Name & Name for friendship")
        self.characters = QLineEdit(", ".join(story.characters))
        self.characters.setPlaceholderText("The characters who appear")
        self.rating = QComboBox()
        self.rating.addItems(list(RATINGS))
        self.rating.setCurrentText(story.rating if story.rating in RATINGS else RATINGS[0])
        self.warnings = _text_box("\n".join(story.warnings),
                                  "One warning per line, e.g.\n" + "\n".join(AO3_WARNINGS[:2]), 50)
        self.warnings.setMaximumHeight(70)
        self.summary = _text_box(story.summary, "", 90)
        self.disclaimer = _text_box(story.disclaimer, "Shown before the story in exports (Templates can fill it)", 44)
        self.start_note = _text_box(story.start_note, "Author's note before the story", 44)
        self.end_note = _text_box(story.end_note, "Author's note after the story", 44)
        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("A&uthor", self.author)
        form.addRow("&Fandoms", self.fandoms)
        form.addRow("&Relationships", self.relationships)
        form.addRow("&Characters", self.characters)
        form.addRow("R&ating", self.rating)
        form.addRow("&Warnings", self.warnings)
        form.addRow("&Summary", self.summary)
        form.addRow("&Disclaimer", self.disclaimer)
        form.addRow("Note &before", self.start_note)
        form.addRow("Note a&fter", self.end_note)
        hint = QLabel("Separate fandoms, relationships and characters with commas.")
        hint.setObjectName("calmNote")
        _lay_out(self, form, hint)

    def values(self) -> dict[str, Any]:
        """Fields for ``store.stories.update``."""
        return {
            "title": self.title.text().strip(),
            "author": self.author.text().strip(),
            "fandoms": _split(self.fandoms.text()),
            "relationships": _split(self.relationships.text()),
            "characters": _split(self.characters.text()),
            "rating": self.rating.currentText(),
            "warnings": [line.strip() for line in self.warnings.toPlainText().splitlines() if line.strip()],
            "summary": self.summary.toPlainText().strip(),
            "disclaimer": self.disclaimer.toPlainText().strip(),
            "start_note": self.start_note.toPlainText().strip(),
            "end_note": self.end_note.toPlainText().strip(),
        }


class ChapterNotesDialog(QDialog):
    """The open chapter's own notes (before and after its text in exports)."""

    def __init__(self, title: str, start_note: str, end_note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Chapter notes — {title}")
        self.setMinimumWidth(520)
        self.start_note = _text_box(start_note, "Shown before this chapter's text in exports", 90)
        self.end_note = _text_box(end_note, "Shown after this chapter's text in exports", 90)
        form = QFormLayout()
        form.addRow("Note &before", self.start_note)
        form.addRow("Note a&fter", self.end_note)
        _lay_out(self, form)

    def values(self) -> dict[str, str]:
        """Keyword arguments for ``store.chapters.set_notes``."""
        return {"start_note": self.start_note.toPlainText().strip(), "end_note": self.end_note.toPlainText().strip()}


class SettingsDialog(QDialog):
    def __init__(self, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(520)
        self._original = settings
        self.language = _combo(LANGUAGES, settings.language)
        self.languagetool = _combo(LANGUAGETOOL_MODES, settings.languagetool)
        self.languagetool_url = QLineEdit(settings.languagetool_url)
        self.languagetool_url.setPlaceholderText("http://localhost:8081")
        self.languagetool.currentIndexChanged.connect(self._update)
        self.autosave = QSpinBox()
        self.autosave.setRange(200, 60_000)
        self.autosave.setSingleStep(250)
        self.autosave.setSuffix(" ms")
        self.autosave.setValue(settings.autosave_ms)
        self.font_box = QFontComboBox()
        if settings.font_family:
            self.font_box.setCurrentText(settings.font_family)
        else:
            from ficdesk.ui.editor import default_prose_family

            self.font_box.setCurrentText(default_prose_family())
        self.font_size = QSpinBox()
        self.font_size.setRange(8, 40)
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(settings.font_size)
        self.text_width = QSpinBox()
        self.text_width.setRange(360, 2000)
        self.text_width.setSingleStep(20)
        self.text_width.setSuffix(" px")
        self.text_width.setValue(settings.text_width)
        self.line_spacing = QSpinBox()
        self.line_spacing.setRange(100, 250)
        self.line_spacing.setSingleStep(10)
        self.line_spacing.setSuffix(" %")
        self.line_spacing.setValue(settings.line_spacing)
        self.theme = _combo(THEMES, settings.theme)
        font_row = QHBoxLayout()
        font_row.addWidget(self.font_box, 1)
        font_row.addWidget(self.font_size)
        form = QFormLayout()
        form.addRow("&Language", self.language)
        form.addRow("Language&Tool", self.languagetool)
        form.addRow("Server &URL", self.languagetool_url)
        form.addRow("&Autosave after", self.autosave)
        form.addRow("Font", font_row)
        form.addRow("Text &width", self.text_width)
        form.addRow("Line &spacing", self.line_spacing)
        form.addRow("T&heme", self.theme)
        _lay_out(self, form)
        self._update()

    def _update(self) -> None:
        self.languagetool_url.setEnabled(self.languagetool.currentData() == "server")

    def values(self) -> UiSettings:
        return replace(
            self._original,
            language=str(self.language.currentData()),
            languagetool=str(self.languagetool.currentData()),
            languagetool_url=self.languagetool_url.text().strip(),
            autosave_ms=self.autosave.value(),
            font_family=self.font_box.currentText(),
            font_size=self.font_size.value(),
            text_width=self.text_width.value(),
            line_spacing=self.line_spacing.value(),
            theme=str(self.theme.currentData()),
        )


class ExportDialog(QDialog):
    """Choose a format, see the result, save it."""

    def __init__(self, formats: tuple[tuple[str, str, str], ...], render: Any, title: str,
                 parent: QWidget | None = None, start_folder: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Export — {title}")
        #: Where the Save dialog opens (the last export folder, else the documents folder).
        self.start_folder = start_folder
        self.resize(760, 620)
        self._formats = formats
        self._render = render
        self._title = title
        self.format = QComboBox()
        for key, label, _suffix in formats:
            self.format.addItem(label, key)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.format.currentIndexChanged.connect(self.refresh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel("Format"))
        top.addWidget(self.format, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.saved_path = ""
        self.refresh()

    def refresh(self) -> None:
        self.document: str | bytes = self._render(str(self.format.currentData()))
        if isinstance(self.document, bytes):
            label = self.format.currentText()
            self.preview.setPlainText(f"{label}: {len(self.document):,} bytes, no text preview. Save writes the file.")
        else:
            self.preview.setPlainText(self.document)

    def save(self) -> None:
        suffix = self._formats[self.format.currentIndex()][2]
        from pathlib import Path

        name = f"{self._title}{suffix}".replace("/", "-")
        start = str(Path(self.start_folder) / name) if self.start_folder else name
        path, _ = QFileDialog.getSaveFileName(self, "Export story", start)
        if path:
            self.save_to(path)
            self.accept()

    def save_to(self, path: str) -> None:
        from ficdesk.formats.writing import write_atomically

        write_atomically(path, self.document)
        self.saved_path = path
