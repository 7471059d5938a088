"""The retrieval helpers the RAG lesson uses agree with the graders learners are judged by."""

from llmcourse.cases import grade
from llmcourse.helpers import retrieval


def test_the_helpers_agree_with_the_exercise_graders_once_reshaped():
    assert grade("rag_keyword_search.recall_at_k",
                 lambda ranked, relevant, k: retrieval.query_metrics(ranked, relevant, (k,))[f"recall@{k}"]).passed
    assert grade("rag_keyword_search.reciprocal_rank_fusion",
                 lambda rankings, k=60: [doc for doc, _ in retrieval.fused(rankings, k)]).passed


def test_the_helpers_themselves_do_not_pass_the_exercises():
    assert not grade("rag_keyword_search.recall_at_k", retrieval.query_metrics).passed
    assert not grade("rag_keyword_search.reciprocal_rank_fusion", retrieval.fused).passed


def test_reciprocal_rank_counts_from_one_and_is_zero_when_nothing_is_found():
    assert retrieval.query_metrics(["x", "a"], {"a"}, ())["MRR"] == 0.5
    assert retrieval.query_metrics(["x", "y"], {"a"}, ())["MRR"] == 0.0
