"""The project store: SQLAlchemy models, Alembic migrations and the service layer.

Open it with :func:`ficdesk.store.open_store`; change data only through the services on the
returned :class:`~ficdesk.store.facade.Store`.
"""

from ficdesk.store.database import Database, open_database
from ficdesk.store.facade import Store, open_store

__all__ = ["Database", "Store", "open_database", "open_store"]
