"""Cases for gpus_training_from_scratch: price a training run from 6 * N * D, with its units checked."""

from __future__ import annotations

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
_TOLERANCE = ("a unit factor off by one part in a billion changes every answer by 1e-9 of itself, far inside the "
              "grader's relative tolerance of 1e-6, which it keeps so that learners may compute in any order")
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "training_cost": {
        "constant: {'FLOP/s': 1.0, 'GFLOP/s': 1000000000.0, 'TFLOP/s': 1000000000000.0, 'PFLOP/s... -> "
        "{'FLOP/s': 1.0, 'GFLOP/s': 1000000001.0, 'TFLOP/s': 1000000000000.0, 'PFLOP/s...": _TOLERANCE,
        "constant: {'FLOP/s': 1.0, 'GFLOP/s': 1000000000.0, 'TFLOP/s': 1000000000000.0, 'PFLOP/s... -> "
        "{'FLOP/s': 1.0, 'GFLOP/s': 1000000000.0, 'TFLOP/s': 1000000000001.0, 'PFLOP/s...": _TOLERANCE,
        "constant: {'FLOP/s': 1.0, 'GFLOP/s': 1000000000.0, 'TFLOP/s': 1000000000000.0, 'PFLOP/s... #2":
            _TOLERANCE,
    },
}


def _expect(n_params: float, n_tokens: float, flop_per_s: float, usd: float) -> dict:
    """The reference numbers, computed the way the exercise states them (flop_per_s already in FLOP/s)."""
    flop = 6 * n_params * n_tokens
    hours = flop / flop_per_s / 3600
    return {"flop": flop, "gpu_hours": hours, "usd": hours * usd}


def _numbers(expected: dict):
    """A check that names the first key that is missing or off, so the message says which step is wrong."""
    def judge(got):
        if not isinstance(got, dict):
            return f"expected a dict with keys 'flop', 'gpu_hours' and 'usd', got {type(got).__name__}"
        for key, want in expected.items():
            if key not in got:
                return f"the result has no {key!r} key"
            value = got[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return f"{key!r} should be a number, got {value!r}"
            if abs(value - want) > 1e-6 * abs(want) + 1e-9:
                return f"{key!r} is {value:.6g}, expected {want:.6g}"
        return None
    return judge


def training_cost() -> list[Case]:
    bloomberg = _expect(50.6e9, 569e9, 102e12, 1.844)
    return [
        Case("BloombergGPT at its measured speed", args=(50.6e9, 569e9, (312, "TFLOP/s"), 102 / 312, 1.844),
             check=_numbers(bloomberg),
             why="6 x 50.6e9 x 569e9 is about 1.73e23 operations; at 312e12 x (102/312) = 102e12 per second "
                 "that is about 470 thousand accelerator hours and $867 thousand. A flop count of a third of "
                 "that means 2ND (one forward pass) was used; a gpu_hours 3600 times too big forgot to turn "
                 "seconds into hours; a gpu_hours 1e12 times too big ignored the unit"),
        Case("small model, speed in GFLOP/s", args=(135e6, 2e12, (400, "GFLOP/s"), 0.5, 0.0),
             check=_numbers(_expect(135e6, 2e12, 200e9, 0.0)),
             why="GFLOP/s is 1e9 operations per second, so 400 GFLOP/s at half utilisation is 2e11 per "
                 "second. A price of 0 is allowed (hardware you own) and gives 0 dollars, not an error"),
        Case("speed already in FLOP/s, full utilisation", args=(1e9, 1e10, (6e12, "FLOP/s"), 1.0, 2.0),
             check=_numbers(_expect(1e9, 1e10, 6e12, 2.0)),
             why="FLOP/s needs no scaling, and a utilisation of exactly 1 (the peak itself) is allowed: the "
                 "bound is 0 < utilisation <= 1"),
        Case("speed in PFLOP/s", args=(7e10, 2e12, (2, "PFLOP/s"), 0.4, 3.5),
             check=_numbers(_expect(7e10, 2e12, 0.8e15, 3.5)),
             why="PFLOP/s is 1e15 operations per second: 2 PFLOP/s at 40% is 8e14 per second"),
        Case("the smallest run there is", args=(1, 1, (1, "FLOP/s"), 1.0, 3600.0),
             check=_numbers(_expect(1, 1, 1.0, 3600.0)),
             why="One parameter, one token and a peak of 1 FLOP/s are all valid (only values <= 0 are "
                 "errors): 6 operations take 6 seconds, 6/3600 hours, and cost $6 at $3600 an hour"),
        Case("a utilisation above 1", args=(1e9, 1e10, (312, "TFLOP/s"), 1.5, 1.0), raises=ValueError,
             why="No run sustains 150% of its hardware's peak: the upper bound is utilisation <= 1"),
        Case("a utilisation given as a percentage", args=(50.6e9, 569e9, (312, "TFLOP/s"), 33, 1.844),
             raises=ValueError,
             why="33 is a percentage, not a fraction of peak: a run cannot go 33 times faster than its "
                 "hardware. Raise ValueError for any utilisation outside (0, 1]"),
        Case("zero utilisation", args=(1e9, 1e10, (312, "TFLOP/s"), 0, 1.0), raises=ValueError,
             why="At zero utilisation the run never ends: raise ValueError (the lower bound is strict)"),
        Case("a bare number for the peak", args=(1e9, 1e10, 312e12, 0.4, 1.0), raises=ValueError,
             why="A bare 312e12 or 312 carries no unit, and guessing it is how estimates go wrong by a factor "
                 "of a trillion: ask for (value, unit) and raise ValueError otherwise"),
        Case("a misspelt unit", args=(1e9, 1e10, (312, "TFLOPS"), 0.4, 1.0), raises=ValueError,
             why="'TFLOPS' is not one of the four units the exercise accepts (and is often confused with a "
                 "count of operations): raise ValueError and name the units you accept"),
        Case("a unit in the wrong case", args=(1e9, 1e10, (2, "pflop/s"), 0.4, 1.0), raises=ValueError,
             why="In SI prefixes case is meaning (p is pico, P is peta): accept the units exactly as "
                 "written and raise ValueError for 'pflop/s'"),
        Case("a negative price", args=(1e9, 1e10, (312, "TFLOP/s"), 0.4, -1.0), raises=ValueError,
             why="A price per accelerator hour cannot be negative: raise ValueError (0 is allowed)"),
        Case("zero parameters", args=(0, 1e10, (312, "TFLOP/s"), 0.4, 1.0), raises=ValueError,
             why="A model with no parameters is a data error, not a free run: raise ValueError"),
        Case("zero tokens", args=(1e9, 0, (312, "TFLOP/s"), 0.4, 1.0), raises=ValueError,
             why="A run over no tokens trains nothing: raise ValueError for a token count that is not positive"),
        Case("a zero peak speed", args=(1e9, 1e10, (0, "TFLOP/s"), 0.4, 1.0), raises=ValueError,
             why="Hardware with a peak of 0 never finishes: the peak value must be positive"),
        Case("a negative token count", args=(1e9, -1e10, (312, "TFLOP/s"), 0.4, 1.0), raises=ValueError,
             why="A negative count gives a negative bill that looks like a saving: raise ValueError"),
    ]
