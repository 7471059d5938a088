# Generated from solutions/product_hierarchy_of_needs.py by `llmcourse assign`: edit the solution, not this file.
# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# The lesson turned "reliable" into shares of good requests and compared them with an objective. This
# exercise packs that arithmetic into one function you can point at any log of requests: a load test, a
# day of production traffic, or the call ledger.
#
# ## Exercise: an SLO evaluator with a burn rate
#
# Write `slo_report(latencies, threshold_s, objective)`.
#
# - `latencies` holds one entry per request: its latency in seconds (an `int` or a `float`), or `None`
#   for a request that failed (a timeout, a lost connection, a server error).
# - A request is **good** when it did not fail and its latency is at most `threshold_s`. A latency exactly
#   equal to the threshold is good. A failed request is bad, and it still counts in the total: leaving it
#   out would make an outage improve your SLI.
# - `objective` is the target share of good requests, such as `0.999`.
#
# Return a dict with exactly these four keys:
#
# - `"requests"`: the number of requests;
# - `"good"`: the number of good requests;
# - `"sli"`: good / requests;
# - `"burn_rate"`: the share of bad requests divided by the share the objective allows, that is
#   `(1 - sli) / (1 - objective)`. A burn rate of 1 uses the error budget exactly over the window; 0 means
#   no bad request at all.
#
# Do not round anything. Raise `ValueError` with a message when there are no requests, when `objective` is
# not strictly between 0 and 1 (an objective of 1 leaves no budget, so no burn rate exists), when
# `threshold_s` is not positive, or when a latency is negative.

# %%
def slo_report(latencies: list[float | None], threshold_s: float, objective: float) -> dict:
    """Requests, good requests, the SLI and the error-budget burn rate of one window of requests.

    `latencies` has one entry per request, in seconds, or None for a failed request. A request is good
    when it did not fail and took at most `threshold_s`. Raises ValueError on an empty list, an objective
    outside (0, 1), a threshold that is not positive, or a negative latency.
    """
    # TODO: your code here
    raise NotImplementedError


# %%
check("product_hierarchy_of_needs.slo_report", slo_report)

# %% [markdown]
# Stuck? `hint("product_hierarchy_of_needs.slo_report")` shows the next hint. Once it passes, feed it the
# latencies of the lesson's load test (`llm.ledger.table()["latency_s"].tolist()` after a few calls of your
# own) and compare the burn rate at one and at four requests in flight.
