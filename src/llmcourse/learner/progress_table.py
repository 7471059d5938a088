"""Show the course as a checklist, rustlings-style, with the next thing to do."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .. import course
from . import progress as store


def show(console: Console) -> None:
    the_course = course.load()
    done = store.load()["exercises"]
    total = sum(ex.points for ex in the_course.exercises)
    earned = sum(done.get(ex.id, {}).get("earned", 0) for ex in the_course.exercises)
    table = Table(title=f"{the_course.title}: {earned:g}/{total} points", show_lines=False)
    width = max((len(ex.id) for ex in the_course.exercises), default=10)
    table.add_column("")
    table.add_column("exercise", no_wrap=True, min_width=width)
    for column in ("title", "points", "lesson"):
        table.add_column(column)
    next_up = None
    for part in the_course.parts:
        table.add_section()
        table.add_row("", f"[bold]{part.title}[/]", "", "", "")
        for lesson in part.lessons:
            for ex in lesson.exercises:
                state = done.get(ex.id)
                mark = "[green]✔[/]" if state and state["passed"] else ("[red]✘[/]" if state else "·")
                if not (state and state["passed"]) and next_up is None:
                    next_up = ex
                table.add_row(mark, ex.id, ex.title, f"{(state or {}).get('earned', 0):g}/{ex.points}",
                              f"{lesson.number} {lesson.title}")
    console.print(table)
    if next_up is None:
        console.print("[green]Every exercise passes. Well done.[/]")
    else:
        console.print(f"next: llmcourse open {next_up.lesson}   then   llmcourse check {next_up.id}")
