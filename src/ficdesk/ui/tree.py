"""The project tree: projects → stories → chapters, with drag-to-reorder for chapters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

if TYPE_CHECKING:
    from ficdesk.store import Store


ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Node:
    """What a tree item stands for."""

    kind: str  # "project", "story" or "chapter"
    id: int
    trashed: bool = False


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]


def chapter_label(title: str, position: int) -> str:
    return title or f"Chapter {position + 1}"


class ProjectTree(QTreeWidget):
    """Shows the store's projects; emits ``chapterMoved`` when a chapter is dropped somewhere new."""

    chapterMoved = Signal(int, int)  # chapter id, new index among its story's live chapters

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectTree")
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setIndentation(16)
        self.setUniformRowHeights(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.muted = QColor("#8a847a")

    # -- filling -------------------------------------------------------------------------------
    def reload(self, store: Store, *, show_trash: bool = False) -> None:
        """Rebuild from the store, keeping expanded items and the selection."""
        expanded = {node for node, item in self._all_items() if item.isExpanded()}
        selected = self.current_node()
        first_time = self.topLevelItemCount() == 0
        self.clear()
        for project in store.projects.list(include_deleted=show_trash):
            project_item = self._add(None, Node("project", project.id, project.deleted_at is not None),
                                     project.name, "")
            for story in store.stories.list(project.id, include_deleted=show_trash):
                outline = store.chapters.outline(story.id)  # titles and counts only: no chapter text is read
                words = sum(chapter.word_count for chapter in outline)
                story_item = self._add(project_item, Node("story", story.id, story.deleted_at is not None),
                                       story.title, f"{words:,}")
                for chapter in outline:
                    label = chapter_label(chapter.title, chapter.position)
                    self._add(story_item, Node("chapter", chapter.id), label, f"{chapter.word_count:,}")
                if show_trash:
                    for trashed in store.chapters.trash(story.id):
                        self._add(story_item, Node("chapter", trashed.id, True), trashed.title or "Chapter",
                                  f"{trashed.word_count:,}")
        for node, item in self._all_items():
            if first_time or node in expanded:
                item.setExpanded(node.kind != "chapter")
            if node == selected:
                self.setCurrentItem(item)

    def _add(self, parent: QTreeWidgetItem | None, node: Node, label: str, words: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([label + (" (in trash)" if node.trashed else ""), words])
        item.setData(0, ROLE, node)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setForeground(1, QBrush(self.muted))
        item.setToolTip(0, label)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if node.kind == "chapter" and not node.trashed:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        if node.kind == "story":
            flags |= Qt.ItemFlag.ItemIsDropEnabled
            font = item.font(0)
            font.setWeight(QFont.Weight.DemiBold)
            item.setFont(0, font)
        if node.trashed:
            font = item.font(0)
            font.setItalic(True)
            item.setFont(0, font)
            item.setForeground(0, QBrush(self.muted))
        item.setFlags(flags)
        if parent is None:
            self.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def _all_items(self) -> list[tuple[Node, QTreeWidgetItem]]:
        found: list[tuple[Node, QTreeWidgetItem]] = []
        stack = [item for i in range(self.topLevelItemCount()) if (item := self.topLevelItem(i)) is not None]
        while stack:
            item = stack.pop()
            found.append((item.data(0, ROLE), item))
            stack.extend(children(item))
        return found

    # -- lookups -------------------------------------------------------------------------------
    def current_node(self) -> Node | None:
        item = self.currentItem()
        return None if item is None else item.data(0, ROLE)

    def item_for(self, node: Node) -> QTreeWidgetItem | None:
        for candidate, item in self._all_items():
            if candidate.kind == node.kind and candidate.id == node.id:
                return item
        return None

    def select(self, node: Node) -> None:
        item = self.item_for(node)
        if item is not None:
            self.setCurrentItem(item)

    def parent_node(self, node: Node, kind: str) -> Node | None:
        """The nearest ancestor (or the node itself) of ``kind``."""
        item = self.item_for(node)
        while item is not None:
            candidate: Node = item.data(0, ROLE)
            if candidate.kind == kind:
                return candidate
            item = item.parent()
        return None

    # -- drag and drop -------------------------------------------------------------------------
    def drop_target(self, source: Node, point: QPoint) -> int | None:
        """Index among the story's live chapters where ``source`` would land if dropped at ``point``."""
        target = self.itemAt(point)
        source_item = self.item_for(source)
        if target is None or source_item is None or source.kind != "chapter" or source.trashed:
            return None
        story_item = source_item.parent()
        target_node: Node = target.data(0, ROLE)
        if target is story_item:
            return 0
        if story_item is None or target.parent() is not story_item or target_node.trashed:
            return None
        live = [child for child in children(story_item) if not child.data(0, ROLE).trashed]
        index = live.index(target)
        if point.y() > self.visualItemRect(target).center().y():
            index += 1
        if live.index(source_item) < index:
            index -= 1
        return index

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        source = self.current_node()
        if source is not None and self.drop_target(source, event.position().toPoint()) is not None:
            super().dragMoveEvent(event)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        # The store decides the order; the tree is rebuilt from it, so Qt's own item move is skipped.
        source = self.current_node()
        index = None if source is None else self.drop_target(source, event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if source is not None and index is not None:
            self.chapterMoved.emit(source.id, index)
