"""The real main window on a real SQLite store: tree, editing, autosave, conflicts, find and replace."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from ficdesk.store import Store, open_store
from ficdesk.ui.services import AppServices
from ficdesk.ui.tree import Node
from tests.ui.conftest import WindowFactory, story_with_chapters
from tests.ui.modal import ModalAnswers


def tree_labels(window: object) -> list[tuple[str, int, str]]:
    """(kind, depth, label) of every tree row, top to bottom."""
    from ficdesk.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    rows: list[tuple[str, int, str]] = []

    def walk(item: object, depth: int) -> None:
        from PySide6.QtWidgets import QTreeWidgetItem

        assert isinstance(item, QTreeWidgetItem)
        node: Node = item.data(0, Qt.ItemDataRole.UserRole)
        rows.append((node.kind, depth, item.text(0)))
        for i in range(item.childCount()):
            walk(item.child(i), depth + 1)

    for i in range(window.tree.topLevelItemCount()):
        walk(window.tree.topLevelItem(i), 0)
    return rows


def answer_dialogs(monkeypatch: pytest.MonkeyPatch, *answers: str) -> None:
    """Make QInputDialog.getText return ``answers`` in turn (as if typed and confirmed)."""
    queue = list(answers)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, **_k: (queue.pop(0), True)))


def test_tree_shows_projects_stories_and_chapters(make_window: WindowFactory, ui_store: Store) -> None:
    story_with_chapters(ui_store, ["One two three.", "Four five."])
    window = make_window(AppServices(ui_store))
    assert tree_labels(window) == [
        ("project", 0, "Torchwood"), ("story", 1, "Goodbye My Lover"),
        ("chapter", 2, "Chapter 1"), ("chapter", 2, "Chapter 2"),
    ]
    story_item = window.tree.topLevelItem(0).child(0)  # type: ignore[union-attr]
    assert story_item.text(1) == "5"  # story word count


def test_empty_database_shows_the_welcome_page(make_window: WindowFactory, ui_store: Store) -> None:
    window = make_window(AppServices(ui_store))
    assert window.pages.currentWidget() is window.welcome
    assert window.welcome_button.text() == "Create a Project…"
    assert window.issues.empty.text() == "Open a chapter to see its issues."
    assert "not available" in window.canon.message.text()


def test_create_rename_trash_and_restore_through_the_actions(
        make_window: WindowFactory, ui_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(AppServices(ui_store))
    answer_dialogs(monkeypatch, "Torchwood", "Reset", "Cardiff Nights")
    window.new_project_action.trigger()
    window.new_story_action.trigger()
    project = ui_store.projects.find("Torchwood")
    story = ui_store.stories.find(project.id, "Reset")
    first = ui_store.chapters.list(story.id)[0]
    assert window.chapter_id == first.id  # a new story opens its first chapter
    window.new_chapter_action.trigger()
    second = ui_store.chapters.list(story.id)[1]
    assert window.chapter_id == second.id
    window.rename_action.trigger()
    assert ui_store.chapters.get(second.id).title == "Cardiff Nights"
    assert ("chapter", 2, "Cardiff Nights") in tree_labels(window)

    answers = ModalAnswers("Move to Trash")
    window.delete_action.trigger()
    assert answers.done and "Cardiff Nights" in answers.seen[0]
    assert [c.id for c in ui_store.chapters.list(story.id)] == [first.id]
    assert window.chapter_id is None  # the open chapter was closed (and saved) first
    assert ("chapter", 2, "Cardiff Nights") not in tree_labels(window)

    window.show_trash_action.trigger()
    assert ("chapter", 2, "Cardiff Nights (in trash)") in tree_labels(window)
    window.tree.select(Node("chapter", second.id))
    assert window.restore_action.isEnabled()
    window.restore_action.trigger()
    assert [c.id for c in ui_store.chapters.list(story.id)] == [first.id, second.id]


def test_user_errors_become_a_message_not_a_traceback(
        make_window: WindowFactory, ui_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    story_with_chapters(ui_store, ["Text."])
    window = make_window(AppServices(ui_store))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _parent, _title, text: shown.append(text)))
    window.tree.select(Node("project", ui_store.projects.list()[0].id))
    assert window.tree_actions.new_story("   x   ") is not None
    assert window.attempt(lambda: ui_store.projects.rename(ui_store.projects.list()[0].id, "  ")) is False
    assert shown == ["a name cannot be empty"]


def test_dragging_a_chapter_reorders_the_story(make_window: WindowFactory, ui_store: Store) -> None:
    _, story_id, ids = story_with_chapters(ui_store, ["A.", "B.", "C."])
    window = make_window(AppServices(ui_store))
    tree = window.tree
    tree.select(Node("chapter", ids[0]))
    target = tree.item_for(Node("chapter", ids[2]))
    assert target is not None
    rect = tree.visualItemRect(target)
    point = QPoint(rect.center().x(), rect.bottom() - 1)  # lower half of the last chapter: after it
    mime = tree.model().mimeData([tree.currentIndex()])
    drop = QDropEvent(point.toPointF(), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    tree.dropEvent(drop)
    assert [c.id for c in ui_store.chapters.list(story_id)] == [ids[1], ids[2], ids[0]]
    assert [label for kind, _, label in tree_labels(window) if kind == "chapter"] == [
        "Chapter 2", "Chapter 3", "Chapter 1"]


def test_typing_is_autosaved_after_a_pause(qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, ["Jack ran."])
    window = make_window(AppServices(ui_store), autosave_ms=150)
    assert window.open_chapter(ids[0])
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, " Ianto followed.")
    assert window.save_label.text() == "Saving…"
    qtbot.waitUntil(lambda: ui_store.chapters.get(ids[0]).body == "Jack ran. Ianto followed.", timeout=3000)
    qtbot.waitUntil(lambda: window.save_label.text() == "Saved")
    assert ui_store.chapters.get(ids[0]).version == window.version
    qtbot.waitUntil(lambda: window.count_label.text() == "Chapter 4 words · Story 4 words")
    assert window.today_label.text() == "2 words today"
    assert window.last_save_ms < 1000


def test_switching_chapters_and_closing_save_without_asking(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, ["First.", "Second."])
    window = make_window(AppServices(ui_store), autosave_ms=60_000)
    window.open_chapter(ids[0])
    qtbot.keyClicks(window.editor, "Edited. ")
    window.tree.select(Node("chapter", ids[1]))  # switching chapters saves at once
    assert window.chapter_id == ids[1]
    assert ui_store.chapters.get(ids[0]).body == "Edited. First."
    qtbot.keyClicks(window.editor, "Also. ")
    window.close()  # no "save changes?" dialog: it is simply saved
    assert ui_store.chapters.get(ids[1]).body == "Also. Second."


def test_a_conflict_keeps_both_texts(qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, ["Original."])
    window = make_window(AppServices(ui_store), autosave_ms=60_000)
    window.open_chapter(ids[0])
    # Another window or process saves the same chapter in between.
    ui_store.chapters.save_text(ids[0], "Written elsewhere.", expected_version=window.version)
    qtbot.keyClicks(window.editor, "Mine: ")
    assert window.save_now()
    assert ui_store.chapters.get(ids[0]).body == "Mine: Original."
    kept = [snapshot.body for snapshot in ui_store.snapshots.list(ids[0])]
    assert "Written elsewhere." in kept
    assert window.notice.isVisible()
    assert "Both texts are kept" in window.notice_text.text()
    qtbot.keyClicks(window.editor, "more ")  # and the next save is based on the new version
    assert window.save_now()
    assert ui_store.chapters.get(ids[0]).body == "Mine: more Original."


def test_text_survives_a_restart_on_the_same_database(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store, db_path: Path) -> None:
    _, _, ids = story_with_chapters(ui_store, ["Start.", "Other."])
    window = make_window(AppServices(ui_store))
    window.open_chapter(ids[1])
    window.editor.textCursor().insertText("No\u00a0break 🙂 ")  # QTest cannot type astral characters
    window.close()
    again = open_store(f"sqlite:///{db_path}")
    try:
        second = make_window(AppServices(again))
        assert second.open_initial_chapter()
        assert second.chapter_id == ids[1]  # the chapter open last time
        assert second.editor.chapter_text() == "No\u00a0break 🙂 Other."
    finally:
        second.close()
        again.close()


def test_find_and_replace(qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, ["🙂 Jack smiled.\nJack laughed. jack?"])
    window = make_window(AppServices(ui_store))
    window.open_chapter(ids[0])
    window.find_action.trigger()
    bar = window.find_bar
    assert bar.isVisible()
    bar.find_field.setText("Jack")
    bar.case.setChecked(True)
    assert bar.find_next()
    assert window.editor.textCursor().selectedText() == "Jack"
    assert window.editor.textCursor().selectionStart() == 3  # after the emoji (2 UTF-16 units) and a space
    bar.replace_field.setText("Ianto")
    bar.replace()
    assert window.editor.chapter_text() == "🙂 Ianto smiled.\nJack laughed. jack?"
    bar.case.setChecked(False)
    assert bar.replace_all() == 2
    assert window.editor.chapter_text() == "🙂 Ianto smiled.\nIanto laughed. Ianto?"
    window.editor.undo()  # replace all is one undo step
    assert window.editor.chapter_text() == "🙂 Ianto smiled.\nJack laughed. jack?"


def test_markup_shortcuts_and_scene_break(qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, ["word"])
    window = make_window(AppServices(ui_store))
    window.open_chapter(ids[0])
    window.editor.selectAll()
    window.bold_action.trigger()
    assert window.editor.chapter_text() == "**word**"
    window.scene_break_action.trigger()
    assert window.editor.chapter_text() == "**word**\n* * *\n"


def test_distraction_free_mode_hides_everything_but_the_text(
        make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, ["Quiet."])
    window = make_window(AppServices(ui_store))
    window.open_chapter(ids[0])
    window.focus_action.trigger()
    assert window.in_focus_mode
    assert not window.tree_dock.isVisible() and not window.issues_dock.isVisible()
    assert not window.menuBar().isVisible() and window.editor.isVisible()
    window.leave_focus_action.trigger()
    assert not window.in_focus_mode
    assert window.tree_dock.isVisible() and window.menuBar().isVisible()


def test_a_conflict_during_autosave_keeps_both_texts(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, ["Original."])
    window = make_window(AppServices(ui_store), autosave_ms=100)
    window.open_chapter(ids[0])
    ui_store.chapters.save_text(ids[0], "Written elsewhere.", expected_version=window.version)
    qtbot.keyClicks(window.editor, "Mine: ")
    qtbot.waitUntil(lambda: ui_store.chapters.get(ids[0]).body == "Mine: Original.", timeout=3000)
    qtbot.waitUntil(window.notice.isVisible, timeout=3000)
    assert [s.body for s in ui_store.snapshots.list(ids[0])] == ["Written elsewhere."]
    assert window.version == ui_store.chapters.get(ids[0]).version


def test_a_second_window_on_the_same_sqlite_file_opens_read_only(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib
    import sqlite3

    from ficdesk.ui.app import open_window

    path = tmp_path / "shared.sqlite3"
    url = f"sqlite:///{path}"
    first = open_window(url)
    qtbot.addWidget(first)
    first.settings.autosave_ms = 200
    second = open_window(url)
    qtbot.addWidget(second)
    assert not first.read_only
    assert second.read_only and second.editor.isReadOnly()
    assert "already open" in second.notice_text.text()

    def rows() -> str:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            dump = "\n".join(conn.iterdump())
        return hashlib.sha256(dump.encode()).hexdigest()

    before = rows()
    assert second.open_initial_chapter()  # the sample chapter, shown but not writable
    second.session.set_autosave_interval(100)
    assert second.editor.isReadOnly()
    second.editor.setFocus()
    qtbot.keyClicks(second.editor, "Typed in the second window. ")
    qtbot.keyClick(second.editor, Qt.Key.Key_Return)
    qtbot.keyClick(second.editor, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(400)
    assert "Typed in the second window" not in second.editor.chapter_text()
    assert second.save_label.text() == "Read-only"
    # Every other path that writes is closed too: actions off, and the methods refuse when called.
    for action in (second.new_project_action, second.new_story_action, second.new_chapter_action,
                   second.rename_action, second.delete_action, second.story_properties_action,
                   second.templates_action, second.import_action, second.snapshots_action,
                   second.bold_action, second.scene_break_action, second.replace_action):
        assert not action.isEnabled(), action.text()
    answer_dialogs(monkeypatch, "Sneaky", "Sneaky", "Sneaky")
    assert second.tree_actions.new_project() is None and second.tree_actions.new_story() is None
    assert second.tree_actions.new_chapter() is None
    second.tree_actions.rename_selected("Renamed")
    second.tree_actions.trash_selected()
    chapter_id = second.chapter_id
    assert chapter_id is not None
    second.tree_actions.move_chapter(chapter_id, 5)
    second.insert_text("Inserted. ")
    second.insert_scene_break()
    second.find_bar.find_field.setText("the")
    second.find_bar.replace_field.setText("THE")
    assert second.find_bar.replace_all() == 0
    assert second.open_templates() is None and second.import_draft(tmp_path / "x.txt") is None
    assert second.open_snapshots() is None
    assert second.canon.services.canon_import is None and second.canon.services.canon_set_note is None
    assert not second.canon.import_button.isEnabled()
    qtbot.wait(300)
    assert rows() == before, "the read-only window changed the database"
    assert second.close()
    first.close()
    third = open_window(url)
    qtbot.addWidget(third)
    assert not third.read_only
    third.close()
    for window in (first, second, third):
        window.store.close()
