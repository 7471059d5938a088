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
# # Exercises: validating an LLM judge
#
# Three functions, each graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
from collections import Counter

from llmcourse.notebook import check, hint

# %% [markdown]
# ## 1. A pairwise judge that asks twice, positions swapped
#
# `judge(question, first, second)` is any function that returns the string `"first"` or
# `"second"`: which of the two answers, **as shown**, it prefers. In the lesson it wraps the model;
# the grader passes plain Python stand-ins, some of which only ever look at the position.
#
# Write `swap_judge(judge, question, a, b)` that:
#
# - calls `judge` exactly twice: once as `judge(question, a, b)` and once as `judge(question, b, a)`;
# - translates each verdict into the answer it names (`"a"` or `"b"`): in the swapped call,
#   `"first"` is answer `b`;
# - returns `"a"` or `"b"` when both calls name the same answer, and `"tie"` when they disagree
#   (the verdict followed the position, not the answer);
# - raises `ValueError` if the judge returns anything other than `"first"` or `"second"`, rather than
#   guessing what it meant.

# %%
def swap_judge(judge, question: str, a: str, b: str) -> str:
    """'a' or 'b' when the judge prefers the same answer in both orders, else 'tie'."""
    # BEGIN SOLUTION
    verdicts = []
    for first, second, names in ((a, b, ("a", "b")), (b, a, ("b", "a"))):
        verdict = judge(question, first, second)
        if verdict not in ("first", "second"):
            raise ValueError(f"the judge must answer 'first' or 'second', got {verdict!r}")
        verdicts.append(names[0] if verdict == "first" else names[1])
    return verdicts[0] if verdicts[0] == verdicts[1] else "tie"
    # END SOLUTION


# %%
check("evals_llm_judge.swap_judge", swap_judge)

# %% [markdown]
# ## 2. Agreement beyond chance: Cohen's kappa
#
# Raw agreement flatters a judge that always gives the most common label. Cohen's kappa corrects for
# the agreement two raters would reach by chance, given how often each one uses each label:
#
# $$\kappa = \frac{p_o - p_e}{1 - p_e}, \qquad p_e = \sum_{\ell} P_1(\ell)\, P_2(\ell)$$
#
# where $p_o$ is the share of items with the same label from both raters and $P_i(\ell)$ the share
# of items rater $i$ gave label $\ell$ (the sum runs over every label either rater used).
#
# Write `cohens_kappa(labels_1, labels_2)`:
#
# - the labels are any hashable values (`"a"`, `"tie"`, `1`, `None`...), one per item, in the same
#   item order in both sequences;
# - raise `ValueError` if the two sequences have different lengths or are empty;
# - when $p_e = 1$ (both raters used one and the same label for every item) the formula divides by
#   zero: return `1.0`, since they agree on every item;
# - return a plain `float`.

# %%
def cohens_kappa(labels_1, labels_2) -> float:
    """Cohen's kappa between two raters' labels for the same items."""
    # BEGIN SOLUTION
    labels_1, labels_2 = list(labels_1), list(labels_2)
    if len(labels_1) != len(labels_2):
        raise ValueError(f"the raters labelled {len(labels_1)} and {len(labels_2)} items")
    if not labels_1:
        raise ValueError("no items to compare")
    n = len(labels_1)
    p_o = sum(x == y for x, y in zip(labels_1, labels_2)) / n
    c1, c2 = Counter(labels_1), Counter(labels_2)
    p_e = sum(c1[label] * c2[label] for label in c1.keys() | c2.keys()) / (n * n)
    if p_e >= 1:
        return 1.0
    return float((p_o - p_e) / (1 - p_e))
    # END SOLUTION


# %%
check("evals_llm_judge.cohens_kappa", cohens_kappa)

# %% [markdown]
# ## 3. How often does swapping positions change the verdict?
#
# You judged every pair twice, once in the original order and once swapped, and already translated
# both verdicts into the answer they name. `pairs` is a list of `(original, swapped)` tuples whose
# values are `"a"`, `"b"` or `"tie"`.
#
# Write `flip_rate(pairs)`: among the **decisive** pairs (neither verdict is `"tie"`), the share
# whose two verdicts name different answers. Pairs with a tie on either side are left out of both
# the count and the total: a tie is not a flip. Raise `ValueError` when no pair is decisive (an empty
# list, or ties only), since there is nothing to measure.

# %%
def flip_rate(pairs) -> float:
    """Share of decisive (original, swapped) verdict pairs that name different answers."""
    # BEGIN SOLUTION
    decisive = [(x, y) for x, y in pairs if x != "tie" and y != "tie"]
    if not decisive:
        raise ValueError("no decisive pair: every pair has a tie, or there are no pairs")
    return sum(x != y for x, y in decisive) / len(decisive)
    # END SOLUTION


# %%
check("evals_llm_judge.flip_rate", flip_rate)
