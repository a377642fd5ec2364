"""What an import produces: a story's metadata, notes and chapters, before anything is stored."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
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

    def preview_values(self) -> dict[str, str]:
        """Every field the import preview lets the author correct, as one line of text each."""
        return {
            "title": self.title or "", "author": self.author or "", "fandom": ", ".join(self.fandoms),
            "relationships": ", ".join(self.relationships), "characters": ", ".join(self.characters),
            "rating": self.rating or "", "ao3_rating": self.ao3_rating or "",
            "warnings": self.warnings_text or ", ".join(self.warnings), "summary": self.summary or "",
            "disclaimer": self.disclaimer or "", "authors_note": self.start_note or "",
        }

    def corrected(self, values: Mapping[str, str]) -> ImportedStory:
        """A copy with the fields the author corrected in the preview (lists written comma-separated)."""
        from ficdesk.formats.patterns import split_list

        unknown = set(values) - set(self.preview_values())
        if unknown:
            raise ValueError(f"not a preview field: {', '.join(sorted(unknown))}")
        changed = {key: value.strip() for key, value in values.items() if value.strip() != self.preview_values()[key]}
        lists = {"fandom": "fandoms", "relationships": "relationships", "characters": "characters"}
        updates: dict[str, Any] = {}
        for key, value in changed.items():
            if key in lists:
                updates[lists[key]] = split_list(value, names=False) if value else []
            elif key == "warnings":
                updates["warnings"] = split_list(value, names=False) if value else []
                updates["warnings_text"] = value or None
            elif key == "authors_note":
                updates["start_note"] = value or None
            else:
                updates[key] = value or None
        return replace(self, **updates)

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
