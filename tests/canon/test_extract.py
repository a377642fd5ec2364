"""The canon builder on seed 002 (acceptance) and on articles of other fandoms written for these tests."""

from __future__ import annotations

import pytest

from ficdesk.canon import Entity, EntityType, build_canon, read_document
from ficdesk.canon.lexicon import is_common_word, is_function_word
from tests.canon.scoring import article, articles, lookup, pooled, score
from tests.conftest import SEEDS

SEED_002 = SEEDS / "002_82af6f4747969ed5.txt"


def _is_junk(entity: Entity) -> bool:
    """A mechanical stand-in for "junk": a lone ordinary word, a function word, a glued artefact."""
    words = entity.name.removeprefix("the ").split()
    if entity.type in (EntityType.WORK, EntityType.EPISODE):
        return False
    if any(is_function_word(word) for word in words[:1]):
        return True
    if len(words) == 1 and is_common_word(words[0]) and not entity.name.startswith("the "):
        return True
    return any(word.lower().endswith(("and", "as")) and word[:-3] in {"Geneva", "McCausland", "Hannigan"}
               for word in words)


@pytest.fixture(scope="module")
def seed_entities() -> list[Entity]:
    text, fmt = read_document(SEED_002)
    return build_canon(text, fmt)


@pytest.mark.parametrize("name", [
    "Ianto Jones", "Jack Harkness", "Gareth David-Lloyd", "Torchwood", "Children of Earth", "Cyberwoman",
    "Reset", "A Day in the Death", "Something Borrowed", "Lost Souls", "the Rift", "CERN", "Geneva", "Owen",
    "Toshiko", "Lisa", "Davies", "Janto",
])
def test_seed_002_contains_the_canon(seed_entities: list[Entity], name: str) -> None:
    assert name.casefold() in lookup(seed_entities)


def test_seed_002_aliases_and_facts(seed_entities: list[Entity]) -> None:
    index = lookup(seed_entities)
    jack, ianto = index["jack harkness"], index["ianto jones"]
    assert jack.name == "Jack Harkness"
    assert {"Jack", "Captain Jack Harkness"} <= set(jack.aliases)
    assert ianto.name == "Ianto Jones"
    assert "Ianto" in ianto.aliases
    assert index["jack"] is jack and index["captain jack"] is jack and index["ianto"] is ianto
    assert index["david-lloyd"] is index["gareth david-lloyd"]
    assert len(jack.facts) >= 5 and len(ianto.facts) >= 5
    assert [e.name for e in seed_entities[:2]] == ["Ianto Jones", "Jack Harkness"]


def test_seed_002_types(seed_entities: list[Entity]) -> None:
    index = lookup(seed_entities)
    assert index["ianto jones"].type is EntityType.CHARACTER
    assert index["jack harkness"].type is EntityType.CHARACTER
    assert index["gareth david-lloyd"].type is EntityType.PERSON
    for title in ("Cyberwoman", "Reset", "A Day in the Death", "Something Borrowed"):
        assert index[title.casefold()].type is EntityType.EPISODE, title  # quoted, next to "episode"
    # A radio drama quoted with nothing around it saying so reads as an episode: either is a work of the fandom.
    assert index["lost souls"].type in (EntityType.WORK, EntityType.EPISODE)
    assert index["geneva"].type is EntityType.PLACE
    # Real people, companies and works around the characters are not characters.
    for person in ("Joss Whedon", "Kiefer Sutherland", "Amber Benson", "Michael C. Hall", "James Moran", "Davies"):
        assert index[person.casefold()].type is EntityType.PERSON, person
    for company in ("Cadbury", "CERN", "AfterElton", "Torchwood Three"):
        assert index[company.casefold()].type is EntityType.ORGANISATION, company
    for work in ("Buffy the Vampire Slayer", "Six Feet Under", "Children of Earth", "Torchwood"):
        assert index[work.casefold()].type is EntityType.WORK, work
    assert index["large hadron collider"].type is EntityType.OBJECT


def test_seed_002_names_one_entity_each(seed_entities: list[Entity]) -> None:
    """No name is split off its entity ("Ianto" next to "Ianto Jones" would be junk)."""
    labels = [label.casefold() for e in seed_entities for label in (e.name, *e.aliases)]
    assert len(labels) == len(set(labels)), sorted(label for label in set(labels) if labels.count(label) > 1)


def test_seed_002_has_little_junk(seed_entities: list[Entity]) -> None:
    junk = [e.name for e in seed_entities if _is_junk(e)]
    assert len(junk) < 0.1 * len(seed_entities), junk
    names = {label for e in seed_entities for label in (e.name, *e.aliases)}
    for artefact in ("Genevaas", "McCauslandand", "Hanniganand", "Children", "HEY", "Work", "Before",
                     "Chronologically", "However", "Every", "I", "He", "Series Two", "Ianto-centric"):
        assert artefact not in names


def test_glued_names_are_split_not_invented(seed_entities: list[Entity]) -> None:
    names = {label for e in seed_entities for label in (e.name, *e.aliases)}
    assert "Geneva" in names
    assert any(name.endswith("McCausland") for name in names)
    assert any(name.endswith("Hannigan") for name in names)


def test_fact_offsets_index_the_text(seed_entities: list[Entity]) -> None:
    text = SEED_002.read_text(encoding="utf-8")
    for entity in seed_entities:
        for fact in entity.facts:
            assert text[fact.start:fact.end] == fact.text


