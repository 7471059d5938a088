# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercises: measuring and fusing retrievers
#
# Two functions, each graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
from fractions import Fraction

from llmcourse.notebook import check, hint

# %% [markdown]
# ## 1. Recall@k of one ranked list
#
# Every comparison in the lesson rests on one number: of the documents that answer a query, how many
# made it into the first k results a retriever returned? That is recall@k, and k should be the
# number of chunks you actually put in the prompt: a relevant document at rank 11 is invisible to a
# model that sees 10.
#
# Write `recall_at_k(ranked, relevant, k)`:
#
# - `ranked` is a retriever's output, best first (a list of document ids); `relevant` is the set of
#   ids labelled as answering the query.
# - Only the first k results count. A ranking shorter than k is fine.
# - Divide by the number of relevant documents, not by k (dividing by k would be precision@k).
# - A document that appears twice in `ranked` is still one document.
# - With no relevant documents the question has no answer: raise `ValueError` rather than return a
#   number that would quietly skew an average.

# %%
def recall_at_k(ranked: list[str], relevant: set[str], k: int) -> float:
    """Share of the relevant ids found among the first k ranked ids (0.0 to 1.0).

    Repeated ids count once; k may exceed len(ranked). Raises ValueError if `relevant` is empty.
    """
    # BEGIN SOLUTION
    if not relevant:
        raise ValueError("recall is undefined for a query with no relevant documents")
    return len(set(ranked[:k]) & set(relevant)) / len(relevant)
    # END SOLUTION


# %%
check("rag_keyword_search.recall_at_k", recall_at_k)

# %% [markdown]
# ## 2. Fuse several rankings with reciprocal rank fusion
#
# A hybrid retriever runs BM25 and a dense retriever side by side and has to merge two lists whose
# scores live on different scales. Reciprocal rank fusion uses positions only: a document earns
# 1 / (k + rank) from every ranking it appears in, and the fused list sorts documents by the sum.
#
# Write `reciprocal_rank_fusion(rankings, k=60)`:
#
# - `rankings` is a list of rankings, each a list of document ids, best first.
# - Ranks start at 1: the first result of a ranking adds 1 / (k + 1).
# - A document missing from a ranking adds nothing for that ranking, but is still returned: the
#   output holds every document that appears in any ranking.
# - A document listed more than once in one ranking counts once for that ranking, at its first
#   (best) rank: RRF gives each ranking one vote per document.
# - Sort by fused score, highest first, and break ties by document id ascending, so the same input
#   gives the same output on every run (a retrieval eval that shuffles tied documents cannot be
#   compared from one run to the next).
# - A tie means equal as exact fractions: 1/61 + 1/62 + 1/67 is the same score whichever order the
#   three rankings add it in. Floating-point sums can differ in the last bit with the order of the
#   terms, so add the scores as `fractions.Fraction` values (or another exact method).

# %%
def reciprocal_rank_fusion(rankings: list[list[str]], k: int = 60) -> list[str]:
    """All ids in any ranking, by descending sum of 1 / (k + rank) (ranks from 1), ties by id."""
    # BEGIN SOLUTION
    scores: dict[str, Fraction] = {}
    for ranking in rankings:
        first_rank: dict[str, int] = {}
        for rank, doc in enumerate(ranking, start=1):
            first_rank.setdefault(doc, rank)
        for doc, rank in first_rank.items():
            scores[doc] = scores.get(doc, Fraction(0)) + 1 / Fraction(k + rank)
    return sorted(scores, key=lambda doc: (-scores[doc], doc))
    # END SOLUTION


# %%
check("rag_keyword_search.reciprocal_rank_fusion", reciprocal_rank_fusion)

# %% [markdown]
# With both checks passing, you have the two pieces of a retrieval eval: a metric, and a way to
# combine retrievers. A good next step is to take the lesson's notebook, swap its `recall` and `rrf`
# for your functions, and try a third leg in the fusion (for example BM25 over the function names
# only) to see whether it finds anything the other two miss.
