"""The Issues dock: every finding of the open chapter or the whole story; jump to it, fix it, or dismiss it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache, partial
from operator import attrgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ficdesk.checking.model import Category
from ficdesk.ui.fitting_label import FittingLabel
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


#: What makes two findings "the same" for the list (the paragraph number may differ). Each is kept as its
#: own list of the findings' existing objects (no tuple per row: 40,000 new tuples cost a GC pass).
_PARTS = (attrgetter("match"), attrgetter("paragraph"), attrgetter("chapter_id"))


def _parts(issues: list[Issue]) -> tuple[list[object], ...]:
    return tuple(list(map(part, issues)) for part in _PARTS)
HEADERS = ("Issue", "Text", "Kind", "Chapter")


def _common_head(old: Sequence[object], new: Sequence[object], limit: int) -> int:
    """How many leading items (at most ``limit``) ``old`` and ``new`` share, by galloping slice comparisons.

    The comparisons run in C, and unchanged findings are the same objects: no Python code per row.
    """
    head, step = 0, 1
    while head < limit:
        end = min(limit, head + step)
        if old[head:end] == new[head:end]:
            head, step = end, step * 2
        elif step == 1:
            break
        else:
            step = 1
    return head


def _common_tail(old: Sequence[object], new: Sequence[object], limit: int) -> int:
    """How many trailing items (at most ``limit``) ``old`` and ``new`` share."""
    tail, step = 0, 1
    while tail < limit:
        end = min(limit, tail + step)
        if old[len(old) - end:len(old) - tail] == new[len(new) - end:len(new) - tail]:
            tail, step = end, step * 2
        elif step == 1:
            break
        else:
            step = 1
    return tail


class IssuesModel(QAbstractTableModel):
    """The findings as rows.

    :meth:`update` changes only the rows of the edited stretch (no reset), so a keystroke in a
    2,000,000-word story costs a few C-level list comparisons, not a walk over every row.
    """

    def __init__(self, colours: Colours, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.colours = colours
        self._rows: list[Issue] = []
        self._keys: tuple[list[object], ...] = _parts([])
        self.labels: dict[int, str] = {}
        #: Running tallies for the summary line, kept up to date with the changed rows only.
        self.categories: Counter[Category] = Counter()
        self.chapters: Counter[int | None] = Counter()

    # -- Qt model ----------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        issue = self._rows[index.row()]
        column = index.column()
        if role == ROLE:
            return issue
        if role == Qt.ItemDataRole.DisplayRole:
            match = issue.match
            if column == 0:
                return match.message
            if column == 1:
                return excerpt(issue)
            if column == 2:
                return match.category.value
            return self.labels.get(issue.chapter_id, "") if issue.chapter_id is not None else ""
        if column == 0 and role == Qt.ItemDataRole.DecorationRole:
            return category_icon(self.colours.categories.get(issue.match.category, self.colours.accent))
        if column == 0 and role == Qt.ItemDataRole.ToolTipRole:
            tip = issue.match.message
            if issue.match.replacements:
                tip += "\nSuggestions: " + ", ".join(issue.match.replacements[:5])
            return tip
        return None

    # -- content -----------------------------------------------------------------------------------
    def issue(self, row: int) -> Issue | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def issues(self) -> list[Issue]:
        return list(self._rows)

    def update(self, issues: list[Issue], labels: dict[int, str]) -> tuple[int, int, int]:
        """Show ``issues``; returns (first changed row, rows removed there, rows inserted there).

        Rows before and after the changed stretch stay (their paragraph numbers may move: they take the
        new findings' objects, which display the same). New chapter labels reset the model.
        """
        keys = _parts(issues)
        if labels != self.labels:
            self.beginResetModel()
            self.labels = dict(labels)
            self._rows, self._keys = list(issues), keys
            self.categories = Counter(issue.match.category for issue in issues)
            self.chapters = Counter(issue.chapter_id for issue in issues)
            self.endResetModel()
            return 0, -1, len(issues)  # -1: a reset, no row kept
        old_count = len(self._rows)
        # A prefix (suffix) of findings is shared when it is shared by each part: take the shortest.
        head = min(len(issues), old_count)
        for old_part, new_part in zip(self._keys, keys, strict=True):
            head = _common_head(old_part, new_part, head)
        tail = min(len(issues), old_count) - head
        for old_part, new_part in zip(self._keys, keys, strict=True):
            tail = _common_tail(old_part, new_part, tail)
        removed, added = self._rows[head:old_count - tail], issues[head:len(issues) - tail]
        if removed:
            self.beginRemoveRows(QModelIndex(), head, head + len(removed) - 1)
            del self._rows[head:head + len(removed)]
            self.endRemoveRows()
        if added:
            self.beginInsertRows(QModelIndex(), head, head + len(added) - 1)
            self._rows[head:head] = added
            self.endInsertRows()
        self._rows, self._keys = list(issues), keys
        self.categories.subtract(issue.match.category for issue in removed)
        self.categories.update(issue.match.category for issue in added)
        self.chapters.subtract(issue.chapter_id for issue in removed)
        self.chapters.update(issue.chapter_id for issue in added)
        return head, len(removed), len(added)

    def set_colours(self, colours: Colours) -> None:
        self.colours = colours
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))


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
        self.model = IssuesModel(colours, self)
        # A table view, not a tree view: QTreeView's layout asks the model about every row after each change.
        self.list = QTableView()
        self.list.setModel(self.model)
        self.list.setShowGrid(False)
        self.list.setWordWrap(False)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        rows = self.list.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.list.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Fixed widths, not ResizeToContents: that measures every row of the list after each change.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CHAPTER_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 90)
        header.resizeSection(CHAPTER_COLUMN, 120)
        self.list.setColumnHidden(CHAPTER_COLUMN, True)
        self.list.activated.connect(self._jump)
        self.list.clicked.connect(self._jump)
        self.list.selectionModel().currentChanged.connect(self._update_buttons)
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
        # It gives way to the buttons on a narrow window: "23 issues" then, the full text in its tooltip.
        self.summary = FittingLabel()
        self.summary.setObjectName("calmNote")
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

    @property
    def colours(self) -> Colours:
        return self.model.colours

    @colours.setter
    def colours(self, colours: Colours) -> None:
        self.model.set_colours(colours)

    # -- content ---------------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.model.update([], self.model.labels)
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)
        self.summary.set_texts()
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
        """Show ``issues``, changing only the rows of the stretch that changed (no walk over every row).

        ``chapter_labels`` names the chapter of each issue (whole-story list).
        """
        if not issues:
            self.model.update([], chapter_labels or {})
            self.show_message("No issues in this story." if self.story_scope else "No issues in this chapter.")
            return
        selected = self.current_issue()
        row = self.list.currentIndex().row()
        head, removed, added = self.model.update(issues, chapter_labels or {})
        if selected is not None and (removed < 0 or head <= row < head + removed):
            # The selected row was replaced: select the same finding among the new rows, or none.
            rows = range(len(issues)) if removed < 0 else range(head, head + added)
            found = next((r for r in rows if _same(issues[r], selected)), None)
            if found is None:
                self.list.selectionModel().clear()
            else:
                self.list.setCurrentIndex(self.model.index(found, 0))
        self.stack.setCurrentWidget(self.list)
        total = len(issues)
        detail = ", ".join(f"{n} {category.value}" for category, n in sorted(self.model.categories.items()) if n > 0)
        where = ""
        if self.story_scope:
            chapters = sum(1 for n in self.model.chapters.values() if n > 0)
            where = f" in {chapters} chapter{'s' if chapters != 1 else ''}"
        count = f"{total} issue{'s' if total != 1 else ''}"
        self.summary.set_texts(f"{count}{where} ({detail})", f"{count}{where}", count)
        self._update_buttons()

    def issues(self) -> list[Issue]:
        return self.model.issues()

    def count(self) -> int:
        """How many issues are listed (without copying the list)."""
        return self.model.rowCount()

    def current_issue(self) -> Issue | None:
        return self.model.issue(self.list.currentIndex().row())

    def select_row(self, row: int) -> Issue | None:
        """Make row ``row`` the current one (as a click would, without the jump)."""
        issue = self.model.issue(row)
        if issue is not None:
            self.list.setCurrentIndex(self.model.index(row, 0))
        return issue

    def activate_row(self, row: int) -> None:
        """Select row ``row`` and jump to its finding (what a click on it does)."""
        if self.select_row(row) is not None:
            self._jump(self.model.index(row, 0))

    def row_text(self, row: int, column: int) -> str:
        return str(self.model.data(self.model.index(row, column)) or "")

    def select_next(self) -> Issue | None:
        """Move to the next issue (wrapping) and jump to it."""
        count = self.model.rowCount()
        if not count:
            return None
        row = (self.list.currentIndex().row() + 1) % count
        self.activate_row(row)
        return self.model.issue(row)

    # -- actions -----------------------------------------------------------------------------------
    def _jump(self, index: QModelIndex) -> None:
        issue = self.model.issue(index.row()) if index.isValid() else None
        if issue is not None:
            self.jumpRequested.emit(issue)

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
