"""Canon panel through its hooks (seam canon), dialogs, settings, and screenshot mode."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from ficdesk.canon.model import Entity, EntityType, Fact
from ficdesk.cli import main
from ficdesk.store import Store, open_store
from ficdesk.ui.app import parse_size
from ficdesk.ui.dialogs import SettingsDialog, StoryDialog
from ficdesk.ui.services import AppServices
from ficdesk.ui.settings import load_settings, save_settings
from tests.ui.conftest import WindowFactory, story_with_chapters
from tests.ui.seams import SeamCanon, seam_services

IANTO = Entity("Ianto Jones", EntityType.CHARACTER, ["Ianto"],
               [Fact("Ianto Jones works for Torchwood Three.", 0, 38)], score=5)
JACK = Entity("Jack Harkness", EntityType.CHARACTER, ["Captain Jack Harkness", "Jack"], [], score=4)
CARDIFF = Entity("Cardiff", EntityType.PLACE, [], [], score=1)


def test_canon_search_is_grouped_and_typo_tolerant(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    canon = SeamCanon()
    project_id, _, ids = story_with_chapters(ui_store, ["Jack waited."])
    canon.entities[project_id] = [IANTO, JACK, CARDIFF]
    window = make_window(seam_services(ui_store, canon=canon))
    window.open_chapter(ids[0])
    panel = window.canon
    # The chapter is on screen at once; the project's canon is read on a worker thread meanwhile.
    assert panel.reading and panel.message.text() == "Reading this project's canon…"
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        pass
    assert not panel.reading and not panel.message.isVisible()
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]  # type: ignore[union-attr]
    assert groups == ["Characters", "Places"]
    panel.search.setText("Ianot")
    panel.run_search()
    assert panel.tree.currentItem().text(0) == "Ianto Jones"  # type: ignore[union-attr]
    assert "Ianto Jones works for Torchwood Three." in panel.details.toPlainText()


def test_a_slow_canon_read_for_a_project_left_behind_never_lists_its_entries(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    canon = SeamCanon()
    alpha, _, first = story_with_chapters(ui_store, ["Jack waited."], project="Alpha", story="One")
    beta, _, second = story_with_chapters(ui_store, ["Cardiff slept."], project="Beta", story="Two")
    canon.entities[alpha] = [IANTO, JACK]
    canon.entities[beta] = [CARDIFF]
    release = threading.Event()
    services = seam_services(ui_store, canon=canon)

    def slow_entities(project_id: int) -> list[Entity]:  # on the panel's worker thread
        release.wait(10)
        return canon.entities_of(project_id)

    services.canon_entities = slow_entities
    window = make_window(services)
    window.open_chapter(first[0])
    window.open_chapter(second[0])  # before Alpha's canon has been read
    assert window.canon.reading
    with qtbot.waitSignal(window.canon.loaded, timeout=5000):
        release.set()
    assert window.canon.project_id == beta
    assert [e.name for e in window.canon._entities] == ["Cardiff"]
    assert window.canon.entity_at("Jack waited.", 1) is None and window.canon.entity_at("Cardiff", 1) is CARDIFF


def test_follow_cursor_shows_the_entity_under_the_text_cursor(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    canon = SeamCanon()
    project_id, _, ids = story_with_chapters(ui_store, ["🙂 Then Captain Jack Harkness's coat flapped."])
    canon.entities[project_id] = [IANTO, JACK]
    window = make_window(seam_services(ui_store, canon=canon))
    window.open_chapter(ids[0])
    cursor = window.editor.textCursor()
    cursor.setPosition(2 + len(" Then Captain Ja"))  # inside "Jack", after the emoji's two UTF-16 units
    window.editor.setTextCursor(cursor)
    qtbot.waitUntil(lambda: "Jack Harkness" in window.canon.details.toPlainText(), timeout=3000)
    assert window.canon.entity_at("Ianto's tea", 2) is IANTO
    assert window.canon.entity_at("nobody here", 3) is None


def test_canon_notes_are_saved_through_the_hook(make_window: WindowFactory, ui_store: Store) -> None:
    canon = SeamCanon()
    project_id, _, ids = story_with_chapters(ui_store, ["Text."])
    canon.entities[project_id] = [IANTO]
    window = make_window(seam_services(ui_store, canon=canon))
    window.open_chapter(ids[0])
    window.canon.show_entity(IANTO)
    window.canon.note.setPlainText("Takes his coffee black.")
    window.canon.save_note()
    assert canon.notes[(project_id, "Ianto Jones")] == "Takes his coffee black."


def test_canon_import_runs_in_the_background_with_progress(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store, tmp_path: Path) -> None:
    canon = SeamCanon()
    _, _, ids = story_with_chapters(ui_store, ["Text."])
    window = make_window(seam_services(ui_store, canon=canon))
    window.open_chapter(ids[0])
    source = tmp_path / "wiki.txt"
    source.write_text("Ianto Jones: Ianto Jones is a Torchwood operative.\nRhys Williams: Rhys is Gwen's husband.\n",
                      encoding="utf-8")
    with qtbot.waitSignal(window.canon.importFinished, timeout=5000) as finished:
        window.canon.start_import(source)
        assert window.canon.progress.isVisible()
    assert finished.args == [2]
    assert not window.canon.progress.isVisible()
    assert window.canon.message.text() == "Imported 2 canon entries."
    window.canon.search.setText("Ianot")
    window.canon.run_search()
    assert window.canon.tree.currentItem().text(0) == "Ianto Jones"  # type: ignore[union-attr]


def test_canon_panel_without_hooks_is_calm(make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, ["Text."])
    window = make_window(AppServices(ui_store))
    window.open_chapter(ids[0])
    assert window.canon.message.text() == "Canon lookup is not available in this build of FicDesk."
    assert not window.canon.search.isEnabled() and not window.canon.import_button.isEnabled()
    window.canon.follow_cursor("Ianto Jones", 2)  # nothing to follow, nothing raised


def test_story_dialog_edits_ao3_metadata(make_window: WindowFactory, ui_store: Store) -> None:
    _, story_id, _ = story_with_chapters(ui_store, ["Text."])
    dialog = StoryDialog(ui_store.stories.get(story_id))
    dialog.fandoms.setText("Torchwood, Doctor Who")
    dialog.relationships.setText("Jack Harkness/Ianto Jones")
    dialog.rating.setCurrentText("Mature")
    dialog.warnings.setPlainText("No Archive Warnings Apply\n")
    dialog.summary.setPlainText("After the Rift.")
    ui_store.stories.update(story_id, **dialog.values())
    story = ui_store.stories.get(story_id)
    assert story.fandoms == ["Torchwood", "Doctor Who"]
    assert story.relationships == ["Jack Harkness/Ianto Jones"]
    assert (story.rating, story.warnings, story.summary) == ("Mature", ["No Archive Warnings Apply"], "After the Rift.")


def test_settings_round_trip_through_the_dialog(qtbot: QtBot) -> None:
    dialog = SettingsDialog(load_settings())
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en-US"))
    dialog.languagetool.setCurrentIndex(dialog.languagetool.findData("server"))
    dialog.languagetool_url.setText("http://lt.example:8081")
    dialog.autosave.setValue(2500)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    save_settings(dialog.values())
    again = load_settings()
    assert (again.language, again.languagetool, again.languagetool_url) == ("en-US", "server",
                                                                            "http://lt.example:8081")
    assert (again.autosave_ms, again.theme) == (2500, "dark")


def test_size_must_be_given_as_width_x_height() -> None:
    from ficdesk.errors import InputError

    assert parse_size("1400x900") == (1400, 900)
    with pytest.raises(InputError):
        parse_size("big")


def test_screenshot_mode_writes_a_png_of_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shot.sqlite3'}"
    store = open_store(url)
    story_with_chapters(store, ["Captain Jack Harkness cries out in his sleep."])
    store.close()
    target = tmp_path / "shots" / "window.png"
    assert main(["--database", url, "--screenshot", str(target), "--size", "1000x700"]) == 0
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1000, 700)


def test_screenshot_mode_reports_a_bad_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'shot.sqlite3'}"
    assert main(["--database", url, "--screenshot", str(tmp_path / "x.png"), "--size", "huge"]) == 2
    assert "--size must look like 1400x900" in capsys.readouterr().err
