"""Story properties saved from the window are based on the version the form showed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from ficdesk.store import Store, open_store
from ficdesk.ui.dialogs import StoryDialog
from tests.ui.conftest import WindowFactory, story_with_chapters
from tests.ui.seams import seam_services
from tests.ui.test_journey import when_modal


def test_story_properties_changed_elsewhere_are_not_overwritten(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store, db_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _, story_id, ids = story_with_chapters(ui_store, ["Text."])
    window = make_window(seam_services(ui_store))
    window.reload_tree()
    assert window.open_chapter(ids[0])
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *_a: warned.append(text)))

    def edit_while_another_machine_saves(dialog: QDialog) -> None:
        assert isinstance(dialog, StoryDialog)
        try:
            other = open_store(f"sqlite:///{db_path}")  # a second machine saves the summary meanwhile
            other.stories.update(story_id, summary="Written on the laptop.")
            other.close()
            dialog.summary.setPlainText("Written on the desktop.")
        finally:
            dialog.accept()  # never leave a modal dialog open: the test would hang

    when_modal(StoryDialog, edit_while_another_machine_saves)
    window.story_properties_action.trigger()
    assert ui_store.stories.get(story_id).summary == "Written on the laptop."
    assert len(warned) == 1 and "changed elsewhere" in warned[0]
