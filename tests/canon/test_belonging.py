"""Belonging: other works' characters named in comparisons, ship names, shops; episodes and whole works.

Every article here is written for these tests.
"""

from __future__ import annotations

from ficdesk.canon import EntityType, build_canon
from tests.canon.scoring import lookup

COMPARISON = (
    "Mara Quell is the heroine of the series Harbour Lights. Mara Quell is played by Priya Kapoor. "
    "Mara works with Tom Reyes at the lighthouse. Tom is played by Owen Dale. "
    "Critics compared Mara's death to that of Vex Arno in the series Starfall Nine, which they found less moving. "
    "Reviewers found it refreshing in comparison to indestructible heroes such as 12's Dane Holt Rick Mayer. "
    "Mara's death was compared to that of Vex Arno again in later reviews."
)


def test_other_works_named_in_comparisons_are_mentioned() -> None:
    index = lookup(build_canon(COMPARISON))
    for name in ("vex arno", "starfall nine", "dane holt"):
        assert index[name].mentioned, name
    for name in ("mara quell", "tom reyes", "priya kapoor", "harbour lights"):
        assert not index[name].mentioned, name


def test_no_comparison_no_mentioned() -> None:
    text = ("Mara Quell is the heroine of the series Harbour Lights. Vex Arno appears in Starfall Nine, "
            "a companion series. Mara meets Vex Arno in the crossover episode \"Two Lights\".")
    assert not any(e.mentioned for e in build_canon(text))


def test_a_ship_name_is_a_relationship() -> None:
    text = ("Mara Quell and Tom Reyes fall in love in the second series. Fans of the pairing call it "
            "\"Tomara\", a portmanteau popular with the shipping fandom. Mara kisses Tom in the finale. "
            "Tomara fans cheered.")
    index = lookup(build_canon(text))
    assert index["tomara"].type is EntityType.RELATIONSHIP
    assert "Tom/Mara" in index["tomara"].aliases
    assert index["mara quell"].type is EntityType.CHARACTER


def test_a_blended_name_without_shipping_talk_stays_a_character() -> None:
    text = "Mara Quell meets Tom Reyes. Tomara, the harbour master, greets them. Tomara is Mara's aunt."
    index = lookup(build_canon(text))
    assert index["tomara"].type is not EntityType.RELATIONSHIP


def test_shops_and_brands_are_organisations() -> None:
    text = ("The costume designer dressed Tom Reyes in cheap Harwell suits at first. Later she bought him "
            "shirts from Cobbler and Vane, and coats from Brightwater in Harbourside.")
    index = lookup(build_canon(text))
    assert index["harwell"].type is EntityType.ORGANISATION
    assert index["brightwater"].type is EntityType.ORGANISATION


def test_quoted_titles_are_episodes_and_italics_or_series_words_are_works() -> None:
    text = ("Harbour Lights is a television series. In the episode \"Low Tide\", Mara Quell finds the wreck. "
            "The premiere \"First Light\" drew record ratings. The novel <i>Salt and Stone</i> adapts the first "
            "series, and the film \"Storm Season\" followed.")
    index = lookup(build_canon(text, "html"))
    assert index["low tide"].type is EntityType.EPISODE
    assert index["first light"].type is EntityType.EPISODE
    assert index["salt and stone"].type is EntityType.WORK
    assert index["storm season"].type is EntityType.WORK


def test_family_members_who_share_a_surname_stay_apart() -> None:
    text = ("Lena Marsh lives with her brother Colin Marsh. Mr. Marsh works at the docks. Mrs. Marsh "
            "keeps the shop. Lena hunts with Colin. Later Lena Marsh leaves home.")
    index = lookup(build_canon(text))
    assert index["mr. marsh"] is not index["lena marsh"] and index["mrs. marsh"] is not index["lena marsh"]
    assert index["mr. marsh"] is not index["mrs. marsh"]
    assert index["lena"] is index["lena marsh"] and index["colin"] is index["colin marsh"]


def test_a_shared_surname_alone_goes_to_the_person_just_named() -> None:
    text = ("Ser Osric Vane is a knight. Osric Vane serves the queen. Dorran Vane is his brother. "
            "Dorran Vane hates fire. Vane flees the burning hall. Dorran Vane hides. Vane weeps.")
    index = lookup(build_canon(text))
    assert index["vane"] is index["dorran vane"]
    assert index["osric vane"] is not index["dorran vane"]


def test_family_name_first_is_the_same_person() -> None:
    text = "Tanaka Hiro (Hiro Tanaka in English releases) is a pilot. Hiro Tanaka flies. Hiro Tanaka lands."
    index = lookup(build_canon(text))
    assert index["tanaka hiro"] is index["hiro tanaka"]


def test_numbered_places_and_names_made_of_function_words() -> None:
    text = ("Lena Marsh lives in District 12. The tribute from District 12 is Lena Marsh. Lena admires "
            "All Might, the hero. Later, All Might trains Lena. All the students cheer.")
    index = lookup(build_canon(text))
    assert index["district 12"].type is EntityType.PLACE
    assert "all might" in index
    assert "all the students" not in index


def test_a_bracketed_title_reference_is_one_title() -> None:
    text = ("Oriel Vantas guards the gate for a thousand years. (The Keeper of the Gate) Oriel Vantas later "
            "leaves the city. (A Night in Highmere) Charles Dale (Oriel Vantas) won an award.")
    index = lookup(build_canon(text))
    assert index["the keeper of the gate"].type in (EntityType.EPISODE, EntityType.WORK)
    assert index["a night in highmere"].type in (EntityType.EPISODE, EntityType.WORK)
    assert "gate" not in index and "highmere" not in index
    assert index["charles dale"] is not index["oriel vantas"]
