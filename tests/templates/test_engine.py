"""The placeholder language: every placeholder fills in, nothing else is ever interpreted."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from ficdesk.templates import (
    ALIASES,
    PLACEHOLDERS,
    TemplateContext,
    check_template,
    find_placeholders,
    render,
)

CONTEXT = TemplateContext(
    title="Reset", author="tea_and_rift", fandoms=("Torchwood", "Doctor Who"), owner="the BBC",
    relationships=("Jack Harkness/Ianto Jones",), characters=("Jack Harkness", "Ianto Jones"),
    rating="Teen And Up Audiences", warnings=("No Archive Warnings Apply",), summary="After the Rift.",
    word_count=12345, chapter_number=3, chapter_title="Coffee", chapter_count=7, today=date(2024, 5, 1),
)
EXPECTED = {
    "title": "Reset", "author": "tea_and_rift", "fandom": "Torchwood, Doctor Who", "owner": "the BBC",
    "relationships": "Jack Harkness/Ianto Jones", "characters": "Jack Harkness, Ianto Jones",
    "rating": "Teen And Up Audiences", "warnings": "No Archive Warnings Apply", "summary": "After the Rift.",
    "word_count": "12,345", "chapter_number": "3", "chapter_title": "Coffee", "chapter_count": "7",
    "date": "2024-05-01",
}


def test_every_placeholder_renders() -> None:
    assert set(EXPECTED) == set(PLACEHOLDERS)
    for name, value in EXPECTED.items():
        result = render(f"<{{{name}}}>", CONTEXT)
        assert result.text == f"<{value}>", name
        assert result.problems == []


def test_aliases_and_forgiving_spelling() -> None:
    for alias, name in ALIASES.items():
        assert render(f"{{{alias}}}", CONTEXT).text == EXPECTED[name]
    assert render("{ Word Count } / {Chapter-Number}", CONTEXT).text == "12,345 / 3"


def test_unknown_and_malformed_placeholders_stay_visible_and_are_named() -> None:
    template = "Hi {nickname}! {title.__class__} {0} {title:>999999} {title!r} {} and {fandom"
    result = render(template, CONTEXT)
    assert result.text == template
    assert result.problems == [
        "unknown placeholder {nickname}",
        "malformed placeholder {title.__class__}",
        "malformed placeholder {0}",
        "malformed placeholder {title:>999999}",
        "malformed placeholder {title!r}",
        "malformed placeholder {}",
        f"unclosed '{{' at character {template.index('{fandom') + 1}: '{{fandom'",
    ]
    assert check_template(template) == result.problems


def test_escaped_braces_and_lone_closing_brace() -> None:
    assert render("{{title}} is {title} :}", CONTEXT).text == "{title} is Reset :}"
    assert render("{{{title}}}", CONTEXT).text == "{Reset}"


def test_values_are_never_interpreted() -> None:
    sneaky = TemplateContext(title="{author} {{x}} {title.__init__}", author="me")
    assert render("{title}", sneaky).text == "{author} {{x}} {title.__init__}"


def test_empty_values_are_listed_and_owner_has_a_fallback() -> None:
    result = render("{summary}{owner}", TemplateContext())
    assert result.text == "their creators"
    assert result.empty == ["summary"]
    assert result.problems == []


def test_find_placeholders_in_order_without_duplicates() -> None:
    assert find_placeholders("{title} by {author}, {title} {pairing} {oops}") == ["title", "author", "relationships"]


@given(st.text())
def test_any_template_renders_without_exception(template: str) -> None:
    result = render(template, CONTEXT)
    assert isinstance(result.text, str)
    if "{" not in template and "}" not in template:
        assert result.text == template
        assert result.problems == []


@given(st.lists(st.sampled_from([*"{}ab_.:!0 \n", "title", "fandom"]), max_size=30).map("".join))
def test_brace_soup_renders_and_reports_every_problem(template: str) -> None:
    result = render(template, CONTEXT)
    assert len(result.problems) == len(check_template(template))
    assert "Reset" in result.text or "{title}" not in template.replace("{{", "")


@given(st.text())
def test_any_value_is_inserted_verbatim(value: str) -> None:
    assert render("[{summary}]", TemplateContext(summary=value)).text == f"[{value}]"
