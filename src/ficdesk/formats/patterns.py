"""Recognisers shared by import and export: header labels, chapter headings, scene breaks, ratings."""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- header labels -------------------------------------------------------------------------------

_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("title", "story title", "fic title", "work title", "name of story", "story"),
    "author": ("author", "authors", "writer", "written by", "pen name", "penname", "creator", "creators", "by"),
    "fandom": ("fandom", "fandoms", "canon", "show", "source", "fandom(s)"),
    "relationships": ("pairing", "pairings", "relationship", "relationships", "ship", "ships", "couple",
                      "couples", "main pairing", "pairing(s)", "relationship(s)"),
    "characters": ("character", "characters", "featuring", "cast", "main characters", "character(s)"),
    "rating": ("rating", "rated", "ratings"),
    "warnings": ("warning", "warnings", "archive warning", "archive warnings", "content warning",
                 "content warnings", "cw", "tw", "trigger warning", "trigger warnings", "triggers", "warning(s)"),
    "summary": ("summary", "description", "blurb", "synopsis", "artists description", "story description",
                "story summary", "authors description"),
    "disclaimer": ("disclaimer", "disclaimers", "legal disclaimer"),
    "start_note": ("a/n", "an", "a.n", "a/n's", "authors note", "authors notes", "author note", "author notes",
                   "note", "notes", "writers note", "notes from the author", "authors note(s)", "author's note",
                   "story notes", "a/ns"),
    "end_note": ("end note", "end notes", "end a/n", "final note", "final notes", "closing note", "closing notes",
                 "afterword note"),
    "chapter_start_note": ("chapter notes", "chapter note", "chapter a/n"),
    "chapter_end_note": ("chapter end notes", "chapter end note"),
    "chapter_summary": ("chapter summary",),
    "body_start": ("work text", "chapter text", "story text"),
    "word_count": ("word count", "words", "wordcount", "length", "word length", "total words"),
    "extra": ("spoilers", "spoiler", "spoiler warning", "spoiler warnings", "beta", "betas", "betad by",
              "betaed by", "beta reader", "beta readers", "beta reading", "genre", "genres", "timeline",
              "setting", "time frame", "timeframe", "prompt", "status", "chapters", "language", "tags",
              "additional tags", "freeform", "freeforms", "dedication", "dedicated to", "category",
              "categories", "challenge", "written for", "published", "updated", "completed", "stats",
              "series", "collections", "sequel to", "prequel to", "inspired by", "feedback", "archiving",
              "crossover", "recipient", "requested by", "gift for", "universe", "au", "verse", "notes on canon",
              "continuity", "point of view", "pov", "art by", "cover art", "beta'd by",
              "era", "season", "last updated", "content", "read", "reads", "hits", "kudos", "comments",
              "bookmarks", "votes", "challenges", "acknowledgements", "acknowledgments", "thanks", "theme",
              "required listening", "soundtrack", "song", "music", "word prompt", "fandom notes", "type",
              "complete", "reviews", "favs", "follows", "id", "source url", "details"),
    "cast": ("characters/pairings", "pairings/characters", "characters and pairings", "pairings and characters",
             "characters & pairings", "pairing/characters", "character/pairing"),
}
LABELS: dict[str, str] = {label: key for key, labels in _LABELS.items() for label in labels}
#: Fields whose value may run on over following lines (without a blank line between).
MULTILINE_FIELDS = frozenset({"summary", "disclaimer", "start_note", "end_note", "chapter_start_note",
                              "chapter_end_note", "chapter_summary", "warnings", "extra", "characters",
                              "relationships", "cast", "fandom"})
NOTE_FIELDS = frozenset({"start_note", "end_note", "chapter_start_note", "chapter_end_note", "chapter_summary"})

_MARKUP = "*_#>~=[]|•· \t"
_SEPARATORS = re.compile(r"\s*:\s*|\s+[-–—~=|]+\s+|\s+[-–—]\s*$|\s*[-–—]{1,2}\s+")


def normalise_label(raw: str) -> str:
    """A label as written ("**AUTHOR'S NOTE**") in lookup form ("authors note")."""
    label = raw.strip(_MARKUP + ":.").casefold().replace("’", "'")
    label = label.replace("'", "").replace("-", " ")
    return " ".join(label.split())


@dataclass(frozen=True)
class Label:
    """A ``Label: value`` line: the field it feeds, the label as written and the value."""

    field: str
    written: str
    value: str


