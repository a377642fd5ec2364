"""Scoring the canon builder against hand-written expectations (tests/data/canon/*.expected.json).

An expectation file lists what a reader of the article would expect:

- ``entities``: name -> type (``null`` where a reader could fairly pick more than one type); recall and
  type accuracy are measured on these;
- ``also`` (optional): names that are fine to find but not required (minor mentions, other spellings);
- ``aliases``: name -> names that must land on the same entity;
- ``not_entities``: names that must not be found; ``facts_at_least``: name -> minimum number of facts;
- ``source`` (optional): the article's path from the repository root, when it is not next to the file.

An entity the builder returns is junk when neither its name nor any alias is a name the file mentions.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ficdesk.canon import Entity, build_canon, read_document
from ficdesk.canon.document import plain_text

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "canon"


@dataclass
class Article:
    name: str
    path: Path
    expected: dict[str, Any]

    @property
    def entities(self) -> dict[str, str | None]:
        result: dict[str, str | None] = self.expected["entities"]
        return result

    @property
    def known_labels(self) -> set[str]:
        """Every name the expectations mention as a real entity (required, optional or alias)."""
        labels = set(self.entities) | set(self.expected.get("also", {}))
        for aliases in self.expected.get("aliases", {}).values():
            labels.update(aliases)
        return {key(label) for label in labels}


@dataclass
class Score:
    article: Article
    entities: list[Entity]
    text: str
    seconds: float
    missing: list[str] = field(default_factory=list)
    #: (expected name, expected type, found type)
    wrong_types: list[tuple[str, str, str]] = field(default_factory=list)
    typed_found: int = 0
    junk: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    #: (name, alias) pairs that did not land on one entity
    split_aliases: list[tuple[str, str]] = field(default_factory=list)
    alias_pairs: int = 0
    thin_facts: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        wanted = len(self.article.entities)
        return (wanted - len(self.missing)) / wanted if wanted else 1.0

    @property
    def type_accuracy(self) -> float:
        return 1 - len(self.wrong_types) / self.typed_found if self.typed_found else 1.0

    @property
    def junk_rate(self) -> float:
        return len(self.junk) / len(self.entities) if self.entities else 0.0

    @property
    def alias_accuracy(self) -> float:
        return 1 - len(self.split_aliases) / self.alias_pairs if self.alias_pairs else 1.0


def articles() -> list[Article]:
    """Every article with an expectation file, seed 002 included (its source lives in seeds/)."""
    found: list[Article] = []
    for expected_path in sorted(DATA.glob("*.expected.json")):
        name = expected_path.name.removesuffix(".expected.json")
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        if "source" in expected:
            path = ROOT / expected["source"]
        else:
            path = next(p for p in DATA.glob(f"{name}.*") if not p.name.endswith(".json"))
        found.append(Article(name, path, expected))
    return found


def article(name: str) -> Article:
    return next(a for a in articles() if a.name == name)


def key(label: str) -> str:
    """How names are compared: case-folded, without a final full stop ("Warner Bros." is "Warner Bros")."""
    return label.casefold().rstrip(".")


def lookup(entities: list[Entity]) -> dict[str, Entity]:
    """Entities by :func:`key` of their name and aliases (the first, most important, wins)."""
    found: dict[str, Entity] = {}
    for entity in entities:
        for label in (entity.name, *entity.aliases):
            found.setdefault(key(label), entity)
    return found


def score(item: Article) -> Score:
    source, fmt = read_document(item.path)
    started = time.perf_counter()
    entities = build_canon(source, fmt)
    seconds = time.perf_counter() - started
    result = Score(item, entities, plain_text(source, fmt).text, seconds)
    index = lookup(entities)
    for name, kind in item.entities.items():
        entity = index.get(key(name))
        if entity is None:
            result.missing.append(name)
        elif kind is not None:
            result.typed_found += 1
            if entity.type.value != kind:
                result.wrong_types.append((name, kind, entity.type.value))
    known = item.known_labels
    for entity in entities:
        if not any(key(label) in known for label in (entity.name, *entity.aliases)):
            result.junk.append(entity.name)
    result.forbidden = [name for name in item.expected.get("not_entities", []) if key(name) in index]
    for name, aliases in item.expected.get("aliases", {}).items():
        for alias in aliases:
            result.alias_pairs += 1
            target = index.get(key(name))
            if target is None or index.get(key(alias)) is not target:
                result.split_aliases.append((name, alias))
    for name, count in item.expected.get("facts_at_least", {}).items():
        entity = index.get(key(name))
        if entity is None or len(entity.facts) < count:
            result.thin_facts.append(name)
    return result


@dataclass(frozen=True)
class Pooled:
    """Counts over several articles together (recall, type accuracy, junk and alias rates)."""

    wanted: int
    found: int
    typed: int
    right: int
    returned: int
    junk: int
    pairs: int
    grouped: int

    @property
    def recall(self) -> float:
        return self.found / self.wanted

    @property
    def type_accuracy(self) -> float:
        return self.right / self.typed

    @property
    def junk_rate(self) -> float:
        return self.junk / self.returned

    @property
    def alias_accuracy(self) -> float:
        return self.grouped / self.pairs


def pooled(scores: list[Score]) -> Pooled:
    wanted = sum(len(s.article.entities) for s in scores)
    typed = sum(s.typed_found for s in scores)
    pairs = sum(s.alias_pairs for s in scores)
    return Pooled(
        wanted=wanted, found=wanted - sum(len(s.missing) for s in scores),
        typed=typed, right=typed - sum(len(s.wrong_types) for s in scores),
        returned=sum(len(s.entities) for s in scores), junk=sum(len(s.junk) for s in scores),
        pairs=pairs, grouped=pairs - sum(len(s.split_aliases) for s in scores),
    )
