"""Creating chapters and saving their text on the window's hot path (each test on SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC

import pytest
from sqlalchemy import inspect

from ficdesk.errors import NotFoundError
from ficdesk.store import Store
from tests.support.sql import sent_sql

_COLUMNS = ("id", "story_id", "position", "title", "body", "word_count", "start_note", "end_note", "version",
            "notes_version", "deleted_at")


def _chapter(store: Store, body: str = "The kettle sang on the stove.") -> int:
    project = store.projects.create("Kitchen fics")
    story = store.stories.create(project.id, "Tea for Two")
    return store.chapters.create(story.id, "Steam", body).id


def test_a_created_chapter_is_returned_as_it_was_stored(store: Store) -> None:
    project = store.projects.create("Kitchen fics")
    story = store.stories.create(project.id, "Tea for Two")
    store.chapters.create(story.id, "Before")
    created = store.chapters.create(story.id, "  Steam  ", "The kettle sang on the stove.")
    assert inspect(created).detached
    stored = store.chapters.get(created.id)
    assert [getattr(created, name) for name in _COLUMNS] == [getattr(stored, name) for name in _COLUMNS]
    assert (created.title, created.position, created.word_count, created.version) == ("Steam", 1, 6, 1)
    assert created.created_at == created.updated_at
    # SQLite keeps the UTC time without its zone; PostgreSQL keeps the zone.
    stored_at = stored.created_at if stored.created_at.tzinfo else stored.created_at.replace(tzinfo=UTC)
    assert created.created_at == stored_at


def test_keeping_both_saves_a_change_and_skips_an_unchanged_text(store: Store) -> None:
    chapter_id = _chapter(store)
    saved = store.chapters.save_keeping_both(chapter_id, "The kettle sang. Nobody came.", expected_version=1)
    assert (saved.version, saved.changed, saved.word_count, saved.conflict_snapshot_id) == (2, True, 5, None)
    again = store.chapters.save_keeping_both(chapter_id, "The kettle sang. Nobody came.", expected_version=2)
    assert (again.version, again.changed, again.word_count) == (2, False, 5)
    # An older base with the text already stored writes nothing either: there is nothing to keep.
    stale_same = store.chapters.save_keeping_both(chapter_id, "The kettle sang. Nobody came.", expected_version=1)
    assert (stale_same.version, stale_same.changed, stale_same.conflict_snapshot_id) == (2, False, None)
    stored = store.chapters.get(chapter_id)
    assert (stored.body, stored.version, stored.word_count) == ("The kettle sang. Nobody came.", 2, 5)
    assert store.snapshots.list(chapter_id) == []


def test_keeping_both_keeps_the_text_saved_elsewhere_as_a_snapshot(store: Store) -> None:
    chapter_id = _chapter(store)
    store.chapters.save_text(chapter_id, "Saved in the other window, three words more.", expected_version=1)
    ours = store.chapters.save_keeping_both(chapter_id, "Typed here.", expected_version=1, word_count=2)
    assert (ours.version, ours.changed, ours.word_count) == (3, True, 2)
    assert ours.conflict_snapshot_id is not None
    kept = store.snapshots.get(ours.conflict_snapshot_id)
    assert (kept.chapter_id, kept.title, kept.body, kept.word_count, kept.chapter_version) == \
        (chapter_id, "Steam", "Saved in the other window, three words more.", 8, 2)
    assert kept.reason == "conflict: version 2 saved elsewhere"
    assert kept.created_at is not None
    stored = store.chapters.get(chapter_id)
    assert (stored.body, stored.version) == ("Typed here.", 3)


def test_keeping_both_refuses_a_missing_or_trashed_chapter(store: Store) -> None:
    chapter_id = _chapter(store)
    with pytest.raises(NotFoundError, match="chapter 999 no longer exists"):
        store.chapters.save_keeping_both(999, "Anywhere.", expected_version=1)
    store.chapters.delete(chapter_id)
    with pytest.raises(NotFoundError, match="in the trash"):
        store.chapters.save_keeping_both(chapter_id, "Too late.", expected_version=1)
    with pytest.raises(NotFoundError, match="in the trash"):
        store.chapters.save_text(chapter_id, "Too late.", expected_version=1)


def test_an_autosave_never_reads_the_stored_text_back(store: Store) -> None:
    long_text = "The kettle sang on the stove. " * 5_000
    chapter_id = _chapter(store, long_text)
    with sent_sql(store) as seen:
        store.chapters.save_keeping_both(chapter_id, long_text + "Then it stopped.", expected_version=1)
        store.chapters.save_keeping_both(chapter_id, long_text + "Then it stopped.", expected_version=2)
        store.chapters.save_text(chapter_id, long_text + "Then it stopped again.", expected_version=2)
    assert not [sent.statement for sent in seen if "body" in sent.columns]
    assert store.chapters.get(chapter_id).version == 3
