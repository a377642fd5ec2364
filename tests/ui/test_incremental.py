"""The pieces that keep typing fast in a long chapter: the paragraph mirror, line spacing for
QPlainTextEdit, the issues list updated row by row, and saves that take the editor's word count."""

from __future__ import annotations

import random

from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from ficdesk.checking.model import Category, Match
from ficdesk.store import Store
from ficdesk.text.counting import count_words
from ficdesk.ui.checking import Issue
from ficdesk.ui.editor import ChapterEditor
from ficdesk.ui.issues_panel import IssuesPanel
from ficdesk.ui.paragraphs import Paragraphs, join_paragraphs
from ficdesk.ui.saving import ChapterSaver
from ficdesk.ui.theme import colours_for
from tests.ui.conftest import story_with_chapters

WORDS = ("Jack", "Ianto’s", "coffee", "well-known", "rift", "—", "said", "“Wait,”", "🙂", "is", "x")


def _random_text(rng: random.Random, length: int) -> str:
    parts = []
    for _ in range(length):
        parts.append(rng.choice(WORDS))
        parts.append(rng.choice([" ", " ", " ", "\n", "\n\n", ". "]))
    return "".join(parts)


def _check(editor: ChapterEditor, mirror: Paragraphs) -> None:
    text = editor.chapter_text()
    assert mirror.texts == text.split("\n")
    assert mirror.text() == text
    assert mirror.words == count_words(text)


def test_the_mirror_follows_every_kind_of_edit(qtbot: QtBot) -> None:
    editor = ChapterEditor()
    qtbot.addWidget(editor)
    mirror = Paragraphs(editor.document())
    rng = random.Random(8)
    editor.set_chapter_text(_random_text(rng, 300))
    _check(editor, mirror)
    document = editor.document()
    for step in range(300):
        cursor = QTextCursor(document)
        end = document.characterCount() - 1
        start = rng.randint(0, end)
        cursor.setPosition(start)
        cursor.setPosition(rng.randint(start, min(end, start + rng.choice([0, 1, 5, 80, 400]))),
                           QTextCursor.MoveMode.KeepAnchor)
        kind = rng.random()
        if kind < 0.5:
            cursor.insertText(_random_text(rng, rng.randint(0, 6)))
        elif kind < 0.7:
            cursor.removeSelectedText()
        elif kind < 0.8:
            cursor.insertBlock()
        elif kind < 0.9:
            document.undo()
        else:
            document.redo()
        _check(editor, mirror)
        if step % 100 == 99:
            editor.set_chapter_text(_random_text(rng, 50))
            _check(editor, mirror)


def test_typed_keys_reach_the_mirror(qtbot: QtBot) -> None:
    editor = ChapterEditor()
    qtbot.addWidget(editor)
    mirror = Paragraphs(editor.document())
    editor.set_chapter_text("First paragraph.\n\nSecond one here.")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " More words")
    qtbot.keyClick(editor, "\r")
    qtbot.keyClicks(editor, "A new paragraph")
    _check(editor, mirror)
    assert mirror.texts[-1] == "A new paragraph"
    assert join_paragraphs(["a\u2028b", "c"]) == "a\nb\nc"


def test_line_spacing_moves_lines_apart_and_survives_edits(qtbot: QtBot) -> None:
    editor = ChapterEditor()
    qtbot.addWidget(editor)
    editor.resize(500, 400)
    editor.show()
    editor.set_chapter_text("word " * 200 + "\n\nshort")
    block = editor.document().firstBlock()
    editor.configure("", 12, 400, 100)
    single = editor.blockBoundingRect(block).height()
    editor.configure("", 12, 400, 200)
    double = editor.blockBoundingRect(block).height()
    lines = block.layout().lineCount()
    assert lines > 3
    assert abs(double - 2 * single) <= 2 * lines  # rounding of line heights aside
    cursor = QTextCursor(block)
    cursor.insertText("more words at the start ")
    qtbot.wait(10)
    editor.repaint()
    layout = block.layout()
    assert layout.lineAt(0).y() > 0
    gaps = {round(layout.lineAt(n + 1).y() - layout.lineAt(n).y()) for n in range(layout.lineCount() - 1)}
    assert gaps == {round(2 * layout.lineAt(0).height())}


def _issue(block: int, paragraph: str, start: int, rule: str = "R") -> Issue:
    return Issue(block, paragraph, Match(start, start + 3, rule, Category.GRAMMAR, f"message {rule}", ["fix"]))


def test_issues_list_changes_only_what_changed(qtbot: QtBot) -> None:
    panel = IssuesPanel(colours_for("light"))
    qtbot.addWidget(panel)
    first = [_issue(n, f"paragraph {n} text", 0) for n in range(10)]
    panel.set_issues(first)
    kept_row = QPersistentModelIndex(panel.model.index(8, 0))
    panel.select_row(8)
    # A new paragraph with an issue at 4: everything after it moves down one paragraph.
    second = [*first[:4], _issue(4, "a new paragraph", 2, "NEW"),
              *[_issue(n + 1, f"paragraph {n} text", 0) for n in range(4, 10)]]
    panel.set_issues(second)
    assert panel.issues() == second
    assert kept_row.row() == 9  # the row stayed (moved down by the insert), its paragraph number moved
    assert panel.current_issue() == second[9]
    assert panel.summary.text() == "11 issues (11 grammar)"
    # The selected issue is fixed: nothing is selected instead of a neighbour.
    third = [issue for issue in second if issue.paragraph != "paragraph 8 text"]
    panel.set_issues(third)
    assert panel.issues() == third
    assert panel.current_issue() is None
    panel.set_issues([])
    assert panel.issues() == []
    panel.set_issues(first)
    assert panel.issues() == first


def test_a_save_can_build_its_text_on_the_worker_and_take_the_word_count(qtbot: QtBot, ui_store: Store) -> None:
    _, _, (chapter_id,) = story_with_chapters(ui_store, ["Old text."])
    chapter = ui_store.chapters.get(chapter_id)
    saver = ChapterSaver(ui_store)
    saver.track(chapter_id, chapter.version, chapter.word_count)
    paragraphs = ("Jack’s coat was wet.", "", "Ianto smiled.")
    with qtbot.waitSignal(saver.saved, timeout=10_000):
        saver.save_later(chapter_id, lambda: join_paragraphs(paragraphs), word_count=6)
    stored = ui_store.chapters.get(chapter_id)
    assert stored.body == "Jack’s coat was wet.\n\nIanto smiled."
    assert stored.word_count == count_words(stored.body) == 6
