"""What an import produces: a story's metadata, notes and chapters, before anything is stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ImportedChapter:
    """One chapter: its title (without "Chapter 3:"), its text and its own notes."""

    title: str = ""
    text: str = ""
    start_note: str = ""
    end_note: str = ""


@dataclass
class ImportedStory:
    """The result of parsing a file; :func:`ficdesk.formats.save_import` stores it.

    ``rating`` is the rating as the author wrote it ("PG-13", "gentle NC-17"); ``ao3_rating`` is
    AO3's name for it where the mapping is clear, else None. ``extra`` keeps header fields FicDesk
    has no column for (Spoilers, Beta, Genre, …) in the order found; they are written into the
    story's start note when saved. ``sources`` maps a field name to the line it was read from, for
    the import preview. ``dropped`` lists the lines removed as web-page boilerplate or repeated
    titles, so nothing disappears silently. ``encoding_guessed`` says the encoding is a guess.
    """

    title: str | None = None
    author: str | None = None
    fandoms: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    rating: str | None = None
    ao3_rating: str | None = None
    warnings: list[str] = field(default_factory=list)
    warnings_text: str | None = None
    summary: str | None = None
    owner: str | None = None
    disclaimer: str | None = None
    start_note: str | None = None
    end_note: str | None = None
    word_count: int | None = None
    extra: dict[str, str] = field(default_factory=dict)
    chapters: list[ImportedChapter] = field(default_factory=list)
    encoding: str = "utf-8"
    encoding_guessed: bool = False
    sources: dict[str, str] = field(default_factory=dict)
    source_format: str = "txt"
    source_name: str = ""
    dropped: list[str] = field(default_factory=list)

    @property
    def authors_note(self) -> str | None:
        """The story's author's notes (start and end) as one text, or None."""
        notes = [note for note in (self.start_note, self.end_note) if note]
        return "\n\n".join(notes) if notes else None

    def to_json(self) -> dict[str, Any]:
        """The ``ficdesk import --dry-run --format json`` document (``None`` where absent)."""
        return {
            "title": self.title,
            "author": self.author,
            "fandom": ", ".join(self.fandoms) or None,
            "relationships": list(self.relationships),
            "characters": list(self.characters),
            "rating": self.rating,
            "warnings": self.warnings_text or ", ".join(self.warnings) or None,
            "summary": self.summary,
            "disclaimer": self.disclaimer,
            "authors_note": self.authors_note,
            "word_count": self.word_count,
            "encoding": self.encoding,
            "chapters": [{"title": chapter.title, "text": chapter.text} for chapter in self.chapters],
            "dropped": list(self.dropped),
            "ao3_rating": self.ao3_rating,
            "encoding_guessed": self.encoding_guessed,
            "sources": dict(self.sources),
        }
