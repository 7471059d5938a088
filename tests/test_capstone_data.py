"""The capstone's eval sets: shapes, labels that point at passages that exist, and no leak between sets."""

import json
import re

import pytest

from llmcourse import paths
from llmcourse.helpers import course_corpus

PUBLIC = ("src/llmcourse/data/capstone_retrieval/questions.jsonl", "q", 30)
HIDDEN = ("instructors/hidden-tests/capstone_questions.jsonl", "h", 20)


def _rows(rel):
    lines = (paths.root() / rel).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _fold(question):
    return " ".join(question.lower().split())


@pytest.fixture(scope="module")
def passage_ids():
    return {p.id for p in course_corpus.passages()}


@pytest.mark.parametrize("rel,prefix,size", [PUBLIC, HIDDEN])
def test_rows_have_the_shared_shape(rel, prefix, size):
    rows = _rows(rel)
    assert len(rows) == size
    for row in rows:
        assert set(row) == {"id", "question", "answerable", "relevant"}, row
        assert re.fullmatch(prefix + r"\d\d", row["id"]), row["id"]
        assert isinstance(row["question"], str) and row["question"].strip()
        assert isinstance(row["answerable"], bool)
        assert isinstance(row["relevant"], list)
        assert row["answerable"] == bool(row["relevant"]), row["id"]
        assert len(set(row["relevant"])) == len(row["relevant"]), row["id"]
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({_fold(r["question"]) for r in rows}) == len(rows)


@pytest.mark.parametrize("rel,prefix,size", [PUBLIC, HIDDEN])
def test_every_labelled_passage_exists_in_the_live_corpus(rel, prefix, size, passage_ids):
    missing = [(r["id"], pid) for r in _rows(rel) for pid in r["relevant"] if pid not in passage_ids]
    assert not missing, f"labels point at passages that no longer exist (a heading was renamed?): {missing}"


@pytest.mark.parametrize("rel,prefix,size", [PUBLIC, HIDDEN])
def test_at_least_a_quarter_is_unanswerable(rel, prefix, size):
    rows = _rows(rel)
    share = sum(not r["answerable"] for r in rows) / len(rows)
    assert 0.25 <= share <= 0.4, share


def test_no_question_is_in_both_sets():
    public = {_fold(r["question"]) for r in _rows(PUBLIC[0])}
    hidden = {_fold(r["question"]) for r in _rows(HIDDEN[0])}
    assert not public & hidden
