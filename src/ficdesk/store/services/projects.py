"""Projects: the top of the tree (a project holds stories, templates, canon and a dictionary)."""

from __future__ import annotations

import builtins

from sqlalchemy import select

from ficdesk.errors import FicDeskError, NotFoundError
from ficdesk.store.models import Project, Template
from ficdesk.store.services.base import Service, get_live
from ficdesk.store.services.overview import live_projects
from ficdesk.store.tables import utcnow
from ficdesk.templates.defaults import default_templates


class ProjectService(Service):
    def create(self, name: str, *, language: str = "auto", with_templates: bool = True) -> Project:
        """A new project, holding a copy of FicDesk's default templates unless ``with_templates`` is False.

        ``language`` is the checker's spelling variety: "en-GB", "en-US" or "auto" (each text's own spellings).
        """
        name = _clean_name(name)
        _check_language(language)
        templates = default_templates() if with_templates else []
        with self.db.session() as session:
            project = Project(name=name, language=language)
            session.add(project)
            session.flush()
            for kind, template_name, body in templates:
                session.add(Template(project_id=project.id, kind=kind, name=template_name, body=body))
            session.flush()
            return project

    def list(self, *, include_deleted: bool = False) -> builtins.list[Project]:
        with self.db.session(write=False) as session:
            return list(session.scalars(live_projects(select(Project), include_deleted=include_deleted)))

    def get(self, project_id: int) -> Project:
        with self.db.session(write=False) as session:
            return get_live(session, Project, project_id)

    def find(self, name: str) -> Project:
        """The live project called ``name`` (case-insensitive)."""
        wanted = name.strip().casefold()
        for project in self.list():
            if project.name.casefold() == wanted:
                return project
        raise NotFoundError(f"no project called '{name}'")

    def rename(self, project_id: int, name: str) -> Project:
        name = _clean_name(name)
        with self.db.session() as session:
            project = get_live(session, Project, project_id)
            project.name = name
            return project

    def set_language(self, project_id: int, language: str) -> Project:
        """Set the checker's spelling variety: "en-GB", "en-US" or "auto"."""
        _check_language(language)
        with self.db.session() as session:
            project = get_live(session, Project, project_id)
            project.language = language
            return project

    def delete(self, project_id: int) -> None:
        """Move the project (and with it everything inside) to the trash."""
        with self.db.session() as session:
            get_live(session, Project, project_id).deleted_at = utcnow()

    def restore(self, project_id: int) -> Project:
        with self.db.session() as session:
            project = get_live(session, Project, project_id, include_deleted=True)
            project.deleted_at = None
            return project

    def purge(self, project_id: int) -> None:
        """Delete a trashed project for good."""
        with self.db.session() as session:
            project = get_live(session, Project, project_id, include_deleted=True)
            if project.deleted_at is None:
                raise FicDeskError("only a project in the trash can be deleted for good")
            session.delete(project)


#: What a project's language can be (see ``ficdesk.checking.project.PROJECT_LANGUAGES``).
LANGUAGES = ("auto", "en-GB", "en-US")


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise FicDeskError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise FicDeskError("a name cannot be empty")
    return cleaned
