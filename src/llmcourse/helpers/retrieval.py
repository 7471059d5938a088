"""Retrieval metrics of one query and reciprocal-rank-fused scores, for the lesson `rag_keyword_search`.

That lesson's exercises ask for recall@k of one ranking and for the fused ranking itself. These
helpers return other shapes (every metric of a query at once; documents with their scores), so the
lesson can use them without handing learners an answer (tests/test_no_answer_keys.py holds that).
"""

from __future__ import annotations

from fractions import Fraction


def query_metrics(ranked: list[str], relevant: set[str], ks: tuple[int, ...] = (1, 5, 10)) -> dict[str, float]:
    """recall@k for each k in `ks` and the reciprocal rank (ranks from 1; 0 when nothing relevant is found)."""
    if not relevant:
        raise ValueError("recall is undefined for a query with no relevant documents")
    found = {f"recall@{k}": len(set(ranked[:k]) & set(relevant)) / len(relevant) for k in ks}
    found["MRR"] = next((1 / rank for rank, doc in enumerate(ranked, start=1) if doc in relevant), 0.0)
    return found


def fused(rankings: list[list[str]], k: int = 60) -> list[tuple[str, Fraction]]:
    """(id, score) by reciprocal rank fusion (Cormack, Clarke and Buettcher, 2009), best first, ties by id.

    A document repeated in one ranking counts once, at its first rank. Scores are exact fractions, so
    documents whose sums are equal tie whatever order the rankings are added in: float sums of the
    same terms can differ in the last bit, and then a tie would break by summation order, not by id.
    (math.fsum fixes that for equal sets of terms, not for different terms with an equal sum: at k = 60,
    ranks 1 and 6 sum to exactly what ranks 1, 42 and 127 do, yet their fsums differ in the last bit.
    Rounding to a tolerance would merge scores that merely come close.)
    """
    scores: dict[str, Fraction] = {}
    for ranking in rankings:
        first_rank: dict[str, int] = {}
        for rank, doc in enumerate(ranking, start=1):
            first_rank.setdefault(doc, rank)
        for doc, rank in first_rank.items():
            scores[doc] = scores.get(doc, Fraction(0)) + 1 / Fraction(k + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))
