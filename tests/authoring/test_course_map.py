"""The README's course map is rewritten from course.toml, and only the table is touched."""

import pytest

from llmcourse import course
from llmcourse.authoring import course_map

SMALL = course.parse({
    "parts": [{"id": "p", "title": "Part"}],
    "chapters": [{"id": "c", "part": "p", "title": "Chapter"}],
    "lessons": [{"id": "c_one", "chapter": "c", "title": "One", "section": "The first section", "minutes": 5},
                {"id": "c_two", "chapter": "c", "title": "Two", "minutes": 5}],
})


def test_the_table_is_replaced_and_the_text_around_it_kept():
    readme = f"# Title\n\n## Course map\n\n{course_map.HEADER}\n|---|\n| old | row | `gone` | x |\n\nAfter.\n"
    new = course_map.rewritten(readme, SMALL)
    assert new.startswith("# Title\n\n## Course map\n\n")
    assert new.endswith("\n\nAfter.\n")
    assert "| Part | Chapter | The first section | `c_one` |" in new
    assert "| Part | Chapter | Two | `c_two` |" in new  # no section: the title stands in
    assert "`gone`" not in new
    assert course_map.rewritten(new, SMALL) == new


def test_a_readme_without_the_map_is_an_error_that_says_what_to_add():
    with pytest.raises(ValueError, match="no course map"):
        course_map.rewritten("# Title\n", SMALL)


def test_this_readme_is_current():
    assert course_map.stale() == [], "run: llmcourse assign"
