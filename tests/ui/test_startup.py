"""Start-up: the window is on screen before the store loads, then fills itself (``ficdesk.ui.app.launch``)."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ficdesk.errors import FicDeskError
from ficdesk.store import Store
from ficdesk.ui import app as app_module
from ficdesk.ui.main_window import MainWindow
from ficdesk.ui.services import AppServices, wire_services
from ficdesk.ui.settings import load_settings

#: Modules that must not load before the first paint: each costs start-up time the author sees.
HEAVY = ("sqlalchemy", "alembic", "ficdesk.store.database", "ficdesk.checking.engine", "ficdesk.canon.extract",
         "ficdesk.formats.readers", "ficdesk.templates.context", "ficdesk.ui.services", "ficdesk.ui.canon_panel",
         # the editor page is behind the welcome page until a chapter opens: it is made by attach()
         "ficdesk.ui.editor", "ficdesk.ui.highlighter", "ficdesk.ui.checking", "ficdesk.ui.issues_panel")


def test_what_the_window_needs_to_appear_loads_without_the_store_or_the_core() -> None:
    """The command line and the window modules, as ``ficdesk`` loads them before the first paint."""
    probe = ("import json, sys\n"
             "from ficdesk.cli import parse_args\n"
             "assert parse_args([]).command is None\n"
             "import ficdesk.ui.app\n"
             "print(json.dumps(sorted(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    loaded = set(json.loads(done.stdout))
    assert "ficdesk.ui.main_window" in loaded
    assert [name for name in HEAVY if name in loaded] == []


#: Not needed to show an existing project's first chapter: the sample, the draft readers, the templates and the
#: checker load when first used (the checker on its worker thread, after the chapter is on screen).
NOT_FOR_THE_FIRST_CHAPTER = ("ficdesk.sample", "ficdesk.formats.readers", "ficdesk.formats.htmldoc",
                             "ficdesk.templates.context", "ficdesk.checking.engine", "ficdesk.checking.project")


def test_an_existing_project_opens_without_loading_the_sample_the_readers_or_the_checker(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'existing.sqlite3'}"
    opened = app_module.open_services(url)  # the first start: makes the sample project
    opened.services.store.close()
    if opened.lock is not None:
        opened.lock.release()
    probe = ("import json, sys\n"
             "from PySide6.QtWidgets import QApplication\n"
             "app = QApplication([])\n"
             "from ficdesk.ui.app import open_window\n"
             f"window = open_window({url!r})\n"
             "window.open_initial_chapter()\n"
             "assert window.chapter_id is not None and window.editor.chapter_text()\n"
             "print(json.dumps(sorted(sys.modules)))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FICDESK_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "sqlalchemy" in loaded and "ficdesk.ui.canon_panel" in loaded
    assert [name for name in NOT_FOR_THE_FIRST_CHAPTER if name in loaded] == []


def test_the_window_shows_opening_first_then_the_sample_project(qtbot: QtBot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'first-start.sqlite3'}"
    window = app_module.launch(url)
    qtbot.addWidget(window)
    # Before the event loop has run: on screen, saying what it is doing, nothing that needs the store on.
    assert window.isVisible() and not window.attached
    assert window.welcome_text.text().startswith("Opening sqlite:///")
    assert not window.new_chapter_action.isEnabled() and not window.new_project_action.isEnabled()
    assert window.quit_action.isEnabled()
    assert window.tree.topLevelItemCount() == 0

    with qtbot.waitSignal(window.ready, timeout=60_000):
        pass
    assert window.attached
    assert window.new_project_action.isEnabled()
    assert window.tree.topLevelItemCount() == 1  # the sample project
    assert window.chapter_id is not None
    assert window.editor.chapter_text() == window.store.chapters.get(window.chapter_id).body
    assert window.canon_dock.widget() is window.canon
    window.close()
    window.store.close()


def test_the_store_opens_off_the_ui_thread_so_the_window_keeps_responding(qtbot: QtBot, tmp_path: Path) -> None:
    release = threading.Event()
    opened_on: list[threading.Thread] = []

    def slow_services(store: Store) -> AppServices:
        opened_on.append(threading.current_thread())
        release.wait(30)  # a slow disk or server: the window must not freeze meanwhile
        return wire_services(store)

    window = app_module.launch(f"sqlite:///{tmp_path / 'slow.sqlite3'}", slow_services)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(opened_on), timeout=30_000)
    ticks: list[int] = []
    timer = QTimer(window, interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5_000)  # the UI thread's event loop keeps running
    window.resize(900, 600)  # and the author can still move and resize the window
    assert not window.attached and opened_on[0] is not threading.main_thread()

    assert not gc.isenabled()  # paused while the store opens (ficdesk.ui.app.CollectionPause)
    with qtbot.waitSignal(window.ready, timeout=60_000):
        release.set()
    timer.stop()
    assert window.attached and window.chapter_id is not None
    assert gc.isenabled() and gc.get_freeze_count() > 0  # collecting again; start-up's objects frozen out of it
    window.close()
    window.store.close()


def test_a_database_that_cannot_be_opened_is_reported_and_the_app_exits_with_2(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    not_a_database = tmp_path / "notes.sqlite3"
    not_a_database.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")
    told: list[str] = []
    exits: list[int] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text, *_: told.append(f"{title}: {text}"))
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))

    window = app_module.launch(f"sqlite:///{not_a_database}")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(exits), timeout=30_000)
    assert exits == [2]
    assert len(told) == 1 and told[0].startswith("FicDesk cannot open its database: ")
    assert not window.attached
    assert not_a_database.read_text(encoding="utf-8").startswith("these are my notes")  # left untouched
    assert gc.isenabled()
    window.close()


def test_collecting_resumes_when_a_window_cannot_open_its_database(tmp_path: Path) -> None:
    not_a_database = tmp_path / "notes.sqlite3"
    not_a_database.write_text("not a database\n" * 50, encoding="utf-8")
    with pytest.raises(FicDeskError):
        app_module.open_window(f"sqlite:///{not_a_database}")
    assert gc.isenabled()


def test_a_window_closed_while_opening_closes_cleanly(qtbot: QtBot) -> None:
    window = MainWindow(None, load_settings(), "sqlite:///nowhere.sqlite3")
    qtbot.addWidget(window)
    window.show()
    assert window.close()
    assert not window.attached


def test_a_second_start_on_the_same_database_does_not_rewrite_the_settings_file(qtbot: QtBot, tmp_path: Path) -> None:
    """Saving unchanged settings (the recent databases, the last chapter) would sync the file to disk each start."""
    from ficdesk.ui.settings import remember, remembered, save_settings, settings_store

    url = f"sqlite:///{tmp_path / 'again.sqlite3'}"
    for start in range(2):
        window = app_module.open_window(url)
        qtbot.addWidget(window)
        window.open_initial_chapter()
        window.close()
        window.store.close()
        if start == 0:
            ini = Path(settings_store().fileName())
            written = ini.read_bytes()
            os.utime(ini, ns=(0, 0))  # any rewrite now shows, however coarse the file system's clock
    assert ini.stat().st_mtime_ns == 0 and ini.read_bytes() == written
    assert load_settings().recent_databases[0] == url and remembered(f"last_chapter/{url}").isdigit()

    settings = load_settings()
    settings.font_size += 1
    save_settings(settings)  # a real change is written
    remember("export/folder", str(tmp_path))
    assert ini.stat().st_mtime_ns != 0
    assert load_settings().font_size == settings.font_size and remembered("export/folder") == str(tmp_path)
