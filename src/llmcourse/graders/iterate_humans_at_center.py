"""Cases for iterate_humans_at_center: a confidence threshold that keeps the errors users see within a
target, and the human workload it creates."""

from __future__ import annotations

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {}


def _policy(threshold, automated, n, wrong, volume=1000, minutes=2.0):
    to_human = n - automated
    return {"threshold": threshold, "automated": automated, "to_human": to_human, "workload": to_human / n,
            "error": wrong / n, "review_hours": to_human / n * volume * minutes / 60}


# Ten items, most confident first; the wrong ones sit at 0.7 and 0.3 and 0.2.
CONF = [0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2]
OK = [True, True, True, True, False, True, True, True, False, False]


def routing_policy() -> list[Case]:
    return [
        Case("a target that allows no error", args=(CONF, OK, 0.0), expect=_policy(0.8, 4, 10, 0), tol=1e-9,
             why="With max_error 0 the lowest threshold without an automated mistake is 0.8 (the item at 0.7 is "
                 "wrong): automate 4 items, route 6, workload 0.6, and 6 * 1000 / 10 * 2 / 60 = 20 hours a day"),
        Case("one error in ten is allowed", args=(CONF, OK, 0.1), expect=_policy(0.4, 8, 10, 1), tol=1e-9,
             why="Errors are counted over all 10 items: automating down to 0.4 ships one mistake (the 0.7 item), "
                 "1 / 10 = 0.1 <= 0.1. Going down to 0.3 would ship a second. Pick the lowest threshold that "
                 "stays within the target, and compare with <="),
        Case("error over all items, not over the automated ones", args=(CONF, OK, 0.12), expect=_policy(0.4, 8, 10, 1),
             tol=1e-9,
             why="At 0.4 one of the 8 automated answers is wrong: that is 1/8 = 0.125 of the automated ones, "
                 "above 0.12, but the error rate is over all items, 1/10 = 0.1, within 0.12 (and 0.3 would give "
                 "2/10 = 0.2). Divide by the number of all items"),
        Case("a loose target automates everything", args=(CONF, OK, 0.3), expect=_policy(0.2, 10, 10, 3), tol=1e-9,
             why="3 wrong out of 10 is 0.3 <= 0.3: the lowest confidence, 0.2, is the threshold and nothing "
                 "goes to a person (workload 0, no review hours)"),
        Case("nothing meets the target", args=([0.9, 0.6], [False, True], 0.0), expect=_policy(None, 0, 2, 0),
             tol=1e-9,
             why="The most confident item is wrong, so every threshold ships a mistake: automate nothing, "
                 "threshold None, workload 1.0, error 0.0"),
        Case("ties at the threshold are automated", args=([0.9, 0.7, 0.7, 0.5], [True, True, True, False], 0.0),
             expect=_policy(0.7, 3, 4, 0), tol=1e-9,
             why="Items with confidence equal to the threshold are automated (>=): at 0.7 three items go out, "
                 "all right"),
        Case("a tie that hides a mistake", args=([0.9, 0.7, 0.7, 0.5], [True, True, False, True], 0.0),
             expect=_policy(0.9, 1, 4, 0), tol=1e-9,
             why="Both items at 0.7 are automated together once the threshold is 0.7, and one of them is wrong: "
                 "you cannot automate half a tie, so the threshold stays at 0.9"),
        Case("the order of the items does not matter", args=([0.3, 0.95, 0.5, 0.8], [True, True, False, True], 0.25),
             expect=_policy(0.3, 4, 4, 1), tol=1e-9,
             why="The items come in any order: at 0.3 all four are automated with one mistake, 1/4 = 0.25, "
                 "within the target"),
        Case("the lowest passing threshold, not the highest", args=([0.9, 0.8, 0.6], [True, True, True], 0.0),
             expect=_policy(0.6, 3, 3, 0), tol=1e-9,
             why="Every threshold is error-free here; choose the lowest, 0.6, which automates the most"),
        Case("the error count only grows as the threshold falls", args=([0.9, 0.8, 0.6, 0.5], [True, False, True, True],
                                                                        0.25),
             expect=_policy(0.5, 4, 4, 1), tol=1e-9,
             why="The wrong item at 0.8 costs 1/4 = 0.25 at every threshold from 0.8 down, all within 0.25: "
                 "the lowest threshold, 0.5, automates everything"),
        Case("volume and minutes set the hours", args=(CONF, OK, 0.0), kwargs={"daily_volume": 600, "minutes_each": 5},
             expect=_policy(0.8, 4, 10, 0, 600, 5), tol=1e-9,
             why="review_hours = workload * daily_volume * minutes_each / 60 = 0.6 * 600 * 5 / 60 = 30: use the "
                 "arguments, and divide minutes by 60"),
        Case("no volume, no hours", args=(CONF, OK, 0.1), kwargs={"daily_volume": 0, "minutes_each": 3},
             expect=_policy(0.4, 8, 10, 1, 0, 3), tol=1e-9,
             why="A volume of 0 is allowed and needs 0 review hours"),
        Case("confidences at the ends of [0, 1]", args=([1.0, 0.0], [True, True], 0.0),
             kwargs={"minutes_each": 0}, expect=_policy(0.0, 2, 2, 0, 1000, 0), tol=1e-9,
             why="0 and 1 are valid confidences, and 0 minutes each is valid too: automate both, 0 hours"),
        Case("the threshold is one of the confidences", args=([0.72, 0.55, 0.31], [True, True, False], 0.0),
             check=lambda got: None if isinstance(got, dict) and got.get("threshold") == 0.55 else
             "the threshold should be 0.55, the lowest confidence that keeps errors at 0, not a rounded or "
             "midpoint value",
             why="Return the confidence itself as the threshold"),
        Case("no items", args=([], [], 0.1), raises=ValueError,
             why="With no labelled items there is nothing to measure a policy on: raise ValueError"),
        Case("lengths differ", args=([0.9, 0.8], [True], 0.1), raises=ValueError,
             why="Each confidence needs its own correctness label: raise ValueError when the lengths differ"),
        Case("a confidence above 1", args=([1.2, 0.8], [True, True], 0.1), raises=ValueError,
             why="A confidence is a probability in [0, 1]: 1.2 is a bug upstream, raise ValueError"),
        Case("a negative confidence", args=([-0.1, 0.8], [True, True], 0.1), raises=ValueError,
             why="A confidence below 0 is not a probability: raise ValueError"),
        Case("a target given as a percentage", args=(CONF, OK, 5), raises=ValueError,
             why="max_error is a share in [0, 1]; 5 looks like 5%: raise ValueError"),
        Case("a negative target", args=(CONF, OK, -0.01), raises=ValueError,
             why="No policy has a negative error rate: raise ValueError"),
        Case("a negative volume", args=(CONF, OK, 0.1), kwargs={"daily_volume": -1}, raises=ValueError,
             why="A negative number of messages a day is an input error: raise ValueError"),
        Case("negative minutes", args=(CONF, OK, 0.1), kwargs={"minutes_each": -2}, raises=ValueError,
             why="A review cannot take negative time: raise ValueError"),
    ]
