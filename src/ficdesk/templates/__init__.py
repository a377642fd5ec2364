"""Disclaimer, author's-note and header templates with safe ``{placeholder}`` substitution (no Qt).

The exports load on first use (:mod:`ficdesk.lazy`), so the window can import small modules of
the package without loading all of it.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ficdesk.templates.context import DEFAULT_OWNER, TemplateContext, render
    from ficdesk.templates.defaults import default_templates
    from ficdesk.templates.engine import (
        ALIASES,
        PLACEHOLDERS,
        RenderResult,
        check_template,
        find_placeholders,
        render_values,
    )
else:
    from ficdesk.lazy import lazy_exports

    __getattr__ = lazy_exports(__name__, {
        "context": ("DEFAULT_OWNER", "TemplateContext", "render"),
        "defaults": ("default_templates",),
        "engine": ("ALIASES", "PLACEHOLDERS", "RenderResult", "check_template", "find_placeholders", "render_values"),
    })

__all__ = [
    "ALIASES",
    "DEFAULT_OWNER",
    "PLACEHOLDERS",
    "RenderResult",
    "TemplateContext",
    "check_template",
    "default_templates",
    "find_placeholders",
    "render",
    "render_values",
]
