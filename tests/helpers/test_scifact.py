"""The shipped SciFact slice is complete, and the sparse BM25 scores exactly as rank_bm25 does."""

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from llmcourse.helpers import scifact


def test_the_shipped_test_split_is_complete():
    docs, queries = scifact.load()
    assert len(docs) == 5183 and len({d.id for d in docs}) == 5183
    assert len(queries) == 300
    assert sum(len(q.relevant) for q in queries) == 339
    ids = {d.id for d in docs}
    assert all(set(q.relevant) <= ids for q in queries)
    assert {q.label for q in queries} == {"SUPPORT", "CONTRADICT", ""}


CORPUS = [["the", "cat", "sat"], ["the", "dog", "sat", "sat"], ["the", "cat", "ran", "far", "away"],
          ["a", "bird", "the"], ["dog", "and", "the", "cat"]]


@pytest.mark.parametrize("query", [["the", "cat"], ["sat", "sat", "dog"], ["unknown"], ["the"], []])
def test_scores_match_rank_bm25_including_the_idf_floor(query):
    ours = scifact.BM25Index(CORPUS).scores(query)
    theirs = BM25Okapi(CORPUS).get_scores(query)
    assert np.allclose(ours, theirs, rtol=1e-12, atol=1e-12)


def test_the_floor_is_epsilon_times_the_mean_idf_and_zero_removes_it():
    index = scifact.BM25Index(CORPUS)
    the = index.vocab["the"]  # in every document: log(0.5 / 5.5) < 0, so it is floored
    assert index.floored[the] and index.idf[the] == pytest.approx(0.25 * index.mean_idf)
    assert scifact.BM25Index(CORPUS, epsilon=0).idf[the] == 0


def test_metrics_of_a_perfect_and_an_empty_run():
    query = scifact.Query("q", "text", {"a": 1, "b": 1}, "")
    assert scifact.run_metrics({"q": ["a", "b", "c"]}, [query]) == {"nDCG@10": 1.0, "recall@100": 1.0}
    assert scifact.run_metrics({"q": []}, [query]) == {"nDCG@10": 0.0, "recall@100": 0.0}
    half = scifact.run_metrics({"q": ["x", "a"]}, [query], k=10, depth=1)
    assert half["recall@1"] == 0.0
    assert half["nDCG@10"] == pytest.approx((1 / np.log2(3)) / (1 + 1 / np.log2(3)))
