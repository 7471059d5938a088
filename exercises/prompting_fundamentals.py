# Generated from solutions/prompting_fundamentals.py by `llmcourse assign`: edit the solution, not this file.
# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# The lesson measured what a prompt's worked examples and facts do to the answers. This exercise turns
# two of its lessons into code that builds the prompt, so that every prompt your product sends gets them
# right without anyone remembering to: the worked examples are deduplicated and balanced across labels,
# and a prompt that carries context always names the way out.
#
# ## Exercise: balanced, deduplicated examples and a grounded question
#
# Write `grounded_few_shot(question, pool, k, context=None)`. `pool` lists the worked examples you have
# collected, oldest first, as `(text, label)` pairs. Return the chat messages of a prompt (a list of
# `{"role": ..., "content": ...}` dicts) built in three steps:
#
# 1. **Deduplicate.** Two examples are duplicates when their texts are equal after folding:
#    `" ".join(text.split()).casefold()` (runs of whitespace become one space, ends trimmed, case
#    ignored). Keep the first of each group, whatever the labels of the later ones.
# 2. **Balance.** List the labels in the order in which each first appears among the kept examples. Pick
#    in rounds: round one takes the first kept example of each label, in that label order; round two the
#    second example of each label that has one; and so on. Stop as soon as `k` examples are picked, or
#    when the examples run out (then return all of them: fewer than `k` is not an error).
# 3. **Write the messages.** Each picked example, in the order picked, becomes a user turn with its text
#    and then an assistant turn with its label, both copied unchanged. The last message is a user turn:
#    the question, unchanged, when `context` is `None`; otherwise
#    `f"Context:\n{context}\n\nQuestion: {question}\n{WAY_OUT}"` with `WAY_OUT` as defined below.
#
# Raise `ValueError` before building anything when: the question is empty or only whitespace; `k` is
# negative (`k = 0` is a zero-shot prompt and is fine); `context` is a string that is empty or only
# whitespace (pass `None` for no context); or any example in the pool has an empty or whitespace-only text
# or label.

# %%
WAY_OUT = ("Answer only from the context. If the context does not contain the answer, reply exactly: "
           "insufficient information")


def grounded_few_shot(question: str, pool: list[tuple[str, str]], k: int,
                      context: str | None = None) -> list[dict]:
    """Chat messages: up to k deduplicated worked examples balanced across labels, then the question,
    grounded in `context` with the way out when a context is given."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("prompting_fundamentals.grounded_few_shot", grounded_few_shot)

# %% [markdown]
# Stuck? `hint("prompting_fundamentals.grounded_few_shot")` shows the next hint.
