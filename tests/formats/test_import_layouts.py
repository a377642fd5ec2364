"""Header layouts of the archives authors post on, each written here in that archive's style (issue 17)."""

from __future__ import annotations

from ficdesk.formats import parse_text
from ficdesk.formats.model import ImportedStory


def body(story: ImportedStory) -> str:
    return story.chapters[0].text


def test_livejournal_community_post_with_subject_date_and_poster() -> None:
    story = parse_text("""Rose/Ten - Salt and Static

Apr. 2nd, 2009 | 08:12 pm
posted by: saltwater_ink in allons_y_fic

Title: Salt and Static
Setting: Doctor Who, series two
Pairing/Character/General Relationship: Rose/Ten
Rating: NC-17
Warnings: Mild peril?
Summary: The TARDIS lands on a beach that hums.

The sand sang under her boots, which Rose decided not to mention.

He mentioned it anyway, of course.
""")
    assert story.title == "Salt and Static"
    assert story.author == "saltwater_ink"
    assert story.relationships == ["Rose/Ten"] and story.characters == []
    assert (story.rating, story.ao3_rating) == ("NC-17", "Explicit")
    assert story.warnings_text == "Mild peril?"
    assert body(story).startswith("The sand sang under her boots")
    assert "Apr. 2nd, 2009 | 08:12 pm" in story.dropped and "Rose/Ten - Salt and Static" in story.dropped
    assert story.sources["author"] == "posted by: saltwater_ink in allons_y_fic"
    assert story.sources["rating"] == "Rating: NC-17"


def test_livejournal_wrote_line_and_thousands_in_the_word_count() -> None:
    story = parse_text("""Quiet Harbour Nights (quietharbour) wrote,

Four Doors Amy Never Opened

Title: Four Doors Amy Never Opened
Pairing: Amy Pond / Rory Williams
Rating: PG-13
Word Count: 4,512
A/N: For the spring swap, with thanks to my patient beta.


The first door was blue, and she walked past it every day for a year before she noticed.
""")
    assert story.title == "Four Doors Amy Never Opened"
    assert story.author == "quietharbour"
    assert story.relationships == ["Amy Pond / Rory Williams"]
    assert story.rating == "PG-13" and story.word_count == 4512
    assert story.start_note == "For the spring swap, with thanks to my patient beta."
    assert body(story).startswith("The first door was blue")


def test_dreamwidth_chrome_fields_first_then_title_byline_and_date() -> None:
    story = parse_text("""lanternwick_fic: (Default)
[personal profile] lanternwick_fic
Summary: Martha takes a night shift at a hospital that is not on any map.

Author's Note: Written for a prompt about impossible places. It grew.

Acknowledgements: My thanks to everyone who cheered the early drafts.

Rating: R

Warnings: Blood, hospitals

Night Shift
By Lanternwick

March 2008

Martha signed in at eleven and the clock on the wall said nothing at all.
""")
    assert story.title == "Night Shift" and story.author == "Lanternwick"
    assert story.summary == "Martha takes a night shift at a hospital that is not on any map."
    assert story.start_note == "Written for a prompt about impossible places. It grew."
    assert (story.rating, story.ao3_rating) == ("R", "Mature")
    assert story.warnings == ["Blood", "hospitals"]
    assert body(story).startswith("Martha signed in at eleven")
    assert "March 2008" in story.dropped


def test_fanfiction_net_download_with_every_field_on_one_line() -> None:
    story = parse_text("""Ashes of Konoha

Story: Ashes of Konoha Category: Naruto Genre: Drama Author: Paper Crane Last updated: 02/03/2015 \
Words: 48211 Rating: T Status: Complete Content: Chapter 1 to 12 of 12 chapters Summary: Sakura rebuilds \
a village one street at a time.

*Chapter 1*: Embers

A/N: Thank you for reading! Reviews keep me writing.

The morning after the fire, Sakura counted the roofs that were still standing.
""")
    assert story.title == "Ashes of Konoha" and story.author == "Paper Crane"
    assert story.fandoms == ["Naruto"]
    assert story.word_count == 48211
    assert (story.rating, story.ao3_rating) == ("T", "Teen And Up Audiences")
    assert story.summary == "Sakura rebuilds a village one street at a time."
    assert story.start_note == "Thank you for reading! Reviews keep me writing."
    assert story.extra["Status"] == "Complete"
    assert story.chapters[0].title == "Embers"
    assert body(story).startswith("The morning after the fire")


def test_efiction_title_by_author_and_a_pairing_in_the_category_path() -> None:
    story = parse_text("""Two by Two by Marigold
Summary: Rodney counts everything twice after the jumper crash.
Categories: Slash Pairings > Rodney/John Characters: Rodney McKay, John Sheppard, Teyla Emmagan
Warnings: None
Challenges: None
Chapters: 1 Completed: Yes Word count: 3120 Read: 411 Published: 03 Mar 2011
Story Notes:
A missing scene for the second season.
Chapter 1 by Marigold

The jumper had stopped smoking, which Rodney took as a personal victory.
""")
    assert (story.title, story.author) == ("Two by Two", "Marigold")
    assert story.relationships == ["Rodney/John"]
    assert story.characters == ["Rodney McKay", "John Sheppard", "Teyla Emmagan"]
    assert story.warnings_text == "None" and story.word_count == 3120
    assert story.start_note == "A missing scene for the second season."
    assert body(story).startswith("The jumper had stopped smoking")


