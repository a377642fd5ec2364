r"""Control characters: dropped from published text, shown harmlessly on a terminal.

A draft can carry invisible characters pasted from elsewhere (NUL, ESC, DEL, C1 controls) or
planted on purpose: bidi overrides (U+202E) reverse how the following text is displayed, and ESC
sequences recolour or rewrite a terminal. Exports drop them (HTML forbids them: html5lib reports
"invalid codepoint"); the command line prints them as visible ``\x1b``-style escapes.
"""

from __future__ import annotations

import re

#: Bidirectional embedding, override and isolate controls (LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI).
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"

# C0 controls except tab and newline (and CR, which exporters normalise), DEL, C1 controls, bidi controls,
# lone surrogates and the Unicode noncharacters: none of them is a valid code point in an HTML document.
_UNPUBLISHABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + BIDI_CONTROLS + "\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
    "|[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff\U0005fffe\U0005ffff"
    "\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff\U0009fffe\U0009ffff\U000afffe\U000affff"
    "\U000bfffe\U000bffff\U000cfffe\U000cffff\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff"
    "\U0010fffe\U0010ffff]"
)

# What a terminal must not receive raw: every C0 control but newline and tab, DEL, C1, bidi controls.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]")


def publishable(text: str) -> str:
    """``text`` without the code points HTML, EPUB and DOCX (XML) forbid or that reorder what follows.

    Carriage returns become newlines; tabs and newlines stay.
    """
    return _UNPUBLISHABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def for_terminal(text: str) -> str:
    r"""``text`` safe to print: control and bidi characters shown as ``\x1b`` / ``\u202e`` escapes."""
    return _UNPRINTABLE.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
