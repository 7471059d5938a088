# %%
from llmcourse.notebook import llm, check, hint
import numpy as np

# %% [markdown]
# The lesson measured two things every engineer on an LLM team should have felt once: answer length,
# far more than prompt length, sets the wait, and examples placed in the conversation steer what comes
# back. These two exercises turn each measurement into a tool you can reuse on any model or provider.
#
# ## Exercise 1: fit latency against token counts
#
# Every call in `llm.ledger.table()` has `prompt_tokens`, `completion_tokens` and `latency_s`. Write
# `fit_latency(calls)` that fits `latency_s = a + b * prompt_tokens + c * completion_tokens` by least
# squares over all the calls and returns `{"overhead_s": a, "s_per_prompt_token": b, "s_per_output_token": c}`.
#
# The three numbers are a latency budget you can explain to a designer: `a` is what every call costs
# (network, queueing, set-up), `b` what a longer prompt adds, `c` what each token of the answer adds.
# A fit is only as good as the experiment behind it. With fewer than three calls, or when every call
# has the same prompt length (or the same answer length), the data cannot separate the three numbers:
# raise `ValueError` rather than return something that looks like a measurement. The same holds when
# the two counts move together, for example when every prompt is ten times as long as its answer: then
# any cost could be put on either kind of token. Check that the design matrix (ones, prompt tokens,
# output tokens) has full rank, `numpy.linalg.matrix_rank(X) == 3`, before you fit.

# %%
def fit_latency(calls: list[dict]) -> dict:
    """Least-squares fit of latency_s = a + b * prompt_tokens + c * completion_tokens over `calls`.

    Each call is a dict with (at least) prompt_tokens, completion_tokens and latency_s. Returns
    {"overhead_s": a, "s_per_prompt_token": b, "s_per_output_token": c}. Raises ValueError with fewer
    than three calls, when prompt_tokens or completion_tokens never varies, or when they are collinear.
    """
    # BEGIN SOLUTION
    if len(calls) < 3:
        raise ValueError(f"need at least 3 calls to fit 3 numbers, got {len(calls)}")
    prompt = np.array([c["prompt_tokens"] for c in calls], dtype=float)
    output = np.array([c["completion_tokens"] for c in calls], dtype=float)
    latency = np.array([c["latency_s"] for c in calls], dtype=float)
    design = np.column_stack([np.ones_like(prompt), prompt, output])
    # rank 3 fails when a count never varies and when the two counts lie on one line: both leave
    # infinitely many fits, of which lstsq would quietly return one
    if np.linalg.matrix_rank(design) < 3:
        raise ValueError("prompt_tokens and completion_tokens must each vary, and independently of each other "
                         "(not one a fixed multiple of the other): otherwise their costs cannot be told apart")
    (a, b, c), *_ = np.linalg.lstsq(design, latency, rcond=None)
    return {"overhead_s": float(a), "s_per_prompt_token": float(b), "s_per_output_token": float(c)}
    # END SOLUTION


# %%
check("team_empower_everyone.fit_latency", fit_latency)

# %% [markdown]
# ## Exercise 2: condition the model with worked examples
#
# The chat API takes the whole conversation as a list of `{"role": ..., "content": ...}` messages, and
# the model continues it. A few-shot prompt is a conversation that has already happened: each worked
# example is a user turn (the input) followed by an assistant turn (the answer you want), so the model's
# next turn imitates them.
#
# Write `few_shot_messages(system, examples, question)` that returns the system message, then each
# `(input, answer)` example as a user turn and an assistant turn, in the order given, then the question
# as the final user turn. With no examples it is a zero-shot prompt: two messages. Keeping this in one
# function means zero-shot and few-shot variants of a prompt differ only in `examples`, which is what
# you want when you compare them.

# %%
def few_shot_messages(system: str, examples: list[tuple[str, str]], question: str) -> list[dict]:
    """Chat messages: the system message, each (input, answer) example as a user then an assistant turn,
    then `question` as the last user turn."""
    # BEGIN SOLUTION
    messages = [{"role": "system", "content": system}]
    for asked, answered in examples:
        messages.append({"role": "user", "content": asked})
        messages.append({"role": "assistant", "content": answered})
    messages.append({"role": "user", "content": question})
    return messages
    # END SOLUTION


# %%
check("team_empower_everyone.few_shot_messages", few_shot_messages)

# %% [markdown]
# Stuck? `hint("team_empower_everyone.fit_latency")` or `hint("team_empower_everyone.few_shot_messages")`
# shows the next hint. Once both pass, run `fit_latency` on `llm.ledger.table().to_dict("records")` after
# a few calls of your own, and send `few_shot_messages(...)` to the model with `llm.chat(messages)`.
