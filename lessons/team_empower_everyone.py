# %% [markdown]
# The report argues that the whole team, not only its specialists, should get hands-on with LLMs, because
# using them is the fastest way to build a feel for their latency, their failure modes and the product
# experience they allow; it singles out two basics worth teaching everyone: conditioning the model with
# examples, and the fact that generation is autoregressive
# ([Yan et al., 2024](https://applied-llms.org/#empower-everyone-to-use-new-ai-technology)).
#
# This lesson is that hands-on hour, done as two small experiments on the course's model:
#
# 1. **Where does the time go?** A transformer reads the whole prompt in one batched pass (the *prefill*),
#    then writes the answer one token per pass, each token feeding the next (the *decode*). So a prompt
#    token should cost less time than an output token. We measure both and put numbers on them.
# 2. **Context is conditioning.** The same question, asked with and without a few worked examples in
#    the conversation, gets different answers. We measure how often the answer has the required format.
#
# ## Experiment 1: latency against prompt and output length
#
# Two sweeps, one variable each. In the first, a short prompt asks for a long story and `max_tokens` caps
# the answer at 8 to 192 tokens; the model sometimes stops before the cap, so we use the number of tokens
# it actually wrote. In the second, the answer is capped at one token and the prompt grows from under 100
# to over 1,500 tokens of filler (the server's context holds 4,096).
#
# Three precautions make this a fair experiment. Every prompt is different and starts differently,
# because a server may reuse the work it did for the start of the previous prompt, and a repeated prompt
# would time that shortcut, not the model. The calls run in shuffled order, so a slow moment on the
# machine does not line up with one end of a sweep. And one warm-up call goes first, outside the
# measurement. One thing the notebook cannot control: if other programs share the CPU or the model
# server, some calls wait in line, and they show up as points far above the fitted line.

# %%
from llmcourse.notebook import llm
import random

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

# %%
CAPS = [8, 16, 32, 48, 64, 96, 128, 192]
TOPICS = ["a lighthouse keeper", "a lost umbrella", "a robot gardener", "a night train", "a chess club",
          "a desert well", "a paper boat", "a city of bridges"]
FILLER_WORDS = [30, 200, 400, 700, 1000, 1400]
VOCAB = ("river stone market window garden letter morning engine silver forest winter harbor candle "
         "signal meadow ladder orchard copper lantern valley pocket thunder velvet whistle compass "
         "blanket cellar saddle tunnel marble ribbon anchor basket feather kettle mirror needle "
         "pepper quarry rocket spiral teapot violet wagon yellow zipper bottle cactus").split()

rng = random.Random(2024)
design = [{"sweep": "output length", "max_tokens": cap,
           "content": f"Tell a long, detailed story about {topic}."} for cap, topic in zip(CAPS, TOPICS)]
for i, n_words in enumerate(FILLER_WORDS):
    filler = " ".join(rng.choice(VOCAB) for _ in range(n_words))
    design.append({"sweep": "prompt length", "max_tokens": 1,
                   "content": f"Note {i}, {n_words} words: {filler}\nReply with one word."})
rng.shuffle(design)

client = llm.client()
llm.chat("Say hello.", max_tokens=4)  # warm-up, not measured
llm.ledger.clear()
for call in design:
    client.chat.completions.create(model=llm.model_name(), messages=[{"role": "user", "content": call["content"]}],
                                   max_tokens=call["max_tokens"], temperature=0, seed=0)
calls = pd.concat([pd.DataFrame(design)[["sweep", "max_tokens"]],
                   llm.ledger.table()[["prompt_tokens", "completion_tokens", "latency_s", "cached"]]], axis=1)
calls.sort_values(["sweep", "prompt_tokens", "completion_tokens"]).drop(columns="cached")

# %% [markdown]
# The course records model responses and replays them on a re-run, but the ledger keeps the latency that
# was measured when each call really reached the model (a replayed row has `cached=True`), so the
# numbers here are real timings whether or not the cache served this run:

# %%
print(f"{len(calls)} calls, {int(calls['cached'].sum())} replayed from the cache; "
      f"latencies are as measured on the first run of each call")

# %% [markdown]
# Now fit one model to all the calls at once, `latency = a + b * prompt_tokens + c * output_tokens`, by
# least squares: `a` is the fixed cost of a call, `b` the time per prompt token, `c` the time per output
# token. The two sweeps vary one count each, which is what lets the fit tell `b` and `c` apart.

# %%
X = np.column_stack([np.ones(len(calls)), calls["prompt_tokens"], calls["completion_tokens"]])
(a, b, c), *_ = np.linalg.lstsq(X, calls["latency_s"].to_numpy(), rcond=None)
fitted = X @ np.array([a, b, c])
r2 = 1 - ((calls["latency_s"] - fitted) ** 2).sum() / ((calls["latency_s"] - calls["latency_s"].mean()) ** 2).sum()

