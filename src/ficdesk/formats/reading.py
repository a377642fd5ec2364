"""The one way FicDesk turns a file into text: import, ``ficdesk check`` and the canon builder use it.

:func:`read_bytes` refuses what is not a regular file (folders, FIFOs, devices: reading those can
hang or never end) and files over a size limit, before reading anything. :func:`decode` finds the
encoding: a byte-order mark, valid UTF-8 or an encoding the author names are certain; BOM-less
UTF-16, UTF-8 with stray Windows-1252 bytes, Windows-1252 and charset-normalizer's guesses are
marked ``guessed`` so the CLI and the import dialog can say so (and offer ``--encoding``).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ficdesk.errors import InputError

#: Larger drafts are refused: a 500,000-word novel is about 3 MB of text.
MAX_IMPORT_BYTES = 25 * 1024 * 1024
#: ``ficdesk check`` reads at most this much: checking holds several copies of the text and its tokens.
MAX_CHECK_BYTES = 8 * 1024 * 1024
MIXED_ENCODING = "utf-8 with some windows-1252"

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_SIGNATURES = (
    (b"%PDF", "a PDF file"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive such as .docx or .epub"), (b"\x7fELF", "a program"),
    (b"MZ", "a program"), (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"Rar!", "a RAR archive"),
    (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf", "a 7-Zip archive"), (b"ID3", "an audio file"),
    (b"OggS", "an audio file"), (b"RIFF", "a media file"), (b"SQLite format 3", "a database"),
)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CP1252_FALLBACK = "ficdesk-cp1252-fallback"
_ALLOWED_CONTROLS = "\t\n\r\f\v\x1b"
#: charset-normalizer's single-byte Latin-alphabet guesses, which Windows-1252 reads better on English text.
_LATIN_GUESSES = frozenset({
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9",
    "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "mac_roman", "mac_latin2",
})


def _decode_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start:error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error(_CP1252_FALLBACK, _decode_as_cp1252)


@dataclass(frozen=True)
class DecodedText:
    """A file's text, the encoding it was read in, and whether that encoding is only a guess."""

    text: str
    encoding: str
    guessed: bool = False

    @property
    def note(self) -> str | None:
        """One sentence for the author when the encoding was guessed, else None."""
        if not self.guessed:
            return None
        return (f"the text encoding was guessed as {self.encoding}; if letters look wrong, "
                "read it again with --encoding NAME (for example --encoding utf-8 or --encoding cp1252)")


def read_bytes(path: str | Path, *, limit: int, verb: str = "read") -> bytes:
    """The bytes of the regular file at ``path``; refuses anything else, empty files and files over ``limit``.

    ``verb`` names what the caller does ("import", "check") in the one-line message.
    """
    file = Path(path)
    name = file.name or str(file)
    try:
        info = os.stat(file)
    except FileNotFoundError:
        raise InputError(f"cannot {verb} '{file}': there is no such file") from None
    except OSError as error:
        raise InputError(f"cannot {verb} '{name}': {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"cannot {verb} '{file}': it is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"cannot {verb} '{file}': it is not a regular file (a pipe, socket or device)")
    if info.st_size == 0:
        raise InputError(f"cannot {verb} '{name}': the file is empty")
    if info.st_size > limit:
        raise InputError(f"cannot {verb} '{name}': it is {info.st_size / 1048576:.1f} MB, and files are "
                         f"limited to {_megabytes(limit)} MB")
    try:
        with file.open("rb") as handle:
            data = handle.read(info.st_size)  # read(n) allocates n bytes up front: never more than the size
            while len(data) <= limit:  # a file that grew after it was measured is read on, up to the limit
                more = handle.read(min(1 << 20, limit + 1 - len(data)))
                if not more:
                    break
                data += more
    except OSError as error:
        raise InputError(f"cannot {verb} '{name}': {error.strerror or error}") from None
    if len(data) > limit:
        raise InputError(f"cannot {verb} '{name}': it is larger than the {_megabytes(limit)} MB limit")
    return data


def _megabytes(limit: int) -> str:
    value = limit / 1048576
    return f"{value:.0f}" if value >= 1 else f"{value:.2f}"


