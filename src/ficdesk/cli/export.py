"""``ficdesk export``: write a story as plain text, Markdown, AO3-ready HTML, Word .docx or EPUB."""

from __future__ import annotations

import argparse
from typing import Any

from ficdesk.cli.common import opened_store, pick_story, say, standard_output
from ficdesk.errors import FicDeskError
from ficdesk.formats import FORMATS, ExportOptions, export_bytes, write_atomically


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("export", help="export a story as .txt, .md, AO3-ready .html, .docx or .epub")
    parser.add_argument("story", metavar="STORY", help="story title or id")
    parser.add_argument("--project", metavar="NAME",
                        help="project of the story (needed only when two projects have a story of that title)")
    parser.add_argument("--format", choices=FORMATS, default="txt", help="output format (default: txt)")
    parser.add_argument("-o", "--output", metavar="PATH", help="file to write ('-' or nothing: standard output)")
    parser.add_argument("--no-metadata", action="store_true", help="leave out the header block and disclaimer")
    parser.add_argument("--no-notes", action="store_true", help="leave out author's notes")
    parser.add_argument("--wrap", type=int, metavar="WIDTH", help="wrap plain-text paragraphs at WIDTH characters")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    options = ExportOptions(include_metadata=not args.no_metadata, include_notes=not args.no_notes, wrap=args.wrap)
    to_stdout = not args.output or args.output == "-"
    stream = standard_output() if to_stdout else None
    if stream is not None and args.format in ("docx", "epub") and stream.isatty():
        raise FicDeskError(f"a .{args.format} file is not text; write it to a file with -o PATH")
    with opened_store(args, write=False) as store:
        _project, story = pick_story(store, args.project, args.story)
        data = export_bytes(store, story.id, args.format, options)
    if stream is not None:
        stream.flush()
        stream.buffer.write(data)
        stream.flush()
        return 0
    write_atomically(args.output, data)
    say(f"exported '{story.title}' to {args.output}")
    return 0
