"""Pages made from course.toml: the home page's lesson list and the instructor's schedule follow it."""

import re

import pytest

from llmcourse import course
from llmcourse.site import pages

from ..conftest import ROOT

COURSE = course.load()


def test_the_schedule_holds_every_lesson_once_in_course_order():
    plan = pages.weeks(COURSE)
    assert [lesson.id for week in plan for lesson in week] == [lesson.id for lesson in COURSE.lessons]
    for number, week in enumerate(plan, 1):
        minutes = sum(lesson.minutes for lesson in week) + (pages.SETUP_MINUTES if number == 1 else 0)
        assert len(week) == 1 or minutes <= pages.WEEK_MINUTES, f"week {number} holds {minutes} min"
    table = pages.schedule(COURSE)
    for lesson in COURSE.lessons:
        assert table.count(f"(lessons/{lesson.id}.md)") == 1


def test_no_chapter_gets_a_week_more_than_its_lessons_need():
    """The old hand-written plan spent two weeks on a chapter of one lesson."""
    for week in pages.weeks(COURSE)[1:]:
        assert week, "an empty week"
    chapters_weeks = {}
    for number, week in enumerate(pages.weeks(COURSE), 1):
        for lesson in week:
            chapters_weeks.setdefault(lesson.chapter, set()).add(number)
    for chapter, weeks in chapters_weeks.items():
        lessons = [l for l in COURSE.lessons if l.chapter == chapter]
        assert len(weeks) <= len(lessons), chapter


def test_instructor_guide_has_the_schedule_marker_and_no_hand_written_weeks():
    text = (ROOT / "site" / "docs" / "instructor.md").read_text()
    assert pages.SCHEDULE_MARKER in text
    assert not re.search(r"^\| *week *\|", text, re.M), "the week table is generated, not written by hand"
    section = text[text.index(pages.SCHEDULE_MARKER):text.index("## Collecting submissions")]
    discussed = re.findall(r"^- \*\*(.+?)\*\*:", section, re.M)
    chapters = {chapter.title for part in COURSE.parts for chapter in part.chapters}
    assert chapters <= set(discussed), "every chapter has a discussion prompt"
    assert set(discussed) - chapters <= {"Catch-up week"}, "a prompt names a chapter course.toml lacks"


def test_home_page_lists_every_lesson_under_its_part():
    assert pages.LESSONS_MARKER in (ROOT / "site" / "docs" / "index.md").read_text()
    listing = pages.lesson_list(COURSE)
    for part in COURSE.parts:
        assert f"[{part.title}](parts/{part.id}.md)" in listing
    for lesson in COURSE.lessons:
        assert f"[{lesson.title}](lessons/{lesson.id}.md)" in listing


def test_a_page_that_lost_its_marker_fails_the_build():
    with pytest.raises(ValueError, match="lost its"):
        pages.fill("no marker here", pages.SCHEDULE_MARKER, "table", "instructor.md")


def test_site_fetches_no_fonts_from_the_internet():
    assert re.search(r"^\s+font: false", (ROOT / "mkdocs.yml").read_text(), re.M)


def test_ci_installs_chromium_before_the_readmes_test_command_unchanged():
    readme = (ROOT / "README.md").read_text()
    command = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/pytest"
    assert command in readme
    ci = (ROOT / ".ci" / "run").read_text()
    assert ci.rstrip().endswith(command)
    assert ci.index("apt-get install -y chromium") < ci.index(command)
