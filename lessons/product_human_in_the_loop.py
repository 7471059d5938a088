# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# The report compares three ways to let an LLM categorize the products sellers upload to a shop: the
# seller picks and the model corrects in the background, the model picks and nobody looks, or the model
# *suggests* and the seller confirms or changes it. It prefers the third, for the seller's sake (no
# taxonomy to learn, the final word stays theirs) and for the team's: every accepted suggestion is a
# positive label, and every changed one is a negative label followed by a positive one
# ([Yan et al., 2024](https://applied-llms.org/#design-your-ux-for-human-in-the-loop)).
#
# That is a promise of free training data. This lesson puts numbers on it, with two questions an
# engineer should answer before building on it:
#
# 1. **Yield.** How many labels and preference pairs does a week of use produce?
# 2. **Noise.** How many of them are wrong, and which events can you drop to fix that?
#
# Both depend on how people actually use the interface, which we cannot observe in a course. So the
# main data is a **simulated** week, shipped with the course, with every assumption written down; the
# course's model then gives one measured input to the simulation: how often its own suggestions are right.
#
# ## The event log
#
# Fifty sellers list products for a week. For each product the interface shows a suggested category,
# and the seller accepts it, edits it (picks another) or dismisses the form. The assumptions, all made
# up for the course and listed in full in the data's README: 60% of suggestions are right; a fifth of
# the sellers are *rubber-stampers* who accept almost everything in well under a second; careful sellers
# accept 85% of right suggestions and edit 70% of wrong ones; sometimes an accepted category gets changed
# again later in the week. One column, `true_category`, exists only because this is a simulation: a
# real log never tells you the truth, and we use it only to *measure* the noise, never to filter.

# %%
from llmcourse.notebook import llm
from llmcourse.helpers import hitl, shipped

import matplotlib.pyplot as plt
import pandas as pd

events = shipped.load("product_human_in_the_loop", "events.csv")
events["final"] = events["final"].fillna("")
print(f"{len(events)} suggestions shown, {events['seller'].nunique()} sellers, {events['day'].nunique()} days")
events.head(8)

# %% [markdown]
# ## Yield: what a week gives you, taken at face value
#
# Read every event the way the report describes: an accept is a positive label for the suggested
# category; an edit is a negative label for the suggestion, a positive label for the seller's choice,
# and a **preference pair** (the seller's choice preferred over the suggestion), the kind of data used
# to tune a model towards what people prefer. A dismiss says nothing we can use: the seller may have
# been busy, or the suggestion may have been wrong.

# %%
def face_value_labels(log: pd.DataFrame) -> pd.DataFrame:
    """Every label the log offers, one row each, with the event it came from and whether it is wrong."""
    rows = []
    for e in log.itertuples(index=False):
        if e.action == "accept":
            rows.append((e.event, e.action, e.suggested, 1, e.true_category))
        elif e.action == "edit":
            rows += [(e.event, e.action, e.suggested, 0, e.true_category),
                     (e.event, e.action, e.final, 1, e.true_category)]
    labels = pd.DataFrame(rows, columns=["event", "source", "category", "label", "true_category"])
    # a positive label on a wrong category, or a negative one on the right category, is noise
    labels["wrong"] = (labels["label"] == 1) != (labels["category"] == labels["true_category"])
    return labels


raw = face_value_labels(events)
actions = events["action"].value_counts().reindex(["accept", "edit", "dismiss"])
yield_table = pd.DataFrame({
    "events": actions,
    "share of suggestions": (actions / len(events)).round(3),
    "labels": raw.groupby("source").size().reindex(actions.index, fill_value=0),
    "wrong labels": raw.groupby("source")["wrong"].sum().reindex(actions.index, fill_value=0),
})
yield_table["preference pairs"] = [0, actions["edit"], 0]
yield_table

# %%
print(f"Acceptance rate: {actions['accept'] / len(events):.0%} of suggestions shown. "
      f"At face value the week yields {len(raw)} labels and {actions['edit']} preference pairs, "
      f"and {raw['wrong'].mean():.1%} of the labels are wrong.")

# %% [markdown]
# Two things to notice. The yield is generous: a label or more for most suggestions shown, at no
# annotation cost. And the noise sits mostly in the accepts: an accept is the cheapest action in the
# interface, so it is also the one people take without looking.
#
# For a sense of scale from a real product: in a study of GitHub Copilot, Ziegler et al. define the
# acceptance rate as the share of shown completions that the developer accepts; it was 27% in their
# data, with more than 31 completions accepted per user per day on average. They also found that this
# acceptance rate went with developers' own sense of being more productive more closely than measures of
# whether the accepted code was still there later [@ziegler2022copilot]. Code completion is a different
# job from picking a category, so do not compare the rates directly; the point is that acceptance is
# what such tools log and report, and it is cheap to collect at scale.
#
# ## Noise: which events not to trust
#
# The log has no truth column in real life, so the filters must use only what the interface records.
# Four signals, each with its reason:
#
# - **fast accept**: accepted in under 1 second, quicker than anyone can read a suggestion;
# - **changed later**: accepted, then changed again by the same seller later in the week;
# - **rubber-stamp seller**: a seller with at least 10 suggestions who accepted at least 90% of them;
#   their accepts say little about the suggestions (their edits still took effort, and are kept);
# - **no-op edit**: an edit that ends on the suggested category, so it is neither a correction nor
#   an endorsement we can read.

