"""Known-wrong answers for workflows_diverse_outputs: each must fail its grader."""

import math
from collections import Counter


def _check_args(n, window, max_tries):
    if n < 0 or window < 0 or max_tries < 1:
        raise ValueError("bad arguments")


def sample_avoiding_recent__avoids_everything_ever(generate, n, window=3, max_tries=5):
    """Rejects any output seen before, not only the last `window`."""
    _check_args(n, window, max_tries)
    accepted = []
    for _ in range(n):
        recent = accepted[-window:] if window else []
        seen = {a.strip().casefold() for a in accepted}
        for _ in range(max_tries):
            candidate = generate(list(recent))
            if candidate.strip().casefold() not in seen:
                break
        accepted.append(candidate)
    return accepted


def sample_avoiding_recent__no_normalising(generate, n, window=3, max_tries=5):
    """Compares raw strings, so 'Tent' and ' tent ' count as different outputs."""
    _check_args(n, window, max_tries)
    accepted = []
    for _ in range(n):
        recent = accepted[-window:] if window else []
        for _ in range(max_tries):
            candidate = generate(list(recent))
            if candidate not in recent:
                break
        accepted.append(candidate)
    return accepted


def sample_avoiding_recent__drops_after_max_tries(generate, n, window=3, max_tries=5):
    """Gives up on an output after max_tries repeats instead of keeping the last candidate."""
    _check_args(n, window, max_tries)
    accepted = []
    for _ in range(n):
        recent = accepted[-window:] if window else []
        seen = {r.strip().casefold() for r in recent}
        for _ in range(max_tries):
            candidate = generate(list(recent))
            if candidate.strip().casefold() not in seen:
                accepted.append(candidate)
                break
    return accepted


def sample_avoiding_recent__window_zero_slice(generate, n, window=3, max_tries=5):
    """Uses accepted[-window:], which is the whole list when window is 0."""
    _check_args(n, window, max_tries)
    accepted = []
    for _ in range(n):
        recent = accepted[-window:]
        seen = {r.strip().casefold() for r in recent}
        for _ in range(max_tries):
            candidate = generate(list(recent))
            if candidate.strip().casefold() not in seen:
                break
        accepted.append(candidate)
    return accepted


def sample_avoiding_recent__newest_first(generate, n, window=3, max_tries=5):
    """Passes the recent list newest first."""
    _check_args(n, window, max_tries)
    accepted = []
    for _ in range(n):
        recent = list(reversed(accepted[-window:])) if window else []
        seen = {r.strip().casefold() for r in recent}
        for _ in range(max_tries):
            candidate = generate(list(recent))
            if candidate.strip().casefold() not in seen:
                break
        accepted.append(candidate)
    return accepted


def sample_avoiding_recent__no_validation(generate, n, window=3, max_tries=5):
    """Never checks its arguments."""
    accepted = []
    for _ in range(max(n, 0)):
        recent = accepted[-window:] if window > 0 else []
        seen = {r.strip().casefold() for r in recent}
        candidate = ""
        for _ in range(max(max_tries, 1)):
            candidate = generate(list(recent))
            if candidate.strip().casefold() not in seen:
                break
        accepted.append(candidate)
    return accepted


def _shares(outputs, catalog):
    if not outputs or not catalog:
        raise ValueError("empty input")
    items = {c.strip().casefold() for c in catalog}
    keys = [o.strip().casefold() for o in outputs]
    return items, keys


def diversity_report__entropy_over_all_outputs(outputs, catalog):
    """Includes off-catalog outputs in the entropy."""
    items, keys = _shares(outputs, catalog)
    counts = Counter(keys)
    on = [k for k in keys if k in items]
    return {"distinct": len(counts), "coverage": len(set(on)) / len(items),
            "entropy_bits": -sum(c / len(keys) * math.log2(c / len(keys)) for c in counts.values()) + 0.0,
            "off_catalog": (len(keys) - len(on)) / len(keys)}


def diversity_report__natural_log(outputs, catalog):
    """Measures entropy in nats instead of bits."""
    items, keys = _shares(outputs, catalog)
    on = Counter(k for k in keys if k in items)
    total = sum(on.values())
    return {"distinct": len(set(keys)), "coverage": len(on) / len(items),
            "entropy_bits": -sum(c / total * math.log(c / total) for c in on.values()) + 0.0 if total else 0.0,
            "off_catalog": (len(keys) - total) / len(keys)}


def diversity_report__distinct_ignores_repeats_weighting(outputs, catalog):
    """Computes the entropy over distinct items as if each appeared once."""
    items, keys = _shares(outputs, catalog)
    on = {k for k in keys if k in items}
    return {"distinct": len(set(keys)), "coverage": len(on) / len(items),
            "entropy_bits": math.log2(len(on)) if on else 0.0,
            "off_catalog": sum(k not in items for k in keys) / len(keys)}


def diversity_report__raw_strings(outputs, catalog):
    """Matches outputs to the catalog without strip() and casefold()."""
    if not outputs or not catalog:
        raise ValueError("empty input")
    items = set(catalog)
    on = Counter(o for o in outputs if o in items)
    total = sum(on.values())
    return {"distinct": len(set(outputs)), "coverage": len(on) / len(items),
            "entropy_bits": -sum(c / total * math.log2(c / total) for c in on.values()) + 0.0 if total else 0.0,
            "off_catalog": (len(outputs) - total) / len(outputs)}


def diversity_report__catalog_duplicates_counted(outputs, catalog):
    """Divides coverage by the catalog's length, duplicates included."""
    items, keys = _shares(outputs, catalog)
    on = Counter(k for k in keys if k in items)
    total = sum(on.values())
    return {"distinct": len(set(keys)), "coverage": len(on) / len(catalog),
            "entropy_bits": -sum(c / total * math.log2(c / total) for c in on.values()) + 0.0 if total else 0.0,
            "off_catalog": (len(keys) - total) / len(keys)}


def diversity_report__zeros_on_empty(outputs, catalog):
    """Returns zeros for empty input instead of raising."""
    if not outputs or not catalog:
        return {"distinct": 0, "coverage": 0.0, "entropy_bits": 0.0, "off_catalog": 0.0}
    items = {c.strip().casefold() for c in catalog}
    keys = [o.strip().casefold() for o in outputs]
    on = Counter(k for k in keys if k in items)
    total = sum(on.values())
    return {"distinct": len(set(keys)), "coverage": len(on) / len(items),
            "entropy_bits": -sum(c / total * math.log2(c / total) for c in on.values()) + 0.0 if total else 0.0,
            "off_catalog": (len(keys) - total) / len(keys)}
