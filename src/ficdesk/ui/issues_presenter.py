"""The checker's findings on screen: underlines, the Issues panel, the status-bar word, the context menu.

Presents what the window's :class:`~ficdesk.ui.checking.CheckController` found and turns the author's
answers (apply, ignore once, ignore rule, add to dictionary) into store calls.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu, QMessageBox

if TYPE_CHECKING:
    from ficdesk.ui.checking import CheckController, Issue
    from ficdesk.ui.highlighter import ChapterHighlighter
    from ficdesk.ui.issues_panel import IssuesPanel
    from ficdesk.ui.main_window import MainWindow
    from ficdesk.ui.story_issues import StoryChecker

#: More changed paragraphs than this after a check are re-highlighted in one pass over the chapter.
REHIGHLIGHT_ALL = 200
CHECKER_LABELS = {"off": "Checker off", "idle": "Checked", "checking": "Checking…"}


class IssuesPresenter(QObject):
    """Connects the checker, the highlighter, the Issues panel and the whole-story checker."""

    def __init__(self, window: MainWindow, checker: CheckController, highlighter: ChapterHighlighter,
                 issues: IssuesPanel, story_issues: StoryChecker) -> None:
        super().__init__(window)
        self.window = window
        self.checker = checker
        self.highlighter = highlighter
        self.issues = issues
        self.story_issues = story_issues
        self._checker_project: int | None = None
        checker.updated.connect(self.checks_updated)
        checker.reset.connect(self.checks_reset)
        checker.stateChanged.connect(self.show_checker_state)
        issues.jumpRequested.connect(self.jump_to_issue)
        issues.applyRequested.connect(self.apply_suggestion)
        issues.ignoreOnceRequested.connect(self.ignore_once)
        issues.ignoreRuleRequested.connect(self.ignore_rule)
        issues.addWordRequested.connect(self.add_to_dictionary)
        issues.scopeChanged.connect(self.scope_changed)
        story_issues.updated.connect(self.show_issues)
        window.editor.issue_actions = self.issue_menu

    def configure_checker(self, *, force: bool = True) -> None:
        """Give the editor the project's checker; without ``force`` keep it when the project is the same.

        Rebuilding drops every cached result (also the whole-story list), so switching chapters
        within a project keeps the checker; dictionary and canon changes force a rebuild.
        """
        factory = self.window.services.make_checker
        project_id = self.window.project_id
        if factory is None or project_id is None:
            self._checker_project = None
            self.checker.set_checker(None)
            self.issues.show_message("Checking is not available in this build of FicDesk.")
            self.show_checker_state(self.checker.state)
            return
        if force or self._checker_project != project_id:
            self._checker_project = project_id
            self.checker.set_checker(lambda: factory(project_id))  # first: it forgets the old results
        else:
            self.checker.forget_results()
        self.refresh_filters()

    def reset(self) -> None:
        """No chapter is open: no checker, and the next chapter opened gets a fresh one."""
        self._checker_project = None
        self.checker.set_checker(None)

    def refresh_filters(self) -> None:
        if self.window.project_id is None:
            return
        dictionary = self.window.store.dictionary
        self.checker.set_filters(dictionary.ignored(self.window.project_id, self.window.chapter_id),
                                 dictionary.words(self.window.project_id))

    def checks_reset(self) -> None:
        # A full pass only when it can change what is shown: opening a chapter resets the checker twice
        # (new results, then the filters), and each pass over a long chapter costs tens of milliseconds.
        if self.highlighter.underlined or self.checker.has_findings:
            self.highlighter.rehighlight()
        self.checks_updated(set())

    def checks_updated(self, texts: set[str]) -> None:
        if len(texts) > REHIGHLIGHT_ALL:
            # One pass; re-highlighting block by block would also lay out every one of them at once
            # (QPlainTextEdit lays out a single changed block eagerly): 140 MB for a 500,000-word chapter.
            self.highlighter.rehighlight()
        elif texts:
            document = self.window.editor.document()
            for number, text in enumerate(self.window.paragraphs.texts):
                if text in texts:
                    self.highlighter.rehighlightBlock(document.findBlockByNumber(number))
        if self.checker.enabled and self.window.chapter_id is not None and self.checker.state != "checking":
            self.show_issues()
            self.show_checker_state(self.checker.state)

    def show_issues(self) -> None:
        """Fill the Issues panel with the open chapter's findings, or the whole story's."""
        if not self.checker.enabled or self.window.chapter_id is None:
            return
        current = self.checker.issues() if self.checker.has_results else None
        if self.issues.story_scope:
            combined = self.story_issues.combined(self.window.chapter_id, current)
            self.issues.set_issues(combined, self.story_issues.labels())
        elif current is None:
            self.issues.show_message("Checking this chapter…")
        else:
            self.issues.set_issues(current)

    def scope_changed(self, scope: str) -> None:
        self.story_issues.set_active(scope == "story")
        self.show_issues()

    def show_checker_state(self, state: str) -> None:
        if state.startswith("failed"):
            text = "Checker stopped"
            self.window.checker_label.setToolTip(self.checker.last_error)
        else:
            text = CHECKER_LABELS.get(state, state)
            if state == "idle" and not self.checker.has_results:
                text = "Not checked yet"  # the chapter was just opened: its check is about to run
            elif state == "idle":
                count = self.issues.count()
                text = f"{count} issue{'s' if count != 1 else ''}"
            self.window.checker_label.setToolTip("")
        if self.window.services.checker_status is not None and self.window.project_id is not None:
            detail = self.window.services.checker_status(self.window.project_id)
            self.window.checker_label.setToolTip(detail)
            if state == "idle" and "LanguageTool" in detail:
                text = f"{text} · {detail.removeprefix('Built-in checker').strip(' +()')}"  # only news
        if not self.checker.enabled:
            text = "Checker not available" if self.window.services.make_checker is None else "Checker off"
        self.window.checker_label.setText(text)

    def _open_issue_chapter(self, issue: Issue) -> bool:
        """Open the chapter of a whole-story finding (when it is not the open one)."""
        if issue.chapter_id is None or issue.chapter_id == self.window.chapter_id:
            return True
        return self.window.open_chapter(issue.chapter_id)

    def jump_to_issue(self, issue: Issue) -> bool:
        if not self._open_issue_chapter(issue):
            return False
        span = issue.qt_range(self.window.editor.document())
        if span is None:
            self.window.statusBar().showMessage("That paragraph has changed; the list is being refreshed.", 4000)
            self.checker.run_now()
            return False
        self.window.editor.select_range(*span)
        self.window.editor.setFocus()
        return True

    def apply_suggestion(self, issue: Issue, replacement: str) -> bool:
        if not self.window.writable():
            return False
        if not self._open_issue_chapter(issue):
            return False
        span = issue.qt_range(self.window.editor.document())
        if span is None:
            self.checker.run_now()
            return False
        cursor = self.window.editor.textCursor()
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
        self.window.editor.setTextCursor(cursor)
        self.checker.run_now()
        return True

    def ignore_once(self, issue: Issue) -> None:
        if not self.window.writable():
            return
        if self.window.project_id is None:
            return
        chapter_id = self.window.chapter_id if issue.chapter_id is None else issue.chapter_id
        self.window.store.dictionary.ignore_once(self.window.project_id, chapter_id, issue.match.rule, issue.flagged,
                                          issue.context())
        self.refresh_filters()

    def ignore_rule(self, issue: Issue) -> None:
        """Ignore the finding's rule in the project, after asking; for spelling only its word (never all spelling)."""
        project_id = self.window.project_id
        if not self.window.writable() or project_id is None:
            return
        if issue.match.category.value == "spelling":
            self.ignore_word(issue)
            return
        answer = QMessageBox.question(
            self.window, "Ignore this rule?",
            f"Stop reporting this everywhere in the project?\n\n{issue.match.message}\n\n"
            "Check ▸ Dictionary and Ignored… lists ignored rules and turns them back on.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        dictionary = self.window.store.dictionary
        if not self.window.attempt(lambda: dictionary.ignore_rule(project_id, issue.match.rule)):
            return
        self.refresh_filters()
        self.window.show_notice(f"No longer reported in this project: {issue.match.message}",
                                ("Undo", lambda: self._undo(lambda: dictionary.unignore_rule(project_id,
                                                                                             issue.match.rule))))

    def ignore_word(self, issue: Issue) -> None:
        """A spelling finding's word is fine in this project (its dictionary); other words are still checked."""
        self._add_word(issue, self.window.project_id, f"“{issue.flagged}” is no longer flagged in this project.")

    def add_to_dictionary(self, issue: Issue) -> None:
        """The word is fine everywhere: the personal dictionary, shared by every project."""
        self._add_word(issue, None, f"“{issue.flagged}” is in your dictionary (every project).")

    def _add_word(self, issue: Issue, project_id: int | None, said: str) -> None:
        if not self.window.writable() or self.window.project_id is None:
            return
        dictionary, word = self.window.store.dictionary, issue.flagged
        if not self.window.attempt(lambda: dictionary.add_word(word, project_id)):
            return
        self.refresh_filters()
        self.configure_checker()  # the checker takes the dictionary into account itself
        self.window.show_notice(said, ("Undo", lambda: self._undo(lambda: dictionary.remove_word(word, project_id),
                                                                  rebuild=True)))

    def _undo(self, work: Callable[[], object], *, rebuild: bool = False) -> None:
        if self.window.writable() and self.window.attempt(work):
            self.window.notice.hide()
            self.refresh_filters()
            if rebuild:
                self.configure_checker()

    def issue_menu(self, position: int, menu: QMenu) -> bool:
        """Add the actions for the finding under ``position`` to ``menu`` (suggestions first)."""
        from ficdesk.ui.checking import Issue
        from ficdesk.ui.offsets import offset_map

        document = self.window.editor.document()
        block = document.findBlock(position)
        text = block.text()
        offset = offset_map(text).to_py(position - block.position())
        found = [m for m in self.checker.matches_for(text) if m.start <= offset <= m.end]
        if not found:
            return False
        issue = Issue(block.blockNumber(), text, found[0])
        heading = menu.addAction(issue.match.message)
        if heading is not None:
            heading.setEnabled(False)
        for replacement in issue.match.replacements[:6]:
            action = menu.addAction(replacement, partial(self.apply_suggestion, issue, replacement))
            bold = action.font()
            bold.setBold(True)
            action.setFont(bold)
        menu.addSeparator()
        menu.addAction("Ignore Once", partial(self.ignore_once, issue))
        if issue.match.category.value == "spelling":
            menu.addAction(f"Ignore “{issue.flagged}” in This Project", partial(self.ignore_word, issue))
            menu.addAction(f"Add “{issue.flagged}” to Dictionary", partial(self.add_to_dictionary, issue))
        else:
            menu.addAction("Ignore Rule in Project…", partial(self.ignore_rule, issue))
        return True
