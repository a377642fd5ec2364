"""The posting sites' published limits, in one table, each with where the number comes from.

Sources (checked 2026-12-01):

- AO3: the Archive's own configuration, ``config/config.yml`` of the OTW's code,
  https://github.com/otwcode/otwarchive/blob/master/config/config.yml (``TITLE_MAX: 255``,
  ``SUMMARY_MAX: 1250``, ``NOTES_MAX: 5000``, ``TAG_MAX: 150``, ``USER_DEFINED_TAGS_MAX: 75``,
  ``CONTENT_MAX_DISPLAYED: 500000``), applied in ``app/models/work.rb`` and ``app/models/chapter.rb``
  (summary, notes and end notes of works and chapters; the 75 counts fandom, character,
  relationship and additional tags). AO3 validates chapter text against 510,000 characters of
  stored HTML but tells authors 500,000; FicDesk checks the HTML it produces against 500,000.
  Announced for tags on 2021-08-24 (https://fanlore.org/wiki/AO3_Tag_Limits).
- fanfiction.net: at most 4 characters per story, https://blog.fictionpress.com/2013/03/15/
  fanfiction-story-character-limited-increased-part-1-of-2/. The summary limit (384 characters)
  is what the site's form is widely reported to enforce, but no published rule stating it was
  found: **unverified**. Ratings: FictionRatings K, K+, T, M; MA is not allowed on the site
  (https://rating-system.fandom.com/wiki/FictionRatings).
- Wattpad and tumblr: no limit is checked (none found that a chapter would plausibly reach).
"""

from __future__ import annotations

from dataclasses import dataclass

AO3_CONFIG = "https://github.com/otwcode/otwarchive/blob/master/config/config.yml"
FFN_CHARACTERS = "https://blog.fictionpress.com/2013/03/15/fanfiction-story-character-limited-increased-part-1-of-2/"


@dataclass(frozen=True)
class Limit:
    """``maximum`` of ``unit`` allowed in one ``field`` on ``site``."""

    site: str
    field: str
    maximum: int
    unit: str
    source: str
    verified: bool = True


#: Every limit FicDesk checks. ``field`` names are the keys the checks use (see :mod:`ficdesk.posting.sites`).
LIMITS: tuple[Limit, ...] = (
    Limit("ao3", "title", 255, "characters", AO3_CONFIG),
    Limit("ao3", "summary", 1250, "characters", AO3_CONFIG),
    Limit("ao3", "notes", 5000, "characters", AO3_CONFIG),  # work and chapter notes and end notes, each
    Limit("ao3", "tag", 150, "characters", AO3_CONFIG),  # each fandom, relationship, character, additional tag
    Limit("ao3", "tags", 75, "tags", AO3_CONFIG),  # fandoms + relationships + characters + additional tags
    Limit("ao3", "chapter_text", 500_000, "characters", AO3_CONFIG),
    Limit("ao3", "chapter_title", 255, "characters", AO3_CONFIG),
    Limit("ffn", "summary", 384, "characters", "fanfiction.net story form (unverified)", verified=False),
    Limit("ffn", "characters", 4, "characters", FFN_CHARACTERS),
)


def limit_for(site: str, field: str) -> Limit | None:
    """The limit on ``field`` at ``site``, or None when the site has none."""
    for entry in LIMITS:
        if entry.site == site and entry.field == field:
            return entry
    return None


@dataclass(frozen=True)
class Problem:
    """Something the site would refuse (or silently change), pointing at the field it is in."""

    site: str
    field: str
    message: str
    chapter: int | None = None

    def __str__(self) -> str:
        where = f"chapter {self.chapter}, " if self.chapter is not None else ""
        return f"{where}{self.field}: {self.message}"


def over_limit(site: str, key: str, field: str, size: int, chapter: int | None = None) -> Problem | None:
    """A problem when ``size`` exceeds the limit ``key`` at ``site`` (None within it, or with no limit)."""
    entry = limit_for(site, key)
    if entry is None or size <= entry.maximum:
        return None
    note = "" if entry.verified else " (limit unverified)"
    return Problem(site, field, f"{size:,} {entry.unit}, the limit is {entry.maximum:,}{note}", chapter)
