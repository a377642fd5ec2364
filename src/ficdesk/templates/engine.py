"""A small, safe placeholder language: ``{name}`` is replaced, ``{{`` and ``}}`` are literal braces.

Deliberately not ``str.format``: user text never reaches a formatter, so ``{title.__class__}``,
``{0}`` or ``{title:>99999}`` can neither run code, reach attributes nor allocate silly amounts of
memory. Anything that is not a known placeholder stays visible in the output and is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

#: Canonical placeholders and what they stand for (the UI lists these).
PLACEHOLDERS: dict[str, str] = {
    "title": "the story's title",
    "author": "the author's name",
    "fandom": "the fandom(s), comma separated",
    "owner": "who owns the fandom (the rights holder)",
    "relationships": "relationships / pairings, comma separated",
    "characters": "characters, comma separated",
    "rating": "the rating",
    "warnings": "archive or content warnings, comma separated",
    "summary": "the story's summary",
    "word_count": "the story's word count",
    "chapter_number": "the chapter's number (1-based)",
    "chapter_title": "the chapter's title",
    "chapter_count": "how many chapters the story has",
    "date": "today's date (YYYY-MM-DD)",
}

#: Other spellings authors reach for; they mean the canonical placeholder.
ALIASES: dict[str, str] = {
    "fandoms": "fandom",
    "rights_holder": "owner",
    "owners": "owner",
    "pairing": "relationships",
    "pairings": "relationships",
    "relationship": "relationships",
    "ship": "relationships",
    "character": "characters",
    "warning": "warnings",
    "words": "word_count",
    "wordcount": "word_count",
    "chapter": "chapter_number",
    "chapter_no": "chapter_number",
    "chapters": "chapter_count",
    "today": "date",
}

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_MAX_PLACEHOLDER = 40  # longer "{...}" runs are prose with a stray brace, not placeholders


@dataclass(frozen=True)
class RenderResult:
    """Rendered text plus everything the author should look at.

    ``problems`` names unknown or malformed placeholders (left visible in ``text``); ``empty``
    lists known placeholders that had no value for this story.
    """

    text: str
    problems: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class _Text:
    text: str


@dataclass(frozen=True)
class _Field:
    name: str  # canonical name
    raw: str  # as written, braces included


@dataclass(frozen=True)
class _Bad:
    raw: str
    problem: str


_Token = _Text | _Field | _Bad


def canonical_name(written: str) -> str | None:
    """The canonical placeholder for ``written`` (case, spaces and hyphens forgiven), else None."""
    key = re.sub(r"[\s\-]+", "_", written.strip()).casefold()
    if key in PLACEHOLDERS:
        return key
    return ALIASES.get(key)


def _tokens(template: str) -> Iterator[_Token]:
    i = 0
    n = len(template)
    text_start = 0
    while i < n:
        ch = template[i]
        if ch not in "{}":
            i += 1
            continue
        if i + 1 < n and template[i + 1] == ch:  # "{{" or "}}": an escaped brace
            if text_start < i:
                yield _Text(template[text_start:i])
            yield _Text(ch)
            i += 2
            text_start = i
            continue
        if ch == "}":  # a lone closing brace is harmless text
            i += 1
            continue
        if text_start < i:
            yield _Text(template[text_start:i])
        end = _closing(template, i)
        if end is None:
            yield _Bad("{", f"unclosed '{{' at character {i + 1}: {_snippet(template, i)}")
            i += 1
            text_start = i
            continue
        raw = template[i : end + 1]
        inner = raw[1:-1]
        name = canonical_name(inner)
        if name is not None:
            yield _Field(name, raw)
        elif _NAME.fullmatch(inner.strip()):
            yield _Bad(raw, f"unknown placeholder {raw}")
        else:
            yield _Bad(raw, f"malformed placeholder {raw}")
        i = end + 1
        text_start = i
    if text_start < n:
        yield _Text(template[text_start:])


def _closing(template: str, start: int) -> int | None:
    """Index of the '}' closing the '{' at ``start``, or None if it is a stray brace."""
    limit = min(len(template), start + _MAX_PLACEHOLDER + 2)
    for j in range(start + 1, limit):
        if template[j] == "}":
            return j
        if template[j] in "{\n":
            return None
    return None


def _snippet(template: str, start: int) -> str:
    piece = template[start : start + 20].split("\n", 1)[0]
    return f"'{piece}…'" if len(template) - start > 20 else f"'{piece}'"


def find_placeholders(template: str) -> list[str]:
    """Canonical names of the known placeholders in ``template``, in order of first use."""
    seen: dict[str, None] = {}
    for token in _tokens(template):
        if isinstance(token, _Field):
            seen.setdefault(token.name)
    return list(seen)


def check_template(template: str) -> list[str]:
    """Problems of ``template`` (unknown or malformed placeholders) without rendering it."""
    return [token.problem for token in _tokens(template) if isinstance(token, _Bad)]


def render_values(template: str, values: Mapping[str, str]) -> RenderResult:
    """Fill ``template`` from ``values`` (canonical names to strings); see :func:`render`."""
    out: list[str] = []
    problems: list[str] = []
    empty: dict[str, None] = {}
    for token in _tokens(template):
        if isinstance(token, _Text):
            out.append(token.text)
        elif isinstance(token, _Field):
            value = values.get(token.name, "")
            if not value:
                empty.setdefault(token.name)
            out.append(value)
        else:
            out.append(token.raw)
            problems.append(token.problem)
    return RenderResult("".join(out), problems, list(empty))
