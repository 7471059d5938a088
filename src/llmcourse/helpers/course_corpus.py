"""The capstone's corpus: every lesson's prose, cut into passages at its `##` headings.

A passage's id is `LESSON_ID#heading-slug`, the same anchor the lesson's page on the site has, so a
citation is also a link. Passages are read from the lesson sources (lessons/*.py), in course order;
the text before a lesson's first heading is the passage `LESSON_ID#intro`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from .. import course


class Passage(NamedTuple):
    id: str          # LESSON_ID#slug
    lesson: str      # lesson id
    title: str       # "<lesson title>: <heading>"
    text: str        # the prose under the heading, Markdown
    section: str     # the report section the lesson teaches
    url: str         # the page and anchor on the course site, relative to the site root


def slug(heading: str) -> str:
    """The anchor Python-Markdown's toc extension (mkdocs' default) gives a heading."""
    text = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def _prose(source: str) -> list[str]:
    """The Markdown cells of a percent-format notebook, as plain Markdown."""
    cells, current, in_md = [], [], False
    for line in source.splitlines():
        if line.startswith("# %%"):
            if in_md and current:
                cells.append("\n".join(current).strip())
            current, in_md = [], "[markdown]" in line
        elif in_md:
            current.append(line[2:] if line.startswith("# ") else line.lstrip("#"))
    if in_md and current:
        cells.append("\n".join(current).strip())
    return [c for c in cells if c]


def lesson_passages(lesson: course.Lesson) -> list[Passage]:
    """One lesson's passages, in page order; a heading repeated in a lesson keeps its first passage."""
    found: dict[str, tuple[str | None, list[str]]] = {"intro": (None, [])}  # slug -> heading, lines; in order
    key = "intro"
    for cell in _prose(lesson.file("lessons").read_text(encoding="utf-8")):
        for line in cell.splitlines():
            if match := re.match(r"##\s+(.+)", line):  # "###" fails the \s+: a subsection stays in its section
                heading = match.group(1).strip()
                key = slug(heading)
                found.setdefault(key, (heading, []))
            elif not line.startswith("# "):  # the page title is the lesson's own
                found[key][1].append(line)
    passages = []
    for key, (title, lines) in found.items():
        text = "\n".join(lines).strip()
        if text:
            passages.append(Passage(
                id=f"{lesson.id}#{key}", lesson=lesson.id,
                title=f"{lesson.title}: {title}" if title else lesson.title, text=text,
                section=lesson.section, url=f"lessons/{lesson.id}/" + ("" if key == "intro" else f"#{key}")))
    return passages


def passages(exclude_chapters: tuple[str, ...] = ("capstone",)) -> list[Passage]:
    """Every lesson's passages in course order, leaving out the capstone itself (it would cite itself)."""
    return [p for lesson in course.load().lessons if lesson.chapter not in exclude_chapters
            for p in lesson_passages(lesson)]
