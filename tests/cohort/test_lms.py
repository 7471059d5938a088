"""The Canvas and Moodle import files hold what each product's CSV grade import reads.

Canvas's importer (Gradebook > Import) wants a header row starting Student, ID, then SIS User ID and
SIS Login ID, with Section as the last column before the assignments; a row whose first cell reads
"Points Possible" sets each new assignment's points; a blank score changes nothing. Moodle's CSV grade
import takes a header row and one row per user, maps one column to a user field (username, email,
ID number) and each other column to a grade item; scores are numbers and "-" means no grade.
"""

from __future__ import annotations

import csv
import io

from llmcourse import course
from llmcourse.cases.report import CaseResult, Report
from llmcourse.cohort import lms

NUMBER = r"^\d+(\.\d{1,2})?$"


def record(learner: str, lesson_id: str, passed: list[bool]) -> dict:
    lesson = course.load().lesson(lesson_id)
    reports = []
    for ex in lesson.exercises:
        reports.append(Report(ex.id, ex.title, ex.points, len(ex.hints),
                              [CaseResult(f"case {i}", ok) for i, ok in enumerate(passed)]))
    return {"learner": learner, "lesson": lesson_id, "reports": reports}


def rows(text: str) -> list[list[str]]:
    assert text.endswith("\r\n"), "CRLF line ends, as RFC 4180 and both importers expect"
    return list(csv.reader(io.StringIO(text)))


LESSONS = [lesson.id for lesson in course.load().lessons[:2]]
RESULTS = [record("alice", LESSONS[0], [True, True, False, True]), record("alice", LESSONS[1], [True] * 3),
           record("bob", LESSONS[1], [False, True, False]), record("=cmd", LESSONS[0], [True])]


def earned(learner: str, lesson: str) -> float:
    return sum(r.earned for rec in RESULTS if rec["learner"] == learner and rec["lesson"] == lesson
               for r in rec["reports"])


def test_canvas_file_follows_the_gradebook_import_format():
    import re

    table = rows(lms.canvas(RESULTS))
    header, points, *students = table
    assert header == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", *LESSONS]
    assert points[0] == "Points Possible" and points[1:5] == ["", "", "", ""]
    assert points[5:] == [f"{course.load().lesson(l).points:g}" for l in LESSONS]
    assert [s[0] for s in students] == ["'=cmd", "alice", "bob"], "one row per learner, formulas neutralised"
    assert all(len(row) == len(header) for row in table)
    for row in students:
        assert row[3] == row[0] and row[1] == row[2] == row[4] == ""
        learner = row[0].lstrip("'")
        for lesson, cell in zip(LESSONS, row[5:]):
            handed_in = any(r["learner"] == learner and r["lesson"] == lesson for r in RESULTS)
            if handed_in:
                assert re.match(NUMBER, cell) and float(cell) == round(earned(learner, lesson), 2), (row, lesson)
            else:
                assert cell == "", "a lesson never handed in leaves Canvas's grade as it is"


def test_moodle_file_follows_the_csv_grade_import_format():
    import re

    table = rows(lms.moodle(RESULTS))
    header, *users = table
    assert header == [lms.MOODLE_ID, *LESSONS]
    assert [u[0] for u in users] == ["'=cmd", "alice", "bob"]
    assert all(len(row) == len(header) for row in table)
    for row in users:
        learner = row[0].lstrip("'")
        for lesson, cell in zip(LESSONS, row[1:]):
            if any(r["learner"] == learner and r["lesson"] == lesson for r in RESULTS):
                assert re.match(NUMBER, cell) and float(cell) == round(earned(learner, lesson), 2)
            else:
                assert cell == "-", "Moodle's mark for no grade"


def test_only_lessons_someone_handed_in_become_columns_in_course_order():
    only_second = [r for r in RESULTS if r["lesson"] == LESSONS[1]]
    assert rows(lms.canvas(only_second))[0][5:] == [LESSONS[1]]
    assert rows(lms.moodle(list(reversed(RESULTS))))[0][1:] == LESSONS