@pytest.mark.parametrize("name", ["molly_hooper", "sam_vimes", "kaylee_frye"])
def test_other_fandoms(name: str) -> None:
    """Articles nobody tuned the rules on: most expected entities, no junk, sensible types."""
    result = score(article(name))
    assert len(result.missing) <= 0.1 * len(result.article.entities), result.missing
    assert len(result.wrong_types) <= 0.15 * result.typed_found, result.wrong_types
    assert not result.split_aliases
    assert not result.forbidden
    assert not result.thin_facts
    for entity in result.entities:
        for fact in entity.facts:
            assert result.text[fact.start:fact.end] == fact.text


def test_all_articles_pooled() -> None:
    """Every expectation file together (seed 002 included): a guard against regressions in any direction.

    Measured when this test was written: recall 94 %, type accuracy 94 %, junk 4 %, aliases 100 %.
    Four of the articles were first scored blind, written before the rules they were scored on:
    dana_scully and lara_croft at 72 % and 82 % type accuracy, commander_shepard and samwise_gamgee
    later at 79 % and 76 % (the code before this work: 68, 62, 72 and 59 %).
    """
    total = pooled([score(item) for item in articles()])
    assert total.recall >= 0.9
    assert total.type_accuracy >= 0.9
    assert total.junk_rate <= 0.08
    assert total.alias_accuracy >= 0.95


def test_html_page_chrome_is_ignored() -> None:
    result = score(article("kaylee_frye"))
    entities, text = result.entities, result.text
    assert "Sponsored" not in text and "trackPageView" not in text and "Random Page" not in text
    assert "float: right" not in text and "Follow us" not in text
    assert "Kaywinnet" in text and "Objects in Space" in text
    assert not any("Jayne" in e.name for e in entities)


def test_the_title_names_and_sentence_starters() -> None:
    text = (
        "The Doctor travels with Rose Tyler. Later the Doctor meets the Master on Gallifrey. "
        "Rose Tyler is played by Billie Piper. In March the Master escapes. Meanwhile Rose waits on Monday."
    )
    index = lookup(build_canon(text))
    assert index["the doctor"].name == "the Doctor"
    assert index["billie piper"].type is EntityType.PERSON
    assert index["rose"] is index["rose tyler"]
    for word in ("the", "later", "in", "march", "meanwhile", "monday"):
        assert word not in index


def test_played_by_and_parenthesised_roles() -> None:
    text = (
        "Detective Inspector Lena Marsh (character) is the heroine of the series Harbour Lights. "
        "Marsh is portrayed by Priya Kapoor. Her partner Tom Reyes works at the Whitby Police Station. "
        "The pilot episode \"Low Tide\" was written by Alan Ferris and Joanna Mbeki."
    )
    index = lookup(build_canon(text))
    assert index["lena marsh"].type is EntityType.CHARACTER
    assert index["marsh"] is index["lena marsh"]
    assert index["priya kapoor"].type is EntityType.PERSON
    assert index["alan ferris"].type is EntityType.PERSON
    assert index["joanna mbeki"].type is EntityType.PERSON
    assert index["low tide"].type is EntityType.EPISODE
    assert index["harbour lights"].type is EntityType.WORK


def test_empty_and_wordless_documents_have_no_entities() -> None:
    assert build_canon("") == []
    assert build_canon("   \n\n 123 456 ... !!!") == []
    assert build_canon("the cat sat on the mat. it was warm.") == []


def test_cast_lists_in_brackets_make_the_bracketed_name_a_person() -> None:
    text = (
        "The crew of the Enterprise is led by Captain James T. Kirk (William Shatner). His first officer, "
        "Spock (Leonard Nimoy), is half Vulcan. The ship's doctor, Leonard McCoy (DeForest Kelley), often "
        "argues with Spock. Kirk and Spock meet again in the film The Wrath of Khan."
    )
    types = {entity.name: entity.type for entity in build_canon(text)}
    assert types.get("William Shatner") is EntityType.PERSON
    assert types.get("Leonard Nimoy") is EntityType.PERSON
    assert types.get("Spock") is EntityType.CHARACTER
    assert types.get("James T. Kirk") is EntityType.CHARACTER


def test_every_expectation_file_has_its_article_and_the_report_covers_it() -> None:
    from tests.canon.canon_report import report

    items = articles()
    assert {"ianto_jones_seed002", "molly_hooper", "elim_garak", "hermione_granger", "geralt_of_rivia",
            "zuko"} <= {item.name for item in items}
    assert all(item.path.is_file() for item in items)
    table = report([score(item) for item in items[:2]])
    assert table.splitlines()[1].startswith(items[0].name) and "all (pooled)" in table


def test_seed_002_belonging(seed_entities: list[Entity]) -> None:
    """Other shows' characters named in comparisons are mentioned; the ship name and the shops are not characters."""
    index = lookup(seed_entities)
    for name in ("jack bauer", "tara", "david fisher", "six feet under", "buffy the vampire slayer"):
        assert index[name].mentioned, name
    assert index["willow"].mentioned and index["alyson hannigan"].type is EntityType.PERSON
    for name in ("ianto jones", "jack harkness", "torchwood", "owen", "toshiko", "gareth david-lloyd"):
        assert not index[name].mentioned, name
    assert index["janto"].type is EntityType.RELATIONSHIP
    for shop in ("zara", "marks and spencers"):
        assert index[shop].type not in (EntityType.PLACE, EntityType.CHARACTER), shop
