"""A save that fails (another connection holds the SQLite file) never throws the typed text away.

Real SQLite file, a real second ``sqlite3`` connection holding ``BEGIN EXCLUSIVE``, the real window;
the busy timeout is shortened so each failing save takes 0.3 s instead of 5 s.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ficdesk import recovery
from ficdesk.store import Store, database, open_store
from ficdesk.ui.services import AppServices
from ficdesk.ui.tree import Node
from tests.ui.conftest import WindowFactory, story_with_chapters
from tests.ui.modal import ModalAnswers


@pytest.fixture
def quick_store(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 300)
    store = open_store(f"sqlite:///{db_path}")
    yield store
    store.close()


class Holder:
    """Another program holding the database's write lock until released."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None)
        self.connection.execute("BEGIN EXCLUSIVE")

    def release(self) -> None:
        self.connection.rollback()
        self.connection.close()


def test_a_switch_or_a_close_during_failing_saves_asks_and_keeps_the_text(
        qtbot: QtBot, make_window: WindowFactory, quick_store: Store, db_path: Path) -> None:
    _, _, ids = story_with_chapters(quick_store, ["First.", "Second."])
    window = make_window(AppServices(quick_store), autosave_ms=60_000)
    url = window.database_url
    assert window.open_chapter(ids[0])
    qtbot.keyClicks(window.editor, "Kept words. ")
    holder = Holder(db_path)
    try:
        answers = ModalAnswers("Retry", "Keep Editing")
        window.tree.setCurrentItem(window.tree.item_for(Node("chapter", ids[1])))  # the author clicks
        assert answers.done and "locked" in answers.seen[0]
        assert window.chapter_id == ids[0] and window.tree.current_node() == Node("chapter", ids[0])
        assert window.editor.chapter_text() == "Kept words. First."
        assert window.save_label.text() == "Not saved"
        assert "could not be saved" in window.notice_text.text()
        copy = recovery.pending(url)[0]
        assert (copy.chapter_id, copy.text) == (ids[0], "Kept words. First.")

        qtbot.keyClicks(window.editor, "More. ")
        answers = ModalAnswers("Keep Editing")
        assert not window.close()  # closing asks too, and keeps the window open
        assert answers.done and window.isVisible()
        assert window.editor.chapter_text() == "Kept words. More. First."
        assert recovery.pending(url)[0].text == "Kept words. More. First."  # the copy follows the text
    finally:
        holder.release()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT body FROM chapter WHERE id = ?", (ids[0],)).fetchone() == ("First.",)
    assert window.open_chapter(ids[1])  # the lock is gone: the switch saves without asking
    assert quick_store.chapters.get(ids[0]).body == "Kept words. More. First."
    assert recovery.pending(url) == []


def test_an_autosave_that_fails_on_the_worker_still_blocks_the_switch(
        qtbot: QtBot, make_window: WindowFactory, quick_store: Store, db_path: Path) -> None:
    _, _, ids = story_with_chapters(quick_store, ["First.", "Second."])
    window = make_window(AppServices(quick_store), autosave_ms=50)
    assert window.open_chapter(ids[0])
    holder = Holder(db_path)
    try:
        qtbot.keyClicks(window.editor, "Typed. ")
        window.session.saver.wait()  # the autosave ran and failed; its signal may still be queued
        answers = ModalAnswers("Keep Editing")
        assert not window.open_chapter(ids[1])
        assert answers.done
        assert window.editor.chapter_text() == "Typed. First."
    finally:
        holder.release()
    qtbot.keyClicks(window.editor, "Again. ")  # typing tries again
    qtbot.waitUntil(lambda: quick_store.chapters.get(ids[0]).body == "Typed. Again. First.", timeout=5000)
    qtbot.waitUntil(lambda: window.save_label.text() == "Saved", timeout=3000)


def test_save_a_copy_as_a_file_lets_the_author_leave_and_the_copy_is_offered_next_start(
        qtbot: QtBot, make_window: WindowFactory, quick_store: Store, db_path: Path, tmp_path: Path) -> None:
    _, _, ids = story_with_chapters(quick_store, ["First.", "Second."])
    window = make_window(AppServices(quick_store), autosave_ms=60_000)
    url = window.database_url
    assert window.open_chapter(ids[0])
    qtbot.keyClicks(window.editor, "Precious. ")
    target = tmp_path / "mine.txt"
    holder = Holder(db_path)
    try:
        window.session.choose_copy_file = lambda: target  # the Save dialog's answer
        answers = ModalAnswers("Save a Copy as a File…")
        assert window.close()
        assert answers.done
    finally:
        holder.release()
    assert target.read_text(encoding="utf-8") == "Precious. First."
    assert quick_store.chapters.get(ids[0]).body == "First."
    assert [copy.text for copy in recovery.pending(url)] == ["Precious. First."]

    again = open_store(f"sqlite:///{db_path}")
    try:
        second = make_window(AppServices(again))
        assert second.open_initial_chapter()
        assert second.recovery.isVisible() and "Precious" not in second.editor.chapter_text()
        assert "Put it back" in second.recovery.text.text()
        second.recovery.put_back_button.click()
        assert second.chapter_id == ids[0]
        assert second.editor.chapter_text() == "Precious. First."
        assert again.chapters.get(ids[0]).body == "Precious. First."
        assert recovery.pending(url) == [] and not second.recovery.isVisible()
        second.editor.undo()  # putting it back is one undo step
        assert second.editor.chapter_text() == "First."
    finally:
        second.close()
        again.close()


def test_the_emergency_copy_is_written_atomically(tmp_path: Path) -> None:
    path = recovery.write_copy("sqlite:///x", 7, "A — Chapter 1", "First text.", "locked")
    recovery.write_copy("sqlite:///x", 7, "A — Chapter 1", "Second text.", "locked")
    assert [copy.text for copy in recovery.pending("sqlite:///x")] == ["Second text."]
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind
    assert recovery.pending("sqlite:///other") == []
