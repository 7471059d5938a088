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
# # Exercises: binary annotation and agreement
#
# Two functions, each graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
import itertools
import math

from llmcourse.notebook import check, hint

# %% [markdown]
# ## 1. How often do annotators agree?
#
# In the lesson every annotator labelled every item. Real annotation queues are messier: people
# label different subsets, and some pairs of annotators never see the same item. Labels arrive as a
# dict from annotator name to a dict from item id to label (a label can be anything comparable with
# `==`: `"pass"`, `True`, `4`, `"A"`).
#
# Return the **mean pairwise agreement**:
#
# - for each pair of annotators, take the items **both** labelled and compute the share of those
#   items on which their labels are equal;
# - skip pairs that share no item (they tell you nothing about agreement);
# - return the mean of those shares over the remaining pairs (each pair counts once, however many
#   items it shares).
#
# Raise `ValueError` when there are fewer than two annotators, or when no pair of annotators shares
# an item.

# %%
def mean_pairwise_agreement(labels: dict[str, dict[str, object]]) -> float:
    """Mean, over pairs of annotators who share items, of the share of shared items labelled alike."""
    # BEGIN SOLUTION
    if len(labels) < 2:
        raise ValueError("agreement needs at least two annotators")
    shares = []
    for a, b in itertools.combinations(labels, 2):
        shared = labels[a].keys() & labels[b].keys()
        if shared:
            shares.append(sum(labels[a][i] == labels[b][i] for i in shared) / len(shared))
    if not shares:
        raise ValueError("no two annotators labelled a common item")
    return sum(shares) / len(shares)
    # END SOLUTION


# %%
check("evals_binary_annotation.mean_pairwise_agreement", mean_pairwise_agreement)

# %% [markdown]
# ## 2. Derive a pass/fail threshold from labelled examples
#
# You have an automatic score for each output (say, a similarity to a reference answer between 0
# and 1) and a person's pass/fail label for a few of them. Turn those examples into a binary rubric:
# "an output passes when its score is at least `t`".
#
# Given `examples`, a list of `(score, passed)` tuples, return the threshold `t` for which the rule
# `score >= t` matches the most labels. The candidates are:
#
# - each score that occurs in the examples (a score equal to `t` passes), and
# - `math.inf`, the rule "nothing passes".
#
# When several candidates match equally many labels, return the **lowest** of them, the most
# lenient rule that fits the labels as well as any. This settles the edge cases:
#
# - every example passes: the lowest score (every example then passes);
# - every example fails: `math.inf` (no score can pass);
# - the order of the examples does not matter, and scores may be ints or floats;
# - `examples` empty: raise `ValueError` (there is nothing to learn a threshold from).

# %%
def rubric_from_examples(examples: list[tuple[float, bool]]) -> float:
    """Lowest threshold t such that 'score >= t means pass' matches the most labels."""
    # BEGIN SOLUTION
    if not examples:
        raise ValueError("no examples to derive a threshold from")
    candidates = sorted({score for score, _ in examples}) + [math.inf]
    best, best_correct = None, -1
    for t in candidates:
        correct = sum((score >= t) == passed for score, passed in examples)
        if correct > best_correct:
            best, best_correct = t, correct
    return best
    # END SOLUTION


# %%
check("evals_binary_annotation.rubric_from_examples", rubric_from_examples)
