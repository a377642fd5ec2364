"""The checking pipeline in the editor, driven by the *seam* CheckFn of tests/ui/seams.py.

These are seam tests for the window (worker thread, cache, underlines, Issues panel, offsets,
suggestions, ignore, dictionary); the real checker lives in ficdesk.checking and is tested there.
"""

from __future__ import annotations

import threading

from PySide6.QtGui import QTextCharFormat
from pytestqt.qtbot import QtBot

from ficdesk.checking.model import Category, Match
from ficdesk.store import Store
from ficdesk.ui.main_window import MainWindow
from ficdesk.ui.services import AppServices
from tests.ui.conftest import WindowFactory, story_with_chapters
from tests.ui.modal import ModalAnswers
from tests.ui.seams import CountingCheck, seam_check, seam_services

EMOJI_TEXT = "🙂🙂 He was 𝒜 looking into he's eyes."


def open_checked(qtbot: QtBot, window: MainWindow, chapter_id: int) -> None:
    window.open_chapter(chapter_id)
    window.checker.run_now()
    qtbot.waitUntil(lambda: window.checker.state == "idle", timeout=5000)


def wavy_ranges(window: MainWindow, block_number: int) -> list[tuple[int, int]]:
    """(start, length) in UTF-16 units of the wavy-underlined runs the highlighter put on a paragraph."""
    block = window.editor.document().findBlockByNumber(block_number)
    runs = [(r.start, r.length) for r in block.layout().formats()
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline]
    merged: list[tuple[int, int]] = []
    for start, length in sorted(runs):
        if merged and merged[-1][0] + merged[-1][1] == start:
            merged[-1] = (merged[-1][0], merged[-1][1] + length)
        else:
            merged.append((start, length))
    return merged


def test_underline_issue_jump_and_fix_land_on_the_right_characters_after_emoji(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, ["Calm first paragraph.\n" + EMOJI_TEXT])
    window = make_window(seam_services(ui_store))
    open_checked(qtbot, window, ids[0])
    issues = window.issues.issues()
    assert [(i.block, i.flagged, i.match.rule) for i in issues] == [(1, "he's", "SEAM_HES_HIS")]

    # Underline: "he's" starts at code point 25, but at UTF-16 unit 28 (three astral characters before it).
    start_cp = EMOJI_TEXT.index("he's")
    assert wavy_ranges(window, 1) == [(start_cp + 3, 4)]
    assert window.checker_label.text() == "1 issue"

    # Click the issue: the selection is exactly the flagged word.
    window.issues.activate_row(0)
    cursor = window.editor.textCursor()
    assert cursor.selectedText() == "he's"

    # Apply the suggestion: the right characters are replaced, and the issue goes away.
    window.issues.apply_button.click()
    assert window.editor.chapter_text() == "Calm first paragraph.\n" + EMOJI_TEXT.replace("he's", "his")
    qtbot.waitUntil(lambda: window.issues.issues() == [], timeout=5000)
    assert window.issues.empty.text() == "No issues in this chapter."
    assert wavy_ranges(window, 1) == []


def test_editor_context_menu_offers_suggestions_first(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, [EMOJI_TEXT])
    window = make_window(seam_services(ui_store))
    open_checked(qtbot, window, ids[0])
    from PySide6.QtWidgets import QMenu

    menu = QMenu()
    position = window.editor.document().findBlockByNumber(0).position() + EMOJI_TEXT.index("he's") + 3 + 1
    assert window.issue_presenter.issue_menu(position, menu)
    labels = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert labels[:2] == ["Possessive “his”, not “he's”.", "his"]
    assert labels[2:] == ["Ignore Once", "Ignore Rule in Project…"]
    next(a for a in menu.actions() if a.text() == "his").trigger()
    assert window.editor.chapter_text() == EMOJI_TEXT.replace("he's", "his")


