"""Recognisers for the lines around a fic's header: journal and archive chrome, datelines, bylines.

Fic pages put things above and between header fields that are neither header nor story: a
LiveJournal or Dreamwidth entry's subject, date and "posted by" lines, a "name (user) wrote," line,
page navigation of a PDF viewer, Wattpad's read/vote/comment counters, tumblr tag lines, "thanks
for reading" and "vote and comment" prompts. These functions say what such a line is; the header
reader in :mod:`ficdesk.formats.textparse` decides what to do with it.
"""

from __future__ import annotations

import re

from ficdesk.formats.patterns import LABELS, normalise_label

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_DATE_TOKEN = re.compile(
    r"(?i)\b" + _MONTH + r"(?=\W|$)|\b" + _WEEKDAY + r"(?=\W|$)|\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,4}\b|"
    r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?=\W|$)|\b[ap]\.?m\.?(?=\W|$)|\b(?:at|on|utc|gmt|est|pst)\b|"
    r"\(c\)|©|\bcopyright\b"
)
_WROTE = re.compile(r"(?i)^(?P<name>.{1,80}?)\s*\((?P<user>[\w.-]{2,40})\)\s+wrote\s*[,:]?\s*$")
_POSTED_BY = re.compile(r"(?i)^(?:posted|written|submitted)\s+by:?\s+(?P<user>[\w.-]{2,40})(?:\s+(?:in|to)\s+\S+)?\.?$")
_JOURNAL_CHROME = re.compile(
    r"(?i)^\[(?:personal|community|livejournal\.com|dreamwidth\.org)[\w. ]*profile\]\s*\S+$|"
    r"^[\w.-]{2,40}:\s*\((?:default|[\w\s-]{1,30})\)$|"
    r"^you\s+are\s+on\s+page\s+\d+\s*of\s*\d+$|^page\s+\d+\s+of\s+\d+$|^(?:actions|work\s+header|entry\s+tags?:?.*)$|"
    r"^posted\s+originally\s+on\s+the\s+archive\s+of\s+our\s+own\b.*$|^(?:current\s+(?:mood|music|location)|"
    r"mood|music)\s*:.*$"
)
_COUNTERS = re.compile(r"^(?:\d[\d.,]*[kKmM]?\s+){1,4}\d[\d.,]*[kKmM]?$")
_PROMPT = re.compile(
    r"(?i)^(?:(?:please\s+)?(?:don'?t\s+forget\s+to\s+)?(?:vote|comment|review|like|reblog|follow)\b.{0,60}|"
    r"thanks?\s+(?:you\s+)?(?:so\s+much\s+)?for\s+(?:reading|all\s+the\s+(?:votes|reads|comments|reviews)|"
    r"\d[\d.,]*k?\s+reads).{0,60}|(?:enjoy|happy\s+reading)[!.]*)$"
)
_TAG_LINE = re.compile(r"^#[^\s#]")
_TAGLINE = re.compile(
    r"(?i)^(?:an?\s+)?(?P<fandom>\S.{0,60}?)\s+(?:fan\s*fic(?:tion)?|fic|crossover|one[\s-]shot|drabble|ficlet)$"
)
_BY_AUTHOR = re.compile(r"^(?P<title>\S.{0,120}?)\s+by\s+(?P<author>\S.{0,50})$")
_NOT_AUTHORS = frozenset({"me", "you", "us", "them", "him", "her", "it", "night", "day", "moonlight", "candlelight",
                          "the", "a", "an", "my", "your", "side", "one", "two"})
_INLINE_LABEL = re.compile(r"(?<=\s)(?P<label>[A-Z][\w'’/]*(?:\s+[\w'’/]+){0,2}):\s")


def dateline(text: str) -> bool:
    """A line that is only a date and/or time ("Feb. 13th, 2007 | 11:34 pm", "Mar 03, 2010 22:15")."""
    stripped = text.strip()
    if not stripped or len(stripped) > 60 or not re.search(r"\d", stripped):
        return False
    rest = _DATE_TOKEN.sub(" ", stripped)
    rest = re.sub(r"[\s|,./:\-–—()@\[\]]+", " ", rest).strip()
    return not rest and bool(re.search(r"(?i)" + _MONTH + r"|\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|\d+/\d+/\d+", stripped))


