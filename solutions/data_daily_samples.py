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
# # Exercise: a daily sample that every stratum gets into
#
# One function, graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
import random

from llmcourse.notebook import check, hint

# %% [markdown]
# ## A deterministic stratified sampler
#
# `log` is a list of dicts, one per logged LLM call. Each has an `"id"` (a string) and a string value
# for every name in `keys`, such as `{"id": "sup-03", "route": "support", "outcome": "ok", "length":
# "short"}`. Other fields may be present and are ignored. The **stratum** of an entry is the tuple of its
# values for `keys`, in the order of `keys`.
#
# Return the ids of today's sample as a list **sorted** in ascending order, chosen exactly like this,
# so that the same log and seed always give the same sample:
#
# 1. Make **one** generator, `rng = random.Random(seed)`, and use it for every draw below, in this order.
# 2. Go through the strata in **ascending order of their tuples**. For each, take the ids of its entries,
#    sorted ascending, and draw `rng.sample(those_ids, m)` with `m = min(min_per_stratum, number of
#    entries in the stratum)`.
# 3. Then fill up to `k`: take the ids not chosen yet, sorted ascending, and draw `rng.sample(rest, f)`
#    with `f = min(k - number chosen so far, len(rest))`; skip this draw when `f` is 0 or less.
#    The minimum per stratum comes first: when the strata alone need more than `k` ids, the sample is
#    larger than `k`.
#
# An empty log gives an empty list. Raise `ValueError` when `k` or `min_per_stratum` is negative, when
# two entries share an id, or when an entry has no `"id"` or lacks one of the `keys`.

# %%
def daily_sample(log: list[dict], k: int, min_per_stratum: int = 1, seed: int = 0,
                 keys: tuple[str, ...] = ("route", "outcome", "length")) -> list[str]:
    """Ids of a sample with at least min_per_stratum entries of every stratum, filled up to k at random."""
    # BEGIN SOLUTION
    if k < 0 or min_per_stratum < 0:
        raise ValueError("k and min_per_stratum must not be negative")
    strata: dict[tuple, list[str]] = {}
    ids = set()
    for entry in log:
        if "id" not in entry or any(key not in entry for key in keys):
            raise ValueError(f"entry {entry!r} lacks its id or one of {keys}")
        if entry["id"] in ids:
            raise ValueError(f"duplicate id {entry['id']!r}")
        ids.add(entry["id"])
        strata.setdefault(tuple(entry[key] for key in keys), []).append(entry["id"])
    rng = random.Random(seed)
    chosen = []
    for stratum in sorted(strata):
        members = sorted(strata[stratum])
        chosen += rng.sample(members, min(min_per_stratum, len(members)))
    rest = sorted(ids - set(chosen))
    fill = min(k - len(chosen), len(rest))
    if fill > 0:
        chosen += rng.sample(rest, fill)
    return sorted(chosen)
    # END SOLUTION


# %%
check("data_daily_samples.daily_sample", daily_sample)

# %%
# BEGIN SOLUTION NOTE
# Reading the result: once every case passes, two people who run the sampler on the same day's log
# with the same seed read the same lines, which is what makes "today's sample" something a team can
# discuss. The minimum per stratum guarantees that a route with one call today, or an outcome that
# happened twice, is in front of the reader; the fill keeps most of the reading on the common case.
# With many strata the minimums alone can exceed k: then cap min_per_stratum or merge strata rather
# than let the daily sample grow until nobody reads it.
# END SOLUTION NOTE
