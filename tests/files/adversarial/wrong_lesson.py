# %%
# the rag_keyword_search exercises, saved under the evals_assertions name
def recall_at_k(ranked, relevant, k):
    return len(set(ranked[:k]) & relevant) / len(relevant) if relevant else 0.0


def reciprocal_rank_fusion(rankings, k=60):
    return []
