"""Chapters: ordered text with optimistic locking, so no save ever overwrites newer text silently."""

from __future__ import annotations

import builtins
from dataclasses import dataclass

from sqlalchemy import Connection, DateTime, String, bindparam, func, insert, literal, select, update
from sqlalchemy.orm import Session, make_transient_to_detached

from ficdesk.errors import ConflictError, FicDeskError, NotFoundError, StaleUpdateError, StoreError
from ficdesk.store.models import Chapter, Snapshot, Story
from ficdesk.store.services.base import Service, compare_and_set, get_live
from ficdesk.store.tables import utcnow
from ficdesk.text.counting import count_words


@dataclass(frozen=True)
class SaveResult:
    """Outcome of :meth:`ChapterService.save_text`."""

    version: int
    changed: bool
    word_count: int
    #: Set by :meth:`ChapterService.save_keeping_both` when a newer text from elsewhere was put aside.
    conflict_snapshot_id: int | None = None


@dataclass(frozen=True)
class ChapterHeading:
    """What lists of chapters show (the project tree, "open the first chapter"): no text, no notes."""

    id: int
    story_id: int
    title: str
    position: int
    word_count: int


class ChapterService(Service):
    def create(self, story_id: int, title: str = "", body: str = "", *, position: int | None = None) -> Chapter:
        words = count_words(body)
        # Core statements on a connection, not the ORM's unit of work: appending is one INSERT ... SELECT, and the
        # session machinery around it cost several times its SQL (see Database.connection).
        with self.db.connection() as connection:
            now = utcnow()
            values = {"title": title.strip(), "body": body, "word_count": words, "start_note": "", "end_note": "",
                      "version": 1, "notes_version": 1, "deleted_at": None, "created_at": now, "updated_at": now}
            if position is None:
                appended = connection.execute(_APPEND_CHAPTER, {"story_id": story_id, **values}).one_or_none()
                if appended is None:
                    _next_position(connection, story_id)  # says why: the story is missing or in the trash
                    raise NotFoundError(f"no live story with id {story_id}")
                new_id, at = appended
            else:
                at = _make_room(connection, story_id, position)
                new_id = connection.execute(_INSERT_CHAPTER, {"story_id": story_id, "position": at, **values}
                                            ).scalar_one()
        chapter = Chapter(id=new_id, story_id=story_id, position=at, **values)
        make_transient_to_detached(chapter)  # as if loaded by a session that is closed now, like every service result
        return chapter

    def get(self, chapter_id: int) -> Chapter:
        with self.db.session(write=False) as session:
            return get_live(session, Chapter, chapter_id)

    def list(self, story_id: int) -> builtins.list[Chapter]:
        """The live chapters of a story in reading order."""
        with self.db.session(write=False) as session:
            return _live_chapters(session, story_id)

    def outline(self, story_id: int) -> builtins.list[ChapterHeading]:
        """The live chapters of a story in reading order, read from their columns only: no chapter text is loaded.

        A 500,000-word story's tree needs its 50 titles, not 3 MB of text.
        """
        query = (
            select(Chapter.id, Chapter.story_id, Chapter.title, Chapter.position, Chapter.word_count)
            .where(Chapter.story_id == story_id, Chapter.deleted_at.is_(None))
            .order_by(Chapter.position, Chapter.id)
        )
        with self.db.session(write=False) as session:
            return [ChapterHeading(*row) for row in session.execute(query)]

    def rename(self, chapter_id: int, title: str) -> Chapter:
        with self.db.session() as session:
            chapter = get_live(session, Chapter, chapter_id)
            chapter.title = title.strip()
            return chapter

    def set_notes(self, chapter_id: int, *, start_note: str | None = None, end_note: str | None = None,
                  expected_version: int | None = None) -> Chapter:
        """Change the chapter's notes; every change increments ``notes_version`` (not the text's version).

        With ``expected_version`` (the ``notes_version`` the author started from) this is a
        compare-and-set in one SQL statement; a stale one raises :class:`StaleUpdateError` with the
        stored notes and writes nothing.
        """
        values = {key: value for key, value in (("start_note", start_note), ("end_note", end_note))
                  if value is not None}
        with self.db.session() as session:
            if not compare_and_set(session, Chapter, chapter_id, Chapter.notes_version, expected_version, values):
                chapter = get_live(session, Chapter, chapter_id)
                raise StaleUpdateError(
                    f"the notes of chapter '{chapter.title or chapter.id}' were changed elsewhere "
                    f"(now version {chapter.notes_version}); your changes were not saved over them",
                    current_version=chapter.notes_version,
                    current={"start_note": chapter.start_note, "end_note": chapter.end_note},
                )
            return get_live(session, Chapter, chapter_id)

    def reorder(self, story_id: int, chapter_ids: builtins.list[int]) -> builtins.list[Chapter]:
        """Put the story's live chapters in the order given (every live chapter exactly once)."""
        with self.db.session() as session:
            live = _live_chapters(session, story_id)
            by_id = {chapter.id: chapter for chapter in live}
            if sorted(chapter_ids) != sorted(by_id):
                raise FicDeskError("reorder needs every chapter of the story exactly once")
            ordered = [by_id[chapter_id] for chapter_id in chapter_ids]
            _renumber(ordered)
            return ordered

    def move(self, chapter_id: int, new_index: int) -> builtins.list[Chapter]:
        """Move one chapter to ``new_index`` (0-based) among its story's live chapters."""
        chapter = self.get(chapter_id)
        ids = [c.id for c in self.list(chapter.story_id)]
        ids.remove(chapter_id)
        ids.insert(max(0, min(new_index, len(ids))), chapter_id)
        return self.reorder(chapter.story_id, ids)

    def save_text(self, chapter_id: int, text: str, *, expected_version: int) -> SaveResult:
        """Store new chapter text if it changed, based on ``expected_version``.

        Raises :class:`ConflictError` (carrying the stored text) when someone else saved a newer
        version in between; nothing is overwritten then.
        """
        words = count_words(text)
        with self.db.connection() as connection:
            # The compare-and-set is the check, in one statement (no read first that another process
            # could outdate): it writes only if the stored version is still the expected one.
            result = connection.execute(
                update(Chapter)
                .where(Chapter.id == chapter_id, Chapter.deleted_at.is_(None),
                       Chapter.version == expected_version, Chapter.body != text)
                .values(body=text, word_count=words, version=Chapter.version + 1, updated_at=utcnow())
            )
            if result.rowcount == 1:
                return SaveResult(expected_version + 1, changed=True, word_count=words)
            stored = _live_state(connection, chapter_id)
            if stored.version != expected_version:
                raise _conflict(connection, chapter_id)
            return SaveResult(stored.version, changed=False, word_count=stored.word_count)

    def save_keeping_both(self, chapter_id: int, text: str, *, expected_version: int,
                          word_count: int | None = None) -> SaveResult:
        """Save the author's text; if the chapter changed elsewhere, keep that text as a snapshot first.

        ``word_count`` is ``count_words(text)`` when the caller already has it (the editor keeps a running
        count): counting a 500,000-word chapter again on every autosave holds the interpreter for ~0.1 s.

        This is what the editor's autosave uses: the text on the author's screen becomes the
        chapter, and the version saved by the other window or machine is never lost. The caller
        tells the author when ``conflict_snapshot_id`` is set.
        """
        with self.db.connection() as connection:
            # The stored version and whether the stored text is this one, compared in the database and
            # locked on PostgreSQL: the stored text itself (megabytes in a long chapter) is read only for a conflict.
            stored = _live_state(connection, chapter_id, text=text, lock=True,
                                 gone=f"chapter {chapter_id} no longer exists (or is in the trash)")
            if stored.same:
                return SaveResult(stored.version, changed=False, word_count=stored.word_count)
            conflict_id: int | None = None
            if stored.version != expected_version:
                conflict_id = connection.execute(
                    insert(Snapshot).from_select(
                        ["chapter_id", "title", "body", "word_count", "chapter_version", "reason", "created_at"],
                        select(Chapter.id, Chapter.title, Chapter.body, Chapter.word_count, Chapter.version,
                               literal(f"conflict: version {stored.version} saved elsewhere", String),
                               literal(utcnow(), DateTime(timezone=True)))
                        .where(Chapter.id == chapter_id)
                    ).returning(Snapshot.id)
                ).scalar_one()
            words = count_words(text) if word_count is None else word_count
            seen = stored.version
            # Compare-and-set against the version read (and, on PostgreSQL, locked) above: if anything
            # slipped in between, this writes nothing and the save fails loudly instead of silently.
            result = connection.execute(
                update(Chapter)
                .where(Chapter.id == chapter_id, Chapter.version == seen)
                .values(body=text, word_count=words, version=seen + 1, updated_at=utcnow())
            )
            if result.rowcount != 1:
                raise StoreError(f"chapter {chapter_id} changed while it was being saved; nothing was written")
            return SaveResult(seen + 1, changed=True, word_count=words, conflict_snapshot_id=conflict_id)

    def delete(self, chapter_id: int) -> None:
        with self.db.session() as session:
            chapter = get_live(session, Chapter, chapter_id)
            chapter.deleted_at = utcnow()
            session.flush()
            _renumber(_live_chapters(session, chapter.story_id))

    def restore(self, chapter_id: int) -> Chapter:
        """Bring a chapter back from the trash, back in the place it had (so exports keep their order).

        Trashing keeps the chapter's position; restoring inserts it there again among the live
        chapters (at the end when the story has fewer chapters now).
        """
        with self.db.session() as session:
            chapter = get_live(session, Chapter, chapter_id, include_deleted=True)
            story = session.get(Story, chapter.story_id)
            if story is None:
                raise NotFoundError(f"the story of chapter {chapter_id} no longer exists")
            if story.deleted_at is not None:
                story.deleted_at = None
            live = _live_chapters(session, story.id)
            chapter.deleted_at = None
            live.insert(max(0, min(chapter.position, len(live))), chapter)
            _renumber(live)
            return chapter

    def trash(self, story_id: int) -> builtins.list[Chapter]:
        with self.db.session(write=False) as session:
            query = select(Chapter).where(Chapter.story_id == story_id, Chapter.deleted_at.is_not(None))
            return list(session.scalars(query.order_by(Chapter.deleted_at.desc())))

    def replace_text(self, chapter_id: int, text: str, *, reason: str) -> SaveResult:
        """Replace the text whatever its version, after taking a snapshot (imports, restores)."""
        with self.db.session() as session:
            chapter = get_live(session, Chapter, chapter_id)
            session.add(Snapshot(chapter_id=chapter.id, title=chapter.title, body=chapter.body,
                                 word_count=chapter.word_count, chapter_version=chapter.version,
                                 reason=reason))
            if chapter.body == text:
                return SaveResult(chapter.version, changed=False, word_count=chapter.word_count)
            chapter.body = text
            chapter.word_count = count_words(text)
            chapter.version += 1
            return SaveResult(chapter.version, changed=True, word_count=chapter.word_count)

    def count(self, story_id: int) -> int:
        with self.db.session(write=False) as session:
            return int(session.scalar(select(func.count()).select_from(Chapter).where(
                Chapter.story_id == story_id, Chapter.deleted_at.is_(None))) or 0)


