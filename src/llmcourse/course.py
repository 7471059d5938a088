"""The course map read from course.toml: parts, chapters, lessons and their exercises."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import paths
from .errors import CourseError

REPORT_URL = "https://applied-llms.org/"


@dataclass(frozen=True)
class Exercise:
    lesson: str
    name: str
    title: str
    points: int
    hints: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.lesson}.{self.name}"


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    part: str
    chapter: str
    section: str
    minutes: int
    number: str
    exercises: tuple[Exercise, ...] = field(default=())

    @property
    def anchor(self) -> str:
        return anchor(self.section)

    @property
    def report_url(self) -> str:
        return f"{REPORT_URL}#{self.anchor}"

    @property
    def points(self) -> int:
        return sum(e.points for e in self.exercises)

    def file(self, kind: str) -> Path:
        """The lesson's notebook source of one kind: 'lessons', 'solutions' or 'exercises'."""
        return paths.root() / kind / f"{self.id}.py"


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    part: str
    lessons: tuple[Lesson, ...]


@dataclass(frozen=True)
class Part:
    id: str
    title: str
    summary: str
    chapters: tuple[Chapter, ...]

    @property
    def lessons(self) -> list[Lesson]:
        return [lesson for chapter in self.chapters for lesson in chapter.lessons]


@dataclass(frozen=True)
class Course:
    title: str
    parts: tuple[Part, ...]

    @property
    def lessons(self) -> list[Lesson]:
        return [lesson for part in self.parts for lesson in part.lessons]

    @property
    def exercises(self) -> list[Exercise]:
        return [ex for lesson in self.lessons for ex in lesson.exercises]

    def lesson(self, lesson_id: str) -> Lesson:
        for lesson in self.lessons:
            if lesson.id == lesson_id:
                return lesson
        raise CourseError(f"no lesson called {lesson_id!r}.{did_you_mean(lesson_id, [l.id for l in self.lessons])}",
                          "llmcourse progress   # lists every lesson id")

    def exercise(self, exercise_id: str) -> Exercise:
        for ex in self.exercises:
            if ex.id == exercise_id:
                return ex
        lesson_id, _, name = exercise_id.partition(".")
        known = {lesson.id: lesson for lesson in self.lessons}
        if lesson_id in known and not name:
            names = ", ".join(ex.id for ex in known[lesson_id].exercises)
            raise CourseError(f"{lesson_id!r} is a lesson; its exercises are {names}.",
                              f"llmcourse hint {lesson_id}   # lists them with their titles")
        if lesson_id in known:  # only the function name is off: suggest among this lesson's exercises
            candidates = [ex.id for ex in known[lesson_id].exercises]
        else:
            candidates = [ex.id for ex in self.exercises]
        raise CourseError(f"no exercise called {exercise_id!r}.{did_you_mean(exercise_id, candidates)}",
                          "llmcourse progress   # lists every exercise id")


def did_you_mean(typed: str, known: list[str]) -> str:
    """' Did you mean 'x'?' for the closest known id, or nothing when none is close."""
    import difflib
    close = difflib.get_close_matches(typed, known, n=1, cutoff=0.6)
    return f" Did you mean {close[0]!r}?" if close else ""


def anchor(heading: str) -> str:
    """The id Quarto gives a heading on applied-llms.org: lower case, punctuation dropped, spaces to hyphens."""
    text = heading.lower().replace("\u2019", "").replace("'", "")
    text = re.sub(r"[^\w\s.-]", "", text)
    return re.sub(r"\s", "-", text.strip())


def _require(table: dict, key: str, where: str):
    if key not in table or table[key] in ("", None, []):
        raise CourseError(f"course.toml: {where} has no {key!r}.", "add it, then run: llmcourse assign --check")
    return table[key]


def parse(data: dict) -> Course:
    """Build the course map from course.toml's tables; order in the file is the order of the course."""
    chapters_of: dict[str, list] = {}
    lessons_of: dict[str, list] = {}
    for ch in data.get("chapters", []):
        chapters_of.setdefault(_require(ch, "part", f"chapter {ch.get('id')}"), []).append(ch)
    seen: set[str] = set()
    for lesson in data.get("lessons", []):
        lid = _require(lesson, "id", "a lesson")
        if lid in seen or not re.fullmatch(r"[a-z][a-z0-9_]*", lid):
            raise CourseError(f"course.toml: lesson id {lid!r} is repeated or not snake_case.",
                              "give every lesson a unique snake_case id")
        seen.add(lid)
        lessons_of.setdefault(_require(lesson, "chapter", f"lesson {lid}"), []).append(lesson)
    parts = []
    for p_index, part in enumerate(data.get("parts", []), 1):
        chapters = []
        for c_index, ch in enumerate(chapters_of.get(part["id"], []), 1):
            lessons = []
            for l_index, raw in enumerate(lessons_of.pop(ch["id"], []), 1):
                lid = raw["id"]
                exercises = tuple(
                    Exercise(lesson=lid, name=_require(ex, "name", f"an exercise of {lid}"),
                             title=_require(ex, "title", f"exercise {lid}.{ex.get('name')}"),
                             points=int(_require(ex, "points", f"exercise {lid}.{ex.get('name')}")),
                             hints=tuple(_require(ex, "hints", f"exercise {lid}.{ex.get('name')}")))
                    for ex in raw.get("exercises", []))
                lessons.append(Lesson(
                    id=lid, title=_require(raw, "title", f"lesson {lid}"), part=part["id"], chapter=ch["id"],
                    section=raw.get("section", raw["title"]), minutes=int(_require(raw, "minutes", f"lesson {lid}")),
                    number=f"{p_index}.{c_index}.{l_index}", exercises=exercises))
            if lessons:  # a chapter still waiting for its lessons keeps its number but is not shown
                chapters.append(Chapter(id=ch["id"], title=ch["title"], part=part["id"], lessons=tuple(lessons)))
        parts.append(Part(id=part["id"], title=part["title"], summary=part.get("summary", ""),
                          chapters=tuple(chapters)))
    if lessons_of:
        raise CourseError(f"course.toml: lessons name unknown chapters {sorted(lessons_of)}.",
                          "add the chapter under [[chapters]] or fix the lesson's chapter key")
    return Course(title=data.get("course", {}).get("title", "Applied LLMs"), parts=tuple(parts))


def load(path: Path | None = None) -> Course:
    """Read course.toml (from the checkout unless a path is given)."""
    path = path or paths.root() / "course.toml"
    return _load_cached(path.resolve(), path.stat().st_mtime_ns)


@cache
def _load_cached(path: Path, _mtime: int) -> Course:
    try:
        return parse(tomllib.loads(path.read_text(encoding="utf-8")))
    except tomllib.TOMLDecodeError as exc:
        raise CourseError(f"{path} is not valid TOML: {exc}", "fix the line it names") from exc
