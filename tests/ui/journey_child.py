"""The author's whole path in the real app, as a separate process (issue 15's acceptance journey).

Run as ``python journey_child.py journey DATABASE_URL WORKDIR`` or ``... restart DATABASE_URL WORKDIR``.

``journey`` drives the real window through Qt events — the real dialogs answered as an author would, text
typed as key events, the context menu opened with a right click — and writes what it did to
``WORKDIR/journal.log`` ("STEP name", "CHAPTER id", "K count time"); after the last keystroke it waits to
be killed (the test sends SIGKILL). ``restart`` starts the app the way ``ficdesk`` does
(:func:`ficdesk.ui.app.launch`) and, once it is ready, writes the open chapter and its text to
``WORKDIR/restart.json``.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QTextCharFormat
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QWidget

from ficdesk.ui.app import launch, open_window
from ficdesk.ui.dialogs import ExportDialog, StoryDialog
from ficdesk.ui.main_window import MainWindow

PROJECT = "Lighthouse Keepers"
STORY = "The Long Night Shift"
FIRST = "Rowan climbed the stairs at dusk. The lamp needed oil again."
#: Typed with a mistake ("teh") that the checker underlines and the context menu fixes.
SECOND_TYPED = "Mira Vale watched teh ships from the gallery."
SECOND_FIXED = "Mira Vale watched the ships from the gallery."
FINAL = " Then the fog rolled in."
CANON = ("Rowan Ashdown\n\nRowan Ashdown is the keeper of the northern light. Rowan Ashdown keeps a logbook "
         "of every ship. Rowan lives with Mira Vale.\n\nMira Vale\n\nMira Vale is a cartographer who maps "
         "the coast. Mira Vale sells her charts in the harbour.\n")
KEY_INTERVAL_MS = 15


class Journey:
    def __init__(self, url: str, workdir: Path) -> None:
        self.workdir = workdir
        self.journal = (workdir / "journal.log").open("a", buffering=1, encoding="utf-8")
        self.window: MainWindow = open_window(url)
        self.window.resize(1200, 800)
        self.window.show()
        self.window.activateWindow()

    def log(self, line: str) -> None:
        self.journal.write(f"{line}\n")

    # -- helpers: the event loop runs while we wait, as it would for an author ----------------------
    def wait_until(self, condition: Callable[[], bool], what: str, timeout_s: float = 60) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}")
            QCoreApplication.processEvents()
            time.sleep(0.01)

    def answer(self, kind: type[QWidget], act: Callable[[QWidget], None]) -> None:
        """Act on the next modal dialog of ``kind`` once it is up."""

        def run() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, kind) or not dialog.isVisible():
                QTimer.singleShot(20, run)
                return
            act(dialog)

        QTimer.singleShot(0, run)

    def type_text(self, text: str) -> None:
        editor = self.window.editor
        editor.setFocus()
        for char in text:
            if char == "\n":
                QTest.keyClick(editor, Qt.Key.Key_Return)
                continue
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(editor, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                                         char))
            QTest.qWait(2)

    def name_dialog(self, name: str) -> Callable[[QWidget], None]:
        def fill(dialog: QWidget) -> None:
            assert isinstance(dialog, QInputDialog)
            dialog.setTextValue(name)
            dialog.accept()
        return fill

    # -- the journey ---------------------------------------------------------------------------------
    def run(self) -> None:
        window = self.window
        store = window.store
        self.log("STEP start")
        self.answer(QInputDialog, self.name_dialog(PROJECT))
        window.new_project_action.trigger()
        project = store.projects.find(PROJECT)
        self.answer(QInputDialog, self.name_dialog(STORY))
        window.new_story_action.trigger()
        story = store.stories.find(project.id, STORY)
        assert window.story_id == story.id, "the new story's first chapter opens"
        self.log("STEP story")

        def metadata(dialog: QWidget) -> None:
            assert isinstance(dialog, StoryDialog)
            dialog.author.setText("Wren Tallis")
            dialog.fandoms.setText("Coastal Tales")
            dialog.rating.setCurrentText("General Audiences")
            dialog.summary.setPlainText("One night at the northern light.")
            dialog.accept()

        self.answer(StoryDialog, metadata)
        window.story_properties_action.trigger()
        assert store.stories.get(story.id).author == "Wren Tallis"
        self.log("STEP metadata")

        self.type_text(FIRST)
        window.new_chapter_action.trigger()
        second_id = window.chapter_id
        assert second_id is not None and second_id != store.chapters.list(story.id)[0].id
        self.log(f"CHAPTER {second_id}")
        self.type_text(SECOND_TYPED)
        self.log("STEP typed")

        # The checker underlines "teh"; a right click on it offers "the", which fixes it.
        start = SECOND_TYPED.index("teh")
        self.wait_until(lambda: self._underlined(start, 3), "the underline under 'teh'")
        cursor = window.editor.textCursor()
        cursor.setPosition(start + 1)
        where = window.editor.cursorRect(cursor).center()
        self._pick_from_context_menu(where, "the")
        self.wait_until(lambda: window.editor.chapter_text() == SECOND_FIXED, "the fix from the context menu")
        self.log("STEP fixed")

        # Canon: import a page, then follow the cursor onto a name in the text.
        source = self.workdir / "keepers.txt"
        source.write_text(CANON, encoding="utf-8")
        window.canon.start_import(source)
        self.wait_until(lambda: not window.canon.progress.isVisible() and bool(store.canon.entities(project.id)),
                        "the canon import")
        window.canon.follow.setChecked(True)
        cursor = window.editor.textCursor()
        cursor.setPosition(SECOND_FIXED.index("Mira") + 2)
        window.editor.setTextCursor(cursor)
        self.wait_until(lambda: "Mira Vale" in window.canon.details.toPlainText(), "follow cursor on Mira")
        self.log("STEP canon")

        # A template, inserted at the end of the chapter from the Templates dialog.
        window.editor.moveCursor(cursor.MoveOperation.End)
        self.type_text("\n")
        window.templates_action.trigger()
        dialog = window.templates_dialog
        assert dialog is not None
        template = store.templates.find(project.id, "Standard disclaimer")
        dialog.select(template.id)
        self.wait_until(lambda: dialog.insert_button.isEnabled(), "the template preview")
        inserted = dialog.preview.toPlainText()
        dialog.insert_button.click()
        dialog.close()
        assert window.editor.chapter_text() == SECOND_FIXED + "\n" + inserted, window.editor.chapter_text()
        (self.workdir / "inserted.txt").write_text(inserted, encoding="utf-8")
        self.log("STEP template")

        # Export to plain text through the Export dialog.
        export_path = self.workdir / "export.txt"

        def export(dialog: QWidget) -> None:
            assert isinstance(dialog, ExportDialog)
            dialog.format.setCurrentIndex(dialog.format.findData("txt"))
            dialog.save_to(str(export_path))
            dialog.accept()

        window.tree.setFocus()
        self.answer(ExportDialog, export)
        window.export_action.trigger()
        assert export_path.exists()
        self.log("STEP exported")

        # The last words, typed a moment before the process is killed.
        window.editor.moveCursor(cursor.MoveOperation.End)
        for count in range(1, len(FINAL) + 1):
            self.type_text(FINAL[count - 1])
            self.log(f"K {count} {time.monotonic():.6f}")
            QTest.qWait(KEY_INTERVAL_MS)
        self.log(f"TYPED {time.monotonic():.6f}")

    def _underlined(self, start: int, length: int) -> bool:
        block = self.window.editor.document().findBlockByNumber(0)
        return any(r.start <= start and start + length <= r.start + r.length
                   and r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
                   for r in block.layout().formats())

    def _pick_from_context_menu(self, where: QPoint, label: str) -> None:
        picked: list[str] = []

        def pick() -> None:
            menu = QApplication.activePopupWidget()
            if not isinstance(menu, QMenu):
                QTimer.singleShot(20, pick)
                return
            for action in menu.actions():
                if action.text() == label:
                    picked.append(label)
                    action.trigger()
                    menu.close()
                    return
            menu.close()
            raise AssertionError(f"no '{label}' in the menu: {[a.text() for a in menu.actions()]}")

        QTimer.singleShot(0, pick)
        viewport = self.window.editor.viewport()
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, viewport.mapToGlobal(where))
        QApplication.sendEvent(viewport, event)
        assert picked == [label]


def journey(url: str, workdir: Path) -> None:
    app = QApplication(sys.argv[:1])
    trip = Journey(url, workdir)
    try:
        trip.run()
    except BaseException:
        trip.log("FAIL " + traceback.format_exc().replace("\n", " | "))
        trip.journal.close()
        os._exit(1)
    app.exec()  # keep running (and autosaving) until killed


def restart(url: str, workdir: Path) -> None:
    app = QApplication(sys.argv[:1])
    window = launch(url)

    def report() -> None:
        data = {"chapter_id": window.chapter_id, "text": window.editor.chapter_text(),
                "title": window.windowTitle()}
        (workdir / "restart.json").write_text(json.dumps(data), encoding="utf-8")
        window.close()
        app.quit()

    window.ready.connect(lambda: QTimer.singleShot(0, report))
    app.exec()


if __name__ == "__main__":
    phase, database, folder = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    (journey if phase == "journey" else restart)(database, folder)
