"""Write every exercise from its solution, or report the ones that are stale."""

from __future__ import annotations

from pathlib import Path

from .. import course, paths
from .strip import strip


def expected(solution: Path) -> str:
    return strip(solution.read_text(encoding="utf-8"), solution.name)


def stale() -> list[Path]:
    """Exercise files that differ from what their solution generates, or are missing."""
    out = []
    for lesson in course.load().lessons:
        target = lesson.file("exercises")
        if not lesson.file("solutions").exists():
            out.append(lesson.file("solutions"))
        elif not target.exists() or target.read_text(encoding="utf-8") != expected(lesson.file("solutions")):
            out.append(target)
    return out


def write_all() -> list[Path]:
    """Regenerate every exercise; return the files that changed."""
    changed = []
    for lesson in course.load().lessons:
        if not lesson.file("solutions").exists():
            continue
        target = lesson.file("exercises")
        text = expected(lesson.file("solutions"))
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            changed.append(target)
    return changed


def strays() -> list[Path]:
    """Notebook files in lessons/, solutions/ or exercises/ that course.toml does not list."""
    known = {lesson.id for lesson in course.load().lessons}
    root = paths.root()
    return sorted(p for kind in ("lessons", "solutions", "exercises")
                  for p in (root / kind).glob("*.py") if p.stem not in known)
