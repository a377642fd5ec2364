"""Start the Qt application (the only place ``ficdesk`` turns into a window), and screenshot mode."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ficdesk import __version__
from ficdesk.errors import FicDeskError, InputError
from ficdesk.paths import backup_dir, resolve_database_url
from ficdesk.ui import settings as ui_settings
from ficdesk.ui.background import BackgroundTask
from ficdesk.ui.main_window import MainWindow, app_icon

if TYPE_CHECKING:
    from ficdesk.store import Store
    from ficdesk.store.instance_lock import InstanceLock
    from ficdesk.ui.services import AppServices

#: Makes the window's services for an open store; ``None`` means the real ones (``wire_services``).
ServicesFactory = Callable[["Store"], "AppServices"]

#: If the window never paints (started minimised, say), the store is opened after this long anyway.
PAINT_FALLBACK_MS = 500


def parse_size(text: str) -> tuple[int, int]:
    """``"1400x900"`` -> (1400, 900); a bad size is the author's mistake, not a crash."""
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise InputError(f"--size must look like 1400x900, not '{text}'") from None
    if not (320 <= width <= 10_000 and 240 <= height <= 10_000):
        raise InputError(f"--size {text} is out of range (320x240 to 10000x10000)")
    return width, height


def create_sample_if_new(services: AppServices) -> None:
    """Fill a brand-new database (no projects, not even in the trash) with the sample project."""
    if services.create_sample is not None and not services.store.projects.list(include_deleted=True):
        services.create_sample(services.store)


@dataclass
class OpenedStore:
    """What :func:`open_services` made, handed from the worker thread to the UI thread."""

    url: str
    services: AppServices
    #: The one-window lock of an SQLite file (``None`` for a server database).
    lock: InstanceLock | None
    #: Why today's backup could not be taken ("" when it was, or was not due).
    backup_problem: str


def open_services(url: str, make_services: ServicesFactory | None = None) -> OpenedStore:
    """Open the store at ``url`` with its one-window lock, today's backup and the sample project.

    No Qt here: it runs on a worker thread while the window is already on screen.
    """
    from ficdesk.store import open_store
    from ficdesk.ui.services import wire_services

    store = open_store(url)
    lock: InstanceLock | None = None
    try:
        lock, backup_problem = _guard_sqlite(store)
        services = (make_services or wire_services)(store)
        if lock is None or lock.acquired:
            create_sample_if_new(services)
    except BaseException:
        if lock is not None:
            lock.release()  # a window that never opens must not keep the next start read-only
        store.close()
        raise
    return OpenedStore(url, services, lock, backup_problem)


def attach_opened(window: MainWindow, opened: OpenedStore) -> None:
    """Give ``window`` its opened store (UI thread): recent databases, the read-only banner, notices."""
    window.settings.add_recent(opened.url)
    ui_settings.save_settings(window.settings)
    window.attach(opened.services)
    if opened.lock is not None:
        window.instance_lock = opened.lock
        if not opened.lock.acquired:
            holder = opened.lock.holder() or "another process"
            window.set_read_only(f"FicDesk is already open on this database ({holder}). Close it there to "
                                 "edit here; nothing you see here can overwrite its work.")
    if opened.backup_problem:
        window.show_notice(f"Today's backup could not be taken: {opened.backup_problem}")


class CollectionPause:
    """No cyclic garbage collection while a window and its store are being set up.

    Opening loads SQLAlchemy, the store and the panels: hundreds of thousands of objects that live as long
    as the window and next to no cyclic garbage, yet the collector ran about 200 times on the way to the
    first chapter, a fifth of the time (measured with ``gc.callbacks``). Reference counting frees everything
    else meanwhile. :meth:`end` resumes collecting (it may be called more than once).

    The first window's start-up also freezes what it made (``gc.freeze``): those objects live as long as the
    process, and later collections then skip them instead of walking them again (a collection found no
    garbage among them, measured). Later windows (another database) do not freeze again, so what an
    earlier window leaves behind stays collectable.
    """

    def __init__(self) -> None:
        self._resume = gc.isenabled()
        gc.disable()

    def end(self, *, freeze: bool = True) -> None:
        """Collect again; ``freeze``: first move what exists now out of later collections, if nothing was yet."""
        if freeze and gc.get_freeze_count() == 0:
            gc.freeze()
        if self._resume:
            self._resume = False
            gc.enable()


@contextlib.contextmanager
def collections_paused() -> Iterator[None]:
    """A :class:`CollectionPause` for the length of a block (frozen at the end only when it succeeds)."""
    pause = CollectionPause()
    try:
        yield
    except BaseException:
        pause.end(freeze=False)
        raise
    pause.end()


def open_window(url: str, make_services: ServicesFactory | None = None) -> MainWindow:
    """A window on the store at ``url``, opened before this returns (tests, screenshots, switching)."""
    with collections_paused():
        opened = open_services(url, make_services)
        window = MainWindow(None, ui_settings.load_settings(), url)
        attach_opened(window, opened)
    return window


