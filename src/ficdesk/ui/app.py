"""Start the Qt application (the only place ``ficdesk`` turns into a window)."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from ficdesk import __version__
from ficdesk.errors import FicDeskError
from ficdesk.store import open_store


def run_app(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("FicDesk")
    app.setApplicationVersion(__version__)
    try:
        store = open_store(args.database)
    except FicDeskError as error:
        QMessageBox.critical(None, "FicDesk cannot open its database", str(error))
        return 2
    window = QMainWindow()
    window.setWindowTitle("FicDesk")
    window.setCentralWidget(QLabel(f"FicDesk {__version__} — {store.db.display_url}"))
    window.resize(1100, 750)
    window.show()
    try:
        return int(app.exec())
    finally:
        store.close()
