"""Snapshots: a chapter's text at a moment, taken by hand or before anything destructive."""

from __future__ import annotations

import builtins
import difflib

from sqlalchemy import select

from ficdesk.store.models import Chapter, Snapshot
from ficdesk.store.services.base import Service, get_live
from ficdesk.text.counting import count_words


class SnapshotService(Service):
    def take(self, chapter_id: int, reason: str = "manual") -> Snapshot:
        with self.db.session() as session:
            chapter = get_live(session, Chapter, chapter_id)
            snapshot = Snapshot(chapter_id=chapter.id, title=chapter.title, body=chapter.body,
                                word_count=chapter.word_count, chapter_version=chapter.version, reason=reason)
            session.add(snapshot)
            session.flush()
            return snapshot

    def keep_text(self, chapter_id: int, text: str, reason: str) -> Snapshot:
        """Store a text that is not (or no longer) the chapter's, e.g. the losing side of a conflict."""
        with self.db.session() as session:
            chapter = get_live(session, Chapter, chapter_id)
            snapshot = Snapshot(chapter_id=chapter.id, title=chapter.title, body=text,
                                word_count=count_words(text), chapter_version=chapter.version, reason=reason)
            session.add(snapshot)
            session.flush()
            return snapshot

    def list(self, chapter_id: int) -> builtins.list[Snapshot]:
        with self.db.session(write=False) as session:
            query = select(Snapshot).where(Snapshot.chapter_id == chapter_id)
            return list(session.scalars(query.order_by(Snapshot.created_at.desc(), Snapshot.id.desc())))

    def get(self, snapshot_id: int) -> Snapshot:
        with self.db.session(write=False) as session:
            return get_live(session, Snapshot, snapshot_id)

    def diff(self, snapshot_id: int) -> str:
        """A unified diff from the snapshot to the chapter's current text, line by line."""
        snapshot = self.get(snapshot_id)
        with self.db.session(write=False) as session:
            chapter = get_live(session, Chapter, snapshot.chapter_id, include_deleted=True)
            current = chapter.body
        lines = difflib.unified_diff(
            snapshot.body.splitlines(), current.splitlines(),
            fromfile=f"snapshot {snapshot.id} ({snapshot.reason}, {snapshot.created_at:%Y-%m-%d %H:%M})",
            tofile="current text", lineterm="",
        )
        return "\n".join(lines)

    def restore(self, snapshot_id: int) -> Chapter:
        """Put the snapshot's text back; the current text is kept as a snapshot first."""
        snapshot = self.get(snapshot_id)
        with self.db.session() as session:
            chapter = get_live(session, Chapter, snapshot.chapter_id)
            session.add(Snapshot(chapter_id=chapter.id, title=chapter.title, body=chapter.body,
                                 word_count=chapter.word_count, chapter_version=chapter.version,
                                 reason=f"before restoring snapshot {snapshot.id}"))
            chapter.body = snapshot.body
            chapter.word_count = snapshot.word_count
            chapter.version += 1
            return chapter
