# Generated from solutions/iterate_humans_at_center.py by `llmcourse assign`: edit the solution, not this file.
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
    # TODO: your code here
    raise NotImplementedError


# %%
check("iterate_humans_at_center.routing_policy", routing_policy)

# %% [markdown]
# Stuck? `hint("iterate_humans_at_center.routing_policy")` shows the next hint.
