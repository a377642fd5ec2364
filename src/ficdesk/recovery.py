"""Emergency copies: chapter text the store refused to take (locked database, full disk) kept on disk.

While a save fails the text lives only in the editor. Each failed save therefore also writes the text to
``<data folder>/unsaved/`` — atomically (temporary file, ``fsync``, ``os.replace``, ``fsync`` of the
folder), so a crash in the middle leaves either the previous copy or the new one, never half of one. The
copy is removed once the chapter is stored again, and offered on the next start when it is still there.

Plain Python (no Qt): the window decides when to write and how to offer.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ficdesk.errors import StoreError
from ficdesk.paths import data_dir

FOLDER = "unsaved"


@dataclass(frozen=True)
class EmergencyCopy:
    """One chapter's unsaved text, as written to :attr:`path`."""

    path: Path
    database: str
    chapter_id: int
    title: str
    text: str
    written_at: datetime
    #: Why the save failed (the store's message).
    reason: str


def folder() -> Path:
    return data_dir() / FOLDER


def _database_key(database_url: str) -> str:
    return hashlib.sha256(database_url.encode("utf-8")).hexdigest()[:12]


def copy_path(database_url: str, chapter_id: int) -> Path:
    """Where the emergency copy of ``chapter_id`` in ``database_url`` lives (one per chapter)."""
    return folder() / f"chapter-{_database_key(database_url)}-{chapter_id}.json"


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that it is either the old file or the whole new one, even after a crash."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        directory = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def write_copy(database_url: str, chapter_id: int, title: str, text: str, reason: str) -> Path:
    """Keep ``text`` as the emergency copy of ``chapter_id``; raises :class:`StoreError` when even this fails."""
    path = copy_path(database_url, chapter_id)
    record = {"database": database_url, "chapter_id": chapter_id, "title": title, "text": text,
              "written_at": datetime.now(UTC).isoformat(timespec="seconds"), "reason": reason}
    try:
        atomic_write(path, json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError as error:
        raise StoreError(f"the emergency copy could not be written to {path.parent}: {error.strerror}") from None
    return path


def discard(database_url: str, chapter_id: int) -> None:
    """The chapter is stored again: its emergency copy is no longer needed."""
    with contextlib.suppress(FileNotFoundError):
        copy_path(database_url, chapter_id).unlink()


def has_copy(database_url: str, chapter_id: int) -> bool:
    return copy_path(database_url, chapter_id).exists()


def pending(database_url: str) -> list[EmergencyCopy]:
    """The emergency copies kept for ``database_url``, oldest first (unreadable files are skipped)."""
    found: list[EmergencyCopy] = []
    for path in sorted(folder().glob(f"chapter-{_database_key(database_url)}-*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            copy = EmergencyCopy(path, str(record["database"]), int(record["chapter_id"]), str(record["title"]),
                                 str(record["text"]), datetime.fromisoformat(str(record["written_at"])),
                                 str(record.get("reason", "")))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if copy.database == database_url:
            found.append(copy)
    return sorted(found, key=lambda copy: copy.written_at)


def save_as_file(text: str, path: Path) -> None:
    """The author's own copy (Save a copy as a file): plain UTF-8, written atomically."""
    try:
        atomic_write(path, text.encode("utf-8"))
    except OSError as error:
        raise StoreError(f"cannot write {path}: {error.strerror}") from None
