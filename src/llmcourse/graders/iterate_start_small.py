"""Grader for iterate_start_small: the lowest router threshold that reaches a target precision."""

from llmcourse.cases import Case


def threshold_for_precision():
    import numpy as np

    return [
        Case("the lowest threshold that reaches the target",
             ([0.9, 0.8, 0.7, 0.6, 0.5], [True, True, False, True, False], 0.75), expect=0.6, tol=1e-12,
             why="At 0.6 the router accepts 0.9, 0.8, 0.7 and 0.6: 3 of 4 in scope, precision 0.75. Higher "
                 "thresholds also reach it, but the lowest one keeps the most in-scope queries."),
        Case("a precision equal to the target counts",
             ([0.2, 0.4, 0.6, 0.8], [False, True, True, True], 0.75), expect=0.2, tol=1e-12,
             why="At 0.2 all four are accepted and 3 of 4 are in scope: 0.75 >= 0.75, so 0.2 qualifies."),
        Case("accepting means score >= threshold",
             ([0.3, 0.5, 0.5, 0.9], [False, True, True, True], 1.0), expect=0.5, tol=1e-12,
             why="At 0.5 the two queries scoring exactly 0.5 are accepted with 0.9: all in scope."),
        Case("ties are accepted or refused together",
             ([0.4, 0.6, 0.6, 0.8], [True, True, False, True], 0.8), expect=0.8, tol=1e-12,
             why="The two 0.6 queries (one in scope, one not) cannot be split: at 0.6 precision is 2/3, so "
                 "the threshold has to rise to 0.8."),
        Case("precision is not monotone: take the lowest, not the first from the top",
             ([0.9, 0.8, 0.7, 0.6], [True, False, True, True], 0.75), expect=0.6, tol=1e-12,
             why="At 0.8 precision is 1/2 but at 0.6 it is 3/4: scan the candidates from the lowest up and "
                 "stop at the first that reaches the target, instead of lowering from the top until it fails."),
        Case("no threshold reaches the target",
             ([0.9, 0.5, 0.1], [False, True, True], 0.9), expect=None,
             why="Even the highest threshold accepts only an out-of-scope query: return None, not a number."),
        Case("scores in any order, labels as 0/1",
             ([0.1, 0.7, 0.3, 0.9, 0.5], [0, 1, 0, 1, 1], 1.0), expect=0.5, tol=1e-12,
             why="Do not assume the scores are sorted; 0/1 labels count like False/True."),
        Case("numpy arrays are accepted",
             (np.array([0.1, 0.7, 0.3, 0.9, 0.5]), np.array([False, True, False, True, True]), 1.0),
             expect=0.5, tol=1e-12,
             why="Do not test a sequence with `if not scores`: that fails for numpy arrays."),
        Case("the answer is a plain float",
             (np.array([0.2, 0.7]), [False, True], 1.0),
             check=lambda got: None if type(got) is float else f"returned {type(got).__name__}, not a float"),
        Case("a single in-scope query",
             ([0.42], [True], 1.0), expect=0.42, tol=1e-12),
        Case("a single out-of-scope query",
             ([0.42], [False], 0.5), expect=None,
             why="Its only threshold accepts one query that is out of scope: precision 0, below 0.5."),
        Case("negative scores are scores too",
             ([-1.0, -0.5, 0.0], [False, True, True], 1.0), expect=-0.5, tol=1e-12),
        Case("a low target accepts everything",
             ([0.3, 0.6, 0.9], [False, False, True], 0.3), expect=0.3, tol=1e-12,
             why="At the lowest score, 1 of 3 is in scope: 0.33 >= 0.3."),
        Case("no scores raise ValueError", ([], [], 0.9), raises=ValueError),
        Case("different lengths raise ValueError", ([0.5, 0.6], [True], 0.9), raises=ValueError,
             why="zip() would silently drop the extra score."),
        Case("a target of 0 raises ValueError", ([0.5], [True], 0.0), raises=ValueError,
             why="Every threshold reaches a precision of 0, so the target must be above 0."),
        Case("a target above 1 raises ValueError", ([0.5], [True], 1.5), raises=ValueError),
        Case("a target of exactly 1 is allowed", ([0.5, 0.8], [False, True], 1.0), expect=0.8, tol=1e-12,
             why="The target interval is (0, 1]: 1.0 asks for a perfect precision, and 0.8 gives it."),
    ]
