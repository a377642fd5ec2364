"""Package exports that are imported on first use (PEP 562).

The window must appear before the heavy parts load: importing ``ficdesk.store`` eagerly would pull in
SQLAlchemy (about 0.2 s) only because the UI needs a small module such as ``ficdesk.store.instance_lock``.
A package lists its exports under ``TYPE_CHECKING`` (for the type checker) and maps each to its module
here (for the interpreter); ``tests/test_lazy_exports.py`` keeps the two in step.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping


def lazy_exports(package: str, exports: Mapping[str, tuple[str, ...]]) -> Callable[[str], object]:
    """A module ``__getattr__`` for ``package``; ``exports`` maps each submodule to the names it exports."""
    origins = {name: submodule for submodule, names in exports.items() for name in names}

    def __getattr__(name: str) -> object:
        submodule = origins.get(name)
        if submodule is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{submodule}"), name)
        setattr(sys.modules[package], name, value)  # the next access is a plain attribute
        return value

    return __getattr__
