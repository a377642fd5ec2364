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
