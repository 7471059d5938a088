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

# Generated from solutions/evals_guardrails.py by `llmcourse assign`: edit the solution, not this file.

# %% [markdown]
# # Exercises: a reference-free eval that doubles as a guardrail
#
# Two functions, each graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
import re

from llmcourse.helpers import shipped

from llmcourse.notebook import check, hint

# %% [markdown]
# ## 1. A grounding score that compares numbers whole
#
# The lesson's `support_score` split `4.2` into `4` and `2`, so the transposed answer `2.4` looked
# perfectly grounded. Write the score again, exactly as follows.
#
# **Tokens.** Lower-case the text. A token is either a run of letters `a` to `z`, or a **number**: a
# run of digits, optionally followed by groups of one `.` or `,` and more digits. So `4.2`, `1,200`
# and `2024` are one token each, the full stop in `in 1911.` is not part of the number, and anything
# else (spaces, punctuation, hyphens, apostrophes) separates tokens: `A-1042` gives `a` and `1042`.
#
# **Content words.** The answer's tokens that are not in `STOP_WORDS`. Numbers are content words:
# a wrong number is the classic hallucination.
#
# **Score.** The share of the answer's content words, **counting repeats**, that occur as a token
# anywhere in the context. Matching is by whole token: `art` is not supported by `start`, `5` is not
# supported by `15` or `1.5`, and `1200` is not the same token as `1,200`.
#
# **No content words.** An answer with no content words (empty, or only stop words) asserts nothing
# the context could contradict, so it scores `1.0`. (A guardrail that should also stop empty replies
# needs a separate check for them.)
#
# Return a float in `[0, 1]`.

# %%
STOP_WORDS = frozenset(w for line in shipped.load("evals_guardrails", "stop_words.txt").splitlines()
                        if not line.startswith("#") for w in line.split())


def grounding_score(answer: str, context: str) -> float:
    """Share of the answer's content words (with repeats) found as whole tokens in the context."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("evals_guardrails.grounding_score", grounding_score)

# %% [markdown]
# ## 2. Choose the threshold for a target false-failure rate
#
# You scored a set of labelled answers: `scores[i]` is the grounding score of answer `i` and `good[i]`
# says whether a reviewer accepted it. The guardrail will **block an answer when its score is strictly
# below the threshold `t`**. Its false-failure rate at `t` is
#
# $$\text{FFR}(t) = \frac{\#\{\text{good answers with score} < t\}}{\#\{\text{good answers}\}}$$
#
# (bad answers appear in neither count). Return the **highest** threshold with `FFR(t) <= target`,
# chosen among the **distinct values in `scores`** (of good and bad answers alike), as a float. The
# lowest score always qualifies, because nothing lies below it; answers tied at `t` are served, not
# blocked.
#
# Raise `ValueError` when `scores` and `good` have different lengths, when there is no good answer
# (an empty input included), or when `target` is outside `[0, 1]`.

# %%
def threshold_for_ffr(scores: list[float], good: list[bool], target: float) -> float:
    """Highest observed score t such that the share of good answers scoring below t is <= target."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("evals_guardrails.threshold_for_ffr", threshold_for_ffr)
