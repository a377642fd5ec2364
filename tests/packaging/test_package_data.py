"""Package data is declared consistently for the wheel (pyproject.toml) and the bundle (ficdesk.spec)."""

from __future__ import annotations

import ast
import tomllib

from tests.packaging.conftest import PACKAGING, REPO, load_tool

verify_wheel = load_tool("verify_wheel")


def spec_resource_folders() -> set[str]:
    tree = ast.parse((PACKAGING / "pyinstaller" / "ficdesk.spec").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "RESOURCE_FOLDERS" for t in node.targets):
            return set(ast.literal_eval(node.value))
    raise AssertionError("RESOURCE_FOLDERS not found in ficdesk.spec")


def test_wheel_spec_and_resources_folder_agree() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    force_include = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    on_disk = {p.name for p in (REPO / "resources").iterdir() if p.is_dir()} - set(verify_wheel.NOT_PACKAGE_DATA)
    assert {f"resources/{name}": f"ficdesk/resources/{name}" for name in on_disk} | {
        "seeds": "ficdesk/resources/seeds"} == force_include
    assert spec_resource_folders() == on_disk
