"""``ficdesk export --format docx|epub`` and ``ficdesk post`` as subprocesses on a real SQLite file."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx

from ficdesk.formats import import_file
from ficdesk.store import open_store


def _database(tmp_path: Path, *, summary: str = "A short summary.") -> str:
    url = f"sqlite:///{tmp_path / 'ficdesk.sqlite3'}"
    store = open_store(url)
    try:
        project = store.projects.create("Posting")
        story = store.stories.create(
            project.id, "Paper Boats", author="someone", fandoms=["Harbour Tales"], relationships=["Mara/Jun"],
            characters=["Mara", "Jun"], rating="General Audiences", warnings=["No Archive Warnings Apply"],
            summary=summary, start_note="Additional Tags: Fluff", end_note="Thank you for reading.",
        )
        for number in (1, 2, 3):
            chapter = store.chapters.create(story.id, f"Tide {number}", f"Chapter {number} *begins* here.\n\nThe end.")
            store.chapters.set_notes(chapter.id, start_note=f"Summary: Part {number}.\n\nNote {number}.",
                                     end_note="")
    finally:
        store.close()
    return url


def _ficdesk(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ficdesk", *argv], capture_output=True, text=True, timeout=120,
                          check=False)


def test_export_docx_and_epub_to_files(tmp_path: Path) -> None:
    url = _database(tmp_path)
    for fmt in ("docx", "epub"):
        out = tmp_path / f"story.{fmt}"
        result = _ficdesk("--database", url, "export", "Paper Boats", "--format", fmt, "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"exported 'Paper Boats' to {out}\n"
        assert zipfile.is_zipfile(out)
    imported = import_file(tmp_path / "story.docx")
    assert [c.title for c in imported.chapters] == ["Tide 1", "Tide 2", "Tide 3"]
    assert imported.chapters[0].text == "Chapter 1 *begins* here.\n\nThe end."
    names = zipfile.ZipFile(tmp_path / "story.epub").namelist()
    assert names[0] == "mimetype" and {"EPUB/chapter-001.xhtml", "EPUB/chapter-003.xhtml"} <= set(names)


def test_post_ao3_writes_a_file_per_chapter_and_metadata(tmp_path: Path) -> None:
    url = _database(tmp_path)
    out = tmp_path / "ao3"
    result = _ficdesk("--database", url, "post", "Paper Boats", "--site", "ao3", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["chapter-01.html", "chapter-02.html", "chapter-03.html",
                                                     "metadata.json"]
    assert (out / "chapter-02.html").read_text(encoding="utf-8") == \
        "<p>Chapter 2 <em>begins</em> here.</p>\n<p>The end.</p>\n"
    metadata = json.loads((out / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["work"]["fandoms"] == ["Harbour Tales"] and metadata["work"]["additional_tags"] == ["Fluff"]
    assert metadata["work"]["rating"] == "General Audiences"
    assert metadata["chapters"][2] == {"number": 3, "file": "chapter-03.html", "chapter_title": "Tide 3",
                                       "summary": "<p>Part 3.</p>", "start_notes": "<p>Note 3.</p>", "end_notes": ""}
    assert metadata["problems"] == []


def test_post_one_chapter_for_ffn_as_docx(tmp_path: Path) -> None:
    url = _database(tmp_path)
    out = tmp_path / "ffn"
    result = _ficdesk("--database", url, "post", "Paper Boats", "--site", "ffn", "--chapter", "2", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["chapter-02.docx", "metadata.json"]
    paragraphs = [p.text for p in docx.Document(io.BytesIO((out / "chapter-02.docx").read_bytes())).paragraphs]
    assert paragraphs == ["A/N: Summary: Part 2.\nNote 2.", "Chapter 2 begins here.", "The end."]
    assert json.loads((out / "metadata.json").read_text(encoding="utf-8"))["work"]["rating"] == "K+"


def test_post_reports_every_limit_exceeded_and_exits_1(tmp_path: Path) -> None:
    url = _database(tmp_path, summary="s" * 1300)
    result = _ficdesk("--database", url, "post", "1", "--site", "ao3", "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["ficdesk: AO3 limit: Summary: 1,307 characters, the limit is 1,250"]
    ffn = _ficdesk("--database", url, "post", "1", "--site", "ffn", "-o", str(tmp_path / "ffn"))
    assert ffn.returncode == 1 and ffn.stderr.splitlines() == [
        "ficdesk: FanFiction.Net limit: Summary: 1,300 characters, the limit is 384 (limit unverified)"]
    assert json.loads((tmp_path / "out" / "metadata.json").read_text(encoding="utf-8"))["problems"][0]["field"] \
        == "Summary"


def test_post_mistakes_are_one_line_and_exit_2(tmp_path: Path) -> None:
    url = _database(tmp_path)
    missing = _ficdesk("--database", url, "post", "Paper Boats", "--site", "ao3", "--chapter", "9", "-o",
                       str(tmp_path / "x"))
    assert missing.returncode == 2 and missing.stderr == \
        "ficdesk: error: there is no chapter 9; the story has 3 chapter(s)\n"
    file = tmp_path / "a-file"
    file.write_text("keep", encoding="utf-8")
    not_folder = _ficdesk("--database", url, "post", "Paper Boats", "--site", "ao3", "-o", str(file))
    assert not_folder.returncode == 2 and "not a folder" in not_folder.stderr
    assert file.read_text(encoding="utf-8") == "keep"
    bad_site = _ficdesk("--database", url, "post", "Paper Boats", "--site", "myspace", "-o", str(tmp_path / "y"))
    assert bad_site.returncode == 2 and len(bad_site.stderr.splitlines()) == 1
