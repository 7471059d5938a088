"""Cases for iterate_llmops: cycle-time statistics (n, median, p90 per stage) from an untidy event log."""

from __future__ import annotations

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {}

_EMPTY = {"n": 0, "median": None, "p90": None}


def _e(iteration, stage, at):
    return {"iteration": iteration, "stage": stage, "at": at}


def _full(iteration, change, evaluated, decided):
    return [_e(iteration, "change", change), _e(iteration, "eval", evaluated), _e(iteration, "decision", decided)]


def _stat(values):
    """n, median and numpy-style linear p90 of `values`, computed without numpy."""
    if not values:
        return dict(_EMPTY)
    ordered = sorted(values)
    n = len(ordered)
    mid = n // 2
    median = ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2
    rank = 0.9 * (n - 1)
    low = int(rank)
    high = min(low + 1, n - 1)
    p90 = ordered[low] + (ordered[high] - ordered[low]) * (rank - low)
    return {"n": n, "median": float(median), "p90": float(p90)}


def _expect(c2e, e2d, c2d, incomplete):
    return {"change_to_eval": _stat(c2e), "eval_to_decision": _stat(e2d), "change_to_decision": _stat(c2d),
            "incomplete": incomplete}


# Ten complete iterations with different durations, shuffled, so the median and p90 interpolate.
_TEN = [ev for i in range(10) for ev in _full(i, 10.0 * i, 10.0 * i + (i * 7) % 11 + 1, 10.0 * i + (i * 7) % 11 + 1
                                               + (i * 3) % 5)]
_TEN = _TEN[::3] + _TEN[1::3] + _TEN[2::3]
_TEN_C2E = [(i * 7) % 11 + 1.0 for i in range(10)]
_TEN_E2D = [float((i * 3) % 5) for i in range(10)]


