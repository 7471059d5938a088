"""Grader for models_migrating_prompts: McNemar's exact test and the regression list of a migration."""

from math import comb

from llmcourse.cases import Case


def _p(b, c):
    n = b + c
    return 1.0 if n == 0 else min(1.0, 2 * sum(comb(n, k) for k in range(min(b, c) + 1)) / 2 ** n)


def _pairs(b, c, both_right=0, both_wrong=0):
    """Outcome lists with b regressions, c fixes and the given agreements, interleaved."""
    before = [True] * b + [False] * c + [True] * both_right + [False] * both_wrong
    after = [False] * b + [True] * c + [True] * both_right + [False] * both_wrong
    order = sorted(range(len(before)), key=lambda i: (i * 7) % (len(before) or 1))
    return [before[i] for i in order], [after[i] for i in order]


def mcnemar_exact():
    import numpy as np

    return [
        Case("five regressions and no fix", _pairs(5, 0, 10, 5), expect=0.0625, tol=1e-9,
             why="b = 5, c = 0, n = 5: the tail at 0 is 1/32; doubled, 2/32 = 0.0625."),
        Case("the direction does not matter", _pairs(0, 5, 10, 5), expect=0.0625, tol=1e-9,
             why="Two-sided: five fixes and no regression are as surprising as the reverse. Use min(b, c)."),
        Case("a lopsided split of 9 to 1", _pairs(9, 1, 3, 2), expect=_p(9, 1), tol=1e-9,
             why="Sum the binomial tail from k = 0 to min(b, c) inclusive: 2 * (1 + 10) / 1024."),
        Case("a balanced split is capped at 1.0", _pairs(3, 3, 4), expect=1.0, tol=1e-9,
             why="When b == c the doubled tail is above 1; a p-value is capped at 1.0."),
        Case("a near-balanced split", _pairs(4, 6, 2, 2), expect=_p(4, 6), tol=1e-9,
             why="Take the tail at min(b, c) = 4 and double it."),
        Case("no disagreement at all", _pairs(0, 0, 6, 4), expect=1.0, tol=1e-9,
             why="With n = 0 there is no evidence of a difference: return 1.0 rather than dividing by zero."),
        Case("agreements do not change the p-value", _pairs(6, 1, 200, 150), expect=_p(6, 1), tol=1e-9,
             why="Only the discordant pairs enter McNemar's test; items both got right or wrong do not count."),
        Case("a big test set stays exact", _pairs(70, 40, 500, 100), expect=_p(70, 40), tol=1e-12,
             why="Use the exact binomial tail (math.comb), not the chi-squared approximation."),
        Case("only one regression", _pairs(1, 0), expect=1.0, tol=1e-9,
             why="n = 1: the tail at 0 is 1/2, doubled it is 1.0."),
        Case("numpy arrays and 0/1 outcomes", (np.array([1, 1, 1, 0, 1, 1, 1, 0]), np.array([0, 0, 0, 0, 1, 0, 1, 1])),
             expect=_p(4, 1), tol=1e-9,
             why="Accept numpy arrays and 0/1 values; do not test an array with `if not before`."),
        Case("the result is a float", _pairs(5, 0),
             check=lambda got: None if isinstance(got, float) else f"returned {type(got).__name__}, not a float"),
        Case("empty input raises ValueError", ([], []), raises=ValueError,
             why="There is nothing to compare; say so instead of returning a p-value."),
        Case("different lengths raise ValueError", ([True, False, True], [True, False]), raises=ValueError,
             why="zip() would silently drop the unpaired item; the outcomes must be paired one to one."),
    ]


def regression_list():
    ids = ["m01", "m02", "m03", "m04", "m05", "m06"]
    return [
        Case("right before, wrong after",
             (ids, [True, True, False, False, True, True], [True, False, True, False, False, True]),
             expect=["m02", "m05"],
             why="Keep only the items that were right before and wrong after; fixes (m03) are not regressions."),
        Case("input order is kept",
             (["z", "a", "m"], [True, True, True], [False, False, False]), expect=["z", "a", "m"],
             why="Return the ids in the order of item_ids, not sorted."),
        Case("no regression gives an empty list",
             (ids[:3], [False, True, False], [True, True, False]), expect=[],
             why="An item that stayed right, stayed wrong or got fixed is not a regression."),
        Case("numeric ids and 0/1 outcomes",
             ([10, 20, 30, 40], [1, 1, 0, 1], [0, 1, 1, 0]), expect=[10, 40],
             why="Ids can be numbers and outcomes 0/1; compare truthiness, not `is True`."),
        Case("a tuple of ids and numpy outcomes",
             lambda: (("a", "b", "c"), __import__("numpy").array([True, True, False]),
                      __import__("numpy").array([False, True, False])), expect=["a"],
             why="Accept any sequences; return a plain list of ids."),
        Case("the result is a list",
             (ids[:2], [True, True], [False, True]),
             check=lambda got: None if type(got) is list else f"returned {type(got).__name__}, not a list"),
        Case("an empty evaluation has no regressions", ([], [], []), expect=[],
             why="Nothing was evaluated, so nothing regressed: return []."),
        Case("different lengths raise ValueError", (ids[:3], [True, True, True], [False, False]), raises=ValueError,
             why="Every id needs its two outcomes; zip() would silently drop the last item."),
        Case("fewer ids than outcomes raise ValueError", (ids[:2], [True, True, True], [False, False, False]),
             raises=ValueError, why="Check the length of item_ids too, not only before against after."),
        Case("a duplicate id raises ValueError", (["m01", "m02", "m01"], [True, True, True], [False, True, True]),
             raises=ValueError, why="The same id twice means the evaluation mixed up its items; refuse it."),
    ]
