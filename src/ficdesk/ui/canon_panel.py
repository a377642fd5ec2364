"""The Canon dock: search the project's canon, browse it by type, read facts, keep notes, import, correct.

Corrections (rename, retype, merge, split an alias off, aliases, delete, "not canon", add by hand) go
through the ``canon_edit`` hook to the store's canon service, which keeps them across re-imports.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ficdesk.canon.model import Entity, EntityType
from ficdesk.errors import FicDeskError
from ficdesk.ui.background import BackgroundTask
from ficdesk.ui.canon_edit_dialog import AddEntryDialog

if TYPE_CHECKING:
    from ficdesk.ui.services import AppServices

TYPE_LABELS = {
    EntityType.CHARACTER: "Characters", EntityType.PERSON: "Real people", EntityType.WORK: "Works",
    EntityType.EPISODE: "Episodes", EntityType.PLACE: "Places", EntityType.ORGANISATION: "Organisations",
    EntityType.SPECIES: "Species", EntityType.OBJECT: "Objects", EntityType.RELATIONSHIP: "Relationships",
    EntityType.OTHER: "Other",
}
#: Groups listed after the fandom's own entries, whatever their type.
MENTIONED_LABEL = "Mentioned (other works)"
NOT_CANON_LABEL = "Not canon"
_NAME_TOKEN = re.compile(r"[^\W_][\w'’\-]*")
#: How many words around the cursor "follow cursor" tries as a name ("Ianto Jones", "Captain Jack Harkness").
MAX_NAME_WORDS = 4


class DetailsView(QTextBrowser):
    """The entry's details; while empty, a hint wrapped to the panel's width.

    Qt's own placeholder is drawn as one line: in a narrow panel only its first words showed.
    """

    def __init__(self, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = hint

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.document().isEmpty():
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        margin = round(self.document().documentMargin())
        area = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
        painter.drawText(area, Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, self.hint)
        painter.end()


class CanonPanel(QWidget):
    """Everything goes through the canon hooks of :class:`AppServices`; without them it says so calmly.

    Opening a chapter of another project reads that project's canon on a worker thread, once the chapter is
    on screen (the panel says it is reading meanwhile); ``loaded`` fires once the entries are listed.
    """

    importFinished = Signal(int)
    #: The project's entries are listed after :meth:`set_project` (names can be followed from now on).
    loaded = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.project_id: int | None = None
        self._entities: list[Entity] = []
        self._by_alias: dict[str, Entity] = {}
        self._shown: Entity | None = None
        self._importer = BackgroundTask("the import failed unexpectedly", self)
        self._importer.finished.connect(self._import_finished)
        self._importer.failed.connect(self._import_failed)
        self._reader = BackgroundTask("the canon could not be read", self)
        self._reader.finished.connect(self._read_finished)
        self._reader.failed.connect(self._read_failed)
        #: Counts the reads of the entries; a worker's answer to an older one is dropped.
        self._reads = 0
        #: A read of the project's entries is under way on the worker thread.
        self.reading = False

        self.search = QLineEdit(placeholderText="Search canon…")
        self.search.setToolTip("Names, aliases and facts; typos are fine.")
        self.search.setClearButtonEnabled(True)
        self.follow = QCheckBox("Follow cursor")
        self.follow.setChecked(True)
        self.import_button = QPushButton("Import…")
        self.import_button.setToolTip("Read a wiki-style document and add what it says to this project's canon")
        self.import_button.clicked.connect(self._choose_import)
        self.edit_button = QToolButton()
        self.edit_button.setText("Edit")
        self.edit_button.setToolTip("Correct the canon: rename, retype, merge, split, aliases, delete, add")
        self.edit_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.edit_menu = QMenu(self)
        self.edit_actions = self._make_edit_actions(self.edit_menu)
        self.edit_button.setMenu(self.edit_menu)
        self.edit_menu.aboutToShow.connect(self._update_edit_actions)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.hide()
        self.message = QLabel()
        self.message.setObjectName("calmNote")
        self.message.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setIndentation(12)
        self.tree.currentItemChanged.connect(self._item_changed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.details = DetailsView("Pick an entry, search, or put the text cursor on a name.")
        self.details.setOpenLinks(False)
        self.note = QPlainTextEdit(placeholderText="Your notes on this entry…")
        self.note.setMaximumHeight(90)
        self._note_timer = QTimer(self, singleShot=True, interval=600)
        self._note_timer.timeout.connect(self.save_note)
        self._note_dirty = False
        self.note.textChanged.connect(self._note_changed)

        # Two short rows instead of one long one, so the search hint is whole in the narrow panel of a
        # 1024 px screen without widening the panel.
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.edit_button)
        options = QHBoxLayout()
        options.addWidget(self.follow)
        options.addStretch(1)
        options.addWidget(self.import_button)
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.details, 1)
        self.note_heading = QLabel("Notes")
        self.note_heading.setObjectName("sectionHeading")
        detail_layout.addWidget(self.note_heading)
        detail_layout.addWidget(self.note)
        splitter = self.browser = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(detail_box)
        splitter.setSizes([260, 320])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addStretch(0)
        self._layout = layout

        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._search_timer.start)
        self._update_availability()

    # -- state -----------------------------------------------------------------------------------
    @property
    def available(self) -> bool:
        return self.services.canon_entities is not None or self.services.canon_search is not None

    def _update_availability(self) -> None:
        can_import = self.services.canon_import is not None and self.project_id is not None
        self.import_button.setEnabled(can_import and not self.progress.isVisible())
        self.edit_button.setEnabled(self.services.canon_edit is not None and self.project_id is not None)
        self._update_edit_actions()
        self.search.setEnabled(self.available and self.project_id is not None)
        self.follow.setEnabled(self.available)
        has_notes = self.services.canon_get_note is not None
        self.note.setVisible(has_notes)
        self.note_heading.setVisible(has_notes)
        browsing = self.available and self.project_id is not None
        self.browser.setVisible(browsing)
        self._layout.setStretch(self._layout.count() - 1, 0 if browsing else 1)
        if not self.available:
            self._say("Canon lookup is not available in this build of FicDesk.")
        elif self.project_id is None:
            self._say("Open a chapter to see its project's canon.")

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_project(self, project_id: int | None) -> None:
        if project_id == self.project_id:
            return
        self.save_note()
        self.project_id = project_id
        # The entity shown belongs to the old project: showing it again would ask the new one for its note.
        self._shown = None
        self.details.clear()
        self.note.blockSignals(True)
        self.note.clear()
        self.note.blockSignals(False)
        self._note_dirty = False
        read = self.services.canon_entities
        if project_id is None or read is None:
            self.reload()
            self.loaded.emit()
            return
        self._reads += 1
        number = self._reads

        def read_entries() -> tuple[int, list[Entity] | str]:  # on the worker thread
            try:
                return number, read(project_id)
            except FicDeskError as error:
                return number, str(error)

        self.reading = True
        self._list([])
        self._say("Reading this project's canon…")
        # Once the UI thread is idle: the reader would otherwise compete (for the GIL) with what is left of
        # showing the chapter.
        QTimer.singleShot(0, self, lambda: self._reader.start(read_entries) if number == self._reads else None)

    def reload(self) -> None:
        """Read the project's entities again, at once (after an import or a correction)."""
        self._reads += 1  # what a worker is still reading is older than this
        self.reading = False
        entities: list[Entity] = []
        if self.project_id is not None and self.services.canon_entities is not None:
            entities = self.services.canon_entities(self.project_id)
        self._list(entities)

    def _read_finished(self, result: object) -> None:
        assert isinstance(result, tuple)
        number, entities = result
        if number != self._reads:
            return  # another project was opened, or the canon reloaded, since this read began
        if isinstance(entities, str):
            self._read_failed(entities)
            return
        self.reading = False
        self._list(entities)
        self.loaded.emit()

    def _read_failed(self, reason: str) -> None:
        if self.reading:
            self.reading = False
            self._say(f"The canon could not be read: {reason}")

    def shutdown(self) -> None:
        """The window is closing (its store about to close): no read starts now, one under way is waited for."""
        self._reads += 1
        self.reading = False
        self._reader.wait(5000)

    def wait_until_read(self, timeout_ms: int = 60_000) -> bool:
        """Block until the entries being read are listed (screenshots, tests)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while self.reading:
            if deadline.hasExpired() or not self._reader.wait(max(1, deadline.remainingTime())):
                return False
            QCoreApplication.processEvents()  # the answer arrives as a queued signal
        return True

    def _list(self, entities: list[Entity]) -> None:
        """Show ``entities`` (the project's canon) and make their names followable."""
        self._entities = entities
        self._by_alias = {}
        for entity in reversed(self._entities):  # the most important entity wins a shared alias
            for name in (entity.name, *entity.aliases):
                self._by_alias[name.casefold()] = entity
        self._update_availability()
        if self.available and self.project_id is not None:
            self._say("" if self._entities or self.services.canon_entities is None else
                      "No canon yet. Import a wiki page or episode guide with “Import…”.")
        self.run_search()

    # -- search and browse -------------------------------------------------------------------
    def run_search(self) -> None:
        query = self.search.text().strip()
        if query and self.project_id is not None and self.services.canon_search is not None:
            entities = self.services.canon_search(self.project_id, query)
            self._fill(entities, ranked=True)
            if not entities:
                self._say(f"Nothing in canon matches “{query}”.")
            else:
                self._say("")
        else:
            self._fill(self._entities, ranked=False)

    def _fill(self, entities: list[Entity], *, ranked: bool) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        first: QTreeWidgetItem | None = None
        apart = [e for e in entities if e.mentioned or e.not_canon]
        for entity in [e for e in entities if not (e.mentioned or e.not_canon)] + apart:
            label = group_label(entity)
            group = groups.get(label)
            if group is None:
                group = QTreeWidgetItem([label])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[label] = group
                self.tree.addTopLevelItem(group)
                group.setExpanded(True)
            item = QTreeWidgetItem([entity.name])
            item.setData(0, Qt.ItemDataRole.UserRole, entity)
            if entity.aliases:
                item.setToolTip(0, "Also: " + ", ".join(entity.aliases))
            group.addChild(item)
            first = first or item
        self.tree.blockSignals(False)
        if ranked and first is not None:
            self.tree.setCurrentItem(first)
        elif self._shown is not None:
            self.show_entity(self._shown)

    def _item_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        entity = None if current is None else current.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(entity, Entity):
            self.show_entity(entity)

    def show_entity(self, entity: Entity) -> None:
        self.save_note()
        self._shown = entity
        flags = "".join((" · mentioned from another work" if entity.mentioned else "",
                         " · not canon" if entity.not_canon else ""))
        parts = [f"<h3 style='margin-bottom:2px'>{html.escape(entity.name)}</h3>",
                 f"<p style='margin-top:0'><i>{html.escape(str(entity.type).capitalize() + flags)}</i></p>"]
        if entity.aliases:
            parts.append("<p><b>Also known as:</b> " + html.escape(", ".join(entity.aliases)) + "</p>")
        if entity.facts:
            parts.append("<p><b>From the source:</b></p><ul>")
            parts.extend(f"<li>{html.escape(fact.text)}</li>" for fact in entity.facts[:40])
            parts.append("</ul>")
        else:
            parts.append("<p><i>No facts recorded.</i></p>")
        self.details.setHtml("".join(parts))
        self.note.blockSignals(True)
        if self.project_id is not None and self.services.canon_get_note is not None:
            self.note.setPlainText(self.services.canon_get_note(self.project_id, entity.name))
        self.note.setReadOnly(self.services.canon_set_note is None)
        self.note.blockSignals(False)
        self._note_dirty = False
        self._update_edit_actions()

    def _note_changed(self) -> None:
        self._note_dirty = True
        self._note_timer.start()

    def save_note(self) -> None:
        self._note_timer.stop()
        if (self._shown is None or self.project_id is None or self.services.canon_set_note is None
                or not self._note_dirty):
            return
        self.services.canon_set_note(self.project_id, self._shown.name, self.note.toPlainText())
        self._note_dirty = False

    # -- the author's corrections -------------------------------------------------------------
    def _make_edit_actions(self, menu: QMenu) -> dict[str, QAction]:
        actions: dict[str, QAction] = {}

        def add(key: str, text: str, slot: object) -> None:
            action = menu.addAction(text)
            action.triggered.connect(slot)
            actions[key] = action

        add("add", "Add entry…", self._ask_add)
        menu.addSeparator()
        add("rename", "Rename…", self._ask_rename)
        types = menu.addMenu("Change type")
        actions["type"] = types.menuAction()
        for kind in EntityType:
            action = types.addAction(kind.value.capitalize())
            action.triggered.connect(lambda _checked=False, value=kind.value: self.apply_edit("type", value))
            actions[f"type:{kind.value}"] = action
        add("merge", "Merge another entry into this…", self._ask_merge)
        add("split", "Split an alias off…", self._ask_split)
        add("alias-add", "Add alias…", self._ask_alias_add)
        add("alias-remove", "Remove alias…", self._ask_alias_remove)
        add("not-canon", "Mark not canon", self._toggle_canon)
        menu.addSeparator()
        add("delete", "Delete", self._ask_delete)
        return actions

    def _update_edit_actions(self) -> None:
        editable = self.services.canon_edit is not None and self.project_id is not None
        shown = self._shown
        for key, action in self.edit_actions.items():
            needs_entry = key != "add"
            action.setEnabled(editable and (shown is not None or not needs_entry))
        if shown is not None:
            has_aliases = bool(shown.aliases)
            self.edit_actions["split"].setEnabled(editable and has_aliases)
            self.edit_actions["alias-remove"].setEnabled(editable and has_aliases)
            self.edit_actions["not-canon"].setText("Mark canon again" if shown.not_canon else "Mark not canon")

    def _context_menu(self, position: QPoint) -> None:
        item = self.tree.itemAt(position)
        entity = None if item is None else item.data(0, Qt.ItemDataRole.UserRole)
        if item is not None and isinstance(entity, Entity):
            self.tree.setCurrentItem(item)
        self._update_edit_actions()
        self.edit_menu.popup(self.tree.viewport().mapToGlobal(position))

    def apply_edit(self, action: str, argument: str | None = None, *, kind: str | None = None,
                   aliases: tuple[str, ...] = (), name: str | None = None) -> Entity | None:
        """Apply one correction to the shown entry (or to ``name``); the panel then shows the result."""
        hook, project_id = self.services.canon_edit, self.project_id
        target = name if name is not None else (self._shown.name if self._shown is not None else None)
        if hook is None or project_id is None or target is None:
            return None
        self.save_note()
        try:
            entity = hook(project_id, action, target, argument, kind, aliases)
        except FicDeskError as error:
            self._say(str(error))
            return None
        self._shown = None
        self.reload()
        if entity is None:
            self._say(f"Deleted “{target}”.")
            self.details.clear()
            return None
        self._select(entity.name)
        self._say("")
        return entity

    def _select(self, name: str) -> None:
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for c in range(group.childCount() if group is not None else 0):
                item = group.child(c) if group is not None else None
                entity = None if item is None else item.data(0, Qt.ItemDataRole.UserRole)
                if item is not None and isinstance(entity, Entity) and entity.name == name:
                    self.tree.setCurrentItem(item)
                    self.show_entity(entity)
                    return

    def _ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        return value.strip() if ok and value.strip() else None

    def _ask_item(self, title: str, label: str, items: list[str]) -> str | None:
        if not items:
            return None
        value, ok = QInputDialog.getItem(self, title, label, items, 0, False)
        return value if ok and value else None

    def _ask_add(self) -> None:
        dialog = AddEntryDialog(self, self.search.text().strip())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            name, kind, aliases = dialog.entry()
            self.apply_edit("add", kind=kind, aliases=aliases, name=name)

    def _ask_rename(self) -> None:
        if self._shown is not None and (new := self._ask_text("Rename", "New name:", self._shown.name)):
            self.apply_edit("rename", new)

    def _ask_merge(self) -> None:
        if self._shown is None:
            return
        others = [e.name for e in self._entities if e.name != self._shown.name]
        if other := self._ask_item("Merge", f"Merge into “{self._shown.name}”:", others):
            self.apply_edit("merge", other)

    def _ask_split(self) -> None:
        if self._shown is not None and (alias := self._ask_item("Split alias off", "Alias:", self._shown.aliases)):
            self.apply_edit("split", alias)

    def _ask_alias_add(self) -> None:
        if self._shown is not None and (alias := self._ask_text("Add alias", f"Another name for {self._shown.name}:")):
            self.apply_edit("alias-add", alias)

    def _ask_alias_remove(self) -> None:
        if self._shown is not None and (alias := self._ask_item("Remove alias", "Alias:", self._shown.aliases)):
            self.apply_edit("alias-remove", alias)

    def _toggle_canon(self) -> None:
        if self._shown is not None:
            self.apply_edit("canon" if self._shown.not_canon else "not-canon")

    def _ask_delete(self) -> None:
        if self._shown is None:
            return
        answer = QMessageBox.question(self, "Delete entry", f"Delete “{self._shown.name}” from the canon?")
        if answer == QMessageBox.StandardButton.Yes:
            self.apply_edit("delete")

    # -- follow cursor -----------------------------------------------------------------------
    def entity_at(self, paragraph: str, offset: int) -> Entity | None:
        """The entity whose name or alias covers code-point ``offset`` of ``paragraph``."""
        if not self._by_alias:
            return None
        tokens = list(_NAME_TOKEN.finditer(paragraph))
        here = next((i for i, t in enumerate(tokens) if t.start() <= offset <= t.end()), None)
        if here is None:
            return None
        best: Entity | None = None
        best_len = 0
        for first in range(max(0, here - MAX_NAME_WORDS + 1), here + 1):
            for last in range(here, min(len(tokens), first + MAX_NAME_WORDS)):
                phrase = paragraph[tokens[first].start():tokens[last].end()]
                for candidate in (phrase, phrase.removesuffix("'s").removesuffix("’s")):
                    entity = self._by_alias.get(candidate.casefold())
                    if entity is not None and len(candidate) > best_len:
                        best, best_len = entity, len(candidate)
        return best

    def follow_cursor(self, paragraph: str, offset: int) -> None:
        if not self.follow.isChecked() or self.search.text().strip():
            return
        entity = self.entity_at(paragraph, offset)
        if entity is not None and entity is not self._shown:
            self.show_entity(entity)

    # -- import ----------------------------------------------------------------------------------
    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import canon", "",
                                              "Documents (*.txt *.md *.html *.htm *.docx);;All files (*)")
        if path:
            self.start_import(Path(path))

    def start_import(self, path: Path) -> None:
        hook, project_id = self.services.canon_import, self.project_id
        if hook is None or project_id is None:
            return
        self.progress.show()
        self._say(f"Reading {path.name}…")
        self._update_availability()
        self._importer.start(lambda: hook(project_id, path))

    def _import_finished(self, count: object) -> None:
        assert isinstance(count, int)
        self.progress.hide()
        self.reload()
        self._say(f"Imported {count} canon entr{'y' if count == 1 else 'ies'}.")
        self.importFinished.emit(count)

    def _import_failed(self, reason: str) -> None:
        self.progress.hide()
        self._update_availability()
        self._say(f"Import failed: {reason}")

    def wait_for_import(self, timeout_ms: int = 60_000) -> bool:
        return self._importer.wait(timeout_ms)



def group_label(entity: Entity) -> str:
    """The panel group of an entry: its type, or apart when it is not canon or from another work."""
    if entity.not_canon:
        return NOT_CANON_LABEL
    if entity.mentioned:
        return MENTIONED_LABEL
    return TYPE_LABELS.get(entity.type, str(entity.type))
