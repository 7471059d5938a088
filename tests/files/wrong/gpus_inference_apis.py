"""Known-wrong answers for gpus_inference_apis: each must fail at least one grader case."""

import math


def _valid(*numbers):
    if min(numbers) <= 0:
        raise ValueError("must be positive")


def break_even_volume__hard_coded(api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month=730.0):
    """Returns the first case's answer whatever the input."""
    return 1.79 * 730 / 0.75


def break_even_volume__ignores_capacity(api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month=730.0):
    """Divides the fixed bill by the API price and never asks whether one GPU can serve that volume."""
    _valid(api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month)
    return gpu_usd_per_hour * hours_per_month / api_usd_per_m


def break_even_volume__strict_capacity(api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month=730.0):
    """Treats a break-even exactly at full capacity as unreachable."""
    _valid(api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month)
    volume = gpu_usd_per_hour * hours_per_month / api_usd_per_m
    return volume if volume < tokens_per_s * 3600 * hours_per_month / 1e6 else math.inf


def break_even_volume__capacity_per_second(api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month=730.0):
    """Forgets the 3,600 seconds of an hour when computing capacity."""
    _valid(api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month)
    volume = gpu_usd_per_hour * hours_per_month / api_usd_per_m
    return volume if volume <= tokens_per_s * hours_per_month / 1e6 else math.inf


def break_even_volume__always_730_hours(api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month=730.0):
    """Ignores the hours it is given."""
    _valid(api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month)
    volume = gpu_usd_per_hour * 730 / api_usd_per_m
    return volume if volume <= tokens_per_s * 3600 * 730 / 1e6 else math.inf


def break_even_volume__no_validation(api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month=730.0):
    """Computes whatever it is given: a zero price or zero throughput slips through."""
    volume = gpu_usd_per_hour * hours_per_month / api_usd_per_m if api_usd_per_m else math.inf
    return volume if volume <= tokens_per_s * 3600 * hours_per_month / 1e6 else math.inf


def cheaper_option__hard_coded(volume_m, api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month=730.0):
    """Returns the first case's answer whatever the input."""
    return {"choice": "api", "gpus": 1, "api_usd": 100.0, "self_host_usd": 1000.0}


def cheaper_option__one_gpu_always(volume_m, api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month=730.0):
    """Prices one GPU however much traffic there is."""
    if volume_m < 0:
        raise ValueError("negative volume")
    _valid(api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month)
    api, own = volume_m * api_usd_per_m, gpu_usd_per_hour * hours_per_month
    return {"choice": "self-host" if own < api else "api", "gpus": 1, "api_usd": api, "self_host_usd": own}


def cheaper_option__tie_goes_to_self_host(volume_m, api_usd_per_m, gpu_usd_per_hour, tokens_per_s,
                                          hours_per_month=730.0):
    """Chooses self-hosting when the bills are equal."""
    if volume_m < 0:
        raise ValueError("negative volume")
    _valid(api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month)
    gpus = max(1, math.ceil(volume_m / (tokens_per_s * 3600 * hours_per_month / 1e6)))
    api, own = volume_m * api_usd_per_m, gpus * gpu_usd_per_hour * hours_per_month
    return {"choice": "self-host" if own <= api else "api", "gpus": gpus, "api_usd": api, "self_host_usd": own}


def cheaper_option__no_gpu_when_idle(volume_m, api_usd_per_m, gpu_usd_per_hour, tokens_per_s,
                                     hours_per_month=730.0):
    """Rents no GPU at all for zero traffic."""
    if volume_m < 0:
        raise ValueError("negative volume")
    _valid(api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month)
    gpus = math.ceil(volume_m / (tokens_per_s * 3600 * hours_per_month / 1e6))
    api, own = volume_m * api_usd_per_m, gpus * gpu_usd_per_hour * hours_per_month
    return {"choice": "self-host" if own < api else "api", "gpus": gpus, "api_usd": api, "self_host_usd": own}


def cheaper_option__rounds_gpus_down_plus_one(volume_m, api_usd_per_m, gpu_usd_per_hour, tokens_per_s,
                                              hours_per_month=730.0):
    """Uses floor + 1 GPUs, which rents a spare GPU when traffic fills them exactly."""
    if volume_m < 0:
        raise ValueError("negative volume")
    _valid(api_usd_per_m, gpu_usd_per_hour, tokens_per_s, hours_per_month)
    gpus = int(volume_m // (tokens_per_s * 3600 * hours_per_month / 1e6)) + 1
    api, own = volume_m * api_usd_per_m, gpus * gpu_usd_per_hour * hours_per_month
    return {"choice": "self-host" if own < api else "api", "gpus": gpus, "api_usd": api, "self_host_usd": own}
