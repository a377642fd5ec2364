"""Reading an imported file's bytes safely: size limit, binary refusal and encoding detection."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from ficdesk.errors import InputError

#: Larger files are refused: a 500,000-word novel is about 3 MB of text.
MAX_IMPORT_BYTES = 25 * 1024 * 1024

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
MIXED_ENCODING = "utf-8 with some windows-1252"
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CP1252_FALLBACK = "ficdesk-cp1252-fallback"


def _decode_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start:error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error(_CP1252_FALLBACK, _decode_as_cp1252)

_BINARY_SIGNATURES = (
    b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x7fELF", b"MZ", b"\xd0\xcf\x11\xe0",
    b"Rar!", b"\x1f\x8b", b"7z\xbc\xaf", b"ID3", b"OggS", b"RIFF", b"SQLite format 3",
)


def read_limited(path: Path, *, limit: int | None = None) -> bytes:
    """The file's bytes; refuses missing paths, folders, empty files and files over ``limit``."""
    limit = MAX_IMPORT_BYTES if limit is None else limit
    if not path.exists():
        raise InputError(f"cannot import '{path}': there is no such file")
    if not path.is_file():
        raise InputError(f"cannot import '{path}': it is not a file")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"cannot import '{path.name}': the file is empty")
    if size > limit:
        raise InputError(
            f"cannot import '{path.name}': it is {size / 1048576:.1f} MB, more than the {limit // 1048576} MB limit"
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read '{path.name}': {error.strerror or error}") from error


def decode_text(data: bytes, name: str = "file") -> tuple[str, str]:
    """``(text, encoding)`` of a text file's bytes; binary data raises :class:`InputError`.

    Order: a byte-order mark; BOM-less UTF-16 (every other byte zero); strict UTF-8; UTF-8 mixed
    with stray Windows-1252 bytes; Windows-1252 for mostly-ASCII text (English fic with curly quotes
    typed in Word); otherwise charset-normalizer's best guess.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data, encoding, name), encoding
    guessed_utf16 = _bomless_utf16(data)
    if guessed_utf16:
        return _decode(data, guessed_utf16, name), guessed_utf16
    if data.startswith(_BINARY_SIGNATURES) or b"\x00" in data[:8192]:
        raise InputError(f"cannot import '{name}': it is a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _refuse_control_heavy(text, name)
        return text, "utf-8"
    if _UTF8_SEQUENCE.search(data):
        # Valid UTF-8 next to stray single bytes: a draft pasted together from two editors.
        # Decoding the strays as Windows-1252 keeps both halves readable.
        text = data.decode("utf-8", errors=_CP1252_FALLBACK)
        _refuse_control_heavy(text, name)
        return text, MIXED_ENCODING
    high = sum(1 for byte in data if byte >= 0x80)
    if high <= len(data) * 0.1:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            _refuse_control_heavy(text, name)
            return text, "cp1252"
    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"cannot import '{name}': its text encoding could not be recognised")
    text = str(best)
    _refuse_control_heavy(text, name)
    return text, best.encoding


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"cannot import '{name}': it is not valid {encoding} text") from error


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zero = sum(1 for b in sample[0::2] if b == 0)
    odd_zero = sum(1 for b in sample[1::2] if b == 0)
    half = len(sample) // 2
    if odd_zero > half * 0.6 and even_zero < half * 0.1:
        return "utf-16-le"
    if even_zero > half * 0.6 and odd_zero < half * 0.1:
        return "utf-16-be"
    return None


def _refuse_control_heavy(text: str, name: str) -> None:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > max(8, len(sample) * 0.02):
        raise InputError(f"cannot import '{name}': it is a binary file, not text")
