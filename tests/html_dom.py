"""A small DOM for tests: elements with attributes, children and text, from HTML text.

Enough to ask what a browser would build from our pages: which elements exist, what
attributes they carry, and what text they show. Built on the standard library's parser.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.iter()
            if e.tag == tag
            and all(
                value in e.attrs.get(name.rstrip("_"), "").split() for name, value in attrs.items()
            )
        ]

    def by_id(self, ident: str) -> Element | None:
        return next((e for e in self.iter() if e.attrs.get("id") == ident), None)

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def injected(root: Element) -> list[str]:
    """Everything in a page that could run code or load something: script-like elements,
    event-handler attributes, and links or sources that are not http(s) or in-page."""
    found = []
    for e in root.iter():
        if e.tag in ("script", "iframe", "object", "embed", "img", "link", "base", "form"):
            found.append(f"<{e.tag}> element")
        for name, value in e.attrs.items():
            if name.startswith("on"):
                found.append(f"{name} attribute on <{e.tag}>")
            linking = name in ("href", "src", "xlink:href", "action", "formaction")
            if linking and not value.startswith(("#", "http://", "https://")):
                found.append(f"{name}={value!r} on <{e.tag}>")
    return found
