"""Facts: article sentences, pronoun sentences, infobox lines; never a pasted fiction fragment (own text)."""

from __future__ import annotations

from ficdesk.canon import build_canon
from tests.canon.scoring import lookup

ARTICLE = (
    "Oriel Vantas\n- Weapon: Ember Lance\n- Affiliation: the Lantern Guild\n\n"
    "Oriel Vantas is a fictional character in the television series Skyward, played by Dana Kell. "
    "She carries a spear named Ember Lance, a gift from her mentor Toma Reiss. Oriel first appears in the pilot "
    "episode.\n\n"
    "Oriel smiled as she looked at Toma. Toma laughed and pulled her closer, whispering into her ear. "
    "Oriel grinned.\n\n"
    "Critics praised the character in 2019. Toma Reiss is played by Sam Ortega.\n"
)


def test_facts_come_from_the_article_not_from_a_pasted_scene() -> None:
    index = lookup(build_canon(ARTICLE))
    oriel = [fact.text for fact in index["oriel vantas"].facts]
    assert any("Ember Lance" in text and text.startswith("She carries") for text in oriel)  # a pronoun sentence
    assert any("Weapon: Ember Lance" in text for text in oriel)  # an infobox line, however short
    assert not any("smiled" in text or "grinned" in text for text in oriel)
    toma = [fact.text for fact in index["toma reiss"].facts]
    assert any("Sam Ortega" in text for text in toma)
    assert not any("laughed" in text for text in toma)


def test_fact_offsets_index_the_text() -> None:
    for entity in build_canon(ARTICLE):
        for fact in entity.facts:
            assert ARTICLE[fact.start:fact.end] == fact.text


def test_the_character_and_a_run_of_pronoun_sentences_are_about_the_subject() -> None:
    text = ("= Bren Harrow =\n\nBren Harrow\n- Series: Skyward Tactics\n- First game: Skyward Tactics (2001)\n"
            "- Designer: Mila Sorn\n- Weapon: Glass Bow\n\n"
            " is a character in Skyward Tactics by Lantern Games. Skyward Tactics was a hit, and Skyward Tactics "
            "II followed; critics still rank Skyward Tactics among the best games of its decade, and Skyward "
            "Tactics sold well in every market it reached over the following years.\n\n"
            "Bren Harrow is a hero of the Lantern Saga, voiced by Dana Kell. Bren Harrow returns in the sequel. "
            "He also appears in the Lantern Saga films. He usually carries the Glass Bow and a grey cloak.\n\n"
            "On the character's growth from sidekick to hero, Dana Kell has said that the role changed her life.\n")
    index = lookup(build_canon(text))
    bren = [fact.text for fact in index["bren harrow"].facts]
    assert any(text.startswith("He usually carries the Glass Bow") for text in bren)
    assert any("Weapon: Glass Bow" in text for text in bren)  # the title line names the subject
    assert any(text.startswith("On the character's growth") for text in bren)
