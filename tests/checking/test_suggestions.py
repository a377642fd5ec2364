"""Spelling suggestions ranked by slip cost and word frequency (tests/data/checking/misspellings.tsv)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from ficdesk.checking import Checker, CheckerConfig
from ficdesk.checking.frequency import RARE, Frequencies, frequencies
from ficdesk.checking.lexicon import lexicon
from ficdesk.checking.spelling_suggest import (
    FIRST_LETTER,
    OTHER_LETTER,
    SWAP,
    VOWEL_FOR_VOWEL,
    VOWEL_GAP,
    slip_cost,
    sound_key,
    suggest,
)
from ficdesk.resources import resource_path

MISSPELLINGS = Path(__file__).resolve().parents[1] / "data" / "checking" / "misspellings.tsv"
GB = lexicon("en-GB")


def load_misspellings() -> list[tuple[str, str]]:
    rows = []
    for line in MISSPELLINGS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            typo, meant = line.split("\t")
            rows.append((typo, meant))
    return rows


def test_the_common_misspellings_get_the_word_meant_first() -> None:
    rows = load_misspellings()
    assert len(rows) >= 100
    ranked = [(meant, suggest(typo, GB)) for typo, meant in rows]
    first = sum(found[:1] == [meant] for meant, found in ranked) / len(rows)
    top3 = sum(meant in found[:3] for meant, found in ranked) / len(rows)
    # Without frequencies (edit distance and a known-word tie-break) this list scored 0.852 / 0.914.
    assert first >= 0.92
    assert top3 >= 0.97


def test_frequency_beats_a_cheaper_but_rare_word() -> None:
    # "defiantly" is one swap away, "definitely" two cheap slips away but a hundred times more common.
    assert suggest("definatly", GB)[:2] == ["definitely", "defiantly"]
    assert suggest("dont", GB)[0] == "don't"
    assert suggest("Realy", GB)[0] == "Really"


def test_words_run_together_are_split_only_around_an_article_or_preposition() -> None:
    assert suggest("infront", GB)[0] == "in front"
    assert suggest("eachother", GB)[0] == "each other"
    assert all(" " not in found for found in suggest("carefull", GB))
    assert suggest("lightsaber", GB, near_only=True) == []


def test_near_only_keeps_the_spelling_rule_quiet_on_far_unknown_words() -> None:
    assert suggest("onesie", GB, near_only=True) == []
    assert suggest("onesie", GB)  # sound-alikes exist, they only rank
    checker = Checker(CheckerConfig(language="en-GB"))
    assert [m.rule for m in checker.check("She wore her onesie and a tardis hoodie.")] == []


def test_slip_costs() -> None:
    assert slip_cost("word", "word") == 0
    assert slip_cost("teh", "the") == SWAP
    assert slip_cost("seperate", "separate") == VOWEL_FOR_VOWEL
    assert slip_cost("untill", "until") < slip_cost("unril", "until")  # a doubled letter is cheaper than a typo
    assert slip_cost("tounge", "lounge") == OTHER_LETTER + FIRST_LETTER  # first letters are rarely wrong
    assert slip_cost("tounge", "tongue") == 2 * VOWEL_GAP  # a vowel moved: left out here, added there
    assert sound_key("tongue") == sound_key("tounge") == "tng"


def test_frequencies_load_the_bundled_file() -> None:
    shared = frequencies()
    assert shared is frequencies()
    assert len(shared) > 50_000
    assert shared.zipf("the") > 7 > shared.zipf("definitely") > shared.zipf("defiantly") > RARE
    assert shared.zipf("zzzqx") == RARE
    assert set(shared.common(7.0)) <= {"the", "a", "and", "of", "to", "in", "i", "is", "you", "that", "it", "for"}


def test_frequency_file_is_sorted_and_only_holds_lexicon_words() -> None:
    words = GB.lower | lexicon("en-US").lower
    previous = 100
    with gzip.open(resource_path("wordlists", "frequency-en.txt.gz"), "rt", encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    for line in lines:
        value, *listed = line.split()
        assert int(value) < previous and listed == sorted(listed)
        previous = int(value)
        assert set(listed) <= words
    assert previous >= 20  # the build keeps Zipf >= 2.0


@pytest.mark.parametrize("language", ["en-GB", "en-US"])
def test_suggestions_respect_the_variety(language: str) -> None:
    found = suggest("colr", lexicon(language))
    assert ("colour" if language == "en-GB" else "color") in found
    assert ("color" if language == "en-GB" else "colour") not in found


def test_frequencies_object_is_independent_of_the_shared_one() -> None:
    assert Frequencies().zipf("the") == frequencies().zipf("the")