fit = pd.DataFrame({
    "quantity": ["fixed cost per call (s)", "seconds per prompt token", "seconds per output token",
                 "prompt tokens read per second", "output tokens written per second",
                 "one output token costs as much time as N prompt tokens", "R² of the fit"],
    "value": [f"{v:.3g}" for v in (a, b, c, 1 / b, 1 / c, c / b, r2)]})
fit

# %%
by_sweep = {name: group for name, group in calls.groupby("sweep")}
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.8))

out = by_sweep["output length"]
xs = np.linspace(0, out["completion_tokens"].max(), 50)
left.scatter(out["completion_tokens"], out["latency_s"], color="tab:red", label="measured call")
left.plot(xs, a + b * out["prompt_tokens"].mean() + c * xs, color="black", lw=1,
          label=f"fit: {1000 * c:.1f} ms per output token")
left.set(title=f"Longer answers (prompt ≈ {out['prompt_tokens'].mean():.0f} tokens)",
         xlabel="output tokens written", ylabel="latency (s)")
left.legend(loc="upper left", fontsize=8)

inp = by_sweep["prompt length"]
xs = np.linspace(0, inp["prompt_tokens"].max(), 50)
right.scatter(inp["prompt_tokens"], inp["latency_s"], color="tab:blue", label="measured call")
right.plot(xs, a + b * xs + c * inp["completion_tokens"].mean(), color="black", lw=1,
           label=f"fit: {1000 * b:.2f} ms per prompt token")
right.plot(xs, a + c * xs, color="tab:red", lw=1, ls="--", label="as many output tokens (fit)")
right.set(title="Longer prompts (answer = 1 token)", xlabel="prompt tokens read")
right.legend(loc="upper left", fontsize=8)
fig.suptitle("Where the time goes: one fit, two sweeps", fontsize=11)
fig.tight_layout()
plt.show()

# %% [markdown]
# On the left, every extra output token adds a near-constant slice of time: each one is its own pass
# through the model. On the right, an extra prompt token adds less, and the dashed line shows what the
# same number of *output* tokens would have cost. The ratio row of the table says by how much, on this
# machine, today.
#
# Read that ratio with two cautions. First, it depends on how much parallel hardware the server has. Two
# CPU cores have little, so here a prompt of a thousand tokens still costs real seconds, and the blue
# points may bend upwards as attention over a longer context gets dearer; on accelerators built for large
# matrix products the prompt is cheap by comparison. Serving PaLM 540B on TPUs, Pope et al. reached 76%
# of the chips' peak FLOPS while processing input tokens in large batches, whereas generating at small
# batch size took 29 ms per token, a figure measured with the model's weights quantized to int8
# [@pope2022inference]. Second, the
# straight-line fit is a budget, not a law: the R² row says how well it holds here, and a fixed cost near
# zero or below it is the line making up for points that bend upwards, not a call that takes negative
# time. Measure your own stack before you promise anyone a response time.
#
# ## Experiment 2: context conditions the output
#
# The second basic is that everything in the conversation steers the answer. The task: sort short
# support messages into `billing`, `technical` or `delivery`, answering with the label alone, a format a
# program could consume. We ask each of nine messages twice: zero-shot (instructions only) and 3-shot
# (the same instructions plus three worked examples, one per label, given as earlier turns of the
# conversation). Two rates per condition: how often the reply is exactly one valid label, and how often
# it is the right one.

# %%
LABELS = ("billing", "technical", "delivery")
SYSTEM = ("You sort customer support messages. Reply with exactly one word, the category: "
          "billing, technical or delivery.")
EXAMPLES = [("I was charged twice for my subscription this month.", "billing"),
            ("The app freezes every time I open the settings page.", "technical"),
            ("My package was due on Monday and it still has not arrived.", "delivery")]
TESTS = [("Why is there an extra fee on my last invoice?", "billing"),
         ("Can I get a refund for the annual plan I cancelled?", "billing"),
         ("My card was declined but the money still left my account.", "billing"),
         ("I cannot reset my password, the link in the email is broken.", "technical"),
         ("The website shows error 500 when I upload a photo.", "technical"),
         ("Notifications stopped working after the latest update.", "technical"),
         ("The courier left my parcel at the wrong address.", "delivery"),
         ("How long does shipping to Canada usually take?", "delivery"),
         ("The tracking page says my box has been stuck in customs for ten days.", "delivery")]


def messages_for(question: str, shots: list[tuple[str, str]]) -> list[dict]:
    turns = [{"role": "system", "content": SYSTEM}]
    for asked, answered in shots:
        turns += [{"role": "user", "content": asked}, {"role": "assistant", "content": answered}]
    return turns + [{"role": "user", "content": question}]


def as_label(reply: str) -> str | None:
    word = reply.strip().strip(".!\"'`*").lower()
    return word if word in LABELS else None


llm.ledger.clear()
rows = []
for condition, shots in (("zero-shot", []), ("3-shot", EXAMPLES)):
    for question, gold in TESTS:
        reply = llm.chat(messages_for(question, shots), max_tokens=10)
        rows.append({"condition": condition, "message": question, "gold": gold, "reply": reply.strip(),
                     "valid": as_label(reply) is not None, "correct": as_label(reply) == gold})
