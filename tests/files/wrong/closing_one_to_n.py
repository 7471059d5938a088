"""Known-wrong answers for closing_one_to_n: each must fail at least one grader case."""

import math

NAMES = ["accuracy", "valid_rate", "p95_latency_s"]


def _validate(demo, representative, slo):
    if not demo or not representative or set(slo) != set(NAMES):
        raise ValueError("bad input")
    if any(r["latency_s"] < 0 for r in demo + representative):
        raise ValueError("negative latency")


def _report(d, r, slo, higher_is_better_latency=False):
    def meets(name, value):
        if name == "p95_latency_s" and not higher_is_better_latency:
            return value <= slo[name]
        return value >= slo[name]
    rows = [{"metric": n, "slo": slo[n], "demo": d[n], "representative": r[n], "demo_meets": meets(n, d[n]),
             "representative_meets": meets(n, r[n])} for n in NAMES]
    if all(row["representative_meets"] for row in rows):
        verdict = "ready"
    elif all(row["demo_meets"] for row in rows):
        verdict = "demo only"
    else:
        verdict = "not ready"
    return {"rows": rows, "verdict": verdict}


def _metrics(results, p95):
    n = len(results)
    return {"accuracy": sum(r["correct"] for r in results) / n, "valid_rate": sum(r["valid"] for r in results) / n,
            "p95_latency_s": p95([r["latency_s"] for r in results])}


def _nearest_rank(lat):
    return sorted(lat)[math.ceil(0.95 * len(lat)) - 1]


def gap_report__slowest_as_p95(demo, representative, slo):
    """Takes the slowest call as the 95th percentile, which is stricter than the SLO asks."""
    _validate(demo, representative, slo)
    return _report(_metrics(demo, max), _metrics(representative, max), slo)


def gap_report__unsorted_p95(demo, representative, slo):
    """Indexes the latencies in the order they came, without sorting."""
    _validate(demo, representative, slo)
    pick = lambda lat: lat[math.ceil(0.95 * len(lat)) - 1]  # noqa: E731
    return _report(_metrics(demo, pick), _metrics(representative, pick), slo)


def gap_report__ready_on_the_demo(demo, representative, slo):
    """Calls the system ready when the demo meets every SLO: the exact mistake the lesson warns about."""
    _validate(demo, representative, slo)
    out = _report(_metrics(demo, _nearest_rank), _metrics(representative, _nearest_rank), slo)
    if all(row["demo_meets"] for row in out["rows"]):
        out["verdict"] = "ready"
    return out


def gap_report__latency_higher_is_better(demo, representative, slo):
    """Compares latency with >= like the rates, so slower calls pass the latency SLO."""
    _validate(demo, representative, slo)
    return _report(_metrics(demo, _nearest_rank), _metrics(representative, _nearest_rank), slo,
                   higher_is_better_latency=True)


def gap_report__strict_thresholds(demo, representative, slo):
    """Requires the rates to beat the SLO strictly, so exactly 90% fails a 90% objective."""
    _validate(demo, representative, slo)
    d, r = _metrics(demo, _nearest_rank), _metrics(representative, _nearest_rank)
    out = _report(d, r, slo)
    for row in out["rows"]:
        if row["metric"] != "p95_latency_s":
            row["demo_meets"] = row["demo"] > row["slo"]
            row["representative_meets"] = row["representative"] > row["slo"]
    rows = out["rows"]
    out["verdict"] = ("ready" if all(x["representative_meets"] for x in rows) else
                      "demo only" if all(x["demo_meets"] for x in rows) else "not ready")
    return out


def gap_report__no_input_checks(demo, representative, slo):
    """Never checks its input: a missing SLO raises KeyError and a negative latency passes."""
    if not demo or not representative:
        raise ValueError("empty")
    return _report(_metrics(demo, _nearest_rank), _metrics(representative, _nearest_rank), slo)
