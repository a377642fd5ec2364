"""Inline markup of a draft: ``*italic*`` and ``**bold**`` to HTML (escaping everything else)."""

from __future__ import annotations

import re

from ficdesk.text.controls import publishable

# ** before *, and only around non-space text so "5 * 3" and a lone "*" stay literal.
_INLINE = re.compile(r"\*\*(?=\S)(?P<bold>.+?)(?<=\S)\*\*|\*(?=[^\s*])(?P<em>[^*]+?)(?<=[^\s*])\*")


def escape_html(text: str) -> str:
    """``&``, ``<``, ``>`` and ``"`` as entities (apostrophes stay readable); control characters dropped.

    NUL, ESC, DEL, C1 and bidi controls and noncharacters never reach HTML (see :mod:`ficdesk.text.controls`).
    """
    text = publishable(text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def inline_html(text: str) -> str:
    """``text`` with every character HTML-escaped and ``*x*``/``**x**`` turned into em/strong."""
    out: list[str] = []
    position = 0
    for match in _INLINE.finditer(text):
        out.append(escape_html(text[position : match.start()]))
        if match.group("bold") is not None:
            out.append(f"<strong>{inline_html(match.group('bold'))}</strong>")
        else:
            out.append(f"<em>{escape_html(match.group('em'))}</em>")
        position = match.end()
    out.append(escape_html(text[position:]))
    return "".join(out)


def inline_spans(text: str) -> list[tuple[str, bool, bool]]:
    """``text`` split into (text, bold, italic) spans by the same ``*x*``/``**x**`` rules as :func:`inline_html`."""
    spans: list[tuple[str, bool, bool]] = []
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            spans.append((text[position : match.start()], False, False))
        if match.group("bold") is not None:
            spans.extend((part, True, italic) for part, _bold, italic in inline_spans(match.group("bold")))
        else:
            spans.append((match.group("em"), False, True))
        position = match.end()
    if position < len(text):
        spans.append((text[position:], False, False))
    return spans


_MD_LINE_START = re.compile(r"^(\s*)([#>+=`|]|[-*](?=\s)|\d+(?=[.)]\s)|~~~)")


def escape_markdown(line: str) -> str:
    """One line of draft text made literal for Markdown; ``*``/``**`` emphasis is kept as emphasis.

    Every escape is a backslash before ASCII punctuation, which :func:`unescape_markdown` undoes: ``&``
    (so a written "&amp;" is not read as an entity), ``<`` and ``>`` (no raw HTML). Leading indentation
    is dropped, as the importer drops it: four spaces would make the paragraph a code block.
    """
    line = line.replace("\\", "\\\\").lstrip(" \t")
    line = re.sub(r"([_`\[\]<>&])", r"\\\1", line)
    if line.strip() and not _is_break(line):
        match = _MD_LINE_START.match(line)
        if match:
            prefix, token = match.group(1), match.group(2)
            if token.isdigit():
                rest = line[match.end():]
                line = f"{prefix}{token}\\{rest}"
            else:
                line = f"{prefix}\\{line[len(prefix):]}"
    return line


def _is_break(line: str) -> bool:
    from ficdesk.formats.patterns import is_scene_break

    return is_scene_break(line) and "*" in line and "#" not in line and "=" not in line and "~" not in line


_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


_MD_BOLD = re.compile(r"(?<![\\\w])__(?=[^\s_])((?:[^_]|_(?!_))+?)(?<=[^\s\\_])__(?!\w)")
_MD_ITALIC = re.compile(r"(?<![\\\w])_(?=[^\s_])([^_]+?)(?<=[^\s\\_])_(?!\w)")


def unescape_markdown(line: str) -> str:
    """Backslash escapes removed; ``_italic_``/``__bold__`` rewritten as the draft's ``*``/``**``.

    Emphasis never spans another underscore, so each opener scans only to the next ``_``: the
    match stays linear on hostile lines such as ``"_a " * 100000``.
    """
    line = _MD_BOLD.sub(r"**\1**", line)
    line = _MD_ITALIC.sub(r"*\1*", line)
    return _MD_ESCAPE.sub(r"\1", line)
