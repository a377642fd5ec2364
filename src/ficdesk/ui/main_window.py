"""FicDesk's main window: project tree, chapter editor, Canon and Issues docks, status bar.

No business rules live here: data changes go through ``services.store``, checking through the
``make_checker`` hook, canon through the canon hooks (see :mod:`ficdesk.ui.services`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QFont, QGuiApplication, QIcon, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ficdesk import __version__
from ficdesk.errors import FicDeskError
from ficdesk.resources import resource_path
from ficdesk.ui import settings as ui_settings
from ficdesk.ui.settings import UiSettings
from ficdesk.ui.theme import Colours, apply_theme, colours_for
from ficdesk.ui.tree import Node, ProjectTree, chapter_label
from ficdesk.ui.tree_actions import TreeActions

if TYPE_CHECKING:

    # Imported where used: the window is on screen before the store, the editor page, the panels that need
    # the store and the dialogs load.
    from ficdesk.store import Store
    from ficdesk.store.instance_lock import InstanceLock
    from ficdesk.ui.canon_panel import CanonPanel
    from ficdesk.ui.checking import CheckController
    from ficdesk.ui.editor import ChapterEditor
    from ficdesk.ui.findbar import FindBar
    from ficdesk.ui.highlighter import ChapterHighlighter
    from ficdesk.ui.ignored_dialog import IgnoredDialog
    from ficdesk.ui.import_dialog import ImportDialog
    from ficdesk.ui.issues_panel import IssuesPanel
    from ficdesk.ui.issues_presenter import IssuesPresenter
    from ficdesk.ui.paragraphs import Paragraphs
    from ficdesk.ui.post_dialog import PostDialog
    from ficdesk.ui.recovery_bar import RecoveryBar
    from ficdesk.ui.saving import SaveOutcome
    from ficdesk.ui.services import AppServices
    from ficdesk.ui.session import ChapterSession, Unsaved
    from ficdesk.ui.snapshots_dialog import SnapshotsDialog
    from ficdesk.ui.story_issues import StoryChecker
    from ficdesk.ui.templates_dialog import TemplatesDialog



#: Smallest useful widths of the project tree, the canon panel and the editor, and the Issues panel's height.
TREE_MIN_WIDTH = 180
CANON_MIN_WIDTH = 240
EDITOR_MIN_WIDTH = 380
ISSUES_MIN_HEIGHT = 110


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "ficdesk.svg")))


class MainWindow(QMainWindow):
    """One open database. ``switchDatabase`` asks the application to reopen on another URL.

    Built in two steps so that it can be on screen before the store has loaded: the constructor makes
    the widgets (without ``services`` they show "Opening…" and every store action is off), and
    :meth:`attach` connects the open store and fills them.
    """

    switchDatabase = Signal(str)
    # Made by attach(): the editor page and what needs the store.
    editor: ChapterEditor
    paragraphs: Paragraphs
    checker: CheckController
    highlighter: ChapterHighlighter
    find_bar: FindBar
    session: ChapterSession
    recovery: RecoveryBar
    canon: CanonPanel
    issues: IssuesPanel
    story_issues: StoryChecker
    issue_presenter: IssuesPresenter
    #: The store is attached and the first chapter shown (emitted by :func:`ficdesk.ui.app.launch`).
    ready = Signal()
    services: AppServices
    store: Store

    def __init__(self, services: AppServices | None, settings: UiSettings, database_url: str = "") -> None:
        super().__init__()
        self.attached = False
        self.settings = settings
        self.database_url = database_url
        self.colours: Colours = colours_for(settings.theme)
        self.setWindowTitle("FicDesk")
        self.setWindowIcon(app_icon())
        self.setObjectName("mainWindow")
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        self._focus_state: QByteArray | None = None
        self._window_state_before_focus = Qt.WindowState.WindowNoState
        self.templates_dialog: TemplatesDialog | None = None
        self.snapshots_dialog: SnapshotsDialog | None = None
        self.ignored_dialog: IgnoredDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self._read_only_reason = ""
        #: The one-window lock on an SQLite database, released when the window goes.
        self.instance_lock: InstanceLock | None = None

        self.welcome = self._build_welcome()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.setCentralWidget(self.pages)
        self._build_docks()
        self.tree_actions = TreeActions(self)
        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self.apply_settings(settings)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_theme_changed)
        if services is None:
            self._show_opening()
        else:
            self.attach(services)

    def _show_opening(self) -> None:
        """Before :meth:`attach`: say what is loading; nothing that needs the store can be triggered."""
        self.welcome_text.setText(f"Opening {self.database_url or 'your library'}…")
        self.welcome_button.hide()
        self.pages.setCurrentWidget(self.welcome)
        self.save_label.setText("Opening…")
        for action in self.actions():
            action.setEnabled(action is self.quit_action)

    def attach(self, services: AppServices) -> None:
        """Connect the open store: the parts that read or write it are made here, then the tree is filled."""
        from ficdesk.ui.canon_panel import CanonPanel
        from ficdesk.ui.issues_panel import IssuesPanel
        from ficdesk.ui.issues_presenter import IssuesPresenter
        from ficdesk.ui.session import ChapterSession
        from ficdesk.ui.story_issues import StoryChecker

        if self.attached:
            raise RuntimeError("this window is already attached to a store")
        self.services = services
        self.store = services.store
        self.database_url = self.database_url or self.store.db.display_url
        self._build_editor()
        self.session = ChapterSession(self.store, self.editor.document(), self.paragraphs, self.database_url,
                                      self.editor.set_chapter_text, self)
        self.session.ask_unsaved = self._ask_unsaved
        self.session.choose_copy_file = self.choose_copy_file
        self.session.saved.connect(self._saved)
        self.session.stateChanged.connect(self._set_save_state)
        self.session.noticeRequested.connect(self.show_notice)
        self.canon = CanonPanel(services)
        self.canon.loaded.connect(self._follow_cursor)
        self._fill_dock(self.canon_dock, self.canon)
        self.issues = IssuesPanel(self.colours)
        self._fill_dock(self.issues_dock, self.issues)
        self.story_issues = StoryChecker(self.store, self.checker, self)
        self.issue_presenter = IssuesPresenter(self, self.checker, self.highlighter, self.issues, self.story_issues)
        self._apply_panel_settings()
        self.tree.currentItemChanged.connect(self.tree_actions.selection_changed)
        self.tree.customContextMenuRequested.connect(self.tree_actions.show_menu)
        self.tree.chapterMoved.connect(self.tree_actions.move_chapter)
        self.tree.itemDoubleClicked.connect(self.tree_actions.double_clicked)
        self.attached = True
        self.welcome_button.show()
        self.save_label.setText("No chapter open")
        for action in self.actions():
            action.setEnabled(True)
        self.leave_focus_action.setEnabled(self.in_focus_mode)
        self.reload_tree()
        self.issue_presenter.show_checker_state(self.checker.state)

    # ================================================================== building
    def _build_editor(self) -> None:
        """The editor page (behind the welcome page until a chapter opens)."""
        from ficdesk.ui.checking import CheckController
        from ficdesk.ui.editor import ChapterEditor
        from ficdesk.ui.findbar import FindBar
        from ficdesk.ui.highlighter import ChapterHighlighter
        from ficdesk.ui.paragraphs import Paragraphs

        self.editor = ChapterEditor()
        self.editor.setMinimumWidth(EDITOR_MIN_WIDTH)
        document = self.editor.document()
        # Before anything else listens to the document, so it is current when they run.
        self.paragraphs = Paragraphs(document, self)
        self.checker = CheckController(document, self, paragraphs=lambda: self.paragraphs.texts,
                                       shown=self.editor.shown_paragraphs)
        self.highlighter = ChapterHighlighter(document, self.colours, self.checker.matches_for)
        document.contentsChange.connect(self._contents_change)
        self.editor.cursorPositionChanged.connect(self._cursor_moved)

        self.count_timer = QTimer(self, singleShot=True, interval=300)
        self.count_timer.timeout.connect(self.update_counts)
        self.follow_timer = QTimer(self, singleShot=True, interval=250)
        self.follow_timer.timeout.connect(self._follow_cursor)

        self.notice = QFrame()
        self.notice.setObjectName("noticeBar")
        self.notice_text = QLabel()
        self.notice_text.setWordWrap(True)
        dismiss = QPushButton("Dismiss")
        dismiss.clicked.connect(self.notice.hide)
        notice_layout = QHBoxLayout(self.notice)
        notice_layout.setContentsMargins(12, 6, 12, 6)
        self.notice_action = QPushButton()
        self.notice_action.clicked.connect(self._notice_action_clicked)
        self.notice_action.hide()
        self._notice_callback: Callable[[], object] | None = None
        notice_layout.addWidget(self.notice_text, 1)
        notice_layout.addWidget(self.notice_action)
        notice_layout.addWidget(dismiss)
        self.notice.hide()

        self.chapter_title = QLabel()
        self.chapter_title.setObjectName("chapterTitle")
        self.chapter_title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.chapter_title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.find_bar = FindBar(self.editor)
        self.find_bar.before_replace_all = self.snapshot_before_bulk_replace
        page = QWidget()
        page.setObjectName("editorPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        from ficdesk.ui.recovery_bar import RecoveryBar

        self.recovery = RecoveryBar(self)
        layout.addWidget(self.recovery)
        layout.addWidget(self.chapter_title)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.find_bar)
        self.pages.addWidget(page)
        self.editor_page = page

    def _build_welcome(self) -> QWidget:
        page = QWidget()
        page.setObjectName("editorPage")
        title = QLabel("Welcome to FicDesk")
        title.setObjectName("emptyTitle")
        self.welcome_text = QLabel()
        self.welcome_text.setObjectName("emptyText")
        self.welcome_text.setWordWrap(True)
        self.welcome_text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.welcome_text.setFixedWidth(420)
        self.welcome_button = QPushButton()
        self.welcome_button.clicked.connect(self._welcome_action)
        box = QVBoxLayout()
        box.addStretch(2)
        box.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addSpacing(8)
        box.addWidget(self.welcome_text, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addSpacing(16)
        box.addWidget(self.welcome_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(3)
        outer = QHBoxLayout(page)
        outer.addStretch(1)
        outer.addLayout(box, 3)
        outer.addStretch(1)
        return page

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    @staticmethod
    def _fill_dock(dock: QDockWidget, panel: QWidget) -> None:
        placeholder = dock.widget()
        dock.setWidget(panel)
        if placeholder is not None:
            placeholder.deleteLater()

    def _build_docks(self) -> None:
        self.tree = ProjectTree()
        self.tree_dock = self._dock("Projects", "projectsDock", self.tree, Qt.DockWidgetArea.LeftDockWidgetArea)
        # The Canon and Issues panels need the store: attach() puts them in.
        self.canon_dock = self._dock("Canon", "canonDock", QWidget(), Qt.DockWidgetArea.RightDockWidgetArea)
        self.issues_dock = self._dock("Issues", "issuesDock", QWidget(), Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        # Below these the tree's titles and the canon's hints are cut to a few letters.
        self.tree_dock.setMinimumWidth(TREE_MIN_WIDTH)
        self.canon_dock.setMinimumWidth(CANON_MIN_WIDTH)
        self.issues_dock.setMinimumHeight(ISSUES_MIN_HEIGHT)
        self.fit_layout(remembered=False)
        from ficdesk.ui.dock_layout import DockShares

        self.dock_shares = DockShares(self, [self.tree_dock, self.canon_dock], [self.issues_dock],
                                      self._readable_width)

    def _readable_width(self) -> int:
        """The editor's width that shows its whole text column (the docks give way to it first)."""
        editor: ChapterEditor | None = getattr(self, "editor", None)
        if editor is None:
            return EDITOR_MIN_WIDTH
        margin = round(editor.document().documentMargin())
        return max(EDITOR_MIN_WIDTH, editor.text_width + 2 * margin + editor.verticalScrollBar().sizeHint().width())

    def fit_layout(self, *, remembered: bool = True) -> None:
        """Dock sizes for this screen size: the author's own (saved on close) or a share of the window.

        Layouts are kept per screen size, so a laptop screen and a large monitor each keep theirs.
        """
        shares = getattr(self, "dock_shares", None)
        if shares is not None:
            shares.layout_set()
        state = ui_settings.remembered(self._layout_key()) if remembered else ""
        if state and self.restoreState(QByteArray.fromHex(state.encode())):
            return
        width, height = max(self.width(), 1024), max(self.height(), 700)
        tree = max(TREE_MIN_WIDTH, min(300, width * 18 // 100))
        canon = max(CANON_MIN_WIDTH, min(400, width * 22 // 100))
        self.resizeDocks([self.tree_dock, self.canon_dock], [tree, canon], Qt.Orientation.Horizontal)
        self.resizeDocks([self.issues_dock], [max(ISSUES_MIN_HEIGHT, min(240, height * 22 // 100))],
                         Qt.Orientation.Vertical)

    def _layout_key(self) -> str:
        screen = self.screen().availableGeometry().size()
        return f"layout/{screen.width()}x{screen.height()}"

    def remember_layout(self) -> None:
        state = self._focus_state if self._focus_state is not None else self.saveState()
        ui_settings.remember(self._layout_key(), bytes(state.toHex().data()).decode())

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.save_label = QLabel("No chapter open")
        self.count_label = QLabel("")
        self.today_label = QLabel("")
        self.today_label.setToolTip("Net words written today: deleted words count against it, "
                                    "but it never shows less than 0")
        self.checker_label = QLabel("")
        bar.addWidget(self.save_label)
        bar.addWidget(self.count_label)
        bar.addPermanentWidget(self.today_label)
        bar.addPermanentWidget(self.checker_label)
        self._update_today(ui_settings.words_today())

    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_project_action = self._action("New &Project…", self.tree_actions.new_project, "Ctrl+Alt+N")
        self.new_story_action = self._action("New &Story…", self.tree_actions.new_story, "Ctrl+Shift+N")
        self.new_chapter_action = self._action("New &Chapter", self.tree_actions.new_chapter, keys.New)
        self.rename_action = self._action("&Rename…", self.tree_actions.rename_selected, "F2")
        self.delete_action = self._action("Move to &Trash", self.tree_actions.trash_selected, "Ctrl+Delete")
        # Ctrl+Delete is "delete the next word" in the editor and every text field: it trashes only
        # while the tree has the focus (the Story menu still offers it everywhere).
        self.removeAction(self.delete_action)
        self.tree.addAction(self.delete_action)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.restore_action = self._action("Restore from Trash", self.tree_actions.restore_selected)
        self.story_properties_action = self._action("Story &Properties…", self.tree_actions.edit_story, "Ctrl+Shift+P",
                                                    "Title, fandoms, rating, summary, disclaimer and notes")
        self.chapter_notes_action = self._action("C&hapter Notes…", self.tree_actions.edit_chapter_notes, None,
                                                 "Notes shown before and after this chapter in exports")
        self.open_database_action = self._action("&Open Database…", self.open_database, keys.Open)
        self.save_action = self._action("&Save Now", self.save_now, keys.Save,
                                        "FicDesk saves by itself; this saves at once")
        self.export_action = self._action("&Export Story…", self.export_story, "Ctrl+Shift+E")
        self.post_action = self._action("P&ost…", self.open_post_dialog, tip="Each chapter ready to paste into AO3, "
                                        "fanfiction.net, Wattpad or tumblr, checked against the site's limits")
        self.import_action = self._action("&Import Draft…", self.import_draft, "Ctrl+Shift+I",
                                          "Make a new story from a .txt, .md, .html or .docx draft")
        self.templates_action = self._action("&Templates…", self.open_templates, "Ctrl+T",
                                             "Disclaimers, author's notes and header blocks")
        self.snapshots_action = self._action("S&napshots…", self.open_snapshots, "Ctrl+Shift+S",
                                             "Take, compare and restore snapshots of this chapter")
        self.settings_action = self._action("Se&ttings…", self.open_settings, keys.Preferences)
        if QKeySequence(keys.Preferences).isEmpty():
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.quit_action = self._action("&Quit", self.close, keys.Quit)
        self.undo_action = self._action("&Undo", lambda: self.editor.undo(), keys.Undo)
        self.redo_action = self._action("&Redo", lambda: self.editor.redo(), keys.Redo)
        self.cut_action = self._action("Cu&t", lambda: self.editor.cut(), keys.Cut)
        self.copy_action = self._action("&Copy", lambda: self.editor.copy(), keys.Copy)
        self.paste_action = self._action("&Paste", lambda: self.editor.paste(), keys.Paste)
        self.select_all_action = self._action("Select &All", lambda: self.editor.selectAll(), keys.SelectAll)
        for action in (self.undo_action, self.redo_action, self.cut_action, self.copy_action, self.paste_action,
                       self.select_all_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the editor handles its own keys
        self.find_action = self._action("&Find…", lambda: self.find_bar.open_bar(), keys.Find)
        self.replace_action = self._action("Find and &Replace…", lambda: self.find_bar.open_bar(replace=True),
                                           keys.Replace if not QKeySequence(keys.Replace).isEmpty() else "Ctrl+H")
        self.find_next_action = self._action("Find &Next", lambda: self.find_bar.find_next(), keys.FindNext)
        self.find_previous_action = self._action("Find Pre&vious", lambda: self.find_bar.find_next(backward=True),
                                                 keys.FindPrevious)
        self.bold_action = self._action("&Bold", lambda: self.editor.wrap_selection("**"), keys.Bold)
        self.italic_action = self._action("&Italic", lambda: self.editor.wrap_selection("*"), keys.Italic)
        self.scene_break_action = self._action("Insert Scene &Break", self.insert_scene_break, "Ctrl+Shift+B")
        self.focus_action = self._action("&Distraction-free Mode", self.toggle_focus_mode, keys.FullScreen)
        if QKeySequence(keys.FullScreen).isEmpty():
            self.focus_action.setShortcut(QKeySequence("F11"))
        else:
            self.focus_action.setShortcuts([QKeySequence(keys.FullScreen), QKeySequence("F11")])
        self.focus_action.setCheckable(True)
        self.leave_focus_action = self._action("Leave Distraction-free Mode", self.leave_focus_mode, "Esc")
        self.leave_focus_action.setEnabled(False)
        self.show_trash_action = self._action("Show &Trash", self.reload_tree, "Ctrl+Shift+T")
        self.show_trash_action.setCheckable(True)
        self.check_now_action = self._action("&Check Now", lambda: self.checker.run_now(), "F7")
        self.next_issue_action = self._action("&Next Issue", lambda: self.issues.select_next(), "F8")
        self.canon_search_action = self._action("Search &Canon", self.focus_canon_search, "Ctrl+Shift+F")
        self.ignored_action = self._action("&Dictionary and Ignored…", self.open_ignored, None,
                                           "The words the checker accepts and the findings you dismissed")
        self.about_action = self._action("&About FicDesk", self.about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for action in (self.new_project_action, self.new_story_action, self.new_chapter_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.open_database_action)
        self.recent_menu = file_menu.addMenu("Recent &Databases")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu("&Edit")
        edit_groups = (
            (self.undo_action, self.redo_action),
            (self.cut_action, self.copy_action, self.paste_action, self.select_all_action),
            (self.find_action, self.replace_action, self.find_next_action, self.find_previous_action),
            (self.bold_action, self.italic_action, self.scene_break_action),
        )
        for index, group in enumerate(edit_groups):
            if index:
                edit_menu.addSeparator()
            for edit_action in group:
                edit_menu.addAction(edit_action)

        story_menu = bar.addMenu("&Story")
        for action in (self.story_properties_action, self.chapter_notes_action, self.templates_action,
                       self.snapshots_action, self.post_action,
                       self.rename_action, self.delete_action, self.restore_action):
            story_menu.addAction(action)

        check_menu = bar.addMenu("&Check")
        check_menu.addAction(self.check_now_action)
        check_menu.addAction(self.next_issue_action)
        check_menu.addAction(self.canon_search_action)
        check_menu.addSeparator()
        check_menu.addAction(self.ignored_action)

        view_menu = bar.addMenu("&View")
        view_menu.addAction(self.focus_action)
        view_menu.addAction(self.show_trash_action)
        view_menu.addSeparator()
        for dock in (self.tree_dock, self.canon_dock, self.issues_dock):
            view_menu.addAction(dock.toggleViewAction())

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

    # ================================================================== settings and looks
    def apply_settings(self, settings: UiSettings) -> None:
        self.settings = settings
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.colours = apply_theme(app, settings.theme)
        self.tree.muted = self._muted_colour()
        if self.attached:
            self._apply_panel_settings()

    def _apply_panel_settings(self) -> None:
        """The settings of the parts attach() makes: editor, highlighter, Issues panel, autosave."""
        settings = self.settings
        self.issues.colours = self.colours
        self.highlighter.set_colours(self.colours)
        self.editor.configure(settings.font_family, settings.font_size, settings.text_width, settings.line_spacing)
        self.session.set_autosave_interval(settings.autosave_ms)
        title_font = QFont(self.editor.font())
        title_font.setPointSize(max(9, settings.font_size - 2))
        title_font.setItalic(True)
        self.chapter_title.setFont(title_font)

    def _system_theme_changed(self, *_: object) -> None:
        if self.settings.theme == "system":
            self.apply_settings(self.settings)

    def _muted_colour(self) -> QColor:
        return QColor(self.colours.muted)

    # ================================================================== tree
    def reload_tree(self) -> None:
        self.tree.blockSignals(True)
        self.tree.reload(self.store, show_trash=self.show_trash_action.isChecked())
        if self.chapter_id is not None:
            self.tree.select(Node("chapter", self.chapter_id))
        self.tree.blockSignals(False)
        self._update_welcome()
        self.update_actions()

    def _update_welcome(self) -> None:
        if self.chapter_id is not None:
            self.pages.setCurrentWidget(self.editor_page)
            return
        self.pages.setCurrentWidget(self.welcome)
        if not self.store.projects.list():
            self.welcome_text.setText("Everything you write is kept in projects. Start one for your fandom; "
                                      "FicDesk saves as you type, so there is never a Save button to forget.")
            self.welcome_button.setText("Create a Project…")
        else:
            self.welcome_text.setText("Pick a chapter in the tree on the left, or start a new one.")
            self.welcome_button.setText("New Chapter")

    def _welcome_action(self) -> None:
        if not self.store.projects.list():
            self.tree_actions.new_project()
        else:
            self.tree_actions.new_chapter()

    def selected(self, kind: str) -> int | None:
        """Id of the selected item's (or open chapter's) nearest ``kind``."""
        node = self.tree.current_node()
        if node is not None:
            found = self.tree.parent_node(node, kind)
            if found is not None:
                return found.id
        return {"chapter": self.chapter_id, "story": self.story_id, "project": self.project_id}[kind]

    def writable(self) -> bool:
        """``False`` (and the status bar says why) in a read-only window: every path that writes asks first."""
        if self.read_only:
            self.statusBar().showMessage("This window is read-only: FicDesk is open on this database elsewhere.",
                                         5000)
            return False
        return True

    def attempt(self, work: Callable[[], object]) -> bool:
        """Run a store call; a user-caused error becomes a calm message, not a traceback."""
        try:
            work()
        except FicDeskError as error:
            QMessageBox.warning(self, "FicDesk", str(error))
            return False
        return True

    # ================================================================== opening and saving
    def open_chapter(self, chapter_id: int) -> bool:
        """Show ``chapter_id``; ``False`` when it cannot be opened or the open one cannot be left yet."""
        if chapter_id == self.chapter_id:
            return True
        previous, previous_issues = self.chapter_id, self.checker.issues() if self.chapter_id else []
        if not self.session.leave():
            self._select_open_chapter()
            return False
        try:
            chapter, story = self.session.open(chapter_id)
        except FicDeskError as error:
            self.statusBar().showMessage(str(error), 6000)
            self._select_open_chapter()
            return False
        if previous is not None and self.issues.story_scope:
            self.story_issues.leave_chapter(previous, previous_issues)
        self.pages.setCurrentWidget(self.editor_page)
        self._show_title(chapter.title, chapter.position, story.title)  # as just read (no second read)
        self.canon.set_project(self.project_id)
        self.issue_presenter.configure_checker(force=False)
        self.story_issues.set_story(self.project_id, self.story_id, self.chapter_id)
        self._follow_cursor()
        self.update_counts()
        self._select_open_chapter()
        ui_settings.remember(f"last_chapter/{self.database_url}", str(chapter_id))
        self.update_actions()
        return True

    def _select_open_chapter(self) -> None:
        """The tree shows the open chapter as selected (without opening anything)."""
        self.tree.blockSignals(True)
        if self.chapter_id is not None:
            self.tree.select(Node("chapter", self.chapter_id))
        self.tree.blockSignals(False)

    def close_chapter(self) -> bool:
        """Show no chapter; ``False`` (and nothing changes) when the open one cannot be left yet."""
        if not self.session.leave():
            return False
        self.session.close()
        self.issue_presenter.reset()
        self.story_issues.set_story(None, None, None)
        self.issues.show_message("Open a chapter to see its issues.")
        self.count_label.setText("")
        self.update_title()
        self._update_welcome()
        self.update_actions()
        return True

    # -- the open chapter, as the session knows it
    @property
    def chapter_id(self) -> int | None:
        session = getattr(self, "session", None)
        return None if session is None else session.chapter_id

    @property
    def story_id(self) -> int | None:
        session = getattr(self, "session", None)
        return None if session is None else session.story_id

    @property
    def project_id(self) -> int | None:
        session = getattr(self, "session", None)
        return None if session is None else session.project_id

    @property
    def read_only(self) -> bool:
        return bool(self._read_only_reason)

    @property
    def dirty(self) -> bool:
        return self.session.dirty

    @property
    def last_save_ms(self) -> float:
        return self.session.last_save_ms

    def open_initial_chapter(self) -> bool:
        """The chapter open last time on this database, else the first chapter of the first story."""
        opened = self._open_remembered_chapter()
        self.recovery.offer()
        return opened

    def _open_remembered_chapter(self) -> bool:
        remembered = ui_settings.remembered(f"last_chapter/{self.database_url}")
        if remembered.isdigit() and self.open_chapter(int(remembered)):
            return True
        for project in self.store.projects.list():
            for story in self.store.stories.list(project.id):
                chapters = self.store.chapters.outline(story.id)
                if chapters:
                    return self.open_chapter(chapters[0].id)
        return False

    def update_title(self) -> None:
        if self.chapter_id is None or self.story_id is None:
            self.setWindowTitle("FicDesk")
            return
        try:
            chapter = self.store.chapters.get(self.chapter_id)
            story = self.store.stories.get(self.story_id)
        except FicDeskError:
            return
        self._show_title(chapter.title, chapter.position, story.title)

    def _show_title(self, title: str, position: int, story_title: str) -> None:
        label = chapter_label(title, position)
        self.chapter_title.setText(f"{story_title} — {label}")
        self.setWindowTitle(f"{label} · {story_title} — FicDesk")

    def _contents_change(self, _position: int, removed: int, added: int) -> None:
        if self.session.loading or self.chapter_id is None or self.read_only or not (removed or added):
            return
        self.count_timer.start()
        self.checker.schedule()

    def save_now(self) -> bool:
        """Store the text at once (Ctrl+S, before exports and dialogs); ``True`` when it is stored."""
        return self.session.save_now()

    @property
    def version(self) -> int:
        """The stored version the editor's text is based on."""
        return self.session.version

    def _saved(self, outcome: SaveOutcome) -> None:
        result = outcome.result
        if result.changed:
            self._update_today(ui_settings.add_words_today(result.word_count - outcome.words_before))
        if outcome.kept_snapshot is not None:
            snapshot_id, words = outcome.kept_snapshot
            self.show_notice(
                "This chapter was also changed somewhere else. Both texts are kept: yours stays here, the other "
                f"one was saved as snapshot {snapshot_id} ({words:,} words).")
        self._update_tree_count(outcome.chapter_id, result.word_count)

    def _ask_unsaved(self, reason: str) -> Unsaved:
        """Ask what to do: the open chapter cannot be stored and is about to be left."""
        from ficdesk.ui.session import Unsaved

        box = QMessageBox(QMessageBox.Icon.Warning, "Your text is not saved yet",
                          f"FicDesk cannot store this chapter right now: {reason}.", parent=self)
        box.setInformativeText("Nothing is lost while it stays open here (an emergency copy is also kept in "
                               "FicDesk's data folder). Try again, or save a copy of the text as a file.")
        retry = box.addButton("Retry", QMessageBox.ButtonRole.AcceptRole)
        copy = box.addButton("Save a Copy as a File…", QMessageBox.ButtonRole.ActionRole)
        keep = box.addButton("Keep Editing", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(retry)
        box.setEscapeButton(keep)
        box.setObjectName("unsavedBox")
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is retry:
            return Unsaved.RETRY
        return Unsaved.SAVE_COPY if clicked is copy else Unsaved.KEEP_EDITING

    def choose_copy_file(self) -> Path | None:
        from ficdesk.paths import documents_dir

        name = f"{self.session.title or 'chapter'} (unsaved).txt".replace("/", "-")
        chosen, _ = QFileDialog.getSaveFileName(self, "Save a copy of the text", str(documents_dir() / name),
                                                "Text files (*.txt);;All files (*)")
        return Path(chosen) if chosen else None

    def open_snapshots(self) -> SnapshotsDialog | None:
        """The open chapter's snapshots (modeless; the editor's text is saved before any change)."""
        from ficdesk.ui.snapshots_dialog import SnapshotsDialog

        if not self.writable():
            return None
        if self.chapter_id is None:
            self.statusBar().showMessage("Open a chapter to see its snapshots.", 4000)
            return None
        chapter_id = self.chapter_id
        dialog = SnapshotsDialog(self.store, chapter_id, before_change=self.session.save_now,
                                 after_restore=lambda: self.reload_chapter(chapter_id), parent=self)
        dialog.show()
        self.snapshots_dialog = dialog
        return dialog

    def reload_chapter(self, chapter_id: int) -> None:
        """Show the stored text of ``chapter_id`` again (after a restore changed it in the store)."""
        if self.chapter_id == chapter_id:
            if not self.session.leave():
                return
            self.session.open(chapter_id)
            self.update_counts()
            self.checker.forget_results()
            return
        self.open_chapter(chapter_id)

    def snapshot_before_bulk_replace(self) -> None:
        """Replace all is a bulk change: keep the text as it was first."""
        if self.chapter_id is not None and not self.read_only:
            self.save_now()
            self.store.snapshots.take(self.chapter_id, "before replace all")

    def show_notice(self, text: str, action: tuple[str, Callable[[], object]] | None = None) -> None:
        """Show ``text`` above the editor, with one button for ``action`` (label, what it does) if given."""
        self.notice_text.setText(text)
        self.notice_action.setVisible(action is not None)
        self._notice_callback = None if action is None else action[1]
        if action is not None:
            self.notice_action.setText(action[0])
        self.notice.show()

    def _notice_action_clicked(self) -> None:
        if self._notice_callback is not None:
            self._notice_callback()

    def set_read_only(self, reason: str) -> None:
        """Another FicDesk has this database open: show everything, change nothing in the editor."""
        self._read_only_reason = reason
        self.session.set_read_only()
        read_only_services = replace(self.services, canon_import=None, canon_set_note=None, save_draft=None,
                                     create_sample=None)
        self.canon.services = read_only_services  # no import, notes shown read-only
        self.canon.reload()
        self.show_notice(f"Read-only: {reason}")
        self.update_actions()

    def _set_save_state(self, text: str) -> None:
        self.save_label.setText(text)

    def _update_today(self, words: int) -> None:
        self.today_label.setText(f"{words:,} words today")

    def _update_tree_count(self, chapter_id: int, words: int) -> None:
        item = self.tree.item_for(Node("chapter", chapter_id))
        if item is not None:
            item.setText(1, f"{words:,}")
        if self.story_id is not None:
            story_item = self.tree.item_for(Node("story", self.story_id))
            if story_item is not None:
                self.session.story_words = self.store.stories.word_count(self.story_id)
                story_item.setText(1, f"{self.session.story_words:,}")

    def update_counts(self) -> None:
        if self.chapter_id is None or self.story_id is None:
            return
        words = self.paragraphs.words
        story_words = self.session.story_words - self.session.saved_words + words
        self.chapter_words = words
        self.count_label.setText(f"Chapter {words:,} words · Story {story_words:,} words")

    # ================================================================== checking
    # ================================================================== canon
    def _cursor_moved(self) -> None:
        if self.canon.follow.isChecked():
            self.follow_timer.start()

    def _follow_cursor(self) -> None:
        text, offset = self.editor.cursor_in_paragraph()
        self.canon.follow_cursor(text, offset)

    def focus_canon_search(self) -> None:
        self.canon_dock.show()
        self.canon.search.setFocus()
        self.canon.search.selectAll()

    # ================================================================== editing helpers
    def insert_scene_break(self) -> None:
        if not self.writable():
            return
        self.editor.drop_empty_pair()  # Ctrl+B then Ctrl+Shift+B: no stray "****" above the break
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        if cursor.block().text():
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock()
        cursor.insertText("* * *")
        cursor.insertBlock()
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)

    def toggle_focus_mode(self) -> None:
        if self._focus_state is None:
            self._focus_state = self.saveState()
            self._window_state_before_focus = self.windowState()
            for dock in (self.tree_dock, self.canon_dock, self.issues_dock):
                dock.hide()
            self.menuBar().hide()
            self.statusBar().hide()
            self.showFullScreen()
            self.leave_focus_action.setEnabled(True)
            self.focus_action.setChecked(True)
            self.editor.setFocus()
        else:
            self.leave_focus_mode()

    def leave_focus_mode(self) -> None:
        if self._focus_state is None:
            return
        # Back to how the window was (a maximised window stays maximised: showNormal put it at the top
        # left corner under its own title bar).
        self.setWindowState(self._window_state_before_focus & ~Qt.WindowState.WindowFullScreen)
        self.menuBar().show()
        self.statusBar().show()
        self.restoreState(self._focus_state)
        self._focus_state = None
        self.leave_focus_action.setEnabled(False)
        self.focus_action.setChecked(False)

    @property
    def in_focus_mode(self) -> bool:
        return self._focus_state is not None

    # ================================================================== other dialogs
    def open_ignored(self) -> IgnoredDialog | None:
        """The project's dictionary words, ignored rules and ignored spots, each removable."""
        from ficdesk.ui.ignored_dialog import IgnoredDialog

        project_id = self.selected("project")
        if project_id is None or not self.writable():
            return None

        def changed() -> None:
            self.issue_presenter.refresh_filters()
            self.issue_presenter.configure_checker()

        dialog = IgnoredDialog(self.store, project_id, self.store.projects.get(project_id).name, changed, self)
        dialog.setModal(False)
        dialog.show()
        self.ignored_dialog = dialog
        return dialog

    def open_settings(self) -> None:
        from ficdesk.ui.dialogs import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            new = dialog.values()
            ui_settings.save_settings(new)
            self.apply_settings(new)
            self.issue_presenter.configure_checker()

    def export_story(self) -> None:
        from ficdesk.ui.dialogs import ExportDialog

        story_id = self.selected("story")
        hook = self.services.export_story
        if story_id is None:
            return
        if hook is None:
            QMessageBox.information(self, "Export", "Exporting is not available in this build of FicDesk.")
            return
        from ficdesk.paths import documents_dir

        self.save_now()
        story = self.store.stories.get(story_id)
        folder = ui_settings.remembered("export/folder")
        if not folder or not Path(folder).is_dir():
            folder = str(documents_dir())
        dialog = ExportDialog(self.services.export_formats, lambda fmt: hook(story_id, fmt), story.title, self,
                              start_folder=folder)
        dialog.exec()
        if dialog.saved_path:
            saved = Path(dialog.saved_path).resolve()
            ui_settings.remember("export/folder", str(saved.parent))
            self.show_notice(f"Exported to {saved}", ("Open Folder", lambda: self._open_folder(saved.parent)))

    @staticmethod
    def _open_folder(folder: Path) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def open_post_dialog(self) -> PostDialog | None:
        from ficdesk.ui.post_dialog import open_post_dialog

        return open_post_dialog(self, self.selected("story"))

    def open_templates(self) -> TemplatesDialog | None:
        """The Templates dialog (one, non-modal) for the selected project and the open story."""
        from ficdesk.ui.templates_dialog import TemplatesDialog

        if not self.writable():
            return None
        project_id = self.selected("project")
        if project_id is None:
            QMessageBox.information(self, "Templates", "Create a project first: templates belong to a project.")
            return None
        self.save_now()  # the preview counts the story's words

        def context() -> tuple[int | None, int | None]:
            """The story and chapter open now, when they belong to the dialog's project."""
            same = self.project_id == project_id and self.chapter_id is not None
            return (self.story_id, self.chapter_id) if same else (None, None)

        dialog = self.templates_dialog
        if dialog is None or dialog.project_id != project_id:
            if dialog is not None:
                dialog.close()
            dialog = self.templates_dialog = TemplatesDialog(self.services, project_id, parent=self, context=context)
            dialog.insertRequested.connect(self.insert_text)
        else:
            dialog.refresh_preview()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def insert_text(self, text: str) -> None:
        """Insert ``text`` at the editor's cursor as one undo step (saved like typing)."""
        if not self.writable():
            return
        if self.chapter_id is None or self.editor.isReadOnly():
            return
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)

    def import_draft(self, path: Path | None = None) -> ImportDialog | None:
        """File ▸ Import Draft: pick a file, preview what was recognised, store it as a new story."""
        from ficdesk.ui.import_dialog import DRAFT_FILTER, ImportDialog

        if not self.writable():
            return None
        project_id = self.selected("project")
        if project_id is None:
            QMessageBox.information(self, "Import draft", "Create a project first: the draft becomes a story in it.")
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, "Import draft", "", DRAFT_FILTER)
            if not chosen:
                return None
            path = Path(chosen)
        dialog = self.import_dialog = ImportDialog(self.services, project_id, path, self)
        dialog.imported.connect(self._draft_imported)
        dialog.open()
        return dialog

    def _draft_imported(self, story_id: int) -> None:
        self.reload_tree()
        chapters = self.store.chapters.outline(story_id)
        if chapters:
            self.open_chapter(chapters[0].id)
        self.statusBar().showMessage(f"Imported “{self.store.stories.get(story_id).title}”.", 6000)

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open FicDesk database", "",
                                              "FicDesk databases (*.sqlite3 *.sqlite *.db);;All files (*)")
        if path:
            self.switchDatabase.emit(f"sqlite:///{path}")

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = [url for url in self.settings.recent_databases if url != self.database_url]
        if not recent:
            self.recent_menu.addAction("No other databases yet").setEnabled(False)
        for url in recent:
            self.recent_menu.addAction(url, partial(self.switchDatabase.emit, url))

    def about(self) -> None:
        QMessageBox.about(self, "About FicDesk",
                          f"<b>FicDesk {__version__}</b><p>A calm writing desk for fan fiction.</p>"
                          f"<p>Database: {self.store.db.display_url}</p>")

    def update_actions(self) -> None:
        node = self.tree.current_node()
        has_chapter = self.chapter_id is not None
        writable = not self.read_only
        live = node is not None and not node.trashed
        self.rename_action.setEnabled(writable and live)
        self.delete_action.setEnabled(writable and live)
        self.restore_action.setEnabled(writable and node is not None and node.trashed)
        self.new_project_action.setEnabled(writable)
        self.new_story_action.setEnabled(writable)
        self.new_chapter_action.setEnabled(writable and self.selected("story") is not None)
        self.story_properties_action.setEnabled(writable and self.selected("story") is not None)
        has_project = self.selected("project") is not None
        self.templates_action.setEnabled(writable and has_project)
        self.import_action.setEnabled(writable and has_project and self.services.read_draft is not None)
        self.snapshots_action.setEnabled(writable and has_chapter)
        self.chapter_notes_action.setEnabled(writable and has_chapter)
        self.export_action.setEnabled(self.services.export_story is not None and self.selected("story") is not None)
        self.post_action.setEnabled(self.services.posting is not None and self.selected("story") is not None)
        for action in (self.bold_action, self.italic_action, self.scene_break_action, self.replace_action):
            action.setEnabled(writable and has_chapter)
        for action in (self.find_action, self.check_now_action, self.next_issue_action):
            action.setEnabled(has_chapter)
        self.ignored_action.setEnabled(writable and has_project)
        self.editor.setReadOnly(self.read_only or not has_chapter)
        self.tree.setDragEnabled(writable)

    # ================================================================== closing
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.attached:
            if not self.session.leave():
                event.ignore()  # the text could not be stored: it stays open here
                return
            self.canon.save_note()
            self.canon.shutdown()
            if self.templates_dialog is not None:
                self.templates_dialog.save_body()
            self.story_issues.shutdown()
            self.checker.shutdown()
        ui_settings.remember("window/geometry", bytes(self.saveGeometry().toHex().data()).decode())
        self.remember_layout()
        if self.instance_lock is not None:
            self.instance_lock.release()
        event.accept()
