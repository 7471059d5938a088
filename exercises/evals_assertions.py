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

# Generated from solutions/evals_assertions.py by `llmcourse assign`: edit the solution, not this file.

# %% [markdown]
# # Exercises: assertion-based unit tests
#
# Two functions, each graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
import re

from llmcourse.notebook import check, hint

# %% [markdown]
# ## 1. Assertions over one logged summary
#
# The lesson's assertions were blunt on purpose. Make them right. Given a ticket (a dict with
# `"order_id"`) and the summary a model wrote for it, return the names of the criteria the summary
# **fails**, in the order of `CRITERIA`:
#
# - `"mentions_order_id"`: the order id appears as a whole token, in any letter case
#   (`A-1042` is not mentioned by `A-10423` or `XA-1042`);
# - `"length"`: between `min_words` and `max_words` words, both included (split on whitespace);
# - `"no_apology"`: no word such as *sorry*, *apologise*, *apologies*, in any letter case;
# - `"no_preamble"`: the summary does not open, after leading spaces and quotes, with one of
#   `PREAMBLES` (any letter case), the chatty opener that makes a summary longer and no clearer.
#
# A summary that passes everything gives `[]`.

# %%
CRITERIA = ("mentions_order_id", "length", "no_apology", "no_preamble")
PREAMBLES = ("sure", "here is", "here's", "certainly", "as an ai")


def summary_failures(ticket: dict, summary: str, min_words: int = 5, max_words: int = 25) -> list[str]:
    """Names of the criteria in CRITERIA that `summary` fails, in that order."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("evals_assertions.summary_failures", summary_failures)

# %% [markdown]
# ## 2. Find the samples a prompt change broke
#
# You ran the suite before and after a prompt change. Each run is a dict from sample id to the list
# of criteria that sample failed (`[]` means it passed everything). Return the ids of the
# **regressions**: samples that passed everything before and fail at least one criterion after.
# Samples present in only one run are not regressions (they were added or removed). Return the ids
# sorted.

# %%
def regressions(before: dict[str, list[str]], after: dict[str, list[str]]) -> list[str]:
    """Sorted ids that passed every criterion before the change and fail one or more after it."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("evals_assertions.regressions", regressions)
