"""Other names the text gives: nicknames, "known as", infobox alias lines, acronyms, short forms (own text)."""

from __future__ import annotations

from ficdesk.canon import EntityType, build_canon
from tests.canon.scoring import lookup


def test_nicknames_and_known_as_join_their_owner() -> None:
    text = ("Oriel Vantas is the hero of the comic Skyward. Oriel Vantas, also known as the Lantern, guards the "
            "city. Mockingly nicknamed \"Wisp\" by his rival Toma Reiss, Oriel trains harder. Oriel beats "
            "Toma Reiss in the final. Toma Reiss, known as Red Fang, sulks. Wisp wins again.")
    index = lookup(build_canon(text))
    oriel = index["oriel vantas"]
    assert index["wisp"] is oriel and index["oriel"] is oriel
    assert index["red fang"] is index["toma reiss"]
    assert oriel.name == "Oriel Vantas"


def test_known_as_after_a_noun_names_the_thing_not_a_person() -> None:
    text = ("Oriel Vantas is the last of an ancient race known as the Velari. Oriel Vantas fights. "
            "The Velari built the towers. Oriel hides the Velari relics.")
    index = lookup(build_canon(text))
    assert index["velari"] is not index["oriel vantas"]


def test_infobox_alias_lines() -> None:
    text = ("Oriel Vantas\nAliases\n  • The Lantern\n  • Starborn\nOccupation: Guard\n\n"
            "Oriel Vantas is a guard in the city. Oriel meets Toma Reiss. Starborn is what the priests call him.")
    index = lookup(build_canon(text))
    assert index["starborn"] is index["oriel vantas"]
    assert index["toma reiss"] is not index["oriel vantas"]


def test_a_bracketed_acronym_joins_the_name() -> None:
    text = ("Oriel Vantas appears in the Skyward Comics Universe (SCU). The SCU grew quickly. "
            "Oriel Vantas leads the SCU cast. The SCU films made money.")
    index = lookup(build_canon(text))
    assert index["scu"] is index["skyward comics universe"]


def test_short_forms_of_a_given_name() -> None:
    text = ("Toshiko Sato is a computer expert. Toshiko works late. Toshiko fixes the Rift manipulator. "
            "Owen calls her Tosh. Tosh laughs. Marabel Quinn is a baker. Marabel bakes. Marabel sells bread.")
    index = lookup(build_canon(text))
    assert index["tosh"] is index["toshiko sato"]
    assert index["toshiko sato"].type is EntityType.CHARACTER
    assert index["owen"] is not index["toshiko sato"]
