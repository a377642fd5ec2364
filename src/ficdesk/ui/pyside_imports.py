"""A cheaper PySide6 import hook: modules are no longer read back as source text when they are imported.

Once PySide6 is loaded it sees every later import (``from __feature__ import snake_case`` support) and asks
of each new module whether it uses PySide6, by reading the module's whole source with ``inspect.getsource``
and searching it for "PySide6". The window's start-up imports about 300 modules after Qt (SQLAlchemy and the
store, later the checker): that reading was about 0.15 s of CPU, and ``linecache`` then kept every one of
those files in memory.

The answer only matters to a module that selects a PySide *feature*, which FicDesk never does (a test keeps it
so). :func:`lighten` gives the same answer from what the module holds instead: a module uses PySide6 when one
of its names is a PySide6 module or something defined in one. PySide's own bookkeeping is otherwise left as it
is; with a PySide6 that lacks this hook, nothing is changed.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6  # noqa: F401  (loads shiboken's import machinery, which this module adjusts)

_FEATURE_MODULE = "PySide6.support.feature"


def uses_pyside(module: ModuleType) -> bool:
    """Whether one of ``module``'s names is a PySide6 module, or a class or function from one."""
    for value in list(vars(module).values()):
        origin = value.__name__ if isinstance(value, ModuleType) else getattr(value, "__module__", None)
        if isinstance(origin, str) and origin.startswith("PySide6"):
            return True
    return False


def lighten() -> bool:
    """Replace PySide's source-reading check of each new module by :func:`uses_pyside`; True if it was done."""
    feature = sys.modules.get(_FEATURE_MODULE)
    table = getattr(feature, "pyside_feature_dict", None)
    if feature is None or not isinstance(table, dict) or not callable(getattr(feature, "feature_imported", None)):
        return False
    if getattr(feature.feature_imported, "__module__", None) == __name__:
        return True  # already done

    def feature_imported(module: ModuleType) -> None:
        name = getattr(module, "__name__", None)
        if isinstance(name, str) and name not in table:
            # PySide's own convention: 0 = "uses PySide, no feature selected", -1 = "ignore this module".
            table[name] = 0 if uses_pyside(module) else -1

    setattr(feature, "feature_imported", feature_imported)  # noqa: B010  (an attribute mypy cannot know)
    return True