def test_checks_run_on_a_worker_and_only_for_changed_paragraphs(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    check = CountingCheck()
    _, _, ids = story_with_chapters(ui_store, ["One paragraph.\nTwo paragraph.\nThree he's eyes."])
    window = make_window(seam_services(ui_store, check=check))
    open_checked(qtbot, window, ids[0])
    assert sorted(check.calls) == ["One paragraph.", "Three he's eyes.", "Two paragraph."]
    assert threading.get_ident() not in check.threads
    check.calls.clear()
    cursor = window.editor.textCursor()
    cursor.setPosition(len("One paragraph.\nTwo"))
    window.editor.setTextCursor(cursor)
    qtbot.keyClicks(window.editor, " teh")
    qtbot.waitUntil(lambda: len(window.issues.issues()) == 2, timeout=5000)
    assert check.calls  # the edited paragraph was checked again (once typing paused: usually once) ...
    assert all(call.startswith("Two") for call in check.calls)  # ... and nothing else
    assert check.calls[-1] == "Two teh paragraph."


def test_results_for_stale_text_are_not_shown(qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    release = threading.Event()
    started = threading.Event()

    def slow_check(paragraph: str) -> list[Match]:
        started.set()
        release.wait(5)
        return seam_check(paragraph)

    _, _, ids = story_with_chapters(ui_store, ["Old he's eyes."])
    window = make_window(seam_services(ui_store, check=slow_check))
    window.open_chapter(ids[0])
    window.checker.run_now()
    assert started.wait(5)
    window.editor.selectAll()
    window.editor.textCursor().insertText("New text, nothing wrong.")
    release.set()  # the first run finishes for text that is gone
    window.checker.run_now()
    qtbot.waitUntil(lambda: window.checker.state == "idle", timeout=5000)
    assert window.issues.issues() == []
    assert wavy_ranges(window, 0) == []


def test_ignore_once_ignore_rule_and_dictionary(qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    text = "Teh cat saw he's eyes.\nAnd teh dog saw he's eyes too."
    project_id, _, ids = story_with_chapters(ui_store, [text])
    window = make_window(seam_services(ui_store))
    open_checked(qtbot, window, ids[0])
    assert [(i.flagged, i.match.category) for i in window.issues.issues()] == [
        ("he's", Category.GRAMMAR), ("teh", Category.SPELLING), ("he's", Category.GRAMMAR)]

    first = window.issues.issues()[0]
    window.issue_presenter.ignore_once(first)
    qtbot.waitUntil(lambda: len(window.issues.issues()) == 2, timeout=5000)
    assert ("SEAM_HES_HIS", "he's", first.context()) in ui_store.dictionary.ignored(project_id, ids[0]).spots

    window.issue_presenter.add_to_dictionary(window.issues.issues()[0])
    assert "teh" in ui_store.dictionary.words(project_id)
    qtbot.waitUntil(lambda: [i.flagged for i in window.issues.issues()] == ["he's"], timeout=5000)

    answers = ModalAnswers("Yes")  # ignoring a whole rule asks first
    window.issue_presenter.ignore_rule(window.issues.issues()[0])
    assert answers.done
    qtbot.waitUntil(lambda: window.issues.issues() == [], timeout=5000)
    assert "SEAM_HES_HIS" in ui_store.dictionary.ignored(project_id).rules


def test_a_failing_checker_is_reported_not_raised(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    def broken(_paragraph: str) -> list[Match]:
        raise RuntimeError("rule table missing")

    _, _, ids = story_with_chapters(ui_store, ["Anything."])
    window = make_window(seam_services(ui_store, check=broken))
    window.open_chapter(ids[0])
    window.checker.run_now()
    qtbot.waitUntil(lambda: window.checker.state.startswith("failed"), timeout=5000)
    assert window.checker_label.text() == "Checker stopped"
    assert "rule table missing" in window.checker_label.toolTip()


def test_without_a_checker_the_panel_says_so(make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, ["he's eyes"])
    window = make_window(AppServices(ui_store))
    window.open_chapter(ids[0])
    assert window.issues.empty.text() == "Checking is not available in this build of FicDesk."
    assert window.checker_label.text() == "Checker not available"
