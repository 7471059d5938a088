# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# The lesson drew the curve that a confidence threshold moves along: errors users see against messages
# a person has to read. This exercise turns a target on that curve into a policy, and the policy into
# the workload it creates, so that "how many people do we need behind this feature?" has an answer that
# comes from measured data.
#
# ## Exercise: a routing policy and its expected workload
#
# Write `routing_policy(confidence, correct, max_error, daily_volume=1000, minutes_each=2.0)`.
# `confidence[i]` is the system's confidence on labelled item `i` and `correct[i]` says whether its answer
# was right. A policy with threshold `t` **automates** every item with `confidence >= t` and sends every
# other item to a person, who is assumed to get it right.
#
# - The **error rate** of a policy is the number of items that are automated *and* not correct, divided by
#   the number of **all** items (not only the automated ones).
# - The candidate thresholds are the distinct values in `confidence`. Choose the **lowest** candidate whose
#   error rate is at most `max_error` (`<=`): it automates the most items within the target.
# - If no candidate meets the target, automate nothing: the threshold is `None`.
#
# Return a dict with exactly these keys:
#
# - `"threshold"`: the chosen threshold (one of the confidences), or `None`;
# - `"automated"` and `"to_human"`: how many items the policy automates and routes to a person (ints);
# - `"workload"`: `to_human` divided by the number of items;
# - `"error"`: the chosen policy's error rate (0.0 when nothing is automated);
# - `"review_hours"`: the person-hours a day the policy needs, `workload * daily_volume * minutes_each / 60`.
#
# Do not round. Raise `ValueError` when `confidence` is empty, when `confidence` and `correct` differ in
# length, when a confidence lies outside `[0, 1]`, when `max_error` lies outside `[0, 1]`, or when
# `daily_volume` or `minutes_each` is negative.

# %%
def routing_policy(confidence: list[float], correct: list[bool], max_error: float, daily_volume: float = 1000,
                   minutes_each: float = 2.0) -> dict:
    """The lowest confidence threshold whose error rate over all items is at most max_error, with the
    workload and the person-hours a day it implies. See the exercise text for every convention."""
    # BEGIN SOLUTION
    n = len(confidence)
    if n == 0:
        raise ValueError("no items: the policy needs labelled items to be measured on")
    if len(correct) != n:
        raise ValueError(f"{n} confidences but {len(correct)} correctness labels")
    if any(not 0 <= c <= 1 for c in confidence):
        raise ValueError("every confidence must lie in [0, 1]")
    if not 0 <= max_error <= 1:
        raise ValueError("max_error is a share of all items, in [0, 1]")
    if daily_volume < 0 or minutes_each < 0:
        raise ValueError("daily_volume and minutes_each cannot be negative")
    threshold, automated, wrong = None, 0, 0
    for t in sorted(set(confidence), reverse=True):
        auto = [ok for c, ok in zip(confidence, correct) if c >= t]
        errors = sum(1 for ok in auto if not ok)
        if errors / n > max_error:
            break
        threshold, automated, wrong = t, len(auto), errors
    to_human = n - automated
    workload = to_human / n
    return {"threshold": threshold, "automated": automated, "to_human": to_human, "workload": workload,
            "error": wrong / n, "review_hours": workload * daily_volume * minutes_each / 60}
    # Reading it on the lesson's data: with a 2% target on the 400 BANKING77 messages the policy picks a
    # threshold near 0.47 and routes 160 messages (40%) to a person: about 13 person-hours a day at 1,000
    # messages and 2 minutes each. A 5% target routes 30.5% (about 10 hours); a 0.5% target routes 65%
    # (about 22 hours): the last errors are the most expensive to remove, in hours of reading. The
    # error count only grows as the threshold falls, so the search can stop at the first one that fails.
    # END SOLUTION


# %%
check("iterate_humans_at_center.routing_policy", routing_policy)

# %% [markdown]
# Stuck? `hint("iterate_humans_at_center.routing_policy")` shows the next hint.
