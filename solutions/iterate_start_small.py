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
# The lesson chose a scope router's threshold by hand. Here you write the search as a function, with
# its edge cases pinned down, so the threshold can be chosen again every time the examples or the
# labelled queries change.
#
# `hint("iterate_start_small.threshold_for_precision")` (or `llmcourse hint ...` in a terminal) shows one
# more hint each time.

# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# ## Exercise: `threshold_for_precision`
#
# Write `threshold_for_precision(scores, in_scope, target)`. `scores[i]` is the router's score for query
# `i` (higher means more like the product's examples) and `in_scope[i]` says whether that query really
# is in scope (`True`/`False` or `1`/`0`). Both are sequences of the same length (lists, tuples or numpy
# arrays).
#
# - At a threshold `t` the router **accepts** every query with `score >= t`. Its precision is the number
#   of accepted in-scope queries divided by the number of accepted queries.
# - The candidate thresholds are the **distinct** values in `scores`. Queries with equal scores are
#   therefore always accepted or refused together (a tie cannot be split).
# - Return, as a `float`, the **lowest** candidate whose precision is at least `target` (`>=`; a precision
#   exactly equal to the target counts). The lowest such threshold keeps the most in-scope queries.
# - If no candidate reaches the target, return `None`.
# - Raise `ValueError` with a message when `scores` is empty, when the two sequences differ in length, or
#   when `target` is not in the interval `(0, 1]` (0 excluded, 1 included).

# %%
def threshold_for_precision(scores, in_scope, target: float) -> float | None:
    """The lowest score threshold whose accepted queries are at least `target` in scope, else None."""
    # BEGIN SOLUTION
    scores, in_scope = list(scores), [bool(x) for x in in_scope]
    if not scores:
        raise ValueError("no scores: there is nothing to choose a threshold from")
    if len(scores) != len(in_scope):
        raise ValueError(f"{len(scores)} scores but {len(in_scope)} labels")
    if not 0 < target <= 1:
        raise ValueError("target must be in (0, 1]")
    for t in sorted(set(scores)):
        accepted = [ok for score, ok in zip(scores, in_scope) if score >= t]
        if sum(accepted) / len(accepted) >= target:
            return float(t)
    return None
    # END SOLUTION


# On the lesson's tune split this returns the threshold the lesson chose; a higher target moves it up and
# refuses more in-scope queries, and None means the router's scores cannot reach that precision at all.

# %%
check("iterate_start_small.threshold_for_precision", threshold_for_precision)
