"""``ficdesk check PATH``: check a text file from the shell (exit 0 clean, 1 findings, 2 error)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ficdesk.errors import FicDeskError

EXIT_CLEAN = 0
EXIT_FINDINGS = 1


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("check", help="check a text file's grammar and spelling")
    parser.add_argument("path", metavar="PATH", help="UTF-8 text file to check")
    parser.add_argument("--lang", choices=("en-GB", "en-US"), default="en-GB", help="spelling variety (en-GB)")
    parser.add_argument("--canon", metavar="WIKI_FILE", help="wiki-style text whose names are the canon")
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


def run(args: argparse.Namespace) -> int:
    from ficdesk.checking import Checker, CheckerConfig

    text = read_text(args.path, args.encoding)
    names = canon_names(args.canon) if args.canon else ()
    matches = Checker(CheckerConfig(language=args.lang, canon_names=names)).check(text)
    if args.format == "json":
        payload = {"matches": [{"start": m.start, "end": m.end, "rule": m.rule, "category": str(m.category),
                                "message": m.message, "replacements": list(m.replacements)} for m in matches]}
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for match in matches:
            line = text.count("\n", 0, match.start) + 1
            column = match.start - (text.rfind("\n", 0, match.start) + 1) + 1
            hint = f" ({match.replacements[0]})" if match.replacements else ""
            print(f"{args.path}:{line}:{column}: {match.rule}: {match.message}{hint}")
    return EXIT_FINDINGS if matches else EXIT_CLEAN
