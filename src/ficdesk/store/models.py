"""The ORM classes of the project store, mapped onto the Core tables of :mod:`ficdesk.store.tables`.

The tables (columns, defaults, indexes) are defined there, once; here are the classes the services
return and the relationships between them. The annotations name each column's Python type.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

from ficdesk.store import tables


class Base(DeclarativeBase):
    """Declarative base over the tables' metadata (with its naming convention, for Alembic)."""

    metadata = tables.metadata


class Project(Base):
    __table__ = tables.project

    id: Mapped[int]
    name: Mapped[str]
    #: The checker's spelling variety: "en-GB", "en-US" or "auto" (judged from each text's own spellings).
    language: Mapped[str]
    deleted_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    stories: Mapped[list[Story]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="Story.position"
    )


class Story(Base):
    __table__ = tables.story

    id: Mapped[int]
    project_id: Mapped[int]
    position: Mapped[int]
    title: Mapped[str]
    author: Mapped[str]
    fandoms: Mapped[list[str]]
    relationships: Mapped[list[str]]
    characters: Mapped[list[str]]
    rating: Mapped[str]
    warnings: Mapped[list[str]]
    summary: Mapped[str]
    status: Mapped[str]
    language: Mapped[str]
    owner: Mapped[str]
    disclaimer: Mapped[str]
    start_note: Mapped[str]
    end_note: Mapped[str]
    disclaimer_template_id: Mapped[int | None]
    start_note_template_id: Mapped[int | None]
    end_note_template_id: Mapped[int | None]
    #: Incremented on every metadata update; an update based on an older version is refused.
    version: Mapped[int]
    deleted_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    project: Mapped[Project] = relationship(back_populates="stories")
    chapters: Mapped[list[Chapter]] = relationship(
        back_populates="story", cascade="all, delete-orphan", order_by="Chapter.position"
    )


class Chapter(Base):
    __table__ = tables.chapter

    id: Mapped[int]
    story_id: Mapped[int]
    position: Mapped[int]
    title: Mapped[str]
    body: Mapped[str]
    word_count: Mapped[int]
    start_note: Mapped[str]
    end_note: Mapped[str]
    #: Incremented on every text save; a save based on an older version is refused.
    version: Mapped[int]
    #: Incremented on every change of the chapter's notes (separate from the text's version).
    notes_version: Mapped[int]
    deleted_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    story: Mapped[Story] = relationship(back_populates="chapters")
    snapshots: Mapped[list[Snapshot]] = relationship(
        back_populates="chapter", cascade="all, delete-orphan", order_by="Snapshot.created_at"
    )


class Snapshot(Base):
    __table__ = tables.snapshot

    id: Mapped[int]
    chapter_id: Mapped[int]
    title: Mapped[str]
    body: Mapped[str]
    word_count: Mapped[int]
    chapter_version: Mapped[int]
    reason: Mapped[str]
    created_at: Mapped[datetime]

    chapter: Mapped[Chapter] = relationship(back_populates="snapshots")


class Template(Base):
    """A disclaimer, author's note or header block with ``{placeholders}``."""

    __table__ = tables.template

    id: Mapped[int]
    project_id: Mapped[int]
    kind: Mapped[str]
    name: Mapped[str]
    body: Mapped[str]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class UserWord(Base):
    """A word in the personal dictionary; ``project_id`` None means every project."""

    __table__ = tables.user_word

    id: Mapped[int]
    project_id: Mapped[int | None]
    word: Mapped[str]
    created_at: Mapped[datetime]


class IgnoredMatch(Base):
    """A checker finding the author dismissed.

    ``scope`` is ``"once"`` (this spot only: identified by chapter, rule, flagged text and a little
    context, so it survives edits elsewhere in the chapter) or ``"rule"`` (the rule is off for the
    project).
    """

    __table__ = tables.ignored_match

    id: Mapped[int]
    project_id: Mapped[int]
    chapter_id: Mapped[int | None]
    scope: Mapped[str]
    rule_id: Mapped[str]
    text: Mapped[str]
    context: Mapped[str]
    created_at: Mapped[datetime]


# --- canon reference ---------------------------------------------------------------------------


class CanonSource(Base):
    """A document the canon was built from; the text is kept so the canon can be rebuilt."""

    __table__ = tables.canon_source

    id: Mapped[int]
    project_id: Mapped[int]
    name: Mapped[str]
    format: Mapped[str]
    #: The document as imported (HTML stays HTML).
    raw_text: Mapped[str]
    #: The plain text the builder read; fact offsets index it.
    text: Mapped[str]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    entities: Mapped[list[CanonEntity]] = relationship(
        back_populates="source", cascade="all, delete-orphan", passive_deletes=True, order_by="CanonEntity.position"
    )


class CanonEntity(Base):
    """An entity as the builder found it in one source (author edits live in ``canon_edit``)."""

    __table__ = tables.canon_entity

    id: Mapped[int]
    source_id: Mapped[int]
    position: Mapped[int]
    name: Mapped[str]
    type: Mapped[str]
    score: Mapped[float]
    #: From another work, named only in passing (see ``canon.model.Entity.mentioned``).
    mentioned: Mapped[bool]

    source: Mapped[CanonSource] = relationship(back_populates="entities")
    aliases: Mapped[list[CanonAlias]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="CanonAlias.id"
    )
    facts: Mapped[list[CanonFact]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="CanonFact.start_offset"
    )


class CanonAlias(Base):
    __table__ = tables.canon_alias

    id: Mapped[int]
    entity_id: Mapped[int]
    alias: Mapped[str]


class CanonFact(Base):
    """A sentence about an entity; the offsets index the source's plain text."""

    __table__ = tables.canon_fact

    id: Mapped[int]
    entity_id: Mapped[int]
    text: Mapped[str]
    start_offset: Mapped[int]
    end_offset: Mapped[int]


class CanonEdit(Base):
    """One author edit of the canon (add, rename, retype, merge, delete, aliases, not canon), replayed after imports.

    ``target`` is the normalised name that identified the entity when the edit was made; ``value``
    holds the edit's arguments.
    """

    __table__ = tables.canon_edit

    id: Mapped[int]
    project_id: Mapped[int]
    action: Mapped[str]
    target: Mapped[str]
    value: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]


class CanonNote(Base):
    """The author's note on an entity, keyed like ``CanonEdit.target``."""

    __table__ = tables.canon_note

    id: Mapped[int]
    project_id: Mapped[int]
    target: Mapped[str]
    text: Mapped[str]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
