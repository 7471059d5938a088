# %% [markdown]
# Every few months someone proposes that the team train its own language model: the data is special, the
# vendors are expensive, and a model of our own would be a moat. The report's answer is that pretraining
# from scratch is almost never worth it for a team still looking for product-market fit: the run itself is
# costly, the people and infrastructure around it cost more, and the model you get starts ageing the day
# training ends ([Yan et al., 2024](https://applied-llms.org/#training-from-scratch-almost-never-makes-sense)).
#
# This lesson turns that argument into three numbers you can compute before the meeting ends:
#
# 1. what a run costs, from the model's size and the tokens it reads, using the BloombergGPT paper as the
#    worked case;
# 2. what the same arithmetic means on the machine in front of you, measured on the course's own model;
# 3. how quickly the capability you paid for becomes cheap to rent, using the price trend from the
#    lesson on low-cost cognition.
#
# ## The arithmetic of a training run
#
# A dense transformer with `N` parameters spends about `2N` floating-point operations (FLOP) per token on
# a forward pass, and training adds a backward pass worth about twice that, so training on `D` tokens
# costs about **6 N D** operations [@kaplan2020scaling, Section 2.1]. Dividing by the speed the hardware
# actually delivers gives accelerator-seconds; the speed is the chip's peak times a *utilisation*, the
# share of peak a real run sustains once communication, memory traffic and pauses are paid for.
#
# BloombergGPT is the report's example of a from-scratch domain model. Its paper gives every input of the
# calculation [@wu2023bloomberggpt]: 50.6 billion parameters, 569 billion training tokens (about 80% of
# one pass over a 709-billion-token corpus, half of it financial), 512 A100 40GB GPUs, an average of 102
# TFLOP/s per GPU, 139,200 steps of about 32.5 seconds each, and a compute budget of 1.3 million GPU
# hours. The A100's peak for 16-bit tensor arithmetic is 312 TFLOP/s [@nvidia2020a100], so 102 TFLOP/s is a
# utilisation of about a third. For a price we use the A100 rate AWS listed for reserved blocks of
# p4d.24xlarge capacity, $1.844 per GPU-hour [@aws2024capacityblocks]; on-demand rates are higher.

# %%
from llmcourse.notebook import llm
from llmcourse.helpers import shipped

import random

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display

# %%
SECONDS_PER_HOUR = 3600
A100_PEAK = 312e12  # FLOP/s, 16-bit tensor arithmetic, dense (source: nvidia2020a100)
A100_USD_PER_HOUR = 1.844  # AWS capacity-block rate for one A100 of a p4d.24xlarge (source: aws2024capacityblocks)

N_BLOOMBERG, D_BLOOMBERG = 50.6e9, 569e9  # parameters, training tokens (source: wu2023bloomberggpt)
GPUS, MEASURED_FLOPS, STEPS, SECONDS_PER_STEP, BUDGET_HOURS = 512, 102e12, 139_200, 32.5, 1.3e6

flop = 6 * N_BLOOMBERG * D_BLOOMBERG
estimate_hours = flop / MEASURED_FLOPS / SECONDS_PER_HOUR
run_hours = STEPS * SECONDS_PER_STEP * GPUS / SECONDS_PER_HOUR
rows = [
    ("6ND at the paper's measured 102 TFLOP/s per GPU", estimate_hours),
    ("the run as logged: 139,200 steps x 32.5 s x 512 GPUs", run_hours),
    ("the compute budget the team was given", BUDGET_HOURS),
]
worked = pd.DataFrame([{"what": what, "GPU-hours": f"{hours:,.0f}", "days on 512 GPUs": round(hours / GPUS / 24, 1),
                        "USD at $1.844/GPU-hour": f"{hours * A100_USD_PER_HOUR:,.0f}"} for what, hours in rows])
print(f"6ND = 6 x {N_BLOOMBERG:.3g} x {D_BLOOMBERG:.3g} = {flop:.3g} FLOP; "
      f"utilisation = {MEASURED_FLOPS / A100_PEAK:.0%} of the A100's peak")
worked

# %% [markdown]
# Read the three rows from top to bottom. The formula lands within about 30% of the run as logged: the
# logged run is longer by a factor close to 8/6, which is what recomputing each layer's activations during
# the backward pass (the paper uses activation checkpointing) would add, a second forward pass per token.
# The budget is about twice the final run, and that gap is normal: a budget also pays for smaller trial
# runs, restarts after failures, and evaluation. At the cited rate the final run alone is a bill of about a
# million dollars. None of these rows counts people: the report notes that nine full-time employees worked
# on BloombergGPT.
#
# Utilisation and price are the two inputs you will have to guess for your own run, so here is how far
# they move the answer.

# %%
utilisations = [0.2, 0.33, 0.5]
prices_per_hour = [1.0, A100_USD_PER_HOUR, 4.0]
grid = pd.DataFrame({f"${p:g}/GPU-hour": [flop / (A100_PEAK * u) / SECONDS_PER_HOUR * p / 1e6 for u in utilisations]
                     for p in prices_per_hour},
                    index=[f"utilisation {u:.0%}" for u in utilisations]).round(2)
