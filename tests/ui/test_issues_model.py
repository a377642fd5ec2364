"""The Issues panel is a Qt model: an edit in one paragraph changes only that paragraph's rows."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from ficdesk.checking.model import Category, Match
from ficdesk.ui.checking import Issue
from ficdesk.ui.issues_panel import IssuesPanel
from ficdesk.ui.theme import colours_for

CHAPTERS = {1: "Ch. 1", 2: "Ch. 2", 3: "Ch. 3"}


def _story(paragraphs: int) -> list[Issue]:
    """Two findings in every paragraph of three chapters, in reading order (text written for the test)."""
    result = []
    for chapter in CHAPTERS:
        for block in range(paragraphs):
            text = f"In chapter {chapter}, paragraph {block} has teh typo and a double double word."
            result.append(Issue(block, text, Match(text.index("teh"), text.index("teh") + 3, "TYPO",
                                                   Category.SPELLING, "Possible typo", ["the"]), chapter))
            start = text.index("double")
            result.append(Issue(block, text, Match(start, start + 13, "REPEAT", Category.GRAMMAR,
                                                   "Word repeated", ["double"]), chapter))
    return result


class _Changes:
    def __init__(self, panel: IssuesPanel) -> None:
        self.inserted: list[tuple[int, int]] = []
        self.removed: list[tuple[int, int]] = []
        self.resets = 0
        model = panel.model
        model.rowsInserted.connect(lambda _parent, first, last: self.inserted.append((first, last)))
        model.rowsRemoved.connect(lambda _parent, first, last: self.removed.append((first, last)))
        model.modelReset.connect(self._reset)

    def _reset(self) -> None:
        self.resets += 1


def test_an_edit_in_one_paragraph_changes_only_that_paragraphs_rows(qtbot: QtBot) -> None:
    panel = IssuesPanel(colours_for("light"))
    qtbot.addWidget(panel)
    panel.set_story_scope(True)
    before = _story(500)
    panel.set_issues(before, CHAPTERS)
    changes = _Changes(panel)

    # Chapter 2, paragraph 7 is edited: its typo is fixed, its repeat stays (in the new paragraph text).
    edited = 500 * 2 + 7 * 2  # the row of that paragraph's first finding
    new_text = before[edited].paragraph.replace("teh", "the")
    after = [*before[:edited], replace(before[edited + 1], paragraph=new_text), *before[edited + 2:]]
    panel.set_issues(after, CHAPTERS)

    assert changes.resets == 0
    assert changes.removed == [(edited, edited + 1)]
    assert changes.inserted == [(edited, edited)]
    assert panel.issues() == after
    assert panel.count() == len(after)
    assert panel.summary.text() == f"{len(after)} issues in 3 chapters (1500 grammar, 1499 spelling)"

    # A new paragraph inserted above in the open chapter: the later rows keep their rows (no change),
    # and the list hands out their new paragraph numbers.
    moved = [replace(issue, block=issue.block + 1) if issue.chapter_id == 2 and issue.block >= 7 else issue
             for issue in after]
    panel.set_issues(moved, CHAPTERS)
    assert changes.resets == 0
    assert len(changes.inserted) == 1 and len(changes.removed) == 1
    assert panel.issues()[edited].block == 8


def test_new_chapter_labels_reset_the_list_once(qtbot: QtBot) -> None:
    panel = IssuesPanel(colours_for("light"))
    qtbot.addWidget(panel)
    issues = _story(3)
    panel.set_issues(issues, CHAPTERS)
    changes = _Changes(panel)
    panel.set_issues(issues, {**CHAPTERS, 2: "Ch. 2: renamed"})
    assert changes.resets == 1 and not changes.inserted and not changes.removed
    assert panel.row_text(6, 3) == "Ch. 2: renamed"
