"""The learner's workspace: their own .ipynb copies of the exercises, never overwritten."""

from __future__ import annotations

import time
from pathlib import Path

from .. import course, nbfiles, paths
from ..authoring.strip import without_notice


def open_exercise(lesson_id: str, fresh: bool = False) -> Path:
    """Create workspace/<lesson>.ipynb from the exercise if absent; with fresh, keep the old one as .bak."""
    lesson = course.load().lesson(lesson_id)
    target = paths.workspace() / f"{lesson.id}.ipynb"
    if target.exists() and not fresh:
        return target
    if target.exists():
        target.replace(target.with_name(f"{target.name}.{int(time.time())}.bak"))
    return nbfiles.write_ipynb(lesson.file("exercises"), target, transform=without_notice)
