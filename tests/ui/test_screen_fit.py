"""The first window fits the screen with its title bar and frame (a 1400x900 screen lost the status bar)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = """
import sys
from PySide6.QtWidgets import QApplication
from ficdesk.ui import settings as ui_settings
from ficdesk.ui.app import fit_to_screen
from ficdesk.ui.main_window import MainWindow

app = QApplication([])
window = MainWindow(None, ui_settings.load_settings(), "sqlite:///unused.sqlite3")
fit_to_screen(window)
window.show()
for _ in range(5):
    app.processEvents()
available = window.screen().availableGeometry()
frame = window.frameGeometry()
print(available.width(), available.height(), frame.x(), frame.y(), frame.width(), frame.height(),
      window.statusBar().isVisible())
"""


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (1440, 900), (1024, 700), (1920, 1080)])
def test_the_first_window_and_its_frame_fit_the_screen(tmp_path: Path, width: int, height: int) -> None:
    config = tmp_path / "screens.json"
    # Offscreen screens of a given size; windowFrameMargins gives windows a frame, as a desktop does.
    config.write_text(json.dumps({"windowFrameMargins": True, "screens": [
        {"name": "screen", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "FICDESK_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120,
                          check=True)
    aw, ah, x, y, w, h, status = done.stdout.split()
    assert int(x) >= 0 and int(y) >= 0 and int(x) + int(w) <= int(aw) and int(y) + int(h) <= int(ah)
    assert status == "True"
    if width >= 1920:
        assert (int(w), int(h)) == (1404, 904)  # room enough: the comfortable 1400x900 (plus the frame)
