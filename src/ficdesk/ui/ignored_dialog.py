"""Check ▸ Dictionary and Ignored…: the words the checker accepts and the findings the author dismissed.

Lists the project's dictionary words, the personal dictionary shared by every project, ignored rules
and findings ignored once; Remove turns each back on. Changes go through ``store.dictionary``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ficdesk.errors import FicDeskError

if TYPE_CHECKING:
    from ficdesk.store import Store

ROLE = Qt.ItemDataRole.UserRole


class IgnoredDialog(QDialog):
    """One list, four groups; ``changed`` is called after each removal (the window re-filters)."""

    def __init__(self, store: Store, project_id: int, project_name: str, changed: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Dictionary and ignored findings — {project_name}")
        self.resize(620, 460)
        self._store = store
        self._project_id = project_id
        self._changed = changed
        self.list = QTreeWidget()
        self.list.setColumnCount(2)
        self.list.setHeaderLabels(["Entry", "Where"])
        self.list.setRootIsDecorated(True)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip("Check for it again")
        self.remove_button.clicked.connect(self.remove_current)
        self.message = QLabel()
        self.message.setObjectName("calmNote")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        dictionary = self._store.dictionary
        project_words = sorted(dictionary.words(self._project_id) - dictionary.words(None), key=str.casefold)
        shared_words = sorted(dictionary.words(None), key=str.casefold)
        entries = dictionary.ignored_entries(self._project_id)
        self.list.clear()
        groups = (
            ("Words accepted in this project", [(word, "this project", ("word", word, self._project_id))
                                                for word in project_words]),
            ("Words in your dictionary (every project)", [(word, "every project", ("word", word, None))
                                                          for word in shared_words]),
            ("Ignored rules", [(entry.rule_id, "whole project", ("entry", entry.id))
                               for entry in entries if entry.scope == "rule"]),
            ("Ignored once", [(f"{entry.text} ({entry.rule_id})", entry.context, ("entry", entry.id))
                              for entry in entries if entry.scope != "rule"]),
        )
        for title, rows in groups:
            group = QTreeWidgetItem([f"{title} ({len(rows)})"])
            group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.list.addTopLevelItem(group)
            for text, where, key in rows:
                item = QTreeWidgetItem([text, where])
                item.setData(0, ROLE, key)
                group.addChild(item)
            group.setExpanded(True)
        self.list.resizeColumnToContents(0)
        self._update_buttons()

    def entries(self) -> dict[str, list[str]]:
        """Group title (without the count) -> the texts listed under it."""
        listed: dict[str, list[str]] = {}
        for index in range(self.list.topLevelItemCount()):
            group = self.list.topLevelItem(index)
            assert group is not None
            title = group.text(0).rsplit(" (", 1)[0]
            listed[title] = [child.text(0) for n in range(group.childCount()) if (child := group.child(n))]
        return listed

    def select(self, text: str) -> bool:
        for index in range(self.list.topLevelItemCount()):
            group = self.list.topLevelItem(index)
            assert group is not None
            for n in range(group.childCount()):
                child = group.child(n)
                if child is not None and child.text(0) == text:
                    self.list.setCurrentItem(child)
                    return True
        return False

    def remove_current(self) -> None:
        item = self.list.currentItem()
        key = None if item is None else item.data(0, ROLE)
        if not key:
            return
        dictionary = self._store.dictionary
        try:
            if key[0] == "word":
                dictionary.remove_word(key[1], key[2])
            else:
                dictionary.remove_ignored(self._project_id, key[1])
        except FicDeskError as error:
            self.message.setText(str(error))
            return
        self.message.setText("Removed: it is checked again.")
        self.reload()
        self._changed()

    def _update_buttons(self, *_: object) -> None:
        item = self.list.currentItem()
        self.remove_button.setEnabled(item is not None and bool(item.data(0, ROLE)))
