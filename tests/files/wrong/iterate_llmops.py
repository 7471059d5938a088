"""Known-wrong answers for iterate_llmops: each must fail its grader."""

import math

import numpy as np

_STAGES = ("change", "eval", "decision")
_SPANS = {"change_to_eval": ("change", "eval"), "eval_to_decision": ("eval", "decision"),
          "change_to_decision": ("change", "decision")}


def _stats(durations, p90=lambda d: float(np.percentile(d, 90))):
    if not durations:
        return {"n": 0, "median": None, "p90": None}
    return {"n": len(durations), "median": float(np.median(durations)), "p90": p90(durations)}


def _times(events, pick=min):
    first = {}
    for event in events:
        if event["stage"] not in _STAGES:
            raise ValueError("unknown stage")
        times = first.setdefault(event["iteration"], {})
        times[event["stage"]] = pick(times[event["stage"]], event["at"]) if event["stage"] in times else event["at"]
    return first


def _report(first, p90=lambda d: float(np.percentile(d, 90)), check=True):
    stats = {}
    for name, (start, end) in _SPANS.items():
        durations = []
        for iteration, times in first.items():
            if start in times and end in times:
                if check and times[end] < times[start]:
                    raise ValueError(f"iteration {iteration!r} is broken")
                durations.append(times[end] - times[start])
        stats[name] = _stats(durations, p90)
    stats["incomplete"] = [i for i, times in first.items() if len(times) < 3]
    return stats


def cycle_time_stats__last_eval_counts(events):
    """Keeps the latest time of a repeated stage, so a re-run eval hides when feedback first arrived."""
    return _report(_times(events, pick=max))


def cycle_time_stats__first_seen_counts(events):
    """Keeps the first event seen of each stage, which is the earliest only when the log is sorted."""
    return _report(_times(events, pick=lambda kept, new: kept))


def cycle_time_stats__nearest_rank_p90(events):
    """Takes p90 as the nearest-rank value instead of numpy's linear interpolation."""
    return _report(_times(events), p90=lambda d: float(sorted(d)[max(math.ceil(0.9 * len(d)) - 1, 0)]))


def cycle_time_stats__missing_end_is_zero(events):
    """Counts a stage an iteration lacks as zero hours instead of leaving the iteration out of it."""
    first = _times(events)
    stats = {}
    for name, (start, end) in _SPANS.items():
        durations = [times.get(end, 0.0) - times.get(start, 0.0) if start in times and end in times else 0.0
                     for times in first.values()]
        stats[name] = _stats(durations)
    stats["incomplete"] = [i for i, times in first.items() if len(times) < 3]
    return stats


def cycle_time_stats__complete_iterations_only(events):
    """Drops every iteration that lacks any stage from all the statistics, not only from the stages it lacks."""
    first = _times(events)
    complete = {i: times for i, times in first.items() if len(times) == 3}
    stats = _report(complete)
    stats["incomplete"] = [i for i, times in first.items() if len(times) < 3]
    return stats


def cycle_time_stats__sorted_incomplete(events):
    """Sorts the incomplete ids instead of keeping the order of first appearance."""
    stats = _report(_times(events))
    stats["incomplete"] = sorted(stats["incomplete"], key=str)
    return stats


def cycle_time_stats__no_negative_check(events):
    """Reports a negative duration when a decision is logged before its eval, instead of raising."""
    return _report(_times(events), check=False)


def cycle_time_stats__empty_stage_is_zero(events):
    """Reports 0.0 hours for a stage with no complete iteration, as if it took no time."""
    stats = _report(_times(events))
    for name in _SPANS:
        if stats[name]["n"] == 0:
            stats[name] = {"n": 0, "median": 0.0, "p90": 0.0}
    return stats
