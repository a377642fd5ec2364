"""Sentence splitting, tokens and the repair of glued words."""

from __future__ import annotations

import pytest

from ficdesk.canon.segment import split_sentences, tokenize


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentences_respect_abbreviations_and_initials() -> None:
    text = "Mr. Hall met Michael C. Hall in St. Albans. He left, e.g. by train. Then? Yes!\nNew line"
    assert _sentences(text) == [
        "Mr. Hall met Michael C. Hall in St. Albans.", "He left, e.g. by train.", "Then?", "Yes!", "New line",
    ]


def test_tokens_strip_possessives_and_hyphen_tails() -> None:
    text = "Ianto's coat and the Ianto-centric script by David-Lloyd. Whedon 's show."
    tokens = tokenize(text, split_sentences(text))
    words = [t.text for t in tokens]
    assert "Ianto" in words and "Ianto's" not in words
    assert words.count("Ianto") == 2 and "David-Lloyd" in words
    whedon = next(t for t in tokens if t.text == "Whedon")
    assert whedon.possessive


@pytest.mark.parametrize(("text", "stem"), [
    ("They went to CERN in Genevaas part of the show.", "Geneva"),
    ("His grandson Steven Bear McCauslandand for that scene.", "McCausland"),
    ("Willow Alyson Hanniganand as being the event.", "Hannigan"),
    ("Owen met Tosh at the bar. Later Toshand Owen left.", "Tosh"),
])
def test_glued_function_words_are_split(text: str, stem: str) -> None:
    words = [t.text for t in tokenize(text, split_sentences(text))]
    assert stem in words
    assert not any(w.startswith(stem) and w != stem for w in words)


@pytest.mark.parametrize("text", [
    "Thomas and Douglas went to England as tourists.",
    "Ferdinand was king of Holland and Iceland.",
    "Andreas and Elias saw Nicholas in Texas once.",
])
def test_real_names_ending_in_function_words_stay_whole(text: str) -> None:
    words = {t.text for t in tokenize(text, split_sentences(text))}
    for name in ("Thomas", "Douglas", "England", "Ferdinand", "Holland", "Iceland", "Andreas", "Elias",
                 "Nicholas", "Texas"):
        if name in text:
            assert name in words
