"""The Canon dock: search the project's canon, browse it by type, read facts, keep notes, import."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ficdesk.canon.model import Entity, EntityType
from ficdesk.ui.background import BackgroundTask

if TYPE_CHECKING:
    from ficdesk.ui.services import AppServices

TYPE_LABELS = {
    EntityType.CHARACTER: "Characters", EntityType.PERSON: "Real people", EntityType.WORK: "Episodes & works",
    EntityType.PLACE: "Places", EntityType.ORGANISATION: "Organisations", EntityType.SPECIES: "Species",
    EntityType.OBJECT: "Objects", EntityType.OTHER: "Other",
}
_NAME_TOKEN = re.compile(r"[^\W_][\w'’\-]*")
#: How many words around the cursor "follow cursor" tries as a name ("Ianto Jones", "Captain Jack Harkness").
MAX_NAME_WORDS = 4


class CanonPanel(QWidget):
    """Everything goes through the canon hooks of :class:`AppServices`; without them it says so calmly."""

    importFinished = Signal(int)

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

        self.search = QLineEdit(placeholderText="Search canon (typos are fine)…")
        self.search.setClearButtonEnabled(True)
        self.follow = QCheckBox("Follow cursor")
        self.follow.setChecked(True)
        self.import_button = QPushButton("Import…")
        self.import_button.setToolTip("Read a wiki-style document and add what it says to this project's canon")
        self.import_button.clicked.connect(self._choose_import)
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
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setPlaceholderText("Pick an entry, search, or put the text cursor on a name.")
        self.note = QPlainTextEdit(placeholderText="Your notes on this entry…")
        self.note.setMaximumHeight(90)
        self._note_timer = QTimer(self, singleShot=True, interval=600)
        self._note_timer.timeout.connect(self.save_note)
        self._note_dirty = False
        self.note.textChanged.connect(self._note_changed)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.import_button)
        options = QHBoxLayout()
        options.addWidget(self.follow)
        options.addStretch(1)
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
        self.reload()

    def reload(self) -> None:
        """Read the project's entities again (after an import)."""
        self._entities = []
        if self.project_id is not None and self.services.canon_entities is not None:
            self._entities = self.services.canon_entities(self.project_id)
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
        groups: dict[EntityType, QTreeWidgetItem] = {}
        first: QTreeWidgetItem | None = None
        for entity in entities:
            group = groups.get(entity.type)
            if group is None:
                group = QTreeWidgetItem([TYPE_LABELS.get(entity.type, str(entity.type))])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[entity.type] = group
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
        parts = [f"<h3 style='margin-bottom:2px'>{html.escape(entity.name)}</h3>",
                 f"<p style='margin-top:0'><i>{html.escape(str(entity.type).capitalize())}</i></p>"]
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
