# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# The lesson priced a training run in three steps: the arithmetic a run needs (about 6 floating-point
# operations per parameter per training token), the accelerator hours that arithmetic takes at the speed
# the hardware really reaches, and the dollars those hours cost. This exercise turns the three steps into
# one function you can point at any proposal that starts with "we could train our own model".
#
# ## Exercise: what would the training run cost?
#
# Write `training_cost(n_params, n_tokens, peak, utilisation, usd_per_gpu_hour)` that returns a dict with
# three numbers:
#
# - `"flop"`: the training compute, `6 * n_params * n_tokens` floating-point operations;
# - `"gpu_hours"`: the accelerator hours that compute takes when each accelerator delivers
#   `peak * utilisation` operations per second (divide by that speed, then convert seconds to hours);
# - `"usd"`: `gpu_hours * usd_per_gpu_hour`.
#
# Most expensive mistakes in these estimates are unit mistakes, so the function checks its units:
#
# - `peak` is one accelerator's peak speed as a pair `(value, unit)`, for example `(312, "TFLOP/s")`. The
#   unit must be exactly one of `"FLOP/s"`, `"GFLOP/s"` (1e9), `"TFLOP/s"` (1e12) or `"PFLOP/s"` (1e15).
#   Anything else raises `ValueError`: a bare number with no unit, a misspelt unit such as `"TFLOPS"`, or
#   a unit in other letter case (`"tflop/s"`; in SI prefixes case is meaning: `p` is pico, `P` is peta).
# - `utilisation` is a fraction of peak: `0 < utilisation <= 1`. A value such as `33` is a percentage
#   and raises `ValueError`, as does `0`.
# - `n_params`, `n_tokens` and the peak value must be positive, and `usd_per_gpu_hour` must not be negative
#   (`0` is allowed: hardware you already own has no hourly price here). Raise `ValueError` otherwise.
#
# Do not round: the grader compares each number within a relative tolerance of 1e-6.

# %%
def training_cost(n_params: float, n_tokens: float, peak: tuple, utilisation: float,
                  usd_per_gpu_hour: float) -> dict:
    """Compute, accelerator hours and dollars of a training run from 6 * N * D.

    `peak` is (value, unit) with unit one of FLOP/s, GFLOP/s, TFLOP/s, PFLOP/s; utilisation is a fraction
    in (0, 1]. Raises ValueError for an unknown unit, a bare number for `peak`, a non-positive count or
    speed, a utilisation outside (0, 1], or a negative price.
    """
    # BEGIN SOLUTION
    scale = {"FLOP/s": 1.0, "GFLOP/s": 1e9, "TFLOP/s": 1e12, "PFLOP/s": 1e15}
    if not isinstance(peak, (tuple, list)) or len(peak) != 2:
        raise ValueError(f"peak must be a pair (value, unit), e.g. (312, 'TFLOP/s'), not {peak!r}")
    value, unit = peak
    if unit not in scale:
        raise ValueError(f"unknown unit {unit!r}: use one of {', '.join(scale)}")
    if n_params <= 0 or n_tokens <= 0:
        raise ValueError("the parameter and token counts must be positive")
    if value <= 0:
        raise ValueError("the peak speed must be positive")
    if not 0 < utilisation <= 1:
        raise ValueError(f"utilisation is a fraction of peak in (0, 1]; {utilisation!r} looks like a percentage")
    if usd_per_gpu_hour < 0:
        raise ValueError("a price per accelerator hour cannot be negative")
    flop = 6 * n_params * n_tokens
    gpu_hours = flop / (value * scale[unit] * utilisation) / 3600
    return {"flop": flop, "gpu_hours": gpu_hours, "usd": gpu_hours * usd_per_gpu_hour}
    # Reading it on the lesson's case, training_cost(50.6e9, 569e9, (312, "TFLOP/s"), 102 / 312, 1.844):
    # about 1.7e23 operations, 470 thousand A100 hours and $0.87M at the speed the BloombergGPT paper
    # reports (102 of 312 TFLOP/s) and the A100 reservation rate the lesson cites. The paper's own run took
    # about 640 thousand GPU hours: the estimate leaves out recomputed activations, restarts and evaluation,
    # and the people. Every input enters linearly, so a 2x error in any one of them is a 2x error in the bill.
    # END SOLUTION


# %%
check("gpus_training_from_scratch.training_cost", training_cost)

# %% [markdown]
# Stuck? `hint("gpus_training_from_scratch.training_cost")` shows the next hint.
