"""Search over canon entities."""

from __future__ import annotations

import random
import string

import pytest

from ficdesk.canon import CanonIndex, Entity, EntityType, Fact, build_canon, read_document
from ficdesk.canon.search import edit_distance, normalise
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seed_index() -> CanonIndex:
    return CanonIndex(build_canon(*read_document(SEEDS / "002_82af6f4747969ed5.txt")))


@pytest.mark.parametrize(("query", "name"), [
    ("Ianot", "Ianto Jones"),
    ("ianto", "Ianto Jones"),
    ("Harkenss", "Jack Harkness"),
    ("captain jack", "Jack Harkness"),
    ("Jack Hark", "Jack Harkness"),
    ("gar", "Gareth David-Lloyd"),
    ("cyberwman", "Cyberwoman"),
    ("the rift", "Cardiff Rift"),
    ("Ianto's", "Ianto Jones"),
])
def test_names_aliases_prefixes_and_typos(seed_index: CanonIndex, query: str, name: str) -> None:
    hits = seed_index.search(query)
    assert hits and hits[0].entity.name == name


def test_fact_text_is_searched_and_ranked_below_names(seed_index: CanonIndex) -> None:
    hits = seed_index.search("haunted")
    assert hits and "haunted" in hits[0].matched
    # the fan-fiction fragment pasted into the article gives no facts, so its words are not found
    assert not seed_index.search("pterodactyl")
    assert all(hit.score < 0.6 for hit in hits)
    scores = [hit.score for hit in seed_index.search("jack")]
    assert scores == sorted(scores, reverse=True)
    assert seed_index.search("jack")[0].matched == "Jack"


def test_entity_at_is_exact(seed_index: CanonIndex) -> None:
    jack = seed_index.entity_at("Captain Jack")
    assert jack is not None and jack.name == "Jack Harkness"
    assert seed_index.entity_at("jack’s") is jack
    rift = seed_index.entity_at("the Rift")
    assert rift is not None and rift.name == "Cardiff Rift"
    assert seed_index.entity_at("Ianot") is None
    assert seed_index.entity_at("") is None


def test_empty_queries_and_limits(seed_index: CanonIndex) -> None:
    assert seed_index.search("") == []
    assert seed_index.search("  !! ") == []
    assert len(seed_index.search("a", limit=3)) <= 3
    assert seed_index.search("zzzzqqq") == []


def test_many_entities() -> None:
    rng = random.Random(7)
    entities = [
        Entity("".join(rng.choices(string.ascii_lowercase, k=7)).title() + f" Name{n}", EntityType.CHARACTER,
               facts=[Fact(f"fact number {n}", 0, 10)], score=rng.random() * 10)
        for n in range(5000)
    ]
    entities.append(Entity("Ianto Jones", EntityType.CHARACTER, ["Ianto"], score=5))
    index = CanonIndex(entities)
    assert len(index) == 5001
    assert index.search("Ianot")[0].entity.name == "Ianto Jones"
    assert index.search("name4999")[0].entity.name.endswith("Name4999")


def test_helpers() -> None:
    assert normalise("Genève’s  CAFÉ!") == "geneve cafe"
    assert edit_distance("ianot", "ianto") == 1
    assert edit_distance("harkenss", "harkness") == 1
    assert edit_distance("abc", "xyz", limit=1) == 2
