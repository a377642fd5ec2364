"""Access to bundled resources (templates, word lists, icons, sample seeds).

In an installed wheel they live in ``ficdesk/resources``; in a source checkout they are the
top-level ``resources/`` and ``seeds/`` folders. Callers never need to know which.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_root() -> Path:
    """The folder that holds ``templates/``, ``icons/``, ``wordlists/`` and ``seeds/``."""
    packaged = Path(__file__).resolve().parent / "resources"  # FicDesk is never imported from a zip
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("FicDesk's resources folder is missing; reinstall FicDesk.")


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("templates", "disclaimer.txt")``."""
    return resources_root().joinpath(*parts)


def seeds_dir() -> Path:
    """The sample project's input documents."""
    packaged = resources_root() / "seeds"
    if packaged.is_dir():
        return packaged
    return resources_root().parent / "seeds"
