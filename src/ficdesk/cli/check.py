"""``ficdesk check``: check a text file, or a stored story with its project's settings.

Exit 0 clean, 1 findings, 2 error.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ficdesk.cli.common import add_project_option, opened_store, pick_project
from ficdesk.errors import FicDeskError, InputError

if TYPE_CHECKING:
    from ficdesk.checking.model import Match

EXIT_CLEAN = 0
EXIT_FINDINGS = 1


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("check", help="check a text file or a stored story's grammar and spelling")
    parser.add_argument("path", metavar="PATH", nargs="?", help="UTF-8 text file to check")
    parser.add_argument("--story", metavar="TITLE", help="check this stored story with its project's settings")
    add_project_option(parser)
    parser.add_argument("--lang", choices=("auto", "en-GB", "en-US"), default=None,
                        help="spelling variety (a file: auto, the one the text's own spellings show, else en-GB; "
                             "a story: the project's language)")
    parser.add_argument("--canon", metavar="WIKI_FILE", help="wiki-style text whose names are the canon (files only)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (text)")
    parser.add_argument("--encoding", metavar="NAME", help="the file's text encoding (default: detected)")
    parser.set_defaults(func=run)


def read_text(path: str, encoding: str | None = None) -> str:
    """The file's text exactly as stored (newlines untouched), read by :mod:`ficdesk.formats.reading`.

    A guessed encoding is named on stderr, so the author knows to pass ``--encoding`` if it is wrong.
    """
    from ficdesk.formats.reading import MAX_CHECK_BYTES
    from ficdesk.formats.reading import read_text as read_file

    decoded = read_file(path, limit=MAX_CHECK_BYTES, encoding=encoding, verb="check")
    if decoded.note:
        print(f"ficdesk: note: {path}: {decoded.note}", file=sys.stderr)
    return decoded.text.removeprefix("\ufeff")


def canon_names(path: str) -> tuple[str, ...]:
    """Names and aliases of the canon built from the wiki file at ``path``."""
    try:
        from ficdesk.canon import build_canon  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        raise FicDeskError("the canon builder is unavailable in this FicDesk build; run without --canon") from None
    names: list[str] = []
    for entity in build_canon(read_text(path)):
        names.append(entity.name)
        names.extend(entity.aliases)
    return tuple(names)


class LineIndex:
    """Line and column (both from 1) of code-point offsets, by bisection over the line starts (one pass)."""

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        self._starts = starts

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def match_json(match: Match) -> dict[str, Any]:
    return {"start": match.start, "end": match.end, "rule": match.rule, "category": str(match.category),
            "message": match.message, "replacements": list(match.replacements)}


def text_lines(label: str, text: str, matches: Iterable[Match]) -> Iterable[str]:
    index = LineIndex(text)
    for match in matches:
        line, column = index.locate(match.start)
        hint = f" ({match.replacements[0]})" if match.replacements else ""
        yield f"{label}:{line}:{column}: {match.rule}: {match.message}{hint}\n"


def run(args: argparse.Namespace) -> int:
    if args.story is not None:
        if args.path is not None or args.canon:
            raise InputError("give either PATH or --story, not both (a story uses its project's canon)")
        return _run_story(args)
    if args.path is None:
        raise InputError("nothing to check: give a PATH or --story TITLE")
    if args.project:
        raise InputError("--project goes with --story")
    from ficdesk.checking import Checker, CheckerConfig

    text = read_text(args.path, args.encoding)
    names = canon_names(args.canon) if args.canon else ()
    matches = Checker(CheckerConfig(language=args.lang or "auto", canon_names=names)).check(text)
    if args.format == "json":
        json.dump({"matches": [match_json(m) for m in matches]}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.writelines(text_lines(args.path, text, matches))
    return EXIT_FINDINGS if matches else EXIT_CLEAN


def _run_story(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from ficdesk.checking.project import ProjectChecker, load_settings

    with opened_store(args) as store:
        project = pick_project(store, args.project)
        story = store.stories.find(project.id, args.story)
        chapters = store.chapters.list(story.id)
        settings = load_settings(store, project.id)
        if args.lang:
            settings = replace(settings, language=args.lang)
        results = []
        for chapter in chapters:
            # Spots ignored once belong to their chapter.
            chapter_settings = replace(settings, ignored=store.dictionary.ignored(project.id, chapter.id))
            checker = ProjectChecker(chapter_settings)
            results.append((chapter, checker.check(chapter.body)))
    total = sum(len(found) for _chapter, found in results)
    if args.format == "json":
        payload = {"project": project.name, "story": story.title, "language": settings.language,
                   "chapters": [{"id": chapter.id, "position": chapter.position + 1, "title": chapter.title,
                                 "matches": [match_json(m) for m in found]} for chapter, found in results]}
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for chapter, found in results:
            label = f"{story.title} / {chapter.position + 1}{f' {chapter.title}' if chapter.title else ''}"
            sys.stdout.writelines(text_lines(label, chapter.body, found))
    return EXIT_FINDINGS if total else EXIT_CLEAN
