"""The author corrects the canon in the real Canon panel of the real MainWindow, with the real store behind it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from ficdesk.canon.model import EntityType
from ficdesk.store import Store, open_store
from ficdesk.ui.canon_edit_dialog import AddEntryDialog
from ficdesk.ui.canon_panel import MENTIONED_LABEL, NOT_CANON_LABEL, CanonPanel
from ficdesk.ui.main_window import MainWindow
from tests.canon.test_canon_edits import ARTICLE
from tests.ui.conftest import story_with_chapters
from tests.ui.test_journey import real_window, when_modal


def _groups(panel: CanonPanel) -> dict[str, list[str]]:
    tree = panel.tree
    result: dict[str, list[str]] = {}
    for g in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(g)
        assert group is not None
        result[group.text(0)] = [group.child(c).text(0) for c in range(group.childCount())]  # type: ignore[union-attr]
    return result


def _open(qtbot: QtBot, tmp_path: Path) -> tuple[MainWindow, Store, int]:
    url = f"sqlite:///{tmp_path / 'panel.sqlite3'}"
    store = open_store(url)
    project, _, ids = story_with_chapters(store, ["Gregor waited."], project="Marsh")
    store.canon.import_source(project, "marsh.txt", ARTICLE)
    store.close()
    window = real_window(qtbot, url)
    window.open_chapter(ids[0])
    qtbot.waitUntil(lambda: window.canon.project_id == project and not window.canon.reading, timeout=10_000)
    return window, window.store, project


def _show(panel: CanonPanel, name: str) -> None:
    panel.show_entity(next(e for e in panel._entities if e.name == name))


def test_every_correction_from_the_panel(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window, store, project = _open(qtbot, tmp_path)
    panel = window.canon
    assert panel.edit_button.isEnabled()
    answers: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, **_k: (answers.pop(0), True)))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *_a, **_k: (answers.pop(0), True)))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes))

    _show(panel, "Niall Quinn")
    answers.append("Niall J. Quinn")
    panel.edit_actions["rename"].trigger()
    assert panel._shown is not None and panel._shown.name == "Niall J. Quinn"
    panel.edit_actions[f"type:{EntityType.ORGANISATION.value}"].trigger()
    assert store.canon.find(project, "Niall J. Quinn").type is EntityType.ORGANISATION
    assert "Niall J. Quinn" in _groups(panel)["Organisations"]

    _show(panel, "Elsie Brandt")
    answers.append("Els")
    panel.edit_actions["alias-add"].trigger()
    assert "Els" in store.canon.find(project, "Elsie Brandt").aliases
    answers.append("Els")
    panel.edit_actions["alias-remove"].trigger()
    assert "Els" not in store.canon.find(project, "Elsie Brandt").aliases

    gregor = store.canon.find(project, "Gregor Marsh").name
    _show(panel, gregor)
    answers.append("Sandor Marsh")
    panel.edit_actions["merge"].trigger()
    assert "Sandor Marsh" in store.canon.find(project, "Gregor Marsh").aliases
    answers.append("Sandor Marsh")
    panel.edit_actions["split"].trigger()
    assert panel._shown is not None and panel._shown.name == "Sandor Marsh"
    assert "Sandor Marsh" not in store.canon.find(project, "Gregor Marsh").aliases

    panel.edit_actions["not-canon"].trigger()
    assert _groups(panel)[NOT_CANON_LABEL] == ["Sandor Marsh"]
    assert panel.edit_actions["not-canon"].text() == "Mark canon again"

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AddEntryDialog)
        dialog.name.setText("Myra")
        dialog.type.setCurrentIndex(dialog.type.findData("episode"))
        dialog.aliases.setText("Myra's Day, MD")
        dialog.accept()

    when_modal(AddEntryDialog, fill)
    panel.edit_actions["add"].trigger()
    myra = store.canon.find(project, "MD")
    assert myra.name == "Myra" and myra.type is EntityType.EPISODE and "Episodes" in _groups(panel)

    _show(panel, "Tomas Varga")
    panel.edit_actions["delete"].trigger()
    assert "Tomas Varga" not in {e.name for e in store.canon.entities(project)}
    assert panel.message.text() == "Deleted “Tomas Varga”."

    answers.append("Elsie Brandt")  # a name another entry has: one calm message, nothing changed
    _show(panel, "Myra")
    panel.edit_actions["rename"].trigger()
    assert "merge them instead" in panel.message.text()
    assert store.canon.find(project, "Myra").name == "Myra"

    # a re-import of the same source keeps every correction made in the panel
    store.canon.import_source(project, "marsh.txt", ARTICLE)
    panel.reload()
    groups = _groups(panel)
    assert "Niall J. Quinn" in groups["Organisations"] and groups[NOT_CANON_LABEL] == ["Sandor Marsh"]
    assert all("Tomas Varga" not in names for names in groups.values()) and "Myra" in groups["Episodes"]


def test_mentioned_entries_are_listed_apart(qtbot: QtBot, tmp_path: Path) -> None:
    window, store, project = _open(qtbot, tmp_path)
    text = ("Gregor Marsh is the villain of the series Marsh Lights. Critics compared him to "
            "Vex Arno in Starfall Nine, a different show.")
    store.canon.import_source(project, "compare.txt", text)
    window.canon.reload()
    groups = _groups(window.canon)
    assert "Vex Arno" in groups.get(MENTIONED_LABEL, []), groups
    assert "Vex Arno" not in groups.get("Characters", [])
