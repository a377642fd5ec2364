"""The project's canon reference: imported sources, the merged entity list and the author's edits.

What the builder extracted is stored per source and replaced whenever the source is re-imported
or rebuilt. The author's edits (add, rename, retype, merge, delete, add or remove an alias, split an alias off
into an entry of its own, mark "not canon") and notes are stored apart, as a log keyed by the
entity's normalised name, and replayed over the merged extraction every time the canon is read, so
no re-import or rebuild can overwrite them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from ficdesk.canon.model import Entity, EntityType, Fact
from ficdesk.canon.search import CanonIndex, normalise
from ficdesk.errors import FicDeskError, NotFoundError
from ficdesk.store.models import CanonAlias, CanonEdit, CanonEntity, CanonFact, CanonNote, CanonSource, Project
from ficdesk.store.services.base import Service, get_live

MAX_NAME = 500
#: The author's corrections, as ``CanonService.edit`` and ``ficdesk canon edit`` name them.
EDIT_ACTIONS = ("delete", "rename", "type", "merge", "split", "add", "alias-add", "alias-remove", "not-canon",
                "canon")


@dataclass(frozen=True)
class SourceInfo:
    id: int
    name: str
    format: str
    entity_count: int
    updated_at: datetime


@dataclass
class _Live:
    """An entity of the merged view and the keys that identify it to the edit log."""

    key: str
    entity: Entity
    keys: set[str] = field(default_factory=set)


class CanonService(Service):
    """The canon of each project.

    The merged view and its search index are cached per project and rebuilt only when the
    project's canon rows change (checked with one cheap query per read).
    """

    def __init__(self, database: Any) -> None:
        super().__init__(database)
        self._cache: dict[int, tuple[tuple[Any, ...], list[_Live], CanonIndex | None]] = {}
        self._lock = threading.Lock()

    # --- sources -------------------------------------------------------------------------------

    def import_source(self, project_id: int, name: str, text: str, fmt: str = "text") -> int:
        """Build the canon of ``text`` and store it as source ``name``; the same name again rebuilds it."""
        name = " ".join(name.split())
        if not name:
            raise FicDeskError("a canon source needs a name")
        if len(name) > MAX_NAME:
            raise FicDeskError(f"a canon source name has at most {MAX_NAME} characters")
        # Here, not at the top: the builder and charset detection are a large part of every store
        # command's start-up, and only imports need them.
        from ficdesk.canon.document import plain_text
        from ficdesk.canon.extract import extract_entities

        document = plain_text(text, fmt)
        entities = extract_entities(document)
        with self.db.session() as session:
            get_live(session, Project, project_id)
            source = session.scalar(
                select(CanonSource).where(CanonSource.project_id == project_id, CanonSource.name == name)
            )
            if source is None:
                source = CanonSource(project_id=project_id, name=name)
                session.add(source)
            else:
                session.execute(delete(CanonEntity).where(CanonEntity.source_id == source.id))
            source.format, source.raw_text, source.text = fmt, text, document.text
            session.flush()
            _store_entities(session, source.id, entities)
            return source.id

    def rebuild(self, project_id: int) -> None:
        """Extract every source of the project again (after a builder upgrade); edits are kept."""
        for source in self._load_sources(project_id):
            self.import_source(project_id, source.name, source.raw_text, source.format)

    def sources(self, project_id: int) -> list[SourceInfo]:
        with self.db.session(write=False) as session:
            rows = session.execute(
                select(CanonSource.id, CanonSource.name, CanonSource.format, CanonSource.updated_at,
                       func.count(CanonEntity.id))
                .outerjoin(CanonEntity, CanonEntity.source_id == CanonSource.id)
                .where(CanonSource.project_id == project_id)
                .group_by(CanonSource.id, CanonSource.name, CanonSource.format, CanonSource.updated_at)
                .order_by(CanonSource.id)
            ).all()
        return [SourceInfo(row[0], row[1], row[2], row[4], row[3]) for row in rows]

    def source_text(self, source_id: int) -> str:
        """The plain text of a source (what fact offsets index)."""
        with self.db.session(write=False) as session:
            source = session.get(CanonSource, source_id)
            if source is None:
                raise NotFoundError(f"no canon source with id {source_id}")
            return source.text

    def remove_source(self, source_id: int) -> None:
        with self.db.session() as session:
            source = session.get(CanonSource, source_id)
            if source is None:
                raise NotFoundError(f"no canon source with id {source_id}")
            session.delete(source)

    # --- reading ---------------------------------------------------------------------------------

    def entities(self, project_id: int) -> list[Entity]:
        """The canon: every source merged by name and alias, with the author's edits and notes applied."""
        result = [item.entity for item in self._live(project_id)]
        result.sort(key=lambda e: (-e.score, e.name.casefold()))
        return result

    def names(self, project_id: int) -> tuple[str, ...]:
        """Every canonical name and alias (for the spelling dictionary), sorted, without duplicates."""
        found = {label for entity in self.entities(project_id) for label in (entity.name, *entity.aliases)}
        return tuple(sorted(found, key=str.casefold))

    def index(self, project_id: int) -> CanonIndex:
        live = self._live(project_id)
        with self._lock:
            stamp, cached_live, index = self._cache[project_id]
            if index is None or cached_live is not live:
                index = CanonIndex(sorted((item.entity for item in live),
                                          key=lambda e: (-e.score, e.name.casefold())))
                self._cache[project_id] = (stamp, live, index)
            return index

    def find(self, project_id: int, name: str) -> Entity:
        """The entity called ``name`` (name or alias); NotFoundError otherwise."""
        return self._resolve(project_id, name).entity

    def note(self, project_id: int, name: str) -> str:
        return self.find(project_id, name).note

    # --- author edits ------------------------------------------------------------------------------

    def edit(self, project_id: int, action: str, name: str, argument: str | None = None, *,
             type: EntityType | str | None = None, aliases: Iterable[str] = ()) -> Entity | None:
        """One author edit by name (what the CLI's ``canon edit`` and the panel call); see ``EDIT_ACTIONS``.

        ``argument`` is the new name (rename), the type (type), the other entry (merge) or the alias
        (split, alias-add, alias-remove). Returns the entry as it is after the edit (None after delete).
        """
        needs = {"rename": "a new name", "type": "a type", "merge": "the entry to merge in", "split": "an alias",
                 "alias-add": "an alias", "alias-remove": "an alias"}
        if action not in EDIT_ACTIONS:
            raise FicDeskError(f"unknown canon edit '{action}' (expected one of {', '.join(EDIT_ACTIONS)})")
        if action in needs and not (argument or "").strip():
            raise FicDeskError(f"'{action}' needs {needs[action]}")
        value = argument or ""
        if action == "delete":
            self.delete(project_id, name)
            return None
        if action == "rename":
            return self.rename(project_id, name, value)
        if action == "type":
            return self.retype(project_id, name, value)
        if action == "merge":
            return self.merge(project_id, name, value)
        if action == "split":
            return self.split_alias(project_id, name, value, type)
        if action == "add":
            return self.add_entity(project_id, name, type or EntityType.CHARACTER, aliases)
        if action == "alias-add":
            return self.add_alias(project_id, name, value)
        if action == "alias-remove":
            return self.remove_alias(project_id, name, value)
        return self.set_canon(project_id, name, action == "canon")

    def add_entity(self, project_id: int, name: str, type: EntityType | str = EntityType.CHARACTER,
                   aliases: Iterable[str] = ()) -> Entity:
        name = _clean_name(name)
        kind = _entity_type(type)
        clean_aliases = [_clean_name(alias) for alias in aliases]
        live = self._live(project_id)
        if _find(live, normalise(name)) is not None:
            raise FicDeskError(f"the canon already has an entity called '{name}'")
        self._record(project_id, "add", normalise(name),
                     {"name": name, "type": kind.value, "aliases": clean_aliases})
        return self.find(project_id, name)

    def rename(self, project_id: int, name: str, new_name: str) -> Entity:
        """Give an entity a new canonical name; the old one stays as an alias."""
        new_name = _clean_name(new_name)
        item = self._resolve(project_id, name)
        other = _find(self._live(project_id), normalise(new_name))
        if other is not None and other is not item and other.key != item.key:
            raise FicDeskError(f"'{new_name}' is already the name of another entity; merge them instead")
        self._record(project_id, "rename", item.key, {"name": new_name})
        return self.find(project_id, new_name)

    def retype(self, project_id: int, name: str, type: EntityType | str) -> Entity:
        item = self._resolve(project_id, name)
        self._record(project_id, "retype", item.key, {"type": _entity_type(type).value})
        return self.find(project_id, item.entity.name)

    def merge(self, project_id: int, into: str, other: str) -> Entity:
        """Make ``other`` part of ``into``: its names become aliases and its facts join."""
        target = self._resolve(project_id, into)
        source = self._resolve(project_id, other)
        if target.key == source.key:
            raise FicDeskError(f"'{into}' and '{other}' are already the same entity")
        self._record(project_id, "merge", target.key, {"other": source.key})
        return self.find(project_id, target.entity.name)

    def delete(self, project_id: int, name: str) -> None:
        """Remove an entity; it stays removed when its source is rebuilt."""
        item = self._resolve(project_id, name)
        self._record(project_id, "delete", item.key, {})

    def add_alias(self, project_id: int, name: str, alias: str) -> Entity:
        """Give an entity another name ("Tosh" for Toshiko Sato)."""
        alias = _clean_name(alias)
        item = self._resolve(project_id, name)
        key = normalise(alias)
        if key == normalise(item.entity.name) or any(normalise(a) == key for a in item.entity.aliases):
            raise FicDeskError(f"'{alias}' is already a name of '{item.entity.name}'")
        other = _find(self._live(project_id), key)
        if other is not None and other.key != item.key:
            raise FicDeskError(f"'{alias}' is the name of another entity ('{other.entity.name}'); merge them instead")
        self._record(project_id, "add_alias", item.key, {"alias": alias})
        return self.find(project_id, item.entity.name)

    def remove_alias(self, project_id: int, name: str, alias: str) -> Entity:
        """Drop one alias of an entity (the name is no longer looked up or linked)."""
        item = self._resolve(project_id, name)
        self._own_alias(item, alias)
        self._record(project_id, "remove_alias", item.key, {"alias": alias})
        return self.find(project_id, item.entity.name)

    def split_alias(self, project_id: int, name: str, alias: str,
                    type: EntityType | str | None = None) -> Entity:
        """Make an alias an entry of its own ("Sandor Clegane" taken out of "Gregor Clegane").

        The new entry keeps the facts that name it; its type is ``type`` or the old entry's.
        """
        item = self._resolve(project_id, name)
        self._own_alias(item, alias)
        kind = item.entity.type if type is None else _entity_type(type)
        self._record(project_id, "split", item.key, {"alias": alias, "type": kind.value})
        return self.find(project_id, alias)

    def set_canon(self, project_id: int, name: str, canon: bool) -> Entity:
        """Mark an entity "not canon" (``canon=False``) or canon again; it stays in the list, apart."""
        item = self._resolve(project_id, name)
        self._record(project_id, "canon", item.key, {"canon": bool(canon)})
        return self.find(project_id, item.entity.name)

    def set_note(self, project_id: int, name: str, text: str) -> None:
        item = self._resolve(project_id, name)
        with self.db.session() as session:
            note = session.scalar(
                select(CanonNote).where(CanonNote.project_id == project_id, CanonNote.target == item.key)
            )
            if note is None:
                session.add(CanonNote(project_id=project_id, target=item.key, text=text))
            else:
                note.text = text

    # --- helpers ---------------------------------------------------------------------------------

    @staticmethod
    def _own_alias(item: _Live, alias: str) -> None:
        if all(normalise(a) != normalise(alias) for a in item.entity.aliases):
            raise FicDeskError(f"'{alias}' is not an alias of '{item.entity.name}'")

    def _record(self, project_id: int, action: str, target: str, value: dict[str, Any]) -> None:
        with self.db.session() as session:
            get_live(session, Project, project_id)
            session.add(CanonEdit(project_id=project_id, action=action, target=target, value=value))

    def _stamp(self, session: Session, project_id: int) -> tuple[Any, ...]:
        """Changes whenever a source, entity, edit or note of the project changes."""
        sources = session.execute(
            select(func.count(CanonSource.id), func.max(CanonSource.updated_at), func.max(CanonEntity.id))
            .outerjoin(CanonEntity, CanonEntity.source_id == CanonSource.id)
            .where(CanonSource.project_id == project_id)
        ).one()
        edits = session.scalar(select(func.max(CanonEdit.id)).where(CanonEdit.project_id == project_id))
        notes = session.execute(
            select(func.count(CanonNote.id), func.max(CanonNote.updated_at)).where(CanonNote.project_id == project_id)
        ).one()
        return (*sources, edits, *notes)

    def _live(self, project_id: int) -> list[_Live]:
        with self.db.session(write=False) as session:
            get_live(session, Project, project_id)
            stamp = self._stamp(session, project_id)
            with self._lock:
                cached = self._cache.get(project_id)
            if cached is not None and cached[0] == stamp:
                return cached[1]
            extracted = _load_extracted(session, project_id)
            edits = session.scalars(
                select(CanonEdit).where(CanonEdit.project_id == project_id).order_by(CanonEdit.id)
            ).all()
            notes = {target: text for target, text in session.execute(
                select(CanonNote.target, CanonNote.text).where(CanonNote.project_id == project_id)
            )}
        live = _apply_edits(_merge_sources(extracted), [(e.action, e.target, e.value) for e in edits])
        for item in live:
            item.entity.note = notes.get(item.key, "")
        with self._lock:
            self._cache[project_id] = (stamp, live, None)
        return live

    def _resolve(self, project_id: int, name: str) -> _Live:
        item = _find(self._live(project_id), normalise(name))
        if item is None:
            raise NotFoundError(f"the canon has no entity called '{name}'")
        return item

    def _load_sources(self, project_id: int) -> list[CanonSource]:
        with self.db.session(write=False) as session:
            return list(session.scalars(
                select(CanonSource).where(CanonSource.project_id == project_id).order_by(CanonSource.id)
            ))


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned or not normalise(cleaned):
        raise FicDeskError("an entity needs a name")
    if len(cleaned) > MAX_NAME:
        raise FicDeskError(f"an entity name has at most {MAX_NAME} characters")
    return cleaned


