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
# The lesson checked four contracts on every reply of two configurations. Here you write the suite as
# one function that takes the provider as an argument, so the same code runs against the embedded
# model, a hosted API, or a test stand-in. The grader runs it against scripted providers, each of which
# breaks one contract (or behaves perfectly), and checks the pass rates you report.
#
# `hint("iterate_system_not_model.run_contracts")` (or `llmcourse hint ...` in a terminal) shows one more
# hint each time.

# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# ## Exercise: `run_contracts`
#
# Write `run_contracts(client, model, prompts, labels, max_chars=40, max_tokens=16)`.
#
# - `client` is any object with the `openai` client's interface. For **each** prompt in `prompts`, in
#   order, call it **exactly once**:
#   `client.chat.completions.create(model=model, messages=[{"role": "user", "content": prompt}],
#   max_tokens=max_tokens, temperature=0)`. Use the `client` and `model` you are given, never the
#   course's own `llm`. The reply is `response.choices[0].message.content`; treat `None` as `""`.
# - Check four contracts on each reply, with `text = reply.strip()`:
#   - `"answers"`: `text` is not empty;
#   - `"one_line"`: `text` contains no newline character `"\n"`;
#   - `"short"`: `len(text) <= max_chars`;
#   - `"known_label"`: `text`, with **one** final `"."` removed if there is one and then stripped again,
#     equals one of `labels` when both are lower-cased (so `" Rates. "` matches the label `"rates"`, but
#     `"rates.."` and `"rates please"` do not).
# - Return a dict with exactly these four keys, each mapped to the share of prompts whose reply keeps
#   that contract, as a float between 0 and 1 (no rounding).
# - Raise `ValueError` with a message, before calling the client, when `prompts` or `labels` is empty.

# %%
def run_contracts(client, model: str, prompts: list[str], labels: list[str], max_chars: int = 40,
                  max_tokens: int = 16) -> dict[str, float]:
    """The share of prompts whose reply keeps each of the four contracts."""
    # BEGIN SOLUTION
    if not prompts:
        raise ValueError("no prompts: a contract suite needs at least one probe")
    if not labels:
        raise ValueError("no labels: known_label cannot be checked against an empty list")
    known = {label.lower() for label in labels}
    kept = {"answers": 0, "one_line": 0, "short": 0, "known_label": 0}
    for prompt in prompts:
        response = client.chat.completions.create(
            model=model, messages=[{"role": "user", "content": prompt}], max_tokens=max_tokens, temperature=0)
        text = (response.choices[0].message.content or "").strip()
        kept["answers"] += bool(text)
        kept["one_line"] += "\n" not in text
        kept["short"] += len(text) <= max_chars
        kept["known_label"] += text.removesuffix(".").strip().lower() in known
    return {name: count / len(prompts) for name, count in kept.items()}
    # END SOLUTION


# The suite does not care which provider it tests: run on the lesson's replies it would report the same
# per-contract rates as the lesson's table. A rate below 1.0 names the contract a provider breaks, which
# tells you whether a guardrail can absorb it (format) or the swap needs more work (content).

# %%
check("iterate_system_not_model.run_contracts", run_contracts)
