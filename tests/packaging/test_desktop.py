"""Linux desktop integration: the entry, metainfo and icon validate, agree with each other, and install."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ficdesk import __version__
from tests.packaging.conftest import PACKAGING, REPO

APP_ID = "io.github.ficdesk.FicDesk"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
ICON = REPO / "resources" / "icons" / "ficdesk.svg"
INSTALL = PACKAGING / "linux" / "install-desktop.sh"


def desktop_entry(path: Path) -> dict[str, str]:
    """The [Desktop Entry] group's keys (no localised keys are used in our file)."""
    entry: dict[str, str] = {}
    group = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            group = line.strip("[]")
        elif "=" in line and group == "Desktop Entry" and not line.startswith("#"):
            key, value = line.split("=", 1)
            entry[key.strip()] = value.strip()
    return entry


def exec_argv(value: str) -> list[str]:
    """Split an Exec value as the Desktop Entry spec says (string unescape, then quoting, then %%)."""
    unescaped = value.replace("\\\\", "\x00").replace("\\s", " ").replace("\\n", "\n").replace("\x00", "\\")
    argv, word, quoted, i, started = [], "", False, 0, False
    while i < len(unescaped):
        char = unescaped[i]
        if quoted and char == "\\" and i + 1 < len(unescaped) and unescaped[i + 1] in '"`$\\':
            word += unescaped[i + 1]
            i += 1
        elif char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if word or started:
                argv.append(word)
            word, started = "", False
        else:
            word += char
        i += 1
    assert not quoted, f"unbalanced quotes in Exec={value}"
    if word or started:
        argv.append(word)
    return [arg.replace("%%", "%") for arg in argv]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_entry_validates() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_desktop_entry_and_package_agree() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert root.findtext("provides/binary") in scripts
    releases = [r.get("version") for r in root.iterfind("releases/release")]
    assert releases[0] == __version__, "add a <release> for the new version to the metainfo"
    entry = desktop_entry(DESKTOP)
    assert entry["Icon"] == APP_ID
    assert exec_argv(entry["Exec"])[0] in scripts


def test_icon_is_a_square_svg() -> None:
    root = ET.parse(ICON).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    assert width == height > 0


def run_install(data_home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "HOME": str(data_home.parent)}
    return subprocess.run(["bash", str(INSTALL), *args], capture_output=True, text=True, env=env, check=False)


def test_install_into_xdg_data_home_runs_ficdesk_then_uninstalls(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    ficdesk = shutil.which("ficdesk", path=str(Path(sys.executable).parent))
    assert ficdesk is not None
    result = run_install(data_home, "--exec", ficdesk)
    assert result.returncode == 0, result.stderr
    installed = [
        data_home / "applications" / DESKTOP.name,
        data_home / "metainfo" / METAINFO.name,
        data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    ]
    assert all(path.is_file() for path in installed)
    assert installed[2].read_bytes() == ICON.read_bytes()
    assert installed[1].read_bytes() == METAINFO.read_bytes()
    entry = desktop_entry(installed[0])
    assert {k: v for k, v in entry.items() if k != "Exec"} == {
        k: v for k, v in desktop_entry(DESKTOP).items() if k != "Exec"}
    launched = subprocess.run([*exec_argv(entry["Exec"]), "--version"], capture_output=True, text=True, check=False)
    assert launched.stdout.strip() == f"ficdesk {__version__}"

    removed = run_install(data_home, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert not any(path.exists() for path in installed)


@pytest.mark.parametrize("command", ["/opt/Fic Desk/ficdesk", '/opt/50% "odd" $HOME `x` \\dir/ficdesk'])
def test_exec_paths_with_reserved_characters_survive_quoting(tmp_path: Path, command: str) -> None:
    result = run_install(tmp_path / "share", "--exec", command)
    assert result.returncode == 0, result.stderr  # includes desktop-file-validate when installed
    entry = desktop_entry(tmp_path / "share" / "applications" / DESKTOP.name)
    assert exec_argv(entry["Exec"]) == [command]
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(tmp_path / "share" / "applications" / DESKTOP.name)],
                               capture_output=True, text=True, check=False)
        assert check.returncode == 0, check.stdout


def test_default_exec_is_the_ficdesk_on_path(tmp_path: Path) -> None:
    bin_dir = Path(sys.executable).parent
    env_path = f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin"
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "PATH": env_path}
    result = subprocess.run(["bash", str(INSTALL)], capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    entry = desktop_entry(tmp_path / "applications" / DESKTOP.name)
    assert exec_argv(entry["Exec"]) == [str(bin_dir / "ficdesk")]


def test_without_ficdesk_anywhere_it_refuses(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    if shutil.which("ficdesk", path=env["PATH"]):
        pytest.skip("a system-wide ficdesk is installed")
    result = subprocess.run(["bash", str(INSTALL)], capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 1
    assert "pass --exec" in result.stderr
    assert not (tmp_path / "applications").exists()
