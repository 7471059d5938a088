# %% [markdown]
# An inference API bills you per token. A GPU you rent bills you per hour, whether it is busy or idle. So
# the question "should we self-host?" has a cost side that is pure arithmetic: at what monthly volume does
# an hourly bill become smaller than a per-token bill? The report's advice is to start on an API, because
# it lets a small team learn what users want before it runs any infrastructure, and to keep self-hosting in
# mind for three reasons: data that must not leave your network, control (no rate limits, no model
# retired under you), and cost at scale
# ([Yan et al., 2024](https://applied-llms.org/#start-with-inference-apis-but-dont-be-afraid-of-self-hosting)).
# This lesson does the cost part with numbers you can check: the speed of the course's own model on this
# machine, measured below, and published throughputs and rental prices for two data-centre GPUs.
#
# ## One point measured here: the embedded model on this machine's CPU
#
# We send six short requests to SmolLM2-135M and read the call ledger: output tokens and wall time of each
# call. A GPU server earns its keep by answering many requests at once (batching), so a single stream like
# this one is the slowest way to use any hardware; keep that in mind when you compare it with the GPU rows.

# %%
from llmcourse.notebook import llm
from llmcourse.helpers import shipped

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display

# %%
PROMPTS = ["Explain what a queue is in two sentences.",
           "Give three tips for writing a clear email.",
           "Describe a bicycle to someone who has never seen one.",
           "What is a good name for a bakery? Give three ideas.",
           "Explain in two sentences why backups matter.",
           "Write a short note thanking a colleague for their help."]
llm.chat("Say hello.", max_tokens=4)  # warm-up: the first call can include loading, so it is not measured
llm.ledger.clear()
for prompt in PROMPTS:
    llm.chat(prompt, max_tokens=64)
calls = llm.ledger.table()[["prompt_tokens", "completion_tokens", "latency_s", "source"]].copy()
calls["output_tokens_per_s"] = calls["completion_tokens"] / calls["latency_s"]
display(calls.round(2))
cpu_tokens_per_s = float(calls["output_tokens_per_s"].median())
print(f"median single-stream speed: {cpu_tokens_per_s:.1f} output tokens per second, "
      f"{cpu_tokens_per_s * 3600 / 1e6:.3f} million tokens per hour if it never stopped")

# %% [markdown]
# The latencies are those measured when the answers were recorded (a replay keeps them, `source` says
# which run you are looking at); they include reading the prompt. The machine that recorded them had two
# cores shared with other work, so the number is a floor for a quiet laptop, not a benchmark.
#
# ## Points from the literature: two GPUs and their rental price
#
# NVIDIA publishes the throughput of its TensorRT-LLM server for a 7-billion-parameter LLaMA model on one
# A100 (16-bit weights) and one H100 (8-bit floating point), at large batch sizes
# [@nvidia2023trtllmperf]. Two request shapes are shown: short answers (128 tokens in, 128 out) and long
# ones (128 in, 2,048 out). The hourly prices are on-demand rates for one GPU from a GPU cloud's price
# page [@runpod2026pricing]. For the API we take GPT-4o mini at launch, $0.15 per million input tokens and
# $0.60 per million output tokens [@openai2024gpt4omini].

# %%
gpus = shipped.load("gpus_inference_apis", "accelerators.csv")
API_IN, API_OUT = 0.15, 0.60  # USD per million tokens, GPT-4o mini at launch
HOURS_PER_MONTH = 730          # 365 * 24 / 12: an always-on server

# The API bills the prompt too, so for a request shape the fair API price per million *output* tokens is
# the output price plus the input price times input tokens per output token.
gpus["api_usd_per_m_out"] = API_OUT + API_IN * gpus["input_tokens"] / gpus["output_tokens"]
gpus["m_tokens_per_hour"] = gpus["output_tokens_per_s"] * 3600 / 1e6
gpus["gpu_usd_per_m_at_full_load"] = gpus["usd_per_gpu_hour"] / gpus["m_tokens_per_hour"]
gpus["fixed_usd_per_month"] = gpus["usd_per_gpu_hour"] * HOURS_PER_MONTH
gpus["capacity_m_per_month"] = gpus["m_tokens_per_hour"] * HOURS_PER_MONTH
gpus["break_even_m_per_month"] = gpus["fixed_usd_per_month"] / gpus["api_usd_per_m_out"]
gpus["utilisation_needed"] = gpus["break_even_m_per_month"] / gpus["capacity_m_per_month"]
gpus["label"] = gpus["gpu"] + " " + gpus["input_tokens"].astype(str) + "→" + gpus["output_tokens"].astype(str)
display(gpus[["label", "output_tokens_per_s", "usd_per_gpu_hour", "gpu_usd_per_m_at_full_load",
              "api_usd_per_m_out", "break_even_m_per_month", "utilisation_needed"]].round(3))

