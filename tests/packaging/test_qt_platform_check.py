"""packaging/tools/qt_platform_check.py: the libraries Qt's xcb plugin lacks, and the command installing them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TOOL = Path(__file__).parents[2] / "packaging" / "tools" / "qt_platform_check.py"
sys.path.insert(0, str(TOOL.parent))
import qt_platform_check as tool  # noqa: E402


def test_ldd_lines_become_packages_for_each_distribution() -> None:
    output = ("\tlinux-vdso.so.1 (0x00007ffd)\n\tlibxcb-cursor.so.0 => not found\n"
              "\tlibxcb-icccm.so.4 => not found\n\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x7f)\n"
              "\tlibxcb-keysyms.so.1 => not found\n\tlibxcb-icccm.so.4 => not found\n"
              "\tlibxcb-xinput.so.0 => not found\n")
    missing = tool.missing_libraries(output)
    assert missing == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-xinput.so.0"]
    assert tool.install_command(missing, "apt") == (
        "sudo apt-get install -y libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-xinput0")
    assert tool.install_command(missing, "dnf") == (
        "sudo dnf install -y xcb-util-cursor xcb-util-wm xcb-util-keysyms libxcb")
    assert tool.install_command(missing, "pacman") == (
        "sudo pacman -S --needed xcb-util-cursor xcb-util-wm xcb-util-keysyms libxcb")


@pytest.mark.parametrize(("release", "manager"), [
    ('ID=ubuntu\nID_LIKE=debian\n', "apt"), ('ID="fedora"\n', "dnf"), ("ID=manjaro\nID_LIKE=arch\n", "pacman"),
    ("ID=linuxmint\nID_LIKE=\"ubuntu debian\"\n", "apt"), ("ID=plan9\n", None),
])
def test_the_distribution_picks_the_package_manager(release: str, manager: str | None) -> None:
    assert tool.detect_manager(release) == manager


@pytest.mark.skipif(sys.platform != "linux", reason="the xcb plugin exists on Linux only")
def test_the_real_plugin_on_this_machine() -> None:
    """What the script says matches what the dynamic linker says about the installed plugin, right now."""
    plugin_files = tool.qt_xcb_files()
    assert plugin_files, "PySide6 ships the xcb plugin"
    linker = "\n".join(subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False).stdout
                       for path in plugin_files)
    absent = sorted({line.split("=>")[0].strip() for line in linker.splitlines() if "not found" in line})
    env = {key: value for key, value in os.environ.items() if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    run = subprocess.run([sys.executable, str(TOOL)], capture_output=True, text=True, env=env, check=False)
    assert run.returncode == (1 if absent else 0)
    for soname in absent:
        assert soname in run.stderr
        if tool.detect_manager() == "apt":
            assert tool.package_for(soname, "apt") in run.stderr
    offscreen = subprocess.run([sys.executable, str(TOOL)], capture_output=True, text=True, check=False,
                               env={**env, "QT_QPA_PLATFORM": "offscreen"})
    assert offscreen.returncode == 0 and offscreen.stderr == ""
