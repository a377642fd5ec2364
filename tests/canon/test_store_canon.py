"""The canon in the project store (each test runs on SQLite and on PostgreSQL)."""

from __future__ import annotations

import pytest

from ficdesk.canon import EntityType, read_document
from ficdesk.errors import FicDeskError, NotFoundError
from ficdesk.store import Store
from tests.conftest import SEEDS

ARTICLE_ONE = (
    "Owen Harper is a doctor at Torchwood Three. Owen is played by Burn Gorman. "
    "Owen works with Toshiko Sato in Cardiff. Toshiko is played by Naoko Mori. "
    "In the episode \"Fragments\", Owen remembers how he was recruited."
)
ARTICLE_TWO = (
    "<html><body><nav>Menu Links</nav><p>Dr Owen Harper dies in the episode <i>Exit Wounds</i>. "
    "Owen Harper and Toshiko Sato die on the same day. Rhys Williams later meets Owen's sister.</p></body></html>"
)


def _project(store: Store) -> int:
    return store.projects.create("Torchwood").id


def test_import_search_and_names(store: Store) -> None:
    project = _project(store)
    text, fmt = read_document(SEEDS / "002_82af6f4747969ed5.txt")
    source = store.canon.import_source(project, "ianto.txt", text, fmt)
    assert [s.id for s in store.canon.sources(project)] == [source]
    entities = store.canon.entities(project)
    assert entities[0].name == "Ianto Jones"
    assert len(entities[1].facts) >= 5
    names = store.canon.names(project)
    assert {"Ianto", "Jack Harkness", "Torchwood", "Cyberwoman", "Janto"} <= set(names)
    assert len(names) == len(set(names))
    hits = store.canon.index(project).search("Ianot")
    assert hits[0].entity.name == "Ianto Jones"
    fact = entities[0].facts[0]
    assert store.canon.source_text(source)[fact.start:fact.end] == fact.text


def test_reimport_rebuilds_the_source(store: Store) -> None:
    project = _project(store)
    first = store.canon.import_source(project, "owen", ARTICLE_ONE)
    again = store.canon.import_source(project, "owen", "Gwen Cooper is a police officer in Cardiff. Gwen is brave.")
    assert first == again
    names = {e.name for e in store.canon.entities(project)}
    assert "Gwen Cooper" in names and "Owen Harper" not in names
    assert store.canon.sources(project)[0].entity_count == len(store.canon.entities(project))


def test_two_sources_merge_by_name_and_alias(store: Store) -> None:
    project = _project(store)
    store.canon.import_source(project, "one.txt", ARTICLE_ONE, "text")
    store.canon.import_source(project, "two.html", ARTICLE_TWO, "html")
    entities = store.canon.entities(project)
    owens = [e for e in entities if "Owen" in e.name]
    assert len(owens) == 1
    owen = owens[0]
    assert owen.name == "Owen Harper"
    assert any("Exit Wounds" in f.text for f in owen.facts) and any("Burn Gorman" in f.text for f in owen.facts)
    assert {"Fragments", "Exit Wounds", "Rhys Williams", "Burn Gorman"} <= {e.name for e in entities}
    assert "Menu Links" not in {e.name for e in entities}
    assert len([e for e in entities if e.name == "Toshiko Sato"]) == 1


def test_author_edits_survive_rebuilds(store: Store) -> None:
    project = _project(store)
    store.canon.import_source(project, "one.txt", ARTICLE_ONE)
    store.canon.rename(project, "Owen", "Dr Owen Harper")
    store.canon.retype(project, "Naoko Mori", EntityType.PERSON)
    store.canon.retype(project, "Burn Gorman", "object")
    store.canon.delete(project, "Cardiff")
    store.canon.add_entity(project, "Myfanwy", "species", aliases=["the pterodactyl"])
    store.canon.merge(project, "Dr Owen Harper", "Toshiko Sato")
    store.canon.set_note(project, "Myfanwy", "Lives in the Hub.")
    store.canon.set_note(project, "Dr Owen Harper", "Check the episode order.")

    def check() -> None:
        by_name = {e.name: e for e in store.canon.entities(project)}
        owen = by_name["Dr Owen Harper"]
        assert "Owen Harper" in owen.aliases and "Toshiko Sato" in owen.aliases
        assert owen.note == "Check the episode order."
        assert "Toshiko Sato" not in by_name and "Cardiff" not in by_name
        assert by_name["Burn Gorman"].type is EntityType.OBJECT
        assert by_name["Myfanwy"].type is EntityType.SPECIES
        assert by_name["Myfanwy"].note == "Lives in the Hub."
        found = store.canon.index(project).entity_at("the pterodactyl")
        assert found is not None and found.name == "Myfanwy"

    check()
    store.canon.import_source(project, "one.txt", ARTICLE_ONE)  # re-import the same source
    check()
    store.canon.rebuild(project)
    check()
    store.canon.import_source(project, "two.html", ARTICLE_TWO, "html")  # a second source about Owen
    check()
    assert store.canon.note(project, "Owen Harper") == "Check the episode order."


def test_edit_errors(store: Store) -> None:
    project = _project(store)
    store.canon.import_source(project, "one.txt", ARTICLE_ONE)
    with pytest.raises(NotFoundError, match="no entity called 'Nobody'"):
        store.canon.rename(project, "Nobody", "Somebody")
    with pytest.raises(FicDeskError, match="unknown entity type"):
        store.canon.retype(project, "Owen Harper", "spaceship")
    with pytest.raises(FicDeskError, match="already"):
        store.canon.add_entity(project, "owen harper")
    with pytest.raises(FicDeskError, match="already the name of another entity"):
        store.canon.rename(project, "Owen Harper", "Toshiko Sato")
    with pytest.raises(FicDeskError, match="already the same entity"):
        store.canon.merge(project, "Owen", "Owen Harper")
    with pytest.raises(FicDeskError, match="needs a name"):
        store.canon.add_entity(project, "  ")
    with pytest.raises(FicDeskError, match="needs a name"):
        store.canon.import_source(project, " ", ARTICLE_ONE)
    with pytest.raises(NotFoundError):
        store.canon.import_source(project + 99, "x", ARTICLE_ONE)
    with pytest.raises(FicDeskError, match="unknown document format"):
        store.canon.import_source(project, "x", ARTICLE_ONE, "pdf")


def test_removing_a_source_and_a_project(store: Store) -> None:
    project = _project(store)
    source = store.canon.import_source(project, "one.txt", ARTICLE_ONE)
    store.canon.remove_source(source)
    assert store.canon.entities(project) == []
    store.canon.add_entity(project, "Gwen Cooper")
    assert [e.name for e in store.canon.entities(project)] == ["Gwen Cooper"]
    with pytest.raises(NotFoundError):
        store.canon.remove_source(source)


def test_migration_from_the_initial_schema_keeps_data(db_url: str) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from ficdesk.store import open_store
    from ficdesk.store.database import alembic_config, normalise_url

    engine = create_engine(normalise_url(db_url))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.exec_driver_sql(
            "INSERT INTO project (name, language, created_at, updated_at) "
            "VALUES ('Old', 'en-GB', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
        )
    engine.dispose()
    store = open_store(db_url)
    try:
        assert store.db.revision == "0003"
        project = store.projects.find("Old")
        store.canon.import_source(project.id, "one.txt", ARTICLE_ONE)
        assert "Owen Harper" in store.canon.names(project.id)
    finally:
        store.close()
