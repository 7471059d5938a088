"""Known-wrong answers for product_hierarchy_of_needs: each must fail at least one grader case."""


def _checked(latencies, threshold_s, objective):
    if not latencies or not 0 < objective < 1 or threshold_s <= 0:
        raise ValueError("invalid window")
    if any(x is not None and x < 0 for x in latencies):
        raise ValueError("negative latency")


def slo_report__strict_threshold(latencies, threshold_s, objective):
    """Counts a request that took exactly the threshold as slow."""
    _checked(latencies, threshold_s, objective)
    good = sum(1 for x in latencies if x is not None and x < threshold_s)
    sli = good / len(latencies)
    return {"requests": len(latencies), "good": good, "sli": sli, "burn_rate": (1 - sli) / (1 - objective)}


def slo_report__drops_failed_requests(latencies, threshold_s, objective):
    """Leaves failed requests out of the total, so an outage raises the SLI."""
    _checked(latencies, threshold_s, objective)
    answered = [x for x in latencies if x is not None]
    good = sum(1 for x in answered if x <= threshold_s)
    sli = good / len(answered) if answered else 1.0
    return {"requests": len(answered), "good": good, "sli": sli, "burn_rate": (1 - sli) / (1 - objective)}


def slo_report__burn_rate_is_bad_share(latencies, threshold_s, objective):
    """Reports the share of bad requests as the burn rate, forgetting to divide by the budget."""
    _checked(latencies, threshold_s, objective)
    good = sum(1 for x in latencies if x is not None and x <= threshold_s)
    sli = good / len(latencies)
    return {"requests": len(latencies), "good": good, "sli": sli, "burn_rate": 1 - sli}


def slo_report__divides_by_objective(latencies, threshold_s, objective):
    """Divides the bad share by the objective instead of by the budget it leaves."""
    _checked(latencies, threshold_s, objective)
    good = sum(1 for x in latencies if x is not None and x <= threshold_s)
    sli = good / len(latencies)
    return {"requests": len(latencies), "good": good, "sli": sli, "burn_rate": (1 - sli) / objective}


def slo_report__failure_as_zero_latency(latencies, threshold_s, objective):
    """Treats a failed request as one that took no time, so failures count as good."""
    _checked(latencies, threshold_s, objective)
    good = sum(1 for x in latencies if (0.0 if x is None else x) <= threshold_s)
    sli = good / len(latencies)
    return {"requests": len(latencies), "good": good, "sli": sli, "burn_rate": (1 - sli) / (1 - objective)}


def slo_report__no_validation(latencies, threshold_s, objective):
    """Computes whatever it is given: an empty window is 'perfect' and objective 1 divides by zero."""
    if not latencies:
        return {"requests": 0, "good": 0, "sli": 1.0, "burn_rate": 0.0}
    good = sum(1 for x in latencies if x is not None and x <= threshold_s)
    sli = good / len(latencies)
    budget = 1 - objective
    return {"requests": len(latencies), "good": good, "sli": sli,
            "burn_rate": (1 - sli) / budget if budget else float("inf")}
