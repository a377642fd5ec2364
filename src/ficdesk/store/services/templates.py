"""Stored templates (disclaimers, author's notes, header blocks) of a project."""

from __future__ import annotations

import builtins

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ficdesk.errors import FicDeskError, NotFoundError
from ficdesk.store.models import Project, Template
from ficdesk.store.services.base import Service, get_live

TEMPLATE_KINDS = ("disclaimer", "story_start_note", "story_end_note", "chapter_start_note",
                  "chapter_end_note", "header")


class TemplateService(Service):
    def create(self, project_id: int, kind: str, name: str, body: str) -> Template:
        _check_kind(kind)
        name = name.strip()
        if not name:
            raise FicDeskError("a template needs a name")
        try:
            with self.db.session() as session:
                get_live(session, Project, project_id)
                template = Template(project_id=project_id, kind=kind, name=name, body=body)
                session.add(template)
                session.flush()
                return template
        except IntegrityError as error:
            raise FicDeskError(f"there is already a template called '{name}'") from error

    def list(self, project_id: int, kind: str | None = None) -> builtins.list[Template]:
        with self.db.session(write=False) as session:
            query = select(Template).where(Template.project_id == project_id)
            if kind is not None:
                query = query.where(Template.kind == kind)
            return list(session.scalars(query.order_by(Template.kind, Template.name)))

    def get(self, template_id: int) -> Template:
        with self.db.session(write=False) as session:
            return get_live(session, Template, template_id)

    def find(self, project_id: int, name: str) -> Template:
        wanted = name.strip().casefold()
        for template in self.list(project_id):
            if template.name.casefold() == wanted or str(template.id) == wanted:
                return template
        raise NotFoundError(f"no template called '{name}'")

    def update(self, template_id: int, *, name: str | None = None, body: str | None = None,
               kind: str | None = None) -> Template:
        try:
            with self.db.session() as session:
                template = get_live(session, Template, template_id)
                if name is not None:
                    if not name.strip():
                        raise FicDeskError("a template needs a name")
                    template.name = name.strip()
                if body is not None:
                    template.body = body
                if kind is not None:
                    _check_kind(kind)
                    template.kind = kind
                session.flush()
                return template
        except IntegrityError as error:
            raise FicDeskError(f"there is already a template called '{name}'") from error

    def delete(self, template_id: int) -> None:
        with self.db.session() as session:
            session.delete(get_live(session, Template, template_id))


def _check_kind(kind: str) -> None:
    if kind not in TEMPLATE_KINDS:
        raise FicDeskError(f"unknown template kind '{kind}' (one of: {', '.join(TEMPLATE_KINDS)})")
