"""Storing an :class:`ImportedStory`: the story and all its chapters in one transaction.

This writes rows directly (one session) instead of calling the story and chapter services one by
one: those commit each call, and an import must never leave half a story behind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from ficdesk.errors import FicDeskError
from ficdesk.formats.model import ImportedStory
from ficdesk.store.models import Chapter, Project, Story
from ficdesk.store.services.base import get_live
from ficdesk.store.services.stories import RATINGS
from ficdesk.text.counting import count_words

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
    if not imported.chapters:
        raise FicDeskError("there is nothing to import: no chapters were found")
    with store.db.session() as session:
        project = get_live(session, Project, project_id)
        position = session.scalar(
            select(func.coalesce(func.max(Story.position), -1) + 1).where(Story.project_id == project.id)
        )
        rating = imported.ao3_rating if imported.ao3_rating in RATINGS else "Not Rated"
        extras = dict(imported.extra)
        if imported.rating and imported.ao3_rating is None:
            extras = {"Rating": imported.rating, **extras}
        note_source = ImportedStory(start_note=imported.start_note, extra=extras)
        story = Story(
            project_id=project.id, position=position or 0, title=(title or story_title(imported))[:_TITLE_MAX],
            author=imported.author or "", fandoms=list(imported.fandoms), relationships=list(imported.relationships),
            characters=list(imported.characters), rating=rating, warnings=list(imported.warnings),
            summary=imported.summary or "", owner=imported.owner or "", language=project.language,
            disclaimer=imported.disclaimer or "",
            start_note=start_note_with_extras(note_source), end_note=imported.end_note or "",
        )
        session.add(story)
        session.flush()
        for index, chapter in enumerate(imported.chapters):
            session.add(Chapter(
                story_id=story.id, position=index, title=chapter.title[:_TITLE_MAX], body=chapter.text,
                word_count=count_words(chapter.text), start_note=chapter.start_note, end_note=chapter.end_note,
            ))
        session.flush()
        return story.id
