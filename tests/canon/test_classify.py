"""Entity types from the grammar around names: one short invented text per kind of evidence."""

from __future__ import annotations

import pytest

from ficdesk.canon import EntityType, build_canon
from tests.canon.scoring import lookup

C, P, W = EntityType.CHARACTER, EntityType.PERSON, EntityType.WORK
PL, ORG, S, OB = EntityType.PLACE, EntityType.ORGANISATION, EntityType.SPECIES, EntityType.OBJECT

CASES: list[tuple[str, str, EntityType]] = [
    # relations between an actor and a role
    ("Mirela Dobrev as Captain Anselm Trask\nJonah Pike as Ketta Vane\n", "Mirela Dobrev", P),
    ("Mirela Dobrev as Captain Anselm Trask\nJonah Pike as Ketta Vane\n", "Ketta Vane", C),
    ("In the remake, Tomasz Reyl played Ondine Marsh opposite a new cast.", "Tomasz Reyl", P),
    ("In the remake, Tomasz Reyl played Ondine Marsh opposite a new cast.", "Ondine Marsh", C),
    ("The voice cast included Lio Marchetti (Pell), Anna Grieve (Corwin) and Sam Obi (Tessaly).", "Anna Grieve", P),
    ("The voice cast included Lio Marchetti (Pell), Anna Grieve (Corwin) and Sam Obi (Tessaly).", "Corwin", C),
    ("The heroes are Brannoc Fell (Idris Laine) and Merewen Tor (Casimir Doyle).", "Idris Laine", P),
    ("Later the fans met Rhoda Quill, who voiced Teodor in the audio drama.", "Rhoda Quill", P),
    ("Oskar Lind, the director's nephew, played Aurel Vash in the pilot.", "Oskar Lind", P),
    # makers, publishers and platforms
    ("The novel was translated into English by Halina Wrobel and published by Grimsby House.", "Halina Wrobel", P),
    ("The novel was translated into English by Halina Wrobel and published by Grimsby House.", "Grimsby House", ORG),
    ("The sequel was developed by Quillfeather and released in spring.", "Quillfeather", ORG),
    ("The animated spin-off was broadcast on Vexon until its cancellation.", "Vexon", ORG),
    ("She is a character in Dunmore's series of mystery novels.", "Dunmore", ORG),
    ("He quotes Ferrante's play about the flood at every dinner.", "Ferrante", P),
    # nouns before and after a name
    ("On the road they meet the archer Sigrun and her brother.", "Sigrun", C),
    ("The crew lands on the planet Ixora after the storm.", "Ixora", PL),
    ("The trail leads to the city of Varnholm in the north.", "Varnholm", PL),
    ("Teyla works for the company Brightwater in the first act.", "Brightwater", ORG),
    ("Orsolya, a blacksmith from the hills, forges the blade.", "Orsolya", C),
    ("They finally reach Kessrin, a fortress on the coast, at dawn.", "Kessrin", PL),
    ("The rebels are helped by a smuggler named Dace.", "Dace", C),
    ("Malcor Venn is a fictional character in the comic series Ashfall.", "Malcor Venn", C),
    ("Hollowmere is a small village in the western marshes.", "Hollowmere", PL),
    # kinds: species and objects
    ("A Veskarran pilot and two Veskarran soldiers guard the gate. The Veskarrans had ruled the moon for "
     "a century.", "Veskarrans", S),
    ("The thief hides a Glimmerstone in his boot and later steals a second Glimmerstone.", "Glimmerstone", OB),
    ("The heist targets the Aldergate Museum and its famous Silverleaf Amulet.", "Silverleaf Amulet", OB),
    # works
    ("The director's first feature, Saltmarsh (2004), was shot in a week.", "Saltmarsh", W),
    ("She first appeared in Nightglass, the second book of the cycle.", "Nightglass", W),
    ("Critics compared the ending to Children of the Tide, the earlier film.", "Children of the Tide", W),
    ("The team writes for the website Gearhaven and the magazine Pixel Dust.", "Gearhaven", ORG),
    ("His role in the series Harbour Nights made him famous.", "Harbour Nights", W),
    ("The game was published by Halcyon Games and later by Bright Meadow Arts.", "Bright Meadow Arts", ORG),
    ("The finale was produced by Grey Lantern Cinema in Prague.", "Grey Lantern Cinema", ORG),
    ("At the end they climb Mount Carrow before dawn.", "Mount Carrow", PL),
    ("The pilgrims rest at Our Lady of Tears, a hospital by the sea.", "Our Lady of Tears", PL),
    ("Mr. Pellow owns the bakery, and Mr. Pellow bakes every night.", "Mr. Pellow", C),
    ("W. K. Arden, who reviewed the novel for a newspaper, praised the ending.", "W. K. Arden", P),
    # infobox lines
    ("Brannagh Vole\nVoiced by: Osric Penn, Delia Marr\nHomeworld: Caldessa\nBrannagh is a pilot.\n", "Delia Marr", P),
    ("Brannagh Vole\nVoiced by: Osric Penn, Delia Marr\nHomeworld: Caldessa\nBrannagh is a pilot.\n", "Caldessa", PL),
    # places from prepositions and lists
    ("After the war she moved to Port Aldis and opened a bakery in Tressle, Dunmark.", "Dunmark", PL),
    ("The family travels to Oskerholm every summer.", "Oskerholm", PL),
    # names the reader knows, and the shape of a name
    ("Years later Dorran Vex flies back to Peru, and Dorran Vex never leaves Peru again.", "Peru", PL),
    ("The Velari fleet attacks Jupiter, and Jupiter falls after a week of fighting.", "Jupiter", PL),
    ("Mira is hunted by House Varrow. House Varrow rules the valley.", "House Varrow", ORG),
    ("Mira joins the Brotherhood Without Names, who hide her in the hills.", "Brotherhood Without Names", ORG),
    ("Dorran Vex served in the Night Watch before the war. The Night Watch guards the wall.", "Night Watch", ORG),
    # what someone has is not what the name is
    ("In Vask Orlan's company, Mira learns to fight. Vask Orlan and his army march on the city.", "Vask Orlan", C),
    # the side of a cast bracket the actor stands on
    ("Her scenes opposite veteran actor Tomas Hale (Edric Vane) were praised.", "Tomas Hale", P),
    ("Her scenes opposite veteran actor Tomas Hale (Edric Vane) were praised.", "Edric Vane", C),
    # an acronym in brackets is no cast pair
    ("Oriel Vantas is portrayed by Dana Cole in the Skyward Comics Universe (SCU) media franchise.",
     "Skyward Comics Universe", W),
    # a plural noun before a list, whatever its other readings
    ("Dorran Vex appears in films like Ashgrove and games like Vel Orran Tactics.", "Vel Orran Tactics", W),
    # a bracket holding an acronym after an actor names a version, not a role
    ("English voice actor Dana Cole (2001)\nMira Tess (SHIV Remake)\n", "Mira Tess", P),
    # a stylised name in capitals
    ("Mira fights for the rebel group VANGUARD. VANGUARD raids the depots, and the leaders of VANGUARD hide in "
     "the hills, where VANGUARD was founded.", "VANGUARD", ORG),
]