def test_wattpad_chapter_page_drops_counters_tags_and_prompts() -> None:
    story = parse_text("""Chapter Three - The Lighthouse

12.3K 405 61

Author note: Sorry this one is late, work has been wild. Thank you for waiting!

Don't forget to vote and comment!

The lighthouse keeper's daughter waved from the rocks.
""")
    assert story.chapters[0].title == "The Lighthouse"
    assert story.start_note == "Sorry this one is late, work has been wild. Thank you for waiting!"
    assert body(story).startswith("The lighthouse keeper's daughter waved")
    assert "12.3K 405 61" in story.dropped and "Don't forget to vote and comment!" in story.dropped


def test_tumblr_post_without_blank_lines_and_a_lower_case_a_n() -> None:
    story = parse_text(
        "#my writing tag goes here\n"
        "anon asked: will you ever finish the lighthouse au?\n"
        "Maybe one day! But today I bring something else entirely, and I hope you like it as much as I do.\n"
        "Harbour Lights, Part 2\n"
        "The second part of a little series, it reads fine alone but the first part sets the mood.\n"
        "A/n sorry for the long wait, summer got busy and this grew longer than planned\n"
        "Summary: you wait for him at the harbour, and he is late again.\n"
        "Pairing: Inej Ghafa x reader\n"
        "The harbour smells of salt and old rope, and you have been waiting for an hour already.\n"
        "He comes at last, of course, with an apology he does not quite mean and a smile he does.\n"
    )
    assert story.title == "Harbour Lights, Part 2"
    assert story.relationships == ["Inej Ghafa x reader"]
    assert story.summary == "you wait for him at the harbour, and he is late again."
    assert story.start_note is not None and story.start_note.startswith("The second part of a little series")
    assert "sorry for the long wait" in story.start_note
    assert body(story).startswith("The harbour smells of salt")
    assert "#my writing tag goes here" in story.dropped


def test_swapped_genre_and_rated_labels_give_the_rating_back() -> None:
    story = parse_text("""For the Winter Exchange, Day 3/7

Summary: Two rivals share a sleeper train.

Genre: K+

Rated: Humor, Friendship

The train rattled north, and neither of them would give up the window seat.
""")
    assert (story.rating, story.ao3_rating) == ("K+", "General Audiences")
    assert story.extra["Genre"] == "Humor, Friendship"
    assert story.title is None
    assert story.start_note == "For the Winter Exchange, Day 3/7"
    assert body(story).startswith("The train rattled north")


def test_multi_paragraph_note_before_the_title_is_kept_whole() -> None:
    story = parse_text("""Disclaimer: Avatar: The Last Airbender belongs to Nickelodeon.

Author's note: Some background first. This takes place a year after the war, in a Ba Sing Se \
that is still learning to be at peace.

Zuko is Fire Lord but visits the city often, and the tea shop is still open.

Thank you to my sister, who read every draft and only threw one of them at me.

Steam and Jasmine

The best tea is the one you share.
--an old saying

Chapter 1: Opening Hours

The bell above the door rang before the kettle had even warmed.
""")
    assert story.disclaimer == "Avatar: The Last Airbender belongs to Nickelodeon."
    assert story.title == "Steam and Jasmine"
    note = story.start_note or ""
    assert note.startswith("Some background first.") and "the tea shop is still open" in note
    assert "only threw one of them at me" in note
    assert "The best tea is the one you share." in body(story)


def test_unlabelled_intro_and_note_before_a_title_byline_block() -> None:
    story = parse_text("""It always bothered me that the show never let Benton visit Chicago's other precinct, so this \
is my fix for that.

It runs alongside the second season and assumes you know it.

Note: The first of three parts; the rest will follow when they are done.

Many thanks to my beta for the quick read.

Precinct Nine: Part One
by Ashdown
(c) June 2004

The desk sergeant at the Ninth had never seen a Mountie, and said so twice.
""")
    assert (story.title, story.author) == ("Precinct Nine: Part One", "Ashdown")
    note = story.start_note or ""
    assert note.startswith("It always bothered me") and "Many thanks to my beta" in note
    assert body(story).startswith("The desk sergeant at the Ninth")


