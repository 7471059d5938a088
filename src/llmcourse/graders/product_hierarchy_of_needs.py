"""Cases for product_hierarchy_of_needs: an SLO evaluator with an error-budget burn rate."""

from __future__ import annotations

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {}

_KEYS = {"requests", "good", "sli", "burn_rate"}


def _report(requests: int, good: int, objective: float) -> dict:
    sli = good / requests
    return {"requests": requests, "good": good, "sli": sli, "burn_rate": (1 - sli) / (1 - objective)}


def _has_keys(got) -> str | None:
    if not isinstance(got, dict) or set(got) != _KEYS:
        return f"return a dict with exactly the keys {sorted(_KEYS)}"
    return None


def slo_report() -> list[Case]:
    return [
        Case("a mixed window", args=([0.5, 1.2, 2.0, None, 3.5], 2.0, 0.9), expect=_report(5, 3, 0.9), tol=1e-9,
             why="Three of five requests are good (0.5, 1.2 and 2.0 s); one failed and one took 3.5 s. The SLI is "
                 "3/5 = 0.6 and the burn rate (1 - 0.6) / (1 - 0.9) = 4: bad requests arrive four times as fast as "
                 "the objective allows"),
        Case("the result has the four keys", args=([0.1, 0.2], 1.0, 0.99), check=_has_keys,
             why="Return exactly requests, good, sli and burn_rate"),
        Case("a latency equal to the threshold is good", args=([1.0, 1.0, 0.4, 1.5], 1.0, 0.5),
             expect=_report(4, 3, 0.5), tol=1e-9,
             why="'Within T' means at most T: a request that took exactly threshold_s meets the objective"),
        Case("failed requests stay in the total", args=([None, None, 0.3, 0.2], 1.0, 0.75),
             expect=_report(4, 2, 0.75), tol=1e-9,
             why="A failed request (None) is a bad request. Dropping it from the total would make an outage "
                 "raise the SLI: here the SLI is 2/4, not 2/2"),
        Case("a fast failure is still a failure", args=([None, 0.1], 5.0, 0.5), expect=_report(2, 1, 0.5),
             tol=1e-9,
             why="None means the request failed, not that it took no time: it can never be good"),
        Case("the first request counts", args=([0.2, 9.0, 9.0, 9.0], 1.0, 0.5), expect=_report(4, 1, 0.5),
             tol=1e-9, why="Count every request, the first one included"),
        Case("a latency of zero is valid and good", args=([0.0, 2.0], 1.0, 0.6), expect=_report(2, 1, 0.6),
             tol=1e-9, why="Only negative latencies are impossible; 0 s (a cached answer, say) is good"),
        Case("no bad requests: burn rate 0", args=([0.3, 0.4, 0.5], 2.0, 0.999), expect=_report(3, 3, 0.999),
             tol=1e-9, why="With every request good the budget is untouched: SLI 1 and burn rate 0"),
        Case("every request failed", args=([None, None, None], 2.0, 0.99), expect=_report(3, 0, 0.99), tol=1e-9,
             why="With every request bad the SLI is 0 and the burn rate 1 / (1 - 0.99) = 100: a month's budget "
                 "in about seven hours"),
        Case("exactly on budget at 99.9%", args=([0.2] * 999 + [None], 1.0, 0.999), expect=_report(1000, 999, 0.999),
             tol=1e-6,
             why="One bad request in a thousand is exactly what 99.9% allows: the burn rate is 1 (the budget "
                 "lasts exactly the window). Divide the bad share by (1 - objective), not by the objective"),
        Case("the burn rate uses the objective's budget", args=([0.1] * 8 + [3.0, 3.0], 1.0, 0.95),
             expect=_report(10, 8, 0.95), tol=1e-9,
             why="Two bad requests in ten is a bad share of 0.2 against an allowed 0.05: a burn rate of 4, not "
                 "0.2 (the bad share alone) and not 0.25"),
        Case("integer latencies", args=([1, 2, 3], 2, 0.5), expect=_report(3, 2, 0.5), tol=1e-9,
             why="Latencies and thresholds may be ints as well as floats"),
        Case("no requests", args=([], 1.0, 0.99), raises=ValueError,
             why="An empty window has no SLI: raise ValueError rather than divide by zero or report a perfect 1"),
        Case("an objective of 1 leaves no budget", args=([0.1, 0.2], 1.0, 1.0), raises=ValueError,
             why="With objective 1 the allowed bad share is 0 and the burn rate is undefined: raise ValueError"),
        Case("an objective of 0", args=([0.1, 0.2], 1.0, 0.0), raises=ValueError,
             why="An objective must be strictly between 0 and 1"),
        Case("an objective given in percent", args=([0.1, 0.2], 1.0, 99.9), raises=ValueError,
             why="99.9 is a percentage; the objective is a share such as 0.999. Anything outside (0, 1) is a "
                 "ValueError"),
        Case("a threshold of zero", args=([0.1, 0.2], 0.0, 0.9), raises=ValueError,
             why="A threshold must be positive: raise ValueError"),
        Case("a negative threshold", args=([0.1, 0.2], -1.0, 0.9), raises=ValueError,
             why="A threshold must be positive: raise ValueError"),
        Case("a negative latency", args=([0.1, -0.5, 0.2], 1.0, 0.9), raises=ValueError,
             why="A negative latency is a broken measurement (clocks swapped?): raise ValueError instead of "
                 "counting it as fast"),
    ]