answers = pd.concat([pd.DataFrame(rows), llm.ledger.table()[["prompt_tokens", "completion_tokens", "latency_s"]]],
                    axis=1)
answers.pivot(index="message", columns="condition", values="reply")[["zero-shot", "3-shot"]]

# %%
summary = answers.groupby("condition", sort=False).agg(
    valid_label_rate=("valid", "mean"), accuracy=("correct", "mean"),
    prompt_tokens=("prompt_tokens", "mean"), output_tokens=("completion_tokens", "mean"),
    latency_s=("latency_s", "mean"))
summary

# %%
zero, few = summary.loc["zero-shot"], summary.loc["3-shot"]
top = answers.loc[answers["condition"] == "3-shot", "reply"].str.lower().value_counts()
print(f"On this run, 3-shot moved the valid-label rate from {zero['valid_label_rate']:.0%} to "
      f"{few['valid_label_rate']:.0%} and accuracy from {zero['accuracy']:.0%} to {few['accuracy']:.0%} "
      f"(nine messages: one message is 11 points).")
print(f"Most common 3-shot reply: {top.index[0]!r}, {top.iloc[0]} of {len(TESTS)} "
      f"(the last worked example is labelled {EXAMPLES[-1][1]!r}).")
print(f"The examples added {few['prompt_tokens'] - zero['prompt_tokens']:.0f} prompt tokens per call; replies "
      f"averaged {few['output_tokens']:.1f} output tokens against {zero['output_tokens']:.1f}, and calls took "
      f"{few['latency_s']:.2f} s against {zero['latency_s']:.2f} s.")

# %% [markdown]
# Read the reply table before the rates: it is where you see *how* the model fails (a sentence instead of
# a word, a word outside the label set, a plausible but wrong category). Worked examples show the model
# the format as well as the task, so the format is usually the first thing they change. Whether accuracy
# follows is a separate question, and nine messages answer it only roughly: one or two messages either way
# is within the noise of a set this small, and a 135M-parameter model is easily swayed. Check, too, which
# labels the replies use. A model can lean on one label regardless of the message, for instance the one
# it saw last: Zhao et al. traced such biases to answers that sit near the end of the prompt or are
# common in pre-training, and found that the choice and even the order of the examples can move few-shot
# accuracy from near chance to near the state of the art
# [@zhao2021calibrate]; few-shot prompting itself was popularised by
# Brown et al. [-@brown2020gpt3]. The printed lines report what *this* run
# measured; the direction can differ between runs and models, which is why a real comparison needs more
# inputs than this demo spends.
#
# The last printed line ties the two experiments together: examples make the prompt longer, but if they
# also make the replies shorter, the call need not get slower, because output is the dearer kind of token.
#
# ## Why this matters for the product
#
# The fit turns into a latency budget. For a prompt of 500 tokens, here is how long a user would wait for
# the first token and for the whole answer, at three answer lengths:

# %%
PROMPT_TOKENS = 500
budget = pd.DataFrame({"answer tokens": [50, 150, 400]})
budget["first token (s)"] = a + b * PROMPT_TOKENS + c * 1
budget["whole answer (s)"] = a + b * PROMPT_TOKENS + c * budget["answer tokens"]
budget.round(2)

# %% [markdown]
# Two design levers follow, and both appear in providers' latency guides:
#
# - **Stream the answer.** The first token is ready as soon as the prompt is read; the rest follows one
#   token at a time. A streamed reply lets the user start reading after the first column instead of the
#   second, and the gap between them grows with every token of the answer. Anthropic's
#   latency guide defines time to first token and lists streaming, next to trimming prompt and output
#   tokens, among its remedies
#   [@anthropic_latency];
#   OpenAI's guide counts making users wait less among its principles
#   [@openai_latency].
# - **Cap and shape the output.** Every output token adds its slice to the total, so ask for the short form
#   you need (a label, a JSON object, three bullets) and set `max_tokens` as a hard ceiling on the wait.
#   "Generate fewer tokens" is one of OpenAI's latency principles, in the same guide [@openai_latency]. Token for token, trimming
#   the prompt buys less, though on hardware like this one a long prompt is not free either.
#
# ## What to take away
#
# - Token for token, output costs more time than prompt. Each output token is a separate pass through
#   the model, while prompt tokens are read in batches. How large the gap is depends on the hardware; you
#   measured it here, and the same two sweeps measure it for your own model and provider.
# - When you benchmark, vary one thing at a time, use distinct prompts, shuffle the order, and fit all
#   the calls together. The ledger keeps measured latencies even when responses are replayed.
# - For the product: stream, and keep answers as short as the task allows; a cap on output tokens is a
#   cap on the wait.
# - Context steers the output. Worked examples as earlier turns of the conversation tend to fix the
#   format first; check what they do for your task by measuring rates over many inputs, never from one
#   reply.
