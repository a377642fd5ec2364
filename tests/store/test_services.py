"""Service-layer behaviour on real databases (each test runs on SQLite and on PostgreSQL)."""

from __future__ import annotations

import pytest

from ficdesk.errors import ConflictError, FicDeskError, NotFoundError, StaleUpdateError
from ficdesk.store import Store


def _story_with_chapters(store: Store, titles: list[str]) -> tuple[int, list[int]]:
    project = store.projects.create("Torchwood fics")
    story = store.stories.create(project.id, "Goodbye My Lover", fandoms=["Torchwood"])
    ids = [store.chapters.create(story.id, title, f"Text of {title}.").id for title in titles]
    return story.id, ids


def test_project_crud(store: Store) -> None:
    project = store.projects.create("  My   Fandom ")
    assert project.name == "My Fandom"
    assert [p.name for p in store.projects.list()] == ["My Fandom"]
    store.projects.rename(project.id, "Renamed")
    assert store.projects.get(project.id).name == "Renamed"
    assert store.projects.find("renamed").id == project.id
    with pytest.raises(FicDeskError):
        store.projects.create("   ")


def test_story_metadata_round_trip(store: Store) -> None:
    project = store.projects.create("P")
    story = store.stories.create(
        project.id, "Reset", author="tea_and_rift", fandoms=["Torchwood", "Doctor Who"],
        relationships=["Jack Harkness/Ianto Jones"], characters=["Jack Harkness", "Ianto Jones"],
        rating="Teen And Up Audiences", warnings=["No Archive Warnings Apply"], summary="After the Rift.",
    )
    again = store.stories.get(story.id)
    assert again.fandoms == ["Torchwood", "Doctor Who"]
    assert again.relationships == ["Jack Harkness/Ianto Jones"]
    assert again.rating == "Teen And Up Audiences"
    store.stories.update(story.id, characters=["Gwen Cooper"], summary="New summary")
    again = store.stories.get(story.id)
    assert again.characters == ["Gwen Cooper"]
    assert again.summary == "New summary"
    with pytest.raises(FicDeskError, match="unknown story field"):
        store.stories.update(story.id, id=7)


def test_chapters_are_ordered_and_reorderable(store: Store) -> None:
    story_id, ids = _story_with_chapters(store, ["One", "Two", "Three"])
    assert [c.title for c in store.chapters.list(story_id)] == ["One", "Two", "Three"]
    store.chapters.reorder(story_id, [ids[2], ids[0], ids[1]])
    assert [c.title for c in store.chapters.list(story_id)] == ["Three", "One", "Two"]
    store.chapters.move(ids[1], 0)
    assert [c.title for c in store.chapters.list(story_id)] == ["Two", "Three", "One"]
    with pytest.raises(FicDeskError):
        store.chapters.reorder(story_id, ids[:2])
    inserted = store.chapters.create(story_id, "Interlude", position=1)
    assert [c.id for c in store.chapters.list(story_id)][1] == inserted.id


def test_trash_and_restore(store: Store) -> None:
    story_id, ids = _story_with_chapters(store, ["One", "Two", "Three"])
    store.chapters.delete(ids[1])
    assert [c.title for c in store.chapters.list(story_id)] == ["One", "Three"]
    assert [c.id for c in store.chapters.trash(story_id)] == [ids[1]]
    with pytest.raises(NotFoundError, match="trash"):
        store.chapters.get(ids[1])
    restored = store.chapters.restore(ids[1])
    assert restored.deleted_at is None
    assert [c.title for c in store.chapters.list(story_id)] == ["One", "Two", "Three"]  # back in its place

    story = store.stories.get(story_id)
    store.stories.delete(story_id)
    assert store.stories.list(story.project_id) == []
    store.stories.restore(story_id)
    assert [s.id for s in store.stories.list(story.project_id)] == [story_id]

    store.projects.delete(story.project_id)
    assert store.projects.list() == []
    with pytest.raises(FicDeskError):
        store.projects.purge(store.projects.restore(story.project_id).id)
    store.projects.delete(story.project_id)
    store.projects.purge(story.project_id)
    assert store.projects.list(include_deleted=True) == []


def test_save_text_writes_only_changes_and_bumps_version(store: Store) -> None:
    _story_id, ids = _story_with_chapters(store, ["One"])
    chapter = store.chapters.get(ids[0])
    first = store.chapters.save_text(chapter.id, "Jack looks up. Ianto smiles.", expected_version=chapter.version)
    assert first.changed and first.version == chapter.version + 1 and first.word_count == 5
    same = store.chapters.save_text(chapter.id, "Jack looks up. Ianto smiles.", expected_version=first.version)
    assert not same.changed and same.version == first.version
    stored = store.chapters.get(chapter.id)
    assert stored.body == "Jack looks up. Ianto smiles."
    assert stored.word_count == 5


def test_stale_save_is_refused_with_the_stored_text(store: Store) -> None:
    _story_id, ids = _story_with_chapters(store, ["One"])
    base = store.chapters.get(ids[0]).version
    store.chapters.save_text(ids[0], "Saved on the laptop.", expected_version=base)
    with pytest.raises(ConflictError) as raised:
        store.chapters.save_text(ids[0], "Typed on the desktop.", expected_version=base)
    assert raised.value.current_text == "Saved on the laptop."
    assert raised.value.current_version == base + 1
    assert store.chapters.get(ids[0]).body == "Saved on the laptop."


