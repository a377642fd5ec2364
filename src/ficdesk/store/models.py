"""SQLAlchemy models of the project store.

Deleted projects, stories and chapters keep their rows with ``deleted_at`` set (the trash) so they
can be restored. JSON list columns hold fandom-style lists (relationships, characters, warnings).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Timezone-aware now, used for every timestamp column."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base with a naming convention so Alembic migrations are deterministic."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: DateTime(timezone=True)}


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Project(TimestampMixin, Base):
    __tablename__ = "project"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    #: The checker's spelling variety: "en-GB", "en-US" or "auto" (judged from each text's own spellings).
    language: Mapped[str] = mapped_column(String(16), default="auto")
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)

    stories: Mapped[list[Story]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="Story.position"
    )


class Story(TimestampMixin, Base):
    __tablename__ = "story"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(500))
    author: Mapped[str] = mapped_column(String(200), default="")
    fandoms: Mapped[list[str]] = mapped_column(JSON, default=list)
    relationships: Mapped[list[str]] = mapped_column(JSON, default=list)
    characters: Mapped[list[str]] = mapped_column(JSON, default=list)
    rating: Mapped[str] = mapped_column(String(50), default="Not Rated")
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    summary: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(30), default="draft")
    language: Mapped[str] = mapped_column(String(16), default="en-GB")
    owner: Mapped[str] = mapped_column(String(200), default="")
    disclaimer: Mapped[str] = mapped_column(Text, default="")
    start_note: Mapped[str] = mapped_column(Text, default="")
    end_note: Mapped[str] = mapped_column(Text, default="")
    disclaimer_template_id: Mapped[int | None] = mapped_column(
        ForeignKey("template.id", ondelete="SET NULL"), default=None
    )
    start_note_template_id: Mapped[int | None] = mapped_column(
        ForeignKey("template.id", ondelete="SET NULL"), default=None
    )
    end_note_template_id: Mapped[int | None] = mapped_column(
        ForeignKey("template.id", ondelete="SET NULL"), default=None
    )
    #: Incremented on every metadata update; an update based on an older version is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)

    project: Mapped[Project] = relationship(back_populates="stories")
    chapters: Mapped[list[Chapter]] = relationship(
        back_populates="story", cascade="all, delete-orphan", order_by="Chapter.position"
    )


class Chapter(TimestampMixin, Base):
    __tablename__ = "chapter"
    #: The next position and a story's reading order come from this index, not from a scan of the rows.
    __table_args__ = (Index("ix_chapter_story_position", "story_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("story.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(500), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    start_note: Mapped[str] = mapped_column(Text, default="")
    end_note: Mapped[str] = mapped_column(Text, default="")
    #: Incremented on every text save; a save based on an older version is refused.
    version: Mapped[int] = mapped_column(Integer, default=1)
    #: Incremented on every change of the chapter's notes (separate from the text's version).
    notes_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)

    story: Mapped[Story] = relationship(back_populates="chapters")
    snapshots: Mapped[list[Snapshot]] = relationship(
        back_populates="chapter", cascade="all, delete-orphan", order_by="Snapshot.created_at"
    )


class Snapshot(Base):
    __tablename__ = "snapshot"

    id: Mapped[int] = mapped_column(primary_key=True)
    chapter_id: Mapped[int] = mapped_column(ForeignKey("chapter.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500), default="")
    body: Mapped[str] = mapped_column(Text)
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    chapter_version: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(String(200), default="manual")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    chapter: Mapped[Chapter] = relationship(back_populates="snapshots")


class Template(TimestampMixin, Base):
    """A disclaimer, author's note or header block with ``{placeholders}``."""

    __tablename__ = "template"
    __table_args__ = (UniqueConstraint("project_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")


class UserWord(Base):
    """A word in the personal dictionary; ``project_id`` None means every project."""

    __tablename__ = "user_word"
    __table_args__ = (UniqueConstraint("project_id", "word"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    word: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class IgnoredMatch(Base):
    """A checker finding the author dismissed.

    ``scope`` is ``"once"`` (this spot only: identified by chapter, rule, flagged text and a little
    context, so it survives edits elsewhere in the chapter) or ``"rule"`` (the rule is off for the
    project).
    """

    __tablename__ = "ignored_match"
    __table_args__ = (Index("ix_ignored_match_lookup", "project_id", "scope", "rule_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    chapter_id: Mapped[int | None] = mapped_column(ForeignKey("chapter.id", ondelete="CASCADE"), default=None)
    scope: Mapped[str] = mapped_column(String(10), default="once")
    rule_id: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(String(500), default="")
    context: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


# --- canon reference ---------------------------------------------------------------------------


class CanonSource(TimestampMixin, Base):
    """A document the canon was built from; the text is kept so the canon can be rebuilt."""

    __tablename__ = "canon_source"
    __table_args__ = (UniqueConstraint("project_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(500))
    format: Mapped[str] = mapped_column(String(20), default="text")
    #: The document as imported (HTML stays HTML).
    raw_text: Mapped[str] = mapped_column(Text, default="")
    #: The plain text the builder read; fact offsets index it.
    text: Mapped[str] = mapped_column(Text, default="")

    entities: Mapped[list[CanonEntity]] = relationship(
        back_populates="source", cascade="all, delete-orphan", passive_deletes=True, order_by="CanonEntity.position"
    )


class CanonEntity(Base):
    """An entity as the builder found it in one source (author edits live in ``canon_edit``)."""

    __tablename__ = "canon_entity"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("canon_source.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(500))
    type: Mapped[str] = mapped_column(String(20))
    score: Mapped[float] = mapped_column(Float, default=0.0)
    #: From another work, named only in passing (see ``canon.model.Entity.mentioned``).
    mentioned: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    source: Mapped[CanonSource] = relationship(back_populates="entities")
    aliases: Mapped[list[CanonAlias]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="CanonAlias.id"
    )
    facts: Mapped[list[CanonFact]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="CanonFact.start_offset"
    )


class CanonAlias(Base):
    __tablename__ = "canon_alias"

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("canon_entity.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(500))


class CanonFact(Base):
    """A sentence about an entity; the offsets index the source's plain text."""

    __tablename__ = "canon_fact"

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("canon_entity.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)


class CanonEdit(Base):
    """One author edit of the canon (add, rename, retype, merge, delete, aliases, not canon), replayed after imports.

    ``target`` is the normalised name that identified the entity when the edit was made; ``value``
    holds the edit's arguments.
    """

    __tablename__ = "canon_edit"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    target: Mapped[str] = mapped_column(String(500))
    value: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CanonNote(TimestampMixin, Base):
    """The author's note on an entity, keyed like ``CanonEdit.target``."""

    __tablename__ = "canon_note"
    __table_args__ = (UniqueConstraint("project_id", "target"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    target: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text, default="")