grid.index.name = "BloombergGPT-sized run, million USD"
grid

# %% [markdown]
# Every input enters linearly, so the corners of the grid are a factor of ten apart: a proposal that
# quotes one number without its utilisation and price has hidden most of its uncertainty. The $1 and $4
# columns are hypothetical prices chosen to bracket the cited one, not quotes.
#
# ## The same arithmetic on your machine
#
# The course's model, SmolLM2-135M, has about 135 million parameters and was trained on 2 trillion tokens
# [@allal2025smollm2]. How long would that training take on the computer running this notebook? We cannot
# train here, but we can measure how fast this machine does the same kind of arithmetic: reading a prompt
# is one forward pass over every prompt token, about `2N` operations per token. We send prompts of
# different lengths, ask for a single output token, and read the prompt size and the latency of each call
# from the ledger.
#
# One complication: the model server is shared (in this course, by every notebook on the machine), and a
# request that arrives while another is running waits its turn. Waiting only ever *adds* time, so we send
# three different prompts of each length and keep the fastest call of each length. The slope of those
# minimum latencies against prompt tokens is the time to read one more token; its inverse is the prompt
# throughput. The prompts are random word lists, so no two share a beginning the server could reuse.

# %%
WORDS = ("river market copper lantern orbit meadow signal harbor velvet engine canyon ledger prism "
         "falcon quartz thunder basket compass glacier pepper violin marble tunnel cobalt saddle").split()


def word_list(n_words: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n_words))


LENGTHS, REPEATS = [150, 400, 800, 1200, 1600], 3  # words per prompt, prompts per length
llm.ledger.clear()
for n_words in LENGTHS:
    for repeat in range(REPEATS):
        llm.chat(f"{word_list(n_words, seed=100 * n_words + repeat)}\n\nReply with one word.", max_tokens=1)
calls = llm.ledger.table()[["prompt_tokens", "completion_tokens", "latency_s", "source"]]
calls["words"] = np.repeat(LENGTHS, REPEATS)
calls["prompt_tokens_per_s"] = calls["prompt_tokens"] / calls["latency_s"]
fastest = calls.loc[calls.groupby("words")["latency_s"].idxmin()]
display(calls.round(3))

# %%
x, y = fastest["prompt_tokens"].to_numpy(float), fastest["latency_s"].to_numpy(float)
# Theil-Sen: the median of the slopes between every pair of lengths, so one call that still waited cannot
# set the rate on its own.
pair_slopes = [(y[j] - y[i]) / (x[j] - x[i]) for i in range(len(x)) for j in range(i + 1, len(x)) if x[j] != x[i]]
slope = float(np.median(pair_slopes))
intercept = float(np.median(y - slope * x))
tokens_per_s = 1 / slope
at_least = calls["prompt_tokens_per_s"].max()  # no call can have read faster than the machine can
best = max(tokens_per_s, at_least)  # the faster of the two estimates, to stay on the generous side
N_SMOL, D_SMOL = 135e6, 2e12  # parameters and training tokens of SmolLM2-135M (source: allal2025smollm2)
achieved = 2 * N_SMOL * best
smol_flop = 6 * N_SMOL * D_SMOL
years_here = smol_flop / achieved / SECONDS_PER_HOUR / 24 / 365.25

fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(calls["prompt_tokens"], calls["latency_s"], "o", mfc="none", color="grey", label="every call")
ax.plot(x, y, "o", color="tab:blue", label="fastest call of each length")
xs = np.linspace(0, x.max() * 1.05, 20)
ax.plot(xs, intercept + slope * xs, color="tab:blue", label=f"Theil-Sen fit: {tokens_per_s:,.0f} prompt tokens/s")
ax.set(xlabel="prompt tokens", ylabel="latency (s)", title="Reading a prompt: latency against prompt length")
ax.legend()
fig.tight_layout()
plt.show()

pd.DataFrame([
    {"quantity": "prompt throughput from the fit (tokens/s)", "value": f"{tokens_per_s:,.0f}"},
    {"quantity": "fastest single call, a floor on the throughput (tokens/s)", "value": f"{at_least:,.0f}"},
    {"quantity": "achieved speed at the faster of the two, 2N per token (GFLOP/s)", "value": f"{achieved / 1e9:,.1f}"},
    {"quantity": "SmolLM2-135M training compute, 6ND (FLOP)", "value": f"{smol_flop:.2g}"},
    {"quantity": "time to train it here at that speed (years)", "value": f"{years_here:,.0f}"},
    {"quantity": "the same compute on one A100 at 33% utilisation (days)",
     "value": f"{smol_flop / (A100_PEAK * 0.33) / SECONDS_PER_HOUR / 24:,.0f}"},
])

