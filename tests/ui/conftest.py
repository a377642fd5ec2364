"""Fixtures for the window tests: a real SQLite store in tmp and the real MainWindow on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ficdesk.store import Store, open_store
from ficdesk.ui.main_window import MainWindow
from ficdesk.ui.services import AppServices
from ficdesk.ui.settings import load_settings

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ficdesk.sqlite3"


@pytest.fixture
def ui_store(db_path: Path) -> Iterator[Store]:
    store = open_store(f"sqlite:///{db_path}")
    yield store
    store.close()


@pytest.fixture
def make_window(qtbot: QtBot, db_path: Path) -> Iterator[WindowFactory]:
    """Build a MainWindow over given services; windows are closed (and so saved) after the test."""
    windows: list[MainWindow] = []

    def build(services: AppServices, *, autosave_ms: int = 200) -> MainWindow:
        settings = load_settings()
        settings.autosave_ms = autosave_ms
        settings.theme = "light"
        window = MainWindow(services, settings, f"sqlite:///{db_path}")
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.close()


def story_with_chapters(store: Store, bodies: list[str], project: str = "Torchwood",
                        story: str = "Goodbye My Lover") -> tuple[int, int, list[int]]:
    """Project id, story id and chapter ids of a small real story."""
    project_id = store.projects.create(project).id
    story_id = store.stories.create(project_id, story, fandoms=["Torchwood"]).id
    ids = [store.chapters.create(story_id, f"Chapter {n + 1}", body).id for n, body in enumerate(bodies)]
    return project_id, story_id, ids
