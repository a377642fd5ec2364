"""Shared helpers for the services."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from ficdesk.errors import NotFoundError
from ficdesk.store.database import Database
from ficdesk.store.models import Base

ModelT = TypeVar("ModelT", bound=Base)


class Service:
    """A group of operations on one kind of record."""

    def __init__(self, database: Database) -> None:
        self.db = database


def get_live(session: Session, model: type[ModelT], item_id: int, *, include_deleted: bool = False) -> ModelT:
    """Load a row by id, refusing trashed rows unless ``include_deleted``."""
    item = session.get(model, item_id)
    label = model.__name__.lower()
    if item is None:
        raise NotFoundError(f"no {label} with id {item_id}")
    if not include_deleted and getattr(item, "deleted_at", None) is not None:
        raise NotFoundError(f"the {label} with id {item_id} is in the trash")
    return item
