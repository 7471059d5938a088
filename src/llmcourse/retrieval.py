"""Reference retrieval metrics and fusion that lessons use without showing: learners write their own."""

from __future__ import annotations

from fractions import Fraction


def recall_at_k(ranked: list[str], relevant: set[str], k: int) -> float:
    """Share of the relevant ids among the first k ranked ids."""
    if not relevant:
        raise ValueError("recall is undefined for a query with no relevant documents")
    return len(set(ranked[:k]) & set(relevant)) / len(relevant)


def reciprocal_rank(ranked: list[str], relevant: set[str]) -> float:
    """1 / rank of the first relevant id (ranks from 1), or 0 when none is retrieved."""
    return next((1 / rank for rank, doc in enumerate(ranked, start=1) if doc in relevant), 0.0)


def rrf(rankings: list[list[str]], k: int = 60) -> list[str]:
    """Reciprocal rank fusion (Cormack, Clarke and Buettcher, 2009): ids by summed 1 / (k + rank), ties by id.

    A document repeated in one ranking counts once, at its first rank. Scores are exact fractions, so
    documents whose sums are equal tie whatever order the rankings are added in: float sums of the
    same terms can differ in the last bit, and then a tie would break by summation order, not by id.
    (math.fsum fixes that for equal sets of terms, not for different terms with an equal sum: at k = 60,
    ranks 1 and 6 sum to exactly what ranks 1, 42 and 127 do, yet their fsums differ in the last bit.
    Rounding to a tolerance would merge scores that merely come close.)
    """
    fused: dict[str, Fraction] = {}
    for ranking in rankings:
        first_rank: dict[str, int] = {}
        for rank, doc in enumerate(ranking, start=1):
            first_rank.setdefault(doc, rank)
        for doc, rank in first_rank.items():
            fused[doc] = fused.get(doc, Fraction(0)) + 1 / Fraction(k + rank)
    return sorted(fused, key=lambda doc: (-fused[doc], doc))
