"""Stories: metadata the way fandom posts it, plus their ordered chapters."""

from __future__ import annotations

import builtins
from typing import Any

from sqlalchemy import func, select

from ficdesk.errors import FicDeskError, NotFoundError, StaleUpdateError
from ficdesk.store.models import Chapter, Project, Story
from ficdesk.store.services.base import Service, compare_and_set, get_live
from ficdesk.store.tables import utcnow

#: Story fields an author may edit through :meth:`StoryService.update`.
EDITABLE_FIELDS = frozenset(
    {
        "title", "author", "fandoms", "relationships", "characters", "rating", "warnings", "summary",
        "status", "language", "owner", "disclaimer", "start_note", "end_note",
        "disclaimer_template_id", "start_note_template_id", "end_note_template_id",
    }
)
LIST_FIELDS = frozenset({"fandoms", "relationships", "characters", "warnings"})
RATINGS = ("Not Rated", "General Audiences", "Teen And Up Audiences", "Mature", "Explicit")


class StoryService(Service):
    def create(self, project_id: int, title: str, **fields: Any) -> Story:
        _check_fields(fields)
        title = title.strip()
        if not title:
            raise FicDeskError("a story needs a title")
        with self.db.session() as session:
            project = get_live(session, Project, project_id)
            position = session.scalar(
                select(func.coalesce(func.max(Story.position), -1) + 1).where(Story.project_id == project.id)
            )
            story = Story(project_id=project.id, title=title, position=position or 0,
                          language=project.language, **fields)
            session.add(story)
            session.flush()
            return story

    def get(self, story_id: int) -> Story:
        with self.db.session(write=False) as session:
            return get_live(session, Story, story_id)

    def list(self, project_id: int, *, include_deleted: bool = False) -> builtins.list[Story]:
        with self.db.session(write=False) as session:
            query = select(Story).where(Story.project_id == project_id).order_by(Story.position, Story.id)
            if not include_deleted:
                query = query.where(Story.deleted_at.is_(None))
            return list(session.scalars(query))

    def find(self, project_id: int, title: str) -> Story:
        """A live story by title (case-insensitive) or by numeric id."""
        wanted = title.strip().casefold()
        for story in self.list(project_id):
            if story.title.casefold() == wanted or str(story.id) == wanted:
                return story
        raise NotFoundError(f"no story called '{title}'")

    def update(self, story_id: int, *, expected_version: int | None = None, **fields: Any) -> Story:
        """Change story metadata; every update increments the story's ``version``.

        With ``expected_version`` (the version the author's form was filled from) the update is a
        compare-and-set in one SQL statement: when someone else updated the story in between,
        :class:`StaleUpdateError` carries the stored values and nothing is written. Without it the
        given fields are set whatever the version (a rename, a template applied to one field).
        """
        _check_fields(fields)
        if "title" in fields and not str(fields["title"]).strip():
            raise FicDeskError("a story needs a title")
        values = {key: list(value) if key in LIST_FIELDS else value for key, value in fields.items()}
        with self.db.session() as session:
            if not compare_and_set(session, Story, story_id, Story.version, expected_version, values):
                story = get_live(session, Story, story_id)  # gone or trashed: NotFoundError
                raise StaleUpdateError(
                    f"the story '{story.title}' was changed elsewhere (now version {story.version}); "
                    "your changes were not saved over it (open the story's properties again to see what is stored now)",
                    current_version=story.version,
                    current={key: getattr(story, key) for key in sorted(EDITABLE_FIELDS)},
                )
            return get_live(session, Story, story_id)

    def word_count(self, story_id: int) -> int:
        with self.db.session(write=False) as session:
            total = session.scalar(
                select(func.coalesce(func.sum(Chapter.word_count), 0)).where(
                    Chapter.story_id == story_id, Chapter.deleted_at.is_(None)
                )
            )
            return int(total or 0)

    def delete(self, story_id: int) -> None:
        with self.db.session() as session:
            get_live(session, Story, story_id).deleted_at = utcnow()

    def restore(self, story_id: int) -> Story:
        with self.db.session() as session:
            story = get_live(session, Story, story_id, include_deleted=True)
            project = session.get(Project, story.project_id)
            if project is not None and project.deleted_at is not None:
                project.deleted_at = None
            story.deleted_at = None
            return story

    def trash(self, project_id: int) -> builtins.list[Story]:
        with self.db.session(write=False) as session:
            query = select(Story).where(Story.project_id == project_id, Story.deleted_at.is_not(None))
            return list(session.scalars(query.order_by(Story.deleted_at.desc())))


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise FicDeskError(f"unknown story field(s): {', '.join(sorted(unknown))}")
