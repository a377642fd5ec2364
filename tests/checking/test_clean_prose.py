"""Correct fic prose written for FicDesk (present and past narration, dialogue, names) raises no grammar finding.

It guards the tag-based rules against false alarms on ordinary sentences that look like their errors:
"he stood there waiting", "they're lemon", "each of the rooms has", "James and his sister Lucas had".
"""

from __future__ import annotations

from pathlib import Path

from ficdesk.checking import Category, Checker, CheckerConfig

CLEAN = Path(__file__).resolve().parent / "data" / "clean-fic.txt"


def test_clean_prose_has_no_grammar_findings() -> None:
    text = CLEAN.read_text(encoding="utf-8")
    assert len(text.split()) >= 2500
    checker = Checker(CheckerConfig(language="en-GB"))
    found = [(text[m.start:m.end], m.rule) for m in checker.check(text) if m.category is not Category.SPELLING]
    assert found == []
