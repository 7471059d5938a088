# %% [markdown]
# Evaluation tools are easy to adopt and easy to misuse. The report's advice is to learn the process
# underneath them first: look at real outputs, decide what counts as a defect, write checks, and measure
# those checks against your own judgement before trusting them
# ([Yan et al., 2024](https://applied-llms.org/#focus-on-the-process-not-tools)). A tool that writes
# assertions for you still needs someone who knows what a good output is, and how to tell whether an
# assertion agrees with that person.
#
# Two research systems make the process concrete. SPADE proposes candidate assertions for an LLM
# pipeline and then keeps a small subset that covers the known bad outputs without failing too many
# good ones; on nine pipelines it needed 14% fewer assertions and raised 21% fewer false failures than
# simpler baselines [@shankar2024spade]. EvalGen puts a person in that loop: the person grades a sample
# of outputs, and the grades decide which candidate assertions are kept. Its user study also found that
# people refine their criteria while grading, which the authors call *criteria drift*
# [@shankar2024validators]. Neither system removes the human step; both are built around it.
#
# This lesson runs the process by hand, on the course's model, in four steps:
#
# 1. generate outputs for a small product-blurb task;
# 2. label them (the labels ship with the course: one person's reading of each output);
# 3. write a dozen cheap candidate assertions;
# 4. measure each against the labels, and choose the smallest set that catches the most defects while
#    failing at most a given share of the good outputs.
#
# ## Step 1: outputs to judge
#
# The task: a one-sentence blurb for a shop, which must state the price, use no exclamation marks and
# say nothing about discounts. Two prompt versions, sixteen products each: the first gives only the
# rules, the second adds one example blurb. The model has 135M parameters, so expect many defects; that
# is useful here, since we need bad outputs to catch.

# %%
from llmcourse.notebook import llm
from llmcourse.helpers import shipped
import itertools
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

# %%
PRODUCTS = [("a steel water bottle", "$24"), ("wireless earbuds", "$59"), ("a wool beanie", "$18"),
            ("a cast-iron skillet", "$35"), ("a desk lamp", "$42"), ("a yoga mat", "$29"),
            ("a paperback atlas", "$15"), ("a chef's knife", "$80"), ("a rain jacket", "$95"),
            ("a ceramic mug", "$12"), ("a phone tripod", "$22"), ("hiking socks", "$14"),
            ("a leather wallet", "$45"), ("a kitchen scale", "$27"), ("a travel pillow", "$19"),
            ("a bike helmet", "$65")]
SYSTEM = {
    "rules only": "You write short product blurbs for an online shop.",
    "with example": ("You write short product blurbs for an online shop. Example: for a linen tea towel "
                     "that costs $9, write: Soft linen tea towel that dries glasses without streaks, $9."),
}


def ask(version: str, product: str, price: str) -> str:
    rules = (f"Write a one-sentence blurb for {product} that costs {price}. Mention the price. "
             "No exclamation marks. Do not mention discounts.")
    return llm.chat([{"role": "system", "content": SYSTEM[version]}, {"role": "user", "content": rules}],
                    max_tokens=60).strip()


rows = [{"prompt": version, "product": product, "price": price, "output": ask(version, product, price)}
        for version in SYSTEM for product, price in PRODUCTS]
outputs = pd.DataFrame(rows)
print(f"{len(outputs)} outputs, {llm.ledger.table()['completion_tokens'].sum()} output tokens in all")
outputs.head(6)

# %% [markdown]
# ## Step 2: labels
#
# Each output was read and given zero or more defect tags; an output with no tag is *good*. The tags
# came from reading the outputs, not from a list written beforehand (EvalGen's users did the same):
#
# | tag | meaning |
# |---|---|
# | `price` | the price is missing, wrong, or joined by other prices |
# | `discount` | mentions a discount, a deal or a bargain |
# | `exclaim` | uses an exclamation mark |
# | `echo` | repeats the instruction ("A one-sentence blurb for ...") instead of only giving the blurb |
# | `invented` | claims something odd or untrue about the product (an age, a brand, a second product) |
#
# Two outputs were borderline ("a luxury item" for a paperback, "bespoke" for a travel pillow): sales
# puffery rather than a false fact, so they were judged good; the shipped file notes such calls.
#
# The labels ship with the course, keyed by prompt and product, together with the exact text that was
# labelled. A label counts only when that text matches the output above: if the model ever answers
# differently, the new output is unlabelled rather than silently given someone else's verdict.

# %%
LABELS = {(item["prompt"], item["product"]): item
          for item in shipped.load("team_process_not_tools", "labels.toml")["outputs"]}


def label_of(row) -> str:
    item = LABELS.get((row["prompt"], row["product"]))
    if item is None or item["output"] != row["output"]:
        return "unlabelled"
    return ", ".join(item["defects"]) or "good"


