"""Grader for rag_retrieval_quality: nDCG@k of one query from scores, and a tokenizer judged on SciFact."""

from __future__ import annotations

import functools
from math import log2

from llmcourse.cases import Case

EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {}

BAR = 0.665  # BEIR's published BM25 nDCG@10 on SciFact (Thakur et al. 2021, Table 2)


def _d(rank: int) -> float:
    return 1 / log2(rank + 1)


def ndcg_at_k():
    return [
        Case("a perfect ranking scores 1", ({"a": 0.9, "b": 0.5, "c": 0.1}, {"a": 1}, 10), expect=1.0, tol=1e-9,
             why="The only relevant document is ranked first, as in the ideal ranking: DCG equals the ideal DCG."),
        Case("the relevant document at rank 2", ({"x": 3.0, "a": 2.0}, {"a": 1}, 10), expect=_d(2), tol=1e-9,
             why="Rank 2 is discounted by log2(2 + 1): nDCG = (1 / log2 3) / 1 = 0.631. Ranks start at 1, and the "
                 "discount uses log base 2."),
        Case("rank the documents by score, not in the order of the dict",
             ({"x": 0.2, "y": 0.1, "a": 0.7}, {"a": 1}, 10), expect=1.0, tol=1e-9,
             why="`scores` is unsorted: a has the highest score, so it is ranked first whatever its place in the dict."),
        Case("equal scores are ranked by document id", ({"b": 1.0, "a": 1.0}, {"a": 1}, 1), expect=1.0, tol=1e-9,
             why="a and b tie; the tie goes to the smaller id, a, which is relevant and is the one result at k=1."),
        Case("equal scores are ranked by id, whoever is relevant", ({"a": 1.0, "b": 1.0}, {"b": 1}, 1),
             expect=0.0, tol=1e-9,
             why="a and b tie, so a (the smaller id) takes rank 1 and the relevant b falls outside the top 1."),
        Case("a tie that does not involve a relevant document",
             ({"c": 1.0, "b": 1.0, "a": 0.5}, {"a": 1}, 3), expect=_d(3), tol=1e-9,
             why="b and c tie at the top and take ranks 1 and 2 between them; a is third: nDCG = 1 / log2(4) = 0.5."),
        Case("only the first k results count", ({"x": 0.9, "y": 0.8, "a": 0.7}, {"a": 1}, 2), expect=0.0, tol=1e-9,
             why="a is ranked third, below the cut-off k=2, so it adds nothing."),
        Case("the gain is the grade itself (linear)", ({"b": 2.0, "a": 1.0}, {"a": 2, "b": 1}, 2),
             expect=(1 + 2 * _d(2)) / (2 + _d(2)), tol=1e-9,
             why="Grade 1 at rank 1 and grade 2 at rank 2 give DCG 1 + 2/log2(3); the ideal puts the 2 first: "
                 "2 + 1/log2(3). nDCG = 0.860. With 2**grade - 1 as the gain you would get 0.797."),
        Case("the ideal counts relevant documents the retriever never scored",
             ({"a": 1.0, "x": 0.5}, {"a": 1, "z": 1}, 10), expect=1 / (1 + _d(2)), tol=1e-9,
             why="z is relevant but missing from the scores. The best possible ranking would hold a and z, so the "
                 "ideal DCG is 1 + 1/log2(3): build it from `relevance`, not from the documents that were scored."),
        Case("the ideal ranking is cut to k too", ({"a": 0.9, "x": 0.5, "b": 0.4}, {"a": 1, "b": 1, "c": 1}, 2),
             expect=1 / (1 + _d(2)), tol=1e-9,
             why="With k=2 the ideal DCG sums the two best grades only, 1 + 1/log2(3). Summing all three relevant "
                 "grades would make a perfect top 2 score below 1."),
        Case("grade 0 in the judgments counts as not relevant",
             ({"a": 0.9, "b": 0.8}, {"a": 0, "b": 2, "c": 1}, 2), expect=(2 * _d(2)) / (2 + _d(2)), tol=1e-9,
             why="a is judged with grade 0: it earns nothing at rank 1. b (grade 2) at rank 2 earns 2/log2(3); the "
                 "ideal is 2 + 1/log2(3)."),
        Case("three graded documents", ({"a": 3.0, "b": 2.0, "c": 1.0, "d": 0.5}, {"c": 3, "a": 1, "d": 2}, 3),
             expect=(1 + 3 * _d(3)) / (3 + 2 * _d(2) + _d(3)), tol=1e-9),
        Case("k below 1 is an error", ({"a": 1.0}, {"a": 1}, 0), raises=ValueError,
             why="nDCG@0 looks at no results: raise ValueError rather than divide 0 by 0."),
        Case("a negative k is an error too", ({"a": 1.0, "b": 0.5}, {"a": 1, "b": 1}, -1), raises=ValueError,
             why="k = -1 would slice off the last result in Python instead of failing: check k < 1 first."),
        Case("a query with nothing relevant is an error", ({"a": 1.0}, {"a": 0, "b": 0}, 5), raises=ValueError,
             why="With no grade above 0 the ideal DCG is 0 and nDCG is undefined: raise ValueError instead of "
                 "returning a number that would skew the mean over queries."),
        Case("an empty judgment list is an error", ({"a": 1.0}, {}, 5), raises=ValueError),
        Case("no scores at all", ({}, {"a": 1}, 5), expect=0.0, tol=1e-9,
             why="A retriever that returned nothing found nothing: nDCG is 0, not an error."),
    ]


