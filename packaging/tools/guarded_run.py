"""Run the installed ``ficdesk`` command, failing if it opens or lists anything inside a forbidden folder.

Usage: ``python -I guarded_run.py SOURCE_TREE [ficdesk arguments...]``

The wheel check runs the installed app through this so that "the installed app never reads from the
source tree" is checked, not assumed: a Python audit hook sees every ``open``/``listdir``/``scandir``
(templates, word lists, seeds, migrations, imported modules' source files) and exits with status 70 on
the first path inside SOURCE_TREE. Qt's own C++ file access is not audited; the icon and style sheet it
loads come from ``ficdesk.resources`` paths, which the check verifies separately.
"""

from __future__ import annotations

import os
import sys
from typing import Any

FORBIDDEN_EXIT = 70
_WATCHED = frozenset({"open", "os.listdir", "os.scandir", "os.chdir", "shutil.copyfile"})


def _guard(forbidden: str) -> None:
    root = os.path.realpath(forbidden)
    prefix = root.rstrip(os.sep) + os.sep

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event not in _WATCHED or not args or not isinstance(args[0], str | bytes | os.PathLike):
            return
        path = os.path.realpath(os.fsdecode(args[0]))
        if path == root or path.startswith(prefix):
            sys.stderr.write(f"installed FicDesk touched the source tree ({event}): {path}\n")
            sys.stderr.flush()
            os._exit(FORBIDDEN_EXIT)

    sys.addaudithook(hook)


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    _guard(sys.argv[1])
    from ficdesk.cli import main as ficdesk_main

    sys.exit(ficdesk_main(sys.argv[2:]))


if __name__ == "__main__":
    main()
