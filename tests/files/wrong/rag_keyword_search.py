"""Known-wrong answers for rag_keyword_search: each must fail at least one grader case."""


def recall_at_k__hard_coded(ranked, relevant, k):
    """Returns the first case's answer whatever the input."""
    return 0.5


def recall_at_k__divides_by_k(ranked, relevant, k):
    """Computes precision@k: divides by k instead of by the number of relevant documents."""
    return len(set(ranked[:k]) & relevant) / k


def recall_at_k__no_slice(ranked, relevant, k):
    """Looks at the whole ranking, ignoring the cut-off k."""
    return len(set(ranked) & relevant) / len(relevant)


def recall_at_k__counts_duplicates(ranked, relevant, k):
    """Counts a relevant document once per appearance, so repeats inflate recall."""
    return sum(1 for doc in ranked[:k] if doc in relevant) / len(relevant)


def recall_at_k__off_by_one(ranked, relevant, k):
    """Keeps only the first k-1 results."""
    return len(set(ranked[:k - 1]) & relevant) / len(relevant)


def reciprocal_rank_fusion__hard_coded(rankings, k=60):
    """Returns the first case's answer whatever the input."""
    return ["c", "b", "a"]


def reciprocal_rank_fusion__zero_based_ranks(rankings, k=60):
    """Counts the first result as rank 0."""
    scores = {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking):
            scores[doc] = scores.get(doc, 0.0) + 1 / (k + rank)
    return sorted(scores, key=lambda d: (-scores[d], d))


def reciprocal_rank_fusion__ties_in_arrival_order(rankings, k=60):
    """Sorts by score only, so tied documents keep whatever order they arrived in."""
    scores = {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + 1 / (k + rank)
    return sorted(scores, key=lambda d: -scores[d])


def reciprocal_rank_fusion__only_shared_docs(rankings, k=60):
    """Drops every document that is missing from one of the rankings."""
    shared = set.intersection(*(set(r) for r in rankings)) if rankings else set()
    scores = {d: sum(1 / (k + r.index(d) + 1) for r in rankings) for d in shared}
    return sorted(scores, key=lambda d: (-scores[d], d))


def reciprocal_rank_fusion__ignores_k(rankings, k=60):
    """Sums 1/rank, as if k were 0."""
    scores = {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + 1 / rank
    return sorted(scores, key=lambda d: (-scores[d], d))


def recall_at_k__zero_for_no_relevant(ranked, relevant, k):
    """Returns 0.0 for a query with nothing relevant, which drags the average down silently."""
    if not relevant:
        return 0.0
    return len(set(ranked[:k]) & set(relevant)) / len(relevant)


def reciprocal_rank_fusion__hard_codes_k_60(rankings, k=60):
    """Writes 1 / (60 + rank) and ignores the k it was given (right only when k is 60)."""
    scores = {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + 1 / (60 + rank)
    return sorted(scores, key=lambda d: (-scores[d], d))


def reciprocal_rank_fusion__float_sums_break_exact_ties(rankings, k=60):
    """Adds the scores as floats, so two exactly equal sums can differ in the last bit and a tie breaks by
    the order of the additions instead of by id."""
    scores = {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + 1 / (k + rank)
    return sorted(scores, key=lambda d: (-scores[d], d))


def reciprocal_rank_fusion__counts_repeats_twice(rankings, k=60):
    """Gives a document listed twice in one ranking two votes from it (exact sums otherwise)."""
    from fractions import Fraction

    scores = {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, Fraction(0)) + Fraction(1, k + rank)
    return sorted(scores, key=lambda d: (-scores[d], d))