def test_lower_case_labels_and_a_combined_characters_pairings_field() -> None:
    story = parse_text("""title: Frost
fandom: Gundam Wing
characters/pairings: Trowa/Quatre, Duo, Wufei
rating: G
notes: for a friend who asked for snow.
required listening: a quiet piano album

The snow came early that year, and Quatre watched it from the hangar door.
""")
    assert story.title == "Frost" and story.fandoms == ["Gundam Wing"]
    assert story.relationships == ["Trowa/Quatre"] and story.characters == ["Duo", "Wufei"]
    assert (story.rating, story.ao3_rating) == ("G", "General Audiences")
    assert story.start_note == "for a friend who asked for snow."
    assert body(story).startswith("The snow came early that year")


def test_mailing_list_header_with_two_paragraph_notes_a_rule_and_the_title_again() -> None:
    story = parse_text("""Title:  Low Tide

Author:  Sable

Fandom: Torchwood/Doctor Who

Rating:  mild R

Pairing:  Jack/Ianto

Notes:  Written for a holiday challenge about the sea.

Thanks to my two betas; all remaining errors are mine.

Spoilers:  Up to the end of series two.

Warnings:  None, beyond the usual angst.

+++++++++

Low Tide

Ianto found the note on his desk at seven, folded into a small paper boat.
""")
    assert story.title == "Low Tide" and story.author == "Sable"
    assert story.fandoms == ["Torchwood/Doctor Who"]
    assert (story.rating, story.ao3_rating) == ("mild R", "Mature")
    note = story.start_note or ""
    assert note.startswith("Written for a holiday challenge") and "Thanks to my two betas" in note
    assert story.warnings_text == "None, beyond the usual angst."
    assert body(story).startswith("Ianto found the note on his desk")


def test_a_tagline_byline_and_chapter_heading_above_the_disclaimer() -> None:
    story = parse_text("""A Doctor Who Fanfic
By: Tomas Reyes

Chapter 1: Arrival

Disclaimer: Doctor Who is not mine; it belongs to the BBC.

She woke to the sound of engines.
""")
    assert story.title is None and story.author == "Tomas Reyes"
    assert story.fandoms == ["Doctor Who"]
    assert story.disclaimer == "Doctor Who is not mine; it belongs to the BBC."
    assert story.chapters[0].title == "Arrival"
    assert body(story) == "She woke to the sound of engines."


def test_lists_split_on_commas_semicolons_and_and_but_pairings_stay_whole() -> None:
    story = parse_text("""Title: Crowded Room
Characters: Jack Harkness, Ianto Jones; Gwen Cooper and Rhys Williams
Pairing: Jack Harkness / Ianto Jones, Gwen & Rhys

Everyone arrived at once.
""")
    assert story.characters == ["Jack Harkness", "Ianto Jones", "Gwen Cooper", "Rhys Williams"]
    assert story.relationships == ["Jack Harkness / Ianto Jones", "Gwen & Rhys"]


def test_prose_without_a_header_stays_prose() -> None:
    paragraph = "The rain had not stopped for three days, and the river was nearly over its banks. " * 12 + "\n\n"
    text = paragraph * 6 + "Note: the bridge was closed, said the sign, in letters too small to read.\n\n" + paragraph
    story = parse_text(text)
    assert story.title is None and story.start_note is None and story.extra == {}
    assert body(story).startswith("The rain had not stopped for three days")
    assert "Note: the bridge was closed" in body(story)


def test_fanfiction_net_info_line_with_dash_separated_fields() -> None:
    story = parse_text("""The Quiet Hour

Rated: T - English - Romance/Hurt/Comfort - [Harry P., Ginny W.] - Words: 12,345 - Reviews: 40 - \
Published: 3/4/2012 - Status: Complete - id: 1234567

Harry sat by the window and waited for the owl.
""")
    assert story.title == "The Quiet Hour"
    assert (story.rating, story.ao3_rating, story.word_count) == ("T", "Teen And Up Audiences", 12345)
    assert story.extra["Details"] == "English - Romance/Hurt/Comfort - [Harry P., Ginny W.]"
    assert story.extra["Status"] == "Complete"
    assert body(story) == "Harry sat by the window and waited for the owl."


def test_pipe_separated_fields() -> None:
    story = parse_text("Rating: T | Genre: Angst | Words: 2,100 | Pairing: Jack/Ianto\n\nIanto made coffee.\n")
    assert (story.rating, story.word_count, story.relationships) == ("T", 2100, ["Jack/Ianto"])
    assert story.extra == {"Genre": "Angst"}


def test_a_drabble_with_its_info_line_and_note_after_the_story() -> None:
    story = parse_text("""The kettle clicked off and nobody moved to pour it. Outside, the rain had opened the garden.

Neville smiled at the window, and for once he did not count the drops.

Weekly Drabble Club | #214 - Rain | Neville and Luna | Word Count: 42

Done at last! This prompt sat in my drafts for a month.

Thank you all for reading these; the next one is already half written.
""")
    assert story.title is None
    assert body(story).startswith("The kettle clicked off") and "Word Count" not in body(story)
    assert story.word_count == 42
    assert story.end_note == ("Done at last! This prompt sat in my drafts for a month.\n\n"
                              "Thank you all for reading these; the next one is already half written.")
