"""What the window shows stays true to what is open (issue 15, items 3-7), with the real services."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ficdesk.store import Store
from ficdesk.ui.main_window import MainWindow
from ficdesk.ui.services import wire_services
from ficdesk.ui.tree import Node
from tests.ui.conftest import WindowFactory, story_with_chapters
from tests.ui.modal import ModalAnswers


def checked(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.checker.has_results and window.checker.state == "idle", timeout=20_000)
    qtbot.wait(50)


def flagged(window: MainWindow) -> list[str]:
    return sorted(issue.flagged for issue in window.issues.issues())


def test_ctrl_delete_in_the_editor_deletes_a_word_not_the_chapter(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    _, story_id, ids = story_with_chapters(ui_store, ["Alpha beta gamma.", "Second."])
    window = make_window(wire_services(ui_store))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts only reach the active window
    assert window.open_chapter(ids[0])
    window.editor.setFocus()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.chapter_text() == "beta gamma."
    assert window.chapter_id == ids[0]
    assert [chapter.id for chapter in ui_store.chapters.list(story_id)] == ids  # nothing trashed
    for elsewhere in (window.issues.list, window.canon.search):  # nor from the panels
        elsewhere.setFocus()
        qtbot.keyClick(elsewhere, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
        assert window.chapter_id == ids[0]
        assert [chapter.id for chapter in ui_store.chapters.list(story_id)] == ids

    # In the tree, Ctrl+Delete is "Move to Trash", and trashing the open chapter asks first.
    window.tree.setFocus()
    answers = ModalAnswers("Cancel")
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert answers.done and "trash" in answers.seen[0].lower()
    assert [chapter.id for chapter in ui_store.chapters.list(story_id)] == ids
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tree.setFocus()
    answers = ModalAnswers("Move to Trash")
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert answers.done
    assert [chapter.id for chapter in ui_store.chapters.list(story_id)] == ids[1:]


CANON = ("Rowan Ashdown\n\nRowan Ashdown is a lighthouse keeper on the northern coast. Rowan Ashdown keeps a "
         "logbook of every ship. Rowan lives with Mira Vale.\n\nMira Vale\n\nMira Vale is a cartographer.")


def test_opening_a_chapter_of_another_project_shows_only_that_chapter(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    alpha, _, first = story_with_chapters(ui_store, ["Rowan Ashdown has one slpi in it."], project="Alpha",
                                          story="First")
    ui_store.canon.import_source(alpha, "keepers.txt", CANON, "text")
    _, _, second = story_with_chapters(ui_store, ["Another story, where a word is mispelled here. Two more."],
                                       project="Beta", story="Second")
    window = make_window(wire_services(ui_store))
    assert window.open_chapter(first[0])
    window.canon.follow.setChecked(True)
    cursor = window.editor.textCursor()
    cursor.setPosition(2)
    window.editor.setTextCursor(cursor)
    qtbot.waitUntil(lambda: "Rowan Ashdown" in window.canon.details.toPlainText(), timeout=3000)
    checked(qtbot, window)
    assert flagged(window) == ["slpi"]

    window.tree.setCurrentItem(window.tree.item_for(Node("chapter", second[0])))  # the author clicks
    assert window.chapter_id == second[0]
    # At once: nothing of the other project is left on screen (its entity, its issue count).
    assert window.canon.details.toPlainText() == "" and window.canon.tree.topLevelItemCount() == 0
    qtbot.waitUntil(lambda: "No canon yet" in window.canon.message.text(), timeout=3000)  # read on a worker
    assert not window.checker_label.text().startswith(("0 issues", "1 issue"))
    assert window.count_label.text() == "Chapter 10 words · Story 10 words"
    checked(qtbot, window)  # and it is checked without any typing
    assert flagged(window) == ["mispelled"]
    assert window.checker_label.text().startswith("1 issue")
    block = window.editor.document().findBlockByNumber(0)
    assert any(r.format.underlineStyle() != r.format.UnderlineStyle.NoUnderline for r in block.layout().formats())
    qtbot.wait(400)  # the follow-cursor timer runs on the new project without asking it for the old entity


def test_a_chapter_restored_from_the_trash_is_checked_and_keeps_its_place(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    _, story_id, ids = story_with_chapters(ui_store, ["One.", "A chapter with a mispelled word.", "Three."])
    window = make_window(wire_services(ui_store))
    assert window.open_chapter(ids[1])
    checked(qtbot, window)
    window.tree.setFocus()
    answers = ModalAnswers("Move to Trash")
    window.delete_action.trigger()
    assert answers.done
    assert window.chapter_id is None
    assert window.windowTitle() == "FicDesk"
    window.show_trash_action.trigger()
    window.tree.setCurrentItem(window.tree.item_for(Node("chapter", ids[1], trashed=True)))
    window.restore_action.trigger()
    assert [chapter.id for chapter in ui_store.chapters.list(story_id)] == ids  # back in its place
    assert window.chapter_id == ids[1]
    assert "Chapter 2" in window.windowTitle()
    checked(qtbot, window)
    assert flagged(window) == ["mispelled"]
    assert window.checker_label.text().startswith("1 issue")


def test_an_empty_bold_pair_left_by_enter_does_not_become_a_stray_rule(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, ["She laughed."])
    window = make_window(wire_services(ui_store))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.open_chapter(ids[0])
    window.editor.setFocus()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    for marker_key in (Qt.Key.Key_B, Qt.Key.Key_I):
        qtbot.keyClick(window.editor, marker_key, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(window.editor, Qt.Key.Key_Return)
        qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    qtbot.keyClick(window.editor, Qt.Key.Key_B,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.chapter_text() == "She laughed.\n\n\n\n* * *\n"
    # A pair with text typed into it stays, of course.
    qtbot.keyClick(window.editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.editor, "quietly")
    qtbot.keyClick(window.editor, Qt.Key.Key_End)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert window.editor.chapter_text() == "She laughed.\n\n\n\n* * *\n*quietly*\n"


def test_at_1024_by_700_everything_fits_and_the_layout_is_remembered(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, ["Short.", "Longer text here."],
                                    story="A story whose title is really quite long for a tree")
    ui_store.chapters.rename(ids[1], "A chapter title that goes on and on and on for a while")
    window = make_window(wire_services(ui_store))
    window.resize(1024, 700)
    window.fit_layout()
    assert window.open_chapter(ids[0])
    qtbot.wait(50)
    assert window.minimumSizeHint().width() <= 1024  # nothing is pushed off a 1024 px screen
    assert window.tree_dock.width() >= 180 and window.canon_dock.width() >= 240
    assert window.editor.width() >= 380
    widths = (window.tree_dock.width(), window.canon_dock.width())
    assert window.open_chapter(ids[1])  # a long title does not move the splitters
    qtbot.wait(50)
    assert (window.tree_dock.width(), window.canon_dock.width()) == widths

    window.resizeDocks([window.tree_dock], [260], Qt.Orientation.Horizontal)  # the author widens the tree
    qtbot.wait(50)
    wide = window.tree_dock.width()
    assert window.close()
    again = make_window(wire_services(ui_store))
    again.resize(1024, 700)
    again.fit_layout()
    qtbot.wait(50)
    assert abs(again.tree_dock.width() - wide) <= 2


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def _contrast(one: QColor, other: QColor) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _dark_window(qtbot: QtBot, ui_store: Store, name: str) -> MainWindow:
    """The real window in the dark theme, 1200x800 and shown."""
    from ficdesk.ui.settings import load_settings

    settings = load_settings()
    settings.theme = "dark"
    window = MainWindow(wire_services(ui_store), settings, name)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    return window


def test_dark_theme_flagged_words_and_check_box_outlines_stand_out(qtbot: QtBot, ui_store: Store) -> None:
    from ficdesk.ui.theme import DARK

    _, _, ids = story_with_chapters(ui_store, ["The lamp needed oil and teh wick was short."])
    window = _dark_window(qtbot, ui_store, "dark-test")
    try:
        assert window.open_chapter(ids[0])
        checked(qtbot, window)
        qtbot.wait(100)
        paper = QColor(DARK.paper)
        # The flagged word: its box is tinted, so it shows even where the thin wave is hard to see.
        cursor = window.editor.textCursor()
        cursor.setPosition("The lamp needed oil and teh".index("teh") + 1)
        box = window.editor.cursorRect(cursor)
        image = window.editor.viewport().grab().toImage()
        probe = image.pixelColor(box.left(), box.top() + 2)
        assert probe != paper and _contrast(probe, paper) > 1.15
        # The "Follow cursor" check box: the outline of its indicator against the panel behind it.
        follow = window.canon.follow
        follow.setChecked(False)
        qtbot.wait(50)
        shot = follow.grab().toImage()
        background = QColor(DARK.panel)
        edge = max((_contrast(shot.pixelColor(x, y), background) for x in range(0, 20)
                    for y in range(shot.height())), default=1.0)
        assert edge >= 3.0
    finally:
        window.close()


def test_ignoring_a_spelling_finding_ignores_the_word_not_all_spelling_and_can_be_undone(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    project_id, _, ids = story_with_chapters(ui_store, ["The keeper lit his lantren. The wick was shrot."])
    window = make_window(wire_services(ui_store))
    assert window.open_chapter(ids[0])
    checked(qtbot, window)
    assert flagged(window) == ["lantren", "shrot"]
    logbook = next(issue for issue in window.issues.issues() if issue.flagged == "lantren")
    window.issues.select_row(window.issues.issues().index(logbook))
    assert window.issues.ignore_rule_button.text() == "Ignore word"
    window.issues.ignore_rule_button.click()
    qtbot.waitUntil(lambda: flagged(window) == ["shrot"], timeout=20_000)  # the other misspelling stays
    assert ui_store.dictionary.ignored(project_id).rules == frozenset()
    assert "lantren" in window.notice_text.text() and "““" not in window.notice_text.text()
    assert window.notice_action.text() == "Undo"
    window.notice_action.click()
    qtbot.waitUntil(lambda: flagged(window) == ["lantren", "shrot"], timeout=20_000)

    # The Dictionary and Ignored dialog lists what was dismissed, and Remove turns it back on.
    shrot = next(issue for issue in window.issues.issues() if issue.flagged == "shrot")
    window.issue_presenter.ignore_word(shrot)
    qtbot.waitUntil(lambda: flagged(window) == ["lantren"], timeout=20_000)
    once = next(issue for issue in window.issues.issues() if issue.flagged == "lantren")
    window.issue_presenter.ignore_once(once)
    qtbot.waitUntil(lambda: flagged(window) == [], timeout=20_000)
    dialog = window.open_ignored()
    assert dialog is not None
    listed = dialog.entries()
    assert listed["Words accepted in this project"] == ["shrot"]
    assert [entry.split(" (")[0] for entry in listed["Ignored once"]] == ["lantren"]
    assert dialog.select("shrot")
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: flagged(window) == ["shrot"], timeout=20_000)
    assert dialog.select(listed["Ignored once"][0])
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: flagged(window) == ["lantren", "shrot"], timeout=20_000)
    dialog.close()


def test_deleting_text_never_shows_a_negative_day_in_the_status_bar(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, ["An old paragraph of seven words here."])
    window = make_window(wire_services(ui_store))
    assert window.open_chapter(ids[0])
    assert window.today_label.text() == "0 words today"
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    for _ in range(len(" of seven words here.")):  # the author cuts the end of yesterday's sentence
        qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
    assert window.save_now()
    assert window.today_label.text() == "0 words today"
    qtbot.keyClicks(window.editor, " and five new words")  # four new words: the cut of four is made good
    assert window.save_now()
    assert window.today_label.text() == "0 words today"
    qtbot.keyClicks(window.editor, " then three more")
    assert window.save_now()
    assert window.today_label.text() == "3 words today"


def _at_1024_by_700(make_window: WindowFactory, ui_store: Store, texts: list[str]) -> MainWindow:
    """A new story of ``texts`` open in the real window at 1024x700 with the first-start dock layout."""
    _, _, ids = story_with_chapters(ui_store, texts)
    window = make_window(wire_services(ui_store))
    window.resize(1024, 700)
    window.fit_layout(remembered=False)
    assert window.open_chapter(ids[0])
    return window


def test_docks_grow_back_when_the_window_is_enlarged_and_the_text_column_stays_whole(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    window = _at_1024_by_700(make_window, ui_store, ["Rain on the roof of the Hub. " * 40])
    qtbot.wait(200)
    small = (window.tree_dock.width(), window.canon_dock.width(), window.issues_dock.height())

    window.resize(1920, 1080)  # a laptop window moved to a large monitor and maximised
    qtbot.waitUntil(lambda: window.tree_dock.width() > small[0] * 1.4, timeout=3000)
    assert window.canon_dock.width() > small[1] * 1.4
    assert window.issues_dock.height() > small[2] * 1.3
    assert window.editor.width() >= window.editor.text_width + 56  # the whole column, with its margins

    # The author widens the tree on the big window; back on the small one and big again, it is kept.
    qtbot.wait(300)
    window.resizeDocks([window.tree_dock], [window.tree_dock.width() + 120], Qt.Orientation.Horizontal)
    qtbot.wait(300)
    wide = window.tree_dock.width()
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.tree_dock.width() < wide * 0.7, timeout=3000)
    assert window.tree_dock.width() >= 180 and window.canon_dock.width() >= 240 and window.editor.width() >= 380
    qtbot.wait(300)
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: abs(window.tree_dock.width() - wide) <= 4, timeout=3000)


def test_the_issues_summary_is_never_cut_mid_word_at_1024_by_700(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    window = _at_1024_by_700(make_window, ui_store,
                             ["The keeper lit his lantren. The wick was shrot and he was definatly tired."])
    checked(qtbot, window)
    summary = window.issues.summary
    qtbot.wait(100)
    shown = summary.text()
    assert window.issues.count() == 3 and shown.startswith("3 issues")
    assert summary.fontMetrics().horizontalAdvance(shown) <= summary.contentsRect().width()
    assert "spelling" in summary.toolTip()  # the whole summary, for when the short form is shown
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: summary.text() == "3 issues (3 spelling)", timeout=3000)


def test_the_canon_hint_wraps_in_a_narrow_panel(qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    window = _at_1024_by_700(make_window, ui_store, ["Nothing canon here."])
    qtbot.wait(100)
    details = window.canon.details
    assert details.toPlainText() == ""
    image = details.viewport().grab().toImage()
    background = image.pixelColor(1, image.height() - 2)
    inked = [y for y in range(image.height())
             if any(image.pixelColor(x, y) != background for x in range(0, image.width(), 2))]
    line = details.fontMetrics().height()
    assert inked and inked[-1] - inked[0] > 1.5 * line  # the hint runs on to a second line, not cut at the edge


def test_dark_theme_scrolled_text_shows_no_slivers_of_the_line_above(qtbot: QtBot, ui_store: Store) -> None:
    from ficdesk.ui.theme import DARK

    # One long paragraph full of descenders (g, j, p, q, y): scrolling stops inside it, line by line.
    paragraph = " ".join(["Jenny gripped the jagged quay rope, praying quietly, gasping, hoping, jumping."] * 30)
    _, _, ids = story_with_chapters(ui_store, [paragraph])
    window = _dark_window(qtbot, ui_store, "dark-scroll-test")
    try:
        assert window.open_chapter(ids[0])
        qtbot.wait(100)
        paper = QColor(DARK.paper)
        editor = window.editor
        for value in (1, 2, 5):  # the first visible line is the 2nd, 3rd, 6th line of the paragraph
            editor.verticalScrollBar().setValue(value)
            qtbot.wait(50)
            image = editor.viewport().grab().toImage()
            top_rows = [image.pixelColor(x, y) for y in range(0, 4) for x in range(image.width())]
            inked = sum(1 for colour in top_rows if colour != paper)
            assert inked == 0, f"{inked} pixels of the line above show at the top (scrolled to line {value})"
            first_line = [image.pixelColor(x, y) for y in range(4, image.height() // 3) for x in range(image.width())]
            assert any(_contrast(colour, paper) > 3 for colour in first_line)  # the text itself is there
    finally:
        window.close()


def test_typing_right_after_new_story_goes_into_its_first_chapter(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    project_id, _, _ = story_with_chapters(ui_store, ["Old story."])
    window = make_window(wire_services(ui_store))
    window.activateWindow()
    window.tree.select(Node("project", project_id))
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus, timeout=2000)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("A New Story", True)))
    window.new_story_action.trigger()
    qtbot.keyClicks(QApplication.focusWidget(), "First words")
    assert window.session.title == "A New Story — Chapter 1" and window.editor.chapter_text() == "First words"


def test_leaving_distraction_free_mode_gives_back_a_maximised_window(
        qtbot: QtBot, make_window: WindowFactory, ui_store: Store) -> None:
    _, _, ids = story_with_chapters(ui_store, ["Quiet."])
    window = make_window(wire_services(ui_store))
    assert window.open_chapter(ids[0])
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized, timeout=2000)
    window.focus_action.trigger()
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    window.leave_focus_action.trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=2000)
    assert window.isMaximized()  # not a normal window under its own title bar at the screen's corner
    assert window.tree_dock.isVisible() and window.menuBar().isVisible() and window.statusBar().isVisible()


def test_the_canon_search_field_shows_its_whole_hint_at_1024_by_700(qtbot: QtBot, make_window: WindowFactory,
                                                                     ui_store: Store) -> None:
    window = _at_1024_by_700(make_window, ui_store, ["Nothing canon here."])
    qtbot.wait(100)
    search = window.canon.search
    hint = search.fontMetrics().horizontalAdvance(search.placeholderText())
    # the text area inside the frame, the clear button and the margins: a generous 40 px of chrome
    assert search.width() - 40 >= hint, (search.width(), hint)
    # ... without widening the panel at the editor's and the Issues summary's expense
    assert window.canon_dock.width() <= 0.24 * window.width(), window.canon_dock.width()