def journal_author(text: str) -> str | None:
    """The user name in a "name (user) wrote," or "posted by: user in community" line."""
    stripped = text.strip()
    match = _WROTE.match(stripped) or _POSTED_BY.match(stripped)
    return match.group("user") if match else None


def page_chrome(text: str) -> bool:
    """Journal, archive or reader-app chrome that is never part of the header or the story."""
    stripped = text.strip()
    if not stripped:
        return False
    return bool(
        journal_author(stripped) or _JOURNAL_CHROME.match(stripped) or _COUNTERS.match(stripped)
        or (_TAG_LINE.match(stripped) and len(stripped) <= 300)
    )


def body_chrome(text: str) -> bool:
    """A line at the very start of the story text that is page chrome: counters, tags, prompts, dates."""
    stripped = text.strip()
    return bool(page_chrome(stripped) or _PROMPT.match(stripped) or dateline(stripped)
                or re.fullmatch(r"(?i)\(?(?:c|©)\)?\s+.{0,40}", stripped) is not None)


def tagline_fandom(text: str) -> str | None:
    """The fandom in a tagline such as "A Gundam Wing fanfic" or "An X-Files fic"."""
    match = _TAGLINE.match(text.strip().strip("*_~"))
    if not match or len(match.group("fandom").split()) > 6:
        return None
    return match.group("fandom").strip()


def title_by_author(text: str) -> tuple[str, str] | None:
    """``(title, author)`` from a "Title by Author" byline; the last " by " splits ("One by One by X")."""
    stripped = text.strip()
    if len(stripped) > 160 or stripped.endswith((".", ",", ";", ":")):
        return None
    at = stripped.rfind(" by ")
    if at <= 0:
        return None
    title, author = stripped[:at].strip(), stripped[at + 4:].strip()
    words = author.split()
    if not title or not 1 <= len(words) <= 3 or author.casefold() in _NOT_AUTHORS:
        return None
    if words[0].casefold() in _NOT_AUTHORS or not (author[0].isupper() or re.search(r"[\d_]", author)):
        return None
    if len(title.split()) > 14 or title.endswith((".", ",", ";", ":")):
        return None
    return title, author


_SEGMENT = re.compile(r"\s+[-|•·]\s+")


def split_inline_fields(text: str) -> list[str]:
    """A line holding several labelled fields as one line per field.

    "Story: X Category: Naruto Rated: M" -> ["Story: X", "Category: Naruto", "Rated: M"]. Only a
    line that starts with a label is split, and only before a known label (1-3 words) followed by
    a colon, so a colon inside a summary sentence stays where it is. fanfiction.net's info line
    ("Rated: T - English - Romance - Words: 1,234 - Status: Complete") and pipe-separated lines split
    at their separators; unlabelled segments (language, genre, characters) go to one "Details:" line.
    """
    head = text.strip()
    segments = _SEGMENT.split(head)
    if len(segments) >= 3 and sum(1 for segment in segments if _labelled(segment)) >= 2 and _labelled(segments[0]):
        out: list[str] = []
        details: list[str] = []
        for segment in segments:
            if _labelled(segment):
                out.extend(split_inline_fields(segment))
            elif segment.strip():
                details.append(segment.strip())
        if details:
            out.insert(1, "Details: " + " - ".join(details))
        return out
    return _split_at_labels(head, text)


def _labelled(segment: str) -> bool:
    label = segment.split(":", 1)[0]
    return ":" in segment and len(label.split()) <= 4 and normalise_label(label) in LABELS


def _split_at_labels(head: str, text: str) -> list[str]:
    first = head.split(":", 1)[0]
    if ":" not in head or normalise_label(first) not in LABELS or len(first.split()) > 4:
        return [text]
    cuts: list[int] = []
    for match in _INLINE_LABEL.finditer(head, len(first) + 1):
        words = match.group("label").split()
        for take in range(len(words), 0, -1):  # the longest known label ending at this colon
            candidate = " ".join(words[-take:])
            if normalise_label(candidate) in LABELS:
                start = match.start() + len(match.group("label")) - len(candidate)
                if head[start].isupper() or take > 1:
                    cuts.append(start)
                break
    if not cuts:
        return [text]
    parts, previous = [], 0
    for cut in cuts:
        parts.append(head[previous:cut].strip())
        previous = cut
    parts.append(head[previous:].strip())
    return [part for part in parts if part]
