"""``ficdesk canon``: the command-line contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ficdesk.cli import main
from ficdesk.store import open_store
from tests.conftest import SEEDS

SEED_002 = SEEDS / "002_82af6f4747969ed5.txt"


def test_extract_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["canon", "extract", str(SEED_002), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    entities = data["entities"]
    assert entities[0]["name"] == "Ianto Jones"
    assert set(entities[0]) == {"name", "type", "aliases", "mentioned", "facts"}
    fact = entities[0]["facts"][0]
    assert set(fact) == {"text", "start", "end"}
    text = SEED_002.read_text(encoding="utf-8")
    assert text[fact["start"]:fact["end"]] == fact["text"]
    jack = next(e for e in entities if e["name"] == "Jack Harkness")
    assert "Captain Jack Harkness" in jack["aliases"]


def test_extract_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["canon", "extract", str(SEED_002)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("Ianto Jones [character] (also: Ianto, Jones)")


def test_import_search_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    store = open_store(url)
    store.projects.create("Torchwood")
    store.close()
    assert main(["--database", url, "canon", "import", str(SEED_002), "--project", "Torchwood"]) == 0
    assert "imported 002_82af6f4747969ed5.txt into 'Torchwood'" in capsys.readouterr().out
    assert main(["--database", url, "canon", "search", "Ianot"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Ianto Jones [character]"
    assert main(["--database", url, "canon", "show", "captain jack"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("Jack Harkness [character]\nalso: Captain Jack Harkness")
    assert "  - Jack attempts to return to the land of the living" in shown
    assert "Jack screamed" not in shown  # a fan-fiction fragment inside the article is not a fact
    assert main(["--database", url, "canon", "search", "qqqzzz"]) == 1
    assert main(["--database", url, "canon", "show", "qqqzzz"]) == 1


def test_bad_input_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "picture.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["canon", "extract", str(binary)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "PNG image" in error
    assert main(["canon", "extract", str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    assert main(["--database", url, "project", "list"]) == 2  # read-only: no database is created
    capsys.readouterr()
    open_store(url).close()
    assert main(["--database", url, "canon", "search", "x"]) == 2
    assert "no project yet" in capsys.readouterr().err