outputs["label"] = outputs.apply(label_of, axis=1)
labelled = outputs[outputs["label"] != "unlabelled"].reset_index(drop=True)
labelled["good"] = labelled["label"] == "good"
print(f"{len(labelled)} of {len(outputs)} outputs carry a label that matches their text: "
      f"{int(labelled['good'].sum())} good, {int((~labelled['good']).sum())} with at least one defect")
tags = labelled.assign(tag=labelled["label"].str.split(", ")).explode("tag")
pd.crosstab(tags["tag"], tags["prompt"]).rename_axis(index="label", columns=None)

# %% [markdown]
# ## Step 3: candidate assertions
#
# Each candidate is a few lines of code that looks at one output and returns `True` (looks fine) or
# `False` (flag it). Some are aimed at a tag, some are guesses, and a few are deliberately strict, the
# kind of rule that sounds sensible until you see what it flags.

# %%
DEAL_WORDS = re.compile(r"discount|% off|\bdeal\b|\bsale\b|steal|bargain|\bsave\b|cheap", re.I)


def numbers_besides_price(text: str, price: str) -> list[str]:
    return [n for n in re.findall(r"\d+(?:[.,]\d+)?", text) if n != price.lstrip("$")]


CANDIDATES = {
    "states the price": lambda text, product, price: price in text,
    "no exclamation mark": lambda text, product, price: "!" not in text,
    "no deal words": lambda text, product, price: not DEAL_WORDS.search(text),
    "does not echo 'blurb'": lambda text, product, price: "blurb" not in text.lower(),
    "no other numbers": lambda text, product, price: not numbers_besides_price(text, price),
    "names the product": lambda text, product, price: product.split()[-1].lower() in text.lower(),
    "one line": lambda text, product, price: "\n" not in text,
    "no quotation marks": lambda text, product, price: '"' not in text,
    "no colon": lambda text, product, price: ":" not in text,
    "ends with a full stop": lambda text, product, price: text.endswith("."),
    "at most 25 words": lambda text, product, price: len(text.split()) <= 25,
    "at most 12 words": lambda text, product, price: len(text.split()) <= 12,
}



