"""Known-wrong answers for gpus_training_from_scratch: each must fail at least one grader case."""

_SCALE = {"FLOP/s": 1.0, "GFLOP/s": 1e9, "TFLOP/s": 1e12, "PFLOP/s": 1e15}


def _checked(n_params, n_tokens, peak, utilisation, usd_per_gpu_hour):
    if not isinstance(peak, (tuple, list)) or len(peak) != 2 or peak[1] not in _SCALE:
        raise ValueError("peak must be (value, unit)")
    if n_params <= 0 or n_tokens <= 0 or peak[0] <= 0 or not 0 < utilisation <= 1 or usd_per_gpu_hour < 0:
        raise ValueError("bad input")
    return peak[0] * _SCALE[peak[1]]


def training_cost__inference_flops(n_params, n_tokens, peak, utilisation, usd_per_gpu_hour):
    """Counts one forward pass per token (2ND) and forgets the backward pass that training adds."""
    speed = _checked(n_params, n_tokens, peak, utilisation, usd_per_gpu_hour)
    flop = 2 * n_params * n_tokens
    hours = flop / (speed * utilisation) / 3600
    return {"flop": flop, "gpu_hours": hours, "usd": hours * usd_per_gpu_hour}


def training_cost__ignores_the_unit(n_params, n_tokens, peak, utilisation, usd_per_gpu_hour):
    """Reads (312, 'TFLOP/s') as 312 operations per second."""
    _checked(n_params, n_tokens, peak, utilisation, usd_per_gpu_hour)
    flop = 6 * n_params * n_tokens
    hours = flop / (peak[0] * utilisation) / 3600
    return {"flop": flop, "gpu_hours": hours, "usd": hours * usd_per_gpu_hour}


def training_cost__seconds_not_hours(n_params, n_tokens, peak, utilisation, usd_per_gpu_hour):
    """Reports accelerator seconds as hours, and bills them at the hourly price."""
    speed = _checked(n_params, n_tokens, peak, utilisation, usd_per_gpu_hour)
    flop = 6 * n_params * n_tokens
    seconds = flop / (speed * utilisation)
    return {"flop": flop, "gpu_hours": seconds, "usd": seconds * usd_per_gpu_hour}


def training_cost__assumes_peak_speed(n_params, n_tokens, peak, utilisation, usd_per_gpu_hour):
    """Forgets the utilisation: prices the run as if the hardware ran at its peak all the time."""
    speed = _checked(n_params, n_tokens, peak, utilisation, usd_per_gpu_hour)
    flop = 6 * n_params * n_tokens
    hours = flop / speed / 3600
    return {"flop": flop, "gpu_hours": hours, "usd": hours * usd_per_gpu_hour}


def training_cost__accepts_percentages(n_params, n_tokens, peak, utilisation, usd_per_gpu_hour):
    """Divides a utilisation above 1 by 100 instead of refusing it."""
    if utilisation > 1:
        utilisation = utilisation / 100
    speed = _checked(n_params, n_tokens, peak, utilisation, usd_per_gpu_hour)
    flop = 6 * n_params * n_tokens
    hours = flop / (speed * utilisation) / 3600
    return {"flop": flop, "gpu_hours": hours, "usd": hours * usd_per_gpu_hour}


def training_cost__case_insensitive_units(n_params, n_tokens, peak, utilisation, usd_per_gpu_hour):
    """Upper-cases the unit before looking it up, so 'pflop/s' (pico) is read as PFLOP/s (peta)."""
    value, unit = peak
    return _good(n_params, n_tokens, (value, unit.upper().replace("/S", "/s")), utilisation, usd_per_gpu_hour)


def training_cost__no_validation(n_params, n_tokens, peak, utilisation, usd_per_gpu_hour):
    """Computes whatever it is given: negative counts, a 0 utilisation is an error only by accident."""
    value, unit = peak if isinstance(peak, (tuple, list)) else (peak, "FLOP/s")
    speed = value * _SCALE.get(unit, 1.0)
    flop = 6 * n_params * n_tokens
    hours = flop / (speed * utilisation) / 3600 if speed * utilisation else float("inf")
    return {"flop": flop, "gpu_hours": hours, "usd": hours * usd_per_gpu_hour}


def _good(n_params, n_tokens, peak, utilisation, usd_per_gpu_hour):
    speed = _checked(n_params, n_tokens, peak, utilisation, usd_per_gpu_hour)
    flop = 6 * n_params * n_tokens
    hours = flop / (speed * utilisation) / 3600
    return {"flop": flop, "gpu_hours": hours, "usd": hours * usd_per_gpu_hour}
