"""The reference metrics the RAG lessons use agree with the graders learners are judged by."""

from llmcourse import retrieval
from llmcourse.grading import grade


def test_reference_recall_and_rrf_pass_the_exercise_graders():
    assert grade("rag_keyword_search.recall_at_k", retrieval.recall_at_k).passed
    assert grade("rag_keyword_search.reciprocal_rank_fusion", retrieval.rrf).passed


def test_reciprocal_rank_counts_from_one_and_is_zero_when_nothing_is_found():
    assert retrieval.reciprocal_rank(["x", "a"], {"a"}) == 0.5
    assert retrieval.reciprocal_rank(["x", "y"], {"a"}) == 0.0