def _live_chapters(session: Session, story_id: int) -> list[Chapter]:
    query = (
        select(Chapter)
        .where(Chapter.story_id == story_id, Chapter.deleted_at.is_(None))
        .order_by(Chapter.position, Chapter.id)
    )
    return list(session.scalars(query))


#: The position of the story's last live chapter, read from the (story_id, position) index.
_LAST_POSITION = (
    select(Chapter.position)
    .where(Chapter.story_id == Story.id, Chapter.deleted_at.is_(None))
    .order_by(Chapter.position.desc())
    .limit(1)
    .correlate(Story)
    .scalar_subquery()
)

#: The story's trash mark and its last live chapter position, in one statement.
_STORY_AND_LAST_POSITION = select(Story.deleted_at, _LAST_POSITION.label("last")).where(
    Story.id == bindparam("story_id"))

_INSERT_CHAPTER = insert(Chapter).returning(Chapter.id)

#: Every column of a new chapter but its story and position, given by the caller.
_NEW_CHAPTER_VALUES = ("title", "body", "word_count", "start_note", "end_note", "version", "notes_version",
                       "deleted_at", "created_at", "updated_at")

#: A new chapter after the story's last live one, in one statement; it inserts nothing for a missing or trashed story.
_APPEND_CHAPTER = insert(Chapter).from_select(
    ["story_id", "position", *_NEW_CHAPTER_VALUES],
    select(Story.id, func.coalesce(_LAST_POSITION + 1, 0),
           *(bindparam(name, type_=Chapter.__table__.c[name].type) for name in _NEW_CHAPTER_VALUES))
    .where(Story.id == bindparam("story_id"), Story.deleted_at.is_(None)),
).returning(Chapter.id, Chapter.position)


