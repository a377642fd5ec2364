"""The packages that load their exports on first use (``ficdesk.lazy``) export what the type checker sees."""

from __future__ import annotations

import ast
import importlib
import inspect

import pytest

LAZY_PACKAGES = ("ficdesk.store", "ficdesk.canon", "ficdesk.checking", "ficdesk.formats", "ficdesk.templates")


def type_checking_imports(package: str) -> dict[str, str]:
    """Name -> module of the ``from X import name`` lines under ``if TYPE_CHECKING:`` in the package."""
    tree = ast.parse(inspect.getsource(importlib.import_module(package)))
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom) and statement.module is not None
                found.update({alias.name: statement.module for alias in statement.names})
    return found


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_every_export_is_the_object_the_type_checker_was_told_about(package: str) -> None:
    module = importlib.import_module(package)
    declared = type_checking_imports(package)
    assert sorted(declared) == sorted(module.__all__)
    for name, origin in declared.items():
        assert getattr(module, name) is getattr(importlib.import_module(origin), name), name


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_a_name_that_is_not_exported_is_an_attribute_error(package: str) -> None:
    with pytest.raises(AttributeError, match="has no attribute 'no_such_thing'"):
        _ = importlib.import_module(package).no_such_thing