def parse_label(line: str) -> Label | None:
    """The header label at the start of ``line`` ("Pairing: Jack/Ianto", "TITLE - X", "**A/N:** …")."""
    stripped = line.strip()
    if not stripped or len(stripped) > 4000:
        return None
    head = stripped.lstrip(_MARKUP)
    for match in _SEPARATORS.finditer(head):
        if match.start() == 0 or match.start() > 40:
            if match.start() > 40:
                break
            continue
        written = head[: match.start()].strip(_MARKUP)
        key = normalise_label(written)
        field = LABELS.get(key) or _combined_label(key)
        if field is None:
            continue
        if key in _COLON_ONLY and ":" not in match.group():
            continue  # too common as ordinary words unless followed by a colon
        value = head[match.end():].strip()
        value = _strip_markup_edges(value)
        return Label(field, written, value)
    note = re.match(r"(?i)a/n\s+(\S.*)$", head)  # "A/n kinda angsty": tumblr's label without a colon
    if note:
        return Label("start_note", head[:3], note.group(1).strip())
    # "Rated M for violence", "Rated: T": a label without separator
    rated = re.match(r"(?i)rated\s+([A-Za-z+\-0-9]{1,12}\b.*)$", head)
    if rated and len(head.split()) <= 8:
        return Label("rating", "Rated", rated.group(1).strip())
    # a label alone on its line without a colon ("Author's Note", "Artist's Description")
    alone = normalise_label(head)
    if alone in LABELS and (alone == "notes" or alone not in _COLON_ONLY) and alone not in _NEVER_ALONE \
            and len(head) <= 40 and not head.rstrip().endswith((".", "!", "?")):
        return Label(LABELS[alone], head.strip(_MARKUP + ":"), "")
    return None


#: Labels that are ordinary words too: they count only when a colon follows.
_COLON_ONLY = frozenset({
    "by", "an", "note", "notes", "cw", "tw", "au", "pov", "source", "show", "era", "season", "story", "content",
    "read", "reads", "hits", "kudos", "comments", "bookmarks", "votes", "thanks", "theme", "song", "music", "type",
    "complete", "reviews", "favs", "follows", "id", "challenges", "last updated", "details",
})
#: Labels never read alone on their line without a colon (they start ordinary lines).
_NEVER_ALONE = frozenset({
    "words", "length", "status", "setting", "category", "language", "chapters", "published", "updated",
    "completed", "series", "title", "universe", "verse", "continuity", "for", "tags", "stats", "genre", "prompt",
    "feedback", "beta", "acknowledgements", "acknowledgments", "required listening", "soundtrack",
})


def _combined_label(key: str) -> str | None:
    """The field of a label naming several ("pairing/character/general relationship")."""
    if "/" not in key and " and " not in key and "&" not in key:
        return None
    parts = [LABELS.get(part.strip()) for part in re.split(r"/|\band\b|&", key)]
    known = {part for part in parts if part}
    if known & {"relationships", "characters"}:
        if {"relationships", "characters"} <= known or len(parts) > 2:
            return "cast"
        return "relationships" if "relationships" in known else "characters"
    return "extra" if known else None


def _strip_markup_edges(value: str) -> str:
    value = value.strip()
    if value.startswith("**") and value.count("**") == 1:
        value = value[2:]
    if value.endswith("**") and value.count("**") == 1:
        value = value[:-2]
    return value.strip()


# --- chapter headings -----------------------------------------------------------------------------

_NUMBER_WORDS = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
    "sixty", "seventy", "eighty", "ninety", "hundred"
]
_NUM = (
    r"(?:\d{1,4}|[ivxlcdm]{1,8}|(?:" + "|".join(_NUMBER_WORDS) + r")(?:[\s\-](?:" + "|".join(_NUMBER_WORDS) + r"))?)"
)
_CHAPTER = re.compile(
    r"(?i)^(?:chapter|chap\.?|ch\.?)\s*(?P<num>" + _NUM + r")\b\s*(?:(?P<sep>[:.\-–—|~/]+|\s)\s*(?P<title>.*))?$"
)
_SECTION = re.compile(
    r"(?i)^(?P<word>prologue|epilogue|interlude|intermission|afterword|foreword|coda|preface|"
    r"part\s+" + _NUM + r"|book\s+" + _NUM + r"|act\s+" + _NUM + r")\b\s*(?:[:.\-–—|~]+\s*(?P<title>.*))?$"
)
_HEADING_TRIM = "*_#=~[](){}<>|•· \t-–—"


def clean_heading(line: str) -> str:
    """A heading line without markdown hashes, bold stars or decorations ("~*Chapter 1*~")."""
    return line.strip().strip(_HEADING_TRIM).strip()


