"""Guards against a Qt binding that corrupts None's reference count (PySide6 6.12.0 on Python 3.11).

Before Python 3.12, None is reference-counted; a binding that forgets to add a reference when a
void method returns makes the window crash ("deallocating None") after a few thousand calls.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_void_qt_calls_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("Saved")
    assert sys.getrefcount(None) - before > -100, "this PySide6 release crashes long sessions; use another one"
