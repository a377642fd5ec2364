"""The Issues dock: every finding of the open chapter or the whole story; jump to it, fix it, or dismiss it."""

from __future__ import annotations

from functools import lru_cache, partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ficdesk.checking.model import Category
from ficdesk.ui.theme import Colours

if TYPE_CHECKING:
    from ficdesk.ui.checking import Issue

ROLE = Qt.ItemDataRole.UserRole
#: What the list covers: the open chapter, or every chapter of its story.
SCOPES = (("chapter", "This chapter"), ("story", "Whole story"))
CHAPTER_COLUMN = 3


def _same(one: Issue, other: Issue) -> bool:
    """The same finding in the same paragraph text (its paragraph number may differ)."""
    return one.match == other.match and one.paragraph == other.paragraph and one.chapter_id == other.chapter_id


@lru_cache(maxsize=64)
def category_icon(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


def excerpt(issue: Issue, width: int = 28) -> str:
    """The flagged words with a few words around them, on one line."""
    start, end = issue.match.start, issue.match.end
    before = issue.paragraph[max(0, start - width):start]
    after = issue.paragraph[end:end + width]
    if start > width:
        before = "…" + before.split(" ", 1)[-1]
    if end + width < len(issue.paragraph):
        after = after.rsplit(" ", 1)[0] + "…"
    return f"{before}[{issue.flagged}]{after}".replace("\n", " ")


class IssuesPanel(QWidget):
    """Lists issues; the window does the work when the author picks an action."""

    jumpRequested = Signal(object)  # Issue
    applyRequested = Signal(object, str)  # Issue, replacement
    ignoreOnceRequested = Signal(object)
    ignoreRuleRequested = Signal(object)
    addWordRequested = Signal(object)
    #: "chapter" or "story".
    scopeChanged = Signal(str)

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = colours
        self._labels: dict[int, str] = {}
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setHeaderLabels(["Issue", "Text", "Kind", "Chapter"])
        self.list.header().setStretchLastSection(False)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(CHAPTER_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.list.setColumnHidden(CHAPTER_COLUMN, True)
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)

        self.empty = QLabel()
        self.empty.setObjectName("calmNote")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.list)

        self.apply_button = QPushButton("Apply")
        self.apply_button.setToolTip("Replace the flagged words with the first suggestion (right-click an issue "
                                     "for the others)")
        self.apply_button.clicked.connect(lambda: self._apply_first())
        self.ignore_button = QPushButton("Ignore once")
        self.ignore_button.clicked.connect(lambda: self._emit("once"))
        self.ignore_rule_button = QPushButton("Ignore rule")
        self.ignore_rule_button.setToolTip("Stop reporting this kind of issue in this project")
        self.ignore_rule_button.clicked.connect(lambda: self._emit("rule"))
        self.add_word_button = QPushButton("Add to dictionary")
        self.add_word_button.clicked.connect(lambda: self._emit("word"))
        self.summary = QLabel()
        self.summary.setObjectName("calmNote")
        # It gives way to the buttons on a narrow window (the full text stays in its tooltip).
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.scope = QComboBox()
        for value, label in SCOPES:
            self.scope.addItem(label, value)
        self.scope.setToolTip("List the findings of the open chapter only, or of every chapter of its story")
        self.scope.currentIndexChanged.connect(self._scope_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.scope)
        buttons.addWidget(self.summary, 1)
        for button in (self.apply_button, self.ignore_button, self.ignore_rule_button, self.add_word_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.show_message("Open a chapter to see its issues.")

    # -- content ---------------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.list.clear()
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)
        self.summary.setText("")
        self._update_buttons()

    @property
    def story_scope(self) -> bool:
        return bool(self.scope.currentData() == "story")

    def set_story_scope(self, on: bool) -> None:
        self.scope.setCurrentIndex(1 if on else 0)

    def _scope_changed(self) -> None:
        self.list.setColumnHidden(CHAPTER_COLUMN, not self.story_scope)
        self.scopeChanged.emit(str(self.scope.currentData()))

    def set_issues(self, issues: list[Issue], chapter_labels: dict[int, str] | None = None) -> None:
        """Show ``issues``, touching only the rows that changed (a long chapter has thousands of them).

        ``chapter_labels`` names the chapter of each issue (whole-story list).
        """
        selected = self.current_issue()
        if (chapter_labels or {}) != self._labels:
            self._labels = dict(chapter_labels or {})
            self.list.clear()  # every row's chapter column may change
        if not issues:
            self.show_message("No issues in this story." if self.story_scope else "No issues in this chapter.")
            return
        old = self.issues() if self.stack.currentWidget() is self.list else []
        current = self.list.currentItem()
        row = -1 if current is None else self.list.indexOfTopLevelItem(current)
        # Rows before and after the edited stretch stay; only their paragraph numbers may have moved.
        limit = min(len(old), len(issues))
        head = 0
        while head < limit and _same(old[head], issues[head]):
            head += 1
        tail = 0
        while tail < limit - head and _same(old[-1 - tail], issues[-1 - tail]):
            tail += 1
        shift = len(old) - len(issues)
        for index in (*range(head), *range(len(issues) - tail, len(issues))):
            old_index = index if index < head else index + shift
            item = self.list.topLevelItem(old_index)
            if item is not None and old[old_index] != issues[index]:
                item.setData(0, ROLE, issues[index])
        for _ in range(len(old) - tail - head):
            self.list.takeTopLevelItem(head)
        fresh = [self._item(issue) for issue in issues[head:len(issues) - tail]]
        self.list.insertTopLevelItems(head, fresh)
        if head <= row < len(old) - tail:  # the selected row was replaced: select the same finding, or none
            self.list.setCurrentIndex(QModelIndex())
            for item in fresh:
                if selected is not None and _same(item.data(0, ROLE), selected):
                    self.list.setCurrentItem(item)
                    break
        if row < 0 and selected is not None and self.list.currentItem() is None:
            for index in range(self.list.topLevelItemCount()):  # rebuilt from scratch: find it again
                item = self.list.topLevelItem(index)
                if item is not None and _same(item.data(0, ROLE), selected):
                    self.list.setCurrentItem(item)
                    break
        self.stack.setCurrentWidget(self.list)
        counts: dict[Category, int] = {}
        for issue in issues:
            counts[issue.match.category] = counts.get(issue.match.category, 0) + 1
        total = len(issues)
        detail = ", ".join(f"{n} {category.value}" for category, n in sorted(counts.items()))
        where = ""
        if self.story_scope:
            chapters = len({issue.chapter_id for issue in issues})
            where = f" in {chapters} chapter{'s' if chapters != 1 else ''}"
        self.summary.setText(f"{total} issue{'s' if total != 1 else ''}{where} ({detail})")
        self.summary.setToolTip(self.summary.text())
        self._update_buttons()

    def _item(self, issue: Issue) -> QTreeWidgetItem:
        match = issue.match
        chapter = self._labels.get(issue.chapter_id, "") if issue.chapter_id is not None else ""
        item = QTreeWidgetItem([match.message, excerpt(issue), match.category.value, chapter])
        item.setIcon(0, category_icon(self.colours.categories.get(match.category, self.colours.accent)))
        item.setData(0, ROLE, issue)
        tip = match.message
        if match.replacements:
            tip += "\nSuggestions: " + ", ".join(match.replacements[:5])
        item.setToolTip(0, tip)
        return item

    def issues(self) -> list[Issue]:
        return [item.data(0, ROLE) for i in range(self.list.topLevelItemCount())
                if (item := self.list.topLevelItem(i)) is not None]

    def current_issue(self) -> Issue | None:
        item = self.list.currentItem()
        return None if item is None else item.data(0, ROLE)

    def select_next(self) -> Issue | None:
        """Move to the next issue (wrapping) and jump to it."""
        count = self.list.topLevelItemCount()
        if not count:
            return None
        current = self.list.currentItem()
        index = self.list.indexOfTopLevelItem(current) if current is not None else -1
        item = self.list.topLevelItem((index + 1) % count)
        if item is None:
            return None
        self.list.setCurrentItem(item)
        self._jump(item)
        issue: Issue = item.data(0, ROLE)
        return issue

    # -- actions -----------------------------------------------------------------------------------
    def _jump(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.jumpRequested.emit(item.data(0, ROLE))

    def _emit(self, action: str) -> None:
        issue = self.current_issue()
        if issue is None:
            return
        signal = {"once": self.ignoreOnceRequested, "rule": self.ignoreRuleRequested,
                  "word": self.addWordRequested}[action]
        signal.emit(issue)

    def _apply_first(self) -> None:
        issue = self.current_issue()
        if issue is not None and issue.match.replacements:
            self.applyRequested.emit(issue, issue.match.replacements[0])

    def _update_buttons(self, *_: object) -> None:
        issue = self.current_issue()
        has = issue is not None
        suggestions = issue.match.replacements if issue is not None else ()
        self.apply_button.setEnabled(bool(suggestions))
        self.apply_button.setText(f"Apply “{suggestions[0]}”" if suggestions else "Apply")
        self.ignore_button.setEnabled(has)
        self.ignore_rule_button.setEnabled(has)
        spelling = issue is not None and issue.match.category == Category.SPELLING
        # For spelling, "ignore" means this word, never all spelling (that would switch off the checker).
        self.ignore_rule_button.setText("Ignore word" if spelling else "Ignore rule")
        self.add_word_button.setEnabled(issue is not None and issue.match.category == Category.SPELLING)

    def _apply(self, replacement: str) -> None:
        issue = self.current_issue()
        if issue is not None:
            self.applyRequested.emit(issue, replacement)

    def _context_menu(self, point: object) -> None:
        issue = self.current_issue()
        if issue is None:
            return
        menu = QMenu(self)
        for replacement in issue.match.replacements[:8]:
            menu.addAction(f"Replace with “{replacement}”", partial(self._apply, replacement))
        if issue.match.replacements:
            menu.addSeparator()
        menu.addAction("Ignore once", lambda: self.ignoreOnceRequested.emit(issue))
        if issue.match.category == Category.SPELLING:
            menu.addAction(f"Ignore “{issue.flagged}” in this project", lambda: self.ignoreRuleRequested.emit(issue))
            menu.addAction(f"Add “{issue.flagged}” to dictionary", lambda: self.addWordRequested.emit(issue))
        else:
            menu.addAction("Ignore this rule in the project…", lambda: self.ignoreRuleRequested.emit(issue))
        from PySide6.QtGui import QCursor

        menu.exec(QCursor.pos())