def parse_chapter_heading(line: str) -> str | None:
    """The chapter title if ``line`` is a chapter heading, else None.

    "Chapter 3" -> "", "Chapter One: The Rift" -> "The Rift", "Prologue" -> "Prologue",
    "Part II - Home" -> "Part II - Home" (a heading that names itself keeps its whole text).
    """
    text = clean_heading(line.replace("*", ""))
    if not text or len(text) > 120 or len(text.split()) > 14:
        return None
    match = _CHAPTER.match(text)
    if match:
        title = (match.group("title") or "").strip().strip(_HEADING_TRIM).strip()
        if re.match(r"by\s+\S", title) and len(title.split()) <= 4:
            return ""  # "Chapter 1 by Anna": a heading with the author's byline
        sep = match.group("sep") or ""
        if title and not sep.strip() and (title.endswith((".", ",", ";")) or title[0].islower()):
            return None  # "Chapter one was the best" is prose, not a heading
        return title
    match = _SECTION.match(text)
    if match:
        if text.endswith((".", ",", ";")) and not match.group("title"):
            return None
        return text
    return None


_WORD_VALUES = {word: value for value, word in enumerate(_NUMBER_WORDS[:20], start=1)} | {
    word: 10 * value for value, word in enumerate(_NUMBER_WORDS[19:27], start=2)} | {"hundred": 100}
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def _number_value(text: str) -> int | None:
    """12, "XII", "twelve" and "twenty-one" as numbers (``None`` when it is none of them)."""
    text = text.casefold()
    if text.isdigit():
        return int(text)
    if all(letter in _ROMAN for letter in text):
        total = 0
        for here, after in zip(text, [*text[1:], ""], strict=True):
            value = _ROMAN[here]
            total += -value if after and _ROMAN[after] > value else value
        return total
    words = re.split(r"[\s\-]+", text)
    if words and all(word in _WORD_VALUES for word in words):
        return sum(_WORD_VALUES[word] for word in words)
    return None


def chapter_number_of(title: str) -> int | None:
    """The number a title like "Chapter 3" or "Chapter Three: The Rift" gives itself, else ``None``."""
    match = _CHAPTER.match(clean_heading(title.replace("*", "")))
    return _number_value(match.group("num")) if match else None


def chapter_heading(number: int, title: str) -> str:
    """The heading written for chapter ``number``; :func:`parse_chapter_heading` gives ``title`` back.

    A title that is already this chapter's heading ("Chapter 1", "Chapter One: The Rift" for chapter 1)
    is written as it is, not as "Chapter 1: Chapter 1".
    """
    title = title.strip()
    if not title:
        return f"Chapter {number}"
    if "\n" not in title and (parse_chapter_heading(title) == title or chapter_number_of(title) == number):
        return title
    return f"Chapter {number}: {title}"


# --- scene breaks, ratings, lists, disclaimers ------------------------------------------------------

_SCENE_BREAK = re.compile(r"^\s*(?:[*~#=_\-+•·§°oOxX0]\s*){3,}$|^\s*(?:[*~#§]|<>|\*\*\*)\s*$")


def is_scene_break(line: str) -> bool:
    """A scene-break line: "* * *", "***", "~~~", "-----", "xXx", "oOo", "#"."""
    stripped = line.strip()
    if not stripped or len(stripped) > 40:
        return False
    if re.fullmatch(r"[xXoO0]+", stripped):  # xXx, oOo, xoxo, o0o; but not "ooo" or "XXX"
        return len(stripped) >= 3 and len(set(stripped)) > 1
    return bool(_SCENE_BREAK.match(stripped))


_RATINGS = (
    ("General Audiences", ("general audiences", "general", "g", "gen", "k", "k+", "pg", "all ages", "u")),
    ("Teen And Up Audiences", ("teen and up audiences", "teen and up", "teen", "teens", "t", "t+", "pg-13", "pg13",
                               "13+", "12+", "14+", "15+", "15", "12a")),
    ("Mature", ("mature", "m", "r", "16+", "17+", "ma15+")),
    ("Explicit", ("explicit", "e", "nc-17", "nc17", "x", "xxx", "18+", "ma", "adult", "adults only", "r18")),
    ("Not Rated", ("not rated", "unrated", "nr", "none")),
)
_RATING_NAMES = {spelling: name for name, spellings in _RATINGS for spelling in spellings}


def clean_rating(value: str) -> str:
    """The rating as the author wrote it, without markup around it ("**PG-13**" -> "PG-13")."""
    return value.strip().strip("*_[]").strip()


