"""The Templates dialog: the project's disclaimers, notes and header blocks, with a live preview.

Edits are saved through ``store.templates`` as the author types (like chapters, there is nothing to
"save"). The preview is rendered by the core renderer through ``AppServices.render_template_text``
for the story (and chapter) open in the window, and names every unknown placeholder. The rendered
text can be inserted into the chapter (``insertRequested``, the window does the insertion) or
stored as the story's disclaimer, start note or end note.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ficdesk.errors import FicDeskError
from ficdesk.store.models import Template
from ficdesk.store.services.templates import TEMPLATE_KINDS
from ficdesk.templates import PLACEHOLDERS, RenderResult
from ficdesk.ui.services import AppServices

ROLE = Qt.ItemDataRole.UserRole
KIND_GROUPS = {
    "disclaimer": "Disclaimers", "story_start_note": "Story start notes", "story_end_note": "Story end notes",
    "chapter_start_note": "Chapter start notes", "chapter_end_note": "Chapter end notes", "header": "Header blocks",
}
KIND_NAMES = {
    "disclaimer": "Disclaimer", "story_start_note": "Story start note", "story_end_note": "Story end note",
    "chapter_start_note": "Chapter start note", "chapter_end_note": "Chapter end note", "header": "Header block",
}
#: Story fields a rendered template can be stored in, with their menu labels.
STORY_TARGETS = {"disclaimer": "Story Disclaimer", "start_note": "Story Start Note", "end_note": "Story End Note"}
#: Which story field a template of each kind is most likely meant for.
DEFAULT_TARGET = {"disclaimer": "disclaimer", "story_start_note": "start_note", "story_end_note": "end_note",
                  "chapter_start_note": "start_note", "chapter_end_note": "end_note", "header": "start_note"}
SAVE_DELAY_MS = 500
PREVIEW_DELAY_MS = 120


class TemplatesDialog(QDialog):
    """Edit a project's templates; insert or attach the one shown, rendered for the open story."""

    #: The rendered text to insert at the editor's cursor.
    insertRequested = Signal(str)
    #: A story's disclaimer or notes were set (story id).
    storyChanged = Signal(int)

    def __init__(self, services: AppServices, project_id: int, story_id: int | None = None,
                 chapter_id: int | None = None, parent: QWidget | None = None,
                 context: Callable[[], tuple[int | None, int | None]] | None = None) -> None:
        """``context``, when given, names the story and chapter open right now (checked on every preview).

        The dialog is not modal: the author may open another chapter while it stays open.
        """
        super().__init__(parent)
        self._context = context
        self.services = services
        self.store = services.store
        self.project_id = project_id
        self.story_id = story_id
        self.chapter_id = chapter_id
        self.template_id: int | None = None
        self.rendered: RenderResult | None = None
        self._loading = False
        self._body_dirty = False
        self.setWindowTitle("Templates")
        self.setObjectName("templatesDialog")
        self.resize(940, 620)

        self.list = QTreeWidget()
        self.list.setHeaderHidden(True)
        self.list.setIndentation(12)
        self.list.setMinimumWidth(220)
        self.list.currentItemChanged.connect(self._item_changed)
        self.list.itemDoubleClicked.connect(lambda *_: self.start_rename())
        self.add_button = QPushButton("New")
        self.add_button.setToolTip("A new template of the selected kind")
        self.add_button.clicked.connect(lambda: self.add_template())
        self.rename_button = QPushButton("Rename")
        self.rename_button.clicked.connect(self.start_rename)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self._confirm_delete)
        list_buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.delete_button):
            list_buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(list_buttons)

        self.name = QLineEdit()
        self.name.editingFinished.connect(self._name_edited)
        self.kind = QComboBox()
        for kind in TEMPLATE_KINDS:
            self.kind.addItem(KIND_NAMES.get(kind, kind), kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText("Write the template; {title}, {fandom}, {owner}… are filled in for each story.")
        self.body.textChanged.connect(self._body_changed)
        self.placeholder_button = QToolButton()
        self.placeholder_button.setText("Insert Placeholder")
        self.placeholder_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        placeholder_menu = QMenu(self.placeholder_button)
        for name, meaning in PLACEHOLDERS.items():
            placeholder_menu.addAction(f"{{{name}}} — {meaning}", partial(self._insert_placeholder, name))
        self.placeholder_button.setMenu(placeholder_menu)
        self.preview_heading = QLabel()
        self.preview_heading.setObjectName("sectionHeading")
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("templatePreview")
        self.preview.setReadOnly(True)
        self.problems = QLabel()
        self.problems.setObjectName("problemNote")
        self.problems.setWordWrap(True)
        self.empty_note = QLabel()
        self.empty_note.setObjectName("calmNote")
        self.empty_note.setWordWrap(True)

        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Kind", self.kind)
        text_row = QHBoxLayout()
        text_label = QLabel("&Text")
        text_label.setObjectName("sectionHeading")
        text_label.setBuddy(self.body)
        text_row.addWidget(text_label)
        text_row.addStretch(1)
        text_row.addWidget(self.placeholder_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addLayout(text_row)
        right_layout.addWidget(self.body, 3)
        right_layout.addWidget(self.preview_heading)
        right_layout.addWidget(self.preview, 2)
        right_layout.addWidget(self.problems)
        right_layout.addWidget(self.empty_note)
        self.editor_panel = right

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 690])
        splitter.setChildrenCollapsible(False)

        self.status = QLabel("Changes are saved as you type.")
        self.status.setObjectName("calmNote")
        self.insert_button = QPushButton("Insert at Cursor")
        self.insert_button.setToolTip("Insert the rendered text into the open chapter")
        self.insert_button.clicked.connect(self.insert_at_cursor)
        self.use_button = QToolButton()
        self.use_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.use_button.clicked.connect(lambda: self.use_for_story(self._default_target()))
        use_menu = QMenu(self.use_button)
        for target, label in STORY_TARGETS.items():
            use_menu.addAction(f"Use as {label}", partial(self.use_for_story, target))
        self.use_button.setMenu(use_menu)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.insert_button)
        bottom.addWidget(self.use_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_body)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.reload()

    # -- the list ----------------------------------------------------------------------------------
    def templates(self) -> list[Template]:
        return self.store.templates.list(self.project_id)

    def reload(self, select: int | None = None) -> None:
        """Fill the list grouped by kind, selecting ``select`` (else the template shown, else the first)."""
        wanted = select if select is not None else self.template_id
        self.list.blockSignals(True)
        self.list.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        chosen: QTreeWidgetItem | None = None
        first: QTreeWidgetItem | None = None
        order = {kind: index for index, kind in enumerate(TEMPLATE_KINDS)}
        for template in sorted(self.templates(), key=lambda t: (order.get(t.kind, 99), t.name.casefold())):
            group = groups.get(template.kind)
            if group is None:
                group = QTreeWidgetItem([KIND_GROUPS.get(template.kind, template.kind)])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setData(0, ROLE, template.kind)
                groups[template.kind] = group
                self.list.addTopLevelItem(group)
                group.setExpanded(True)
            item = QTreeWidgetItem([template.name])
            item.setData(0, ROLE, template.id)
            group.addChild(item)
            first = first or item
            if template.id == wanted:
                chosen = item
        self.list.blockSignals(False)
        target = chosen or first
        if target is not None:
            self.list.setCurrentItem(target)
        self.show_template(None if target is None else int(target.data(0, ROLE)))

    def _item_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is None or current.parent() is None:
            return
        self.show_template(int(current.data(0, ROLE)))

    def select(self, template_id: int) -> None:
        for index in range(self.list.topLevelItemCount()):
            group = self.list.topLevelItem(index)
            for child in range(group.childCount() if group is not None else 0):
                item = group.child(child) if group is not None else None
                if item is not None and item.data(0, ROLE) == template_id:
                    self.list.setCurrentItem(item)
                    return

    def show_template(self, template_id: int | None) -> None:
        """Show one template for editing (None: the project has no templates)."""
        if template_id == self.template_id and template_id is not None:
            return
        self.save_body()
        self.template_id = template_id
        template = None
        if template_id is not None:
            try:
                template = self.store.templates.get(template_id)
            except FicDeskError:
                template = None
        self._loading = True
        self.name.setText(template.name if template else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(template.kind if template else "disclaimer")))
        self.body.setPlainText(template.body if template else "")
        self._loading = False
        self.editor_panel.setEnabled(template is not None)
        self.rename_button.setEnabled(template is not None)
        self.delete_button.setEnabled(template is not None)
        self.refresh_preview()

    # -- editing -----------------------------------------------------------------------------------
    def _attempt(self, work: Callable[[], object]) -> bool:
        try:
            work()
        except FicDeskError as error:
            self.say(str(error).capitalize() + ".", problem=True)
            return False
        return True

    def say(self, text: str, *, problem: bool = False) -> None:
        self.status.setText(text)
        self.status.setObjectName("problemNote" if problem else "calmNote")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _body_changed(self) -> None:
        if self._loading:
            return
        self._body_dirty = True
        self._save_timer.start()
        self._preview_timer.start()

    def save_body(self) -> None:
        """Store the text being edited (called after a pause, on switching templates and on closing)."""
        self._save_timer.stop()
        if not self._body_dirty or self.template_id is None:
            return
        template_id, body = self.template_id, self.body.toPlainText()
        self._body_dirty = False
        if self._attempt(lambda: self.store.templates.update(template_id, body=body)):
            self.say("Changes are saved as you type.")

    def _name_edited(self) -> None:
        if self._loading or self.template_id is None:
            return
        name = self.name.text().strip()
        current = self.store.templates.get(self.template_id)
        if name == current.name:
            return
        self.rename_template(self.template_id, name)

    def rename_template(self, template_id: int, name: str) -> bool:
        if not self._attempt(lambda: self.store.templates.update(template_id, name=name)):
            self.name.setText(self.store.templates.get(template_id).name)
            return False
        self.reload(select=template_id)
        self.say(f"Renamed to “{name.strip()}”.")
        return True

    def start_rename(self) -> None:
        self.name.setFocus()
        self.name.selectAll()

    def _kind_changed(self) -> None:
        if self._loading or self.template_id is None:
            return
        template_id, kind = self.template_id, str(self.kind.currentData())
        if self._attempt(lambda: self.store.templates.update(template_id, kind=kind)):
            self.reload(select=template_id)
        self._update_use_button()

    def _insert_placeholder(self, name: str) -> None:
        self.body.insertPlainText(f"{{{name}}}")
        self.body.setFocus()

    def add_template(self, kind: str | None = None, name: str | None = None, body: str = "") -> int | None:
        """Create a template (of the selected kind unless given) and select it for editing."""
        kind = kind or self._selected_kind()
        if name is None:
            taken = {template.name.casefold() for template in self.templates()}
            base = f"New {KIND_NAMES.get(kind, kind).lower()}"
            name, number = base, 2
            while name.casefold() in taken:
                name, number = f"{base} {number}", number + 1
        created: list[int] = []
        if not self._attempt(lambda: created.append(self.store.templates.create(self.project_id, kind, name, body).id)):
            return None
        self.reload(select=created[0])
        self.start_rename()
        return created[0]

    def _selected_kind(self) -> str:
        item = self.list.currentItem()
        if item is None:
            return "disclaimer"
        group = item.parent() or item
        kind = group.data(0, ROLE)
        return kind if isinstance(kind, str) and kind in TEMPLATE_KINDS else "disclaimer"

    def _confirm_delete(self) -> None:
        if self.template_id is None:
            return
        name = self.store.templates.get(self.template_id).name
        answer = QMessageBox.question(self, "Delete template", f"Delete the template “{name}”? "
                                      "Stories keep the text they already use.")
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_template(self.template_id)

    def delete_template(self, template_id: int) -> bool:
        if template_id == self.template_id:
            self._body_dirty = False
            self.template_id = None
        if not self._attempt(lambda: self.store.templates.delete(template_id)):
            return False
        self.reload()
        self.say("Template deleted.")
        return True

    # -- preview and use ---------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.refresh_preview()  # the author may have opened another chapter meanwhile

    def refresh_preview(self) -> None:
        self._preview_timer.stop()
        if self._context is not None:
            self.story_id, self.chapter_id = self._context()
        hook = self.services.render_template_text
        story_title = ""
        if self.story_id is not None:
            try:
                story_title = self.store.stories.get(self.story_id).title
            except FicDeskError:
                self.story_id = self.chapter_id = None
        self.preview_heading.setText(f"Preview for “{story_title}”" if story_title else
                                     "Preview (open a chapter to fill in its story's details)")
        if hook is None or self.template_id is None:
            self.rendered = None
            self.preview.setPlainText("")
            self.problems.setText("" if hook is not None else "Previews are not available in this build of FicDesk.")
            self.empty_note.setText("")
        else:
            try:
                self.rendered = hook(self.body.toPlainText(), self.story_id, self.chapter_id)
            except FicDeskError as error:
                self.rendered = None
                self.preview.setPlainText("")
                self.problems.setText(str(error))
            else:
                self.preview.setPlainText(self.rendered.text)
                self.problems.setText("\n".join(f"⚠ {problem.capitalize()}" for problem in self.rendered.problems))
                self.empty_note.setText(
                    "No value in this story yet for: " + ", ".join(f"{{{name}}}" for name in self.rendered.empty)
                    + " (Story ▸ Story Properties)." if self.rendered.empty and self.story_id is not None else "")
        self.problems.setVisible(bool(self.problems.text()))
        self.empty_note.setVisible(bool(self.empty_note.text()))
        self._update_use_button()

    def _default_target(self) -> str:
        return DEFAULT_TARGET.get(str(self.kind.currentData()), "disclaimer")

    def _update_use_button(self) -> None:
        self.use_button.setText(f"Use as {STORY_TARGETS[self._default_target()]}")
        has_text = self.rendered is not None and self.template_id is not None
        self.use_button.setEnabled(has_text and self.story_id is not None)
        self.insert_button.setEnabled(has_text and self.chapter_id is not None)
        if self.story_id is None:
            self.use_button.setToolTip("Open a chapter of the story first")
        else:
            self.use_button.setToolTip("Store the rendered text as the story's disclaimer or notes (used on export)")

    def rendered_text(self) -> str | None:
        """The shown template rendered for the story (the preview, brought up to date)."""
        if self._preview_timer.isActive():
            self.refresh_preview()
        return None if self.rendered is None else self.rendered.text

    def insert_at_cursor(self) -> None:
        text = self.rendered_text()
        if text is not None and self.chapter_id is not None:
            self.insertRequested.emit(text)
            self.say("Inserted into the chapter.")

    def use_for_story(self, target: str) -> bool:
        """Store the rendered text as the story's ``target`` ("disclaimer", "start_note" or "end_note")."""
        text, story_id, template_id = self.rendered_text(), self.story_id, self.template_id
        if text is None or story_id is None or template_id is None or target not in STORY_TARGETS:
            return False
        self.save_body()
        fields: dict[str, Any] = {target: text, f"{target}_template_id": template_id}
        if not self._attempt(lambda: self.store.stories.update(story_id, **fields)):
            return False
        title = self.store.stories.get(story_id).title
        self.say(f"Set as the {STORY_TARGETS[target].removeprefix('Story ').lower()} of “{title}”.")
        self.storyChanged.emit(story_id)
        return True

    def done(self, result: int) -> None:
        self.save_body()
        super().done(result)
