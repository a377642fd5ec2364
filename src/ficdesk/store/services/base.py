"""Shared helpers for the services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import update

from ficdesk.errors import NotFoundError
from ficdesk.store.database import Database
from ficdesk.store.tables import utcnow

if TYPE_CHECKING:  # the ORM is imported by the services that use it, not by every service
    from sqlalchemy.orm import InstrumentedAttribute, Session

    from ficdesk.store.models import Base, Chapter, Story

ModelT = TypeVar("ModelT", bound="Base")


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


def compare_and_set(session: Session, model: type[Story] | type[Chapter], item_id: int,
                    version: InstrumentedAttribute[int], expected: int | None, values: dict[str, Any]) -> bool:
    """Write ``values`` to the live row ``item_id`` in one UPDATE that also increments ``version``.

    With ``expected`` the row is written only while its stored version is still ``expected`` (the check is
    the statement itself, not a read beforehand). False, with the session rolled back, when nothing was written.
    """
    condition = [model.id == item_id, model.deleted_at.is_(None)]
    if expected is not None:
        condition.append(version == expected)
    result = session.execute(
        update(model).where(*condition)
        .values(**values, **{version.key: version + 1}, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 1) == 1:
        return True
    session.rollback()
    return False
