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

# Generated from solutions/prompting_context_tokens.py by `llmcourse assign`: edit the solution, not this file.

# %% [markdown]
# # Exercise: a context packer
#
# Write the step that runs between your retriever and your prompt: it removes duplicates, settles
# conflicts by a stated rule, and keeps what fits a token budget. The check runs it on small lists of
# passages with a token counter it passes in. `hint("...")` (or `llmcourse hint ...` in a terminal)
# shows one more hint each time.

# %%
from typing import Callable

from llmcourse.notebook import check, hint

# %% [markdown]
# ## Pack the context
#
# `passages` is a list of dicts, best first, each with an `"id"` (a string), a `"text"`, a `"date"`
# (`"YYYY-MM-DD"`, so dates compare correctly as strings) and optionally a `"topic"`. `budget` is the
# number of tokens the passages may use, and `count_tokens(text)` returns the tokens of one text:
# call it on the passage's original `"text"`, and count nothing else (no separators).
#
# Return the ids of the passages to send, **in their input order**, after three rules applied in
# this order:
#
# 1. **Duplicates**: two passages are duplicates when their texts are equal after lower-casing,
#    stripping, and collapsing every run of whitespace to one space. Keep the first; drop the later
#    ones.
# 2. **Conflicts**: among the passages left that share a topic, keep only the one with the **latest**
#    date; on equal dates keep the one that comes first. A passage whose `"topic"` is missing, `None`
#    or `""` has no topic and never conflicts.
# 3. **Budget**: walk the passages left, in order, keeping a running total of tokens. Keep a passage
#    if the total plus its tokens is at most `budget`; otherwise skip it and go on to the next (a
#    shorter one may still fit).
#
# Raise `ValueError` when `budget` is negative.

# %%
def pack_context(passages: list[dict], budget: int, count_tokens: Callable[[str], int]) -> list[str]:
    """The ids of the passages to send: no duplicates, the latest of each topic, within the budget."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("prompting_context_tokens.pack_context", pack_context)

# %% [markdown]
# The packer never looks at the question: it removes what no question needs (a second copy, an
# outdated version) before spending the budget, so the budget goes further. It keeps the input
# order, so the retriever's best passage stays first, at the edge of the context where the lesson's
# cited study found models read best. A different conflict rule (the official source wins) would change
# only step 2.
