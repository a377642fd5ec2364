"""Story Properties and Chapter Notes from the real window (issue 15, items 9, 10 and 12)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from ficdesk.store import Store
from ficdesk.ui.dialogs import ChapterNotesDialog, ExportDialog, StoryDialog
from ficdesk.ui.services import wire_services
from tests.ui.conftest import WindowFactory


def when_modal(dialog_type: type[QDialog], act: Callable[[QDialog], None]) -> list[QDialog]:
    """Act on the next modal dialog of ``dialog_type`` once its event loop runs; returns it (once seen)."""
    seen: list[QDialog] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, dialog_type):
            QTimer.singleShot(20, run)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, run)
    return seen


def test_story_properties_edit_notes_with_tab_moving_on_and_hints_from_the_project(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    project = ui_store.projects.create("Star Trek")
    ui_store.stories.create(project.id, "Earlier one", fandoms=["Star Trek: Voyager"])
    story = ui_store.stories.create(project.id, "Warp Core Blues")
    chapter = ui_store.chapters.create(story.id, "One", "Text.")
    window = make_window(wire_services(ui_store))
    window.activateWindow()
    assert window.open_chapter(chapter.id)
    placeholders: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, StoryDialog)
        placeholders.append(dialog.fandoms.placeholderText())
        placeholders.append(dialog.relationships.placeholderText() + dialog.characters.placeholderText())
        dialog.warnings.setFocus()
        QTimer.singleShot(0, lambda: finish(dialog))

    def finish(dialog: StoryDialog) -> None:
        qtbot.keyClicks(dialog.warnings, "No Archive Warnings Apply")
        qtbot.keyClick(dialog.warnings, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.summary  # Tab moves on, it types no tab
        qtbot.keyClicks(dialog.summary, "A quiet shift in engineering.")
        dialog.disclaimer.setPlainText("Not mine; just borrowing the ship.")
        dialog.start_note.setPlainText("Written for a prompt.")
        dialog.end_note.setPlainText("Thanks for reading.")
        dialog.accept()

    seen = when_modal(StoryDialog, fill)
    window.story_properties_action.trigger()
    assert seen
    assert "Star Trek: Voyager" in placeholders[0] and "Torchwood" not in "".join(placeholders)
    stored = ui_store.stories.get(story.id)
    assert stored.warnings == ["No Archive Warnings Apply"]
    assert stored.summary == "A quiet shift in engineering."
    assert (stored.disclaimer, stored.start_note, stored.end_note) == (
        "Not mine; just borrowing the ship.", "Written for a prompt.", "Thanks for reading.")

    def notes(dialog: QDialog) -> None:
        assert isinstance(dialog, ChapterNotesDialog)
        dialog.start_note.setPlainText("Before the chapter.")
        dialog.end_note.setPlainText("After the chapter.")
        dialog.accept()

    seen = when_modal(ChapterNotesDialog, notes)
    window.chapter_notes_action.trigger()
    assert seen
    again = ui_store.chapters.get(chapter.id)
    assert (again.start_note, again.end_note) == ("Before the chapter.", "After the chapter.")


def test_a_project_without_fandoms_gets_a_neutral_hint(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    project = ui_store.projects.create("Original work")
    story = ui_store.stories.create(project.id, "Lighthouse")
    chapter = ui_store.chapters.create(story.id, "One", "Text.")
    window = make_window(wire_services(ui_store))
    assert window.open_chapter(chapter.id)
    hints: list[str] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, StoryDialog)
        hints.append(dialog.fandoms.placeholderText())
        dialog.reject()

    when_modal(StoryDialog, look)
    window.story_properties_action.trigger()
    assert hints and "Torchwood" not in hints[0] and "Doctor Who" not in hints[0]


def test_export_starts_in_the_documents_folder_then_the_last_one_and_says_where(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store, tmp_path: Path) -> None:
    from ficdesk.paths import documents_dir

    project = ui_store.projects.create("Harbour Tales")
    story = ui_store.stories.create(project.id, "Tide Tables")
    chapter = ui_store.chapters.create(story.id, "One", "The water came in.")
    window = make_window(wire_services(ui_store))
    assert window.open_chapter(chapter.id)
    folders: list[str] = []
    target = tmp_path / "exports" / "tide.txt"
    target.parent.mkdir()

    def save(dialog: QDialog) -> None:
        assert isinstance(dialog, ExportDialog)
        folders.append(dialog.start_folder)
        dialog.save_to(str(target))
        dialog.accept()

    when_modal(ExportDialog, save)
    window.export_action.trigger()
    assert folders == [str(documents_dir())] and Path(folders[0]) != Path.cwd()
    assert target.read_text(encoding="utf-8").startswith("Title: Tide Tables")
    assert window.notice.isVisible() and window.notice_text.text() == f"Exported to {target.resolve()}"
    assert window.notice_action.isVisible() and window.notice_action.text() == "Open Folder"

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, ExportDialog)
        folders.append(dialog.start_folder)
        dialog.reject()

    when_modal(ExportDialog, look)
    window.export_action.trigger()
    assert folders[1] == str(target.parent.resolve())  # the last folder used
