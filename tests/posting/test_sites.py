"""What goes into each box of each site's form."""

from __future__ import annotations

from ficdesk.formats import ExportChapter, ExportDocument
from ficdesk.posting.sites import SITES, prepare_posting, split_additional_tags, split_chapter_summary
from tests.formats.test_export import AO3_ALLOWED
from tests.html_tags import TagCollector

HOSTILE = "x\x00\x1b[1m\x7f\u202e\u2066y"

DOCUMENT = ExportDocument(
    title="Tea & <Rifts>", author="someone", fandoms=["Fandom A", "Fandom B"], relationships=["A/B"],
    characters=["A", "B"], rating="Mature", warnings=["No Archive Warnings Apply"], summary="They *meet*.",
    disclaimer="Not mine.", start_note="Thanks to my beta.\n\nAdditional Tags: Fluff, Slow Burn",
    end_note="Comments welcome.",
    chapters=[
        ExportChapter("Arrival", f"She *ran*.\nThen **stopped** & <b>waited</b> {HOSTILE}.\n\n* * *\n\nLater.",
                      start_note="Summary: The first day.\n\nWritten for a prompt.", end_note="More soon."),
        ExportChapter("", "Second chapter.", start_note="Just notes."),
    ],
)


def test_ao3_boxes_are_ao3_html_with_only_allowed_tags() -> None:
    posting = prepare_posting(DOCUMENT, "ao3")
    first = posting.chapters[0]
    assert first.text.text == ("<p>She <em>ran</em>.<br />Then <strong>stopped</strong> &amp; "
                               "&lt;b&gt;waited&lt;/b&gt; x[1my.</p>\n<hr />\n<p>Later.</p>")
    parser = TagCollector()
    for box in [*posting.work, *(b for c in posting.chapters for b in c.boxes)]:
        if box.key in ("text", "summary", "notes", "start_notes", "end_notes"):  # the HTML fields
            parser.feed(box.text)
        assert not [c for c in box.text if (ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F
                    or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069]
    assert parser.tags <= {"p", "br", "hr", "em", "strong"} <= AO3_ALLOWED
    assert parser.attributes == []
    assert first.summary.text == "<p>The first day.</p>"
    assert first.start_notes.text == "<p>Written for a prompt.</p>"
    assert first.end_notes.text == "<p>More soon.</p>"
    assert first.title.text == "Arrival"
    assert posting.chapters[1].summary.text == "" and posting.chapters[1].start_notes.text == "<p>Just notes.</p>"


def test_ao3_work_fields_are_ao3s_form() -> None:
    posting = prepare_posting(DOCUMENT, "ao3")
    fields = {box.key: box for box in posting.work}
    assert list(fields) == ["title", "rating", "warnings", "fandoms", "relationships", "characters",
                            "additional_tags", "summary", "notes", "end_notes"]
    assert fields["title"].text == "Tea & <Rifts>"  # a plain-text field: AO3 escapes it itself
    assert fields["rating"].text == "Mature"
    assert fields["fandoms"].values == ("Fandom A", "Fandom B")
    assert fields["additional_tags"].values == ("Fluff", "Slow Burn")
    assert fields["summary"].text == "<p>They <em>meet</em>.</p>"
    assert fields["notes"].text == "<p>Disclaimer: Not mine.</p>\n<p>Thanks to my beta.</p>"  # tags line taken out
    assert posting.problems == []


def test_ao3_problems_point_at_missing_or_unknown_fields() -> None:
    document = ExportDocument(title="T", chapters=[ExportChapter("", "Text.")], warnings=["Angst"])
    fields = sorted(str(p) for p in prepare_posting(document, "ao3").problems)
    assert fields == ["Archive Warnings: 'Angst' is not one of AO3's archive warnings; put it in Additional Tags",
                      "Fandoms: AO3 needs at least one fandom"]


def test_plain_text_sites_get_formatted_plain_text() -> None:
    for site in ("wattpad", "tumblr", "ffn"):
        posting = prepare_posting(DOCUMENT, site)
        text = posting.chapters[0].text.text
        assert text == "She ran.\nThen stopped & <b>waited</b> x[1my.\n\n* * *\n\nLater."
        assert posting.chapters[0].summary.text == "The first day."
        assert posting.work_box("summary").text == "They meet."
    assert prepare_posting(DOCUMENT, "ffn").work_box("rating").text == "M"
    assert set(SITES) == {"ao3", "ffn", "wattpad", "tumblr"}


def test_summary_and_tag_lines_are_split_out_of_notes() -> None:
    assert split_chapter_summary("Summary: One.\n\nNotes here.") == ("One.", "Notes here.")
    assert split_chapter_summary("Chapter summary: Two.") == ("Two.", "")
    assert split_chapter_summary("No summary: here, just notes.") == ("", "No summary: here, just notes.")
    assert split_additional_tags("Hi.\nTags: a, b\n\nBye.") == (["a", "b"], "Hi.\n\nBye.")
    assert split_additional_tags("Nothing.") == ([], "Nothing.")
