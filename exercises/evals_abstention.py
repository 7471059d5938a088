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

# Generated from solutions/evals_abstention.py by `llmcourse assign`: edit the solution, not this file.

# %% [markdown]
# # Exercises: abstention and calibration
#
# Two functions, each graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
from typing import Callable, Sequence

from llmcourse.notebook import check, hint

# %% [markdown]
# ## 1. An abstention policy
#
# Wrap a question-answering call in a rule that decides, before the model is called, whether there
# is enough evidence to answer.
#
# `retrieved` is a list of `(passage_text, score)` pairs from a retriever, in any order (higher scores
# mean better matches; scores may be negative). `answer_fn(question, passages)` is the expensive call
# to the model; it returns the answer text.
#
# - If `retrieved` is empty, or the **best** score is **below** `threshold`, return `abstain_message`
#   exactly, and **do not call** `answer_fn` at all: abstaining must not cost a model call.
# - Otherwise (the best score is at least `threshold`, equality included), call `answer_fn` once with
#   the question and a **list** of all the passage texts sorted by score, highest first (passages with
#   equal scores keep their order from `retrieved`), and return what it returns, unchanged.

# %%
def answer_or_abstain(question: str, retrieved: list[tuple[str, float]],
                      answer_fn: Callable[[str, list[str]], str], threshold: float,
                      abstain_message: str = "I don't know.") -> str:
    """The model's answer when the best retrieval score reaches `threshold`, else `abstain_message`."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("evals_abstention.answer_or_abstain", answer_or_abstain)

# %% [markdown]
# ## 2. Expected calibration error
#
# `confidences[i]` is the probability a model gave to its `i`-th answer and `correct[i]` says whether
# that answer was right (`True`/`False` or `1`/`0`). Both are sequences of the same length (lists,
# tuples or numpy arrays). Return the expected calibration error as a float:
#
# - split `[0, 1]` into `n_bins` bins of equal width; bin `i` holds the confidences `c` with
#   `i / n_bins <= c < (i + 1) / n_bins`, except that the last bin also holds `c == 1.0`;
# - a confidence on an edge opens the upper bin, with the edge computed as the float `i / n_bins`:
#   with 10 bins, 0.6 goes with 0.65 into `[0.6, 0.7)`. Beware of `np.histogram` and `np.linspace`,
#   whose edges can be off in the last bit (`np.linspace(0, 1, 11)[6]` is `0.6000000000000001`) and
#   then put 0.3, 0.6 or 0.7 in the bin below; `int(c * n_bins)` follows this convention;
# - for each **non-empty** bin `b`, with `n_b` answers, mean confidence `conf_b` and share correct
#   `acc_b`, add `(n_b / N) * |acc_b - conf_b|`, where `N` is the total number of answers.
#
# Raise `ValueError` when there are no answers, when the two sequences differ in length, when a
# confidence is outside `[0, 1]`, or when `n_bins` is less than 1.

# %%
def expected_calibration_error(confidences: Sequence[float], correct: Sequence[bool], n_bins: int = 10) -> float:
    """Weighted mean gap between confidence and accuracy over equal-width confidence bins."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("evals_abstention.expected_calibration_error", expected_calibration_error)
