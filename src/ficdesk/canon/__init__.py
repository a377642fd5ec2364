"""The canon reference: wiki-style documents in, entities with aliases and facts out, and search over them.

``read_document`` decodes a file, ``build_canon`` extracts its entities (no Qt, no database) and
``CanonIndex`` searches them. The project store keeps canon per project (``store.canon``).
"""

from __future__ import annotations

from ficdesk.canon.document import read_document
from ficdesk.canon.extract import build_canon
from ficdesk.canon.model import Entity, EntityType, Fact
from ficdesk.canon.search import CanonIndex, SearchHit

__all__ = ["CanonIndex", "Entity", "EntityType", "Fact", "SearchHit", "build_canon", "read_document"]