def _entity_type(value: EntityType | str) -> EntityType:
    try:
        return EntityType(value)
    except ValueError:
        choices = ", ".join(kind.value for kind in EntityType)
        raise FicDeskError(f"unknown entity type '{value}' (expected one of {choices})") from None


def _store_entities(session: Session, source_id: int, entities: list[Entity]) -> None:
    for position, entity in enumerate(entities):
        row = CanonEntity(source_id=source_id, position=position, name=entity.name[:MAX_NAME],
                          type=entity.type.value, score=entity.score, mentioned=entity.mentioned)
        row.aliases = [CanonAlias(alias=alias[:MAX_NAME]) for alias in entity.aliases]
        row.facts = [CanonFact(text=fact.text, start_offset=fact.start, end_offset=fact.end) for fact in entity.facts]
        session.add(row)


def _load_extracted(session: Session, project_id: int) -> list[list[Entity]]:
    """The stored extraction of every source of the project, one list per source."""
    sources = session.scalars(
        select(CanonSource).where(CanonSource.project_id == project_id).order_by(CanonSource.id)
        .options(selectinload(CanonSource.entities).selectinload(CanonEntity.aliases),
                 selectinload(CanonSource.entities).selectinload(CanonEntity.facts))
    ).all()
    return [
        [
            Entity(name=row.name, type=_entity_type(row.type), aliases=[a.alias for a in row.aliases],
                   facts=[Fact(f.text, f.start_offset, f.end_offset) for f in row.facts], score=row.score,
                   mentioned=row.mentioned)
            for row in source.entities
        ]
        for source in sources
    ]


