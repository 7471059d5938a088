# Generated from solutions/product_human_in_the_loop.py by `llmcourse assign`: edit the solution, not this file.
# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# The lesson counted the labels a week of suggestions yields and showed which events carry most of the
# noise. Here you write the step that sits between the event log and a training set: turn events into
# labelled examples and preference pairs, and drop the events that cannot be trusted.
#
# ## Exercise: from an event log to training data
#
# Each event is a dict with (at least) these keys: `"seller"`, `"product"`, `"suggested"` (the category
# the model suggested), `"final"` (the category after the seller's action, `""` after a dismiss),
# `"action"` (`"accept"`, `"edit"` or `"dismiss"`), `"seconds"` (time from showing the suggestion to the
# action) and `"changed_later"` (True when an accepted category was changed again later).
#
# Write `training_data(events, min_seconds=1.0, stamp_share=0.9, min_events=10)` that returns
# `{"labels": [...], "pairs": [...]}`, going through the events in order:
#
# - **accept** gives one label `{"product": ..., "category": suggested, "label": 1}`, unless the event
#   cannot be trusted: it took less than `min_seconds` (exactly `min_seconds` is trusted), or
#   `changed_later` is True, or the seller is a rubber-stamper (below). Untrusted accepts give nothing.
# - **edit** gives two labels, first `{"product": ..., "category": suggested, "label": 0}` then
#   `{"product": ..., "category": final, "label": 1}`, and one pair
#   `{"product": ..., "chosen": final, "rejected": suggested}`, unless `final` is empty or equal to
#   `suggested` (a no-op edit), which gives nothing. Edits count whoever made them: correcting takes
#   effort, even for a rubber-stamper.
# - **dismiss** gives nothing.
#
# A seller is a **rubber-stamper** when they have at least `min_events` events in the log (all actions
# count) and the share of those that are accepts is at least `stamp_share`. Compute this over the whole
# log before you build any label. An action other than the three above is an error in the log: raise
# `ValueError` naming it, before returning anything. An empty log gives `{"labels": [], "pairs": []}`.

# %%
ACTIONS = ("accept", "edit", "dismiss")


def training_data(events: list[dict], min_seconds: float = 1.0, stamp_share: float = 0.9,
                  min_events: int = 10) -> dict:
    """Labels and preference pairs from trusted events, by the rules above."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("product_human_in_the_loop.training_data", training_data)

# %% [markdown]
# Stuck? `hint("product_human_in_the_loop.training_data")` shows the next hint. Once it passes, try it on
# the lesson's log: `training_data(shipped.load("product_human_in_the_loop", "events.csv").fillna("")
# .to_dict("records"))` (after `from llmcourse.helpers import shipped`).

# %%
# On the shipped week this gives 915 labels and 230 pairs from 1093 suggestions, against 1176 labels and
# 245 pairs taken at face value: the filters drop about a fifth of the labels, almost all of them accepts,
# and (the lesson measured it with the simulation's hidden truth) cut the share of wrong labels from about
# 13% to about 4%. Lower min_seconds or raise stamp_share and you keep more labels, and more of the noise
# with them.