def test_snapshots_restore_and_diff(store: Store) -> None:
    _story_id, ids = _story_with_chapters(store, ["One"])
    chapter = store.chapters.get(ids[0])
    snap = store.snapshots.take(chapter.id)
    store.chapters.save_text(chapter.id, "Completely new text.", expected_version=chapter.version)
    diff = store.snapshots.diff(snap.id)
    assert "-Text of One." in diff and "+Completely new text." in diff
    restored = store.snapshots.restore(snap.id)
    assert restored.body == "Text of One."
    reasons = [s.reason for s in store.snapshots.list(chapter.id)]
    assert any(r.startswith("before restoring") for r in reasons)


def test_templates_and_dictionary(store: Store) -> None:
    project = store.projects.create("P")
    template = store.templates.create(project.id, "disclaimer", "BBC", "I don't own {fandom}.")
    with pytest.raises(FicDeskError, match="already"):
        store.templates.create(project.id, "disclaimer", "BBC", "again")
    store.templates.update(template.id, body="I do not own {fandom}.")
    assert store.templates.find(project.id, "bbc").body == "I do not own {fandom}."
    with pytest.raises(FicDeskError, match="unknown template kind"):
        store.templates.create(project.id, "poem", "x", "y")
    store.templates.delete(template.id)
    assert template.id not in [t.id for t in store.templates.list(project.id)]

    store.dictionary.add_word("Janto", project.id)
    store.dictionary.add_word("Janto", project.id)
    store.dictionary.add_word("Torchwood")
    assert store.dictionary.words(project.id) == {"Janto", "Torchwood"}
    store.dictionary.ignore_rule(project.id, "style.passive")
    store.dictionary.ignore_once(project.id, None, "grammar.his", "he's", "into he's eyes")
    ignored = store.dictionary.ignored(project.id)
    assert ignored.rules == {"style.passive"}
    assert ("grammar.his", "he's", "into he's eyes") in ignored.spots


def test_stale_story_update_is_refused_with_the_stored_values(store: Store) -> None:
    project = store.projects.create("Torchwood")
    story = store.stories.create(project.id, "Rift", summary="First summary.")
    assert story.version == 1
    first = store.stories.update(story.id, expected_version=1, summary="Laptop summary.")
    assert first.version == 2
    with pytest.raises(StaleUpdateError, match="changed elsewhere") as refused:
        store.stories.update(story.id, expected_version=1, summary="Desktop summary.", rating="Mature")
    assert refused.value.current_version == 2
    assert refused.value.current["summary"] == "Laptop summary."
    stored = store.stories.get(story.id)
    assert (stored.summary, stored.rating, stored.version) == ("Laptop summary.", "Not Rated", 2)
    # An unconditional update (a rename) still moves the version on, so older forms are refused after it.
    assert store.stories.update(story.id, title="Rift II").version == 3
    with pytest.raises(StaleUpdateError):
        store.stories.update(story.id, expected_version=2, summary="Late.")


def test_stale_chapter_notes_are_refused_with_the_stored_notes(store: Store) -> None:
    story = store.stories.create(store.projects.create("Torchwood").id, "Rift")
    chapter = store.chapters.create(story.id, "One", "Body.")
    assert chapter.notes_version == 1
    saved = store.chapters.set_notes(chapter.id, start_note="Laptop note.", expected_version=1)
    assert saved.notes_version == 2 and saved.version == chapter.version  # the text's version is separate
    with pytest.raises(StaleUpdateError) as refused:
        store.chapters.set_notes(chapter.id, start_note="Desktop note.", end_note="End.", expected_version=1)
    assert refused.value.current == {"start_note": "Laptop note.", "end_note": ""}
    stored = store.chapters.get(chapter.id)
    assert (stored.start_note, stored.end_note, stored.notes_version) == ("Laptop note.", "", 2)


def test_overview_counts_live_stories_of_live_projects_in_listing_order(store: Store) -> None:
    from ficdesk.store.services.overview import ProjectSummary

    zeta = store.projects.create("Zeta")
    alpha = store.projects.create("alpha")
    empty = store.projects.create("Empty")
    gone = store.projects.create("Gone")
    for title in ("One", "Two", "Three"):
        store.stories.create(zeta.id, title)
    trashed = store.stories.create(zeta.id, "Trashed")
    store.stories.delete(trashed.id)
    store.stories.create(alpha.id, "Only")
    store.stories.create(gone.id, "Hidden")
    store.projects.delete(gone.id)
    summaries = store.overview.projects()
    assert [s.id for s in summaries] == [p.id for p in store.projects.list()]
    assert {s.id: s for s in summaries} == {
        zeta.id: ProjectSummary(zeta.id, "Zeta", 3),
        alpha.id: ProjectSummary(alpha.id, "alpha", 1),
        empty.id: ProjectSummary(empty.id, "Empty", 0),
    }


def test_services_are_built_once_on_first_use_even_from_many_threads(store: Store) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from ficdesk.store.facade import Store as StoreClass

    assert "canon" not in vars(store)
    with ThreadPoolExecutor(8) as pool:
        seen = set(map(id, pool.map(lambda _: store.canon, range(32))))
    assert seen == {id(store.canon)} and vars(store)["canon"] is store.canon
    assert store.projects.db is store.db
    assert isinstance(vars(StoreClass)["projects"], type(vars(StoreClass)["canon"]))
