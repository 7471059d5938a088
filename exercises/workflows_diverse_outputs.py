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

# Generated from solutions/workflows_diverse_outputs.py by `llmcourse assign`: edit the solution, not this file.

# %% [markdown]
# # Exercises: a sampler that avoids repeats, and how to measure diversity
#
# Two functions, each graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.
#
# Both compare outputs the same way: two outputs are **the same** when they are equal after
# `.strip().casefold()`, so `" Tent"` and `"tent"` are one output.

# %%
import math
from typing import Callable

from llmcourse.notebook import check, hint

# %% [markdown]
# ## 1. Reject and resample what was suggested recently
#
# `generate(avoid)` is one call to a model: it takes the list of recent outputs (so a prompt can ask
# the model to avoid them) and returns one output, a string. Collect `n` outputs:
#
# - For each of the `n` outputs, the **recent list** is the last `window` outputs accepted so far,
#   oldest first, as they were returned (not normalised). With `window = 0` it is always empty.
# - Call `generate(recent)`. If the candidate is **the same** as an output in the recent list, reject
#   it and call again, with the same recent list. After `max_tries` calls for one output, accept the
#   last candidate anyway, so the pipeline always produces `n` outputs.
# - Otherwise accept the candidate as `generate` returned it (do not strip or normalise it).
#
# Return the list of accepted outputs. `n = 0` returns `[]` without calling `generate`. Raise
# `ValueError` when `n` or `window` is negative or `max_tries` is less than 1.

# %%
def sample_avoiding_recent(generate: Callable[[list[str]], str], n: int, window: int = 3,
                           max_tries: int = 5) -> list[str]:
    """n outputs from generate, resampling any candidate that repeats one of the last `window`."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("workflows_diverse_outputs.sample_avoiding_recent", sample_avoiding_recent)

# %% [markdown]
# ## 2. Coverage, entropy and what falls off the catalog
#
# Given the outputs of a recommender and the catalog it should pick from, return a dict with four
# numbers. An output *is* a catalog item when the two are the same in the sense above (equal after
# `.strip().casefold()`); there is no partial matching, so `"a tent"` is off-catalog.
#
# - `"distinct"`: how many different outputs there are (an `int`; off-catalog ones count too);
# - `"coverage"`: the share of the catalog's items that appear at least once among the outputs. The
#   catalog may list an item twice (after normalising); it counts once;
# - `"entropy_bits"`: the Shannon entropy, in bits, of how the **on-catalog** outputs spread over the
#   items: with `p_i` the share of on-catalog outputs that are item `i`, `-sum(p_i * log2(p_i))`.
#   It is `0.0` when there are no on-catalog outputs;
# - `"off_catalog"`: the share of all outputs that match no catalog item.
#
# Every output counts, repeats included: the list `["tent", "tent", "stove"]` has 2 distinct outputs
# and an entropy of about 0.918 bits. Raise `ValueError` when `outputs` or `catalog` is empty.

# %%
def diversity_report(outputs: list[str], catalog: list[str]) -> dict[str, float]:
    """Distinct outputs, catalog coverage, entropy (bits) over catalog items, off-catalog share."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("workflows_diverse_outputs.diversity_report", diversity_report)

# %% [markdown]
