"""Where FicDesk keeps its data.

platformdirs is the maintained successor of appdirs (same idea, active releases, correct paths on
current macOS and Windows versions); appdirs is deprecated.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "FicDesk"
DATABASE_ENV = "FICDESK_DATABASE_URL"
DATA_DIR_ENV = "FICDESK_DATA_DIR"


def data_dir() -> Path:
    """The per-user data folder (``FICDESK_DATA_DIR`` overrides it, e.g. for tests)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The per-user settings folder (next to the data folder when overridden)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override) / "config"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def documents_dir() -> Path:
    """The author's documents folder: where Save dialogs start before one was used."""
    return Path(platformdirs.user_documents_dir())


def default_database_path() -> Path:
    """The embedded SQLite database used when no URL is given."""
    return data_dir() / "ficdesk.sqlite3"


def backup_dir() -> Path:
    """Rotating backups of the embedded database."""
    return data_dir() / "backups"


def resolve_database_url(explicit: str | None = None) -> str:
    """``--database`` wins, then ``FICDESK_DATABASE_URL``, then the SQLite file in the data folder."""
    if explicit:
        return explicit
    from_env = os.environ.get(DATABASE_ENV)
    if from_env:
        return from_env
    return f"sqlite:///{default_database_path()}"
