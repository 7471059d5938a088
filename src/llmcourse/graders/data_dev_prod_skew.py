"""Grader for data_dev_prod_skew: a skew report with PSI, a KS statistic and thresholds."""

import math

from llmcourse.cases import Case

EPS = 1e-4



def _column(a, b, n_bins):
    """(psi, ks) of one column under the exercise's conventions: the expected values of the larger cases."""
    lo, hi = min(a + b), max(a + b)

    def shares(values):
        counts = [0] * n_bins
        for x in values:
            counts[0 if hi == lo else min(int((x - lo) / (hi - lo) * n_bins), n_bins - 1)] += 1
        return [c / len(values) if c else EPS for c in counts]

    p, q = shares(a), shares(b)
    psi = sum((qi - pi) * math.log(qi / pi) for pi, qi in zip(p, q))
    ks = max(abs(sum(v <= x for v in a) / len(a) - sum(v <= x for v in b) / len(b)) for x in a + b)
    return psi, ks


def _row(column, psi, ks, flagged):
    return {"column": column, "psi": psi, "ks": ks, "flagged": flagged}


# Two realistic columns with ties, unequal sizes and values in every bin: message lengths and capital shares.
_DEV_CHARS = [20 + (i * 37) % 61 for i in range(60)]
_PROD_CHARS = [12 + (i * 53) % 97 for i in range(45)]
_DEV_UPPER = [round(((i * 7) % 11) / 40, 3) for i in range(60)]
_PROD_UPPER = [0.0] * 20 + [round(((i * 5) % 13) / 30, 3) for i in range(25)]


def _big_expect(psi_threshold=0.2, ks_threshold=0.15, n_bins=10):
    rows = []
    for name, a, b in [("chars", _DEV_CHARS, _PROD_CHARS), ("upper_share", _DEV_UPPER, _PROD_UPPER)]:
        psi, ks = _column(a, b, n_bins)
        rows.append(_row(name, psi, ks, psi >= psi_threshold or ks >= ks_threshold))
    return rows


_HALF = 0.25 * math.log(2) + 0.25 * math.log(1.5)  # dev [0, 0, 1, 1] against prod [0, 1, 1, 1], 10 bins
_NEW_BIN = (0.75 - 1) * math.log(0.75) + (0.25 - EPS) * math.log(0.25 / EPS)  # dev all 0, prod one 10 in four


