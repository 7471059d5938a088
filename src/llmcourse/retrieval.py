"""Reference retrieval metrics and fusion that lessons use without showing: learners write their own."""

from __future__ import annotations


def recall_at_k(ranked: list[str], relevant: set[str], k: int) -> float:
    """Share of the relevant ids among the first k ranked ids."""
    if not relevant:
        raise ValueError("recall is undefined for a query with no relevant documents")
    return len(set(ranked[:k]) & set(relevant)) / len(relevant)


def reciprocal_rank(ranked: list[str], relevant: set[str]) -> float:
    """1 / rank of the first relevant id (ranks from 1), or 0 when none is retrieved."""
    return next((1 / rank for rank, doc in enumerate(ranked, start=1) if doc in relevant), 0.0)


def rrf(rankings: list[list[str]], k: int = 60) -> list[str]:
    """Reciprocal rank fusion (Cormack, Clarke and Buettcher, 2009): ids by summed 1 / (k + rank), ties by id."""
    fused: dict[str, float] = {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            fused[doc] = fused.get(doc, 0.0) + 1 / (k + rank)
    return sorted(fused, key=lambda doc: (-fused[doc], doc))