def decode(data: bytes, name: str = "the file", *, encoding: str | None = None, verb: str = "read") -> DecodedText:
    """``data`` as text; binary data and text that cannot be decoded raise :class:`InputError`.

    Order: the encoding the author named; a byte-order mark; BOM-less UTF-16 (every other byte
    zero); strict UTF-8; UTF-8 mixed with stray Windows-1252 bytes; Windows-1252 for mostly-ASCII
    text (English fic with curly quotes typed in Word); otherwise charset-normalizer's best guess,
    refused when even that guess reads as noise.
    """
    prefix = f"cannot {verb} '{name}'"
    if not data.strip():
        raise InputError(f"{prefix}: the file is empty")
    if encoding:
        return _named(data, encoding, prefix)
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return DecodedText(_strict(data, bom_encoding, prefix), bom_encoding)
    utf16 = _bomless_utf16(data)
    if utf16:
        return _checked(DecodedText(_strict(data, utf16, prefix), utf16, guessed=True), prefix)
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"{prefix}: it is a binary file ({kind}), not text")
    if b"\x00" in data[:8192]:
        raise InputError(f"{prefix}: it is a binary file, not text")
    try:
        return _checked(DecodedText(data.decode("utf-8"), "utf-8"), prefix)
    except UnicodeDecodeError:
        pass
    if _UTF8_SEQUENCE.search(data):
        # Valid UTF-8 next to stray single bytes: a draft pasted together from two editors.
        # Decoding the strays as Windows-1252 keeps both halves readable.
        return _checked(DecodedText(data.decode("utf-8", errors=_CP1252_FALLBACK), MIXED_ENCODING, True), prefix)
    high = sum(1 for byte in data[:1_000_000] if byte >= 0x80)
    if high <= min(len(data), 1_000_000) * 0.1:
        try:
            return _checked(DecodedText(data.decode("cp1252"), "cp1252", guessed=True), prefix)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes  # 0.1 s to import: only for text that is neither UTF-8 nor CP1252

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None or best.chaos > 0.3:
        raise InputError(f"{prefix}: its text encoding could not be recognised; save it as UTF-8, "
                         "or name the encoding with --encoding NAME")
    encoding = best.encoding
    if encoding in _LATIN_GUESSES:
        # Single-byte Latin guesses are unreliable on short texts; English fic is mostly Windows-1252.
        try:
            return _checked(DecodedText(data.decode("cp1252"), "cp1252", guessed=True), prefix)
        except UnicodeDecodeError:
            pass
    return _checked(DecodedText(_strict(data, encoding, prefix), encoding, guessed=True), prefix)


def read_text(path: str | Path, *, limit: int, encoding: str | None = None, verb: str = "read") -> DecodedText:
    """:func:`read_bytes` then :func:`decode`."""
    file = Path(path)
    return decode(read_bytes(file, limit=limit, verb=verb), file.name or str(file), encoding=encoding, verb=verb)


def _named(data: bytes, encoding: str, prefix: str) -> DecodedText:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"{prefix}: '{encoding}' is not a text encoding Python knows") from None
    if name == "utf-8" and data.startswith(b"\xef\xbb\xbf"):
        name = "utf-8-sig"
    return _checked(DecodedText(_strict(data, name, prefix), name), prefix)


def _strict(data: bytes, encoding: str, prefix: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"{prefix}: it is not valid {encoding} text (byte {error.start:,} cannot be read)") from None
    except LookupError:
        raise InputError(f"{prefix}: '{encoding}' is not a text encoding Python knows") from None


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) - len(sample) % 2]
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    half = len(sample) // 2
    if len(data) % 2:
        return None
    if odd_zero > half * 0.6 and even_zero < half * 0.1:
        return "utf-16-le"
    if even_zero > half * 0.6 and odd_zero < half * 0.1:
        return "utf-16-be"
    return None


def _checked(decoded: DecodedText, prefix: str) -> DecodedText:
    """Refuses text that is mostly control characters: a binary file that happened to decode."""
    sample = decoded.text[:100_000]
    controls = sum(1 for ch in sample if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    if controls > max(8, len(sample) // 100):
        raise InputError(f"{prefix}: it is a binary file, not text")
    return decoded