def _merge_sources(per_source: list[list[Entity]]) -> list[_Live]:
    """One entity per name across sources: two entities merge when one's name is the other's name or alias."""
    live: list[_Live] = []
    by_key: dict[str, _Live] = {}
    for entities in per_source:
        for entity in entities:
            name_key = normalise(entity.name)
            alias_keys = {normalise(alias) for alias in entity.aliases} - {""}
            target = by_key.get(name_key)
            if target is None:
                target = next((by_key[k] for k in alias_keys if k in by_key
                               and normalise(by_key[k].entity.name) == k), None)
            if target is None:
                copy = Entity(entity.name, entity.type, list(entity.aliases), list(entity.facts), entity.score,
                              mentioned=entity.mentioned)
                target = _Live(name_key, copy, {name_key, *alias_keys})
                live.append(target)
            else:
                _absorb(target, entity, alias_keys | {name_key})
            for key in target.keys:
                by_key.setdefault(key, target)
    return live


def _absorb(target: _Live, entity: Entity, keys: set[str], *, keep_name: bool = False) -> None:
    """Fold ``entity`` into ``target``; the better-scored name wins unless ``keep_name``."""
    merged = target.entity
    if not keep_name and entity.score > merged.score and normalise(entity.name) != normalise(merged.name):
        merged.aliases.append(merged.name)
        merged.name, merged.type = entity.name, entity.type
    for label in (entity.name, *entity.aliases):
        if normalise(label) != normalise(merged.name) and all(normalise(label) != normalise(a) for a in merged.aliases):
            merged.aliases.append(label)
    merged.aliases = [a for a in merged.aliases if normalise(a) != normalise(merged.name)]
    merged.facts.extend(entity.facts)
    merged.mentioned = merged.mentioned and entity.mentioned  # one source treating it as its own is enough
    merged.score = round(merged.score + entity.score, 3)
    target.keys |= keys


