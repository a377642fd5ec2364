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


def test_a_married_name_joins_the_maiden_name_when_the_text_speaks_of_marriage() -> None:
    text = ("Edwin Carrow is a ship's surgeon. Edwin Carrow meets Lydia Fenwick in the first novel, and Lydia "
            "Fenwick becomes his wife. Later Edwin lives with Lydia Carrow in the harbour town. Lydia writes "
            "letters. Tom Fenwick, her brother, disapproves.")
    index = lookup(build_canon(text))
    assert index["lydia carrow"] is index["lydia fenwick"]
    assert index["tom fenwick"] is not index["lydia fenwick"]
    assert index["edwin carrow"] is not index["lydia fenwick"]


def test_two_people_sharing_a_given_name_stay_apart_without_marriage() -> None:
    text = ("Jory Hale is a pilot. Jory Hale flies for the navy. The article compares him with Jory Brandt of "
            "another show. Jory Brandt is a soldier. Anna Hale is his sister.")
    index = lookup(build_canon(text))
    assert index["jory brandt"] is not index["jory hale"]


def test_romanised_spellings_a_letter_apart_are_one_person() -> None:
    text = ("Minako Saitou is a student. Minako Saitou trains every day, and Minako Saitou wins the cup. "
            "Her friend calls her Minaco Saitou in the dub.")
    index = lookup(build_canon(text))
    assert index["minaco saitou"] is index["minako saitou"]


def test_an_organisation_named_without_its_middle_words() -> None:
    text = ("Kael Dorn works for the Vantor Deep Mining Company. The Vantor Deep Mining Company owns the valley. "
            "Kael Dorn leaves the Vantor Company after a year.")
    index = lookup(build_canon(text))
    assert index["vantor company"] is index["vantor deep mining company"]


def test_an_ordinary_word_that_is_a_whole_item_of_a_nickname_line() -> None:
    text = ("Oriel Vantas\nNicknameLantern (by Toma)\nSparrow (by his mother)\nBoy of Ash (by the priests)\n\n"
            "Oriel Vantas is a guard in the city. Oriel meets Toma Reiss, who calls him Sparrow. The Boy of Ash "
            "legend is old.")
    index = lookup(build_canon(text))
    assert index["sparrow"] is index["oriel vantas"]
    assert index.get("ash") is not index["oriel vantas"]


def test_the_name_someone_goes_by_in_a_role() -> None:
    text = ("Oriel Vantas is the hero of the comic Skyward. Oriel Vantas loses his memory, and for a year "
            "Oriel is a fisherman named Tolan. Tolan mends nets. A dog named Fenrik follows Oriel Vantas.")
    index = lookup(build_canon(text))
    assert index["tolan"] is index["oriel vantas"]
    assert index["fenrik"] is not index["oriel vantas"]


def test_a_one_word_main_title_before_a_subtitle() -> None:
    text = ("Oriel Vantas also appears in the fighting game Brawlheim: Iron Rings (1999). In Brawlheim, "
            "Oriel Vantas fights with a spear; Brawlheim was released in arcades.")
    index = lookup(build_canon(text))
    assert index["brawlheim"] is index["brawlheim: iron rings"]
