"""``ficdesk post``: a story ready to paste into AO3, fanfiction.net, Wattpad or tumblr, checked against their limits.

Exit 0 when everything is within the sites' limits, 1 when something would be refused (each problem
one line on stderr), 2 for a mistake on the command line or a file that cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ficdesk.cli.common import add_project_option, opened_store, pick_project, say

SITE_CHOICES = ("ao3", "ffn", "wattpad", "tumblr")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("post", help="write a story's chapters in a site's form and check its limits")
    parser.add_argument("story", metavar="STORY", help="story title or id")
    add_project_option(parser)
    parser.add_argument("--site", choices=SITE_CHOICES, required=True, help="where it will be posted")
    parser.add_argument("--chapter", type=int, metavar="N", help="only chapter N (default: every chapter)")
    parser.add_argument("-o", "--output", metavar="DIR", required=True, help="folder for the files (created)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ficdesk.formats import document_for
    from ficdesk.posting.files import write_post_files
    from ficdesk.posting.sites import SITES
    from ficdesk.text.controls import for_terminal

    with opened_store(args, write=False) as store:
        project = pick_project(store, args.project)
        story = store.stories.find(project.id, args.story)
        document = document_for(store, story.id)
    output = write_post_files(document, args.site, args.output, args.chapter)
    say(f"wrote {len(output.files)} file(s) for {SITES[args.site]} to {args.output}")
    for problem in output.problems:
        print(f"ficdesk: {SITES[args.site]} limit: {for_terminal(str(problem))}", file=sys.stderr)
    return 1 if output.problems else 0
