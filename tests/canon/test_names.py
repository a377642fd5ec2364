"""Which runs of capitalised words are names, and where they start and end (own text)."""

from __future__ import annotations

from ficdesk.canon import EntityType, build_canon
from tests.canon.scoring import lookup


def test_a_title_found_once_is_that_title_at_a_line_start() -> None:
    text = ("Dara Quill |\nFirst appearance |\nA Song for Velmar |\n\nDara Quill first appears in the novel "
            "A Song for Velmar (1901), and returns in later books.")
    index = lookup(build_canon(text))
    assert "a song for velmar" in index
    assert "velmar" not in index


def test_ordinary_words_capitalised_only_in_fields_are_no_names() -> None:
    text = ("Dara Quill\nGender  Female\nSpecies Human\n\nDara Quill is a courier in the harbour town of Velmar. "
            "She carries letters for the guild.\n\nDara Quill\n  • Gender: Female\n  • Species: Human\n")
    index = lookup(build_canon(text))
    assert "dara quill" in index and "velmar" in index
    assert not {"female", "human"} & set(index)


def test_a_post_held_at_an_institution_is_not_part_of_its_name() -> None:
    text = ("Kael Dorn later becomes Chairman of Vantor Mining Company. Kael Dorn is also Founder of the Dorn "
            "Relief Foundation; Vantor Mining Company and the Dorn Relief Foundation are rivals.")
    index = lookup(build_canon(text))
    assert "vantor mining company" in index and "dorn relief foundation" in index
    assert "chairman of vantor mining company" not in index
    assert "founder of the dorn relief foundation" not in index


def test_a_possessive_place_name_written_several_times_is_one_name() -> None:
    text = ("Mira Solen grew up in Traitor's Gate, a walled town. She leaves Traitor's Gate at sixteen and "
            "never returns to Traitor's Gate.")
    index = lookup(build_canon(text))
    assert "traitor's gate" in index
    assert "gate" not in index


def test_two_names_joined_by_and_before_goods_are_one_firm() -> None:
    text = ("Dara Quill wears Holm and Vey suits to work. Dara Quill later buys shirts from Holm and Vey, "
            "and Orrin and Dara meet at the docks.")
    entities = build_canon(text)
    index = lookup(entities)
    assert "holm and vey" in index
    assert index["holm and vey"].type is EntityType.ORGANISATION
    assert "orrin and dara" not in index


def test_a_sentence_that_glues_one_actor_to_a_character_glues_the_others() -> None:
    text = ("Critics compared the scene to the death of Nell Tamsin Roe in Harbour Lights, which mattered to "
            "the arc of Corra Lise Adair as well. Nell returns in a flashback. Ianto Marsh is the hero here.")
    index = lookup(build_canon(text))
    assert "corra" in index and "lise adair" in index
    assert index["lise adair"].type is EntityType.PERSON
    assert "corra lise adair" not in index
