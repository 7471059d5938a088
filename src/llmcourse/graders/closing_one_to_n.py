"""Cases for closing_one_to_n: the SLO scorecard of a demo set against a representative set, and the
verdict it supports."""

from __future__ import annotations

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {}

SLO = {"accuracy": 0.9, "valid_rate": 0.95, "p95_latency_s": 2.0}


def _r(correct=True, valid=True, latency=1.0):
    return {"correct": correct, "valid": valid, "latency_s": latency}


def _row(metric, demo, rep, demo_meets, rep_meets, slo=SLO):
    return {"metric": metric, "slo": slo[metric], "demo": demo, "representative": rep, "demo_meets": demo_meets,
            "representative_meets": rep_meets}


PERFECT_DEMO = [_r(latency=0.5 + i / 10) for i in range(5)]  # latencies 0.5 .. 0.9
# 20 representative results: 15 correct, 18 valid, latencies 0.1 .. 2.0, the slowest 2.0 and 1.9
REP20 = [_r(correct=i < 15, valid=i < 18, latency=(i + 1) / 10) for i in range(20)]


def gap_report() -> list[Case]:
    return [
        Case("a perfect demo, a weaker product", args=(PERFECT_DEMO, REP20, SLO),
             expect={"rows": [_row("accuracy", 1.0, 0.75, True, False), _row("valid_rate", 1.0, 0.9, True, False),
                              _row("p95_latency_s", 0.9, 1.9, True, True)],
                     "verdict": "demo only"}, tol=1e-9,
             why="The demo meets every SLO; the 20 representative results have accuracy 15/20 = 0.75 and a "
                 "valid rate 18/20 = 0.9, both short. The nearest-rank p95 of 20 latencies is the item at index "
                 "ceil(0.95 * 20) - 1 = 18 of the sorted list, 1.9 s (not the slowest, 2.0). Verdict: 'demo only'"),
        Case("the representative set meets everything", args=([_r(False)], [_r() for _ in range(10)], SLO),
             expect={"rows": [_row("accuracy", 0.0, 1.0, False, True), _row("valid_rate", 1.0, 1.0, True, True),
                              _row("p95_latency_s", 1.0, 1.0, True, True)],
                     "verdict": "ready"}, tol=1e-9,
             why="The representative set decides readiness: it meets all three SLOs, so the verdict is 'ready' "
                 "even though the one demo input failed"),
        Case("neither set meets the SLOs", args=([_r(), _r(False)], [_r(valid=False), _r()], SLO),
             expect={"rows": [_row("accuracy", 0.5, 1.0, False, True), _row("valid_rate", 1.0, 0.5, True, False),
                              _row("p95_latency_s", 1.0, 1.0, True, True)],
                     "verdict": "not ready"}, tol=1e-9,
             why="The demo misses accuracy and the representative set misses the valid rate: neither meets all "
                 "three, so 'not ready'. Check each SLO separately, for each set"),
        Case("exactly at the SLOs meets them", args=([_r(latency=2.0)] * 2, [_r(i < 9, latency=2.0) for i in range(10)],
                                                    {"accuracy": 0.9, "valid_rate": 1.0, "p95_latency_s": 2.0}),
             expect={"rows": [_row("accuracy", 1.0, 0.9, True, True, {"accuracy": 0.9, "valid_rate": 1.0,
                                                                     "p95_latency_s": 2.0}),
                              _row("valid_rate", 1.0, 1.0, True, True, {"accuracy": 0.9, "valid_rate": 1.0,
                                                                       "p95_latency_s": 2.0}),
                              _row("p95_latency_s", 2.0, 2.0, True, True, {"accuracy": 0.9, "valid_rate": 1.0,
                                                                          "p95_latency_s": 2.0})],
                     "verdict": "ready"}, tol=1e-9,
             why="9/10 = 0.9 meets an accuracy SLO of 0.9 (>=), a valid rate of 1.0 meets 1.0, and a p95 of "
                 "exactly 2.0 s meets a 2.0 s ceiling (<=): 'ready'"),
        Case("latency alone can fail the product", args=([_r(latency=0.2)] * 3, [_r(latency=3.0)] * 4, SLO),
             expect={"rows": [_row("accuracy", 1.0, 1.0, True, True), _row("valid_rate", 1.0, 1.0, True, True),
                              _row("p95_latency_s", 0.2, 3.0, True, False)],
                     "verdict": "demo only"}, tol=1e-9,
             why="Every answer is right, but the representative calls take 3 s against a 2 s ceiling: a p95 "
                 "above the SLO fails it (lower is better for latency)"),
        Case("the p95 of unsorted latencies", args=([_r(latency=x) for x in (3.0, 0.1, 0.2)],
                                                    [_r(latency=x) for x in (0.5, 2.5, 0.4, 0.3)], SLO),
             check=lambda got: None if isinstance(got, dict) and [row.get("demo") for row in got.get("rows", [])][2:]
             == [3.0] and [row.get("representative") for row in got.get("rows", [])][2:] == [2.5] else
             "with 3 and 4 latencies the nearest-rank p95 is the largest of each set (3.0 and 2.5): sort before "
             "indexing",
             why="The latencies come in any order: sort them before taking the item at ceil(0.95 * n) - 1"),
        Case("the slowest of 40 is not the p95", args=(PERFECT_DEMO, [_r(latency=(i + 1) / 10) for i in range(40)], SLO),
             check=lambda got: None if isinstance(got, dict) and len(got.get("rows", [])) == 3 and
             abs(got["rows"][2].get("representative", 0) - 3.8) < 1e-9 else
             "with 40 latencies 0.1 .. 4.0 the nearest-rank p95 is index ceil(0.95 * 40) - 1 = 37, i.e. 3.8 s",
             why="With 40 results the p95 is the 38th smallest latency, 3.8 s, not the slowest (4.0 s) or the "
                 "mean"),
        Case("the demo also fails on latency", args=([_r(latency=2.5)] * 2, [_r(False, latency=1.0)] * 2, SLO),
             check=lambda got: None if isinstance(got, dict) and got.get("verdict") == "not ready" else
             "the demo misses the latency SLO and the representative set misses accuracy: 'not ready'",
             why="'demo only' needs the demo to meet all three SLOs, latency included"),
        Case("zero latency is allowed", args=([_r(latency=0.0)], [_r(latency=0.0)], SLO),
             check=lambda got: None if isinstance(got, dict) and got.get("verdict") == "ready" else
             "a latency of 0.0 is valid (only negative latencies are errors), and this set meets every SLO",
             why="0 s is a possible latency (a cached answer); only negative values are errors"),
        Case("an empty demo", args=([], REP20, SLO), raises=ValueError,
             why="A report on zero demo results says nothing: raise ValueError"),
        Case("an empty representative set", args=(PERFECT_DEMO, [], SLO), raises=ValueError,
             why="Without representative results there is no product measurement: raise ValueError"),
        Case("an SLO missing", args=(PERFECT_DEMO, REP20, {"accuracy": 0.9, "valid_rate": 0.95}), raises=ValueError,
             why="slo must name all three objectives; a missing one would silently pass: raise ValueError"),
        Case("an unknown SLO", args=(PERFECT_DEMO, REP20, {**SLO, "cost": 0.01}), raises=ValueError,
             why="slo must have exactly the three keys; an objective the report cannot check is an error"),
        Case("a negative latency in the demo", args=([_r(latency=-0.1)], REP20, SLO), raises=ValueError,
             why="A negative latency is a clock bug: raise ValueError"),
        Case("a negative latency in the representative set", args=(PERFECT_DEMO, REP20 + [_r(latency=-1.0)], SLO),
             raises=ValueError,
             why="Check the latencies of both sets: raise ValueError on a negative one"),
    ]
