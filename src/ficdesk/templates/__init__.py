"""Disclaimer, author's-note and header templates with safe ``{placeholder}`` substitution (no Qt)."""

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
