"""The generated pages: one per lesson, one per part, and the nav that follows course.toml."""

from __future__ import annotations

import os

from .. import course
from ..llm import connect, recording


def lesson_header(lesson: course.Lesson) -> str:
    return f"""# {lesson.number} {lesson.title}

<div class="lesson-meta" markdown>
:material-book-open-variant: Report section: [{lesson.section}]({lesson.report_url}) ·
:material-clock-outline: about {lesson.minutes} min ·
:material-download: [lesson notebook](../downloads/{lesson.id}.ipynb) ·
[exercise notebook](../downloads/exercises/{lesson.id}.ipynb)
</div>

{provenance(lesson)}
"""


def provenance(lesson: course.Lesson) -> str:
    """Which model produced the outputs on the page, and when; the same notebook on your machine asks
    whatever model you point it at."""
    prov = connect.provider()
    if not prov.embedded or recording.mode() == "off":
        model = os.environ.get("LLMCOURSE_MODEL") or (prov.base_url or "the OpenAI API")
        return f'!!! info "Outputs on this page"\n    Produced when the site was built, by {model}.\n'
    found = recording.read(recording.file_for(lesson.file("lessons")))
    if found is None:
        return ""  # the lesson asks no model
    head = found.header
    return (f'!!! info "Outputs on this page"\n    Model answers replayed from the recording of '
            f'`{head.get("model_file", head.get("model", "?"))}` served by {head.get("server", "?")}, made '
            f'{head.get("recorded", "?")}. Run the notebook yourself and a request you change goes to the model.\n')


def lesson_footer(lesson: course.Lesson) -> str:
    rows = "\n".join(f"| `{ex.id}` | {ex.title} | {ex.points} |" for ex in lesson.exercises)
    return f"""

## Your turn

| exercise | what you build | points |
|---|---|---|
{rows}

```bash
llmcourse open {lesson.id}      # your own copy: workspace/{lesson.id}.ipynb
llmcourse check {lesson.id}     # run it and grade it
llmcourse hint {lesson.exercises[0].id if lesson.exercises else lesson.id}   # one more hint each time
```
"""


def part_page(part: course.Part) -> str:
    lines = [f"# {part.title}\n", part.summary.strip() + "\n"]
    for chapter in part.chapters:
        lines.append(f"## {chapter.title}\n")
        lines.append("| | lesson | minutes | exercises |\n|---|---|---|---|")
        for lesson in chapter.lessons:
            lines.append(f"| {lesson.number} | [{lesson.title}](../lessons/{lesson.id}.md) | {lesson.minutes} | "
                         f"{len(lesson.exercises)} |")
        lines.append("")
    return "\n".join(lines)


def nav(the_course: course.Course, extra: list) -> list:
    """Home first, then each part with its chapters and lessons in course.toml order, then `extra`."""
    items: list = [{"Home": "index.md"}]
    for part in the_course.parts:
        section: list = [{"Overview": f"parts/{part.id}.md"}]
        for chapter in part.chapters:
            section.append({chapter.title: [{f"{l.number} {l.title}": f"lessons/{l.id}.md"}
                                            for l in chapter.lessons]})
        items.append({part.title: section})
    return items + extra


# Markers in hand-written pages that the build replaces with tables made from course.toml, so the home
# page and the instructor's schedule can never drift from the course.
LESSONS_MARKER = "<!-- course:lessons -->"
SCHEDULE_MARKER = "<!-- course:schedule -->"

SETUP_MINUTES = 30    # installing, the learner guide, the first `llmcourse open`
WEEK_MINUTES = 150    # lesson time a week holds, leaving the rest of 2-4 hours for the exercises


def lesson_list(the_course: course.Course) -> str:
    """The home page's list: every part, its summary's first sentence, and its lessons in order."""
    lines = []
    for part in the_course.parts:
        lines.append(f"### [{part.title}](parts/{part.id}.md)\n")
        lines.append(" ".join(part.summary.split()) + "\n")
        for lesson in part.lessons:
            lines.append(f"- {lesson.number} [{lesson.title}](lessons/{lesson.id}.md) "
                         f"({lesson.minutes} min, {len(lesson.exercises)} exercises)")
        lines.append("")
    return "\n".join(lines)


def weeks(the_course: course.Course) -> list[list[course.Lesson]]:
    """Lessons in course order, packed into weeks of about WEEK_MINUTES (week 1 also holds the set-up)."""
    out: list[list[course.Lesson]] = [[]]
    used = SETUP_MINUTES
    for lesson in the_course.lessons:
        if out[-1] and used + lesson.minutes > WEEK_MINUTES:
            out.append([])
            used = 0
        out[-1].append(lesson)
        used += lesson.minutes
    return out


def schedule(the_course: course.Course) -> str:
    """The instructor's week-by-week table, made from course.toml at build time."""
    rows = ["| week | part | lessons | lesson time |", "|---|---|---|---|"]
    plan = weeks(the_course)
    parts = {part.id: part.title for part in the_course.parts}
    for number, lessons in enumerate(plan, 1):
        names = "<br>".join(f"{l.number} [{l.title}](lessons/{l.id}.md)" for l in lessons)
        if number == 1:
            names = "set-up and the [learner guide](guide.md)<br>" + names
        minutes = sum(l.minutes for l in lessons) + (SETUP_MINUTES if number == 1 else 0)
        part_titles = ", ".join(dict.fromkeys(parts[l.part] for l in lessons))
        rows.append(f"| {number} | {part_titles} | {names} | about {minutes} min |")
    rows.append(f"| {len(plan) + 1} | all | catch-up, and a regrade with your hidden cases | |")
    return "\n".join(rows) + "\n"


def fill(markdown: str, marker: str, content: str, page: str) -> str:
    """Replace `marker` in a hand-written page; a page that lost its marker is a build error, not a
    silently stale page."""
    if marker not in markdown:
        raise ValueError(f"{page} has lost its {marker} marker: put it back where the generated table goes")
    return markdown.replace(marker, content)
