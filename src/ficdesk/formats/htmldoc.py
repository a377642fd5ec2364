"""A forgiving HTML reader: a small element tree (stdlib parser) and its conversion to draft lines.

Emphasis becomes the draft's ``*italic*``/``**bold**``, ``<br>`` a line break, ``<hr>`` a scene
break, headings keep their level. Scripts, styles, menus and page footers are skipped; the text of
navigation and footer elements is reported as dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ficdesk.formats.textparse import Line

VOID = frozenset([
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"
])
SKIP = frozenset([
    "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "select", "button", "form",
    "head"
])
CHROME = frozenset(["nav", "footer", "aside", "menu"])
BLOCK = frozenset(
    [
        "p", "div", "section", "article", "main", "header", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "center", "address",
        "details", "summary", "body", "html"
    ]
)
_CLOSES_P = BLOCK | {"hr"}
SCENE_BREAK = "* * *"
#: Elements nested deeper than this are flattened into their ancestor at this depth: every walk
#: over the tree recurses once or twice per level, and no real page nests anywhere near this.
MAX_DEPTH = 120


@dataclass
class Element:
    """An HTML element: tag, attributes and children (elements or text)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def find_all(self, *, tag: str | None = None, cls: str | None = None,
                 id_: str | None = None) -> list[Element]:
        """Descendants matching every condition given, in document order."""
        found: list[Element] = []
        for child in self.children:
            if isinstance(child, Element):
                if (tag is None or child.tag == tag) and (cls is None or cls in child.classes) \
                        and (id_ is None or child.attrs.get("id") == id_):
                    found.append(child)
                found.extend(child.find_all(tag=tag, cls=cls, id_=id_))
        return found

    def find(self, *, tag: str | None = None, cls: str | None = None, id_: str | None = None) -> Element | None:
        matches = self.find_all(tag=tag, cls=cls, id_=id_)
        return matches[0] if matches else None

    def elements(self) -> list[Element]:
        return [child for child in self.children if isinstance(child, Element)]

    def text(self) -> str:
        """All text inside, whitespace collapsed."""
        parts: list[str] = []
        _collect_text(self, parts)
        return " ".join("".join(parts).split())


