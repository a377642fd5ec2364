"""Storing an :class:`ImportedStory`: its fields mapped to a story, stored by the import service.

The store's :class:`~ficdesk.store.services.imports.ImportService` writes the story and all its
chapters in one transaction; this module only decides what goes where (the rating on AO3's scale,
header fields FicDesk has no column for into the start note).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ficdesk.formats.model import ImportedStory

if TYPE_CHECKING:
    from ficdesk.store import Store

_TITLE_MAX = 500


def story_title(imported: ImportedStory) -> str:
    """The imported title, else the file name without its extension, else "Imported story"."""
    title = (imported.title or "").strip()
    if not title and imported.source_name:
        title = imported.source_name.rsplit(".", 1)[0].replace("_", " ").strip()
    return (title or "Imported story")[:_TITLE_MAX]


def start_note_with_extras(imported: ImportedStory) -> str:
    """The story's start note followed by header fields FicDesk has no place for (Beta, Spoilers, …)."""
    extras = "\n".join(f"{label}: {value}" for label, value in imported.extra.items())
    return "\n\n".join(part for part in (imported.start_note or "", extras) if part)


def save_import(store: Store, project_id: int, imported: ImportedStory, *, title: str | None = None) -> int:
    """Store ``imported`` as a new story at the end of the project; returns the story id.

    Everything happens in one transaction: on any error nothing of the story is stored.
    """
    from ficdesk.formats.patterns import ao3_rating
    from ficdesk.store.services.imports import NewChapter
    from ficdesk.store.services.stories import RATINGS

    rating = imported.ao3_rating if imported.ao3_rating in RATINGS else "Not Rated"
    extras = dict(imported.extra)
    if imported.rating and ao3_rating(imported.rating) is None:
        extras = {"Rating": imported.rating, **extras}
    note_source = ImportedStory(start_note=imported.start_note, extra=extras)
    story = store.imports.create_story(
        project_id, title or story_title(imported),
        [NewChapter(chapter.title, chapter.text, chapter.start_note, chapter.end_note)
         for chapter in imported.chapters],
        author=imported.author or "", fandoms=imported.fandoms, relationships=imported.relationships,
        characters=imported.characters, rating=rating, warnings=imported.warnings,
        summary=imported.summary or "", owner=imported.owner or "", disclaimer=imported.disclaimer or "",
        start_note=start_note_with_extras(note_source), end_note=imported.end_note or "",
    )
    return story.id