# %% [markdown]
# Read one row. A GPU that stays on for a month costs its hourly price times 730 hours, whatever traffic it
# serves. The API costs the volume times its price. The two are equal at the **break-even volume**, the
# fixed monthly bill divided by the API's price per token. The last column says what share of the GPU's
# full-speed capacity that volume is: below it the idle hours make self-hosting dearer, above it the GPU
# is cheaper per token, until it is full and you rent a second one.
#
# The CPU point goes the other way. Its speed is tiny, so we ask what this machine would have to cost per
# hour to match the API's price at full load, running flat out all month.

# %%
api_short = API_OUT + API_IN * 1.0  # a short-answer shape: as many input as output tokens
cpu_m_per_hour = cpu_tokens_per_s * 3600 / 1e6
print(f"this machine makes {cpu_m_per_hour:.3f} million tokens an hour; to beat the API at "
      f"${api_short:.2f} per million output tokens it would have to cost under "
      f"${cpu_m_per_hour * api_short:.4f} per hour, running flat out")

# %% [markdown]
# At the speed recorded here that is a couple of cents an hour. Even if a machine were that cheap, the
# comparison would not be a fair one: one stream on a CPU makes a few tens of thousands of tokens an hour,
# and they come from a 135M-parameter model, far weaker than anything on the API side. For a small model
# on hardware you already own, price is rarely the obstacle; quality and throughput are.
#
# ## Where the lines cross
#
# The left plot is the monthly bill against monthly volume for the short-answer shape: the API is a
# straight line, each GPU a staircase (one more GPU each time the previous ones are full). The right plot
# is the price of a million tokens against how busy the GPU is; the horizontal line is the API.

# %%
def self_host_bill(volume_m, row):
    n = np.maximum(1, np.ceil(volume_m / row["capacity_m_per_month"]))
    return n * row["fixed_usd_per_month"]


fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
short = gpus[gpus["output_tokens"] == 128]
volume = np.linspace(1, 45_000, 2000)  # million tokens per month
left.plot(volume, volume * short["api_usd_per_m_out"].iloc[0], color="black", label="API (GPT-4o mini prices)")
for (_, row), colour in zip(short.iterrows(), ["tab:blue", "tab:red"]):
    left.plot(volume, self_host_bill(volume, row), color=colour, label=f"self-host on {row['gpu']}")
    left.axvline(row["break_even_m_per_month"], color=colour, ls=":", lw=1)
left.set(xlabel="output tokens per month (millions)", ylabel="USD per month",
         title="Monthly bill, 128 tokens in, 128 out")
left.legend(fontsize=8)

utilisation = np.linspace(0.01, 1, 200)
for (_, row), colour in zip(gpus.iterrows(), ["tab:blue", "tab:cyan", "tab:red", "tab:orange"]):
    right.plot(utilisation * 100, row["gpu_usd_per_m_at_full_load"] / utilisation, color=colour, label=row["label"])
right.axhline(gpus["api_usd_per_m_out"].max(), color="black", label="API, 128→128")
right.axhline(gpus["api_usd_per_m_out"].min(), color="black", ls="--", label="API, 128→2048")
right.set(yscale="log", xlabel="GPU busy (% of full-speed capacity)", ylabel="USD per million output tokens",
          title="Price per token against utilisation")
right.legend(fontsize=7)
fig.tight_layout()
plt.show()

# %% [markdown]
# On these figures a rented GPU beats the API once it is busy somewhere between about 7% and 42% of the
# time (the `utilisation_needed` column), depending on the GPU and the shape of the requests: long answers
# run at lower throughput, so they need more traffic before the GPU pays. In absolute terms the
# break-even volume is between about 1.7 and 4.8 billion output tokens a month. A product making 3,000
# calls a day of 500 tokens each uses 45 million a month, far to the left of every crossing.
#
# ## What the arithmetic leaves out
#
# Every simplification here flatters self-hosting, so treat the break-even as a lower bound:
#
# - **Quality is not matched.** A 7B LLaMA is a much weaker model than GPT-4o mini. The fair comparison is
#   an open model that passes *your* evals, which may be bigger and slower.
# - **Peak throughput is an offline number.** The batch sizes above (hundreds of requests at once) suit
#   batch jobs. An interactive service held to a latency target runs smaller batches and makes fewer tokens
#   per second.
# - **Traffic is not flat.** Users sleep; you provision for the peak, so the average utilisation is lower
#   than the average load suggests, and you want a spare GPU for failover.
# - **People cost money.** Someone has to deploy, monitor and upgrade the server; a fraction of an
#   engineer's month can outweigh the whole GPU bill at these volumes.
#
# Prices move too. API prices have fallen fast (the lesson on low-cost cognition measures how fast), so a
# break-even computed today drifts upward as APIs get cheaper.
#
# ## What to take away
#
# - Self-hosting has a fixed monthly cost; an API has a cost per token. Break-even volume = fixed monthly
#   bill / API price per token, and it only exists if a fully busy GPU is cheaper per token than the API.
# - Price the API on the request shape you really send: the prompt is billed too.
# - At the volumes of a product still looking for its users, the API wins by a wide margin. Revisit the
#   sum when volume grows, and decide on privacy and control for their own sake, not on cost alone.
