"""Read and atomically write the learner's progress file (workspace/.progress.json)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from .. import paths
from ..atomic import write_text


def _file() -> Path:
    return paths.workspace() / ".progress.json"


def load() -> dict:
    """The progress so far; an unreadable file is kept aside and progress restarts from empty."""
    path = _file()
    try:
        data = json.loads(path.read_text())
        if isinstance(data, dict):
            data.setdefault("exercises", {})
            data.setdefault("hints", {})
            return data
    except FileNotFoundError:
        pass
    except (OSError, ValueError):
        path.replace(path.with_name(f".progress.json.unreadable-{int(time.time())}"))
    return {"exercises": {}, "hints": {}}


def save(data: dict) -> None:
    """Write the whole file at once, so an interrupted write never leaves half a file."""
    write_text(_file(), json.dumps(data, indent=1, sort_keys=True))


def record_check(exercise_id: str, passed: bool, earned: float) -> None:
    data = load()
    data["exercises"][exercise_id] = {"passed": passed, "earned": earned, "checked_at": time.time()}
    save(data)


def next_hint(exercise_id: str, count: int) -> int:
    """Advance the exercise's hint ladder by one (stopping at the last rung) and return the rung to show."""
    data = load()
    shown = min(data["hints"].get(exercise_id, 0) + 1, count)
    data["hints"][exercise_id] = shown
    save(data)
    return shown
