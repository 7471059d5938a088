"""The gradebook in the shapes Canvas and Moodle import: one row per learner, one column per lesson, the
points earned in each.

Canvas (its Gradebook "Import" of a CSV): a header row that starts Student, ID, SIS User ID, SIS Login ID,
Section, then one column per assignment; a row whose first cell is "Points Possible" gives each new
assignment its points; students are matched by ID, then SIS User ID, then SIS Login ID, then by name. We
know neither Canvas's ids nor its sections, so the learner's folder name goes in Student and SIS Login ID
and the rest stay empty. A blank score means "no change", which is what a lesson never handed in should do.

Moodle (Grades > Import > CSV file): a header row, then one row per user; on import the teacher maps one
column to the user field it holds (username, email address or ID number) and each other column to a
grade item or a new one. Scores are plain numbers, and "-" means no grade. Moodle has no points row: a
new grade item is out of 100 unless made beforehand with the lesson's points.

A lesson is a column when at least one learner handed it in, in course order, named by lesson id: ids
never change when a title is reworded, so importing again updates the same assignment.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from pathlib import Path

from .. import course
from ..atomic import write_text
from . import inert

CANVAS = "canvas-import.csv"
MOODLE = "moodle-import.csv"
CANVAS_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
MOODLE_ID = "Learner"


def _number(value: float) -> str:
    return f"{round(value, 2):g}"


def table(results: list[dict]) -> tuple[list[course.Lesson], dict[str, dict[str, float]]]:
    """The lessons handed in (course order) and each learner's points earned per lesson."""
    earned: dict[str, dict[str, float]] = defaultdict(dict)
    for record in results:
        earned[record["learner"]][record["lesson"]] = sum(r.earned for r in record["reports"])
    handed_in = {lesson for per_lesson in earned.values() for lesson in per_lesson}
    lessons = [lesson for lesson in course.load().lessons if lesson.id in handed_in]
    return lessons, dict(sorted(earned.items()))


def _csv(rows: list[list]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def canvas(results: list[dict]) -> str:
    lessons, earned = table(results)
    rows = [CANVAS_COLUMNS + [lesson.id for lesson in lessons],
            ["Points Possible", "", "", "", ""] + [_number(lesson.points) for lesson in lessons]]
    for learner, per_lesson in earned.items():
        # learner names come from folder names: "-x", "+x" or "@x" would be formulas in a spreadsheet;
        # every other cell is ours (lesson ids, numbers, Moodle's "-")
        learner = inert.cell(learner)
        rows.append([learner, "", "", learner, ""]
                    + [_number(per_lesson[l.id]) if l.id in per_lesson else "" for l in lessons])
    return _csv(rows)


def moodle(results: list[dict]) -> str:
    lessons, earned = table(results)
    rows = [[MOODLE_ID] + [lesson.id for lesson in lessons]]
    for learner, per_lesson in earned.items():
        rows.append([inert.cell(learner)] + [_number(per_lesson[l.id]) if l.id in per_lesson else "-" for l in lessons])
    return _csv(rows)


def write(out: Path, results: list[dict]) -> dict[str, Path]:
    return {"canvas": write_text(out / CANVAS, canvas(results)), "moodle": write_text(out / MOODLE, moodle(results))}
