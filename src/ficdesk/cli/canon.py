"""``ficdesk canon``: build a canon reference from a wiki-style document, import it, search it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ficdesk.canon.model import EntityType
from ficdesk.cli.common import add_project_option, opened_store, pick_project, print_json

if TYPE_CHECKING:
    from ficdesk.canon import Entity


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("canon", help="canon reference: extract, import, search and show entities")
    commands = parser.add_subparsers(dest="canon_command", metavar="ACTION", required=True)

    extract = commands.add_parser("extract", help="print the entities of a document (no database)")
    extract.add_argument("path", metavar="PATH", help="a text, Markdown or HTML file")
    extract.add_argument("--format", choices=("json", "text"), default="text", help="output format (default: text)")
    extract.add_argument("--encoding", metavar="NAME", help="the file's text encoding (default: detected)")
    extract.set_defaults(func=run_extract)

    imported = commands.add_parser("import", help="add a document to the project's canon (again: rebuild it)")
    imported.add_argument("path", metavar="PATH", help="a text, Markdown or HTML file")
    imported.add_argument("--encoding", metavar="NAME", help="the file's text encoding (default: detected)")
    add_project_option(imported)
    imported.set_defaults(func=run_import)

    search = commands.add_parser("search", help="find entities by name, alias or fact (typos allowed)")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", type=int, default=20, help="at most this many results (default: 20)")
    add_project_option(search)
    search.set_defaults(func=run_search)

    show = commands.add_parser("show", help="show one entity with its aliases, facts and note")
    show.add_argument("name", metavar="NAME")
    add_project_option(show)
    show.set_defaults(func=run_show)

    _register_edit(commands)


_TYPES = tuple(kind.value for kind in EntityType)


def _register_edit(commands: Any) -> None:
    """``canon edit ACTION``: the author's corrections, kept across re-imports of the sources."""
    edit = commands.add_parser("edit", help="correct the canon: delete, rename, retype, merge, split, aliases")
    actions = edit.add_subparsers(dest="edit_action", metavar="EDIT", required=True)

    def action(name: str, help_text: str, *arguments: tuple[str, str]) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = actions.add_parser(name, help=help_text)
        for dest, (metavar, argument_help) in zip(("name", "argument"), arguments, strict=False):
            parser.add_argument(dest, metavar=metavar, help=argument_help)
        add_project_option(parser)
        parser.set_defaults(func=run_edit, argument=None, type=None, aliases=[])
        return parser

    entry = ("NAME", "the entry's name or one of its aliases")
    action("delete", "remove an entry", entry)
    action("rename", "give an entry a new name (the old one stays an alias)", entry, ("NEW", "the new name"))
    action("type", "change an entry's type", entry, ("TYPE", f"one of {', '.join(_TYPES)}"))
    action("merge", "make OTHER part of NAME (its names become aliases)", entry, ("OTHER", "the entry merged in"))
    split = action("split", "make an alias an entry of its own", entry, ("ALIAS", "the alias to take off"))
    split.add_argument("--type", choices=_TYPES, help="the new entry's type (default: the old entry's)")
    add = action("add", "add an entry by hand", ("NAME", "the new entry's name"))
    add.add_argument("--type", choices=_TYPES, default="character", help="its type (default: character)")
    add.add_argument("--alias", dest="aliases", action="append", default=[], help="another name (repeat for more)")
    action("alias-add", "give an entry another name", entry, ("ALIAS", "the new alias"))
    action("alias-remove", "take an alias off an entry", entry, ("ALIAS", "the alias to remove"))
    action("not-canon", "mark an entry as not canon (fanon, a mistake of the source)", entry)
    action("canon", "mark an entry as canon again", entry)


def entity_json(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "type": entity.type.value,
        "aliases": list(entity.aliases),
        "mentioned": entity.mentioned,
        "facts": [{"text": fact.text, "start": fact.start, "end": fact.end} for fact in entity.facts],
    }


def run_extract(args: argparse.Namespace) -> int:
    from ficdesk.canon import build_canon, read_document

    text, fmt = read_document(args.path, encoding=args.encoding)
    entities = build_canon(text, fmt)
    if args.format == "json":
        print_json({"entities": [entity_json(entity) for entity in entities]})
        return 0
    for entity in entities:
        aliases = f" (also: {', '.join(entity.aliases)})" if entity.aliases else ""
        print(f"{entity.name} [{entity.type.value}]{aliases} - {len(entity.facts)} facts")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from ficdesk.canon import read_document

    text, fmt = read_document(args.path, encoding=args.encoding)
    with opened_store(args) as store:
        project = pick_project(store, args.project)
        store.canon.import_source(project.id, Path(args.path).name, text, fmt)
        count = len(store.canon.entities(project.id))
        print(f"imported {Path(args.path).name} into '{project.name}': the canon now has {count} entities")
    return 0


def run_search(args: argparse.Namespace) -> int:
    with opened_store(args, write=False) as store:
        project = pick_project(store, args.project)
        hits = store.canon.index(project.id).search(args.query, limit=args.limit)
    if not hits:
        print(f"nothing in the canon matches '{args.query}'")
        return 1
    for hit in hits:
        via = "" if hit.matched == hit.entity.name else f"  (matched: {_short(hit.matched)})"
        print(f"{hit.entity.name} [{hit.entity.type.value}]{via}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    with opened_store(args, write=False) as store:
        project = pick_project(store, args.project)
        index = store.canon.index(project.id)
    entity = index.entity_at(args.name)
    if entity is None:
        hits = index.search(args.name, limit=1)
        if not hits:
            print(f"nothing in the canon matches '{args.name}'")
            return 1
        entity = hits[0].entity
    print(_describe(entity).split(" (also: ")[0])
    if entity.aliases:
        print(f"also: {', '.join(entity.aliases)}")
    if entity.note:
        print(f"note: {entity.note}")
    for fact in entity.facts:
        print(f"  - {fact.text}")
    return 0


def run_edit(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        project = pick_project(store, args.project)
        what = args.edit_action
        before = store.canon.find(project.id, args.name).name if what == "delete" else ""
        entity = store.canon.edit(project.id, what, args.name, args.argument, type=args.type, aliases=args.aliases)
    print(f"deleted '{before}'" if entity is None else _describe(entity))
    return 0


def _describe(entity: Entity) -> str:
    flags = "".join((", mentioned" if entity.mentioned else "", ", not canon" if entity.not_canon else ""))
    aliases = f" (also: {', '.join(entity.aliases)})" if entity.aliases else ""
    return f"{entity.name} [{entity.type.value}{flags}]{aliases}"


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
