"""course.toml against the folders: every lesson has its four files, nothing is stray, hints are real."""

import ast
import re

import pytest

from llmcourse import course, paths
from llmcourse.authoring import assign

from .conftest import FILES, ROOT

LESSONS = course.load().lessons


def test_there_are_lessons_in_every_part():
    the_course = course.load()
    assert [p.id for p in the_course.parts] == ["tactical", "operational", "strategic", "capstone"]
    assert all(part.lessons for part in the_course.parts)


def test_a_chapter_without_lessons_is_hidden_and_keeps_its_number():
    the_course = course.parse({
        "parts": [{"id": "p", "title": "P"}],
        "chapters": [{"id": "first", "part": "p", "title": "First"}, {"id": "second", "part": "p", "title": "Second"}],
        "lessons": [{"id": "second_lesson", "chapter": "second", "title": "L", "minutes": 5}],
    })
    assert [c.id for c in the_course.parts[0].chapters] == ["second"]
    assert the_course.lessons[0].number == "1.2.1"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda l: l.id)
def test_lesson_has_its_four_files_and_wrong_answers(lesson):
    for kind in ("lessons", "solutions", "exercises"):
        assert lesson.file(kind).is_file(), f"missing {kind}/{lesson.id}.py"
    assert (ROOT / "src" / "llmcourse" / "graders" / f"{lesson.id}.py").is_file()
    assert (FILES / "wrong" / f"{lesson.id}.py").is_file()
    assert lesson.exercises, f"{lesson.id} has no exercises in course.toml"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda l: l.id)
def test_every_exercise_is_a_function_of_the_solution_with_a_check_cell(lesson):
    text = lesson.file("solutions").read_text()
    defined = {n.name for n in ast.walk(ast.parse(text)) if isinstance(n, ast.FunctionDef)}
    for ex in lesson.exercises:
        assert ex.name in defined, f"solutions/{lesson.id}.py does not define {ex.name}"
        assert f'check("{ex.id}", {ex.name})' in text, f"no check cell for {ex.id}"


@pytest.mark.parametrize("exercise", course.load().exercises, ids=lambda e: e.id)
def test_hint_ladders_have_three_real_rungs(exercise):
    assert len(exercise.hints) >= 3
    assert all(len(h.split()) >= 6 for h in exercise.hints), "a hint too short to help"
    assert len(set(exercise.hints)) == len(exercise.hints)
    assert exercise.points > 0


def test_no_stray_notebooks_and_no_stale_exercises():
    assert assign.strays() == []
    assert assign.stale() == [], "run: llmcourse assign"


def test_no_stray_graders_or_wrong_answers():
    ids = {lesson.id for lesson in LESSONS}
    graders = {p.stem for p in (ROOT / "src/llmcourse/graders").glob("*.py")} - {"__init__"}
    wrong = {p.stem for p in (FILES / "wrong").glob("*.py")}
    assert graders == ids
    assert wrong == ids


def report_text() -> str:
    report = ROOT.parent / "shared" / "reference" / "applied-llms-report.md"
    if not report.exists():
        pytest.skip("the reference report is not beside this checkout")
    return report.read_text(encoding="utf-8")


def test_sections_exist_in_the_report():
    headings = {course.anchor(line.lstrip("#").strip()) for line in report_text().splitlines()
                if line.startswith("#")}
    for lesson in LESSONS:
        assert lesson.anchor in headings, f"{lesson.id}: section {lesson.section!r} is not a report heading"


# Report sections whose lessons are still to be written. Writing one means deleting its line here, and
# the test below fails until the list matches what is really missing, so it cannot go stale.
NOT_YET_WRITTEN: set[str] = set()


def report_sections(text: str) -> list[str]:
    """The report's 47 sections: the ### headings of its three parts, a ## chapter that has none (low-cost
    cognition is one section on its own), and the closing # section."""
    sections, inside, chapter = [], False, None
    for line in text.splitlines():
        level = len(line) - len(line.lstrip("#"))
        if not line.startswith("#") or level > 3 or line[level:level + 1] != " ":
            continue
        title = line[level:].strip()
        if level < 3 and chapter:  # the previous chapter had no sections of its own
            sections.append(chapter)
        chapter = None
        if level == 1:
            inside = title.split(":")[0] in ("Tactical", "Operational", "Strategy")
            if title.startswith("Enough 0 to 1 demos"):
                sections.append(title)
        elif level == 2 and inside:
            chapter = title
        elif level == 3 and inside:
            sections.append(title)
    return sections


def test_every_report_section_has_its_lesson():
    sections = report_sections(report_text())
    assert len(sections) == 47, f"the report's section list changed: {len(sections)} sections"
    taught = {lesson.anchor for lesson in LESSONS}
    missing = {s for s in sections if course.anchor(s) not in taught}
    assert missing == {s for s in sections if s in NOT_YET_WRITTEN}, (
        f"sections without a lesson: {sorted(missing)}; NOT_YET_WRITTEN lists: {sorted(NOT_YET_WRITTEN)}")


def test_root_is_this_checkout():
    assert paths.root() == ROOT


def test_the_readme_course_map_lists_every_lesson_in_order():
    readme = (paths.root() / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| [^|]+ \| [^|]+ \| [^|]+ \| `(\w+)` \|$", readme, re.M)
    assert listed == [lesson.id for lesson in LESSONS], "run: llmcourse assign   # rewrites the README's course map"
