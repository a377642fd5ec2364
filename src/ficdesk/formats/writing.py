"""Writing an exported file so that it cannot half-happen: the one writer every exporter uses.

The bytes go to a temporary file in the target's own folder, are flushed to disk (fsync), get the
permissions a new file gets from the umask (or keep the old file's), and then replace the target
with :func:`os.replace`. A symbolic link is written *through*: the file it points at is replaced and
the link stays a link. A target that exists but is not a regular file (a FIFO, a device such as
``/dev/full``, a folder) is refused untouched.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from ficdesk.errors import FicDeskError


def current_umask() -> int:
    """The process umask (read by setting it and putting it back: POSIX offers no other way)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def resolve_target(path: Path) -> Path:
    """The file a write to ``path`` must replace: symlinks followed; refused when not a regular file."""
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise FicDeskError(f"cannot write '{path}': {error.strerror or error}") from error
    if info is not None and not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise FicDeskError(f"cannot write '{path}': it is {kind}; choose a file name")
    folder = target.parent
    if not folder.is_dir():
        raise FicDeskError(f"cannot write '{path}': the folder {folder} does not exist")
    return target


def write_atomically(path: str | Path, data: bytes | str) -> Path:
    """Replace ``path`` (or the file its link points at) with ``data``; returns the file written.

    ``str`` data is written as UTF-8 (line ends as given). A failure leaves the old file as it was
    and no temporary file behind.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = resolve_target(path)
    try:
        existing = os.stat(target)
        mode = stat.S_IMODE(existing.st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~current_umask()
    temp = ""
    try:
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
        temp = ""
        _sync_folder(target.parent)
    except OSError as error:
        raise FicDeskError(f"cannot write '{path}': {error.strerror or error}") from error
    finally:
        if temp:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    return target


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened (Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