def _find(live: list[_Live], key: str) -> _Live | None:
    """The entity an edit key or a user-typed name means: identity, then current name, then alias."""
    if not key:
        return None
    for item in live:
        if item.key == key:
            return item
    for item in live:
        if normalise(item.entity.name) == key:
            return item
    for item in live:
        if key in item.keys or any(normalise(alias) == key for alias in item.entity.aliases):
            return item
    return None


def _apply_edits(live: list[_Live], edits: list[tuple[str, str, dict[str, Any]]]) -> list[_Live]:
    """Replay the edit log over the merged extraction; edits whose entity is gone are skipped."""
    for action, target, value in edits:
        if action == "add":
            existing = _find(live, target)
            if existing is None:
                entity = Entity(value["name"], _entity_type(value.get("type", "character")),
                                list(value.get("aliases", [])), [], 0.0)
                live.append(_Live(target, entity, {target, *(normalise(a) for a in entity.aliases)}))
            continue
        item = _find(live, target)
        if item is None:
            continue
        entity = item.entity
        if action == "rename":
            new_name = str(value["name"])
            if normalise(new_name) != normalise(entity.name):
                entity.aliases = [a for a in entity.aliases if normalise(a) != normalise(new_name)]
                entity.aliases.insert(0, entity.name)
                entity.name = new_name
            item.keys.add(normalise(new_name))
        elif action == "retype":
            entity.type = _entity_type(value["type"])
        elif action == "delete":
            live.remove(item)
        elif action == "merge":
            other = _find([x for x in live if x is not item], str(value["other"]))
            if other is not None:
                _absorb(item, other.entity, other.keys | {other.key}, keep_name=True)
                live.remove(other)
        elif action == "add_alias":
            alias = str(value["alias"])
            if all(normalise(a) != normalise(alias) for a in (entity.name, *entity.aliases)):
                entity.aliases.append(alias)
            item.keys.add(normalise(alias))
        elif action in ("remove_alias", "split"):
            _split_off(live, item, str(value["alias"]), _entity_type(value.get("type", entity.type))
                       if action == "split" else None)
        elif action == "canon":
            entity.not_canon = not value.get("canon", True)
    return live


def _split_off(live: list[_Live], item: _Live, alias: str, kind: EntityType | None) -> None:
    """Take ``alias`` off ``item``; with a ``kind``, it becomes an entry of its own with the facts naming it."""
    key = normalise(alias)
    entity = item.entity
    if all(normalise(a) != key for a in entity.aliases):
        return  # the source no longer gives this alias: nothing to take off
    entity.aliases = [a for a in entity.aliases if normalise(a) != key]
    item.keys.discard(key)
    if kind is None:
        return
    pattern = re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)", re.IGNORECASE)
    facts = [fact for fact in entity.facts if pattern.search(fact.text)]
    alone = Entity(alias, kind, [], facts, round(len(facts) + 1.0, 3), mentioned=entity.mentioned)
    live.append(_Live(key, alone, {key}))
