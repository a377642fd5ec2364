"""Snapshots in the window: take, compare, restore; a snapshot before "Replace all"."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ficdesk.store import Store
from ficdesk.ui.services import AppServices
from tests.ui.conftest import WindowFactory, story_with_chapters


def _type(window: object, text: str) -> None:
    editor = window.editor  # type: ignore[attr-defined]
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.insertPlainText(text)


def test_take_compare_and_restore_a_snapshot(qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    store = ui_store
    _project, _story, chapters = story_with_chapters(store, ["Owen frowns at the Rift monitor."])
    window = make_window(AppServices(store=store))
    window.open_chapter(chapters[0])
    dialog = window.open_snapshots()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.take()
    assert dialog.list.topLevelItemCount() == 1
    _type(window, " Then he grins.")
    window.save_now()
    dialog.reload()
    assert "+Owen frowns at the Rift monitor. Then he grins." in dialog.diff.toPlainText()
    assert "-Owen frowns at the Rift monitor." in dialog.diff.toPlainText()
    dialog.restore_selected()
    assert window.editor.chapter_text() == "Owen frowns at the Rift monitor."
    assert store.chapters.get(chapters[0]).body == "Owen frowns at the Rift monitor."
    reasons = [s.reason for s in store.snapshots.list(chapters[0])]
    assert any(reason.startswith("before restoring") for reason in reasons)
    kept = [s.body for s in store.snapshots.list(chapters[0])]
    assert "Owen frowns at the Rift monitor. Then he grins." in kept


def test_replace_all_takes_a_snapshot_first(qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    store = ui_store
    _project, _story, chapters = story_with_chapters(store, ["Jack smiles. Jack waits. Jack leaves."])
    window = make_window(AppServices(store=store))
    window.open_chapter(chapters[0])
    window.find_bar.open_bar(replace=True)
    window.find_bar.find_field.setText("Jack")
    window.find_bar.replace_field.setText("Ianto")
    assert window.find_bar.replace_all() == 3
    window.save_now()
    snapshots = store.snapshots.list(chapters[0])
    assert snapshots[0].reason == "before replace all"
    assert snapshots[0].body == "Jack smiles. Jack waits. Jack leaves."
    assert store.chapters.get(chapters[0]).body == "Ianto smiles. Ianto waits. Ianto leaves."
