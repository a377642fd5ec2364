"""Issue 15's acceptance journey in the real app process, ended by SIGKILL, then a restart.

New project -> story with metadata -> two chapters typed through key events -> a mistake typed,
underlined by the real checker and fixed from the context menu -> canon imported and looked up with
follow cursor -> a template inserted -> export to text (checked line by line) -> SIGKILL -> restart:
the words typed a second before the kill are there and the same chapter is open.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ficdesk.text.counting import count_words
from tests.ui import journey_child as child

CHILD = Path(child.__file__)
#: The autosave interval (1 s by default) plus slack on a loaded machine: "a second before the kill".
AFTER_TYPING_S = 1.5


def _journal(workdir: Path) -> list[str]:
    path = workdir / "journal.log"
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def _run_until(proc: subprocess.Popen[bytes], workdir: Path, marker: str, timeout_s: float) -> list[str]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        lines = _journal(workdir)
        failed = [line for line in lines if line.startswith("FAIL")]
        assert not failed, failed[0].replace(" | ", "\n")
        if any(line.startswith(marker) for line in lines):
            return lines
        assert proc.poll() is None, f"the app exited with {proc.returncode}; journal: {lines[-3:]}"
        time.sleep(0.05)
    raise AssertionError(f"the app did not reach {marker} in {timeout_s} s; journal: {_journal(workdir)[-3:]}")


@pytest.mark.slow
def test_the_whole_author_path_survives_a_sigkill(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'journey.sqlite3'}"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FICDESK_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.Popen([sys.executable, str(CHILD), "journey", url, str(tmp_path)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        lines = _run_until(proc, tmp_path, "TYPED", 240)
        time.sleep(AFTER_TYPING_S)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    steps = [line.split()[1] for line in lines if line.startswith("STEP")]
    assert steps == ["start", "story", "metadata", "typed", "fixed", "canon", "template", "exported"]
    chapter_id = int(next(line.split()[1] for line in lines if line.startswith("CHAPTER")))

    # The export, line by line.
    inserted = (tmp_path / "inserted.txt").read_text(encoding="utf-8")
    assert inserted.startswith("I don't own Coastal Tales or any of its characters")  # the story's fandom
    words = count_words(child.FIRST) + count_words(child.SECOND_FIXED + "\n" + inserted)
    assert (tmp_path / "export.txt").read_text(encoding="utf-8").splitlines() == [
        f"Title: {child.STORY}",
        "Author: Wren Tallis",
        "Fandom: Coastal Tales",
        "Rating: General Audiences",
        f"Word Count: {words}",
        "Summary: One night at the northern light.",
        "",
        "Chapter 1",
        "",
        child.FIRST,
        "",
        "Chapter 2",
        "",
        child.SECOND_FIXED,
        inserted,
    ]

    # Restart the way `ficdesk` starts: the same chapter, with the words typed just before the kill.
    restart = subprocess.run([sys.executable, str(CHILD), "restart", url, str(tmp_path)], env=env,
                             capture_output=True, timeout=120, check=False)
    assert restart.returncode == 0, restart.stderr.decode(errors="replace")[-2000:]
    reopened = json.loads((tmp_path / "restart.json").read_text(encoding="utf-8"))
    assert reopened["chapter_id"] == chapter_id
    assert reopened["text"] == child.SECOND_FIXED + "\n" + inserted + child.FINAL
    assert reopened["title"] == f"Chapter 2 · {child.STORY} — FicDesk"
