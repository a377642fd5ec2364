"""Imports: a whole story with all its chapters stored in one transaction, or nothing at all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from ficdesk.errors import FicDeskError
from ficdesk.store.models import Chapter, Project, Story
from ficdesk.store.services.base import Service, get_live
from ficdesk.store.services.stories import EDITABLE_FIELDS, LIST_FIELDS, RATINGS
from ficdesk.text.counting import count_words

TITLE_MAX = 500


@dataclass(frozen=True)
class NewChapter:
    """One chapter of a story being imported."""

    title: str = ""
    body: str = ""
    start_note: str = ""
    end_note: str = ""


class ImportService(Service):
    def create_story(self, project_id: int, title: str, chapters: Sequence[NewChapter], **fields: Any) -> Story:
        """A new story at the end of the project with every chapter; on any error nothing is stored.

        ``fields`` are story fields (:data:`~ficdesk.store.services.stories.EDITABLE_FIELDS`); a rating
        outside AO3's scale is refused here, so the caller maps it first.
        """
        unknown = set(fields) - EDITABLE_FIELDS
        if unknown:
            raise FicDeskError(f"unknown story field(s): {', '.join(sorted(unknown))}")
        if not chapters:
            raise FicDeskError("there is nothing to import: no chapters were found")
        title = title.strip()[:TITLE_MAX]
        if not title:
            raise FicDeskError("a story needs a title")
        if "rating" in fields and fields["rating"] not in RATINGS:
            raise FicDeskError(f"'{fields['rating']}' is not one of the ratings {', '.join(RATINGS)}")
        values = {key: list(value) if key in LIST_FIELDS else value for key, value in fields.items()}
        with self.db.session() as session:
            project = get_live(session, Project, project_id)
            position = session.scalar(
                select(func.coalesce(func.max(Story.position), -1) + 1).where(Story.project_id == project.id)
            )
            values.setdefault("language", project.language)
            story = Story(project_id=project.id, position=position or 0, title=title, **values)
            session.add(story)
            session.flush()
            for index, chapter in enumerate(chapters):
                session.add(Chapter(
                    story_id=story.id, position=index, title=chapter.title[:TITLE_MAX], body=chapter.body,
                    word_count=count_words(chapter.body), start_note=chapter.start_note, end_note=chapter.end_note,
                ))
            session.flush()
            return story
