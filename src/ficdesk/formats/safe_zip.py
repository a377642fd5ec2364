"""Reading one member of a ZIP archive (.docx, .epub) with a hard cap on its uncompressed size.

The size in the archive's directory can lie, so the cap is enforced on the bytes actually
inflated: reading stops with one clear :class:`InputError` as soon as it is passed.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from ficdesk.errors import InputError


class _Capped(io.RawIOBase):
    """A read-only stream over ``inner`` that fails once more than ``cap`` bytes were read."""

    def __init__(self, inner: IO[bytes], cap: int, message: str) -> None:
        self.inner, self.cap, self.message, self.count = inner, cap, message, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        chunk = self.inner.read(min(len(buffer), 1 << 16))
        self.count += len(chunk)
        if self.count > self.cap:
            raise InputError(self.message)
        buffer[: len(chunk)] = chunk
        return len(chunk)


@contextmanager
def open_member(archive: zipfile.ZipFile, member: str, cap: int, name: str) -> Iterator[IO[bytes]]:
    """A stream of ``member``'s uncompressed bytes that refuses to yield more than ``cap``."""
    message = (f"cannot import '{name}': its part {member} is larger than {cap // 1048576} MB uncompressed; "
               "it may be damaged or built to exhaust memory")
    try:
        info = archive.getinfo(member)
    except KeyError:
        raise InputError(f"cannot import '{name}': it has no {member}") from None
    if info.file_size > cap:
        raise InputError(message)
    try:
        with archive.open(info) as inner:
            yield io.BufferedReader(_Capped(inner, cap, message))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as error:
        raise InputError(f"cannot import '{name}': the archive is damaged ({error})") from None
    except OSError as error:
        raise InputError(f"cannot import '{name}': the archive cannot be read ({error})") from None


def read_member(archive: zipfile.ZipFile, member: str, cap: int, name: str) -> bytes:
    """All of ``member``'s bytes, at most ``cap`` of them."""
    with open_member(archive, member, cap, name) as stream:
        return stream.read()