def _guard_sqlite(store: Store) -> tuple[InstanceLock | None, str]:
    """For an SQLite file: take the one-window lock and, as its holder, today's backup."""
    from ficdesk.store.backup import BackupManager
    from ficdesk.store.instance_lock import InstanceLock

    path = store.db.sqlite_path
    if path is None:
        return None, ""
    lock = InstanceLock(path)
    if not lock.acquire():
        return lock, ""
    try:
        BackupManager(path, backup_dir()).daily()
    except FicDeskError as error:
        return lock, str(error)
    return lock, ""


class _AfterFirstPaint(QObject):
    """Calls ``then`` once ``widget`` has painted (or after :data:`PAINT_FALLBACK_MS`, whichever is first)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(PAINT_FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after the rest of this paint pass (the docks)
        return False

    def _run(self) -> None:
        if self._then is not None:
            then, self._then = self._then, None
            self._widget.removeEventFilter(self)
            then()


def launch(url: str, make_services: ServicesFactory | None = None) -> MainWindow:
    """Show the main window at once; once it is on screen, open the store on a worker thread.

    Opening loads SQLAlchemy, the checker and the canon code (about half a second; a first start also
    builds the sample project), so the window says "Opening…" meanwhile and stays responsive.
    ``MainWindow.ready`` fires when the store is attached and the first chapter shown; if the store
    cannot be opened the author is told and the application exits with 2.

    The cyclic garbage collector pauses until then (:class:`CollectionPause`); once the window is ready,
    what start-up made is frozen out of later collections (``gc.freeze``), so those stay short.
    """
    pause = CollectionPause()
    window = MainWindow(None, ui_settings.load_settings(), url)
    window.destroyed.connect(lambda: pause.end(freeze=False))  # closed before the store was open
    geometry = ui_settings.remembered("window/geometry")
    if not geometry or not window.restoreGeometry(QByteArray.fromHex(geometry.encode())):
        fit_to_screen(window)
    opener = BackgroundTask("the database could not be opened", window)

    def opened(result: object) -> None:
        assert isinstance(result, OpenedStore)
        try:
            attach_opened(window, result)
            window.open_initial_chapter()
        finally:
            pause.end()
        window.ready.emit()

    def failed(message: str) -> None:
        pause.end(freeze=False)
        QMessageBox.critical(window, "FicDesk cannot open its database", message)
        QApplication.exit(2)

    opener.finished.connect(opened)
    opener.failed.connect(failed)
    _AfterFirstPaint(window, lambda: opener.start(lambda: open_services(url, make_services)))
    window.show()
    QTimer.singleShot(0, window.fit_layout)  # once the window has its size on this screen
    return window


#: Room left for the window manager's title bar and borders, which are not known before the window shows.
FRAME_ALLOWANCE = (16, 48)


def fit_to_screen(window: MainWindow) -> None:
    """1400×900 where the screen has room for it and its frame; else all of it (nothing off-screen).

    On a 1400×900 or 1440×900 screen a 900 px tall window plus its title bar put the status bar below
    the screen's edge.
    """
    available = window.screen().availableGeometry()
    if available.width() < 1400 + FRAME_ALLOWANCE[0] or available.height() < 900 + FRAME_ALLOWANCE[1]:
        window.setGeometry(available)
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    else:
        window.resize(1400, 900)


def take_screenshot(window: MainWindow, path: Path, size: tuple[int, int], timeout_ms: int = 120_000) -> Path:
    """Show the window at ``size``, open the first chapter, wait for checking, save a PNG of it."""
    window.resize(*size)
    window.show()
    window.fit_layout(remembered=False)
    window.open_initial_chapter()
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    window.checker.run_now()
    window.checker.wait_idle(timeout_ms)
    window.canon.wait_for_import(timeout_ms)
    window.canon.wait_until_read(timeout_ms)
    for _ in range(3):
        app.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path), "PNG"):
        raise InputError(f"cannot write the screenshot to {path}")
    return path


def _ensure_platform(args: argparse.Namespace) -> None:
    """Screenshot mode works without a display: use Qt's offscreen platform unless one is chosen."""
    if args.screenshot and "QT_QPA_PLATFORM" not in os.environ and QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def run_app(args: argparse.Namespace, make_services: ServicesFactory | None = None) -> int:
    _ensure_platform(args)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("FicDesk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    url = resolve_database_url(args.database)
    if args.screenshot:
        size = parse_size(args.size)
        window = open_window(url, make_services)
        try:
            saved = take_screenshot(window, Path(args.screenshot), size)
        finally:
            window.close()
            window.store.close()
        print(f"saved {saved} ({size[0]}x{size[1]})")
        return 0
    holder = [launch(url, make_services)]

    def switch(new_url: str) -> None:
        old = holder[0]
        try:
            replacement = open_window(new_url, make_services)
        except FicDeskError as error:
            QMessageBox.warning(old, "FicDesk cannot open that database", str(error))
            return
        replacement.setGeometry(old.geometry())
        old.close()
        old.store.close()
        old.deleteLater()
        holder[0] = replacement
        replacement.switchDatabase.connect(switch)
        replacement.show()
        QTimer.singleShot(0, replacement.open_initial_chapter)

    holder[0].switchDatabase.connect(switch)
    try:
        return int(app.exec())
    finally:
        if holder[0].attached:
            holder[0].store.close()
