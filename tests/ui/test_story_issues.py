"""The Issues panel's whole-story list, driven by the seam CheckFn (tests/ui/seams.py).

The open chapter's findings come live from the editor, the other chapters' from the store, checked
on a worker thread; clicking a finding in another chapter opens that chapter and selects it.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ficdesk.store import Store
from ficdesk.ui.checking import Issue
from ficdesk.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory, story_with_chapters
from tests.ui.seams import CountingCheck, seam_services

CHAPTERS = ["Quiet start.\nHe fed teh cat.", "All calm here.", "🙂 Jack was looking into he's eyes."]


def rows(window: MainWindow) -> list[tuple[str, str, str]]:
    """(flagged words, kind, chapter column) of every listed finding."""
    result = []
    for index, issue in enumerate(window.issues.issues()):
        result.append((issue.flagged, window.issues.row_text(index, 2), window.issues.row_text(index, 3)))
    return result


def story_scope(qtbot: QtBot, window: MainWindow) -> None:
    window.issues.set_story_scope(True)
    window.checker.run_now()
    assert window.checker.wait_idle(10_000)
    assert window.story_issues.wait_idle(10_000)
    qtbot.waitUntil(lambda: window.checker.has_results, timeout=5000)


def test_whole_story_lists_every_chapter_in_reading_order(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, CHAPTERS)
    window = make_window(seam_services(ui_store))
    window.open_chapter(ids[1])
    window.checker.run_now()
    assert window.checker.wait_idle(10_000)
    assert window.issues.empty.text() == "No issues in this chapter."
    assert window.issues.list.isColumnHidden(3)

    story_scope(qtbot, window)
    qtbot.waitUntil(lambda: len(window.issues.issues()) == 2, timeout=5000)
    assert rows(window) == [("teh", "spelling", "Chapter 1"), ("he's", "grammar", "Chapter 3")]
    assert not window.issues.list.isColumnHidden(3)
    assert window.issues.summary.full_text().startswith("2 issues in 2 chapters (")
    assert [issue.chapter_id for issue in window.issues.issues()] == [ids[0], ids[2]]

    window.issues.set_story_scope(False)
    assert window.issues.empty.text() == "No issues in this chapter."


def test_clicking_a_finding_in_another_chapter_opens_it_and_selects_the_words(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, CHAPTERS)
    window = make_window(seam_services(ui_store))
    window.open_chapter(ids[0])
    story_scope(qtbot, window)
    qtbot.waitUntil(lambda: len(window.issues.issues()) == 2, timeout=5000)

    window.issues.activate_row(1)
    assert window.chapter_id == ids[2]
    assert window.editor.textCursor().selectedText() == "he's"
    # The list keeps both chapters while (and after) the newly opened chapter is checked.
    assert [i.flagged for i in window.issues.issues()] == ["teh", "he's"]
    assert window.checker.wait_idle(10_000)
    qtbot.waitUntil(lambda: window.checker.has_results, timeout=5000)
    assert [i.chapter_id for i in window.issues.issues()] == [ids[0], ids[2]]
    current = window.issues.current_issue()
    assert current is not None and current.flagged == "he's"


def test_a_suggestion_for_another_chapter_is_applied_there_and_saved(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, CHAPTERS)
    window = make_window(seam_services(ui_store), autosave_ms=100)
    window.open_chapter(ids[2])
    story_scope(qtbot, window)
    qtbot.waitUntil(lambda: len(window.issues.issues()) == 2, timeout=5000)
    teh: Issue = window.issues.issues()[0]
    assert teh.chapter_id == ids[0]
    assert window.issue_presenter.apply_suggestion(teh, "the")
    assert window.chapter_id == ids[0]
    assert window.editor.chapter_text() == "Quiet start.\nHe fed the cat."
    qtbot.waitUntil(lambda: ui_store.chapters.get(ids[0]).body == "Quiet start.\nHe fed the cat.", timeout=3000)
    qtbot.waitUntil(lambda: [i.flagged for i in window.issues.issues()] == ["he's"], timeout=5000)


def test_ignoring_once_in_another_chapter_is_remembered_for_that_chapter(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    project_id, _, ids = story_with_chapters(ui_store, CHAPTERS)
    window = make_window(seam_services(ui_store))
    window.open_chapter(ids[1])
    story_scope(qtbot, window)
    qtbot.waitUntil(lambda: len(window.issues.issues()) == 2, timeout=5000)
    hes = window.issues.issues()[1]
    window.issue_presenter.ignore_once(hes)
    assert window.chapter_id == ids[1]  # ignoring does not need to open the chapter
    assert ui_store.dictionary.ignored(project_id, ids[2]).spots
    assert not ui_store.dictionary.ignored(project_id, ids[0]).spots
    qtbot.waitUntil(lambda: [i.flagged for i in window.issues.issues()] == ["teh"], timeout=5000)


def test_other_chapters_are_checked_off_the_ui_thread_and_only_once(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    import threading

    _, _, ids = story_with_chapters(ui_store, CHAPTERS)
    check = CountingCheck()
    window = make_window(seam_services(ui_store, check=check))
    window.open_chapter(ids[1])
    story_scope(qtbot, window)
    qtbot.waitUntil(lambda: len(window.issues.issues()) == 2, timeout=5000)
    assert threading.get_ident() not in check.threads
    assert sorted(set(check.calls)) == sorted(check.calls)  # no paragraph was checked twice
    check.calls.clear()
    window.story_issues.refresh()  # nothing changed: everything comes from the cache
    assert window.story_issues.wait_idle(5000)
    assert check.calls == []
