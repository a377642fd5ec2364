"""File ▸ Import Draft on the real window with the real draft importer (``ficdesk.formats``)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ficdesk.formats import import_file
from ficdesk.formats.model import ImportedStory
from ficdesk.store import Store
from ficdesk.ui.import_dialog import ImportDialog
from ficdesk.ui.main_window import MainWindow
from ficdesk.ui.services import AppServices, wire_services
from ficdesk.ui.tree import Node
from tests.conftest import SEEDS
from tests.ui.conftest import WindowFactory

DRAFT = """Title: The Long Way Round
Author: Rhiannon
Fandom: Torchwood
Rating: Teen And Up Audiences

Chapter 1: Rain

Jack stood on the roof and watched the rain.

Chapter 2: Sun

Ianto brought coffee, as always.
"""


def window_on_project(make_window: WindowFactory, store: Store, services: AppServices | None = None) -> MainWindow:
    project_id = store.projects.create("Torchwood").id
    window = make_window(services or wire_services(store))
    window.tree.select(Node("project", project_id))
    return window


def read(qtbot: QtBot, dialog: ImportDialog | None) -> ImportDialog:
    assert dialog is not None
    with qtbot.waitSignal(dialog.ready, timeout=30_000):
        pass
    return dialog


def test_a_draft_is_previewed_then_stored_as_a_new_story(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "long-way-round.txt"
    path.write_text(DRAFT, encoding="utf-8")
    window = window_on_project(make_window, ui_store)
    assert window.import_action.isEnabled()
    dialog = window.import_draft(path)
    assert dialog is not None and dialog.isVisible()
    assert dialog.progress.isVisible() and not dialog.import_button.isEnabled()  # busy while reading
    read(qtbot, dialog)
    assert not dialog.progress.isVisible()
    assert dialog.title.text() == "The Long Way Round"
    assert dialog.fields["author"].text() == "Rhiannon"
    assert dialog.fields["fandom"].text() == "Torchwood"
    assert dialog.fields["rating"].text() == "Teen And Up Audiences"
    assert dialog.read_as.text() == "Plain text, utf-8 encoding"
    assert dialog.sources["author"].text() == "from: Author: Rhiannon"
    rows = [[item.text(c) for c in range(3)] for i in range(dialog.chapters.topLevelItemCount())
            if (item := dialog.chapters.topLevelItem(i))]
    assert rows == [["1", "Rain", "9"], ["2", "Sun", "5"]]
    assert dialog.dropped_heading.text() == "Nothing was left out as page chrome"
    assert ui_store.stories.list(ui_store.projects.find("Torchwood").id) == []  # nothing stored yet

    dialog.title.setText("The Long Way Home")
    dialog.import_button.click()
    project_id = ui_store.projects.find("Torchwood").id
    story = ui_store.stories.find(project_id, "The Long Way Home")
    assert (story.author, story.fandoms, story.rating) == ("Rhiannon", ["Torchwood"], "Teen And Up Audiences")
    chapters = ui_store.chapters.list(story.id)
    assert [c.title for c in chapters] == ["Rain", "Sun"]
    assert window.chapter_id == chapters[0].id  # the new story opens
    assert window.editor.chapter_text() == "Jack stood on the roof and watched the rain."
    assert window.tree.item_for(Node("story", story.id)) is not None


def test_dropped_boilerplate_of_a_real_seed_is_listed(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    seed = SEEDS / "000_8fb8497df36be136.txt"
    expected = import_file(seed)
    window = window_on_project(make_window, ui_store)
    dialog = read(qtbot, window.import_draft(seed))
    assert dialog.title.text() == expected.title
    assert dialog.dropped.isVisible()
    assert dialog.dropped.toPlainText().splitlines() == expected.dropped
    assert dialog.dropped_heading.text() == f"Left out as page chrome ({len(expected.dropped)} lines)"


JOURNAL_DRAFT = """Mar. 2nd, 2011 | 09:15 pm
posted by: quill_and_ink in tea_and_timelords

