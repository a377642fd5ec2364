"""FicDesk's grammar and spelling checker: text in, :class:`Match` list out (no Qt).

    from ficdesk.checking import Checker, CheckerConfig
    checker = Checker(CheckerConfig(language="en-GB", canon_names=("Jack Harkness",)))
    matches = checker.check(text)

Rules live in ``ficdesk.checking.rules`` (one module per family, one registry); the optional
LanguageTool engine lives in ``ficdesk.checking.languagetool``.

The exports load on first use (:mod:`ficdesk.lazy`), so the window can import small modules of
the package without loading all of it.
"""

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (7 ms; see ficdesk.resources)
if TYPE_CHECKING:
    from ficdesk.checking.engine import Checker, Document, spot_context
    from ficdesk.checking.env import CheckerConfig
    from ficdesk.checking.model import Category, Match
else:
    from ficdesk.lazy import lazy_exports

    __getattr__ = lazy_exports(__name__, {
        "engine": ("Checker", "Document", "spot_context"),
        "env": ("CheckerConfig",),
        "model": ("Category", "Match"),
    })

__all__ = ["Category", "Checker", "CheckerConfig", "Document", "Match", "spot_context"]
