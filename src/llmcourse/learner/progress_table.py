"""Show the course as a checklist, rustlings-style, with the next thing to do."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .. import course
from . import progress as store


def show(console: Console) -> None:
    """Parts and lessons as headings, one row per exercise: its name, points and title.

    Exercise names, not whole ids, so the title keeps room at 80 columns; a title that still does not
    fit is cut with an ellipsis rather than wrapped a word per line. Piped, the same rows come out plain.
    """
    the_course = course.load()
    done = store.load()["exercises"]
    total = sum(ex.points for ex in the_course.exercises)
    earned = sum(done.get(ex.id, {}).get("earned", 0) for ex in the_course.exercises)
    passed = sum(1 for ex in the_course.exercises if done.get(ex.id, {}).get("passed"))
    next_up = next((ex for ex in the_course.exercises if not done.get(ex.id, {}).get("passed")), None)
    heading = (f"{the_course.title}: {earned:g}/{total} points, "
               f"{passed} of {len(the_course.exercises)} exercises pass")
    if console.is_terminal:
        _table(console, the_course, done, heading)
    else:
        _plain(console, the_course, done, heading)
    if next_up is None:
        console.print("Every exercise passes. Well done.", style="green")
    else:
        console.print(f"next: llmcourse open {next_up.lesson}   then   llmcourse watch {next_up.id}", markup=False,
                      soft_wrap=True)


def _mark(state: dict | None) -> str:
    if state and state.get("passed"):
        return "✔"
    return "✘" if state else "·"


def _table(console: Console, the_course: course.Course, done: dict, heading: str) -> None:
    table = Table(title=heading, title_justify="left", show_header=True, header_style="bold", box=None,
                  pad_edge=False, expand=False)
    # fixed widths for the short columns, so the title alone gives way on a narrow terminal
    name_width = max([len(ex.name) + 2 for ex in the_course.exercises] + [len(l.id) for l in the_course.lessons])
    table.add_column("", no_wrap=True, width=1)
    table.add_column("exercise", no_wrap=True, width=name_width)
    table.add_column("points", no_wrap=True, justify="right", width=6)
    # rich would rather drop whole columns than cut a title: give the title what is left, at least 12
    title_width = max(12, console.width - (1 + name_width + 6) - 2 * 3)
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=title_width)
    for part in the_course.parts:
        table.add_row("", f"[bold]{part.title}[/]", "", "")
        for lesson in part.lessons:
            table.add_row("", f"[dim]{lesson.id}[/]", "", f"[dim]{lesson.number}, about {lesson.minutes} min[/]")
            for ex in lesson.exercises:
                state = done.get(ex.id)
                colour = "green" if state and state.get("passed") else ("red" if state else "")
                mark = f"[{colour}]{_mark(state)}[/]" if colour else _mark(state)
                table.add_row(mark, f"  {ex.name}", f"{(state or {}).get('earned', 0):g}/{ex.points}", ex.title)
    console.print(table)


def _plain(console: Console, the_course: course.Course, done: dict, heading: str) -> None:
    """One line per row, never wrapped by the console: for pipes, files and narrow logs."""
    width = max(len(ex.name) for ex in the_course.exercises)
    lines = [heading]
    for part in the_course.parts:
        lines.append(f"\n{part.title}")
        for lesson in part.lessons:
            lines.append(f"  {lesson.number} {lesson.id}  ({lesson.minutes} min)")
            for ex in lesson.exercises:
                state = done.get(ex.id)
                points = f"{(state or {}).get('earned', 0):g}/{ex.points}"
                lines.append(f"  {_mark(state)} {ex.name:<{width}}  {points:>5}  {ex.title}")
    console.print("\n".join(lines), markup=False, highlight=False, soft_wrap=True)