Title: Paper Boats
Pairing: Rory/Amy
Rating: G
Summary: Rory folds boats while he waits.

Rory had folded forty boats by the time the TARDIS came back.
"""


def test_the_preview_shows_sources_and_chrome_and_stores_corrections(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "paper-boats.txt"
    path.write_text(JOURNAL_DRAFT, encoding="utf-8")
    window = window_on_project(make_window, ui_store)
    dialog = read(qtbot, window.import_draft(path))
    assert dialog.title.text() == "Paper Boats"
    assert dialog.sources["title"].text() == "from: Title: Paper Boats"
    assert dialog.fields["author"].text() == "quill_and_ink"
    assert dialog.sources["author"].text() == "from: posted by: quill_and_ink in tea_and_timelords"
    assert dialog.fields["rating"].text() == "G"
    assert dialog.ao3_rating.currentText() == "General Audiences"
    assert dialog.sources["rating"].text() == "from: Rating: G"
    assert dialog.sources["relationships"].text() == "from: Pairing: Rory/Amy"
    assert not dialog.sources["disclaimer"].isVisibleTo(dialog)  # no disclaimer, no source line
    assert "Mar. 2nd, 2011 | 09:15 pm" in dialog.dropped.toPlainText().splitlines()
    assert dialog.dropped_heading.text().startswith("Left out as page chrome")

    dialog.fields["author"].setText("Quill")
    dialog.fields["relationships"].setText("Rory Williams/Amy Pond, The Doctor & Amy Pond")
    dialog.fields["fandom"].setText("Doctor Who")
    dialog.ao3_rating.setCurrentText("Teen And Up Audiences")
    dialog.fields["summary"].setPlainText("Rory waits, and folds.")
    dialog.import_button.click()
    story = ui_store.stories.find(ui_store.projects.find("Torchwood").id, "Paper Boats")
    assert (story.author, story.fandoms, story.rating) == ("Quill", ["Doctor Who"], "Teen And Up Audiences")
    assert story.relationships == ["Rory Williams/Amy Pond", "The Doctor & Amy Pond"]
    assert story.summary == "Rory waits, and folds."
    assert [c.body for c in ui_store.chapters.list(story.id)] == [
        "Rory had folded forty boats by the time the TARDIS came back."]


def test_a_guessed_encoding_is_named_in_the_preview(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes("Title: Café Nights\n\nThe café stayed open past midnight for once.\n".encode("cp1252"))
    window = window_on_project(make_window, ui_store)
    dialog = read(qtbot, window.import_draft(path))
    assert dialog.title.text() == "Café Nights"
    assert dialog.encoding_warning.isVisibleTo(dialog)
    assert "guessed as cp1252" in dialog.encoding_warning.text()
    assert dialog.read_as.text() == "Plain text, cp1252 encoding"


def test_a_file_that_cannot_be_imported_says_why(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "draft.pdf"
    path.write_bytes(b"%PDF-1.7 not really")
    window = window_on_project(make_window, ui_store)
    dialog = read(qtbot, window.import_draft(path))
    assert dialog.message.text() == "Cannot import 'draft.pdf': it is a PDF; save it as .docx, .txt or .html."
    assert not dialog.import_button.isEnabled() and not dialog.preview.isVisible()


def test_reading_happens_on_a_worker_thread(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    threads: list[int] = []

    def read_draft(draft: Path) -> ImportedStory:
        threads.append(threading.get_ident())
        return import_file(draft)

    services = wire_services(ui_store)
    services.read_draft = read_draft
    window = window_on_project(make_window, ui_store, services)
    read(qtbot, window.import_draft(path))
    assert threads and threads[0] != threading.get_ident()


def test_import_needs_a_project(make_window: WindowFactory, ui_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(wire_services(ui_store))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: shown.append(text)))
    assert not window.import_action.isEnabled()
    assert window.import_draft(Path("anything.txt")) is None
    assert "Create a project first" in shown[0]
