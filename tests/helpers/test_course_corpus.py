"""The capstone's corpus: lesson prose cut at ## headings, ids that are also the site's anchors."""

from llmcourse import course
from llmcourse.helpers import course_corpus


def test_every_lesson_outside_the_capstone_gives_passages_with_unique_ids():
    passages = course_corpus.passages()
    ids = [p.id for p in passages]
    assert len(ids) == len(set(ids))
    taught = {lesson.id for lesson in course.load().lessons if lesson.chapter != "capstone"}
    assert {p.lesson for p in passages} == taught
    assert all(p.text.strip() and "# %%" not in p.text for p in passages)


def test_ids_and_urls_use_the_anchor_mkdocs_gives_the_heading():
    assert course_corpus.slug("Step 1: retrieve, then ask") == "step-1-retrieve-then-ask"
    assert course_corpus.slug("Don’t forget  keyword search") == "dont-forget-keyword-search"
    lesson = course.load().lesson("rag_keyword_search")
    found = {p.id: p for p in course_corpus.lesson_passages(lesson)}
    fusing = found["rag_keyword_search#fusing-the-two-with-reciprocal-rank-fusion"]
    assert fusing.url == "lessons/rag_keyword_search/#fusing-the-two-with-reciprocal-rank-fusion"
    assert fusing.title.endswith(": Fusing the two with reciprocal rank fusion")
    assert found["rag_keyword_search#intro"].url == "lessons/rag_keyword_search/"


def test_markdown_cells_only(tmp_path):
    text = "# %% [markdown]\n# Intro words\n#\n# ## A heading\n# Body\n\n# %%\nx = 1  # not prose\n"
    assert course_corpus._prose(text) == ["Intro words\n\n## A heading\nBody"]
