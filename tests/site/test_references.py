"""The course's bibliography against its lessons: every citation resolves, every entry is cited,
every link is a cited source or the report, and version-dependent figures name their version."""

import re
from urllib.parse import urlparse

import pytest
from pybtex.database import parse_file

from llmcourse import course, nbfiles
from llmcourse.site import citations

from ..conftest import ROOT

LESSONS = course.load().lessons
BIB = ROOT / citations.BIB_NAME
REPORT_HOST = "applied-llms.org"
ARXIV_VERSIONED = re.compile(r"^https://arxiv\.org/abs/\d{4}\.\d{4,5}v\d+$")
LINK = re.compile(r"\]\((?P<md>[^)\s]+)[^)]*\)|<(?P<auto>https?://[^>\s]+)>|(?P<bare>https?://[^\s)>\]]+)")


def _markdown(lesson) -> list[str]:
    nb = nbfiles.read(lesson.file("lessons"))
    return [cell.source for cell in nb.cells if cell.cell_type == "markdown"]


@pytest.fixture(scope="module")
def sources():
    return citations.load(BIB)


@pytest.fixture(scope="module")
def entries():
    return parse_file(str(BIB), bib_format="bibtex").entries


def test_the_bibliography_parses_with_pybtex_and_every_entry_has_the_basics(entries, sources):
    assert set(entries) == set(sources) and len(entries) >= 20
    for key, entry in entries.items():
        fields = {name.lower() for name in entry.fields}
        assert entry.persons.get("author"), f"{key}: no author"
        assert {"title", "url"} <= fields, f"{key}: needs a title and a url"
        assert "year" in fields or "note" in fields, f"{key}: no year, and no note saying it is undated"
        assert urlparse(entry.fields["url"]).scheme == "https", f"{key}: the link should be https"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda l: l.id)
def test_every_citation_resolves_and_none_is_left_unrendered(lesson, sources):
    for text in _markdown(lesson):
        rendered, _ = citations.render(text, sources, f"lessons/{lesson.id}.py")  # raises on an unknown key
        leftover = re.findall(r"\[-?@[^\]]*\]", citations.prose(rendered))
        assert not leftover, f"{lesson.id}: malformed citation(s) {leftover}; write [@key] or [@key, locator]"


def test_every_entry_is_cited_by_some_lesson(sources):
    cited = set()
    for lesson in LESSONS:
        for text in _markdown(lesson):
            cited |= set(citations.render(text, sources, lesson.id)[1])
    assert set(sources) - cited == set(), "entries no lesson cites: drop them or cite them"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda l: l.id)
def test_every_link_in_a_lesson_is_a_bibliography_entry_or_the_report(lesson, sources):
    known = {s.url.rstrip("/") for s in sources.values()}
    for text in _markdown(lesson):
        for match in LINK.finditer(citations.prose(text)):
            url = match["md"] or match["auto"] or match["bare"]
            if not url.startswith(("http://", "https://")):
                continue  # a link inside the site
            assert urlparse(url).hostname == REPORT_HOST or url.rstrip("/") in known, \
                f"{lesson.id} links {url}: add it to {citations.BIB_NAME} and cite it by key"


def test_figures_that_depend_on_a_version_name_it(entries):
    """An entry marked with `figures` is quoted for numbers: an arXiv link pins the version, a page says
    which edition or date the numbers were read from."""
    marked = {key: entry for key, entry in entries.items() if "figures" in entry.fields}
    assert len(marked) >= 15
    for key, entry in marked.items():
        url = entry.fields["url"]
        if "arxiv.org" in url:
            assert ARXIV_VERSIONED.match(url), f"{key}: {url} should name the version, e.g. .../abs/2404.06654v3"
            version = re.search(r"v\d+$", url).group(0)
            assert version in entry.fields.get("version", ""), f"{key}: `version` should say {version}"
        elif "doi.org/" not in url:  # a DOI names one published version already
            assert {"version", "urldate", "note"} & set(entry.fields), \
                f"{key}: say in `version`, `urldate` or `note` which edition or date the figures come from"


def test_every_arxiv_link_is_an_abstract_page(entries):
    for key, entry in entries.items():
        url = entry.fields["url"]
        if "arxiv.org" in url:
            assert re.match(r"^https://arxiv\.org/abs/\d{4}\.\d{4,5}(v\d+)?$", url), f"{key}: {url}"