def ao3_rating(value: str) -> str | None:
    """AO3's rating name for what an author wrote, where the mapping is clear; else None.

    "T", "PG-13" -> "Teen And Up Audiences"; "M for violence" -> "Mature"; "gentle NC-17" ->
    "Explicit" (one rating word in a short phrase); "Romance, Supernatural" -> None.
    """
    words = value.casefold().replace("(", " ").replace(")", " ").replace(",", " ").replace("/", " ").split()
    words = [word.strip("*_[].:;!") for word in words]
    for length in (4, 3, 2, 1):
        name = _RATING_NAMES.get(" ".join(words[:length])) if len(words) >= length else None
        if name:
            return name
    if len(words) <= 4:
        written = [word.strip("*_[].:;!()") for word in value.replace(",", " ").replace("/", " ").split()]
        found = {_RATING_NAMES[word] for word, original in zip(words, written, strict=False)
                 if word in _RATING_NAMES and (len(word) > 1 or original.isupper())}
        if len(found) == 1:
            return found.pop()
    return None


def split_list(value: str, *, names: bool = True) -> list[str]:
    """Items of a tag-style list: "Jack, Ianto; Gwen and Rhys" -> four items.

    Commas and semicolons always separate; with ``names`` a lone "and" between two names does too
    ("Gwen and Rhys"), but never inside a pairing ("Jack/Ianto and Owen" stays whole after the slash).
    Pairings keep their slashes ("Heero/Duo", "Sidney Crosby / Evgeni Malkin").
    """
    parts = re.split(r"\s*[,;]\s*", value.strip().strip("."))
    items: list[str] = []
    for part in parts:
        part = re.sub(r"(?i)^and\s+", "", part.strip()).strip()
        pieces = [part]
        if names and "/" not in part and re.search(r"\s(?:and|&)\s", part) and len(part.split()) <= 8:
            pieces = re.split(r"\s+(?:and|&)\s+", part)
        items.extend(piece.strip() for piece in pieces if piece.strip())
    return items


def parse_word_count(value: str) -> int | None:
    """1234 from "1,234 words", "~2.5k", "1 234"; None when there is no number."""
    match = re.search(r"(\d[\d,.\s']*)(k)?\b", value, re.IGNORECASE)
    if not match:
        return None
    number = match.group(1).strip()
    if match.group(2):
        try:
            return round(float(number.replace(",", ".")) * 1000)
        except ValueError:
            return None
    digits = re.sub(r"\D", "", number)
    return int(digits) if digits else None


_DISCLAIMER = re.compile(
    r"(?i)\b(?:(?:do|does|did)\s*(?:not|n['’]t)|never|don['’]?t)\s+own\b|\bown\s+(?:nothing|none)\b|"
    r"\bnot\s+mine\b|\bisn['’]t\s+mine\b|\bno\s+(?:copyright\s+)?infringement\b|\bno\s+profit\b|"
    r"\bnot\s+(?:making|earning)\s+(?:any\s+)?(?:money|profit)\b|\ball\s+rights\s+(?:belong|go|reserved)\b|"
    r"\bcharacters\s+(?:all\s+)?belong\s+to\b|\bbelongs?\s+to\s+(?:the\s+)?(?:rightful|respective|their)\b|"
    r"\bno\s+ownership\b|\bclaim\s+no\s+ownership\b|\bcopyright\s+(?:of|belongs)\b"
)


def looks_like_disclaimer(paragraph: str) -> bool:
    """An unlabelled disclaimer ("I do not own Torchwood … they belong to the BBC")."""
    return len(paragraph.split()) <= 80 and bool(_DISCLAIMER.search(paragraph))


_OWNED = re.compile(
    r"(?:\bown|\bmine|\bclaim)\s+(?:the\s+)?(?P<fandom>[A-Z][\w'’:&.-]*(?:\s+(?:of\s+the\s+|of\s+|the\s+|and\s+|&\s+)?"
    r"[A-Z0-9][\w'’:&.-]*){0,5})"
)
_OWNER = re.compile(
    r"\bbelongs?\s+to\s+(?P<owner>(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:and\s+|&\s+|of\s+)?[A-Z][\w.&'’-]*){0,5})"
)
_NOT_FANDOMS = frozenset({"I", "Me", "It", "Them", "They", "Any", "Anything", "Nothing", "None", "All", "The"})


def disclaimer_facts(disclaimer: str) -> tuple[str | None, str | None]:
    """``(fandom, owner)`` named in a disclaimer ("I don't own Torchwood … belongs to the BBC")."""
    fandom = owner = None
    match = _OWNED.search(disclaimer)
    words = match.group("fandom").split() if match else []
    if words and (words[0] not in _NOT_FANDOMS or (words[0] == "The" and len(words) > 1)):
        fandom = _first_sentence(" ".join(words))
    match = _OWNER.search(disclaimer)
    if match:
        owner = _first_sentence(match.group("owner"))
    return fandom, owner


def _first_sentence(name: str) -> str:
    """A name cut at a sentence end ("the BBC. No harm" -> "the BBC"); initials like "J.K." survive."""
    return re.split(r"(?<=[a-z]{2}|[A-Z]{2})[.!?]\s", name)[0].rstrip(".,;:!?")
