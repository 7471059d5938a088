"""mkdocs hooks: nav from course.toml, lesson pages from executed notebooks, notebook downloads."""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

# mkdocs loads this file by path, outside the package, so imports are absolute
from llmcourse import course, nbfiles, paths
from llmcourse.errors import CourseError
from llmcourse.authoring.strip import without_notice
from llmcourse.site import citations, executed, markdown, pages

log = logging.getLogger("mkdocs.plugins.llmcourse")


def on_config(config, **_):
    """The nav follows course.toml; hand-written pages (home, guides) keep their place from mkdocs.yml."""
    extra = [item for item in (config.nav or []) if not (isinstance(item, dict) and "Home" in item)]
    config.nav = pages.nav(course.load(), extra)
    return config


def on_page_markdown(markdown_text: str, page, **_) -> str:
    """The home page's lesson list and the instructor's schedule, made from course.toml."""
    fills = {"index.md": (pages.LESSONS_MARKER, pages.lesson_list),
             "instructor.md": (pages.SCHEDULE_MARKER, pages.schedule)}
    if page.file.src_uri not in fills:
        return markdown_text
    marker, make = fills[page.file.src_uri]
    try:
        return pages.fill(markdown_text, marker, make(course.load()), page.file.src_uri)
    except ValueError as exc:
        raise PluginError(str(exc)) from exc


def on_files(files: Files, config, **_) -> Files:
    the_course = course.load()
    sources = [lesson.file("lessons") for lesson in the_course.lessons]
    try:
        ran = executed.many(sources)
    except CourseError as exc:  # mkdocs shows a PluginError as one clear line, not a traceback
        raise PluginError(str(exc)) from exc
    try:  # citations by key: an unknown key stops the build naming the lesson and the key
        bib = citations.load()
        cited = {l.id: citations.cite(ran[l.file("lessons")], f"lessons/{l.id}.py", bib)
                 for l in the_course.lessons}
    except CourseError as exc:
        raise PluginError(str(exc)) from exc
    for part in the_course.parts:
        files.append(File.generated(config, f"parts/{part.id}.md", content=pages.part_page(part)))
    files.append(File.generated(config, citations.PAGE, content=citations.references_page(bib)))
    for lesson in the_course.lessons:
        nb = ran[lesson.file("lessons")]
        page = markdown.convert(cited[lesson.id].notebook, lesson.id)
        body = (pages.lesson_header(lesson) + page.markdown + pages.lesson_footer(lesson)
                + citations.sources_section(cited[lesson.id].keys, bib))
        files.append(File.generated(config, f"lessons/{lesson.id}.md", content=body))
        for name, data in page.figures.items():
            files.append(File.generated(config, f"lessons/{name}", content=data))
        files.append(File.generated(config, f"downloads/{lesson.id}.ipynb",
                                    content=nbfiles.to_ipynb_text(citations.for_download(nb, bib))))
        exercise = nbfiles.read(lesson.file("exercises"),
                                  without_notice(lesson.file("exercises").read_text(encoding="utf-8")))
        files.append(File.generated(config, f"downloads/exercises/{lesson.id}.ipynb",
                                    content=nbfiles.to_ipynb_text(exercise)))
    log.info("llmcourse: %d lesson pages from %s", len(the_course.lessons), paths.root())
    return files
