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
# When you call a hosted model you are calling someone else's software, and they ship new versions of
# it. A name such as `gpt-4o`, or any name ending in `-latest`, is usually a *floating alias*: the provider
# decides which weights sit behind it today, and can move it to newer ones. A *dated snapshot* id, such
# as `gpt-4-0613`, names one fixed set of weights. Code written against the alias passed its tests
# against last month's model; nobody told you when the model under it changed.
#
# Machine learning systems have always had this problem: change one input, a feature or a threshold or
# a library, and everything downstream may shift, a principle Sculley and colleagues called "changing
# anything changes everything" [@sculley2015debt]. With a model you do not train, the change can happen
# without any commit on your side.
#
# The fix has three parts, and this lesson works through each:
#
# 1. **Pin** what you can: dated ids for hosted models, a file hash for weights you run yourself.
# 2. **Verify** the pin where it can be verified: hash the weights you actually load.
# 3. **Watch** what you cannot pin: replay a small, fixed *canary set* of prompts on a schedule and
#    diff the answers against the last known-good run.

# %% [markdown]
# ## How large can a silent change be?
#
# Chen, Zaharia and Zou ran the same tasks against the March 2023 and June 2023 versions of GPT-4 and
# GPT-3.5: two versions of each service, three months apart [@chen2023drift]. On deciding whether a number
# is prime, GPT-4's accuracy fell from 84% in March to 51% in June, while GPT-3.5 got much better at the
# same task over the same months. The authors trace part of the drop to the June GPT-4 no longer
# following a step-by-step (chain-of-thought) instruction. The lesson for an engineer is not that one
# model got worse: it is that an update can move two tasks in opposite directions, and only a test that
# runs your own tasks will notice.

# %% [markdown]
# ## Step 1: what this course pins
#
# The course runs one small model locally, so it can pin more strictly than a hosted API allows: by the
# SHA-256 hash of the weights file. Every recording of model answers in the course starts with a header
# that names the model, its file, the file's hash, the server version and the day it was made. Here are
# the headers of the recordings in this checkout.

# %%
import hashlib
import json
import re
import time

import matplotlib.pyplot as plt
import pandas as pd

from llmcourse.helpers import shipped
from llmcourse.llm import recording, server
from llmcourse.notebook import llm

