"""The Templates dialog on a real store with the real renderer (``wire_services``)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QTreeWidget
from pytestqt.qtbot import QtBot

from ficdesk.store import Store
from ficdesk.ui.main_window import MainWindow
from ficdesk.ui.services import AppServices, wire_services
from ficdesk.ui.templates_dialog import TemplatesDialog
from tests.ui.conftest import WindowFactory


def groups(tree: QTreeWidget) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for index in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(index)
        assert group is not None
        result[group.text(0)] = [child.text(0) for i in range(group.childCount()) if (child := group.child(i))]
    return result


@pytest.fixture
def opened(make_window: WindowFactory, ui_store: Store) -> tuple[MainWindow, int, int, int]:
    """A window with chapter 2 of a real story open: (window, project id, story id, chapter id)."""
    project_id = ui_store.projects.create("Torchwood").id
    story_id = ui_store.stories.create(project_id, "Out of Time", fandoms=["Torchwood"], author="Rhiannon").id
    ui_store.chapters.create(story_id, "Arrival", "They came through the Rift.")
    chapter_id = ui_store.chapters.create(story_id, "Leaving", "Emma waved goodbye.").id
    window = make_window(wire_services(ui_store))
    window.open_chapter(chapter_id)
    return window, project_id, story_id, chapter_id


def test_templates_are_grouped_by_kind_with_a_live_preview(
        qtbot: QtBot, opened: tuple[MainWindow, int, int, int], ui_store: Store) -> None:
    window, project_id, _, _ = opened
    dialog = window.open_templates()
    assert dialog is not None and dialog.isVisible()
    assert groups(dialog.list) == {
        "Disclaimers": ["Short disclaimer", "Standard disclaimer"], "Story start notes": ["Welcome note"],
        "Story end notes": ["Thank-you note"], "Chapter start notes": ["Chapter welcome"],
        "Chapter end notes": ["Chapter thanks"], "Header blocks": ["Header block"],
    }
    welcome = ui_store.templates.find(project_id, "Chapter welcome")
    dialog.select(welcome.id)
    assert dialog.name.text() == "Chapter welcome" and dialog.kind.currentData() == "chapter_start_note"
    assert dialog.preview_heading.text() == "Preview for “Out of Time”"
    assert dialog.preview.toPlainText().startswith("A/N: Welcome to chapter 2!")  # the open chapter's number

    # Typing updates the preview; an unknown placeholder is shown and named.
    dialog.body.setPlainText("{title} by {author}, {fandon} fic")
    qtbot.waitUntil(lambda: dialog.preview.toPlainText() == "Out of Time by Rhiannon, {fandon} fic", timeout=2000)
    assert dialog.problems.isVisible()
    assert "Unknown placeholder {fandon}" in dialog.problems.text()
    # ... and the text is saved as typed, without a Save button.
    qtbot.waitUntil(lambda: ui_store.templates.get(welcome.id).body == "{title} by {author}, {fandon} fic",
                    timeout=3000)
    dialog.body.setPlainText("{title} ({rating})")
    dialog.close()  # closing saves at once
    assert ui_store.templates.get(welcome.id).body == "{title} ({rating})"


def test_placeholders_without_a_value_are_pointed_out(
        qtbot: QtBot, opened: tuple[MainWindow, int, int, int], ui_store: Store) -> None:
    window, project_id, _, _ = opened
    dialog = window.open_templates()
    assert dialog is not None
    dialog.select(ui_store.templates.find(project_id, "Header block").id)
    assert dialog.empty_note.isVisible()
    assert "{relationships}" in dialog.empty_note.text() and "{summary}" in dialog.empty_note.text()
    assert "{title}" not in dialog.empty_note.text()


def test_add_rename_change_kind_and_delete(
        qtbot: QtBot, opened: tuple[MainWindow, int, int, int], ui_store: Store,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window, project_id, _, _ = opened
    dialog = window.open_templates()
    assert dialog is not None
    dialog.select(ui_store.templates.find(project_id, "Short disclaimer").id)
    dialog.add_button.click()  # a new template of the selected kind, ready to be named
    created = ui_store.templates.find(project_id, "New disclaimer")
    assert created.kind == "disclaimer" and dialog.template_id == created.id
    assert dialog.name.hasFocus() or dialog.name.selectedText() == "New disclaimer"

    dialog.name.setText("Crossover disclaimer")
    dialog.name.editingFinished.emit()
    assert ui_store.templates.get(created.id).name == "Crossover disclaimer"
    assert "Crossover disclaimer" in groups(dialog.list)["Disclaimers"]

    dialog.name.setText("Short disclaimer")  # taken: refused with a calm message, the name stays
    dialog.name.editingFinished.emit()
    assert ui_store.templates.get(created.id).name == "Crossover disclaimer"
    assert dialog.name.text() == "Crossover disclaimer"
    assert "already a template called" in dialog.status.text()

    dialog.kind.setCurrentIndex(dialog.kind.findData("story_end_note"))
    assert ui_store.templates.get(created.id).kind == "story_end_note"
    assert "Crossover disclaimer" in groups(dialog.list)["Story end notes"]
    assert dialog.use_button.text() == "Use as Story End Note"

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes))
    dialog.delete_button.click()
    assert "Crossover disclaimer" not in {t.name for t in ui_store.templates.list(project_id)}
    assert dialog.template_id is not None and dialog.template_id != created.id


def test_insert_at_cursor_is_one_undo_step_and_is_autosaved(
        qtbot: QtBot, opened: tuple[MainWindow, int, int, int], ui_store: Store) -> None:
    window, project_id, _, chapter_id = opened
    dialog = window.open_templates()
    assert dialog is not None
    dialog.select(ui_store.templates.find(project_id, "Short disclaimer").id)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClick(window.editor, "\r")
    dialog.insert_button.click()
    expected = ("Emma waved goodbye.\n"
                "Not mine: Torchwood belongs to their creators. I just like playing in their sandbox.")
    assert window.editor.chapter_text() == expected
    qtbot.waitUntil(lambda: ui_store.chapters.get(chapter_id).body == expected, timeout=3000)
    window.editor.undo()
    assert window.editor.chapter_text() == "Emma waved goodbye.\n"


def test_use_as_story_note_stores_the_text_and_the_template(
        opened: tuple[MainWindow, int, int, int], ui_store: Store) -> None:
    window, project_id, story_id, _ = opened
    dialog = window.open_templates()
    assert dialog is not None
    welcome = ui_store.templates.find(project_id, "Welcome note")
    dialog.select(welcome.id)
    assert dialog.use_button.text() == "Use as Story Start Note"
    menu = dialog.use_button.menu()
    assert menu is not None
    labels = [action.text() for action in menu.actions()]
    assert labels == ["Use as Story Disclaimer", "Use as Story Start Note", "Use as Story End Note"]
    menu.actions()[2].trigger()  # deliberately the end note
    story = ui_store.stories.get(story_id)
    assert story.end_note.startswith('Author\'s Note: Welcome to "Out of Time", a Torchwood story.')
    assert story.end_note_template_id == welcome.id
    assert story.start_note == "" and story.start_note_template_id is None
    assert "end note of “Out of Time”" in dialog.status.text()


def test_without_an_open_chapter_the_dialog_still_edits(
        make_window: WindowFactory, ui_store: Store) -> None:
    project_id = ui_store.projects.create("Torchwood").id
    window = make_window(wire_services(ui_store))
    from ficdesk.ui.tree import Node

    window.tree.select(Node("project", project_id))
    dialog = window.open_templates()
    assert dialog is not None
    assert "open a chapter" in dialog.preview_heading.text()
    assert not dialog.insert_button.isEnabled() and not dialog.use_button.isEnabled()
    assert "{owner}" not in dialog.preview.toPlainText()  # placeholders are still filled (empty or default)


def test_without_a_project_there_is_a_calm_message(
        make_window: WindowFactory, ui_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(AppServices(ui_store))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: shown.append(text)))
    assert not window.templates_action.isEnabled()
    assert window.open_templates() is None
    assert shown and "Create a project first" in shown[0]


def test_preview_says_so_when_rendering_is_not_wired(qtbot: QtBot, ui_store: Store) -> None:
    project_id = ui_store.projects.create("Torchwood").id
    dialog = TemplatesDialog(AppServices(ui_store), project_id)
    qtbot.addWidget(dialog)
    assert "not available" in dialog.problems.text()
    assert not dialog.insert_button.isEnabled()


def test_the_open_dialog_follows_the_chapter_opened_meanwhile(
        opened: tuple[MainWindow, int, int, int], ui_store: Store) -> None:
    window, project_id, story_id, _ = opened
    dialog = window.open_templates()
    assert dialog is not None
    dialog.select(ui_store.templates.find(project_id, "Chapter welcome").id)
    assert dialog.preview.toPlainText().startswith("A/N: Welcome to chapter 2!")
    first = ui_store.chapters.list(story_id)[0].id
    window.open_chapter(first)
    assert window.open_templates() is dialog  # the same dialog, brought up to date
    assert dialog.preview.toPlainText().startswith("A/N: Welcome to chapter 1!")
    window.close_chapter()
    dialog.refresh_preview()
    assert dialog.chapter_id is None and not dialog.insert_button.isEnabled()
