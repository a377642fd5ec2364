"""What placeholders are filled with: a plain value object, built by hand or from a stored story."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ficdesk.templates.engine import RenderResult, render_values

if TYPE_CHECKING:
    from ficdesk.store import Store

#: Said when a story names no rights holder, so a disclaimer still reads as a sentence.
DEFAULT_OWNER = "their creators"


@dataclass(frozen=True)
class TemplateContext:
    """The values of one story (and optionally one chapter) for rendering templates."""

    title: str = ""
    author: str = ""
    fandoms: tuple[str, ...] = ()
    owner: str = ""
    relationships: tuple[str, ...] = ()
    characters: tuple[str, ...] = ()
    rating: str = ""
    warnings: tuple[str, ...] = ()
    summary: str = ""
    word_count: int | None = None
    chapter_number: int | None = None
    chapter_title: str = ""
    chapter_count: int | None = None
    today: date = field(default_factory=date.today)

    @classmethod
    def for_story(cls, store: Store, story_id: int, chapter_id: int | None = None,
                  *, today: date | None = None) -> TemplateContext:
        """The context of a stored story; with ``chapter_id`` also its chapter number and title."""
        story = store.stories.get(story_id)
        chapters = store.chapters.list(story_id)
        number: int | None = None
        chapter_title = ""
        if chapter_id is not None:
            chapter = store.chapters.get(chapter_id)
            if chapter.story_id != story_id:
                from ficdesk.errors import FicDeskError

                raise FicDeskError(f"chapter {chapter_id} does not belong to story '{story.title}'")
            ids = [c.id for c in chapters]
            number = ids.index(chapter_id) + 1 if chapter_id in ids else None
            chapter_title = chapter.title
        return cls(
            title=story.title, author=story.author, fandoms=tuple(story.fandoms), owner=story.owner,
            relationships=tuple(story.relationships), characters=tuple(story.characters),
            rating=story.rating, warnings=tuple(story.warnings), summary=story.summary,
            word_count=store.stories.word_count(story_id), chapter_number=number,
            chapter_title=chapter_title, chapter_count=len(chapters), today=today or date.today(),
        )

    def values(self) -> dict[str, str]:
        """Every canonical placeholder's text (empty string when unknown)."""
        return {
            "title": self.title,
            "author": self.author,
            "fandom": ", ".join(self.fandoms),
            "owner": self.owner or DEFAULT_OWNER,
            "relationships": ", ".join(self.relationships),
            "characters": ", ".join(self.characters),
            "rating": self.rating,
            "warnings": ", ".join(self.warnings),
            "summary": self.summary,
            "word_count": "" if self.word_count is None else f"{self.word_count:,}",
            "chapter_number": "" if self.chapter_number is None else str(self.chapter_number),
            "chapter_title": self.chapter_title,
            "chapter_count": "" if self.chapter_count is None else str(self.chapter_count),
            "date": self.today.isoformat(),
        }


def render(template: str, context: TemplateContext) -> RenderResult:
    """Fill ``template``'s placeholders from ``context``.

    Never raises on template text: unknown or malformed placeholders stay visible and are named in
    ``RenderResult.problems``.
    """
    return render_values(template, context.values())
