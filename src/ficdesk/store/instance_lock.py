"""Detect a second FicDesk window on the same SQLite file.

An advisory lock on ``<database>.lock`` is held for the life of the window. A second window that
cannot take it opens the database read-only and says why, so two windows never race to save.
(PostgreSQL users are protected by the chapter version check instead.)
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt
except ImportError:
    msvcrt = None  # type: ignore[assignment]


class InstanceLock:
    def __init__(self, database_path: Path) -> None:
        self.path = database_path.with_name(database_path.name + ".lock")
        self._handle: IO[str] | None = None
        #: What the last :meth:`acquire` answered.
        self.acquired = False

    def acquire(self) -> bool:
        """Take the lock; False when another FicDesk process holds it."""
        try:
            handle = self.path.open("a+", encoding="utf-8")
        except OSError:
            self.acquired = True  # read-only folder: SQLite's own locking still protects the data
            return True
        try:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            elif msvcrt is not None:  # pragma: no cover - Windows
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            handle.close()
            self.acquired = False
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}@{socket.gethostname()}\n")
        handle.flush()
        self._handle = handle
        self.acquired = True
        return True

    def holder(self) -> str:
        """Who holds the lock ("pid@host"), as written by the holder."""
        with contextlib.suppress(OSError):
            return self.path.read_text(encoding="utf-8").strip()
        return ""

    def release(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                if fcntl is not None:
                    fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None
        self.acquired = False
