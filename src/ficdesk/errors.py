"""Exceptions that carry a message meant for the author.

Every error a user can cause (a bad path, a wrong database URL, a stale save) is a
:class:`FicDeskError`. The CLI prints ``str(error)`` as one line and exits 2; the UI shows it in a
dialog. Anything else is a bug and may show a traceback.
"""

from __future__ import annotations

from typing import Any


class FicDeskError(Exception):
    """Base class for errors whose message is written for the author."""


class StoreError(FicDeskError):
    """The database cannot be opened, read or written."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer FicDesk; it is left untouched."""


class NotFoundError(FicDeskError):
    """A project, story, chapter or template does not exist (or is in the trash)."""


class ConflictError(FicDeskError):
    """A save was based on an older version of the chapter than the one stored.

    ``current_version`` and ``current_text`` describe what is stored now, so the caller can keep
    both texts instead of overwriting either.
    """

    def __init__(self, message: str, *, current_version: int, current_text: str) -> None:
        super().__init__(message)
        self.current_version = current_version
        self.current_text = current_text


class StaleUpdateError(FicDeskError):
    """An update of story metadata or chapter notes was based on an older version than the one stored.

    Nothing was written. ``current_version`` and ``current`` (field name → stored value) describe
    what is stored now, so the caller can show it and let the author decide.
    """

    def __init__(self, message: str, *, current_version: int, current: dict[str, Any]) -> None:
        super().__init__(message)
        self.current_version = current_version
        self.current = current


class InputError(FicDeskError):
    """A file given to FicDesk cannot be used (binary, empty, too large, undecodable)."""
