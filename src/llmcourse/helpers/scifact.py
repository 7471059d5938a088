"""BEIR SciFact shipped with the course, and BM25 runs over it, for the lesson `rag_retrieval_quality`.

`load()` reads the 5,183 abstracts, the 300 test claims and their relevance judgments (claims CC BY 4.0,
abstracts ODC-By 1.0; Wadden et al. 2020, via BEIR, Thakur et al. 2021). `bm25_run` ranks the corpus for
every query with any tokenizer, scoring exactly as `rank_bm25.BM25Okapi` does (same k1, b and idf floor)
but on a sparse matrix, so a whole run takes seconds instead of minutes. `run_metrics` averages nDCG@k
and recall@k of a run; the lesson's exercise asks for nDCG of one query from scores, a different shape
(tests/test_no_answer_keys.py holds that).
"""

from __future__ import annotations

import csv
import gzip
import json
import math
from collections import Counter
from typing import Callable, NamedTuple

import numpy as np
from scipy import sparse

from llmcourse.helpers import shipped

LESSON = "rag_retrieval_quality"


class Doc(NamedTuple):
    id: str
    title: str
    text: str


class Query(NamedTuple):
    id: str
    text: str
    relevant: dict[str, int]  # doc id -> relevance grade (SciFact's grades are all 1)
    label: str  # SUPPORT or CONTRADICT when the claim's evidence says so, else "" (from SciFact's metadata)


def load() -> tuple[list[Doc], list[Query]]:
    """The corpus (title and abstract of each document) and the 300 test queries with their judgments."""
    with gzip.open(shipped.path(LESSON, "corpus.jsonl.gz"), "rt", encoding="utf-8") as f:
        docs = [Doc(d["_id"], d["title"], d["text"]) for d in map(json.loads, f)]
    relevant: dict[str, dict[str, int]] = {}
    with open(shipped.path(LESSON, "qrels_test.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            relevant.setdefault(row["query_id"], {})[row["doc_id"]] = int(row["score"])
    queries = []
    with open(shipped.path(LESSON, "queries_test.jsonl"), encoding="utf-8") as f:
        for q in map(json.loads, f):
            labels = {e["label"] for evidence in q["metadata"].values() for e in evidence}
            queries.append(Query(q["_id"], q["text"], relevant[q["_id"]],
                                 labels.pop() if len(labels) == 1 else ""))
    return docs, queries


class BM25Index:
    """BM25 (Okapi, k1=1.5, b=0.75) with rank_bm25's idf: log((N - n + .5) / (n + .5)), and for a term in
    more than half the documents, where that is negative, a floor of epsilon times the mean idf."""

    def __init__(self, doc_tokens: list[list[str]], k1: float = 1.5, b: float = 0.75, epsilon: float = 0.25):
        self.vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for i, tokens in enumerate(doc_tokens):
            for term, count in Counter(tokens).items():
                rows.append(i)
                cols.append(self.vocab.setdefault(term, len(self.vocab)))
                vals.append(count)
        n_docs = len(doc_tokens)
        tf = sparse.csr_matrix((vals, (rows, cols)), shape=(n_docs, len(self.vocab)), dtype=float)
        lengths = np.array([len(t) for t in doc_tokens], dtype=float)
        df = np.bincount(cols, minlength=len(self.vocab))
        idf = np.log(n_docs - df + 0.5) - np.log(df + 0.5)
        self.mean_idf = float(idf.mean()) if len(idf) else 0.0
        self.floored = idf < 0
        self.idf = np.where(self.floored, epsilon * self.mean_idf, idf)
        self.df = df
        mean_length = float(lengths.mean()) if len(lengths) and lengths.sum() else 1.0  # all-empty: no scores anyway
        norm = k1 * (1 - b + b * lengths / mean_length)
        weighted = tf.tocoo()
        weighted.data = weighted.data * (k1 + 1) / (weighted.data + norm[weighted.row])
        self.weights = weighted.tocsc()  # docs x terms, before idf

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """One score per document; a repeated query term counts once per repeat, as in rank_bm25."""
        counts = Counter(t for t in query_tokens if t in self.vocab)
        q = np.zeros(len(self.vocab))
        for term, count in counts.items():
            q[self.vocab[term]] = count * self.idf[self.vocab[term]]
        return np.asarray(self.weights @ q).ravel()


def top_ids(index: BM25Index, query_tokens: list[str], ids: list[str], n: int = 100) -> list[str]:
    """The ids of the n best-scoring documents that share a term with the query, best first, ties by position."""
    scores = index.scores(query_tokens)
    return [ids[i] for i in np.argsort(-scores, kind="stable")[:n] if scores[i] > 0]


def bm25_run(tokenize: Callable[[str], list[str]], docs: list[Doc], queries: list[Query],
             n: int = 100) -> dict[str, list[str]]:
    """query id -> the ids of the n best-scoring documents (title + abstract), best first, ties by position."""
    index = BM25Index([tokenize(f"{d.title} {d.text}") for d in docs])
    ids = [d.id for d in docs]
    return {q.id: top_ids(index, tokenize(q.text), ids, n) for q in queries}


def run_metrics(run: dict[str, list[str]], queries: list[Query], k: int = 10, depth: int = 100) -> dict[str, float]:
    """Mean nDCG@k (linear gain, log2 discount) and mean recall@depth over the queries."""
    ndcg, recall = [], []
    for q in queries:
        ranked = run.get(q.id, [])
        dcg = sum(q.relevant.get(d, 0) / math.log2(r + 2) for r, d in enumerate(ranked[:k]))
        ideal = sorted(q.relevant.values(), reverse=True)[:k]
        ndcg.append(dcg / sum(g / math.log2(r + 2) for r, g in enumerate(ideal)))
        found = {d for d in ranked[:depth] if q.relevant.get(d, 0) > 0}
        recall.append(len(found) / sum(1 for g in q.relevant.values() if g > 0))
    return {f"nDCG@{k}": float(np.mean(ndcg)), f"recall@{depth}": float(np.mean(recall))}
