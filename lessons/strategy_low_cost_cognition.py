# %% [markdown]
# The report closes its strategy part with a forecasting habit borrowed from Xerox PARC in the 1970s: take
# an application that would be valuable but is too expensive today, take the historical price trend of
# the technology it needs, and read off the date when it becomes affordable. For LLMs the report's trend
# line is a chart by co-author Charles Frye: hold a capability level fixed (a score on the MMLU benchmark)
# and follow the cheapest price per token that buys it. The report's reading is that this price halves
# about every six months ([Yan et al., 2024](https://applied-llms.org/#the-high-level-trend-of-low-cost-cognition)).
# That is the report's figure; in this lesson we rebuild the estimate from list prices we could check,
# see how much it moves when the inputs change, use it to date a feature, and then time the free model
# on your own machine.
#
# ## A small, checked price table
#
# Each row below is one model's API list price, in US dollars per million tokens, with the date it was
# announced (or, for the oldest row, the date of an archived copy of the provider's pricing page). Every
# price was checked against the provider's own announcement or pricing page, and every MMLU score against
# a paper or a provider's own report; the `source` and `mmlu_source` columns say which. Models whose price
# or score we could not check against such a source are left out, so the table is short.

# %%
from llmcourse.notebook import llm
from llmcourse.helpers import shipped

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display

# %%
prices = shipped.load("strategy_low_cost_cognition", "prices.csv")
prices["date"] = pd.to_datetime(prices["date"])
prices["year"] = prices["date"].dt.year + (prices["date"].dt.day_of_year - 1) / (365 + prices["date"].dt.is_leap_year)
# An assumed mix of 3 input tokens per output token: prompts (instructions, retrieved context, history)
# are usually longer than answers. The sensitivity table below also fits each price on its own.
prices["blended_usd_per_m"] = (3 * prices["input_usd_per_m"] + prices["output_usd_per_m"]) / 4
prices[["date", "model", "provider", "input_usd_per_m", "output_usd_per_m", "blended_usd_per_m", "mmlu"]]

# %% [markdown]
# Two choices shape everything that follows, so here they are in the open.
#
# - **Which price.** Since 2023 most providers charge less for input tokens than for output tokens. We fit a
#   *blended* price that assumes three input tokens per output token, a rough stand-in for applications
#   that send long prompts and get short answers. It is an assumption, not a measurement; the sensitivity
#   table shows the fit on input and output prices alone as well.
# - **Which capability marker.** MMLU is a 57-subject multiple-choice exam
#   [@hendrycks2021mmlu]. The scores here come from different
#   protocols: five worked examples in the prompt for the older models, zero-shot with chain of thought in
#   OpenAI's simple-evals table [@openai2024simpleevals] for the newer ones. GPT-3.5 itself
#   scores 70.0 in the GPT-4 technical report [@openai2023gpt4] and 69.8
#   in the GPT-4o mini announcement [@openai2024gpt4omini], so treat
#   a level as a band a few points wide. We use **MMLU ≥ 69** as "GPT-3.5 level" and **MMLU ≥ 84** as
#   "GPT-4 level": GPT-4 scored 86.4 five-shot [@openai2023gpt4], and the first GPT-4 Turbo 84.7 zero-shot
#   in simple-evals [@openai2024simpleevals].
#
# For each level we keep the *record lows*: the dates on which some model at or above the level became
# cheaper than anything at that level before it. The halving time comes from a least-squares line through
# log2(price) against time in years: if log2(price) changes by `b` per year (negative when prices fall),
# one halving takes `-12 / b` months.

# %%
def record_lows(table: pd.DataFrame, level: float, price: str = "blended_usd_per_m", also=()) -> pd.DataFrame:
    """Rows at or above an MMLU level (plus models named in `also`) that set a new lowest price."""
    eligible = table[(table["mmlu"] >= level) | table["model"].isin(also)]
    cheapest = eligible.sort_values(["date", price]).drop_duplicates("date")  # cheapest model of each date
    return cheapest[cheapest[price] < cheapest[price].cummin().shift(fill_value=np.inf)]


def fitted_halving_months(years, usd) -> float:
    """Least-squares fit of log2(price) on years; months for the price to halve."""
    slope, _ = np.polyfit(np.asarray(years, float), np.log2(np.asarray(usd, float)), 1)
    return -12 / slope


LEVELS = {"GPT-3.5 level (MMLU ≥ 69)": 69, "GPT-4 level (MMLU ≥ 84)": 84}
lows = {name: record_lows(prices, level) for name, level in LEVELS.items()}
halving = {name: fitted_halving_months(rows["year"], rows["blended_usd_per_m"]) for name, rows in lows.items()}
pd.DataFrame({"record lows": {n: len(r) for n, r in lows.items()},
              "first": {n: f"{r.iloc[0]['model']} ${r.iloc[0]['blended_usd_per_m']:.2f}" for n, r in lows.items()},
              "last": {n: f"{r.iloc[-1]['model']} ${r.iloc[-1]['blended_usd_per_m']:.3f}" for n, r in lows.items()},
              "fitted halving time (months)": {n: round(h, 1) for n, h in halving.items()}})

