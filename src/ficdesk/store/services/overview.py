"""Read-only summaries of the store for listings, as Core selects that return plain rows, not ORM objects.

``ficdesk project list`` and ``ficdesk info`` need names and counts only. Run through the ORM they paid
for importing ``sqlalchemy.orm``, mapping the models and compiling ORM statements: about a third of
such a command's start-up. This module imports neither the ORM nor the models.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, and_, func, select

from ficdesk.store.services.base import Service
from ficdesk.store.tables import project, story

SelectT = TypeVar("SelectT", bound=Select[Any])


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    """A live project and how many live stories it holds."""

    id: int
    name: str
    stories: int


def live_projects(query: SelectT, *, include_deleted: bool = False) -> SelectT:
    """``query`` over the project table limited to projects out of the trash, in the order every listing shows.

    The one place of that order: :meth:`ProjectService.list <ficdesk.store.services.projects.ProjectService.list>`
    builds its ORM select with it too.
    """
    if not include_deleted:
        query = query.where(project.c.deleted_at.is_(None))
    return query.order_by(project.c.name, project.c.id)


_LIVE_STORY = and_(story.c.project_id == project.c.id, story.c.deleted_at.is_(None))
_PROJECTS = live_projects(
    select(project.c.id, project.c.name, func.count(story.c.id))
    .select_from(project.outerjoin(story, _LIVE_STORY))
    .group_by(project.c.id, project.c.name)
)


class OverviewService(Service):
    def projects(self) -> builtins.list[ProjectSummary]:
        """The live projects, in listing order, each with its number of live stories (one query)."""
        with self.db.connection(write=False) as connection:
            return [ProjectSummary(id, name, stories) for id, name, stories in connection.execute(_PROJECTS)]