@functools.lru_cache(maxsize=1)
def _scifact():
    from llmcourse.helpers import scifact
    docs, queries = scifact.load()
    return docs, queries


def _scifact_texts() -> tuple:
    docs, queries = _scifact()
    return ([f"{d.title} {d.text}" for d in docs] + [q.text for q in queries],)


def _clears_the_bar(got) -> str | None:
    from llmcourse.helpers import scifact
    docs, queries = _scifact()
    if not isinstance(got, list) or len(got) != len(docs) + len(queries):
        return f"expected one list of terms per text ({len(docs) + len(queries)}), got {type(got).__name__}"
    if not all(isinstance(terms, list) and all(isinstance(t, str) for t in terms) for terms in got):
        return "every item must be a list of strings"
    index, ids = scifact.BM25Index(got[:len(docs)]), [d.id for d in docs]
    run = {q.id: scifact.top_ids(index, terms, ids, 10) for q, terms in zip(queries, got[len(docs):])}
    ndcg = scifact.run_metrics(run, queries, k=10)["nDCG@10"]
    return None if ndcg >= BAR else f"nDCG@10 on SciFact is {ndcg:.4f}, below the bar of {BAR}"


def _same_terms(got) -> str | None:
    if not isinstance(got, list) or len(got) != 2:
        return f"expected two lists of terms, got {got!r}"
    if got[0] != got[1]:
        return f"'BRCA1 Mutations' gave {got[0]} but 'brca1 mutations' gave {got[1]}"
    return None if got[0] else "both texts gave no terms at all"


def _shape(got) -> str | None:
    if not isinstance(got, list) or len(got) != 3:
        return f"expected three lists of terms, one per text, got {got!r}"
    if got[1] != []:
        return f"an empty text should give no terms, got {got[1]!r}"
    if not got[0] or not all(isinstance(t, str) for t in got[0] + got[2]):
        return f"terms must be non-empty lists of strings for real text, got {got!r}"
    return None


def tokenize_corpus():
    return [
        Case("one list of terms per text, in order", (["Aspirin lowers stroke risk", "", "Cells divide"],),
             check=_shape, why="Return a list with one list of string terms per input text; an empty text has none."),
        Case("no texts, no lists", ([],), expect=[]),
        Case("matching ignores case", (["BRCA1 Mutations", "brca1 mutations"],), check=_same_terms,
             why="A claim that writes BRCA1 must match an abstract that writes brca1: lower-case before splitting."),
        Case("nDCG@10 on SciFact's 300 test claims clears 0.665", _scifact_texts, check=_clears_the_bar,
             timeout_s=120,
             why="The grader runs BM25 (rank_bm25's scoring) over SciFact with your terms. The lesson measured what "
                 "lifts it: which words carry the least information, and what did rank_bm25's idf floor do to them?"),
    ]
