"""The author's preferences, kept with QSettings in an INI file in FicDesk's config folder."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from PySide6.QtCore import QSettings

from ficdesk.paths import config_dir
from ficdesk.text.daily import DailyWords

LANGUAGES = (("en-GB", "English (United Kingdom)"), ("en-US", "English (United States)"))
LANGUAGETOOL_MODES = (("off", "Off"), ("local", "Local (Java on this computer)"), ("server", "Server"))
THEMES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))
MAX_RECENT = 8


@dataclass
class UiSettings:
    """Every preference with its default; the dialog edits a copy and ``save`` writes it back."""

    language: str = "en-GB"
    languagetool: str = "off"
    languagetool_url: str = "http://localhost:8081"
    autosave_ms: int = 1000
    font_family: str = ""
    font_size: int = 13
    text_width: int = 720
    line_spacing: int = 150
    theme: str = "system"
    recent_databases: list[str] = field(default_factory=list)

    def add_recent(self, url: str) -> None:
        """Put ``url`` first in the recent databases list."""
        self.recent_databases = [url, *[u for u in self.recent_databases if u != url]][:MAX_RECENT]


def settings_store() -> QSettings:
    """The INI file behind the settings (isolated per test through ``FICDESK_DATA_DIR``)."""
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "ficdesk.ini"), QSettings.Format.IniFormat)


def load_settings() -> UiSettings:
    stored = settings_store()
    result = UiSettings()
    for item in fields(UiSettings):
        key = f"ui/{item.name}"
        if not stored.contains(key):
            continue
        value = stored.value(key)
        default = getattr(result, item.name)
        try:
            if isinstance(default, bool):
                setattr(result, item.name, str(value).lower() in ("1", "true"))
            elif isinstance(default, int):
                setattr(result, item.name, int(str(value)))
            elif isinstance(default, list):
                setattr(result, item.name, [str(v) for v in value] if isinstance(value, list) else
                        ([str(value)] if value else []))
            else:
                setattr(result, item.name, str(value))
        except ValueError:
            continue
    result.autosave_ms = max(200, min(result.autosave_ms, 60_000))
    result.font_size = max(8, min(result.font_size, 40))
    return result


def save_settings(settings: UiSettings) -> None:
    """Write ``settings``; the file is written again only when a value differs from what it holds.

    Every start (and every switch of database) saves the recent databases: nearly always unchanged, and
    rewriting the file syncs it to disk (tens of milliseconds on a busy disk) before the first chapter shows.
    """
    if settings == load_settings():
        return
    stored = settings_store()
    for item in fields(UiSettings):
        stored.setValue(f"ui/{item.name}", getattr(settings, item.name))
    stored.sync()


def remembered(key: str, default: str = "") -> str:
    """A small piece of window state (last chapter per database, window geometry)."""
    value = settings_store().value(f"state/{key}", default)
    return str(value) if value is not None else default


def remember(key: str, value: str) -> None:
    """Keep ``value`` under ``key``; an unchanged value does not rewrite the file (see :func:`save_settings`)."""
    stored = settings_store()
    if stored.value(f"state/{key}") == value:
        return
    stored.setValue(f"state/{key}", value)
    stored.sync()


def _daily_words() -> DailyWords:
    stored = settings_store()
    try:
        day = date.fromisoformat(str(stored.value("stats/date", "")))
        return DailyWords(day, int(str(stored.value("stats/words", 0))))
    except ValueError:
        return DailyWords(date.today())


def words_today() -> int:
    """Words written today (net, never below zero: see :mod:`ficdesk.text.daily`), across every chapter."""
    return _daily_words().shown(date.today())


def add_words_today(delta: int) -> int:
    """Count a save that changed a chapter by ``delta`` words (may be negative); return what is shown now."""
    today = date.today()
    tally = _daily_words().add(delta, today)
    stored = settings_store()
    stored.setValue("stats/date", tally.day.isoformat())
    stored.setValue("stats/words", tally.net)
    return tally.shown(today)