headers = []
try:
    for path in sorted(recording.folder().glob("*/*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            first = json.loads(handle.readline() or "{}")
        headers.append({"recording": f"{path.parent.name}/{path.stem}", "model": first.get("model"),
                        "file": first.get("model_file"), "sha256": (first.get("model_sha256") or "")[:12],
                        "server": first.get("server"), "recorded": first.get("recorded")})
except Exception as exc:  # outside a checkout of the course there are no recordings to list
    print(f"no recordings found here ({exc})")
pins = pd.DataFrame(headers)
print(f"{len(pins)} recordings")
if len(pins):
    print(pins.groupby(["model", "file", "sha256", "server"]).size().to_frame("recordings").to_string())

# %% [markdown]
# Now measure the pin: hash the weights file this machine would load, and compare it with the hashes
# the recordings were made with. If the file had been swapped, say for a differently quantised copy
# under the same name, the names would still match and the hashes would not.

# %%
weights = server.model_path()
started = time.perf_counter()
digest = hashlib.sha256()
with open(weights, "rb") as handle:
    for block in iter(lambda: handle.read(1 << 20), b""):
        digest.update(block)
local_sha = digest.hexdigest()
hash_seconds = time.perf_counter() - started
size_mb = weights.stat().st_size / 1e6

print(f"{weights.name}: {size_mb:.0f} MB, sha256 {local_sha[:12]}..., hashed in {hash_seconds:.2f} s")
if len(pins):
    matches = pins["sha256"] == local_sha[:12]
    print(f"{int(matches.sum())} of {len(pins)} recordings were made with exactly this file")

# %% [markdown]
# Hashing the file takes well under the time the server needs to load it, so there is no reason not to
# check it at start-up and refuse to serve on a mismatch. Hosted APIs do not give you the weights, so
# the strongest pin there is a dated snapshot id, plus a check of the model name that many APIs return
# with each response, which should name the snapshot you asked for.
#
# ## Step 2: a canary set
#
# A pin stops the changes you can see coming. A canary set catches the ones you cannot: a provider
# retiring a snapshot, a gateway that rewrites requests, a colleague bumping a library. It is a dozen or
# a few dozen fixed prompts with short, checkable answers, covering the kinds of work your product
# does: facts, arithmetic, extraction, output format, classification. Run it on a schedule and after
# every deploy, with temperature 0, and keep the answers of the last run you trusted.
#
# Ours has 12 prompts. Each has a pattern its reply should match, so we can count passes as well as
# changes.

# %%
canaries = shipped.load("models_version_pinning", "canaries.toml")["canaries"]
pd.DataFrame(canaries)[["id", "prompt"]]

# %% [markdown]
# We run the set against the course's model four ways. The *baseline* is the known-good run. The
# *repeat* sends the identical requests again: it measures the noise floor, how much the answers change
# when nothing changed at all. The other two simulate a silent update behind an alias, because we have
# only one model file: a provider that starts adding a system prompt of its own, and a provider whose
# default sampling temperature moves from 0 to 0.7. Both are the kind of change that happens behind an
# API without a new model name; neither is a new set of weights, so treat them as stand-ins.

# %%
client = llm.client()
SYSTEM_PROMPT = "You are a cheerful assistant. Answer in a full, friendly sentence."


def run_canaries(system: str | None = None, temperature: float = 0.0) -> dict[str, str]:
    """The reply to every canary under one configuration, by canary id."""
    replies = {}
    for canary in canaries:
        messages = [{"role": "system", "content": system}] if system else []
        messages.append({"role": "user", "content": canary["prompt"]})
        response = client.chat.completions.create(model=llm.model_name(), messages=messages, max_tokens=24,
                                                  temperature=temperature, seed=0)
        replies[canary["id"]] = (response.choices[0].message.content or "").strip()
    return replies


runs = {"baseline": run_canaries(), "repeat": run_canaries(),
        "added system prompt": run_canaries(system=SYSTEM_PROMPT),
        "temperature 0.7": run_canaries(temperature=0.7)}
answers = pd.DataFrame(runs)
answers

# %% [markdown]
# Read the table before the numbers. Then count, for each run, how many answers differ from the
# baseline's, and how many replies pass their canary's pattern.

# %%
def passes(reply: str, pattern: str) -> bool:
    return re.search(pattern, reply, re.IGNORECASE) is not None


summary = pd.DataFrame({
    name: {"answers changed vs baseline": sum(reply != runs["baseline"][cid] for cid, reply in replies.items()),
           "canaries passing": sum(passes(replies[c["id"]], c["pattern"]) for c in canaries)}
    for name, replies in runs.items()}).T
for name in ["added system prompt", "temperature 0.7"]:
    print(f"{name}: {summary.loc[name, 'answers changed vs baseline']} of {len(canaries)} answers changed; "
          f"canaries passing went from {summary.loc['baseline', 'canaries passing']} "
          f"to {summary.loc[name, 'canaries passing']}")
summary

# %%
fig, ax = plt.subplots(figsize=(7.5, 3.6))
x = range(len(summary))
ax.bar([i - 0.2 for i in x], summary["answers changed vs baseline"], width=0.4, color="#c0392b",
       label="answers changed vs baseline")
ax.bar([i + 0.2 for i in x], summary["canaries passing"], width=0.4, color="#3f51b5", label="canaries passing")
ax.set_xticks(list(x), summary.index)
ax.set_ylim(0, len(canaries) + 1)
ax.set_ylabel(f"out of {len(canaries)} canaries")
ax.set_title("Same model file, four configurations: what a canary diff sees")
ax.legend(fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# Three things to read from this on your run.
#
# - **The noise floor.** The repeat run is the same request sent twice. With this server, temperature 0
#   and a fixed seed, expect it to change nothing; if it changes some answers, that is your noise floor,
#   and a drift alarm must sit above it. A hosted model may not be exactly repeatable even at
#   temperature 0, so measure the floor on yours before choosing a threshold.
# - **Changes versus failures.** Count the changed answers and the passing canaries separately. A
#   change can keep passing (a new wording of a right answer), and the pass count is a weak signal on a
#   model this small, because it fails many canaries to begin with. The diff of answers is the alarm;
#   the pass count tells you whether the change hurt.
# - **A small set is enough to notice, not to judge.** Twelve canaries will flag a changed system prompt
#   or decoding setting. They cannot tell you whether the new model is better for your product: that
#   takes your full evaluation set, run on a shadow deployment of the new version before you move the
#   pin.
#
# Below are the canaries whose answers moved under each simulated update, side by side with the
# baseline.

# %%
changed = answers[(answers["added system prompt"] != answers["baseline"])
                  | (answers["temperature 0.7"] != answers["baseline"])]
changed[["baseline", "added system prompt", "temperature 0.7"]]

# %% [markdown]
# ## What to take away
#
# - Grep your configuration for model ids. Replace every floating alias in production with a dated
#   snapshot id, and log the model name each response reports.
# - If you serve weights yourself, record the file's SHA-256 in a lock file and check it at start-up.
# - Write 10 to 30 canary prompts with short answers that cover your product's tasks. Run them daily
#   and on every deploy at temperature 0, diff against the last trusted run, and alert when more
#   answers change than your measured noise floor allows.
# - When a provider announces a new snapshot, run your evaluation set on it in a shadow pipeline
#   first; move the pin only when it holds up.
#
# The exercises build the two checks: a pin checker for a model configuration, and the canary diff.
