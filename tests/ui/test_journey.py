"""The acceptance journey of issue 6, on the real window with the REAL core behind it (``wire_services``).

No seams: the real checker finds "he's eyes", the real canon builder reads seed 002, the real
template renderer fills the disclaimer, the real exporter writes the .txt, and a second window on
the same SQLite file finds everything again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog
from pytestqt.qtbot import QtBot

from ficdesk.store import open_store
from ficdesk.ui.app import open_window
from ficdesk.ui.dialogs import ExportDialog, StoryDialog
from ficdesk.ui.main_window import MainWindow
from ficdesk.ui.services import wire_services
from ficdesk.ui.settings import load_settings
from tests.conftest import SEEDS
from tests.ui.test_checking import wavy_ranges

SEED_CANON = SEEDS / "002_82af6f4747969ed5.txt"
SENTENCE = "Jack kept looking into he's eyes while the Rift alarm wailed."


def real_window(qtbot: QtBot, url: str) -> MainWindow:
    store = open_store(url)
    settings = load_settings()
    settings.theme = "light"
    settings.autosave_ms = 200
    window = MainWindow(wire_services(store), settings, url)
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    return window


def when_modal(dialog_type: type[QDialog], act: Callable[[QDialog], None]) -> None:
    """Act on the next modal dialog of ``dialog_type`` once its event loop runs (as the author would)."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, dialog_type):
            QTimer.singleShot(20, run)
            return
        act(dialog)

    QTimer.singleShot(0, run)


def test_the_acceptance_journey(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'journey.sqlite3'}"
    window = real_window(qtbot, url)
    store = window.store

    # 1. Create a project and a story (answering the name prompts); the story's first chapter opens.
    answers = ["Torchwood", "Coffee and Rifts"]
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, **_k: (answers.pop(0), True)))
    window.new_project_action.trigger()
    window.new_story_action.trigger()
    project = store.projects.find("Torchwood")
    story = store.stories.find(project.id, "Coffee and Rifts")
    chapter_id = store.chapters.list(story.id)[0].id
    assert window.chapter_id == chapter_id

    def fill_story(dialog: QDialog) -> None:
        assert isinstance(dialog, StoryDialog)
        dialog.fandoms.setText("Torchwood")
        dialog.author.setText("Rhiannon")
        dialog.accept()

    when_modal(StoryDialog, fill_story)
    window.story_properties_action.trigger()
    assert store.stories.get(story.id).fandoms == ["Torchwood"]

    # 2. Import seed 002 as canon from the Canon panel (a worker thread; progress shows meanwhile).
    with qtbot.waitSignal(window.canon.importFinished, timeout=60_000) as imported:
        window.canon.start_import(SEED_CANON)
        assert window.canon.progress.isVisible()
    assert imported.args is not None and imported.args[0] > 0
    assert "Ianto Jones" in {entity.name for entity in store.canon.entities(project.id)}

    # 3. Write the sentence; the real checker underlines "he's" and lists it.
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, SENTENCE)
    window.checker.run_now()
    assert window.checker.wait_idle(60_000)
    qtbot.waitUntil(lambda: any(issue.flagged == "he's" for issue in window.issues.issues()), timeout=10_000)
    issue = next(issue for issue in window.issues.issues() if issue.flagged == "he's")
    assert issue.match.replacements[0] == "his"
    start = SENTENCE.index("he's")
    assert (start, len("he's")) in wavy_ranges(window, 0)
    row = window.issues.issues().index(issue)
    assert "[he's]" in window.issues.row_text(row, 1)

    # 4. Apply "his" from the Issues panel: the text changes and the finding goes away.
    window.issues.select_row(row)
    assert window.issues.apply_button.text() == "Apply “his”"
    window.issues.apply_button.click()
    assert window.editor.chapter_text() == SENTENCE.replace("he's", "his")
    qtbot.waitUntil(lambda: all(i.flagged != "he's" for i in window.issues.issues()), timeout=10_000)
    assert all(length != 4 or begin != start for begin, length in wavy_ranges(window, 0))

    # 5. Search the canon with a typo.
    window.canon_search_action.trigger()
    qtbot.keyClicks(window.canon.search, "Ianot")
    window.canon.run_search()
    current = window.canon.tree.currentItem()
    assert current is not None and current.text(0) == "Ianto Jones"
    assert "Ianto" in window.canon.details.toPlainText()

    # 6. The disclaimer template, rendered for this story, becomes the story's disclaimer.
    window.templates_action.trigger()
    dialog = window.templates_dialog
    assert dialog is not None and dialog.isVisible()
    standard = store.templates.find(project.id, "Standard disclaimer")
    dialog.select(standard.id)
    assert dialog.template_id == standard.id
    assert dialog.preview.toPlainText().startswith("I don't own Torchwood or any of its characters")
    assert not dialog.problems.isVisible()
    assert dialog.use_button.text() == "Use as Story Disclaimer"
    dialog.use_button.click()
    stored = store.stories.get(story.id)
    assert stored.disclaimer == dialog.preview.toPlainText()
    assert stored.disclaimer_template_id == standard.id
    dialog.close()

    # 7. Export to .txt through the Export dialog and read the file.
    export_path = tmp_path / "coffee-and-rifts.txt"

    def save_export(export: QDialog) -> None:
        assert isinstance(export, ExportDialog)
        export.format.setCurrentIndex(export.format.findData("txt"))
        export.save_to(str(export_path))
        export.accept()

    window.tree.setFocus()
    when_modal(ExportDialog, save_export)
    window.export_action.trigger()
    exported = export_path.read_text(encoding="utf-8")
    assert exported.startswith("Title: Coffee and Rifts\n")
    assert "Author: Rhiannon" in exported
    disclaimer = next(line for line in exported.splitlines() if line.startswith("Disclaimer:"))
    assert "I don't own Torchwood or any of its characters; they belong to their creators." in disclaimer
    assert "Jack kept looking into his eyes while the Rift alarm wailed." in exported

    # 8. Close the window (nothing asks to save) and open a new one on the same database.
    window.close()
    store.close()
    again = open_window(url)  # the application's own start-up path
    qtbot.addWidget(again)
    again.show()
    try:
        assert [p.name for p in again.store.projects.list()] == ["Torchwood"]  # no sample added
        assert again.open_initial_chapter()
        assert again.chapter_id == chapter_id
        assert again.editor.chapter_text() == SENTENCE.replace("he's", "his")
        again.canon.search.setText("Ianot")
        again.canon.run_search()
        found = again.canon.tree.currentItem()
        assert found is not None and found.text(0) == "Ianto Jones"
        reopened = again.store.stories.get(story.id)
        assert "I don't own Torchwood" in reopened.disclaimer
        assert reopened.disclaimer_template_id == standard.id
    finally:
        again.close()
        again.store.close()
