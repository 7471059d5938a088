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
# # Exercise: a skew report
#
# One function, graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
import math

from llmcourse.notebook import check, hint

# %% [markdown]
# ## A skew report that flags the columns that moved
#
# `dev` and `prod` are dicts that map a column name (such as `"chars"` or `"upper_share"`) to a list of
# numbers, one per message. Compare each column of `prod` with the same column of `dev` and return a
# list with one dict per column, **in the order of `dev`'s keys**:
#
# ```python
# {"column": name, "psi": float, "ks": float, "flagged": bool}
# ```
#
# **PSI**, for one column:
#
# - the bins are shared by both samples: `lo` is the smallest and `hi` the largest value of the column
#   in `dev` and `prod` together. A value `x` goes to bin `min(int((x - lo) / (hi - lo) * n_bins),
#   n_bins - 1)` (so `hi` itself goes in the last bin). If `hi == lo`, every value goes to bin 0;
# - `p[i]` is the share of `dev`'s values in bin `i` (count divided by the number of `dev` values), and
#   `q[i]` the same for `prod`;
# - a share of exactly 0 is replaced by `1e-4` (in both `p` and `q`; other shares stay as they are);
# - `psi = sum over all n_bins bins of (q[i] - p[i]) * ln(q[i] / p[i])` (natural logarithm).
#
# **KS**, for one column: the two-sample Kolmogorov-Smirnov statistic, the largest value of
# `|F_dev(x) - F_prod(x)|` over every value `x` that occurs in either sample, where `F_dev(x)` is the
# share of `dev`'s values that are `<= x` (and `F_prod` likewise).
#
# **flagged** is `True` when `psi >= psi_threshold` **or** `ks >= ks_threshold` (reaching a threshold
# flags), else `False`.
#
# Raise `ValueError` when the two dicts do not have the same column names, when a column is empty in
# either sample, or when `n_bins` is less than 1. The samples of one column may differ in size.

# %%
def skew_report(dev: dict[str, list[float]], prod: dict[str, list[float]], psi_threshold: float = 0.2,
                ks_threshold: float = 0.15, n_bins: int = 10) -> list[dict]:
    """One row per column of dev: its PSI, its KS statistic, and whether either reaches its threshold."""
    # BEGIN SOLUTION
    if set(dev) != set(prod):
        raise ValueError("dev and prod must have the same columns")
    if n_bins < 1:
        raise ValueError("n_bins must be at least 1")
    rows = []
    for column in dev:
        a, b = list(dev[column]), list(prod[column])
        if not a or not b:
            raise ValueError(f"column {column!r} is empty in one sample")
        lo, hi = min(a + b), max(a + b)

        def shares(values):
            counts = [0] * n_bins
            for x in values:
                i = 0 if hi == lo else min(int((x - lo) / (hi - lo) * n_bins), n_bins - 1)
                counts[i] += 1
            return [c / len(values) if c else 1e-4 for c in counts]

        p, q = shares(a), shares(b)
        psi = sum((qi - pi) * math.log(qi / pi) for pi, qi in zip(p, q))
        ks = max(abs(sum(v <= x for v in a) / len(a) - sum(v <= x for v in b) / len(b)) for x in a + b)
        rows.append({"column": column, "psi": psi, "ks": ks,
                     "flagged": psi >= psi_threshold or ks >= ks_threshold})
    return rows
    # END SOLUTION


# %%
check("data_dev_prod_skew.skew_report", skew_report)

# %%
# BEGIN SOLUTION NOTE
# Reading the result: once every case passes, the report computes what the lesson's table showed,
# with conventions pinned down so two people get the same numbers. Two cases are worth a second look.
# A bin that is empty in dev and holds messages in prod adds a large PSI term, because the 1e-4 epsilon
# stands in for zero: a new kind of input weighs heavily, which is what you want from a skew alarm. And
# one far-away value stretches the shared range, so every other value crowds into the low bins and PSI
# goes down: equal-width bins are easy to state but sensitive to outliers, so look at the KS column too,
# which does not depend on bins at all.
# END SOLUTION NOTE
