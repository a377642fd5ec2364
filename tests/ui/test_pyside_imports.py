"""PySide6's per-import check no longer reads each new module's source (``ficdesk.ui.pyside_imports``)."""

from __future__ import annotations

import linecache
import re
import sys
from pathlib import Path

import pytest

import ficdesk
from ficdesk.ui import pyside_imports

SRC = Path(ficdesk.__file__).parent


@pytest.fixture
def module_folder(tmp_path: Path) -> object:
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))


def test_a_module_imported_after_the_window_code_is_classified_without_reading_its_source(
        module_folder: Path) -> None:
    assert pyside_imports.lighten()  # done when ficdesk.ui was imported; doing it again changes nothing
    (module_folder / "plain_prose_helper.py").write_text("import textwrap\n\nWIDTH = 72\n", encoding="utf-8")
    (module_folder / "qt_using_helper.py").write_text("from PySide6.QtCore import QObject\n\n\nclass Helper(QObject):\n"
                                                      "    pass\n", encoding="utf-8")
    # Through builtins.__import__ (an import statement), where PySide's hook sits.
    plain = __import__("plain_prose_helper")
    __import__("qt_using_helper")

    table = sys.modules[pyside_imports._FEATURE_MODULE].pyside_feature_dict
    assert table["qt_using_helper"] == 0  # uses PySide6 (PySide's own meaning of 0)
    assert table["plain_prose_helper"] == -1
    assert plain.__file__ not in linecache.cache
    assert str(module_folder / "qt_using_helper.py") not in linecache.cache


def test_uses_pyside_looks_at_what_a_module_holds() -> None:
    from ficdesk.ui import main_window, offsets

    assert pyside_imports.uses_pyside(main_window)
    assert not pyside_imports.uses_pyside(offsets)


def test_ficdesk_never_selects_a_pyside_feature() -> None:
    """The cheaper check is exact only while no module selects a feature (snake_case, true_property)."""
    selecting = re.compile(r"^\s*(from|import)\s+__feature__\b", re.MULTILINE)
    assert [path.name for path in SRC.rglob("*.py") if selecting.search(path.read_text(encoding="utf-8"))] == []
