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

# Generated from solutions/rag_long_context.py by `llmcourse assign`: edit the solution, not this file.

# %% [markdown]
# # Exercise: choose k under a token budget
#
# One function, graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# ## Choose k under a token budget
#
# The lesson drew recall@k against the tokens the top k documents take. In a real system you fix a
# budget first (the share of the window, of the price or of the wait you can spend on retrieved
# context), then pick the k that recalls the most within it. You pick it once, on labelled queries,
# and use it for every query after that.
#
# Write `choose_k(queries, doc_tokens, budget)`:
#
# - `queries` is a list of `(ranking, relevant)` pairs, one per labelled query: `ranking` is the
#   retriever's list of document ids, best first, without repeats; `relevant` is the set of ids that
#   answer the query.
# - `doc_tokens` maps every id that appears in a ranking to its length in tokens (an int, 0 or more).
# - The candidates are k = 0, 1, 2, ... up to the length of the longest ranking. For a ranking
#   shorter than k, its first k documents are all of it.
# - A k **fits** when, for every query, the tokens of its first k documents add up to at most
#   `budget` (equal to the budget fits). The budget holds per query, not on average: one prompt that
#   overflows is an overflow. k = 0 always fits.
# - The recall of a k is the mean over the queries of recall@k: relevant ids among the first k,
#   divided by the number of relevant ids of that query.
# - Return `(k, recall)` for the k that fits with the highest recall. On a tie, return the smallest
#   such k: it is the cheapest. The recall is a float; the grader compares it to 1e-9.
# - Raise `ValueError` when `queries` is empty, when a query has no relevant ids (its recall is
#   undefined), or when `budget` is negative.

# %%
def choose_k(queries: list[tuple[list[str], set[str]]], doc_tokens: dict[str, int],
             budget: int) -> tuple[int, float]:
    """The smallest k with the highest mean recall@k among the k whose top-k context fits `budget` for every query."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("rag_long_context.choose_k", choose_k)

# %%
