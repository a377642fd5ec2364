"""What the canon builder returns, shared by the builder, the store, the CLI and the UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    CHARACTER = "character"
    PERSON = "person"  # a real person: actor, writer, producer
    WORK = "work"  # an episode, series, film, book, audio drama
    PLACE = "place"
    ORGANISATION = "organisation"
    SPECIES = "species"
    OBJECT = "object"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Fact:
    """A sentence of the source that says something about an entity; offsets index the source text."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Entity:
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    #: Higher is more important (mentions, facts); entities are listed by it.
    score: float = 0.0
    #: The author's own note (kept in the project store; empty from the builder).
    note: str = ""
