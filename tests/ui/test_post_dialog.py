"""Story → Post… and the Export dialog's Word and EPUB formats, in the real MainWindow on a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from ficdesk.store import Store
from ficdesk.ui.post_dialog import PostDialog
from ficdesk.ui.services import wire_services
from tests.ui.conftest import WindowFactory


def _story(store: Store, summary: str) -> tuple[int, list[int]]:
    project_id = store.projects.create("Harbour").id
    story_id = store.stories.create(
        project_id, "Paper Boats", author="someone", fandoms=["Harbour Tales"], relationships=["Mara/Jun"],
        characters=["Mara", "Jun"], rating="General Audiences", warnings=["No Archive Warnings Apply"],
        summary=summary, disclaimer="Not mine.", start_note="Additional Tags: Fluff, Boats",
    ).id
    ids = []
    for number in (1, 2):
        body = f"Chapter {number} *starts*.\n\n* * *\n\nEnds & <b>."
        chapter = store.chapters.create(story_id, f"Tide {number}", body)
        store.chapters.set_notes(chapter.id, start_note=f"Summary: Part {number}.\n\nHello {number}.",
                                 end_note=f"Bye {number}.")
        ids.append(chapter.id)
    return story_id, ids


def _open(qtbot: QtBot, make_window: WindowFactory, store: Store, summary: str) -> PostDialog:
    _, chapters = _story(store, summary)
    window = make_window(wire_services(store))
    window.open_chapter(chapters[0])
    story_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Story")
    assert window.post_action in story_menu.actions() and window.post_action.isEnabled()
    window.post_action.trigger()
    dialogs = window.findChildren(PostDialog)
    assert len(dialogs) == 1
    qtbot.waitUntil(dialogs[0].isVisible, timeout=3000)
    return dialogs[0]


def test_post_dialog_shows_each_box_with_copy_buttons_and_limits(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store, tmp_path: Path) -> None:
    dialog = _open(qtbot, make_window, ui_store, summary="s" * 1300)
    assert dialog.site.currentData() == "ao3" and dialog.chapter.count() == 2
    fields = dialog.chapter_fields
    assert fields["text"].edit.toPlainText() == \
        "<p>Chapter 1 <em>starts</em>.</p>\n<hr />\n<p>Ends &amp; &lt;b&gt;.</p>"
    assert fields["summary"].edit.toPlainText() == "<p>Part 1.</p>"
    assert fields["start_notes"].edit.toPlainText() == "<p>Hello 1.</p>"
    assert fields["end_notes"].edit.toPlainText() == "<p>Bye 1.</p>"
    assert fields["title"].edit.toPlainText() == "Tide 1"
    # The work's metadata as AO3's fields; the summary's limit problem is shown beside it.
    work = dialog.work_fields
    assert list(work) == ["title", "rating", "warnings", "fandoms", "relationships", "characters", "additional_tags",
                          "summary", "notes", "end_notes"]
    assert work["additional_tags"].edit.toPlainText() == "Fluff, Boats"
    assert work["notes"].edit.toPlainText() == "<p>Disclaimer: Not mine.</p>"
    assert work["summary"].problem.isVisible()
    assert work["summary"].problem.text() == "⚠ 1,307 characters, the limit is 1,250"
    assert not work["fandoms"].problem.isVisible()
    assert dialog.summary.text().startswith("⚠ 1 problem(s) AO3 would refuse: Summary:")
    # Copy puts exactly the box's text on the clipboard.
    fields["text"].copy_button.click()
    assert QGuiApplication.clipboard().text() == fields["text"].edit.toPlainText()

    dialog.select_chapter(2)
    assert fields["summary"].edit.toPlainText() == "<p>Part 2.</p>"
    assert fields["text"].edit.toPlainText().startswith("<p>Chapter 2 ")

    dialog.select_site("ffn")
    assert dialog.chapter.currentData() == 2  # the chosen chapter stays
    assert fields["text"].edit.toPlainText() == "Chapter 2 starts.\n\n* * *\n\nEnds & <b>."
    assert dialog.work_fields["rating"].edit.toPlainText() == "K+"
    assert dialog.work_fields["summary"].problem.text() == "⚠ 1,300 characters, the limit is 384 (limit unverified)"

    files = dialog.save_to(tmp_path / "ffn")
    assert sorted(p.name for p in files) == ["chapter-02.docx", "metadata.json"]
    metadata = json.loads((tmp_path / "ffn" / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["site"] == "ffn" and [c["number"] for c in metadata["chapters"]] == [2]


def test_post_dialog_within_limits_says_so(qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    dialog = _open(qtbot, make_window, ui_store, summary="Short.")
    assert dialog.summary.text() == "Everything is within AO3's limits."
    assert not any(view.problem.isVisible() for view in [*dialog.work_fields.values(),
                                                         *dialog.chapter_fields.values()])
    for site in ("wattpad", "tumblr"):
        dialog.select_site(site)
        assert dialog.chapter_fields["text"].edit.toPlainText() == "Chapter 1 starts.\n\n* * *\n\nEnds & <b>."


def test_export_dialog_saves_docx_and_epub(qtbot: QtBot, make_window: WindowFactory, ui_store: Store,
                                           tmp_path: Path) -> None:
    from ficdesk.formats import import_file
    from ficdesk.ui.dialogs import ExportDialog

    story_id, chapters = _story(ui_store, summary="Short.")
    window = make_window(wire_services(ui_store))
    window.open_chapter(chapters[0])
    hook = window.services.export_story
    assert hook is not None
    dialog = ExportDialog(window.services.export_formats, lambda fmt: hook(story_id, fmt), "Paper Boats", window)
    for fmt in ("docx", "epub"):
        dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        assert "no text preview" in dialog.preview.toPlainText()
        dialog.save_to(str(tmp_path / f"story.{fmt}"))
        assert (tmp_path / f"story.{fmt}").read_bytes()[:2] == b"PK"
    assert [c.title for c in import_file(tmp_path / "story.docx").chapters] == ["Tide 1", "Tide 2"]
    dialog.format.setCurrentIndex(dialog.format.findData("txt"))
    dialog.save_to(str(tmp_path / "story.txt"))
    assert (tmp_path / "story.txt").read_text(encoding="utf-8") == dialog.preview.toPlainText()
    dialog.close()
