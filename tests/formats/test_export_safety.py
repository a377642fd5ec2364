"""Export writes (issue 13, items 16-19): through links, never over devices, umask, clean text, closed stdout."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ficdesk.formats import ExportChapter, ExportDocument, ExportOptions, parse_text, render_document
from ficdesk.store import open_store

HOSTILE = "A\x00B\x1b[31mC\x7fD\x85E\u202eF\u2066G\u2069H\ufffeI\x0cJ"
EXPECTED_CLEAN = "ABCDEFGHIJ".replace("C", "[31mC")  # ESC is dropped; its harmless tail "[31m" is plain text


def _database(tmp_path: Path, title: str = "Plain Title", body: str = "One line of text.") -> str:
    url = f"sqlite:///{tmp_path / 'ficdesk.sqlite3'}"
    store = open_store(url)
    try:
        project = store.projects.create("Exports")
        story = store.stories.create(project.id, title, author="someone")
        store.chapters.create(story.id, "First", body)
    finally:
        store.close()
    return url


def _ficdesk(*argv: str, preexec: Callable[[], None] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "ficdesk", *argv], capture_output=True, preexec_fn=preexec,
                          timeout=60, check=False)


def test_export_onto_a_symlink_writes_through_to_its_target(tmp_path: Path) -> None:
    url = _database(tmp_path)
    target = tmp_path / "real" / "story.html"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(target)
    old_inode = target.stat().st_ino
    result = _ficdesk("--database", url, "export", "Plain Title", "--format", "html", "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "One line of text." in target.read_text(encoding="utf-8")
    assert target.stat().st_ino != old_inode  # replaced as a whole (rename), not rewritten in place
    assert sorted(p.name for p in target.parent.iterdir()) == ["story.html"]  # no temporary file left


def test_export_refuses_a_fifo_and_leaves_it_a_fifo(tmp_path: Path) -> None:
    url = _database(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = _ficdesk("--database", url, "export", "Plain Title", "-o", str(fifo))
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and "not a regular file" in result.stderr.decode()
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ficdesk.sqlite3", "pipe"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="making a device node needs root")
def test_export_refuses_a_device_node(tmp_path: Path) -> None:
    url = _database(tmp_path)
    device = tmp_path / "full"  # a private /dev/full: character device 1,7
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    link = tmp_path / "link-to-full"
    link.symlink_to(device)
    for path in (device, link):
        result = _ficdesk("--database", url, "export", "Plain Title", "-o", str(path))
        assert result.returncode == 2 and b"not a regular file" in result.stderr
        assert stat.S_ISCHR(device.lstat().st_mode)
    assert link.is_symlink()


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_export_honours_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    url = _database(tmp_path)
    out = tmp_path / "story.txt"
    result = _ficdesk("--database", url, "export", "Plain Title", "-o", str(out), preexec=lambda: _umask(umask))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == mode


def test_replacing_an_export_keeps_the_files_mode(tmp_path: Path) -> None:
    url = _database(tmp_path)
    out = tmp_path / "story.txt"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    result = _ficdesk("--database", url, "export", "Plain Title", "-o", str(out))
    assert result.returncode == 0 and stat.S_IMODE(out.stat().st_mode) == 0o640
    assert "One line of text." in out.read_text(encoding="utf-8")


def _umask(mask: int) -> None:
    os.umask(mask)


def _forbidden_in_html(char: str) -> bool:
    """Code points HTML's parser reports (controls, noncharacters, surrogates) or that reorder text (bidi)."""
    code = ord(char)
    if char in "\n\t":
        return False
    return (code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or 0xFDD0 <= code <= 0xFDEF
            or (code & 0xFFFE) == 0xFFFE or 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069)


@pytest.mark.parametrize("fmt", ["html", "md", "txt"])
def test_control_and_bidi_characters_never_reach_an_export(fmt: str) -> None:
    document = ExportDocument(
        title=f"Title {HOSTILE}", author=HOSTILE, fandoms=[HOSTILE], summary=HOSTILE, start_note=HOSTILE,
        chapters=[ExportChapter(f"Chapter {HOSTILE}", f"Text {HOSTILE} *and {HOSTILE}* **b{HOSTILE}**.",
                                start_note=HOSTILE, end_note=HOSTILE)],
    )
    out = render_document(document, fmt, ExportOptions())
    assert [hex(ord(c)) for c in out if _forbidden_in_html(c)] == []
    assert EXPECTED_CLEAN in out.replace("\\", "")  # the visible text is all still there


def test_titles_with_escape_sequences_are_not_printed_raw(tmp_path: Path) -> None:
    title = "Evil\x1b]0;pwned\x07\x1b[2J\u202eTitle"
    url = _database(tmp_path, title=title)
    out = tmp_path / "story.txt"
    result = _ficdesk("--database", url, "export", "1", "-o", str(out))
    assert result.returncode == 0, result.stderr
    printed = result.stdout.decode()
    assert "\x1b" not in printed and "\x07" not in printed and "\u202e" not in printed
    assert "Evil\\x1b]0;pwned\\x07\\x1b[2J\\u202eTitle" in printed
    draft = tmp_path / "draft.txt"
    draft.write_text(f"Title: {title}\n\nSome story text here.\n", encoding="utf-8")
    for extra in ([], ["--dry-run"]):
        result = _ficdesk("--database", url, "import", str(draft), *extra)
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout.decode() and "\\x1b" in result.stdout.decode()
    missing = _ficdesk("--database", url, "export", "No\x1b[2JSuch")
    assert missing.returncode == 2 and b"\x1b" not in missing.stderr


def test_markdown_escapes_ampersands_and_indented_paragraphs() -> None:
    body = "Type &amp; to get &, and &lt; for <.\n\n    An indented paragraph, not code.\n\n\tTabbed too."
    document = ExportDocument(title="Amp & Co", chapters=[ExportChapter("", body)])
    markdown = render_document(document, "md", ExportOptions())
    assert "\\&amp;" in markdown and "\\&lt;" in markdown
    assert not [line for line in markdown.splitlines() if line.startswith(("    ", "\t"))]
    back = parse_text(markdown, source_format="md")
    assert back.title == "Amp & Co"
    assert back.chapters[0].text == "Type &amp; to get &, and &lt; for <.\n\nAn indented paragraph, not code.\n\n" \
                                    "Tabbed too."


def test_export_with_standard_output_closed_exits_cleanly(tmp_path: Path) -> None:
    url = _database(tmp_path)
    out = tmp_path / "story.txt"
    written = _ficdesk("--database", url, "export", "Plain Title", "-o", str(out), preexec=lambda: os.close(1))
    assert written.returncode == 0 and b"Traceback" not in written.stderr
    assert "One line of text." in out.read_text(encoding="utf-8")
    to_stdout = _ficdesk("--database", url, "export", "Plain Title", preexec=lambda: os.close(1))
    assert to_stdout.returncode == 2
    assert to_stdout.stderr.decode().splitlines() == [
        "ficdesk: error: standard output is closed; write to a file with -o PATH"]


def test_a_dangling_link_creates_its_target_and_a_folder_is_refused(tmp_path: Path) -> None:
    url = _database(tmp_path)
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "new.txt")
    result = _ficdesk("--database", url, "export", "Plain Title", "-o", str(link))
    assert result.returncode == 0 and link.is_symlink()
    assert "One line of text." in (tmp_path / "new.txt").read_text(encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    refused = _ficdesk("--database", url, "export", "Plain Title", "-o", str(folder))
    assert refused.returncode == 2 and b"it is a folder" in refused.stderr and list(folder.iterdir()) == []
