"""``ficdesk check``: output formats, exit codes and offsets into the file's text as stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ficdesk.canon
from ficdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_offsets_index_the_text_as_stored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = "Title 😀\r\n\r\n“Thank you,” he said. “Your welcome.”\r\nHe waited for a hour.\r\n"
    path = tmp_path / "story.txt"
    path.write_bytes(raw.encode("utf-8"))
    code, out, _err = run(capsys, str(path), "--format", "json")
    assert code == 1
    matches = json.loads(out)["matches"]
    assert [raw[m["start"]:m["end"]] for m in matches] == ["Your", "a"]
    assert [m["replacements"][0] for m in matches] == ["You're", "an"]
    assert {m["category"] for m in matches} == {"grammar"}
    assert set(matches[0]) == {"start", "end", "rule", "category", "message", "replacements"}


def test_text_format_names_line_and_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Fine first line.\nShe waited for a hour.\n", encoding="utf-8")
    code, out, _err = run(capsys, str(path))
    assert code == 1
    assert out.splitlines() == [f"{path}:2:16: a-an: Use “an” before a vowel sound: “an hour”. (an)"]


def test_clean_file_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "clean.txt"
    path.write_text("He's come home, and the boys' room is tidy for once.\n", encoding="utf-8")
    assert run(capsys, str(path)) == (0, "", "")
    assert run(capsys, str(path), "--format", "json") == (0, '{\n  "matches": []\n}\n', "")


def test_language_variety(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "colour.txt"
    path.write_text("The colour of the sea.\n", encoding="utf-8")
    assert run(capsys, str(path), "--lang", "en-GB")[0] == 0
    code, out, _err = run(capsys, str(path), "--lang", "en-US", "--format", "json")
    assert code == 1
    assert json.loads(out)["matches"][0]["replacements"][0] == "color"


@pytest.mark.parametrize(("content", "options", "needle"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", (), "binary"),
    (b"Caf\xe9 au lait, he said, \xff\xfe nothing more.", ("--encoding", "utf-8"), "not valid utf-8"),
    (b"The cafe.", ("--encoding", "no-such-codec"), "not a text encoding"),
])
def test_unusable_files_give_one_line_and_exit_two(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   content: bytes, options: tuple[str, ...], needle: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = run(capsys, str(path), *options)
    assert (code, out) == (2, "")
    assert needle in err and len(err.strip().splitlines()) == 1


def test_a_guessed_encoding_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("The café was quiet that morning.\n".encode("cp1252"))
    code, _out, err = run(capsys, str(path))
    assert code in (0, 1)
    assert "guessed as cp1252" in err and "--encoding" in err and len(err.strip().splitlines()) == 1


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(tmp_path / "nope.txt"))
    assert (code, out) == (2, "")
    assert err.strip() == f"ficdesk: error: cannot check '{tmp_path / 'nope.txt'}': there is no such file"


def test_canon_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wiki = tmp_path / "wiki.txt"
    wiki.write_text("Ianto Jones is a fictional character in Torchwood. Ianto works with Jack Harkness.\n",
                    encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Ianot smiled.\n", encoding="utf-8")
    code, out, err = run(capsys, str(story), "--canon", str(wiki), "--format", "json")
    if not hasattr(ficdesk.canon, "build_canon"):
        assert code == 2 and "canon builder is unavailable" in err
    else:
        assert code == 1
        assert json.loads(out)["matches"][0]["replacements"][0] == "Ianto"
