"""Spelling that fits the author: the document's own variety, fandom and informal words, apostrophes put back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ficdesk.checking import Checker, CheckerConfig
from ficdesk.checking.variety import VarietyCounter

AUTO = Checker(CheckerConfig(language="auto"))
GB = Checker(CheckerConfig(language="en-GB"))
ROOT = Path(__file__).resolve().parents[2]


def flagged(checker: Checker, text: str) -> list[str]:
    return [text[m.start:m.end] for m in checker.check(text) if m.rule == "spelling"]


def first_fix(checker: Checker, text: str, word: str) -> str:
    for match in checker.check(text):
        if text[match.start:match.end] == word:
            return match.replacements[0]
    raise AssertionError(f"{word!r} not flagged in {text!r}")


US_STORY = ("Her favorite sweater was gray, the color of the sky over the harbor.\n"
            "She apologized to her mom and went back to the center of town.")
GB_STORY = ("Her favourite jumper was grey, the colour of the sky over the harbour.\n"
            "She apologised to her mum and went back to the centre of town.")


def test_the_variety_is_judged_from_the_document_itself() -> None:
    assert AUTO.style_of(US_STORY).language == "en-US"
    assert AUTO.style_of(GB_STORY).language == "en-GB"
    assert AUTO.style_of("Nothing here says which.").language == "en-GB"  # the fallback
    assert flagged(AUTO, US_STORY) == []
    assert flagged(AUTO, GB_STORY) == []


def test_a_fixed_variety_still_flags_the_other_one() -> None:
    assert flagged(GB, US_STORY)[:2] == ["favorite", "color"]
    assert flagged(Checker(CheckerConfig(language="en-US")), GB_STORY)[:2] == ["favourite", "colour"]


def test_a_stray_spelling_of_the_other_variety_is_flagged() -> None:
    text = GB_STORY + "\nThe color drained from his face."
    assert flagged(AUTO, text) == ["color"]
    assert first_fix(AUTO, text, "color") == "colour"


def test_a_document_mixing_both_varieties_throughout_gets_neither_flagged() -> None:
    text = "The colour of the harbour.\nThe color of the center.\nHer favourite mum, his favorite mom."
    count = VarietyCounter().count(text)
    assert count.mixed
    assert flagged(AUTO, text) == []


@pytest.mark.parametrize("text", [
    "Hmm. Mhm. Ugh, uhh, ahh. Shh, he said.",
    "“Sooo tired,” she moaned. “Noooo.”",
    "He reblogged the fanart and left kudos on the fanfic.",
    "Sasuke-kun bowed to Kakashi-sensei and Hinata-sama.",
    "Her senpai smiled.",
    "Y'all gonna wanna see this, ma'am. I dunno, kinda sorta.",
    "He wasn't doin' nothin' at all.",
    "Find me at @quiet_writer or www.example.com and tag it #slowburn.",
    "Chapter xiv begins where part ii ended.",
    "The WHOLE TEAM was there at 9pm.",
    "It was a well-worn, hand-knitted jumper.",
    "The wizard's hat and the witches' brooms.",
])
def test_informal_and_fandom_prose_is_not_flagged(text: str) -> None:
    assert flagged(AUTO, text) == []


def test_a_missing_apostrophe_is_put_back_first_in_the_authors_style() -> None:
    assert first_fix(AUTO, "I know whats wrong.", "whats") == "what's"
    assert first_fix(AUTO, "Todays the day.", "Todays") == "Today's"
    assert first_fix(AUTO, "It’s late and thats that.", "thats") == "that’s"
    assert first_fix(AUTO, "We leave tonights train.", "tonights") == "tonight's"


def test_real_slips_are_still_caught() -> None:
    text = "He was definatly there, and she was dissapointed untill morning."
    assert flagged(AUTO, text) == ["definatly", "dissapointed", "untill"]
    assert first_fix(AUTO, "Definately not.", "Definately") == "Definitely"
    assert first_fix(AUTO, "She wanted it moreso than him.", "moreso") == "more so"


def test_a_name_starting_a_sentence_is_not_taken_for_a_slip() -> None:
    assert flagged(AUTO, "Morgana smiled. Mineta waved. Castiel left.") == []


def test_words_run_together_are_split_at_the_start_of_a_sentence_too() -> None:
    assert first_fix(AUTO, "Alot of people came.", "Alot") == "A lot"
    assert first_fix(AUTO, "It rained. Atleast it was warm.", "Atleast") == "At least"
    assert first_fix(AUTO, "Thankyou for reading!", "Thankyou") == "Thank you"
    # "Noone" is also a surname, and a capitalised word inside a sentence is a name
    assert flagged(AUTO, "Noone came. She met Mr Alot in town.") == []


def test_the_compact_checker_data_is_up_to_date() -> None:
    tool = ROOT / "packaging" / "tools" / "build_checker_data.py"
    result = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(("text", "wrong", "fix"), [
    ("I looked every where for it.", "every where", "everywhere"),
    ("Some how she knew.", "Some how", "Somehow"),
    ("He paced the hall way.", "hall way", "hallway"),
    ("The fire place crackled.", "fire place", "fireplace"),
    ("She said it to her self.", "her self", "herself"),
])
def test_a_compound_written_as_two_words(text: str, wrong: str, fix: str) -> None:
    found = [m for m in AUTO.check(text) if m.rule == "split-word"]
    assert [(text[m.start:m.end], m.replacements[0]) for m in found] == [(wrong, fix)]


@pytest.mark.parametrize("text", [
    "We need to work out a plan.", "It may be fine.", "Every day he gave in to it.", "No body was found.",
    "Any way you like.", "A green house stood there.", "The fire works now.", "A man kind to animals.",
    "He sent post cards home.", "Some time later she left.",
])
def test_two_words_that_are_right_as_two_stay_clean(text: str) -> None:
    assert [m for m in AUTO.check(text) if m.rule == "split-word"] == []
