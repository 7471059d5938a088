"""Cases for strategy_low_cost_cognition: fit a price-halving time, and date when a feature becomes affordable."""

from __future__ import annotations

import math

import numpy as np

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "halving_time": {
        "compare: abs(slope) < 1e-09 -> abs(slope) <= 1e-09":
            "only a fitted slope of exactly 1e-9 tells them apart: the grader holds learners to the "
            "tolerance, not to which side its last bit falls on",
    },
}

def _lstsq_months(years: list[float], prices: list[float]) -> float:
    """The reference answer, computed the way the exercise asks."""
    slope, _ = np.polyfit(np.asarray(years, float), np.log2(np.asarray(prices, float)), 1)
    return float(-12 / slope)


# log2 prices 4, 1, 2, 0: not on one line, so a line through the end points (9 months) differs from
# least squares (about 10.9 months).
_NOISY_YEARS, _NOISY_PRICES = [2022.0, 2023.0, 2024.0, 2025.0], [16.0, 2.0, 4.0, 1.0]
_SHUFFLED = [2, 0, 3, 1]


def halving_time() -> list[Case]:
    cases = [
        Case("price halves every year", args=([2020, 2021, 2022, 2023], [8.0, 4.0, 2.0, 1.0]), expect=12.0,
             tol=1e-6,
             why="The price halves once a year, so the answer is 12 months. Answering 1 returns years, not "
                 "months; about 17.3 means a natural log was used where log2 (or dividing by ln 2) was needed"),
        Case("halving every six months on uneven dates",
             args=([2023.0, 2023.5, 2024.25], [2.0, 1.0, 0.35355339059327373]), expect=6.0, tol=1e-6,
             why="Dates are decimal years and need not be evenly spaced: fit log2(price) against the year "
                 "itself, not against the row number"),
        Case("noisy prices: least squares over every point", args=(_NOISY_YEARS, _NOISY_PRICES),
             expect=_lstsq_months(_NOISY_YEARS, _NOISY_PRICES), tol=1e-6,
             why="These points are not on one line. A line through the first and last points gives 9 months "
                 "and ignores the middle; least squares over all points (numpy.polyfit of degree 1) gives "
                 "about 10.9"),
        Case("rows in any order", args=([_NOISY_YEARS[i] for i in _SHUFFLED], [_NOISY_PRICES[i] for i in _SHUFFLED]),
             expect=_lstsq_months(_NOISY_YEARS, _NOISY_PRICES), tol=1e-6,
             why="A price table need not be sorted by date: the fit must not depend on the order of the rows"),
        Case("two models on the same date are both data", args=([2024, 2024, 2025], [8.0, 2.0, 2.0]), expect=12.0,
             tol=1e-6,
             why="Two prices on one date are two points of the fit (log2 values 3 and 1 in 2024, 1 in 2025 give "
                 "a slope of -1 per year): only fewer than two *distinct* years is an error"),
        Case("three models on one date weigh three times", args=([2023, 2023, 2023, 2024, 2026], [8, 4, 1, 2, 1]),
             expect=_lstsq_months([2023, 2023, 2023, 2024, 2026], [8, 4, 1, 2, 1]), tol=1e-6,
             why="Least squares over every row gives about 21.47 months. Averaging the three 2023 log-prices into "
                 "one point first gives about 21.91: it weighs 2023 like one row when the table has three, so "
                 "the dates with more models count for less than the data say. Fit all the rows as they are"),
        Case("flat prices never halve", args=([2020.0, 2021.5, 2024.25], [3.7, 3.7, 3.7]), expect=math.inf,
             why="A price that does not fall has no halving time: return math.inf. The fitted slope of flat "
                 "prices is rounding noise (about -5e-17 here), not an exact 0, and -12 / b is then a "
                 "meaningless 2.5e17 months whose sign is set by rounding: treat a slope with abs(b) < 1e-9 halvings per year (one halving in "
                 "a billion years) as no trend at all"),
        Case("rising prices give a negative halving time", args=([2020, 2022], [1.0, 4.0]), expect=-12.0, tol=1e-6,
             why="The price doubled every year here, so -12 / b = -12: return the negative number (its size "
                 "is the doubling time) rather than flipping the sign, clipping it, or returning infinity"),
        Case("a zero price", args=([2023, 2024, 2025], [2.0, 0.0, 0.5]), raises=ValueError,
             why="log2(0) is undefined: a zero or negative price cannot be fitted, raise ValueError"),
        Case("a negative price", args=([2023, 2024], [2.0, -1.0]), raises=ValueError,
             why="A negative price is a data error: raise ValueError instead of fitting it"),
        Case("lists of different lengths", args=([2023, 2024, 2025], [2.0, 1.0]), raises=ValueError,
             why="Each year needs its price: raise ValueError when the lists differ in length"),
        Case("only one distinct year", args=([2024, 2024, 2024], [3.0, 2.0, 1.0]), raises=ValueError,
             why="All prices on one date define no trend over time: raise ValueError"),
    ]
    return cases


def months_until_affordable() -> list[Case]:
    cases = [
        Case("ten times too expensive", args=(50.0, 5.0, 6.0), expect=6.0 * math.log2(10), tol=1e-6,
             why="A tenfold gap is log2(10) ≈ 3.32 halvings, so 3.32 × 6 ≈ 19.9 months. About 13.8 means a "
                 "natural log was used; about 1.7 means the answer was given in years"),
        Case("exactly one halving", args=(2.0, 1.0, 7.0), expect=7.0, tol=1e-6,
             why="Halving the price once takes one halving time"),
        Case("fractional numbers", args=(1.0, 0.2, 4.5), expect=4.5 * math.log2(5), tol=1e-6,
             why="months = halving_months × log2(price_now / target): the ratio is price over target"),
        Case("already affordable", args=(4.0, 10.0, 6.0), expect=0.0, tol=1e-9,
             why="The price is already below the target, so the wait is 0 months, not a negative number"),
        Case("exactly at the target", args=(5.0, 5.0, 6.0), expect=0.0, tol=1e-9,
             why="A price equal to the target is affordable now: 0 months"),
        Case("already affordable while prices rise", args=(1.0, 2.0, -6.0), expect=0.0, tol=1e-9,
             why="A feature that is affordable today needs no wait, whatever the trend: check affordability "
                 "before rejecting a non-positive halving time"),
        Case("at the target while prices rise", args=(5.0, 5.0, -6.0), expect=0.0, tol=1e-9,
             why="A price equal to the target is affordable today, so the answer is 0 months even on a rising "
                 "trend: the test is price_now <= target, equality included"),
        Case("prices halving in under a month", args=(4.0, 1.0, 0.5), expect=1.0, tol=1e-6,
             why="Two halvings of half a month each take one month: any positive halving time is a falling "
                 "price, however short; only halving_months <= 0 is an error"),
        Case("prices not falling", args=(10.0, 1.0, 0.0), raises=ValueError,
             why="With halving_months = 0 prices are not falling, so the target is never reached on this "
                 "trend: raise ValueError"),
        Case("prices rising", args=(10.0, 1.0, -6.0), raises=ValueError,
             why="A negative halving time means prices double: the target is never reached, raise "
                 "ValueError instead of returning a negative wait"),
        Case("a price of zero", args=(0.0, 1.0, 6.0), raises=ValueError,
             why="A price of zero is a data error, not an affordable feature: check that the price is positive "
                 "before comparing it with the target"),
        Case("a target of zero", args=(10.0, 0.0, 6.0), raises=ValueError,
             why="A price never halves its way to zero: raise ValueError for a target that is not positive"),
    ]
    return cases
