"""Known-wrong answers for strategy_low_cost_cognition: each must fail at least one grader case."""

import math

import numpy as np



def _checked(years, prices):
    if len(years) != len(prices) or any(p <= 0 for p in prices) or len(set(years)) < 2:
        raise ValueError("invalid price table")
    return np.asarray(years, float), np.asarray(prices, float)


def halving_time__hard_coded(years, prices):
    """Returns the first case's answer whatever the input."""
    return 12.0


def halving_time__natural_log(years, prices):
    """Fits ln(price) and forgets to convert: the slope counts e-foldings, not halvings."""
    x, y = _checked(years, prices)
    slope, _ = np.polyfit(x, np.log(y), 1)
    return float(-12 / slope)


def halving_time__years_not_months(years, prices):
    """Returns the halving time in years."""
    x, y = _checked(years, prices)
    slope, _ = np.polyfit(x, np.log2(y), 1)
    return float(-1 / slope)


def halving_time__endpoints_only(years, prices):
    """Draws the line through the first and last rows instead of fitting every point."""
    x, y = _checked(years, prices)
    slope = (math.log2(y[-1]) - math.log2(y[0])) / (x[-1] - x[0])
    return float(-12 / slope)


def halving_time__row_index_as_time(years, prices):
    """Fits against the row number, as if the dates were one year apart."""
    x, y = _checked(years, prices)
    slope, _ = np.polyfit(np.arange(len(y)), np.log2(y), 1)
    return float(-12 / slope)


def halving_time__clips_rising_prices(years, prices):
    """Hides a rising trend by returning infinity."""
    x, y = _checked(years, prices)
    slope, _ = np.polyfit(x, np.log2(y), 1)
    return float(-12 / slope) if slope < 0 else math.inf


def months_until_affordable__hard_coded(price_now, target, halving_months):
    """Returns the first case's answer whatever the input."""
    return 6.0 * math.log2(10)


def months_until_affordable__negative_when_affordable(price_now, target, halving_months):
    """Applies the formula even when the price is already below the target."""
    if halving_months <= 0 or price_now <= 0 or target <= 0:
        raise ValueError("invalid")
    return halving_months * math.log2(price_now / target)


def months_until_affordable__natural_log(price_now, target, halving_months):
    """Counts e-foldings instead of halvings."""
    if price_now <= 0 or target <= 0:
        raise ValueError("invalid")
    if price_now <= target:
        return 0.0
    if halving_months <= 0:
        raise ValueError("never")
    return halving_months * math.log(price_now / target)


def months_until_affordable__in_years(price_now, target, halving_months):
    """Converts the answer to years."""
    if price_now <= 0 or target <= 0:
        raise ValueError("invalid")
    if price_now <= target:
        return 0.0
    if halving_months <= 0:
        raise ValueError("never")
    return halving_months * math.log2(price_now / target) / 12


def months_until_affordable__rejects_before_checking_affordable(price_now, target, halving_months):
    """Raises for a non-positive halving time even when no wait is needed."""
    if halving_months <= 0 or price_now <= 0 or target <= 0:
        raise ValueError("invalid")
    return max(0.0, halving_months * math.log2(price_now / target))


def halving_time__no_validation(years, prices):
    """Fits whatever it is given: zero prices, mismatched lists, a single date."""
    with np.errstate(all="ignore"):
        slope, _ = np.polyfit(np.asarray(years, float)[: len(prices)], np.log2(np.asarray(prices, float)), 1)
    return float(-12 / slope)


def months_until_affordable__ignores_rising_prices(price_now, target, halving_months):
    """Returns a negative or undefined wait when prices do not fall."""
    if price_now <= target:
        return 0.0
    return halving_months * math.log2(price_now / target) if target > 0 else math.inf


def halving_time__averages_each_date(years, prices):
    """Averages the log-prices of each date into one point before fitting, so a date with three models
    weighs as much as a date with one."""
    if len(years) != len(prices):
        raise ValueError("lengths differ")
    if any(p <= 0 for p in prices):
        raise ValueError("non-positive price")
    if len(set(years)) < 2:
        raise ValueError("one date")
    by_date = {}
    for y, p in zip(years, prices):
        by_date.setdefault(y, []).append(math.log2(p))
    xs = sorted(by_date)
    slope, _ = np.polyfit(xs, [sum(by_date[x]) / len(by_date[x]) for x in xs], 1)
    return math.inf if abs(slope) < 1e-9 else float(-12 / slope)


def halving_time__exact_zero_for_flat(years, prices):
    """Treats only an exactly zero slope as flat; the fit of flat prices leaves ~1e-16, so it returns a huge
    negative number instead of math.inf."""
    if len(years) != len(prices):
        raise ValueError("lengths differ")
    if any(p <= 0 for p in prices):
        raise ValueError("non-positive price")
    if len(set(years)) < 2:
        raise ValueError("one date")
    slope, _ = np.polyfit(np.asarray(years, float), np.log2(np.asarray(prices, float)), 1)
    return math.inf if slope == 0 else float(-12 / slope)
