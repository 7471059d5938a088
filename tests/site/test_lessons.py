"""Every lesson executes top to bottom with nbclient against the embedded model and shows its evidence."""

import pytest

from llmcourse import course

LESSONS = course.load().lessons


def _outputs(nb, kind):
    return [o for c in nb.cells for o in c.get("outputs", []) if kind in o.get("data", {})]


@pytest.mark.model
@pytest.mark.parametrize("lesson", LESSONS, ids=lambda l: l.id)
def test_lesson_executes_with_a_plot_and_a_table(lesson, executed_lessons):
    nb = executed_lessons[lesson.id]
    if isinstance(nb, Exception):
        raise nb
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    assert _outputs(nb, "image/png"), f"{lesson.id} draws no plot"
    assert _outputs(nb, "text/html"), f"{lesson.id} shows no table"
    headings = [c.source for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("# ")]
    assert not headings, "lessons take their H1 from course.toml; use ## inside"
    assert any("What to take away" in c.source for c in nb.cells if c.cell_type == "markdown")
