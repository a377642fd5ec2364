"""The app under test for the crash-recovery test: the real window, typing at a steady pace.

Run as ``python crash_child.py DATABASE_URL JOURNAL``. Every keystroke goes through Qt's key event
path into the real editor; after each one the number of characters typed so far and the monotonic
time are appended to JOURNAL ("K count time"), and every store save is bracketed by "S time" /
"E time" lines, so the test can kill the process at chosen moments (also in the middle of a save)
and know exactly what was on screen when.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from ficdesk.ui.app import open_window

#: What the child types: varied prose with curly quotes and an astral character.
TYPED = ("“Ianto,” Jack says quietly, and the Hub is silent for a moment. 🌙 He waits; nobody answers. " * 40)
KEY_INTERVAL_MS = 12


def main() -> None:
    url, journal_path = sys.argv[1], sys.argv[2]
    journal = open(journal_path, "a", buffering=1, encoding="utf-8")  # noqa: SIM115 - lives until SIGKILL
    app = QApplication(sys.argv[:1])
    window = open_window(url)
    chapters = window.store.chapters
    original = chapters.save_keeping_both

    def logged_save(chapter_id: int, text: str, **options):  # type: ignore[no-untyped-def]
        journal.write(f"S {time.monotonic():.6f}\n")
        result = original(chapter_id, text, **options)
        journal.write(f"E {time.monotonic():.6f}\n")
        return result

    chapters.save_keeping_both = logged_save  # type: ignore[method-assign]
    window.resize(1000, 700)
    window.show()
    window.open_initial_chapter()
    editor = window.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    typed = 0

    def type_one() -> None:
        nonlocal typed
        if typed >= len(TYPED):
            return
        char = TYPED[typed]
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(editor, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))
        typed += 1
        journal.write(f"K {typed} {time.monotonic():.6f}\n")
        QTimer.singleShot(KEY_INTERVAL_MS, type_one)

    journal.write(f"READY {time.monotonic():.6f}\n")
    QTimer.singleShot(0, type_one)
    app.exec()


if __name__ == "__main__":
    main()
