"""The canon reference: wiki-style documents in, entities with aliases and facts out, and search over them.

``read_document`` decodes a file, ``build_canon`` extracts its entities (no Qt, no database) and
``CanonIndex`` searches them. The project store keeps canon per project (``store.canon``).

The exports load on first use (:mod:`ficdesk.lazy`), so the window can import small modules of
the package without loading all of it.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ficdesk.canon.document import read_document
    from ficdesk.canon.extract import build_canon
    from ficdesk.canon.model import Entity, EntityType, Fact
    from ficdesk.canon.search import CanonIndex, SearchHit
else:
    from ficdesk.lazy import lazy_exports

    __getattr__ = lazy_exports(__name__, {
        "document": ("read_document",),
        "extract": ("build_canon",),
        "model": ("Entity", "EntityType", "Fact"),
        "search": ("CanonIndex", "SearchHit"),
    })

__all__ = ["CanonIndex", "Entity", "EntityType", "Fact", "SearchHit", "build_canon", "read_document"]
