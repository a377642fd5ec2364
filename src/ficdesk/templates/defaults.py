"""The templates FicDesk ships (``resources/templates/*.txt``), copied into every new project.

Each file starts with ``kind:`` and ``name:`` lines, then a blank line, then the template body.
"""

from __future__ import annotations

from pathlib import Path

from ficdesk.resources import resource_path

KINDS = ("disclaimer", "story_start_note", "story_end_note", "chapter_start_note", "chapter_end_note", "header")


def parse_template_file(text: str, source: str = "template") -> tuple[str, str, str]:
    """``(kind, name, body)`` of one template file's text."""
    head, sep, body = text.replace("\r\n", "\n").partition("\n\n")
    if not sep:
        raise ValueError(f"{source}: missing the blank line after the kind/name header")
    fields: dict[str, str] = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        if not colon:
            raise ValueError(f"{source}: header line without ':': {line!r}")
        fields[key.strip().casefold()] = value.strip()
    kind, name = fields.get("kind", ""), fields.get("name", "")
    if kind not in KINDS or not name:
        raise ValueError(f"{source}: needs a known 'kind:' and a 'name:'")
    return kind, name, body.strip("\n")


def default_templates(folder: Path | None = None) -> list[tuple[str, str, str]]:
    """The bundled templates as ``(kind, name, body)`` tuples, sorted by kind and name."""
    folder = folder or resource_path("templates")
    found = [parse_template_file(path.read_text(encoding="utf-8"), path.name) for path in folder.glob("*.txt")]
    return sorted(found)
