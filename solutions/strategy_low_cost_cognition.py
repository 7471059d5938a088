# %%
from llmcourse.notebook import llm, check, hint
import math

import numpy as np

# %% [markdown]
# The lesson turned a table of list prices into one number, the months it takes for the cheapest price
# at a fixed capability level to halve, and then used that number to date a feature. These two exercises
# are the two halves of that calculation, written so you can rerun them whenever a provider publishes new
# prices.
#
# ## Exercise 1: fit the halving time
#
# Write `halving_time(years, prices)`: fit `log2(price) = a + b * year` by least squares over all the
# points and return the halving time in **months**, `-12 / b`.
#
# Three details decide whether the number means anything:
#
# - Use base-2 logarithms (or convert): the slope of log2(price) per year counts halvings per year.
# - Use every point. Prices are noisy, and a line through the first and last rows ignores everything in
#   between; fit all of them together.
# - Refuse inputs that cannot define a trend: a price that is zero or negative (its logarithm does not
#   exist), `years` and `prices` of different lengths, or fewer than two distinct years (no slope). Raise
#   `ValueError` for each.
#
# If prices rose over the period the slope is positive and `-12 / b` is negative: return that negative
# number. Its size is then the doubling time, and the sign tells the caller the trend went the wrong way;
# an infinite or silently clipped value would hide that.
#
# Two more conventions the grader expects:
#
# - Several prices on one date are several points of the fit, each weighing as much as any other row:
#   do not average them into one point per date first.
# - Flat prices have no trend, and a price that never falls never halves: return `math.inf`. The fit
#   will not give a slope of exactly 0 for flat prices (rounding leaves up to about 1e-15 halvings
#   per year), so treat `abs(b) < 1e-9` as flat. A slope that small would mean one halving in about a
#   billion years, far below any real price trend and far above the rounding noise.

# %%
def halving_time(years: list[float], prices: list[float]) -> float:
    """Months for the price to halve, from a least-squares fit of log2(price) on years.

    Returns -12 / b for the fitted slope b of log2(price) per year: negative when prices rose (its size is
    then the doubling time), math.inf when abs(b) < 1e-9 (flat prices). Raises ValueError for a non-positive price, lists of different lengths, or
    fewer than two distinct years.
    """
    # BEGIN SOLUTION
    if len(years) != len(prices):
        raise ValueError(f"{len(years)} years but {len(prices)} prices")
    if any(p <= 0 for p in prices):
        raise ValueError("prices must be positive: the logarithm of zero or a negative price is undefined")
    if len(set(years)) < 2:
        raise ValueError("need prices from at least two different dates to fit a trend")
    slope, _ = np.polyfit(np.asarray(years, float), np.log2(np.asarray(prices, float)), 1)
    if abs(slope) < 1e-9:
        return math.inf  # flat prices never halve; the fit leaves rounding noise, not an exact 0
    return float(-12 / slope)
    # END SOLUTION


# %%
check("strategy_low_cost_cognition.halving_time", halving_time)

# %% [markdown]
# ## Exercise 2: months until a feature is affordable
#
# A feature costs `price_now` today and the business can pay `target`. With prices halving every
# `halving_months`, the price after `t` months is `price_now * 0.5 ** (t / halving_months)`. Write
# `months_until_affordable(price_now, target, halving_months)` that returns the `t` at which the price
# reaches the target.
#
# - If the feature is already affordable (`price_now <= target`), the answer is `0.0`: the wait cannot be
#   negative.
# - If it is not affordable and prices are not falling (`halving_months <= 0`), it never becomes
#   affordable on this trend: raise `ValueError` rather than return a negative or infinite wait.
# - Prices and the target must be positive; raise `ValueError` otherwise.
#
# This is the calculation behind a roadmap line such as "this feature becomes viable in about two years":
# with it, you can show how the date moves with the halving time you assume.

# %%
def months_until_affordable(price_now: float, target: float, halving_months: float) -> float:
    """Months until price_now, halving every halving_months, falls to target (0.0 if it already has).

    Raises ValueError for a non-positive price or target, or when the target is below the price and
    halving_months <= 0 (prices that do not fall never reach it).
    """
    # BEGIN SOLUTION
    if price_now <= 0 or target <= 0:
        raise ValueError("price and target must be positive")
    if price_now <= target:
        return 0.0
    if halving_months <= 0:
        raise ValueError("prices are not falling, so the target is never reached")
    return float(halving_months * math.log2(price_now / target))
    # END SOLUTION


# %%
check("strategy_low_cost_cognition.months_until_affordable", months_until_affordable)

# %% [markdown]
# Stuck? `hint("strategy_low_cost_cognition.halving_time")` or
# `hint("strategy_low_cost_cognition.months_until_affordable")` shows the next hint.
