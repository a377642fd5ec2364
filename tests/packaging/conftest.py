"""Helpers for the packaging tests: the repository root and a loader for packaging/tools scripts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"


def load_tool(name: str) -> ModuleType:
    """Import packaging/tools/NAME.py (packaging/ is not a package, and `packaging` is a PyPI name)."""
    spec = importlib.util.spec_from_file_location(f"ficdesk_packaging_{name}", PACKAGING / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module
