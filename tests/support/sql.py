"""What a store sends to its database: for tests that promise which statements a service runs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event

from ficdesk.store import Store


@dataclass(frozen=True)
class Sent:
    statement: str
    parameters: Any
    #: The names of the columns the statement returned (none for a statement that returns no rows).
    columns: tuple[str, ...]

    @property
    def is_select(self) -> bool:
        return self.statement.lstrip().lower().startswith("select")


@contextmanager
def sent_sql(store: Store) -> Iterator[list[Sent]]:
    """Every SQL statement the store's engine sends while the block runs."""
    seen: list[Sent] = []

    def record(_conn: Any, cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        columns = tuple(str(column[0]) for column in cursor.description or ())
        seen.append(Sent(statement, parameters, columns))

    event.listen(store.db.engine, "after_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.db.engine, "after_cursor_execute", record)
