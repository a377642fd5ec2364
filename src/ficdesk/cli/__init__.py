"""The ``ficdesk`` command: with no sub-command it opens the window, otherwise it runs one service.

Each sub-command lives in its own module with a ``register(subparsers)`` function; add new ones to
``COMMAND_MODULES``. User mistakes print one line on stderr and exit 2; Qt is imported only when
the window is opened.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence

from ficdesk import __version__
from ficdesk.errors import FicDeskError
from ficdesk.text.controls import for_terminal

COMMAND_MODULES = (
    "ficdesk.cli.info",
    "ficdesk.cli.check",
    "ficdesk.cli.projects",
    "ficdesk.cli.importing",
    "ficdesk.cli.export",
    "ficdesk.cli.post",
    "ficdesk.cli.templates",
    "ficdesk.cli.canon",
    "ficdesk.cli.safety",
)

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"ficdesk: error: {message}\n")


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"ficdesk {__version__}")
    parser.add_argument(
        "--database", metavar="URL",
        help="SQLAlchemy database URL (default: $FICDESK_DATABASE_URL, else SQLite in the data folder)",
    )
    parser.add_argument("--screenshot", metavar="PATH", help="open the window, save a PNG of it and exit")
    parser.add_argument("--size", metavar="WxH", default="1400x900", help="window size for --screenshot")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ficdesk", description="A calm desktop writing assistant for fan-fiction authors.")
    _add_global_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The parsed command line.

    Opening the window needs only the global options, so a command line without a command skips
    importing the sub-command modules (they would add about 30 ms to the window's start-up).
    """
    window_only = _Parser(prog="ficdesk", add_help=False)
    _add_global_options(window_only)
    args, rest = window_only.parse_known_args(argv)
    if rest:  # a command, --help, or a mistake: the full parser reports each the usual way
        return build_parser().parse_args(argv)
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.command is None:
            # Importing Qt and the window's modules makes long-lived objects and next to no cyclic garbage,
            # yet set off ~50 collections before the window showed (see ficdesk.ui.app.CollectionPause).
            gc.disable()
            try:
                from ficdesk.ui.app import run_app
            finally:
                gc.enable()
            return run_app(args)
        code: int = args.func(args)
        return code
    except FicDeskError as error:
        print(f"ficdesk: error: {for_terminal(str(error))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