# %%
fig, ax = plt.subplots(figsize=(8, 4.6))
colours = dict(zip(LEVELS, ["tab:blue", "tab:red"]))
for name, rows in lows.items():
    slope, intercept = np.polyfit(rows["year"], np.log2(rows["blended_usd_per_m"]), 1)
    xs = np.linspace(rows["year"].min(), rows["year"].max(), 20)
    ax.plot(rows["year"], rows["blended_usd_per_m"], "o", color=colours[name], ms=8, zorder=3)
    ax.plot(xs, 2 ** (intercept + slope * xs), color=colours[name],
            label=f"{name}: halves every {halving[name]:.1f} months")
others = prices[~prices.index.isin(pd.concat(lows.values()).index)]
ax.plot(others["year"], others["blended_usd_per_m"], "o", mfc="none", color="grey", label="other rows (not a record low)")
start = lows["GPT-3.5 level (MMLU ≥ 69)"].iloc[0]
xs = np.linspace(start["year"], prices["year"].max(), 20)
ax.plot(xs, start["blended_usd_per_m"] * 0.5 ** ((xs - start["year"]) * 2), ":", color="black",
        label="report's figure: halving every 6 months (drawn from the first GPT-3.5 point)")
for _, row in prices.iterrows():
    ax.annotate(row["model"].split(" (")[0], (row["year"], row["blended_usd_per_m"]), fontsize=6.5,
                xytext=(4, 3), textcoords="offset points")
ax.set_yscale("log")
ax.set(xlabel="date (year)", ylabel="USD per million tokens (3:1 input:output blend, log scale)",
       title="Cheapest price at a fixed MMLU level, by date")
ax.legend(fontsize=7.5, loc="lower left")
fig.tight_layout()
plt.show()

# %% [markdown]
# On a log axis a steady halving rate is a straight line, and both levels fall roughly along one. Our fit
# at GPT-3.5 level lands close to the report's six months; the GPT-4 level falls faster over this window,
# because its first point is GPT-4's launch price and the newest small models already reach it. The
# report's own endpoints give the same order of magnitude: it describes a drop from $20 to under 10 cents
# per million tokens over four years at the level of OpenAI's original davinci, which works out as:

# %%
months, start_usd, end_usd = 48, 20.0, 0.10
print(f"{months} months / log2({start_usd:g} / {end_usd:g}) = {months / np.log2(start_usd / end_usd):.1f} months "
      f"per halving (an upper bound, since the report says 'less than' 10 cents)")

# %% [markdown]
# OpenAI makes a similar point from its own price list: it puts the fall in cost per token from
# text-davinci-003 to GPT-4o mini at 99%
# [@openai2024gpt4omini].
#
# ## How much should you trust one number from five points?
#
# Not much on its own. Each line rests on five record lows, and the estimate depends on choices we made:
# which price, which level, whether a model with no published score counts. Below, first the effect of
# dropping each record low in turn (leave-one-out), then the effect of each choice.

# %%
base = lows["GPT-3.5 level (MMLU ≥ 69)"]
loo = pd.DataFrame([
    {"left out": f"{row['date']:%Y-%m-%d} {row['model']}",
     "halving (months)": fitted_halving_months(base.drop(index=i)["year"], base.drop(index=i)["blended_usd_per_m"])}
    for i, row in base.iterrows()])
display(loo.round(1))

BLEND, INPUT, OUTPUT = "blended_usd_per_m", "input_usd_per_m", "output_usd_per_m"
variants = [  # (what changes, MMLU level, price column, models counted without a score)
    ("GPT-3.5 level, 3:1 blend (main fit)", 69, BLEND, ()),
    ("GPT-3.5 level, input price only", 69, INPUT, ()),
    ("GPT-3.5 level, output price only", 69, OUTPUT, ()),
    ("GPT-3.5 level, counting gpt-3.5-turbo-1106 (no published MMLU)", 69, BLEND, ("gpt-3.5-turbo-1106",)),
    ("level MMLU ≥ 75 instead of ≥ 69", 75, BLEND, ()),
    ("GPT-4 level (MMLU ≥ 84)", 84, BLEND, ()),
]
rows = []
for name, level, column, also in variants:
    kept = record_lows(prices, level, column, also)
    rows.append({"variant": name, "record lows": len(kept),
                 "halving (months)": fitted_halving_months(kept["year"], kept[column])})
sensitivity = pd.DataFrame(rows).set_index("variant")
sensitivity.round(1)