def _collect_text(element: Element, parts: list[str]) -> None:
    for child in element.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag not in SKIP:
            if child.tag in BLOCK or child.tag == "br":
                parts.append(" ")
            _collect_text(child, parts)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.stack = [self.root]
        self.open_p = 0  # <p> elements on the stack: closing one must not scan the whole stack
        self.overflow: list[str] = []  # start tags ignored below MAX_DEPTH, matched by their end tags

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CLOSES_P and self.open_p:
            self._close("p")
        if tag in {"li", "dt", "dd", "tr", "td", "th"}:
            self._close_sibling(tag)
        if len(self.stack) > MAX_DEPTH and tag not in VOID:
            self.overflow.append(tag)
            return
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)
            self.open_p += tag == "p"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self._close(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.overflow and self.overflow[-1] == tag:
            self.overflow.pop()
            return
        self._close(tag)

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def _close(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                self.open_p -= sum(1 for element in self.stack[depth:] if element.tag == "p")
                del self.stack[depth:]
                return

    def _close_sibling(self, tag: str) -> None:
        siblings = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr"}, "td": {"td", "th"},
                    "th": {"td", "th"}}[tag]
        if self.stack[-1].tag in siblings:
            self.open_p -= self.stack.pop().tag == "p"


def parse_html(text: str) -> Element:
    """The element tree of an HTML document or fragment (never raises on bad markup)."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


@dataclass(frozen=True)
class Skipping:
    """What a reader leaves out besides scripts and styles.

    A draft keeps everything else; a wiki article (the canon builder) also drops page headers, figures,
    reference lists and navigation boxes.
    """

    tags: frozenset[str] = SKIP
    classes: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset({"navigation", "contentinfo", "banner"})
    #: Leave out elements marked ``hidden`` or ``display:none``.
    hidden: bool = False
    #: Table cells on one line, joined by this, instead of a paragraph each (infobox rows: "Born; 1982").
    cell_separator: str | None = None


DRAFT = Skipping()


def _hidden(element: Element) -> bool:
    return "hidden" in element.attrs or "display:none" in element.attrs.get("style", "").replace(" ", "")


class _LineWriter:
    """Turns an element tree into draft lines, one paragraph per block, blank lines between."""

    def __init__(self, skipping: Skipping = DRAFT) -> None:
        self.skipping = skipping
        self.lines: list[Line] = []
        self.buffer: list[str] = []
        self.dropped: list[str] = []
        self.pre = 0

    def flush(self, level: int = 0) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        if not self.pre:
            text = "\n".join(" ".join(part.split()) for part in text.split("\n"))
        text = "\n".join(part.rstrip() for part in text.strip("\n").split("\n")).strip()
        if text:
            if self.lines:
                self.lines.append(Line(""))
            if level:
                self.lines.append(Line(text.replace("\n", " "), level))
            else:
                self.lines.extend(Line(part) for part in text.split("\n"))

    def walk(self, element: Element) -> None:
        for child in element.children:
            if isinstance(child, str):
                self.buffer.append(child if self.pre else re.sub(r"[ \t\r\n\f]+", " ", child))
                continue
            tag = child.tag
            skipping = self.skipping
            if tag in skipping.tags or "landmark" in child.classes:  # AO3's "Chapter Text" screen-reader headings
                continue
            if (skipping.classes and child.classes & skipping.classes) or (skipping.hidden and _hidden(child)):
                continue
            if tag in CHROME or child.attrs.get("role") in skipping.roles:
                text = child.text()
                if text:
                    self.dropped.append(text[:200])
                continue
            if tag == "br":
                self.buffer.append("\n")
            elif tag == "hr":
                self.flush()
                self.buffer.append(SCENE_BREAK)
                self.flush()
            elif tag in {"em", "i", "cite", "var", "dfn"}:
                self._wrap(child, "*")
            elif tag in {"strong", "b"}:
                self._wrap(child, "**")
            elif re.fullmatch(r"h[1-6]", tag):
                self.flush()
                self.walk(child)
                self.flush(int(tag[1]))
            elif tag == "pre":
                self.flush()
                self.pre += 1
                self.walk(child)
                self.flush()
                self.pre -= 1
            elif tag == "img":
                alt = child.attrs.get("alt", "").strip()
                if alt:
                    self.buffer.append(f"[{alt}]")
            elif tag in {"td", "th"} and skipping.cell_separator is not None:
                if "".join(self.buffer).strip():
                    self.buffer.append(skipping.cell_separator)
                self.walk(child)
            elif tag in BLOCK:
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.walk(child)

    def _wrap(self, element: Element, marker: str) -> None:
        start = len(self.buffer)
        self.walk(element)
        inner = "".join(self.buffer[start:])
        del self.buffer[start:]
        if not inner.strip():
            self.buffer.append(inner)
            return
        core = inner.strip()
        if core.startswith("*") and core.endswith("*") and marker == "*" and not core.startswith("**"):
            self.buffer.append(inner)  # <em><i>x</i></em>: already marked
            return
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()):]
        self.buffer.append(f"{lead}{marker}{core}{marker}{trail}")


def html_lines(element: Element, skipping: Skipping = DRAFT) -> tuple[list[Line], list[str]]:
    """Draft lines of ``element`` and the text of skipped navigation/footer elements."""
    writer = _LineWriter(skipping)
    writer.walk(element)
    writer.flush()
    return writer.lines, writer.dropped


def html_text(element: Element) -> str:
    """Draft text of ``element``: paragraphs separated by blank lines, headings as plain lines."""
    lines, _ = html_lines(element)
    return "\n".join(line.text for line in lines)
