"""Citations by key render as short links, in markdown cells only, and a bad key stops the build."""

import nbformat
import pytest

from llmcourse.errors import CourseError
from llmcourse.site import citations

from ..conftest import FILES

BIB = FILES / "citations"


@pytest.fixture(scope="module")
def sources():
    return citations.load(BIB / "sample.bib")


def test_labels_follow_author_year_and_tell_apart_same_author_same_year(sources):
    assert sources["solo2020"].label == "Doe, 2020"
    assert sources["pair2021"].label == "Smith & Jones, 2021"
    assert sources["many2022a"].label == "Lee et al., 2022a"
    assert sources["many2022b"].label == "Lee et al., 2022b"
    assert sources["org"].label == "Example Corp, n.d."
    assert sources["many2022b"].authors == "Lee, K. et al."
    assert sources["pair2021"].read == "arXiv v2"
    assert citations.reference(sources["pair2021"]).endswith("<https://arxiv.org/abs/2101.00001v2> Read: arXiv v2.")


def test_a_citation_becomes_a_link_to_the_references_page(sources):
    text, keys = citations.render("Recall fell [@pair2021].", sources, "lessons/demo.py")
    assert text == "Recall fell ([Smith & Jones, 2021](../references.md#pair2021))."
    assert keys == ["pair2021"]


def test_locators_groups_and_year_only(sources):
    text, keys = citations.render("A [@pair2021, Table 2]. B [@solo2020; @org]. Doe [-@solo2020] says.",
                                  sources, "lessons/demo.py")
    assert "([Smith & Jones, 2021](../references.md#pair2021), Table 2)" in text
    assert "([Doe, 2020](../references.md#solo2020); [Example Corp, n.d.](../references.md#org))" in text
    assert "Doe ([2020](../references.md#solo2020)) says." in text
    assert keys == ["pair2021", "solo2020", "org"]


def test_a_stray_backtick_does_not_hide_a_later_paragraphs_citation(sources):
    text, keys = citations.render("A lone ` here.\n\nThen [@solo2020] and ` there.", sources, "x")
    assert keys == ["solo2020"] and "(../references.md#solo2020)" in text


def test_an_unknown_key_names_the_lesson_and_the_key(sources):
    with pytest.raises(CourseError, match=r"lessons/demo\.py cites \[@nosuch2020\], which is not in references\.bib"):
        citations.render("As shown [@solo2020; @nosuch2020].", sources, "lessons/demo.py")


@pytest.mark.parametrize("odd", [
    "code `[@nosuch]` stays code",
    "```python\nx = '[@nosuch]'\n```",
    "~~~\n[@nosuch]\n~~~",
    "a link [@nosuch](https://example.org) is a link",
    "an email [mail@example.org] or [@ not a key] or [@] or [@a b c]",
    "unclosed [@nosuch and a ] later",
    "<script>alert('[x]')</script> and *stars*",
    "",
])
def test_rendering_leaves_anything_that_is_not_a_citation_as_it_was(sources, odd):
    assert citations.render(odd, sources, "lessons/demo.py") == (odd, [])


def test_only_markdown_cells_change_and_the_notebook_is_copied(sources):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("See [@solo2020]."),
        nbformat.v4.new_code_cell("print('[@nosuch]')", outputs=[
            nbformat.v4.new_output("stream", name="stdout", text="[@nosuch] from the model\n")]),
    ])
    cited = citations.cite(nb, "lessons/demo.py", sources)
    assert cited.keys == ["solo2020"]
    assert cited.notebook.cells[0].source == "See ([Doe, 2020](../references.md#solo2020))."
    assert cited.notebook.cells[1] == nb.cells[1]
    assert nb.cells[0].source == "See [@solo2020]."


def test_downloads_link_to_the_source_itself(sources):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("See [@org].")])
    assert citations.for_download(nb, sources).cells[0].source == \
        "See ([Example Corp, n.d.](https://example.org/guide))."


def test_reference_text_from_the_bibliography_is_shown_inert(sources):
    entry = citations.reference(sources["solo2020"])
    assert "<b>" not in entry and "&lt;b&gt;" in entry
    assert r"\[brackets\]" in entry and r"\*Stars\*" in entry
    page = citations.references_page(sources)
    assert "{ #solo2020 }" in page and "{ #many2022b }" in page
    assert "Quoted in the lessons: 42%." in page and "Quoted" not in citations.reference(sources["pair2021"])
    assert page.index("Doe, J. (2020)") < page.index("Example Corp (n.d.)") < page.index("Lee, K., Park, M.")


def test_sources_section_lists_what_the_lesson_cites_in_order(sources):
    section = citations.sources_section(["pair2021", "solo2020"], sources)
    assert section.startswith("\n\n## Sources\n")
    assert section.index("Smith, A. & Jones, B.") < section.index("Doe, J.")
    assert "(../references.md#pair2021)" in section
    assert citations.sources_section([], sources) == ""


@pytest.mark.parametrize("name, message", [
    ("broken.bib", "cannot read the bibliography broken.bib"),
    ("no_url.bib", "entry 'nourl2020' has no url"),
    ("missing.bib", "cannot read the bibliography missing.bib"),
    ("latin1.bib", "cannot read the bibliography latin1.bib"),
])
def test_a_bad_bibliography_is_a_clear_error(name, message):
    with pytest.raises(CourseError, match=message):
        citations.load(BIB / name)


def test_an_unknown_key_stops_the_site_build_with_one_clear_line(monkeypatch, tmp_path):
    from mkdocs.exceptions import PluginError

    from llmcourse import course
    from llmcourse.site import executed, hooks

    the_course = course.load()
    lesson = the_course.lessons[0]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Shown by [@nosuch1999].")])
    monkeypatch.setattr(executed, "many", lambda sources: {s: nb for s in sources})
    with pytest.raises(PluginError, match=rf"lessons/{lesson.id}\.py cites \[@nosuch1999\]"):
        hooks.on_files([], None)
