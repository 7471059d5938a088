"""`llmcourse progress` stays one line per exercise at 80 columns and when piped."""

import re

from rich.console import Console

from llmcourse import course
from llmcourse.learner import progress, progress_table

COURSE = course.load()


def _render(console: Console) -> list[str]:
    with console.capture() as captured:
        progress_table.show(console)
    return captured.get().splitlines()


def test_at_80_columns_every_exercise_is_one_line_with_its_points():
    progress.record_check(COURSE.exercises[0].id, True, COURSE.exercises[0].points)
    lines = _render(Console(width=80, force_terminal=True, color_system=None))
    assert all(len(line) <= 80 for line in lines if not line.startswith("next:")), "a command is kept whole"
    for ex in COURSE.exercises:
        # two lessons may name an exercise alike (recall_at_k): the title's start tells their rows apart
        row = [line for line in lines if re.search(rf"\s{re.escape(ex.name)}\s", line) and ex.title[:20] in line]
        assert len(row) == 1, ex.id
        assert re.search(rf"\b\d+/{ex.points}\b", row[0]), row[0]
        assert row[0].split(ex.name, 1)[1].strip(), "the title starts on the exercise's own line"
    assert "✔" in "\n".join(lines)
    # no title wrapped a word per line: no line holds just one short word
    assert not [line for line in lines if re.fullmatch(r"\s*\w{1,12}\s*", line)
                and line.strip() not in {p.title for p in COURSE.parts}]


def test_piped_output_is_plain_and_keeps_whole_titles():
    lines = _render(Console(width=80, force_terminal=False, color_system=None))
    text = "\n".join(lines)
    assert "\x1b[" not in text
    for ex in COURSE.exercises:
        assert any(ex.name in line and ex.title in line for line in lines), ex.id
    assert f"llmcourse watch {COURSE.exercises[0].id}" in text
