"""The project tree's actions: create, rename, trash, restore, reorder, story properties.

Each one changes data through the store's services and then asks the window to show the result
(reload the tree, open or close a chapter). In a read-only window every one of them refuses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from ficdesk.ui.tree import Node

if TYPE_CHECKING:
    from ficdesk.ui.main_window import MainWindow


class TreeActions(QObject):
    """The slots behind the tree's menu and the Story menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def selection_changed(self, *_: object) -> None:
        node = self.window.tree.current_node()
        if node is not None and node.kind == "chapter" and not node.trashed:
            self.window.open_chapter(node.id)
        self.window.update_actions()

    def double_clicked(self, *_: object) -> None:
        node = self.window.tree.current_node()
        if node is not None and node.kind == "story" and not node.trashed:
            self.edit_story()

    def show_menu(self, point: object) -> None:
        node = self.window.tree.current_node()
        menu = QMenu(self.window)
        menu.addAction(self.window.new_project_action)
        if node is not None and not node.trashed:
            menu.addAction(self.window.new_story_action)
            if node.kind != "project":
                menu.addAction(self.window.new_chapter_action)
            menu.addSeparator()
            menu.addAction(self.window.rename_action)
            if node.kind != "project":
                menu.addAction(self.window.story_properties_action)
            menu.addAction(self.window.delete_action)
        if node is not None and node.trashed:
            menu.addAction(self.window.restore_action)
        menu.addSeparator()
        menu.addAction(self.window.show_trash_action)
        menu.exec(QCursor.pos())

    def _ask(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self.window, title, label, text=text)
        return value.strip() if ok and value.strip() else None

    def new_project(self, name: str | None = None) -> int | None:
        if not self.window.writable():
            return None
        name = name or self._ask("New project", "Project name (usually the fandom):")
        if not name:
            return None
        created: list[int] = []
        language = self.window.settings.language
        if self.window.attempt(lambda: created.append(self.window.store.projects.create(name, language=language).id)):
            self.window.reload_tree()
            self.window.tree.select(Node("project", created[0]))
            if not self.window.store.stories.list(created[0]):
                self.window.welcome_text.setText("Now add a story to your project (Ctrl+Shift+N).")
            return created[0]
        return None

    def new_story(self, title: str | None = None) -> int | None:
        if not self.window.writable():
            return None
        project_id = self.window.selected("project")
        if project_id is None:
            project_id = self.new_project()
            if project_id is None:
                return None
        title = title or self._ask("New story", "Story title:")
        if not title:
            return None
        created: list[int] = []
        if not self.window.attempt(lambda: created.append(self.window.store.stories.create(project_id, title).id)):
            return None
        chapter = self.window.store.chapters.create(created[0], "Chapter 1")
        self.window.reload_tree()
        self.window.tree.select(Node("chapter", chapter.id))
        self.window.editor.setFocus()  # the author starts typing the new story at once
        return created[0]

    def new_chapter(self, title: str | None = None) -> int | None:
        if not self.window.writable():
            return None
        story_id = self.window.selected("story")
        if story_id is None:
            return self.new_story() and self.window.chapter_id
        count = self.window.store.chapters.count(story_id)
        title = title if title is not None else f"Chapter {count + 1}"
        created: list[int] = []
        if not self.window.attempt(lambda: created.append(self.window.store.chapters.create(story_id, title).id)):
            return None
        self.window.reload_tree()
        self.window.tree.select(Node("chapter", created[0]))
        self.window.editor.setFocus()
        return created[0]

    def rename_selected(self, name: str | None = None) -> None:
        if not self.window.writable():
            return
        node = self.window.tree.current_node()
        if node is None or node.trashed:
            return
        item = self.window.tree.item_for(node)
        current = item.toolTip(0) if item is not None else ""
        name = name or self._ask("Rename", "New name:", current)
        if not name:
            return
        rename: dict[str, Callable[[], object]] = {
            "project": lambda: self.window.store.projects.rename(node.id, name),
            "story": lambda: self.window.store.stories.update(node.id, title=name),
            "chapter": lambda: self.window.store.chapters.rename(node.id, name),
        }
        if self.window.attempt(rename[node.kind]):
            self.window.reload_tree()
            self.window.update_title()

    def trash_selected(self) -> None:
        """Move the selected item to the trash, after the author confirmed (it may hold the open chapter)."""
        if not self.window.writable():
            return
        node = self.window.tree.current_node()
        if node is None or node.trashed or not self._confirm_trash(node):
            return
        window = self.window
        open_ids = {"chapter": window.chapter_id, "story": window.story_id, "project": window.project_id}
        if open_ids[node.kind] == node.id and not window.close_chapter():
            return  # its text could not be stored: it stays open
        delete: dict[str, Callable[[int], object]] = {
            "project": window.store.projects.delete, "story": window.store.stories.delete,
            "chapter": window.store.chapters.delete,
        }
        if window.attempt(lambda: delete[node.kind](node.id)):
            window.reload_tree()
            window.statusBar().showMessage("Moved to the trash. View ▸ Show Trash lists it for restoring.", 6000)

    def _confirm_trash(self, node: Node) -> bool:
        item = self.window.tree.item_for(node)
        name = (item.toolTip(0) or item.text(0)) if item is not None else node.kind
        inside = {"project": " with all its stories", "story": " with all its chapters", "chapter": ""}[node.kind]
        box = QMessageBox(QMessageBox.Icon.Question, "Move to Trash",
                          f"Move “{name}”{inside} to the trash?", parent=self.window)
        box.setInformativeText("Nothing is deleted: View ▸ Show Trash lists it, and Restore puts it back.")
        trash = box.addButton("Move to Trash", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(trash)
        box.exec()
        confirmed = box.clickedButton() is trash
        box.deleteLater()
        return confirmed

    def restore_selected(self) -> None:
        if not self.window.writable():
            return
        node = self.window.tree.current_node()
        if node is None or not node.trashed:
            return
        restore: dict[str, Callable[[int], object]] = {
            "project": self.window.store.projects.restore, "story": self.window.store.stories.restore,
            "chapter": self.window.store.chapters.restore,
        }
        if self.window.attempt(lambda: restore[node.kind](node.id)):
            self.window.reload_tree()
            self.window.tree.select(Node(node.kind, node.id))

    def move_chapter(self, chapter_id: int, index: int) -> None:
        if not self.window.writable():
            return
        if self.window.attempt(lambda: self.window.store.chapters.move(chapter_id, index)):
            self.window.reload_tree()
            self.window.tree.select(Node("chapter", chapter_id))

    def edit_story(self) -> None:
        from ficdesk.ui.dialogs import StoryDialog

        if not self.window.writable():
            return
        story_id = self.window.selected("story")
        if story_id is None:
            return
        store = self.window.store
        story = store.stories.get(story_id)
        hints = [fandom for other in store.stories.list(story.project_id) for fandom in other.fandoms]
        dialog = StoryDialog(story, self.window, fandom_hints=hints)
        # Based on the version the form was filled from: a change made elsewhere meanwhile is refused
        # (StaleUpdateError, shown by attempt) instead of being overwritten silently.
        if dialog.exec() and self.window.attempt(
                lambda: store.stories.update(story_id, expected_version=story.version, **dialog.values())):
            self.window.reload_tree()
            self.window.update_title()

    def edit_chapter_notes(self) -> None:
        """The open chapter's notes before and after its text (exports show them)."""
        from ficdesk.ui.dialogs import ChapterNotesDialog

        chapter_id = self.window.chapter_id
        if chapter_id is None or not self.window.writable():
            return
        store = self.window.store
        chapter = store.chapters.get(chapter_id)
        dialog = ChapterNotesDialog(self.window.session.title, chapter.start_note, chapter.end_note, self.window)
        values = dialog.values() if dialog.exec() else None
        if values is not None and self.window.attempt(lambda: store.chapters.set_notes(
                chapter_id, start_note=values["start_note"], end_note=values["end_note"],
                expected_version=chapter.notes_version)):  # notes changed elsewhere meanwhile are refused
            self.window.statusBar().showMessage("Chapter notes saved.", 4000)
