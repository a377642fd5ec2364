"""The project store: the schema (Core tables), the ORM models over it, Alembic migrations and the service layer.

Open it with :func:`ficdesk.store.open_store`; change data only through the services on the
returned :class:`~ficdesk.store.facade.Store`.

The exports load on first use (:mod:`ficdesk.lazy`), so the window can import small modules of
the package without loading all of it.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ficdesk.store.database import Database, open_database
    from ficdesk.store.facade import Store, open_store
else:
    from ficdesk.lazy import lazy_exports

    __getattr__ = lazy_exports(__name__, {
        "database": ("Database", "open_database"),
        "facade": ("Store", "open_store"),
    })

__all__ = ["Database", "Store", "open_database", "open_store"]
