"""Dropping web-page chrome from scraped text: shop footers, cookie banners, share buttons, menus.

Works on lines at the start and end of a document only, never in the middle of a story. A run of
non-prose lines at an edge is dropped when it contains at least one line that is clearly page
chrome; short unpunctuated lines next to such chrome ("Kempsey, Australia", "• Artist") go with it.
"""

from __future__ import annotations

import re
from enum import Enum

from ficdesk.formats.patterns import is_scene_break, parse_chapter_heading, parse_label

_CHROME = re.compile(
    r"(?i)\bcookies?\b|\bnewsletter\b|\bmailing\s+list\b|\b(?:un)?subscribe\b|\bsign\s+(?:up|in)\b|"
    r"\blog\s?(?:in|out)\b|\bprivacy\s+(?:policy|settings|notice)\b|\bterms\s+(?:of\s+(?:service|use)|"
    r"and\s+conditions)\b|\ball\s+rights\s+reserved\b|©|\bcopyright\s+(?:©\s*)?\d{4}\b|\b\d+\s?%\s?off\b|"
    r"\bfree\s+(?:shipping|delivery|returns)\b|\badd\s+to\s+(?:cart|bag|basket|wish\s?list)\b|\bshop\s+now\b|"
    r"\bexclusive\s+(?:deals|offers|discounts)\b|\bto\s+your\s+inbox\b|\bshare\s+(?:this|on|via)\b|"
    r"\bskip\s+to\s+(?:main\s+)?content\b|\bback\s+to\s+top\b|\b(?:next|previous|prev)\s+(?:chapter|page|post|"
    r"story|entry)\b|\bleave\s+a\s+(?:comment|reply|review)\b|\bpost\s+a\s+comment\b|\brelated\s+(?:posts|"
    r"stories|works|articles)\b|\bpowered\s+by\b|\badvertisement\b|\bfollow\s+us\b|\bcontact\s+us\b|"
    r"\babout\s+us\b|\bsitemap\b|\bhelp\s+cent(?:er|re)\b|\bgift\s+cards?\b|\bcheckout\b|\bshopping\s+cart\b|"
    r"\bjavascript\b|\bdownload\s+(?:the\s+)?app\b|\bview\s+(?:full\s+)?(?:site|profile)\b|"
    r"\breport\s+(?:this|abuse|content)\b|\b(?:add|leave)\s+kudos\b|\bkudos\s*(?:\(\d+\)|:)|"
    r"\bcomments?\s*\(\d+\)|^\d+\s+comments?$|^(?:tags?|categories|filed\s+under|posted\s+in|share)\s*:|"
    r"\bliked\s+by\b|\blike\s+this\s*:|^loading\.*$|\bclick\s+here\b|\bread\s+more\b|\bbuy\s+now\b|"
    r"\b(?:artist|shop|store)\s+(?:news|shop)\b|\bwork(?:stream)?-\d|\bprint-on-demand\b"
)
_NAV_WORDS = frozenset(
    [
        "home", "menu", "search", "next", "previous", "prev", "close", "more", "share", "tweet", "pin", "email",
        "print", "facebook", "twitter", "tumblr", "pinterest", "reddit", "whatsapp", "instagram", "reblog", "like",
        "likes", "comment", "comments", "reply", "kudos", "bookmark", "bookmarks", "subscribe", "login", "register",
        "archive", "about", "contact", "top", "back", "follow", "notifications", "ask", "me", "anything", "submit",
        "faq", "random", "theme", "masterlist", "navigation", "blog", "posts", "index", "rss", "feed", "notes"
    ]
)
_CSS_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+|desktop|mobile|tablet|phone")
_STORY_ENDINGS = frozenset({"the end", "fin", "end", "tbc", "to be continued", "the end?", "finis", "owari"})


class Kind(Enum):
    BLANK = 0
    CHROME = 1
    SHORT = 2
    PROSE = 3


def classify(line: str) -> Kind:
    """How a line at the edge of a document looks: page chrome, short unpunctuated, or prose."""
    stripped = line.strip()
    if not stripped:
        return Kind.BLANK
    words = [word for word in stripped.split() if any(ch.isalnum() for ch in word)]
    if len(words) <= 30 and _CHROME.search(stripped):
        return Kind.CHROME
    tokens = [w for w in re.split(r"[\s|·•/,]+", stripped.casefold()) if w]
    if tokens and all(t in _NAV_WORDS for t in tokens):
        return Kind.CHROME
    if len(words) >= 3 and all(_CSS_TOKEN.fullmatch(w) for w in words):
        return Kind.CHROME  # a row of CSS class names leaked from a page layout
    if parse_label(stripped) is not None or parse_chapter_heading(stripped) is not None:
        return Kind.PROSE
    if stripped.strip("~*-_ .!").casefold() in _STORY_ENDINGS or is_scene_break(stripped):
        return Kind.PROSE
    if len(words) <= 8 and not stripped.endswith((".", "!", "?", "…", '"', "”", "’", "'", ")", ":")) \
            and not stripped.startswith(('"', "“", "‘", "'")):
        return Kind.SHORT
    return Kind.PROSE


def trim_end(lines: list[str], *, in_footer: bool = False) -> tuple[int, list[str]]:
    """Where trailing page chrome starts; ``in_footer`` drops short lines even without chrome among them.

    Returns the number of lines to keep and the dropped ones (non-blank, in document order).
    """
    index = len(lines)
    run_start = index
    chrome = in_footer
    while index > 0:
        kind = classify(lines[index - 1])
        if kind is Kind.PROSE:
            break
        if kind is Kind.CHROME:
            chrome = True
        index -= 1
        run_start = index
    if not chrome or run_start == len(lines):
        return len(lines), []
    dropped = [line.strip() for line in lines[run_start:] if line.strip()]
    return run_start, dropped


def trim_start(lines: list[str]) -> tuple[int, list[str]]:
    """Index after leading page chrome (up to the last chrome line before the first prose: titles survive)."""
    last_chrome = -1
    for index, line in enumerate(lines):
        kind = classify(line)
        if kind is Kind.PROSE:
            break
        if kind is Kind.CHROME:
            last_chrome = index
    if last_chrome < 0:
        return 0, []
    dropped = [line.strip() for line in lines[: last_chrome + 1] if line.strip()]
    return last_chrome + 1, dropped
