# Generated from solutions/closing_one_to_n.py by `llmcourse assign`: edit the solution, not this file.
# %%
from llmcourse.notebook import check, hint
import math

# %% [markdown]
# The lesson scored one system on a demo set and on a representative set against service-level
# objectives. This exercise writes that comparison as a function, so that every demo in your team can be
# held to the same report before anyone calls it a product.
#
# ## Exercise: the demo-to-product gap report
#
# Write `gap_report(demo, representative, slo)`. `demo` and `representative` are lists of results, one
# per input, each a dict with the keys `"correct"` (bool), `"valid"` (bool: the answer had the required
# format) and `"latency_s"` (float, seconds). `slo` is a dict with exactly the keys `"accuracy"`,
# `"valid_rate"` and `"p95_latency_s"`.
#
# For each set compute three metrics:
#
# - `accuracy`: the share of results with `correct` true;
# - `valid_rate`: the share of results with `valid` true;
# - `p95_latency_s`: the nearest-rank 95th percentile of the latencies: sort them and take the item at
#   index `math.ceil(0.95 * n) - 1` (with 20 results that is the 19th smallest; with 10 it is the largest).
#
# A set **meets** an SLO when `accuracy >= slo["accuracy"]`, `valid_rate >= slo["valid_rate"]` and
# `p95_latency_s <= slo["p95_latency_s"]`, each checked on its own.
#
# Return a dict with two keys:
#
# - `"rows"`: a list of three dicts, in the order accuracy, valid_rate, p95_latency_s, each
#   `{"metric": name, "slo": slo[name], "demo": value, "representative": value, "demo_meets": bool,
#   "representative_meets": bool}`;
# - `"verdict"`: `"ready"` when the representative set meets all three SLOs (whatever the demo did);
#   `"demo only"` when the demo set meets all three but the representative set does not; `"not ready"`
#   otherwise.
#
# Do not round. Raise `ValueError` when either list is empty, when `slo` does not have exactly the three
# keys, or when a latency is negative.

# %%
def gap_report(demo: list[dict], representative: list[dict], slo: dict) -> dict:
    """The SLO scorecard of a demo set against a representative set, and the verdict it supports. See the
    exercise text for every convention."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("closing_one_to_n.gap_report", gap_report)

# %% [markdown]
# Stuck? `hint("closing_one_to_n.gap_report")` shows the next hint.
