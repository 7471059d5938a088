"""Known-wrong answers for data_daily_samples: each must fail its grader."""

import random

KEYS = ("route", "outcome", "length")


def _validate(log, k, min_per_stratum, keys):
    if k < 0 or min_per_stratum < 0:
        raise ValueError("negative")
    ids = [e["id"] for e in log]
    if len(set(ids)) != len(ids) or any(key not in e for e in log for key in keys):
        raise ValueError("bad log")


def _strata(log, keys):
    strata = {}
    for entry in log:
        strata.setdefault(tuple(entry[key] for key in keys), []).append(entry["id"])
    return strata


def daily_sample__plain_random(log, k, min_per_stratum=1, seed=0, keys=KEYS):
    """A uniform random sample of k ids: rare strata are missed on most days."""
    _validate(log, k, min_per_stratum, keys)
    ids = sorted(e["id"] for e in log)
    return sorted(random.Random(seed).sample(ids, min(k, len(ids))))


def daily_sample__strata_in_log_order(log, k, min_per_stratum=1, seed=0, keys=KEYS):
    """Visits the strata in the order they first appear in the log instead of sorting them."""
    _validate(log, k, min_per_stratum, keys)
    strata, rng, chosen = _strata(log, keys), random.Random(seed), []
    for stratum in strata:
        members = sorted(strata[stratum])
        chosen += rng.sample(members, min(min_per_stratum, len(members)))
    rest = sorted({e["id"] for e in log} - set(chosen))
    if k - len(chosen) > 0:
        chosen += rng.sample(rest, min(k - len(chosen), len(rest)))
    return sorted(chosen)


def daily_sample__new_generator_per_stratum(log, k, min_per_stratum=1, seed=0, keys=KEYS):
    """Makes a fresh random.Random(seed) for every stratum and for the fill, instead of one for the call."""
    _validate(log, k, min_per_stratum, keys)
    strata, chosen = _strata(log, keys), []
    for stratum in sorted(strata):
        members = sorted(strata[stratum])
        chosen += random.Random(seed).sample(members, min(min_per_stratum, len(members)))
    rest = sorted({e["id"] for e in log} - set(chosen))
    if k - len(chosen) > 0:
        chosen += random.Random(seed).sample(rest, min(k - len(chosen), len(rest)))
    return sorted(chosen)


def daily_sample__cut_to_k(log, k, min_per_stratum=1, seed=0, keys=KEYS):
    """Takes the minimums, then cuts the sample down to k, dropping whole strata when there are many."""
    _validate(log, k, min_per_stratum, keys)
    strata, rng, chosen = _strata(log, keys), random.Random(seed), []
    for stratum in sorted(strata):
        members = sorted(strata[stratum])
        chosen += rng.sample(members, min(min_per_stratum, len(members)))
    rest = sorted({e["id"] for e in log} - set(chosen))
    if k - len(chosen) > 0:
        chosen += rng.sample(rest, min(k - len(chosen), len(rest)))
    return sorted(chosen[:k])


def daily_sample__unsorted_members(log, k, min_per_stratum=1, seed=0, keys=KEYS):
    """Draws from each stratum's ids in log order, so the same day logged in another order gives another sample."""
    _validate(log, k, min_per_stratum, keys)
    strata, rng, chosen = _strata(log, keys), random.Random(seed), []
    for stratum in sorted(strata):
        chosen += rng.sample(strata[stratum], min(min_per_stratum, len(strata[stratum])))
    rest = [e["id"] for e in log if e["id"] not in set(chosen)]
    if k - len(chosen) > 0:
        chosen += rng.sample(rest, min(k - len(chosen), len(rest)))
    return sorted(chosen)


def daily_sample__trusts_the_log(log, k, min_per_stratum=1, seed=0, keys=KEYS):
    """Right sampling, but no checks: negative arguments, duplicate ids and missing fields slip through."""
    strata, rng, chosen = {}, random.Random(seed), []
    for entry in log:
        strata.setdefault(tuple(entry.get(key, "") for key in keys), []).append(entry.get("id", ""))
    for stratum in sorted(strata):
        members = sorted(set(strata[stratum]))
        chosen += rng.sample(members, max(min(min_per_stratum, len(members)), 0))
    rest = sorted({e.get("id", "") for e in log} - set(chosen))
    if k - len(chosen) > 0:
        chosen += rng.sample(rest, min(k - len(chosen), len(rest)))
    return sorted(chosen)
