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

#: The sub-command names each module of :data:`COMMAND_MODULES` registers, so that a command line naming one imports
#: only its module (the others and what they import cost about 70 ms of CPU per command; a test keeps this in step).
COMMANDS = {
    "info": "ficdesk.cli.info",
    "check": "ficdesk.cli.check",
    "project": "ficdesk.cli.projects",
    "import": "ficdesk.cli.importing",
    "export": "ficdesk.cli.export",
    "post": "ficdesk.cli.post",
    "templates": "ficdesk.cli.templates",
    "canon": "ficdesk.cli.canon",
    "backup": "ficdesk.cli.safety",
    "restore": "ficdesk.cli.safety",
    "snapshot": "ficdesk.cli.safety",
}

#: Kept equal to ``ficdesk.checking.parallel.HELPER_ARGUMENT`` (a test checks), so the CLI need not import it.
HELPER_ARGUMENT = "--check-helper"

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


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command-line parser: with every sub-command, or only the module that registers ``command``."""
    parser = _Parser(prog="ficdesk", description="A calm desktop writing assistant for fan-fiction authors.")
    _add_global_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in (COMMANDS[command],) if command in COMMANDS else COMMAND_MODULES:
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
    if rest:  # a command (its module alone), --help, or a mistake: the full parser reports each the usual way
        return build_parser(rest[0]).parse_args(argv)
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False) and list(sys.argv[1:] if argv is None else argv) == [HELPER_ARGUMENT]:
        # A frozen app has no ``python -m``: it runs itself as the checker's helper process.
        from ficdesk.checking.parallel import serve

        return serve()
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