def _next_position(connection: Connection, story_id: int) -> int:
    """The position after the story's last live chapter; refuses a missing or trashed story like ``get_live``."""
    row = connection.execute(_STORY_AND_LAST_POSITION, {"story_id": story_id}).one_or_none()
    if row is None:
        raise NotFoundError(f"no story with id {story_id}")
    if row.deleted_at is not None:
        raise NotFoundError(f"the story with id {story_id} is in the trash")
    return 0 if row.last is None else int(row.last) + 1


def _make_room(connection: Connection, story_id: int, index: int | None) -> int:
    """The position a new chapter takes at ``index`` (None: the end) among the live chapters of a live story.

    Works on the position column only, never loading chapter rows (their bodies can be huge): appending
    (:func:`_next_position`, which also refuses a missing or trashed story) reads the last live position from
    the (story_id, position) index, so it costs the same however long the story is; inserting shifts the later
    chapters' positions (trashed ones included) with one UPDATE.
    """
    end = _next_position(connection, story_id)
    if index is None:
        return end
    live = (Chapter.story_id == story_id, Chapter.deleted_at.is_(None))
    rows = connection.execute(select(Chapter.id, Chapter.position).where(*live)
                              .order_by(Chapter.position, Chapter.id)).all()
    index = max(0, min(index, len(rows)))
    if [row.position for row in rows] != list(range(len(rows))):
        # Positions with gaps or ties (older data): make them 0..n-1 in reading order, still columns only.
        for new, row in enumerate(rows):
            if row.position != new:
                connection.execute(update(Chapter).where(Chapter.id == row.id).values(position=new))
    if index < len(rows):
        # Trashed chapters move along too: a restore puts a chapter back at its position among the live ones.
        connection.execute(update(Chapter).where(Chapter.story_id == story_id, Chapter.position >= index)
                           .values(position=Chapter.position + 1))
    return index


