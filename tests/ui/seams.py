"""Stand-ins for the core packages, used only to test the window's seams (they are not the checker or canon).

``seam_check`` is a tiny CheckFn with two regex rules so the checking pipeline (worker thread,
underlines, Issues panel, suggestions, ignore, dictionary) can be driven end to end before the real
``ficdesk.checking`` is wired in. ``SeamCanon`` is an in-memory canon with the hook signatures of
:class:`ficdesk.ui.services.AppServices`.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

from ficdesk.canon.model import Entity, EntityType, Fact
from ficdesk.checking.model import Category, Match
from ficdesk.store import Store
from ficdesk.ui.services import AppServices, CheckFn

_HES_EYES = re.compile(r"\b(he's)\s+(?=eyes\b)", re.IGNORECASE)
_TEH = re.compile(r"\bteh\b")


def seam_check(paragraph: str) -> list[Match]:
    """Seam CheckFn: "he's eyes" -> "his" (grammar) and "teh" -> "the" (spelling)."""
    found = [Match(m.start(1), m.end(1), "SEAM_HES_HIS", Category.GRAMMAR, "Possessive “his”, not “he's”.",
                   ("his",)) for m in _HES_EYES.finditer(paragraph)]
    found += [Match(m.start(), m.end(), "SEAM_SPELLING", Category.SPELLING, "Possible spelling mistake.",
                    ("the", "ten")) for m in _TEH.finditer(paragraph)]
    return sorted(found, key=lambda match: match.start)


class CountingCheck:
    """The seam CheckFn that also records which paragraphs it was asked about and on which thread."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.threads: set[int] = set()

    def __call__(self, paragraph: str) -> list[Match]:
        self.calls.append(paragraph)
        self.threads.add(threading.get_ident())
        return seam_check(paragraph)


class SeamCanon:
    """In-memory canon with the AppServices hook signatures."""

    def __init__(self) -> None:
        self.entities: dict[int, list[Entity]] = {}
        self.notes: dict[tuple[int, str], str] = {}

    def entities_of(self, project_id: int) -> list[Entity]:
        return list(self.entities.get(project_id, []))

    def search(self, project_id: int, query: str) -> list[Entity]:
        """Ranks by shared letters: enough to be typo-tolerant for a seam test."""
        wanted = query.casefold()

        def score(entity: Entity) -> float:
            names = [entity.name, *entity.aliases]
            return max(_similarity(wanted, name.casefold()) for name in names)

        ranked = sorted(self.entities_of(project_id), key=score, reverse=True)
        return [entity for entity in ranked if score(entity) >= 0.5]

    def import_file(self, project_id: int, path: Path) -> int:
        """Every "Name: sentence." line of the file becomes a character with that fact."""
        added = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            name, _, fact = line.partition(":")
            if name.strip() and fact.strip():
                entity = Entity(name.strip(), EntityType.CHARACTER, aliases=[name.split()[0]],
                                facts=[Fact(fact.strip(), 0, len(fact.strip()))], score=1.0)
                self.entities.setdefault(project_id, []).append(entity)
                added += 1
        return added

    def get_note(self, project_id: int, name: str) -> str:
        return self.notes.get((project_id, name), "")

    def set_note(self, project_id: int, name: str, note: str) -> None:
        self.notes[(project_id, name)] = note


def _similarity(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return max(SequenceMatcher(None, a, b).ratio(), SequenceMatcher(None, a, b[:len(a)]).ratio())


def seam_services(store: Store, check: CheckFn | None = seam_check, canon: SeamCanon | None = None) -> AppServices:
    """AppServices with the seam checker and canon plugged in."""
    canon = canon or SeamCanon()
    return AppServices(
        store=store,
        make_checker=(lambda _project_id: check) if check is not None else None,
        canon_search=canon.search,
        canon_entities=canon.entities_of,
        canon_import=canon.import_file,
        canon_get_note=canon.get_note,
        canon_set_note=canon.set_note,
    )
