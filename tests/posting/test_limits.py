"""Every site limit at its boundary: the limit passes, one more fails, and the problem names the field."""

from __future__ import annotations

import pytest

from ficdesk.formats import ExportChapter, ExportDocument
from ficdesk.posting.limits import LIMITS, limit_for
from ficdesk.posting.sites import FFN_RATINGS, Posting, prepare_posting


def _document(**fields: object) -> ExportDocument:
    values: dict[str, object] = {"title": "A Title", "fandoms": ["Some Fandom"], "rating": "General Audiences",
                                 "warnings": ["No Archive Warnings Apply"],
                                 "chapters": [ExportChapter("One", "Some text.")]}
    values.update(fields)
    return ExportDocument(**values)  # type: ignore[arg-type]


def _fields(posting: Posting) -> list[str]:
    return [problem.field for problem in posting.problems]


def test_the_table_has_every_limit_once_with_a_source() -> None:
    keys = [(entry.site, entry.field) for entry in LIMITS]
    assert len(keys) == len(set(keys))
    assert {k for k in keys if k[0] == "ao3"} == {("ao3", f) for f in (
        "title", "summary", "notes", "tag", "tags", "chapter_text", "chapter_title")}
    assert all(entry.source for entry in LIMITS)
    assert [e.field for e in LIMITS if not e.verified] == ["summary"]  # fanfiction.net's summary length


@pytest.mark.parametrize(("key", "maximum"), [("title", 255), ("summary", 1250), ("notes", 5000), ("tag", 150),
                                              ("tags", 75), ("chapter_text", 500_000), ("chapter_title", 255)])
def test_ao3_numbers(key: str, maximum: int) -> None:
    entry = limit_for("ao3", key)
    assert entry is not None and entry.maximum == maximum


def test_ao3_work_title_boundary() -> None:
    assert _fields(prepare_posting(_document(title="t" * 255), "ao3")) == []
    assert _fields(prepare_posting(_document(title="t" * 256), "ao3")) == ["Title"]


def test_ao3_summary_boundary_counts_the_html_pasted() -> None:
    at_limit = prepare_posting(_document(summary="s" * (1250 - len("<p></p>"))), "ao3")
    assert len(at_limit.work_box("summary").text) == 1250 and _fields(at_limit) == []
    over = prepare_posting(_document(summary="s" * (1251 - len("<p></p>"))), "ao3")
    assert _fields(over) == ["Summary"]
    assert "1,251 characters, the limit is 1,250" in over.problems[0].message


@pytest.mark.parametrize("where", ["start_note", "end_note", "chapter_start", "chapter_end", "disclaimer"])
def test_ao3_notes_boundary_for_every_notes_field(where: str) -> None:
    def posting(size: int) -> Posting:
        text = "n" * (size - len("<p></p>"))
        if where == "chapter_start":
            return prepare_posting(_document(chapters=[ExportChapter("One", "Text.", start_note=text)]), "ao3")
        if where == "chapter_end":
            return prepare_posting(_document(chapters=[ExportChapter("One", "Text.", end_note=text)]), "ao3")
        if where == "disclaimer":  # the disclaimer opens the work's notes
            return prepare_posting(_document(disclaimer=text[: -len("Disclaimer: ")]), "ao3")
        return prepare_posting(_document(**{where: text}), "ao3")

    expected = {"start_note": "Notes", "disclaimer": "Notes", "end_note": "End Notes", "chapter_start": "Chapter Notes",
                "chapter_end": "Chapter End Notes"}[where]
    assert _fields(posting(5000)) == []
    assert _fields(posting(5001)) == [expected]
    if where.startswith("chapter"):
        assert posting(5001).problems[0].chapter == 1


@pytest.mark.parametrize("kind", ["fandoms", "relationships", "characters", "additional"])
def test_ao3_each_tag_boundary(kind: str) -> None:
    def posting(size: int) -> Posting:
        tag = "x" * size
        if kind == "additional":
            return prepare_posting(_document(start_note=f"Additional Tags: Fluff, {tag}"), "ao3")
        return prepare_posting(_document(**{kind: ["Some Fandom", tag] if kind == "fandoms" else [tag]}), "ao3")

    assert _fields(posting(150)) == []
    problems = posting(151).problems
    assert len(problems) == 1 and problems[0].field.startswith({"fandoms": "Fandoms", "relationships": "Relationships",
                                                                "characters": "Characters",
                                                                "additional": "Additional Tags"}[kind])


def test_ao3_total_tags_boundary_counts_all_four_kinds() -> None:
    def posting(total: int) -> Posting:
        tags = [f"tag {n}" for n in range(total - 3)]
        return prepare_posting(_document(fandoms=["F"], relationships=["A/B"], characters=["C"],
                                         start_note="Additional Tags: " + ", ".join(tags)), "ao3")

    assert len(posting(75).work_box("additional_tags").values or ()) == 72
    assert _fields(posting(75)) == []
    assert _fields(posting(76)) == ["Tags (fandoms, relationships, characters, additional tags)"]


def test_ao3_chapter_text_boundary() -> None:
    def posting(size: int) -> Posting:
        return prepare_posting(_document(chapters=[ExportChapter("One", "w" * (size - len("<p></p>")))]), "ao3")

    at_limit = posting(500_000)
    assert len(at_limit.chapters[0].text.text) == 500_000 and _fields(at_limit) == []
    over = posting(500_001)
    assert _fields(over) == ["Chapter Text"] and over.problems[0].chapter == 1


def test_ao3_chapter_title_boundary() -> None:
    def posting(size: int) -> Posting:
        return prepare_posting(_document(chapters=[ExportChapter("First", "Text."), ExportChapter("c" * size, "T.")]),
                               "ao3")

    assert _fields(posting(255)) == []
    over = posting(256)
    assert _fields(over) == ["Chapter Title"] and over.problems[0].chapter == 2


def test_ffn_summary_boundary() -> None:
    assert _fields(prepare_posting(_document(summary="s" * 384), "ffn")) == []
    over = prepare_posting(_document(summary="s" * 385), "ffn")
    assert _fields(over) == ["Summary"] and "unverified" in over.problems[0].message


def test_ffn_characters_boundary() -> None:
    assert _fields(prepare_posting(_document(characters=["A", "B", "C", "D"]), "ffn")) == []
    assert _fields(prepare_posting(_document(characters=["A", "B", "C", "D", "E"]), "ffn")) == ["Characters"]


@pytest.mark.parametrize(("rating", "ffn", "problem"), [
    ("General Audiences", "K+", False), ("Teen And Up Audiences", "T", False), ("Mature", "M", False),
    ("Explicit", "M", True), ("Not Rated", "", True),
])
def test_ffn_rating_scale(rating: str, ffn: str, problem: bool) -> None:
    posting = prepare_posting(_document(rating=rating), "ffn")
    assert posting.work_box("rating").text == ffn
    assert _fields(posting) == (["Rating"] if problem else [])
    assert set(FFN_RATINGS.values()) <= {"K", "K+", "T", "M"}


def test_wattpad_and_tumblr_have_no_limits_checked() -> None:
    huge = _document(title="t" * 1000, summary="s" * 5000, chapters=[ExportChapter("c" * 500, "w" * 600_000)])
    for site in ("wattpad", "tumblr"):
        assert prepare_posting(huge, site).problems == []