def _renumber(chapters: list[Chapter]) -> None:
    for index, chapter in enumerate(chapters):
        chapter.position = index


@dataclass(frozen=True)
class _StoredState:
    version: int
    word_count: int
    #: Whether the stored text is the one being saved (compared in the database, not read out).
    same: bool


def _live_state(connection: Connection, chapter_id: int, *, text: str | None = None, lock: bool = False,
                gone: str | None = None) -> _StoredState:
    """The chapter's stored version and word count and, given ``text``, whether that is its stored text.

    Refuses a missing or trashed chapter like ``get_live`` (or with the message ``gone``); ``lock`` locks
    the row (PostgreSQL) until the commit.
    """
    same = (Chapter.body == text) if text is not None else literal(False)
    query = select(Chapter.version, Chapter.word_count, Chapter.deleted_at, same.label("same"))
    query = query.where(Chapter.id == chapter_id)
    row = connection.execute(query.with_for_update() if lock else query).one_or_none()
    if row is None:
        raise NotFoundError(gone or f"no chapter with id {chapter_id}")
    if row.deleted_at is not None:
        raise NotFoundError(gone or f"the chapter with id {chapter_id} is in the trash")
    return _StoredState(row.version, row.word_count, bool(row.same))


def _conflict(connection: Connection, chapter_id: int) -> ConflictError:
    """The refusal of a stale save, carrying what is stored now."""
    stored = connection.execute(
        select(Chapter.title, Chapter.version, Chapter.body).where(Chapter.id == chapter_id)).one()
    return ConflictError(
        f"chapter '{stored.title or chapter_id}' was changed elsewhere (now version {stored.version}); "
        "your text was not saved over it",
        current_version=stored.version,
        current_text=stored.body,
    )
