"""``ficdesk templates list|show|render``: the project's disclaimer, note and header templates."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ficdesk.cli.common import add_project_option, opened_store, pick_project
from ficdesk.errors import FicDeskError, NotFoundError
from ficdesk.templates.engine import check_template, find_placeholders

EXIT_FINDINGS = 1


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("templates", help="list, show and render disclaimer and note templates")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list the templates of one project (--project) or of every project")
    listing.add_argument("--project", metavar="NAME", help="only this project's templates")
    listing.set_defaults(func=run_list)
    show = actions.add_parser("show", help="show one template, its placeholders and any problems")
    show.add_argument("name", metavar="NAME", help="template name or id")
    add_project_option(show)
    show.set_defaults(func=run_show)
    rendering = actions.add_parser("render", help="fill a template in for a story")
    rendering.add_argument("name", metavar="NAME", help="template name or id")
    rendering.add_argument("--story", metavar="STORY", required=True, help="story title or id")
    rendering.add_argument("--chapter", type=int, metavar="N", help="chapter number (1-based) for chapter notes")
    add_project_option(rendering)
    rendering.set_defaults(func=run_render)


def run_list(args: argparse.Namespace) -> int:
    with opened_store(args, write=False) as store:
        projects = [store.projects.find(args.project)] if args.project else store.projects.list()
        if not projects:
            raise NotFoundError("there is no project yet; create one with 'ficdesk project new NAME'")
        listed = [(project, store.templates.list(project.id)) for project in projects]
    for project, templates in listed:
        if len(listed) > 1:
            print(f"{project.name}:")
        for template in templates:
            print(f"{template.id:>4}  {template.kind:<20} {template.name}")
        if not templates:
            print(f"project '{project.name}' has no templates")
    return 0


def run_show(args: argparse.Namespace) -> int:
    with opened_store(args, write=False) as store:
        template = store.templates.find(pick_project(store, args.project).id, args.name)
    print(f"{template.name} ({template.kind})")
    print(template.body)
    print(f"placeholders: {', '.join(find_placeholders(template.body)) or 'none'}")
    problems = check_template(template.body)
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    return EXIT_FINDINGS if problems else 0


def run_render(args: argparse.Namespace) -> int:
    from ficdesk.templates import TemplateContext, render

    with opened_store(args, write=False) as store:
        project = pick_project(store, args.project)
        template = store.templates.find(project.id, args.name)
        story = store.stories.find(project.id, args.story)
        chapter_id = None
        if args.chapter is not None:
            chapters = store.chapters.list(story.id)
            if not 1 <= args.chapter <= len(chapters):
                raise FicDeskError(f"'{story.title}' has {len(chapters)} chapter(s), not {args.chapter}")
            chapter_id = chapters[args.chapter - 1].id
        result = render(template.body, TemplateContext.for_story(store, story.id, chapter_id))
    print(result.text)
    for problem in result.problems:
        print(f"problem: {problem}", file=sys.stderr)
    return EXIT_FINDINGS if result.problems else 0
