"""What the canon builder returns, shared by the builder, the store, the CLI and the UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    CHARACTER = "character"
    PERSON = "person"  # a real person: actor, writer, producer
    WORK = "work"  # a series, film, book, game, audio drama
    EPISODE = "episode"  # one instalment of a series: an episode, a short story of a cycle
    PLACE = "place"
    ORGANISATION = "organisation"
    SPECIES = "species"
    OBJECT = "object"
    RELATIONSHIP = "relationship"  # a pairing, often by its ship name ("Janto")
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
    #: From another work, named only in passing ("like Jack Bauer in 24"): not part of this fandom's canon.
    mentioned: bool = False
    #: The author marked the entry "not canon" (fanon, a mistake of the source); kept, but shown apart.
    not_canon: bool = False
