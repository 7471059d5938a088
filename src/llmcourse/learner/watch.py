"""`llmcourse watch [ID]`: check the learner's notebook each time it is saved, say what passed and what
to do next, and move on to the next exercise when one passes (rustlings' watch mode)."""

from __future__ import annotations

import queue
import threading
import time
from pathlib import Path

from rich.console import Console
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .. import course, paths
from ..cases.report import Report
from . import check, progress, target, workspace

SUFFIXES = (".ipynb", ".py")
QUIET_S = 0.4  # editors save in bursts (a temporary file, a rename, a checkpoint): wait for the last one


class _Saves(FileSystemEventHandler):
    """Queues the paths of notebooks saved in the workspace, by their final name."""

    def __init__(self):
        self.saved: queue.Queue[Path] = queue.Queue()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in ("created", "modified", "moved", "closed"):
            return
        path = Path(getattr(event, "dest_path", "") or event.src_path)
        if path.suffix in SUFFIXES and not path.name.startswith("."):
            self.saved.put(path)


def next_exercise(the_course: course.Course, after: course.Exercise | None = None) -> course.Exercise | None:
    """The first exercise that has not passed, looking from `after` onwards (then from the start)."""
    passed = {ex_id for ex_id, state in progress.load()["exercises"].items() if state.get("passed")}
    order = the_course.exercises
    start = order.index(after) if after in order else 0
    for ex in order[start:] + order[:start]:
        if ex.id not in passed:
            return ex
    return None


class Watcher:
    """One watch session. `stop` ends it from another thread (tests, or a signal)."""

    def __init__(self, console: Console, *, cell_timeout: float = 120, total_timeout: float = 600):
        self.console = console
        self.cell_timeout, self.total_timeout = cell_timeout, total_timeout
        self.stop = threading.Event()
        self.the_course = course.load()
        self.checks = 0
        self.checked: dict[Path, tuple] = {}  # what each file looked like when last checked

    @staticmethod
    def _signature(path: Path) -> tuple:
        stat = path.stat()
        return stat.st_mtime_ns, stat.st_size

    def _start_at(self, arg: str | None) -> course.Exercise | None:
        if arg is None:
            return next_exercise(self.the_course)
        lesson_id, _, name = arg.partition(".")
        if name:
            return self.the_course.exercise(arg)
        lesson = self.the_course.lesson(lesson_id)
        passed = {k for k, v in progress.load()["exercises"].items() if v.get("passed")}
        return next((ex for ex in lesson.exercises if ex.id not in passed), lesson.exercises[0])

    def _notebook(self, exercise: course.Exercise) -> Path:
        """The learner's copy of the exercise's lesson, made now if they have none (never overwritten)."""
        try:
            return target.workspace_notebook(exercise.lesson)
        except Exception:  # noqa: BLE001 - no copy yet: make one, as `llmcourse open` would
            path = workspace.open_exercise(exercise.lesson)
            self.console.print(f"your copy of the {exercise.lesson} exercises: {path}", markup=False)
            return path

    def _check(self, exercise: course.Exercise, notebook: Path) -> dict[str, Report]:
        """Check the whole notebook; show the exercise at hand in full and the lesson's others in a line."""
        self.console.rule(f"{time.strftime('%H:%M:%S')}  checking {notebook.name}", style="dim")
        lesson = self.the_course.lesson(exercise.lesson)
        self.checked[notebook.resolve()] = self._signature(notebook)
        reports, problems = check.check(target.Target(lesson, notebook, None), cell_timeout=self.cell_timeout,
                                        total_timeout=self.total_timeout)
        self.checks += 1
        if problems:
            self.console.print(f"before grading: {problems}", style="yellow", markup=False)
        for report in reports:
            progress.record_check(report.exercise_id, report.passed, report.earned)
            if report.exercise_id != exercise.id:
                self.console.print(f"  {report.heading.lower()}: {report.exercise_id} ({report.score})", markup=False)
        by_id = {report.exercise_id: report for report in reports}
        self._show(by_id.get(exercise.id))
        return by_id

    def _show(self, report: Report | None) -> None:
        if report is not None:
            self.console.print(str(report), style="green" if report.passed else None, markup=False)

    def _wait_for_save(self, saves: _Saves, lesson_id: str) -> Path | None:
        """The path of the next save of this lesson's notebook, once the burst of events has settled."""
        found = None
        while not self.stop.is_set():
            try:
                path = saves.saved.get(timeout=0.2 if found is None else QUIET_S)
            except queue.Empty:
                # a file unchanged since its last check (our own copy of a new lesson, an editor's
                # touch) is no new attempt
                if found is not None and found.exists() and \
                        self.checked.get(found.resolve()) != self._signature(found):
                    return found
                found = None
                continue
            if path.stem == lesson_id:
                found = path
        return None

    def run(self, arg: str | None = None) -> int:
        exercise = self._start_at(arg)
        if exercise is None:
            self.console.print("Every exercise passes. Well done.", style="green")
            return 0
        saves = _Saves()
        observer = Observer()
        folder = paths.workspace()
        folder.mkdir(parents=True, exist_ok=True)
        observer.schedule(saves, str(folder), recursive=False)
        observer.start()
        try:
            notebook = self._notebook(exercise)
            reports = self._check(exercise, notebook)
            while True:
                report = reports.get(exercise.id)
                if report is not None and report.passed:
                    following = next_exercise(self.the_course, exercise)
                    if following is None:
                        self.console.print("Every exercise passes. Well done.", style="green")
                        return 0
                    same = following.lesson == exercise.lesson
                    exercise = following
                    self.console.print(f"\nnext exercise: {exercise.id}: {exercise.title} "
                                       f"({'further down the same notebook' if same else 'a new lesson'})",
                                       markup=False)
                    if same:  # the last check graded it already
                        self._show(reports.get(exercise.id))
                    else:
                        notebook = self._notebook(exercise)
                        reports = self._check(exercise, notebook)
                    continue
                self.console.print(f"watching {notebook} for {exercise.id}: save it to check again "
                                   f"(Ctrl-C stops)", style="dim", markup=False)
                saved = self._wait_for_save(saves, exercise.lesson)
                if saved is None:
                    return 0
                notebook = saved
                reports = self._check(exercise, notebook)
        finally:
            observer.stop()
            observer.join(timeout=5)
