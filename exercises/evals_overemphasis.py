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

# Generated from solutions/evals_overemphasis.py by `llmcourse assign`: edit the solution, not this file.

# %% [markdown]
# # Exercises: needles that look like real data
#
# Two functions, each graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
import random
import re
import string

from llmcourse.notebook import check, hint

# %% [markdown]
# ## 1. Realistic variants of a needle
#
# The lesson's typos were written by hand. Generate them instead, so every needle in a test gets the
# same treatment. Given a needle sentence, return a dict with exactly three keys:
#
# - `"exact"`: the needle unchanged;
# - `"casing"`: the needle in upper case (`str.upper`); if that equals the needle (it is already in
#   capitals), the needle in lower case instead. If neither differs from the needle (it has no
#   letters with a case: only digits, or a script without case such as Hebrew), raise `ValueError`:
#   a variant must never equal the original.
# - `"typo"`: the needle with **two neighbouring letters swapped inside one word**, everything else
#   left exactly as it was. The rules, which keep the key fact intact:
#   - a *token* is a run of non-whitespace characters; its *word* is the token with leading and
#     trailing punctuation (`string.punctuation`) removed;
#   - only words made of letters alone (`str.isalpha`) and at least 4 long can get the typo, so
#     numbers and codes such as `7316`, `40mg` or `A-1042` are never touched;
#   - the swap never moves a word's first or last letter: positions `j` and `j + 1` with
#     `1 <= j` and `j + 1 <= len(word) - 2`, and the two letters must differ (swapping `oo` in
#     `book` changes nothing);
#   - collect every possible swap as `(token index, j)` in reading order (tokens left to right, then
#     `j` ascending) and pick one with `random.Random(seed).choice(candidates)`, so the same needle
#     and seed always give the same typo. With no candidate at all, raise `ValueError`.
#
# For example `"Code A-1042 is 7316."` has one candidate, so its typo is always `"Cdoe A-1042 is 7316."`.

# %%
def needle_variants(needle: str, seed: int = 0) -> dict[str, str]:
    """The needle as written, in other letter case, and with one typo that spares numbers and codes."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("evals_overemphasis.needle_variants", needle_variants)

# %% [markdown]
# ## 2. Score answers against the needle's key fact
#
# The lesson scored an answer with `fact.lower() in answer.lower()`, which counts "locker 152" as
# finding "locker 52" and misses "40mg" for "40 mg". Score on whole tokens instead:
#
# - lower-case the text and split it into tokens, where a token is a run of letters or a run of
#   digits (so `"40mg"`, `"40 mg"` and `"**40-MG**"` all become `["40", "mg"]`; use
#   `re.findall(r"[^\W\d_]+|\d+", text.lower())`);
# - an answer is a **hit** when the fact's tokens appear in it consecutively, in order;
# - return the share of answers that are hits, as a float between 0 and 1 (an empty answer is a
#   miss).
#
# Raise `ValueError` when `answers` is empty (there is no recall to report) or when the fact has no
# token at all.

# %%
def needle_recall(answers: list[str], fact: str) -> float:
    """Share of answers that contain the fact's tokens in a row, ignoring case, spacing and punctuation."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("evals_overemphasis.needle_recall", needle_recall)
