"""One entry per person or thing: which shorter names join a longer one, and which stay apart (own text)."""

from __future__ import annotations

from ficdesk.canon import build_canon
from tests.canon.scoring import lookup


def test_a_franchise_name_that_begins_several_titles_is_none_of_them() -> None:
    text = ("Vel Orran is the hero of the Star Harbour games. He first appears in Star Harbour Legends and "
            "returns in Star Harbour Tactics. Vel Orran also fights in Star Harbour Legends. The Star Harbour "
            "series sold well, and Star Harbour Tactics was praised.")
    index = lookup(build_canon(text))
    assert "star harbour" in index
    assert index["star harbour"] is not index["star harbour tactics"]
    assert index["star harbour"] is not index["star harbour legends"]


def test_a_surname_joins_a_name_with_a_generational_suffix() -> None:
    text = ("Dorran Vex is played by Malcolm Thewlis Jr. in the film. Thewlis said the role was hard. "
            "Malcolm Thewlis Jr. trained for months, and Thewlis kept the coat.")
    index = lookup(build_canon(text))
    assert index["thewlis"] is index["malcolm thewlis jr"]


def test_a_title_with_an_article_inside_does_not_hold_its_last_word() -> None:
    text = ("Mira Solen is the heroine of Mira the Dragon Tamer, a television series. Mira Solen is the "
            "Tamer of her generation; every Tamer bonds with one dragon. The Tamer line ends with her.")
    index = lookup(build_canon(text))
    assert index.get("tamer") is not index["mira the dragon tamer"]


def test_a_company_name_takes_its_first_word_but_not_a_persons() -> None:
    text = ("Kael Dorn works for the Vantor Mining Company. Vantor owns the mines of the valley, and Vantor "
            "pays badly. Kael Dorn quits. Dorn later buys the Dorn Trading Company.")
    index = lookup(build_canon(text))
    assert index["vantor"] is index["vantor mining company"]
    assert index["dorn"] is index["kael dorn"]


def test_a_glued_run_with_a_numeral_is_not_a_character_and_an_actor() -> None:
    text = ("Vel Orran stars in Star Harbour IV Remake, released after Star Harbour IV (2001). "
            "Vel Orran returns in Star Harbour IV Remake as a pilot.")
    index = lookup(build_canon(text))
    assert "star harbour iv remake" in index
    assert "iv remake" not in index


def test_an_acronym_joins_the_one_name_it_spells() -> None:
    text = ("Vel Orran is the hero of Star Harbour IV (2001) and Star Harbour IV Remake (2020). In SHIV, Vel "
            "Orran is a pilot; SHIV Remake gives him a new ship. Fans still prefer SHIV to Star Harbour IV Remake.")
    index = lookup(build_canon(text))
    assert index["shiv"] is index["star harbour iv"]
    assert index["shiv remake"] is index["star harbour iv remake"]
    assert index["star harbour iv"] is not index["star harbour iv remake"]


def test_an_infobox_label_glued_to_its_value_is_not_part_of_the_name() -> None:
    text = ("Vel Orran\nAge 31 (SHIV)\nOccupation SHIV: Pilot\n\nVel Orran is the hero of Star Harbour IV (2001). "
            "In SHIV, Vel Orran is a pilot.")
    index = lookup(build_canon(text))
    assert "occupation shiv" not in index
    assert index["shiv"] is index["star harbour iv"]


def test_a_title_with_or_without_an_inner_article_is_one_title() -> None:
    text = ("Dara Quill first appears in the novel The Lamp of the Nine (1901). Dara Quill returns in "
            "\"The Lamp of Nine\", as some reprints call it, and in The Lamp of the Nine again.")
    index = lookup(build_canon(text))
    assert index["the lamp of nine"] is index["the lamp of the nine"]


def test_a_name_the_epithet_title_is_one_name() -> None:
    text = ("Mira Solen is the heroine of the Mira the Dragon Tamer franchise. She first appears in the 1995 "
            "film Mira the Dragon Tamer. Mira Solen later returns in the Mira the Dragon Tamer comics.")
    index = lookup(build_canon(text))
    assert "mira the dragon tamer" in index
    assert "dragon tamer" not in index


def test_an_institution_does_not_take_the_name_of_the_body_it_belongs_to() -> None:
    text = ("Vel Orran trains at the Skyfleet Academy for four years. Skyfleet then sends him to the border, "
            "and Skyfleet promotes him twice. The Skyfleet Academy later names a hall after him.")
    index = lookup(build_canon(text))
    assert index["skyfleet"] is not index["skyfleet academy"]
