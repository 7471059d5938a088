"""Where the course's files live: the checkout, and the per-user state and caches."""

import os
from pathlib import Path

from .errors import CourseError


def root() -> Path:
    """The course checkout: $LLMCOURSE_ROOT, else the folder holding course.toml above this package or the cwd."""
    if env := os.environ.get("LLMCOURSE_ROOT"):
        return Path(env).resolve()
    for start in (Path(__file__).resolve().parent, Path.cwd().resolve()):
        for folder in (start, *start.parents):
            if (folder / "course.toml").is_file():
                return folder
    raise CourseError("course.toml not found: this command runs inside a checkout of the course.",
                      "cd into the course folder, or set LLMCOURSE_ROOT=/path/to/course")


def state_dir() -> Path:
    """Per-user state shared by every notebook of a session: model server, response cache ($LLMCOURSE_HOME)."""
    base = os.environ.get("LLMCOURSE_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "llmcourse")
    path = Path(base)
    path.mkdir(parents=True, exist_ok=True)
    return path


def workspace() -> Path:
    """The learner's own copies of the exercises ($LLMCOURSE_WORKSPACE, default ./workspace in the checkout)."""
    return Path(os.environ.get("LLMCOURSE_WORKSPACE") or root() / "workspace")