@pytest.mark.parametrize(("text", "name", "kind"), CASES, ids=[f"{n}-{k.value}" for _, n, k in CASES])
def test_type_from_evidence(text: str, name: str, kind: EntityType) -> None:
    index = lookup(build_canon(text))
    assert name.casefold() in index, sorted(index)
    assert index[name.casefold()].type is kind


def test_without_evidence_a_name_is_a_character() -> None:
    index = lookup(build_canon("Tamsin Arde waits by the door. Later Tamsin Arde smiles at Orrin."))
    assert index["tamsin arde"].type is EntityType.CHARACTER
    assert index["orrin"].type is EntityType.CHARACTER


def test_a_full_name_takes_its_given_name_and_middle_name() -> None:
    index = lookup(build_canon(
        "Ysolde Mara Penhallow is the heroine. Ysolde Penhallow grows up by the sea, and Ysolde leaves "
        "home at sixteen. Geralt of Rivia appears once; Geralt is a witcher."
    ))
    assert index["ysolde"] is index["ysolde penhallow"] is index["ysolde mara penhallow"]
    assert index["geralt"] is index["geralt of rivia"]
    assert index["geralt of rivia"].type is EntityType.CHARACTER


def test_an_italic_title_of_a_character_name_is_the_work() -> None:
    index = lookup(build_canon(
        "Tessa Grove is the heroine of the *Tessa Grove* novels. Tessa grows up in a lighthouse and Tessa "
        "leaves it at sixteen.", "markdown"))
    assert index["tessa"].type is EntityType.CHARACTER
    assert index["tessa"] is index["tessa grove"]
    works = [e for e in build_canon("Tessa Grove is the heroine of the *Tessa Grove* novels. Tessa grows up "
                                    "in a lighthouse and Tessa leaves it at sixteen.", "markdown")
             if e.type is EntityType.WORK]
    assert [e.name for e in works] == ["Tessa Grove"]


def test_titles_after_a_colon_and_a_mid_sentence_the() -> None:
    index = lookup(build_canon(
        "The character returns in the game Skyreach: The Broken Crown and in the film The Last Lantern."))
    assert index["skyreach: the broken crown"].type is EntityType.WORK
    assert "the last lantern" in index
    index = lookup(build_canon("The heroes must destroy the Seventh Lantern before the First Ember War."))
    assert "seventh lantern" in index and "first ember war" in index
