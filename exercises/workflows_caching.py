# Generated from solutions/workflows_caching.py by `llmcourse assign`: edit the solution, not this file.
# %% [markdown]
# # Exercises: a cache key and a time to live
#
# Two functions, each graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
import unicodedata

from llmcourse.notebook import check, hint

# %% [markdown]
# ## 1. A cache key that survives retyping and forgets old prompts
#
# Write `cache_key(text, model, prompt_version)` returning the tuple
# `(model, prompt_version, normalised_text)`. Normalise `text` in this order:
#
# 1. apply Unicode NFKC normalisation (`unicodedata.normalize("NFKC", text)`), so a full-width `Ａ` or a
#    non-breaking space becomes the plain character;
# 2. case-fold it with `str.casefold()` (not `lower()`: `"Straße".casefold()` is `"strasse"`);
# 3. replace every run of whitespace (spaces, tabs, newlines) with one space and strip both ends;
# 4. remove every `?`, `!` and `.` at the **end** of the text (`"card?!"` becomes `"card"`), then strip
#    the spaces that this may leave at the end. Punctuation elsewhere stays: `"2.5"` keeps its dot.
#
# `model` and `prompt_version` go into the key **unchanged**: they are identifiers, and `"v2"` and `"V2"`
# may be different prompts. Because they are part of the key, answers stored under an old model or prompt
# version can never be served after a change.
#
# Raise `ValueError` when `model` or `prompt_version` is empty, or when nothing is left of the text after
# normalising (an empty or all-punctuation question must not share one cached answer).

# %%
def cache_key(text: str, model: str, prompt_version: str) -> tuple[str, str, str]:
    """(model, prompt_version, normalised text): the key under which to store an answer."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("workflows_caching.cache_key", cache_key)

# %% [markdown]
# ## 2. Hits and misses with a time to live
#
# `requests` is a list of `(time, key)` pairs in the order they arrived: `time` is a number (seconds,
# say) and `key` is any hashable value, such as a tuple from `cache_key`. Write
# `cache_hits(requests, ttl)` that replays them through an empty cache and returns a list of booleans,
# one per request, `True` for a hit:
#
# - a request is a **hit** when its key is in the cache and was stored **less than** `ttl` ago
#   (`time - stored_at < ttl`; at exactly `ttl` the answer has expired);
# - on a **miss** the answer is fetched and stored with the request's time, replacing any expired entry;
# - a hit does **not** refresh the stored time, so no answer lives longer than `ttl` after it was made.
#
# Raise `ValueError` when `ttl` is not positive, or when a request's time is earlier than the one before
# it (a log out of order would make expiry meaningless). Equal times are fine. An empty list gives `[]`.

# %%
def cache_hits(requests: list[tuple[float, object]], ttl: float) -> list[bool]:
    """For each (time, key) request, whether a cache with this time to live serves it."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("workflows_caching.cache_hits", cache_hits)