# %% [markdown]
# Read the two tables together. Leaving out any one point moves the GPT-3.5-level estimate by up to about
# a month either way; the newest point pulls hardest, as the end of a short series always does. The
# choices matter more. Output prices have fallen more slowly than input prices, so the price mix your
# application really has changes the answer. Raising the level to 75 drops GPT-3.5 Turbo and Claude 3
# Haiku, so the series starts at GPT-4's launch price and the slope steepens sharply: the halving time of
# "a capability level" depends on when the first model at that level appeared. Quote a range, state the
# level and the price mix, and expect the next price list to move it.
#
# ## Using the trend: when does a feature become affordable?
#
# With a halving time `h` in months, a price falls as `price(t) = price_now * 0.5 ** (t / h)`, so it
# reaches a target after `h * log2(price_now / target)` months. The report applies this to characters in
# a game driven by generative agents, the 25 simulated townspeople of
# Park et al. [-@park2023generative]; we could not check the hourly cost it quotes,
# so the numbers below are **hypothetical**: a feature that costs $40 per user-hour in model calls at
# today's prices, for a product that can spend $4.

# %%
PRICE_NOW, TARGET = 40.0, 4.0  # hypothetical USD per user-hour


def months_to_target(price_now: float, target: float, h: float) -> float:
    return max(0.0, h * np.log2(price_now / target))


h_main = halving["GPT-3.5 level (MMLU ≥ 69)"]
scenarios = {"fastest leave-one-out fit": loo["halving (months)"].min(), "main fit": h_main,
             "slowest leave-one-out fit": loo["halving (months)"].max(), "report's figure": 6.0,
             "output price only": sensitivity.loc["GPT-3.5 level, output price only", "halving (months)"]}
pd.DataFrame([{"halving time assumed": name, "h (months)": round(h, 1),
               "months until $4/hour": round(months_to_target(PRICE_NOW, TARGET, h), 1)}
              for name, h in scenarios.items()])

# %% [markdown]
# A tenfold gap is log2(10) ≈ 3.3 halvings, so the wait is 3.3 times the halving time. Between the
# leave-one-out extremes the date moves by about five months, and if your application mostly buys output
# tokens the wait grows by almost a year: the assumption about your token mix matters as much as the
# trend. Two things can
# shorten the wait. Engineering is one: the Lyfe Agents work reports generative agents running at 10 to
# 100 times lower computational cost than earlier designs
# [@kaiya2023lyfe], and a tenfold saving is worth the same 3.3
# halvings of waiting. The other is a weaker model that is good enough, which is where the last section
# goes.
#
# ## The far end of the curve: a model that costs nothing per token
#
# The course's model, SmolLM2-135M, runs on your CPU, so a token costs electricity and nothing else. Here
# we time a few short requests through the call ledger and convert the speed into tokens per hour.

# %%
TASKS = ["Write two sentences about why the sky looks blue.",
         "List three uses for a paper clip.",
         "Explain in two sentences what a spreadsheet is for.",
         "Describe a cup of tea in three sentences."]
llm.chat("Say hello.", max_tokens=4)  # warm-up, not measured
llm.ledger.clear()
for task in TASKS:
    llm.chat(task, max_tokens=64)
calls = llm.ledger.table()[["prompt_tokens", "completion_tokens", "latency_s", "cached"]]
calls["output_tokens_per_s"] = calls["completion_tokens"] / calls["latency_s"]
display(calls.round(2))

# The median call, so that one call stalled behind other work on the machine does not set the rate.
tokens_per_s = calls["output_tokens_per_s"].median()
per_hour = tokens_per_s * 3600
mini_output_usd = prices.loc[prices["model"].str.startswith("gpt-4o-mini"), "output_usd_per_m"].iloc[0]
print(f"Median {tokens_per_s:.1f} output tokens per second end to end (prompt reading included): "
      f"about {per_hour:,.0f} tokens per hour on this machine, at no cost per token.")
print(f"The same number of output tokens from GPT-4o mini at its launch list price "
      f"(${mini_output_usd:.2f} per million) would cost ${per_hour * mini_output_usd / 1e6:.4f} per hour.")

# %% [markdown]
# Latencies are those measured when each call first reached the model; a re-run replays the answers from
# the course's cache but keeps those timings (`cached=True`). The speed depends on your hardware and on
# whatever else the CPU is doing at the time. Whatever your machine reaches, the two printed lines make
# the same point from two ends: at this volume the tokens are either free (a small local model) or cost
# the small sum printed above (a cheap hosted one). What you buy with the price difference is quality: a 135M-parameter model often misreads instructions and states wrong facts with confidence,
# as other lessons in this course measure, so "free" cognition is real but of a low grade. That is the
# strategic shape of the trend: the grade of model you can run for nothing keeps rising.
#
# ## What to take away
#
# - Fix a capability level and follow the cheapest price that reaches it over time. On the checked prices
#   here it halves roughly every six to seven months at GPT-3.5 level and faster at GPT-4 level over the
#   same window, in line with the report's six-month figure.
# - One number from five points is fragile. Report a range, name the level and the input/output price
#   mix, and redo the fit when new prices appear: leave-one-out and alternative choices move it by months.
# - To date a feature, the wait is `h * log2(price_now / target)`. A tenfold gap is about 3.3 halving
#   times; an engineering change that is ten times cheaper is worth the same wait.
# - Design for the price you will pay, not today's: a demo that is too expensive now can be a feature
#   within a couple of years, and a small local model is already free per token, at low quality.
