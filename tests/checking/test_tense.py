"""The narrative tense: judged over the whole document, and the tense rule that uses it."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from ficdesk.checking import Checker, CheckerConfig, Match
from ficdesk.checking.project import ProjectChecker
from ficdesk.checking.tense import PAST, PRESENT, TenseCount, count_tense

DATA = Path(__file__).parent / "data"
PAST_STORY = (DATA / "tense-past.txt").read_text(encoding="utf-8")
PRESENT_STORY = (DATA / "tense-present.txt").read_text(encoding="utf-8")
CLEAN = [DATA / "tense-past.txt", DATA / "tense-present.txt", DATA / "clean-fic.txt",
         Path(__file__).parents[1] / "data" / "checking" / "clean_dialogue.txt"]


@cache
def _checker() -> Checker:
    return Checker(CheckerConfig(language="en-GB"))


def _tense_findings(matches: list[Match], text: str) -> list[str]:
    return [text[match.start:match.end] for match in matches if match.rule == "tense-shift"]


def test_the_document_tense_comes_from_its_narration() -> None:
    assert _checker().style_of(PAST_STORY).tense == PAST
    assert _checker().style_of(PRESENT_STORY).tense == PRESENT
    assert _checker().style_of("She walked in. He is here.").tense == ""  # too little evidence


def test_dialogue_and_italic_thoughts_are_no_evidence() -> None:
    assert count_tense('"He runs and she is fast," Ash said. *She is lying.*') == TenseCount(1, 0, 1)


def test_a_tense_mixed_throughout_decides_nothing() -> None:
    mixed = "\n".join(["She walked to the door and she opened it. He is tired and he sits down."] * 8)
    assert _checker().style_of(mixed).tense == ""


@pytest.mark.parametrize("path", CLEAN, ids=lambda path: path.name)
def test_correct_prose_stays_clean(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _tense_findings(_checker().check(text), text) == []


def test_a_slip_is_flagged_in_either_direction() -> None:
    past = PAST_STORY + "\nJonah opened the window and sees the hills. The air smelled of rain.\n"
    found = [match for match in _checker().check(past) if match.rule == "tense-shift"]
    assert [(past[match.start:match.end], match.replacements) for match in found] == [("sees", ("saw",))]
    present = PRESENT_STORY + "\nAnsel opens the window and stared at the hills. The air smells of rain.\n"
    assert _tense_findings(_checker().check(present), present) == ["stared"]


def test_the_incremental_document_re_checks_everything_when_the_tense_flips() -> None:
    slip = "\nShe opens the box and lifted the key out. Then she closes it again.\n"
    document = _checker().document()
    text = PAST_STORY + slip
    assert document.update(text) == _checker().check(text)
    assert document.style.tense == PAST
    assert _tense_findings(document.update(text), text) == ["opens"]
    flipped = PRESENT_STORY + slip  # one edit replaces the story: now "lifted" is the slip
    assert document.update(flipped) == _checker().check(flipped)
    assert document.style.tense == PRESENT
    assert _tense_findings(document.update(flipped), flipped) == ["lifted"]


def test_the_project_checker_judges_the_tense_from_every_paragraph() -> None:
    checker = ProjectChecker()
    assert checker.style(PRESENT_STORY.splitlines()).tense == PRESENT
    assert checker.style(PAST_STORY.splitlines()[:3]).tense == ""


def test_small_edits_that_shift_the_balance_keep_the_document_equal_to_a_full_check() -> None:
    lines = PAST_STORY.splitlines(keepends=True)
    slip = "She opens the box and lifted the key out.\n"
    present = "".join(PRESENT_STORY.splitlines(keepends=True)[:12])
    document = _checker().document()
    tenses = set()
    for cut in range(0, len(lines) + 1, 6):  # the past narration shrinks until the present story wins
        text = "".join(lines[cut:]) + slip + present
        assert document.update(text) == _checker().check(text)
        tenses.add(document.style.tense)
    assert {PAST, PRESENT} <= tenses