def cycle_time_stats():
    one = _full("a", 0.0, 4.0, 10.0)
    return [
        Case("one complete iteration",
             (one,), expect=_expect([4.0], [6.0], [10.0], []), tol=1e-9,
             why="Change at 0 h, eval at 4 h, decision at 10 h: 4 h, 6 h and 10 h, with n = 1 in each stage."),
        Case("the median of an even count is the mean of the middle two",
             (_full(1, 0.0, 2.0, 3.0) + _full(2, 0.0, 4.0, 5.0),), expect=_expect([2.0, 4.0], [1.0, 1.0], [3.0, 5.0], []),
             tol=1e-9, why="Two iterations: the median of 2 h and 4 h is 3 h, and p90 interpolates to 3.8 h."),
        Case("p90 interpolates linearly, as numpy.percentile does",
             (_TEN,), expect=_expect(_TEN_C2E, _TEN_E2D, [a + b for a, b in zip(_TEN_C2E, _TEN_E2D)], []), tol=1e-9,
             why="Ten iterations: p90 sits at rank 0.9 * (n - 1) = 8.1 of the sorted durations, between the 9th "
                 "and 10th values. Nearest-rank or a max is not what numpy.percentile(d, 90) returns."),
        Case("events in any order",
             ([_e(5, "decision", 9.0), _e(5, "change", 1.0), _e(5, "eval", 3.0)],),
             expect=_expect([2.0], [6.0], [8.0], []), tol=1e-9,
             why="Do not assume the log is sorted: match events by iteration and stage, not by position."),
        Case("a re-run eval: the earliest counts",
             (_full(1, 0.0, 5.0, 20.0) + [_e(1, "eval", 12.0)],), expect=_expect([5.0], [15.0], [20.0], []), tol=1e-9,
             why="The eval ran at 5 h and again at 12 h: first feedback arrived at 5 h, so change_to_eval is 5 h and "
                 "eval_to_decision 15 h. Keeping the last eval gives 12 h and 8 h."),
        Case("a repeated event logged later first",
             ([_e(1, "decision", 30.0), _e(1, "change", 4.0), _e(1, "change", 2.0), _e(1, "eval", 6.0),
               _e(1, "decision", 10.0)],), expect=_expect([4.0], [4.0], [8.0], []), tol=1e-9,
             why="The earliest time of each stage counts, whatever order the events come in: change at 2 h, "
                 "decision at 10 h. Keeping the first one seen is not the same."),
        Case("an abandoned change is left out, not counted as zero",
             (_full(1, 0.0, 4.0, 6.0) + [_e(2, "change", 1.0)] + _full(3, 2.0, 8.0, 9.0),),
             expect=_expect([4.0, 6.0], [2.0, 1.0], [6.0, 7.0], [2]), tol=1e-9,
             why="Iteration 2 has only a change: it belongs in no stage's statistics (n is 2 everywhere) and it "
                 "is listed as incomplete."),
        Case("an iteration counts in the stages it has both ends for",
             ([_e("base", "eval", 0.0), _e("base", "decision", 3.0)] + _full("x", 1.0, 2.0, 4.0)
              + [_e("y", "change", 2.0), _e("y", "eval", 10.0)],),
             expect=_expect([1.0, 8.0], [3.0, 2.0], [3.0], ["base", "y"]), tol=1e-9,
             why="'base' has no change but an eval and a decision: it counts in eval_to_decision. 'y' has no "
                 "decision yet but counts in change_to_eval. Drop only the stages an iteration lacks."),
        Case("incomplete iterations in order of first appearance",
             ([_e("z", "change", 5.0), _e("b", "eval", 1.0), _e("m", "decision", 9.0), _e("b", "change", 0.0)],),
             expect=_expect([1.0], [], [], ["z", "b", "m"]), tol=1e-9,
             why="List them in the order each iteration first appears in the events, not sorted."),
        Case("a stage with no complete iteration has n 0 and None",
             ([_e(1, "change", 0.0), _e(1, "eval", 2.0)],), expect=_expect([2.0], [], [], [1]), tol=1e-9,
             why="No iteration has an eval and a decision: eval_to_decision is {'n': 0, 'median': None, "
                 "'p90': None}, not 0.0 and not an error."),
        Case("an empty log",
             ([],), expect=_expect([], [], [], []),
             why="No events: every stage has n 0 with None statistics, and nothing is incomplete."),
        Case("a duration of zero is fine",
             (_full(1, 3.0, 3.0, 3.0),), expect=_expect([0.0], [0.0], [0.0], []), tol=1e-9,
             why="An eval logged the same hour as its change takes 0 h; that is not a broken log."),
        Case("the statistics are floats",
             (_full(1, 0, 2, 5) + _full(2, 0, 4, 5),),
             check=lambda got: None if all(isinstance(got[k][s], float) for k in
                                           ("change_to_eval", "eval_to_decision", "change_to_decision")
                                           for s in ("median", "p90"))
             else "median and p90 must be plain Python floats (float(...)), also for integer hours"),
        Case("a decision before its eval raises ValueError",
             (_full(1, 0.0, 5.0, 4.0),), raises=ValueError,
             why="The decision (4 h) comes before the eval (5 h): the log is broken; do not report a negative time."),
        Case("an eval before its change raises ValueError",
             (_full(1, 6.0, 5.0, 9.0),), raises=ValueError,
             why="The eval (5 h) comes before the change (6 h): a negative change_to_eval means a broken log."),
        Case("a decision before its change, with no eval, raises ValueError",
             ([_e(1, "change", 6.0), _e(1, "decision", 2.0)],), raises=ValueError,
             why="change_to_decision is checked too, even when the iteration has no eval."),
        Case("an unknown stage raises ValueError",
             (_full(1, 0.0, 1.0, 2.0) + [_e(1, "deploy", 3.0)],), raises=ValueError,
             why="Only change, eval and decision are stages; a typo in a log should stop the report, not vanish."),
    ]
