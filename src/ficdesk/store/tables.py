"""The store's schema as SQLAlchemy Core tables: the one definition of every table, column and index.

The ORM classes of :mod:`ficdesk.store.models` are mapped onto these tables, and Alembic compares its
migrations with :data:`metadata`. They live apart from the models so that a command that only reads a
summary (``ficdesk project list``, ``ficdesk info``) can run a Core select without importing the ORM,
which with the models' mapping is about a third of such a command's start-up.

Deleted projects, stories and chapters keep their rows with ``deleted_at`` set (the trash) so they
can be restored. JSON list columns hold fandom-style lists (relationships, characters, warnings).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

#: Constraint and index names, so that Alembic migrations are deterministic.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    """Timezone-aware now, used for every timestamp column."""
    return datetime.now(UTC)


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


def _parent(name: str, target: str, *, nullable: bool = False, index: bool = True) -> Column[int]:
    """A foreign key to ``target`` whose rows go with the parent's."""
    return Column(name, Integer, ForeignKey(target, ondelete="CASCADE"), nullable=nullable, index=index)


def _template_ref(name: str) -> Column[int]:
    return Column(name, Integer, ForeignKey("template.id", ondelete="SET NULL"), nullable=True, default=None)


def _text(name: str, length: int | None = None, *, default: str | None = "") -> Column[str]:
    return Column(name, String(length) if length else Text, nullable=False, default=default)


def _number(name: str, default: int | None = 0, *, server_default: str | None = None) -> Column[int]:
    return Column(name, Integer, nullable=False, default=default, server_default=server_default)


def _json_list(name: str) -> Column[list[str]]:
    return Column(name, JSON, nullable=False, default=list)


def _deleted_at() -> Column[datetime]:
    return Column("deleted_at", DateTime(timezone=True), nullable=True, default=None)


def _created_at() -> Column[datetime]:
    return Column("created_at", DateTime(timezone=True), nullable=False, default=utcnow)


def _timestamps() -> tuple[Column[datetime], Column[datetime]]:
    return _created_at(), Column("updated_at", DateTime(timezone=True), nullable=False, default=utcnow,
                                 onupdate=utcnow)


project = Table(
    "project", metadata,
    _id(),
    _text("name", 200, default=None),
    #: The checker's spelling variety: "en-GB", "en-US" or "auto" (judged from each text's own spellings).
    _text("language", 16, default="auto"),
    _deleted_at(),
    *_timestamps(),
)

story = Table(
    "story", metadata,
    _id(),
    _parent("project_id", "project.id"),
    _number("position"),
    _text("title", 500, default=None),
    _text("author", 200),
    _json_list("fandoms"),
    _json_list("relationships"),
    _json_list("characters"),
    _text("rating", 50, default="Not Rated"),
    _json_list("warnings"),
    _text("summary"),
    _text("status", 30, default="draft"),
    _text("language", 16, default="en-GB"),
    _text("owner", 200),
    _text("disclaimer"),
    _text("start_note"),
    _text("end_note"),
    _template_ref("disclaimer_template_id"),
    _template_ref("start_note_template_id"),
    _template_ref("end_note_template_id"),
    # Incremented on every metadata update; an update based on an older version is refused.
    _number("version", 1, server_default="1"),
    _deleted_at(),
    *_timestamps(),
)

chapter = Table(
    "chapter", metadata,
    _id(),
    _parent("story_id", "story.id"),
    _number("position"),
    _text("title", 500),
    _text("body"),
    _number("word_count"),
    _text("start_note"),
    _text("end_note"),
    # Incremented on every text save; a save based on an older version is refused.
    _number("version", 1),
    # Incremented on every change of the chapter's notes (separate from the text's version).
    _number("notes_version", 1, server_default="1"),
    _deleted_at(),
    *_timestamps(),
    # The next position and a story's reading order come from this index, not from a scan of the rows.
    Index("ix_chapter_story_position", "story_id", "position"),
)

snapshot = Table(
    "snapshot", metadata,
    _id(),
    _parent("chapter_id", "chapter.id"),
    _text("title", 500),
    _text("body", default=None),
    _number("word_count"),
    _number("chapter_version"),
    _text("reason", 200, default="manual"),
    _created_at(),
)

#: Disclaimers, author's notes and header blocks with ``{placeholders}``.
template = Table(
    "template", metadata,
    _id(),
    _parent("project_id", "project.id"),
    _text("kind", 40, default=None),
    _text("name", 200, default=None),
    _text("body"),
    *_timestamps(),
    UniqueConstraint("project_id", "name"),
)

#: The personal dictionary; ``project_id`` NULL means every project.
user_word = Table(
    "user_word", metadata,
    _id(),
    _parent("project_id", "project.id", nullable=True),
    _text("word", 200, default=None),
    _created_at(),
    UniqueConstraint("project_id", "word"),
)

#: Checker findings the author dismissed (see :class:`ficdesk.store.models.IgnoredMatch`).
ignored_match = Table(
    "ignored_match", metadata,
    _id(),
    _parent("project_id", "project.id", index=False),
    Column("chapter_id", Integer, ForeignKey("chapter.id", ondelete="CASCADE"), nullable=True, default=None),
    _text("scope", 10, default="once"),
    _text("rule_id", 100, default=None),
    _text("text", 500),
    _text("context", 500),
    _created_at(),
    Index("ix_ignored_match_lookup", "project_id", "scope", "rule_id"),
)

# --- canon reference ---------------------------------------------------------------------------

#: A document the canon was built from; the text is kept so the canon can be rebuilt.
canon_source = Table(
    "canon_source", metadata,
    _id(),
    _parent("project_id", "project.id"),
    _text("name", 500, default=None),
    _text("format", 20, default="text"),
    # The document as imported (HTML stays HTML).
    _text("raw_text"),
    # The plain text the builder read; fact offsets index it.
    _text("text"),
    *_timestamps(),
    UniqueConstraint("project_id", "name"),
)

#: An entity as the builder found it in one source (author edits live in ``canon_edit``).
canon_entity = Table(
    "canon_entity", metadata,
    _id(),
    _parent("source_id", "canon_source.id"),
    _number("position"),
    _text("name", 500, default=None),
    _text("type", 20, default=None),
    Column("score", Float, nullable=False, default=0.0),
    # From another work, named only in passing (see ``canon.model.Entity.mentioned``).
    Column("mentioned", Boolean, nullable=False, default=False, server_default=false()),
)

canon_alias = Table(
    "canon_alias", metadata,
    _id(),
    _parent("entity_id", "canon_entity.id"),
    _text("alias", 500, default=None),
)

#: A sentence about an entity; the offsets index the source's plain text.
canon_fact = Table(
    "canon_fact", metadata,
    _id(),
    _parent("entity_id", "canon_entity.id"),
    _text("text", default=None),
    _number("start_offset", None),
    _number("end_offset", None),
)

#: One author edit of the canon, replayed after imports (see :class:`ficdesk.store.models.CanonEdit`).
canon_edit = Table(
    "canon_edit", metadata,
    _id(),
    _parent("project_id", "project.id"),
    _text("action", 20, default=None),
    _text("target", 500, default=None),
    Column("value", JSON, nullable=False, default=dict),
    _created_at(),
)

#: The author's note on an entity, keyed like ``canon_edit.target``.
canon_note = Table(
    "canon_note", metadata,
    _id(),
    _parent("project_id", "project.id"),
    _text("target", 500, default=None),
    _text("text"),
    *_timestamps(),
    UniqueConstraint("project_id", "target"),
)