# %%
MIN_SECONDS, STAMP_SHARE, MIN_EVENTS = 1.0, 0.9, 10

per_seller = events.groupby("seller")["action"].agg(n="size", accept_share=lambda a: (a == "accept").mean())
stampers = set(per_seller[(per_seller["n"] >= MIN_EVENTS) & (per_seller["accept_share"] >= STAMP_SHARE)].index)
accept, edit = events["action"].eq("accept"), events["action"].eq("edit")
flags = pd.DataFrame({
    "fast accept": accept & (events["seconds"] < MIN_SECONDS),
    "changed later": accept & events["changed_later"],
    "rubber-stamp seller": accept & events["seller"].isin(stampers),
    "no-op edit": edit & (events["final"] == events["suggested"]),
}, index=events.index)
events["trusted"] = ~flags.any(axis=1)

wrong_by_event = raw.groupby("event")["wrong"].agg(["sum", "size"])
signal_rows = {}
for name in flags.columns:
    caught = events.loc[flags[name], "event"]
    w = wrong_by_event.reindex(caught).fillna(0)
    signal_rows[name] = {"events": len(caught), "labels they carry": int(w["size"].sum()),
                         "share of those labels that are wrong": w["sum"].sum() / max(w["size"].sum(), 1)}
kept = raw[raw["event"].isin(events.loc[events["trusted"], "event"])]
signal_rows["(kept: no flag)"] = {"events": int(events["trusted"].sum()), "labels they carry": len(kept),
                                  "share of those labels that are wrong": kept["wrong"].mean()}
print(f"{len(stampers)} of {events['seller'].nunique()} sellers look like rubber-stampers")
pd.DataFrame(signal_rows).T.round(3)

# %% [markdown]
# An event can raise several flags (a rubber-stamper's accepts are usually fast too), so the rows
# overlap. Read the last column: the flagged events carry labels that are wrong far more often than
# the ones that pass every filter. Dropping them costs yield and buys accuracy:

# %%
summary = pd.DataFrame({
    "face value": {"labels": len(raw), "preference pairs": int(edit.sum()), "wrong labels": int(raw["wrong"].sum()),
                   "share wrong": raw["wrong"].mean()},
    "trusted only": {"labels": len(kept), "preference pairs": int((edit & events["trusted"]).sum()),
                     "wrong labels": int(kept["wrong"].sum()), "share wrong": kept["wrong"].mean()},
})
summary.loc["share wrong"] = summary.loc["share wrong"].round(3)
summary

# %%
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.4))
left.bar(summary.columns, summary.loc["labels"], color=["tab:gray", "tab:blue"])
left.set(title="Labels from one simulated week", ylabel="labels")
right.bar(summary.columns, 100 * summary.loc["share wrong"].astype(float), color=["tab:gray", "tab:blue"])
right.set(title="Share of labels that are wrong", ylabel="% wrong")
fig.suptitle("Dropping untrusted events: fewer labels, much less noise (simulation)", fontsize=11)
fig.tight_layout()
plt.show()

# %% [markdown]
# Even the trusted labels are not clean: careful sellers still accept some wrong suggestions and
# sometimes edit to another wrong category, and no filter on the log can see that. This remaining noise
# is why a team still reviews a sample of such labels by hand before training on them.
#
# ## What the model's accuracy does to the yield
#
# The simulation assumed 60% of suggestions are right. The course's model gives us a measured figure
# instead: we ask it for the category of the ten invented products of the lesson
# `product_design_early`, with the same prompt and worked examples, and count how often it names the
# right one.

# %%
listing_data = shipped.load("product_design_early", "listings.toml")
CATEGORIES = listing_data["categories"]
SYSTEM = (f"Sort each product into one category of an online shop: {', '.join(CATEGORIES)}. "
          "Reply with the category only.")
SHOTS = [("Non-stick frying pan, 28 cm", "kitchen"), ("Children's picture book about owls", "books"),
         ("Hiking backpack, 30 litres", "outdoor")]
replies = []
for item in listing_data["listings"]:
    turns = [{"role": "system", "content": SYSTEM}]
    for product, category in SHOTS:
        turns += [{"role": "user", "content": product}, {"role": "assistant", "content": category}]
    reply = llm.chat(turns + [{"role": "user", "content": item["title"]}], max_tokens=5)
    word = reply.strip().strip(".!\"'`*").lower()
    replies.append({"product": item["title"], "right category": item["category"], "reply": reply,
                    "valid": word in CATEGORIES, "right": word == item["category"]})
