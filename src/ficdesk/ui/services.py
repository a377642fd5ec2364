"""The one seam between the window and the core packages.

The window only ever talks to the store and to the optional hooks below. A hook that is ``None``
makes its panel or menu entry show a calm "not available" state. ``wire_services`` is the single
place where the real checker, canon builder, templates and formats are plugged in.

Threading contract (the window relies on it):

- ``make_checker`` and the ``CheckFn`` it returns are called on a worker thread, never on the UI
  thread. A ``CheckFn`` must be a plain function of its argument (thread-safe, no Qt).
- ``canon_import`` and ``read_draft`` are called on a worker thread.
- Every other hook is called on the UI thread and must be fast (milliseconds).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ficdesk.checking.model import Match

if TYPE_CHECKING:
    from ficdesk.canon.model import Entity
    from ficdesk.checking.languagetool import LanguageToolEngine
    from ficdesk.checking.project import ParagraphChecker
    from ficdesk.formats.model import ImportedStory
    from ficdesk.posting.files import PostOutput
    from ficdesk.posting.sites import Posting
    from ficdesk.store import Store
    from ficdesk.templates.engine import RenderResult

#: Checks one paragraph; offsets of the returned matches are code points into that paragraph.
CheckFn = Callable[[str], list[Match]]


@dataclass
class AppServices:
    """What the window may use. Only ``store`` is required."""

    store: Store
    #: project_id -> the project's checker (a :class:`ficdesk.checking.project.ProjectChecker`, or a plain
    #: CheckFn that ignores the document's style). Called on the worker thread whenever the project,
    #: dictionary or ignore list changes.
    make_checker: Callable[[int], ParagraphChecker | CheckFn] | None = None
    #: project_id -> one line about the checker, e.g. "LanguageTool unavailable: Java not found".
    checker_status: Callable[[int], str] | None = None
    #: (project_id, query) -> entities ranked best first (typo-tolerant).
    canon_search: Callable[[int, str], list[Entity]] | None = None
    #: project_id -> every canon entity of the project (most important first).
    canon_entities: Callable[[int], list[Entity]] | None = None
    #: (project_id, document path) -> number of entities imported. Runs on a worker thread.
    canon_import: Callable[[int, Path], int] | None = None
    #: (project_id, entity name) -> the author's note on that entity ("" when none).
    canon_get_note: Callable[[int, str], str] | None = None
    #: (project_id, entity name, note) -> None: store the author's note.
    canon_set_note: Callable[[int, str, str], None] | None = None
    #: (project_id, action, name, argument, type, aliases) -> the entry after the author's edit (None once
    #: deleted); actions as ``store.services.canon.EDIT_ACTIONS``. Raises FicDeskError on a bad edit.
    canon_edit: Callable[[int, str, str, str | None, str | None, tuple[str, ...]], Entity | None] | None = None
    #: (template_id, story_id) -> the template's text with its placeholders filled for the story.
    render_template: Callable[[int, int], str] | None = None
    #: (template text, story_id or None, chapter_id or None) -> the rendered text and its problems
    #: (unknown placeholders), for the live preview of a template being edited.
    render_template_text: Callable[[str, int | None, int | None], RenderResult] | None = None
    #: (story_id, format) -> the exported document; format is one of ``export_formats``. Text formats give
    #: ``str`` (previewed), the Word and EPUB formats the file's ``bytes``.
    export_story: Callable[[int, str], str | bytes] | None = None
    #: Formats ``export_story`` accepts, as (format id, label, file suffix).
    export_formats: tuple[tuple[str, str, str], ...] = (
        ("txt", "Plain text", ".txt"),
        ("md", "Markdown", ".md"),
        ("ao3-html", "AO3 HTML", ".html"),
        ("docx", "Word (.docx, for fanfiction.net and betas)", ".docx"),
        ("epub", "EPUB e-book", ".epub"),
    )
    #: (story_id, site) -> what goes into each box of that site's posting forms, with limit problems.
    posting: Callable[[int, str], Posting] | None = None
    #: (story_id, site, folder, chapter number or None) -> the chapter files and metadata.json written.
    write_post: Callable[[int, str, Path, int | None], PostOutput] | None = None
    #: document path -> what the draft importer recognised (nothing stored yet). Runs on a worker thread.
    read_draft: Callable[[Path], ImportedStory] | None = None
    #: (project_id, imported draft, title) -> id of the story created from it (one transaction).
    save_draft: Callable[[int, ImportedStory, str], int] | None = None
    #: store -> None: fill a brand-new database with the sample project.
    create_sample: Callable[[Store], object] | None = None


def wire_services(store: Store) -> AppServices:
    """The services the application runs with: the real core packages behind every hook.

    Each hook imports the core code it calls when it is first called: the formats readers, the sample
    project, the templates and the canon reader are not needed to show the first chapter, and importing
    them here (a good part of the start-up) delayed it.
    """
    from ficdesk import formats

    checkers = _CheckerFactory(store)

    def canon_search(project_id: int, query: str) -> list[Entity]:
        return [hit.entity for hit in store.canon.index(project_id).search(query, limit=50)]

    def canon_import(project_id: int, path: Path) -> int:
        from ficdesk.canon import read_document

        text, fmt = read_document(path)
        store.canon.import_source(project_id, path.name, text, fmt)
        return len(store.canon.entities(project_id))

    def canon_edit(project_id: int, action: str, name: str, argument: str | None, kind: str | None,
                   aliases: tuple[str, ...]) -> Entity | None:
        return store.canon.edit(project_id, action, name, argument, type=kind, aliases=aliases)

    def render_template(template_id: int, story_id: int) -> str:
        from ficdesk.templates import TemplateContext, render

        template = store.templates.get(template_id)
        return render(template.body, TemplateContext.for_story(store, story_id)).text

    def render_template_text(body: str, story_id: int | None, chapter_id: int | None) -> RenderResult:
        from ficdesk.templates import TemplateContext, render

        context = TemplateContext() if story_id is None else TemplateContext.for_story(store, story_id, chapter_id)
        return render(body, context)

    def export_story(story_id: int, fmt: str) -> str | bytes:
        if fmt in ("docx", "epub"):
            return formats.export_bytes(store, story_id, fmt)
        return formats.export_story(store, story_id, "html" if fmt == "ao3-html" else fmt)

    def posting(story_id: int, site: str) -> Posting:
        from ficdesk.posting.files import posting_for

        return posting_for(store, story_id, site)

    def write_post(story_id: int, site: str, folder: Path, chapter: int | None) -> PostOutput:
        from ficdesk.posting.files import write_post_files

        return write_post_files(formats.document_for(store, story_id), site, folder, chapter)

    def save_draft(project_id: int, imported: ImportedStory, title: str) -> int:
        return formats.save_import(store, project_id, imported, title=title or None)

    def read_draft(path: Path) -> ImportedStory:
        return formats.import_file(path)

    def create_sample(target: Store) -> object:
        from ficdesk.sample import create_sample_project

        return create_sample_project(target)

    return AppServices(
        store=store,
        make_checker=checkers.make,
        checker_status=checkers.status,
        canon_search=canon_search,
        canon_entities=store.canon.entities,
        canon_import=canon_import,
        canon_get_note=store.canon.note,
        canon_set_note=store.canon.set_note,
        canon_edit=canon_edit,
        render_template=render_template,
        render_template_text=render_template_text,
        export_story=export_story,
        posting=posting,
        write_post=write_post,
        read_draft=read_draft,
        save_draft=save_draft,
        create_sample=create_sample,
    )


class _CheckerFactory:
    """Builds the project's checker: the core's ProjectChecker, plus LanguageTool when the settings ask for it.

    The checking policy (language, dictionary, canon, ignored findings) is the core's; only the choice of a
    second engine is an application preference. LanguageTool starts on its own worker thread; until it is
    ready (or when it is unavailable) paragraphs are checked by the built-in engine alone.
    """

    LANGUAGETOOL_WAIT_S = 10.0

    def __init__(self, store: Store) -> None:
        self.store = store
        self._engine: LanguageToolEngine | None = None
        self._engine_key: tuple[str, str, str] | None = None

    def _languagetool(self, language: str) -> LanguageToolEngine | None:
        from ficdesk.checking.languagetool import LanguageToolEngine, LanguageToolSettings, Mode
        from ficdesk.ui.settings import load_settings

        settings = load_settings()
        key = (settings.languagetool, settings.languagetool_url, language)
        if key != self._engine_key:
            if self._engine is not None:
                self._engine.close()
            mode = Mode(settings.languagetool) if settings.languagetool in set(Mode) else Mode.OFF
            self._engine = None if mode == Mode.OFF else LanguageToolEngine(
                LanguageToolSettings(mode=mode, server_url=settings.languagetool_url, language=language))
            if self._engine is not None:
                self._engine.start()
            self._engine_key = key
        return self._engine

    def make(self, project_id: int) -> ParagraphChecker:
        """The project's :class:`ProjectChecker` (its language, dictionary, canon and ignored rules)."""
        from ficdesk.checking.languagetool import State, merge
        from ficdesk.checking.project import ProjectChecker, load_settings

        settings = load_settings(self.store, project_id)
        language = settings.language if settings.language != "auto" else settings.fallback_language
        engine = self._languagetool(language)
        if engine is None:
            return ProjectChecker(settings)
        accepted = {word.casefold() for word in settings.personal_words}
        accepted |= {name.casefold() for name in settings.canon_names}

        def extra(text: str) -> list[Match] | None:
            if engine.status.state != State.READY:
                return None
            return engine.check(text).result(timeout=self.LANGUAGETOOL_WAIT_S)

        def combine(builtin: list[Match], found: list[Match], text: str) -> list[Match]:
            return merge(builtin, found, lambda span: span.casefold() in accepted, text)

        return ProjectChecker(settings, extra, combine)

    def status(self, project_id: int) -> str:
        engine = self._engine
        if engine is None:
            return "Built-in checker"
        from ficdesk.checking.languagetool import State

        state = engine.status
        if state.state == State.READY:
            return "Built-in checker + LanguageTool"
        if state.state == State.STARTING:
            return "Built-in checker (LanguageTool starting…)"
        return f"Built-in checker (LanguageTool unavailable: {state.reason})"
