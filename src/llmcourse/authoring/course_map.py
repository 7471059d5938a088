"""The README's course map, written from course.toml so the two never disagree."""

from __future__ import annotations

from pathlib import Path

from .. import course, paths

HEADER = "| part | chapter | report section | lesson id |"


def table(the_course: course.Course) -> list[str]:
    rows = [HEADER, "|---|---|---|---|"]
    for part in the_course.parts:
        for chapter in part.chapters:
            for lesson in chapter.lessons:
                # the id last: beside the section's words it could extend a run of the report's own text
                rows.append(f"| {part.title} | {chapter.title} | {lesson.section} | `{lesson.id}` |")
    return rows


def rewritten(readme: str, the_course: course.Course) -> str:
    """`readme` with the table under HEADER replaced; a README without the table is an error, not a guess."""
    lines = readme.split("\n")
    if HEADER not in lines:
        raise ValueError(f"README.md has no course map: add a line {HEADER!r} where the table belongs")
    start = lines.index(HEADER)
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return "\n".join(lines[:start] + table(the_course) + lines[end:])


def readme() -> Path:
    return paths.root() / "README.md"


def stale() -> list[Path]:
    text = readme().read_text(encoding="utf-8")
    return [readme()] if rewritten(text, course.load()) != text else []


def write() -> list[Path]:
    text = readme().read_text(encoding="utf-8")
    new = rewritten(text, course.load())
    if new == text:
        return []
    readme().write_text(new, encoding="utf-8")
    return [readme()]