replies = pd.DataFrame(replies)
measured = replies["right"].mean()
print(f"The model named the right category for {replies['right'].sum()} of {len(replies)} products "
      f"({measured:.0%}); {replies['valid'].sum()} replies were a category from the list at all.")
replies

# %% [markdown]
# Ten products give a rough figure (each one is ten points), but it is a real one. Now rerun the week
# with that accuracy, and with a range of others, keeping every other assumption and the filters fixed:

# %%
def week_numbers(p_correct: float) -> dict:
    log = hitl.simulate_week(p_correct=p_correct)
    labels = face_value_labels(log)
    seller = log.groupby("seller")["action"].agg(n="size", share=lambda a: (a == "accept").mean())
    stamp = set(seller[(seller["n"] >= MIN_EVENTS) & (seller["share"] >= STAMP_SHARE)].index)
    acc, ed = log["action"].eq("accept"), log["action"].eq("edit")
    untrusted = ((acc & ((log["seconds"] < MIN_SECONDS) | log["changed_later"] | log["seller"].isin(stamp)))
                 | (ed & (log["final"] == log["suggested"])))
    good = labels[labels["event"].isin(log.loc[~untrusted, "event"])]
    return {"suggestions right": p_correct, "acceptance rate": acc.mean(),
            "trusted positives": int((good["label"] == 1).sum()), "trusted negatives": int((good["label"] == 0).sum()),
            "trusted pairs": int((ed & ~untrusted).sum()),
            "wrong, face value": labels["wrong"].mean(), "wrong, trusted": good["wrong"].mean()}


sweep = pd.DataFrame([week_numbers(p) for p in sorted({0.1, 0.3, 0.5, 0.7, 0.9, round(float(measured), 2)})])
sweep.round(3)

# %%
fig, (left, right) = plt.subplots(1, 2, figsize=(9.5, 3.6))
# every trusted negative comes from a trusted edit, with its pair: one line serves for both
for column, colour in (("trusted positives", "tab:green"), ("trusted pairs", "tab:purple")):
    left.plot(sweep["suggestions right"], sweep[column], marker="o", color=colour, label=column)
left.axvline(measured, color="black", ls="--", lw=1, label="this model, measured")
left.set(xlabel="share of suggestions that are right", ylabel="per simulated week",
         title="Yield (negatives = pairs)")
left.legend(fontsize=8)
right.plot(sweep["suggestions right"], 100 * sweep["wrong, face value"], marker="o", color="tab:gray", label="face value")
right.plot(sweep["suggestions right"], 100 * sweep["wrong, trusted"], marker="o", color="tab:blue", label="trusted only")
right.axvline(measured, color="black", ls="--", lw=1)
right.set(xlabel="share of suggestions that are right", ylabel="% of labels wrong", title="Noise")
right.legend(fontsize=8)
fig.tight_layout()
plt.show()

# %% [markdown]
# Each row is one simulated week. The simulation draws the same random numbers for every setting, so
# rows differ where the accuracy matters, but each is still a single week: read the trend, not the
# third digit.
#
# The sweep shows a trade the report's example hides. A weak model produces *more* corrections, so more
# negatives and more preference pairs, which are the most informative data for improving it; a strong
# model produces mostly positives, and its pairs dry up. Noise runs the other way: the worse the
# suggestions, the more damage a rubber-stamped accept does, and the bigger the gain from filtering. At
# an accuracy as low as the one measured for the course's tiny model, most suggestions are wrong and
# careful sellers spend their time correcting them, which makes the feature a data-collection tool more
# than a time-saver; whether sellers put up with that is a design question, not a modelling one.
#
# The simulation cannot tell you your own product's numbers: its rates are assumptions, and real users
# dismiss, hesitate and come back in ways no short list of probabilities captures. What carries over is
# the method: log every event with its timing and what happened after, count the labels per week, and
# hand-check a sample of each event type to learn its noise before trusting it.
#
# ## What to take away
#
# - Design the interface so the model suggests and the user decides: it keeps the user in control and
#   turns every decision into a label. Accepts give positives, edits give a negative, a positive and a
#   preference pair; dismisses give nothing you can trust.
# - Log enough to judge each event later: time to act, who acted, and whether the result was changed
#   afterwards. Without those columns you cannot filter.
# - Count the yield per week and measure the noise per event type before training on it. Accepts are
#   cheap, so they are the noisiest: drop the instant ones and those of users who accept everything.
# - The model's accuracy changes the mix: corrections (and pairs) come from a model that is often wrong,
#   positives from one that is often right. Plan the data you need with the accuracy you have.
