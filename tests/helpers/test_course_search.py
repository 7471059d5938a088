"""course_search: BM25, LSA and their fusion over passages, returning (id, score) best first."""

from typing import NamedTuple

import pytest

from llmcourse.helpers import course_corpus
from llmcourse.helpers.course_search import CourseSearch, tokenize
from llmcourse.helpers.retrieval import fused


class P(NamedTuple):
    id: str
    title: str
    text: str


TOY = [P("a#x", "Caching", "a response cache keyed on the normalised question with a time to live"),
       P("b#y", "Judges", "a pairwise judge compared with human labels by kappa"),
       P("c#z", "Retrieval", "BM25 keyword search and reciprocal rank fusion with a dense retriever"),
       P("d#w", "Budgets", "an error budget in minutes and the burn rate that pages someone")]


def test_tokenize_drops_stop_words_and_punctuation():
    assert tokenize("What is the BM25 score of RRF, k=60?") == ["bm25", "score", "rrf", "k", "60"]


def test_bm25_returns_only_passages_sharing_a_term_best_first():
    search = CourseSearch(TOY, dims=3)
    found = search.bm25("how does the cache time to live work?", n=4)
    assert [pid for pid, _ in found] == ["a#x"]
    assert found[0][1] > 0
    assert search.bm25("sourdough", n=4) == []


def test_dense_ranks_every_passage_and_hybrid_is_the_fusion_of_both():
    search = CourseSearch(TOY, dims=3)
    dense = search.dense("reciprocal rank fusion", n=10)
    assert len(dense) == len(TOY) and dense[0][0] == "c#z"
    assert all(a[1] >= b[1] for a, b in zip(dense, dense[1:]))
    expected = fused([[p for p, _ in search.bm25("rank fusion", 50)], [p for p, _ in search.dense("rank fusion", 50)]])
    assert search.hybrid("rank fusion", n=2) == [(p, float(s)) for p, s in expected[:2]]


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        CourseSearch([])
    with pytest.raises(ValueError):
        CourseSearch([TOY[0], TOY[0]])


def test_the_course_corpus_finds_the_rrf_section():
    search = CourseSearch(course_corpus.passages())
    top = [pid for pid, _ in search.bm25("reciprocal rank fusion k = 60", n=3)]
    assert "rag_keyword_search#fusing-the-two-with-reciprocal-rank-fusion" in top
