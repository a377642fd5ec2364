"""Before ``make run``: can Qt load its X11 ("xcb") platform plugin here? If not, say what to install.

Qt's own message on a fresh desktop names only ``libxcb-cursor0``, while the plugin usually needs a few
more libraries (``libxcb-icccm4``, ``libxcb-keysyms1``, ...). This script asks the dynamic linker
(``ldd``) about the plugin and Qt's XCB library, maps every library it cannot find to the package of the
distribution's package manager, and prints the one command that installs them all.

Exit status: 0 when nothing is missing (or the check does not apply: not Linux, another Qt platform
chosen, no ``ldd``), 1 when libraries are missing (the command is printed on stderr).
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

#: soname -> package for apt (Debian, Ubuntu), dnf (Fedora, RHEL), pacman (Arch).
PACKAGES: dict[str, tuple[str, str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util", "xcb-util"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon", "libxkbcommon"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb", "libx11"),
    "libX11.so.6": ("libx11-6", "libX11", "libx11"),
    "libSM.so.6": ("libsm6", "libSM", "libsm"),
    "libICE.so.6": ("libice6", "libICE", "libice"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl", "libglvnd"),
    "libGL.so.1": ("libgl1", "libglvnd-glx", "libglvnd"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl", "libglvnd"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype", "freetype2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs", "dbus"),
}
#: Every other libxcb-*.so.N comes from the libxcb package (one per extension on Debian).
XCB_EXTENSION = re.compile(r"^libxcb-([a-z0-9]+)\.so\.(\d+)$")
MANAGERS = ("apt", "dnf", "pacman")
COMMANDS = {
    "apt": "sudo apt-get install -y",
    "dnf": "sudo dnf install -y",
    "pacman": "sudo pacman -S --needed",
}


def missing_libraries(ldd_output: str) -> list[str]:
    """The sonames ``ldd`` reports as ``not found``, in order, without repeats."""
    found: dict[str, None] = {}
    for line in ldd_output.splitlines():
        name, _, rest = line.strip().partition("=>")
        if rest.strip() == "not found":
            found[name.strip()] = None
    return list(found)


def package_for(soname: str, manager: str) -> str:
    """The package that provides ``soname`` under ``manager`` (a best guess for unknown names)."""
    index = MANAGERS.index(manager)
    if soname in PACKAGES:
        return PACKAGES[soname][index]
    extension = XCB_EXTENSION.match(soname)
    if extension:
        name, major = extension.groups()
        return (f"libxcb-{name}{major}", "libxcb", "libxcb")[index]
    stem = soname.split(".so")[0]
    return stem.lower() if manager != "apt" else f"{stem.lower()} (provides {soname})"


def install_command(sonames: list[str], manager: str) -> str:
    packages = dict.fromkeys(package_for(soname, manager) for soname in sonames)
    return f"{COMMANDS[manager]} {' '.join(packages)}"


def detect_manager(os_release: str | None = None) -> str | None:
    """apt, dnf or pacman from ``/etc/os-release`` (``ID`` and ``ID_LIKE``); ``None`` when unknown."""
    if os_release is None:
        try:
            os_release = Path("/etc/os-release").read_text(encoding="utf-8")
        except OSError:
            return None
    ids: list[str] = []
    for line in os_release.splitlines():
        key, _, value = line.partition("=")
        if key in ("ID", "ID_LIKE"):
            ids.extend(value.strip().strip('"').lower().split())
    for distro in ids:
        if distro in ("debian", "ubuntu", "linuxmint", "pop", "raspbian"):
            return "apt"
        if distro in ("fedora", "rhel", "centos", "rocky", "almalinux"):
            return "dnf"
        if distro in ("arch", "manjaro", "endeavouros"):
            return "pacman"
    return None


def qt_xcb_files() -> list[Path]:
    """The xcb platform plugin and Qt's XCB library of the installed PySide6."""
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    candidates = [qt / "plugins" / "platforms" / "libqxcb.so", *sorted((qt / "lib").glob("libQt6XcbQpa.so*"))]
    return [path for path in candidates if path.exists()]


def check() -> tuple[list[str], str]:
    """(missing sonames, why the check was skipped or "")."""
    if platform.system() != "Linux":
        return [], "not Linux"
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith("xcb"):
        return [], f"QT_QPA_PLATFORM={chosen}"
    ldd = shutil.which("ldd")
    files = qt_xcb_files()
    if ldd is None or not files:
        return [], "no ldd" if ldd is None else "PySide6 has no xcb plugin"
    output = "\n".join(subprocess.run([ldd, str(path)], capture_output=True, text=True, check=False).stdout
                       for path in files)
    return missing_libraries(output), ""


def main() -> int:
    missing, skipped = check()
    if skipped or not missing:
        return 0
    manager = detect_manager()
    print(f"FicDesk cannot open a window yet: Qt's X11 plugin needs {', '.join(missing)}.", file=sys.stderr)
    if manager is not None:
        print(f"Install them with:\n    {install_command(missing, manager)}", file=sys.stderr)
    else:
        print("Install them with your package manager, for example:", file=sys.stderr)
        for name in MANAGERS:
            print(f"    {install_command(missing, name)}", file=sys.stderr)
    if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
        print("(This is a Wayland session: Qt may use its Wayland plugin instead, so FicDesk starts anyway.)",
              file=sys.stderr)
        return 0
    print("(On Wayland you can also try QT_QPA_PLATFORM=wayland make run.)", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