def skew_report():
    return [
        Case("identical samples: nothing moved",
             ({"chars": [10, 20, 30]}, {"chars": [10, 20, 30]}), expect=[_row("chars", 0.0, 0.0, False)], tol=1e-9,
             why="The same values give the same shares in every bin, so every PSI term is 0, and the two "
                 "cumulative curves coincide, so KS is 0."),
        Case("a small worked example",
             ({"x": [0, 0, 1, 1]}, {"x": [0, 1, 1, 1]}), expect=[_row("x", _HALF, 0.25, True)], tol=1e-9,
             why="The range is 0 to 1: the 0s go to bin 0 and the 1s, equal to hi, to the last bin (clip the index "
                 "to n_bins - 1). p = 0.5 and 0.5, q = 0.25 and 0.75 in those bins, the eight empty bins add "
                 "nothing, PSI = 0.25 ln 2 + 0.25 ln 1.5 = 0.275. KS at x = 0 is |0.5 - 0.25| = 0.25."),
        Case("a bin that only prod uses",
             ({"x": [0, 0, 0, 0]}, {"x": [0, 0, 0, 10]}), expect=[_row("x", _NEW_BIN, 0.25, True)], tol=1e-9,
             why="Dev's share of the last bin is 0, so it becomes 1e-4 (and only it: shares that are not 0 stay "
                 "as they are); that bin adds (0.25 - 0.0001) * ln(0.25 / 0.0001), about 1.96. Do not skip "
                 "bins that are empty on one side, and do not add the epsilon to every share."),
        Case("a column whose values are all equal",
             ({"flag": [1.0, 1.0]}, {"flag": [1.0, 1.0, 1.0]}), expect=[_row("flag", 0.0, 0.0, False)], tol=1e-9,
             why="When hi == lo there is no width to divide by: every value goes to bin 0, and the shares match."),
        Case("the bins start at the smallest value, not at 0",
             ({"chars": [100, 100, 110]}, {"chars": [100, 105, 110]}), expect=[_row("chars", (1 / 3 - 2 / 3) * math.log(0.5) + (1 / 3 - EPS) * math.log((1 / 3) / EPS), 1 / 3,
                          True)], tol=1e-9,
             why="lo is 100 and hi 110: 105 lands in bin int(5 / 10 * 10) = 5. Subtract lo before you divide by "
                 "the width hi - lo."),
        Case("KS looks at values from both samples",
             ({"x": [10, 20]}, {"x": [0, 20]}), kwargs={"psi_threshold": 100.0},
             expect=[_row("x", *_column([10, 20], [0, 20], 10), True)], tol=1e-9,
             why="The largest gap is at x = 0, a value only prod has: F_dev(0) = 0 and F_prod(0) = 0.5. Take the "
                 "maximum over every value seen in either sample, and the absolute difference."),
        Case("reaching the KS threshold flags",
             ({"x": [0, 0, 1, 1]}, {"x": [0, 1, 1, 1]}), kwargs={"psi_threshold": 1.0, "ks_threshold": 0.25},
             expect=[_row("x", _HALF, 0.25, True)], tol=1e-9,
             why="KS is exactly 0.25 and the threshold is 0.25: a value equal to the threshold flags (>=)."),
        Case("KS below its threshold and PSI below its own: not flagged",
             ({"x": [0, 0, 1, 1]}, {"x": [0, 1, 1, 1]}), kwargs={"psi_threshold": 1.0, "ks_threshold": 0.26},
             expect=[_row("x", _HALF, 0.25, False)], tol=1e-9,
             why="Flag only when PSI or KS reaches its threshold; here neither does."),
        Case("reaching the PSI threshold flags",
             ({"x": [1, 2, 3]}, {"x": [1, 2, 3]}), kwargs={"psi_threshold": 0.0, "ks_threshold": 1.0},
             expect=[_row("x", 0.0, 0.0, True)], tol=1e-9,
             why="PSI is 0 and the threshold is 0: a value equal to the threshold flags (>=)."),
        Case("PSI alone is enough to flag",
             ({"x": [0, 0, 0, 0]}, {"x": [0, 0, 0, 10]}), kwargs={"ks_threshold": 0.5},
             expect=[_row("x", _NEW_BIN, 0.25, True)], tol=1e-9,
             why="KS (0.25) is below 0.5, but PSI (about 2.0) is above 0.2: either statistic flags the column."),
        Case("KS alone is enough to flag",
             ({"x": [0, 0, 1, 1]}, {"x": [0, 1, 1, 1]}), kwargs={"psi_threshold": 5.0, "ks_threshold": 0.2},
             expect=[_row("x", _HALF, 0.25, True)], tol=1e-9,
             why="PSI (0.275) is below 5, but KS (0.25) reaches 0.2: either statistic flags the column."),
        Case("the default PSI threshold is 0.2",
             ({"x": [0] * 10}, {"x": [0] * 9 + [10]}), expect=[_row("x", *_column([0] * 10, [0] * 9 + [10], 10), True)],
             tol=1e-9,
             why="KS is 0.1, below the default 0.15, but PSI is about 0.7, above the default 0.2: flagged."),
        Case("the default KS threshold is 0.15",
             ({"x": [0, 1, 2, 3, 100]}, {"x": [2, 3, 3, 3, 100]}), expect=[_row("x", 0.0, 0.4, True)], tol=1e-9,
             why="The outlier 100 stretches the range, so 0 to 3 all share bin 0 and PSI is 0; KS still sees "
                 "the shift (0.4 at x = 1), and 0.4 reaches the default 0.15: flagged."),
        Case("one bin holds everything",
             ({"x": [0, 1, 2, 3]}, {"x": [3, 3, 3, 3]}), kwargs={"n_bins": 1},
             expect=[_row("x", 0.0, 0.75, True)], tol=1e-9,
             why="n_bins = 1 is allowed: every value goes to bin 0, so PSI is 0; KS is |0.25 - 0| at x = 0, "
                 "then 0.5 and 0.75 at x = 1 and 2."),
        Case("a constant column with one bin",
             ({"x": [7, 7]}, {"x": [7]}), kwargs={"n_bins": 1}, expect=[_row("x", 0.0, 0.0, False)], tol=1e-9,
             why="When hi == lo every value goes to bin 0, the only bin there is."),
        Case("many bins",
             ({"x": list(range(30))}, {"x": list(range(0, 60, 2))}), kwargs={"n_bins": 20},
             expect=[_row("x", *_column(list(range(30)), list(range(0, 60, 2)), 20), True)], tol=1e-9,
             why="Make one count per bin for n_bins bins, whatever n_bins is."),
        Case("n_bins changes the bins",
             ({"x": [0, 1, 2, 3]}, {"x": [0, 0, 0, 3]}), kwargs={"n_bins": 2},
             expect=[_row("x", *_column([0, 1, 2, 3], [0, 0, 0, 3], 2), True)], tol=1e-9,
             why="With n_bins = 2 the bins are [0, 1.5) and [1.5, 3]: use the argument, not 10."),
        Case("rows follow dev's column order",
             ({"words": [1, 2], "chars": [5, 9]}, {"chars": [5, 9], "words": [1, 2]}),
             expect=[_row("words", 0.0, 0.0, False), _row("chars", 0.0, 0.0, False)], tol=1e-9,
             why="Return one row per column in the order of dev's keys; prod's order does not matter."),
        Case("samples of different sizes",
             ({"x": [0, 10]}, {"x": [0, 0, 0, 10]}), expect=[_row("x", *_column([0, 10], [0, 0, 0, 10], 10), True)],
             tol=1e-9,
             why="Each share is a count divided by the size of its own sample: dev has 2 values, prod 4."),
        Case("two realistic columns, 60 dev and 45 prod values",
             ({"chars": _DEV_CHARS, "upper_share": _DEV_UPPER}, {"chars": _PROD_CHARS, "upper_share": _PROD_UPPER}),
             expect=_big_expect(), tol=1e-9,
             why="Values fill every bin here; check the bin index formula, the epsilon and the KS maximum."),
        Case("the same columns with 4 bins and other thresholds",
             ({"chars": _DEV_CHARS, "upper_share": _DEV_UPPER}, {"chars": _PROD_CHARS, "upper_share": _PROD_UPPER}),
             kwargs={"n_bins": 4, "psi_threshold": 0.3, "ks_threshold": 0.3},
             expect=_big_expect(0.3, 0.3, 4), tol=1e-9,
             why="Use every argument: n_bins, psi_threshold and ks_threshold."),
        Case("psi and ks are floats", ({"x": [0, 0, 1, 1]}, {"x": [0, 1, 1, 1]}),
             check=lambda got: None if isinstance(got[0]["psi"], float) and isinstance(got[0]["ks"], float)
             else "psi and ks should be floats"),
        Case("different column names raise ValueError",
             ({"chars": [1, 2]}, {"chars": [1, 2], "words": [3]}), raises=ValueError,
             why="A column missing from one sample is a broken log, not a column with no skew."),
        Case("a column renamed in prod raises ValueError",
             ({"chars": [1, 2]}, {"length": [1, 2]}), raises=ValueError,
             why="Compare the two sets of column names, not only their number."),
        Case("an empty dev column raises ValueError", ({"chars": []}, {"chars": [1, 2]}), raises=ValueError,
             why="Shares are undefined without values."),
        Case("an empty prod column raises ValueError", ({"chars": [1, 2]}, {"chars": []}), raises=ValueError,
             why="Shares are undefined without values, in prod as in dev."),
        Case("n_bins of 0 raises ValueError", ({"chars": [1, 2]}, {"chars": [1, 2]}), kwargs={"n_bins": 0},
             raises=ValueError),
    ]