def score(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each candidate's pass/fail on every output, and its two rates against the labels."""
    passed = pd.DataFrame({name: [bool(rule(r.output, r.product, r.price)) for r in frame.itertuples()]
                           for name, rule in CANDIDATES.items()})
    is_good = frame["good"].to_numpy()
    rates = pd.DataFrame({
        "defects caught": [(~passed[c])[~is_good].mean() for c in passed],
        "false failures": [(~passed[c])[is_good].mean() for c in passed],
    }, index=passed.columns).rename_axis("candidate")
    return passed, rates


_, model_only = score(labelled)
model_only.round(2).sort_values("defects caught", ascending=False)

# %% [markdown]
# Read the two columns together. *Defects caught* is the share of bad outputs an assertion flags
# (recall over the bad outputs); *false failures* is the share of good outputs it flags, each one a
# false alarm that someone has to look at.
#
# On these outputs almost every candidate has no false failures at all, and "at most 12 words" looks
# like the best check of the lot. Look at the good outputs before believing it: nearly all of them come
# from the prompt with an example and copy its shape ("A yoga mat that costs $29."). They are short
# because the model imitated one short example, not because good blurbs are short. The labelled sample
# decides which assertions look safe, and a sample with no long good blurb cannot warn you that a length
# limit is too strict.
#
# The fix is part of the process: widen the sample of good outputs before trusting a rate measured on
# it. The shipped file also holds ten good blurbs written by hand for the same products, in the varied
# shapes a stronger model or a later prompt would produce: longer sentences, a size in millimetres, a
# product name in quotation marks, a colon. They are good by construction. Scored on all 42 outputs:

# %%
written = pd.DataFrame(shipped.load("team_process_not_tools", "labels.toml")["written"])
written["prompt"], written["good"] = "written by hand", True
pool = pd.concat([labelled[["prompt", "product", "price", "output", "good"]],
                  written[["prompt", "product", "price", "output", "good"]]], ignore_index=True)
passes, scores = score(pool)
good = pool["good"].to_numpy()
print(f"{len(pool)} outputs: {int(good.sum())} good ({len(written)} of them written by hand), "
      f"{int((~good).sum())} bad")
scores.round(2).sort_values("defects caught", ascending=False)

# %%
fig, ax = plt.subplots(figsize=(7, 4.2))
ax.scatter(scores["false failures"], scores["defects caught"], color="tab:purple")
for name, row in scores.iterrows():
    ax.annotate(name, (row["false failures"], row["defects caught"]), fontsize=7,
                xytext=(4, 2), textcoords="offset points")
ax.axvline(0.1, color="grey", ls="--", lw=1, label="a 10% cap on false failures")
ax.set(xlabel="false-failure rate (share of good outputs flagged)",
       ylabel="share of bad outputs flagged", xlim=(-0.03, 1.05), ylim=(-0.03, 1.05),
       title="Each candidate assertion against the labels")
ax.legend(loc="lower right", fontsize=8)
fig.tight_layout()
plt.show()

# %% [markdown]
# Now the trade-off is visible: a rule can score high on catching defects only by paying in false
# alarms, and the tight word limit pays the most.
#
# ## Step 4: the smallest set under a false-failure cap
#
# Assertions run together: an output fails the suite when *any* selected assertion flags it. So the
# suite's coverage is the share of bad outputs flagged by at least one member, and its false-failure
# rate the share of good outputs flagged by at least one member. Both are properties of the set, not
# sums over its members: two assertions that flag the same good output cost one false alarm, not two.
#
# With twelve candidates there are only 4,096 subsets, so we can try them all: for each cap, the best
# coverage any subset reaches within it, and the fewest assertions that reach that coverage.

# %%
flags = ~passes.to_numpy()


def suite(members: tuple[int, ...]) -> tuple[float, float]:
    flagged = flags[:, list(members)].any(axis=1) if members else np.zeros(len(flags), dtype=bool)
    return flagged[~good].mean(), flagged[good].mean()


subsets = [members for size in range(len(CANDIDATES) + 1)
           for members in itertools.combinations(range(len(CANDIDATES)), size)]
measured = [(members, *suite(members)) for members in subsets]
best_rows = []
for cap in (0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0):
    allowed = [m for m in measured if m[2] <= cap]
    top = max(cov for _, cov, _ in allowed)
    members, cov, ffr = min((m for m in allowed if m[1] == top), key=lambda m: (len(m[0]), m[2]))
    best_rows.append({"cap on false failures": cap, "defects caught": cov, "false failures": ffr,
                      "assertions": len(members), "which": ", ".join(passes.columns[i] for i in members),
                      "members": members})
best = pd.DataFrame(best_rows)
best.drop(columns="members").round(2)

# %%
fig, ax = plt.subplots(figsize=(6.5, 3.6))
ax.step(best["cap on false failures"], best["defects caught"], where="post", color="tab:green",
        label="best subset of the candidates")
ax.scatter(best["cap on false failures"], best["defects caught"], color="tab:green")
for row in best.itertuples():
    ax.annotate(f"{row.assertions}", (row[1], row[2]), xytext=(0, 6), textcoords="offset points",
                fontsize=8, ha="center")
ax.set(xlabel="cap on the suite's false-failure rate", ylabel="share of bad outputs caught",
       ylim=(0, 1.05), title="What each cap buys (numbers: assertions in the suite)")
ax.legend(loc="lower right", fontsize=8)
fig.tight_layout()
plt.show()

# %%
at_10 = best.set_index("cap on false failures").loc[0.1]
caught = flags[:, list(at_10["members"])].any(axis=1) if at_10["members"] else np.zeros(len(flags), dtype=bool)
uncaught = pool[~good & ~caught].merge(labelled[["prompt", "product", "label"]], on=["prompt", "product"])
print(f"Under a 10% cap the best suite has {at_10['assertions']} assertions and catches "
      f"{at_10['defects caught']:.0%} of the bad outputs; {len(uncaught)} bad outputs get through. Their tags:")
uncaught["label"].str.split(", ").explode().value_counts()

# %% [markdown]
# Three things to read off these results.
#
# - **Few assertions do most of the work.** The best suite under a modest cap is a handful of the twelve
#   candidates; the rest add nothing the chosen ones do not already flag, or flag good outputs too.
#   Fewer assertions mean fewer alarms to triage and less code to maintain.
# - **The cap is a product decision.** Each step right on the curve buys more caught defects with more
#   false alarms. Who reads the alarms, and what a missed defect costs, should set it, not the tool's
#   default.
# - **Some defects are out of reach for cheap checks.** The outputs that get through are mostly
#   `invented` claims: a string rule cannot tell a made-up fact from a real one. That is where a grader
#   model or a person comes in, and where the labels you wrote tell you how much you are missing.
#
# Mind the sample: 32 model outputs from one run of a small model, ten blurbs written by hand, and one
# labeller. A share moves by several points when one output changes, and another reader might tag a
# borderline output differently (criteria drift applies to us too). The hand-written blurbs also show
# the limit of any labelled sample: the rates are only as good as the variety of outputs behind them,
# so the sample needs refreshing when the prompt or the model changes. The process is what carries
# over: outputs, labels, candidates measured against the labels, a suite selected under a cap.
#
# Trying every subset stops working quickly: 30 candidates have over a billion subsets. SPADE states
# the same goal, a minimal set of assertions that meets both a coverage and an accuracy requirement
# [@shankar2024spade]; the exercise builds the simplest practical way to approach it, a greedy
# selection that adds one assertion at a time.
#
# ## What to take away
#
# - Before choosing an eval tool, label 30 to 50 real outputs yourself and write down the tags you used.
# - Write candidate assertions freely, then keep only those that earn their place against the labels:
#   report defects caught and false failures for each, and for the suite as a whole.
# - Set the false-failure cap on purpose, and re-label a fresh sample when the prompt or the model
#   changes, because the criteria will move.