# %% [markdown]
# The numbers come from the recorded calls, so they describe the machine and its load when the lesson was
# recorded (a re-run replays the same latencies; `source` says so). On a busy machine even the fastest
# call of a length may have waited or shared the processor, which makes the fit pessimistic; the fastest
# single call gives a floor that holds whatever the load, and the training estimate uses whichever of the
# two is faster. Either way the smallest model in this course would keep this computer
# busy for the number of years in the table, and that figure is optimistic: training needs higher
# precision than the 4-bit weights served here, plus memory for gradients and optimiser state, so it would
# run slower than prompt reading. On a single A100 at a third of peak the same compute takes about half a
# year. And a 135M model is a weak model, as other lessons show: the compute that buys something useful is
# orders of magnitude larger still.
#
# ## How fast the result goes stale
#
# A pretrained model is frozen at the capability it reached, while the price of buying that capability
# from an API keeps falling. The lesson on low-cost cognition fits how fast: the cheapest price at a fixed
# benchmark level halves every few months. We refit it here from the same shipped price table (record
# lows at MMLU ≥ 69, three input tokens per output token).

# %%
prices = shipped.load("strategy_low_cost_cognition", "prices.csv")
prices["date"] = pd.to_datetime(prices["date"])
prices["year"] = prices["date"].dt.year + (prices["date"].dt.day_of_year - 1) / 365.25
prices["blended"] = (3 * prices["input_usd_per_m"] + prices["output_usd_per_m"]) / 4
level = prices[prices["mmlu"] >= 69].sort_values(["date", "blended"])
lows = level[level["blended"] < level["blended"].cummin().shift(fill_value=np.inf)]
halving_months = -12 / np.polyfit(lows["year"], np.log2(lows["blended"]), 1)[0]
print(f"{len(lows)} record lows; the price of this capability level halves every {halving_months:.1f} months")

# %% [markdown]
# That halving time puts a ceiling on what renting can ever cost. Suppose a workload that your own model
# would serve costs `P` dollars a month at today's API prices. If the price halves every `h` months, month
# `t` costs `P * 0.5 ** (t / h)`, and the sum over **all future months** is at most about
# `P * h / ln 2`, roughly 1.44 h months of today's bill. A training run that costs more than that can never
# pay for itself against the API, however long you use the model, even before you pay to serve it. The
# monthly bills below are **hypothetical**, set beside the million-dollar final run of BloombergGPT
# computed above.

# %%
run_usd = run_hours * A100_USD_PER_HOUR
months = np.arange(0, 61)
fig, ax = plt.subplots(figsize=(7.5, 4.2))
ceiling_rows = []
for bill in [25_000, 50_000, 100_000, 200_000]:
    spent = np.cumsum(bill * 0.5 ** (months / halving_months))
    ceiling = bill * halving_months / np.log(2)
    ax.plot(months, spent / 1e6, label=f"API bill ${bill / 1e3:,.0f}k/month today")
    ceiling_rows.append({"API bill today (USD/month)": f"{bill:,}", "all future API spend, at most (USD)": f"{ceiling:,.0f}",
                         "training run can pay back?": "never" if ceiling < run_usd else "only if the model stays useful long enough"})
ax.axhline(run_usd / 1e6, color="black", ls="--", label=f"final training run ${run_usd / 1e6:.2f}M (compute only)")
ax.set(xlabel="months after training ends", ylabel="cumulative spend (million USD)",
       title=f"Renting a capability whose price halves every {halving_months:.1f} months")
ax.legend(fontsize=8)
fig.tight_layout()
plt.show()
pd.DataFrame(ceiling_rows)

# %% [markdown]
# For the three smaller bills, renting the capability costs less over the model's whole life than the
# compute of the final training run alone. At $200k a month the ceiling passes the run's compute, and the
# run pays back its compute if the model stays in use past the point where that curve crosses the dashed
# line. Even then the comparison flatters training: it leaves out the team, the failed runs,
# serving the model, and retraining when a better base model appears. The argument turns only for a
# workload far larger than these, or for data and behaviour no vendor can offer. Even then the report's
# advice is to finetune a strong open model first. Its own example of an exception, Replit's code model,
# needed continued investment to stay useful as general models improved.
#
# The report adds that BloombergGPT was outperformed on its own financial tasks by general-purpose
# models within a year; we did not re-check that comparison, so treat it as the report's claim.
#
# ## What to take away
#
# - Training costs about **6 N D** operations. Divide by peak × utilisation for accelerator-seconds and
#   multiply by a price: BloombergGPT's final run works out at roughly 470 to 640 thousand A100 hours, a
#   million dollars of compute before any salary.
# - Utilisation and price each move the answer by 2 to 4 times. Ask for both, with sources, whenever
#   someone quotes a training cost.
# - Measure your own hardware with the same arithmetic: prompt throughput × 2N is an honest upper bound on
#   what a machine can put into training, and it makes clear why "let's just train it" needs a cluster.
# - A trained model is frozen while the price of its capability halves every few months, so the whole
#   future API bill is bounded by about 1.44 halving times of today's bill. Compare that ceiling, not
#   today's invoice, with the cost of training.
