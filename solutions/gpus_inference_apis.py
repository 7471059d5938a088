# %%
from llmcourse.notebook import llm, check, hint
import math

# %% [markdown]
# The lesson compared two bills: an API that charges per token and a rented GPU that charges per hour. These
# two exercises are the calculation behind that comparison, written so that you can redo it with your own
# prices, your own throughput measurement and your own traffic.
#
# Units used throughout: volumes in **millions of tokens per month**, prices in **US dollars**, the API's
# price in dollars per million tokens, the GPU's price in dollars per GPU-hour, the GPU's throughput in
# tokens per second at full load, and `hours_per_month` hours of rental in a month (730 for an always-on
# server). One GPU working flat out all month serves
# `capacity = tokens_per_s * 3600 * hours_per_month / 1e6` million tokens.
#
# ## Exercise 1: the break-even volume
#
# Write `break_even_volume(api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month=730.0)`: the
# monthly volume at which one always-on GPU costs exactly what the API costs for the same tokens. The GPU's
# bill is `gpu_usd_per_hour * hours_per_month` whatever the volume; the API's is `volume * api_usd_per_m`.
#
# - If that volume is **more** than one GPU can serve in the month (`capacity` above), the GPU is dearer
#   per token than the API even when fully busy, so self-hosting never catches up: return `math.inf`. A
#   break-even exactly equal to the capacity is still reachable: return it.
# - Every argument must be positive: raise `ValueError` otherwise (a free API or a GPU that makes no
#   tokens has no break-even to compute).
#
# No rounding: return the float.

# %%
def break_even_volume(api_usd_per_m: float, gpu_usd_per_hour: float, tokens_per_s: float,
                      hours_per_month: float = 730.0) -> float:
    """Millions of tokens per month at which one always-on GPU costs as much as the API, or math.inf when a
    fully busy GPU is still dearer per token than the API. Raises ValueError for a non-positive argument."""
    # BEGIN SOLUTION
    if min(api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month) <= 0:
        raise ValueError("prices, throughput and hours must all be positive")
    fixed = gpu_usd_per_hour * hours_per_month
    capacity = tokens_per_s * 3600 * hours_per_month / 1e6
    volume = fixed / api_usd_per_m
    return volume if volume <= capacity else math.inf
    # END SOLUTION


# %%
check("gpus_inference_apis.break_even_volume", break_even_volume)

# %% [markdown]
# ## Exercise 2: the decision at a given volume
#
# Write `cheaper_option(volume_m, api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month=730.0)`
# that prices both options for a month's traffic and returns a dict with exactly these keys:
#
# - `"gpus"`: how many GPUs self-hosting rents, `ceil(volume_m / capacity)`, and **at least 1** (a
#   self-hosted service is up even when nobody calls it). Traffic that fills GPUs exactly needs no extra
#   one: a volume of exactly twice the capacity needs 2.
# - `"api_usd"`: `volume_m * api_usd_per_m`.
# - `"self_host_usd"`: `gpus * gpu_usd_per_hour * hours_per_month`.
# - `"choice"`: `"self-host"` only when it is **strictly** cheaper than the API, else `"api"`. On a tie,
#   the API wins: the same bill without servers to run.
#
# A volume of 0 is allowed (nothing to serve yet). A negative volume, or any other argument that is not
# positive, raises `ValueError`.

# %%
def cheaper_option(volume_m: float, api_usd_per_m: float, gpu_usd_per_hour: float, tokens_per_s: float,
                   hours_per_month: float = 730.0) -> dict:
    """Both monthly bills for volume_m million tokens, the GPUs rented, and which option is cheaper."""
    # BEGIN SOLUTION
    if volume_m < 0:
        raise ValueError("volume cannot be negative")
    if min(api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month) <= 0:
        raise ValueError("prices, throughput and hours must all be positive")
    capacity = tokens_per_s * 3600 * hours_per_month / 1e6
    gpus = max(1, math.ceil(volume_m / capacity))
    api_usd = volume_m * api_usd_per_m
    self_host_usd = gpus * gpu_usd_per_hour * hours_per_month
    choice = "self-host" if self_host_usd < api_usd else "api"
    return {"choice": choice, "gpus": gpus, "api_usd": api_usd, "self_host_usd": self_host_usd}
    # Reading the result: with the lesson's A100 row (5,586 tokens/s, $1.79 an hour) against $0.75 per
    # million tokens, break_even_volume gives about 1,742 million tokens a month, 12% of one GPU's capacity.
    # At 15,000 million tokens one GPU is full, so cheaper_option rents two ($2,613) and still beats the API
    # ($11,250). Where the break-even sits above half of one GPU's capacity, the step to a second GPU can
    # hand the decision back to the API for a while; a cheaper API moves every crossing to the right.
    # END SOLUTION


# %%
check("gpus_inference_apis.cheaper_option", cheaper_option)

# %% [markdown]
# Stuck? `hint("gpus_inference_apis.break_even_volume")` or `hint("gpus_inference_apis.cheaper_option")`
# shows the next hint.
