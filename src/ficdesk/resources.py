"""Access to bundled resources (templates, word lists, icons, sample seeds).

In an installed wheel they live in ``ficdesk/resources``; in a source checkout they are the
top-level ``resources/`` and ``seeds/`` folders. Callers never need to know which.

The folder is found with ``os.path`` and :mod:`pathlib` is imported only by the functions that return a
``Path``: the checker's data load (:func:`resource_file`) need not pay pathlib's import (a few milliseconds,
with ``urllib.parse`` and ``re``).
"""

from __future__ import annotations

import os
from functools import cache

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing; mypy takes any TYPE_CHECKING as true
if TYPE_CHECKING:
    from pathlib import Path


@cache
def _root() -> str:
    package = os.path.dirname(os.path.realpath(__file__))  # FicDesk is never imported from a zip
    packaged = os.path.join(package, "resources")
    if os.path.isdir(packaged):
        return packaged
    checkout = os.path.join(os.path.dirname(os.path.dirname(package)), "resources")
    if os.path.isdir(checkout):
        return checkout
    raise FileNotFoundError("FicDesk's resources folder is missing; reinstall FicDesk.")


@cache
def resources_root() -> Path:
    """The folder that holds ``templates/``, ``icons/``, ``wordlists/`` and ``seeds/``."""
    from pathlib import Path

    return Path(_root())


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("templates", "disclaimer.txt")``."""
    return resources_root().joinpath(*parts)


def resource_file(*parts: str) -> str:
    """:func:`resource_path` as a string, found without importing :mod:`pathlib`."""
    return os.path.join(_root(), *parts)


def seeds_dir() -> Path:
    """The sample project's input documents."""
    packaged = resources_root() / "seeds"
    if packaged.is_dir():
        return packaged
    return resources_root().parent / "seeds"
