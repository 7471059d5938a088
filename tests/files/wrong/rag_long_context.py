"""Known-wrong answers for rag_long_context: each must fail at least one grader case."""


def _recall(queries, k):
    return sum(len(set(r[:k]) & rel) / len(rel) for r, rel in queries) / len(queries)


def choose_k__largest_k_that_fits(queries, doc_tokens, budget):
    """Takes the largest k that fits, paying for documents that recall nothing more."""
    best = (0, _recall(queries, 0))
    for k in range(max(len(r) for r, _ in queries) + 1):
        if all(sum(doc_tokens[d] for d in r[:k]) <= budget for r, _ in queries):
            best = (k, _recall(queries, k))
    return best


def choose_k__budget_on_average(queries, doc_tokens, budget):
    """Holds the mean prompt length to the budget, so one query's prompt can overflow."""
    best = None
    for k in range(max(len(r) for r, _ in queries) + 1):
        mean = sum(sum(doc_tokens[d] for d in r[:k]) for r, _ in queries) / len(queries)
        if mean > budget:
            break
        recall = _recall(queries, k)
        if best is None or recall > best[1]:
            best = (k, recall)
    return best


def choose_k__strictly_under_budget(queries, doc_tokens, budget):
    """Treats a context exactly at the budget as an overflow."""
    best = None
    for k in range(max(len(r) for r, _ in queries) + 1):
        if any(sum(doc_tokens[d] for d in r[:k]) >= budget for r, _ in queries) and k > 0:
            break
        recall = _recall(queries, k)
        if best is None or recall > best[1]:
            best = (k, recall)
    return best


def choose_k__pooled_recall(queries, doc_tokens, budget):
    """Pools the relevant ids of all queries instead of averaging each query's recall."""
    if not queries or budget < 0 or any(not rel for _, rel in queries):
        raise ValueError("bad input")
    best = None
    for k in range(max(len(r) for r, _ in queries) + 1):
        if any(sum(doc_tokens[d] for d in r[:k]) > budget for r, _ in queries):
            break
        recall = sum(len(set(r[:k]) & rel) for r, rel in queries) / sum(len(rel) for _, rel in queries)
        if best is None or recall > best[1]:
            best = (k, recall)
    return best


def choose_k__starts_at_one(queries, doc_tokens, budget):
    """Never considers k = 0, so it returns a k that overflows when even one document does not fit."""
    best = None
    for k in range(1, max(len(r) for r, _ in queries) + 1):
        recall = _recall(queries, k)
        if best is None or recall > best[1]:
            best = (k, recall)
        if any(sum(doc_tokens[d] for d in r[:k + 1]) > budget for r, _ in queries):
            break
    return best


def choose_k__no_validation(queries, doc_tokens, budget):
    """Right on good input, but returns (0, 0.0) for no queries instead of raising ValueError."""
    if not queries:
        return (0, 0.0)
    best = None
    for k in range(max(len(r) for r, _ in queries) + 1):
        if any(sum(doc_tokens[d] for d in r[:k]) > budget for r, _ in queries):
            break
        recall = _recall(queries, k)
        if best is None or recall > best[1]:
            best = (k, recall)
    return best
