"""Creating chapters works on positions only: no chapter body is read back, whatever the story's length."""

from __future__ import annotations

import pytest

from ficdesk.errors import NotFoundError
from ficdesk.store import Store
from tests.support.sql import Sent, sent_sql


def _story(store: Store, chapters: int) -> tuple[int, list[int]]:
    project = store.projects.create("Long fics")
    story = store.stories.create(project.id, "A long road home")
    ids = [store.chapters.create(story.id, f"Part {n}", f"The road went on, part {n}.").id
           for n in range(chapters)]
    return story.id, ids


def _reads_a_body(sent: Sent) -> bool:
    return sent.is_select and "body" in sent.columns


def test_appending_a_chapter_costs_the_same_statements_at_any_length(sqlite_store: Store) -> None:
    story_id, _ = _story(sqlite_store, 3)
    with sent_sql(sqlite_store) as short:
        sqlite_store.chapters.create(story_id, "Next", "More road.")
    for n in range(40):
        sqlite_store.chapters.create(story_id, f"Filler {n}", "Road.")
    with sent_sql(sqlite_store) as long:
        sqlite_store.chapters.create(story_id, "Last", "The end of the road.")
    assert len(long) == len(short)
    assert not [s for s in long if _reads_a_body(s)]
    assert [c.title for c in sqlite_store.chapters.list(story_id)][-2:] == ["Filler 39", "Last"]


def test_inserting_a_chapter_shifts_positions_without_reading_bodies(sqlite_store: Store) -> None:
    story_id, ids = _story(sqlite_store, 30)
    with sent_sql(sqlite_store) as seen:
        inserted = sqlite_store.chapters.create(story_id, "Interlude", "A pause.", position=2)
    assert not [s for s in seen if _reads_a_body(s)]
    assert len(seen) <= 8
    listed = sqlite_store.chapters.list(story_id)
    assert [c.id for c in listed] == [*ids[:2], inserted.id, *ids[2:]]
    assert [c.position for c in listed] == list(range(31))


def test_positions_stay_in_reading_order_after_trash_and_out_of_range_inserts(store: Store) -> None:
    story_id, ids = _story(store, 4)
    store.chapters.delete(ids[1])
    first = store.chapters.create(story_id, "Prologue", position=-5)
    last = store.chapters.create(story_id, "Epilogue", position=99)
    appended = store.chapters.create(story_id, "Afterword")
    store.chapters.restore(ids[1])
    listed = store.chapters.list(story_id)
    # The restored chapter is back in its place: after the chapter it followed, though a prologue came since.
    assert [c.id for c in listed] == [first.id, ids[0], ids[1], ids[2], ids[3], last.id, appended.id]
    assert [c.position for c in listed] == list(range(7))


def test_appending_reads_the_last_position_from_the_index_not_a_scan(sqlite_store: Store) -> None:
    story_id, _ = _story(sqlite_store, 5)
    with sent_sql(sqlite_store) as seen:
        sqlite_store.chapters.create(story_id, "Next", "More road.")
    # One statement finds the position and inserts the chapter (BEGIN and COMMIT aside).
    [(statement, parameters)] = [(sent.statement, sent.parameters) for sent in seen
                                 if sent.statement.split()[0].upper() not in {"BEGIN", "COMMIT"}]
    assert statement.lstrip().upper().startswith("INSERT")
    with sqlite_store.db.engine.connect() as connection:
        plan = " | ".join(str(row[-1]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}",
                                                                             parameters))
    assert "ix_chapter_story_position" in plan
    assert "SCAN chapter" not in plan


def test_a_missing_or_trashed_story_gets_no_chapter(store: Store) -> None:
    story_id, _ = _story(store, 1)
    with pytest.raises(NotFoundError, match="no story with id 999"):
        store.chapters.create(999, "Lost", "Nowhere.")
    store.stories.delete(story_id)
    with pytest.raises(NotFoundError, match="in the trash"):
        store.chapters.create(story_id, "Late", "Too late.")


def test_the_outline_lists_live_chapters_in_order_without_reading_a_body(store: Store) -> None:
    story_id, ids = _story(store, 4)
    store.chapters.delete(ids[1])
    store.chapters.create(story_id, "Interlude", "A pause of four words.", position=1)
    with sent_sql(store) as seen:
        outline = store.chapters.outline(story_id)
    assert not [s for s in seen if _reads_a_body(s)]
    listed = store.chapters.list(story_id)
    assert [(h.id, h.title, h.position, h.word_count) for h in outline] == \
        [(c.id, c.title, c.position, c.word_count) for c in listed]
    assert ids[1] not in [h.id for h in outline]
    assert [h.title for h in outline][:2] == ["Part 0", "Interlude"]
    assert sum(h.word_count for h in outline) == store.stories.word_count(story_id)
