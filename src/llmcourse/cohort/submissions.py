"""Find the submissions in a cohort folder: one folder per learner, notebooks named by lesson id.

Each file is read once, here, without following symbolic links, and every later step (fingerprint,
parsing, similarity, execution) works from that copy. The grader often runs as root: a link to
`solutions/` or to a root-only key file must never be read as a learner's work.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from .. import course
from ..errors import CourseError
from .grade_one import Submission

SAFE = re.compile(r"[\w.@+-]+")  # always with fullmatch: `$` would let "name\n" through
MAX_MB = 32  # a notebook is a few hundred KB; anything far larger is not one
LINKS = "symbolic links are never followed, so that no file outside the submission is read; submit the file itself"


def shown(name: str) -> str:
    """A name for the run's notes: as is when plain, else as a Python literal, so no control character or
    line break from a learner reaches the terminal or a report."""
    return name if SAFE.fullmatch(name) else repr(name)


def _read(dir_fd: int, name: str) -> bytes | str:
    """The file's bytes, or why it was refused. O_NOFOLLOW refuses a link even if one replaced the file after
    it was listed; O_NONBLOCK keeps a FIFO from stalling the grader."""
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=dir_fd)
    except OSError as exc:
        return f"it is a symbolic link ({LINKS})" if exc.errno == errno.ELOOP else f"it could not be opened ({exc.strerror})"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return "it is not a regular file"
        if info.st_size > MAX_MB * 2**20:
            return f"it is larger than {MAX_MB} MB, far more than any notebook"
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_MB * 2**20:
                return f"it is larger than {MAX_MB} MB, far more than any notebook"
        return b"".join(chunks)
    finally:
        os.close(fd)


def _learner(folder: Path, folder_fd: int, name: str, lessons: set[str], notes: list[str]) -> list[Submission]:
    try:
        dir_fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=folder_fd)
    except OSError as exc:
        notes.append(f"{name}: skipped, the folder could not be opened ({exc.strerror})")
        return []
    chosen: dict[str, tuple[str, bytes, str]] = {}
    try:
        with os.scandir(dir_fd) as entries:
            listed = sorted(entries, key=lambda e: e.name)
        for entry in listed:
            stem, dot, suffix = entry.name.rpartition(".")
            if entry.name.startswith(".") or f".{suffix}" not in (".ipynb", ".py") or not dot:
                continue
            where = f"{name}/{shown(entry.name)}"
            if stem not in lessons:
                notes.append(f"{where}: skipped, not named after a lesson id")
                continue
            if stem in chosen and chosen[stem][0].endswith(".ipynb"):
                notes.append(f"{where}: skipped, {stem}.ipynb is graded instead")
                continue
            if entry.is_dir(follow_symlinks=False):
                continue
            # a link, a device or a huge file is graded as nothing, with the reason in the learner's feedback
            data = _read(dir_fd, entry.name)
            if isinstance(data, str):
                notes.append(f"{where}: refused, {data}")
                chosen[stem] = (entry.name, b"", data)
            else:
                chosen[stem] = (entry.name, data, "")
    finally:
        os.close(dir_fd)
    return [Submission(name, lesson_id, folder / name / file, data, refused)
            for lesson_id, (file, data, refused) in sorted(chosen.items())]


def _one(folder: Path, folder_fd: int, entry: os.DirEntry, lessons: set[str], notes: list[str]) -> list[Submission]:
    if entry.name.startswith("."):
        return []
    if entry.is_symlink():
        notes.append(f"{shown(entry.name)}: refused, the learner folder is a symbolic link ({LINKS})")
        return []
    if not entry.is_dir(follow_symlinks=False):
        return []
    if not SAFE.fullmatch(entry.name):
        notes.append(f"{shown(entry.name)}: skipped, a learner folder name may hold letters, digits "
                     "and . _ - @ + only")
        return []
    return _learner(folder, folder_fd, entry.name, lessons, notes)


def discover(folder: Path) -> tuple[list[Submission], list[str]]:
    """The submissions to grade, and notes on what was skipped or refused (and why)."""
    found, notes = find(folder)
    return found, [text for _, text in notes]


def find(folder: Path, keep=None) -> tuple[list[Submission], list[tuple[str, str]]]:
    """Like `discover`, for the learner folders whose name `keep` accepts (all when None): a shard reads
    only its own learners' files. Each note comes with the folder entry it is about, so the notes of
    several shards can be put back in the order one run would find them."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CourseError(f"{folder} is not a folder of submissions.",
                          "make one folder per learner inside it, holding notebooks named by lesson id "
                          "(like alice/evals_assertions.ipynb); see the instructor guide")
    lessons = {lesson.id for lesson in course.load().lessons}
    found, notes, seen = [], [], 0
    folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        with os.scandir(folder_fd) as entries:
            learners = sorted(entries, key=lambda e: e.name)
        for entry in learners:
            seen += not entry.name.startswith(".")
            if keep is not None and not keep(entry.name):
                continue
            mine: list[str] = []
            found += _one(folder, folder_fd, entry, lessons, mine)
            notes += [(entry.name, note) for note in mine]
    finally:
        os.close(folder_fd)
    # a shard may own no learner of a small cohort; a folder with no learner at all is a mistake
    if not found and (keep is None or not seen):
        raise CourseError(f"no submissions found in {folder}.",
                          "expect FOLDER/LEARNER/LESSON_ID.ipynb (or .py); lesson ids: llmcourse progress")
    return found, notes
