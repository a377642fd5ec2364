"""Compare a built wheel with the source tree: every package-data file must ship, nothing stray may.

Usage: ``python packaging/tools/verify_wheel.py dist/ficdesk-*.whl``

Expected members are computed from the checkout (``src/ficdesk``, ``resources/`` except the README-only
screenshots, ``seeds/``), so a resource folder added later but not listed under
``[tool.hatch.build.targets.wheel.force-include]`` in pyproject.toml fails here, not on a user's machine.
"""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: Source folders that are not run-time data and must stay out of the wheel.
NOT_PACKAGE_DATA = ("screenshots",)
#: Run-time data FicDesk cannot start or check text without (a sanity floor on top of the comparison).
ESSENTIAL = (
    "ficdesk/store/migrations/env.py",
    "ficdesk/store/migrations/script.py.mako",
    "ficdesk/resources/icons/ficdesk.svg",
    "ficdesk/resources/ui/app.qss",
    "ficdesk/resources/wordlists/en-US.txt.gz",
    "ficdesk/resources/wordlists/en-GB.txt.gz",
    "ficdesk/resources/wordlists/frequency-en.txt.gz",
    "ficdesk/resources/tagger/perceptron-en.bin",
    "ficdesk/resources/templates/disclaimer-standard.txt",
    "ficdesk/resources/seeds/000_8fb8497df36be136.txt",
)


def _files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            yield path


def expected_members(repo: Path = REPO) -> set[str]:
    """Wheel paths the checkout says must be in the wheel."""
    package = repo / "src" / "ficdesk"
    members = {f"ficdesk/{p.relative_to(package).as_posix()}" for p in _files(package)}
    for folder in sorted(p for p in (repo / "resources").iterdir() if p.is_dir()):
        if folder.name in NOT_PACKAGE_DATA:
            continue
        members |= {f"ficdesk/resources/{p.relative_to(repo / 'resources').as_posix()}" for p in _files(folder)}
    members |= {f"ficdesk/resources/seeds/{p.relative_to(repo / 'seeds').as_posix()}" for p in _files(repo / "seeds")}
    return members


def problems(wheel: Path, repo: Path = REPO) -> list[str]:
    """Human-readable differences between the wheel and the checkout (empty when the wheel is right)."""
    with zipfile.ZipFile(wheel) as archive:
        names = {n for n in archive.namelist() if not n.endswith("/")}
    shipped = {n for n in names if n.startswith("ficdesk/")}
    others = {n for n in names - shipped if ".dist-info/" not in n}
    expected = expected_members(repo)
    found = [f"missing from the wheel: {n}" for n in sorted(expected - shipped)]
    found += [f"missing essential file: {n}" for n in ESSENTIAL if n not in shipped]
    found += [f"not expected in the wheel: {n}" for n in sorted((shipped - expected) | others)]
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    wheel = Path(argv[0])
    found = problems(wheel)
    for line in found:
        print(line, file=sys.stderr)
    if found:
        return 1
    print(f"wheel contents: {len(expected_members())} files match the checkout ({wheel.name})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
