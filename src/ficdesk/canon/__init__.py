"""The canon reference: wiki-style documents in, entities with aliases and facts out, and search over them."""

from __future__ import annotations

from ficdesk.canon.document import read_document
from ficdesk.canon.extract import build_canon

__all__ = ["build_canon", "read_document"]
