"""Notes set from Templates are visible where the author edits them and exported once (issue 15, item 10)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ficdesk.store import Store
from ficdesk.ui.dialogs import ChapterNotesDialog, StoryDialog
from ficdesk.ui.services import wire_services
from tests.ui.conftest import WindowFactory, story_with_chapters
from tests.ui.test_journey import when_modal


def test_template_notes_show_in_the_dialogs_and_are_exported_with_one_label(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    project_id, story_id, ids = story_with_chapters(
        ui_store, ["The coffee machine hissed.", "Rain on the roof of the Hub."])
    window = make_window(wire_services(ui_store))
    assert window.open_chapter(ids[0])

    # The bundled story start note begins with its own "Author's Note:"; the author uses it for the story.
    dialog = window.open_templates()
    assert dialog is not None
    welcome = next(t for t in ui_store.templates.list(project_id) if t.kind == "story_start_note")
    dialog.select(welcome.id)
    assert dialog.use_for_story("start_note")
    note = ui_store.stories.get(story_id).start_note
    assert note.startswith("Author's Note:")
    dialog.close()

    # Story Properties shows the disclaimer and both notes as fields the author can read and change.
    shown: dict[str, str] = {}

    def read_story_dialog(opened: object) -> None:
        assert isinstance(opened, StoryDialog)
        shown["start_note"] = opened.start_note.toPlainText()
        shown["has_disclaimer"] = str(opened.disclaimer.isVisibleTo(opened))
        shown["has_end_note"] = str(opened.end_note.isVisibleTo(opened))
        opened.reject()

    when_modal(StoryDialog, read_story_dialog)
    window.story_properties_action.trigger()
    assert shown == {"start_note": note, "has_disclaimer": "True", "has_end_note": "True"}

    # The open chapter's own notes, typed into Story ▸ Chapter Notes…, come back in the same dialog.
    def type_chapter_notes(opened: object) -> None:
        assert isinstance(opened, ChapterNotesDialog)
        opened.start_note.setPlainText("A/N: Set after the first series.")
        opened.end_note.setPlainText("Thanks for reading!")
        opened.accept()

    when_modal(ChapterNotesDialog, type_chapter_notes)
    window.chapter_notes_action.trigger()
    seen: dict[str, str] = {}

    def read_chapter_notes(opened: object) -> None:
        assert isinstance(opened, ChapterNotesDialog)
        seen.update(opened.values())
        opened.reject()

    when_modal(ChapterNotesDialog, read_chapter_notes)
    window.chapter_notes_action.trigger()
    assert seen == {"start_note": "A/N: Set after the first series.", "end_note": "Thanks for reading!"}

    # The text export the window writes: every note labelled once, "Chapter 1" not "Chapter 1: Chapter 1".
    hook = window.services.export_story
    assert hook is not None
    exported = hook(story_id, "txt")
    assert isinstance(exported, str)
    lines = exported.splitlines()
    body = note.removeprefix("Author's Note:").strip()
    assert f"Notes: {body}" in lines
    assert "Author's Note" not in exported
    assert "Chapter Notes: Set after the first series." in lines
    assert "Chapter End Notes: Thanks for reading!" in lines
    assert "Chapter 1" in lines and "Chapter 2" in lines
    assert "Chapter 1: Chapter 1" not in exported and "Chapter 2: Chapter 2" not in exported
