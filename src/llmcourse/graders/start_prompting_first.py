"""Cases for start_prompting_first: an escalation ladder that climbs a rung only when the eval stalls."""

from __future__ import annotations

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {}

LADDER = ["prompt", "examples", "retrieval"]


class ScriptedEval:
    """An eval whose scores are known in advance: scores[rung][attempt]. Asking for an attempt the script
    does not have is a mistake of the ladder (it evaluated after it should have stopped or climbed)."""

    def __init__(self, scores: dict[str, list[float]]):
        self.scores = scores

    def __call__(self, rung, attempt):
        planned = self.scores.get(rung, [])
        if not 0 <= attempt < len(planned):
            raise RuntimeError(f"the ladder asked for attempt {attempt} on rung {rung!r}, which the rule "
                               f"should never reach here")
        return planned[attempt]


def _case(name, scores, target, min_gain, reached, path, why, rungs=LADDER, **kwargs):
    return Case(name, args=(list(rungs), ScriptedEval(scores), target, min_gain), kwargs=kwargs,
                expect={"reached": reached, "path": path}, tol=1e-9, why=why)


def climb_ladder() -> list[Case]:
    return [
        _case("the prompt rung reaches the target", {"prompt": [0.5, 0.75, 1.0]}, 0.9, 0.125, "prompt",
              [("prompt", 0, 0.5), ("prompt", 1, 0.75), ("prompt", 2, 1.0)],
              "Each rewrite of the prompt gains at least min_gain, so the ladder stays on the prompt rung and "
              "stops as soon as a score reaches the target"),
        _case("stall, climb, and climb again",
              {"prompt": [0.5, 0.5], "examples": [0.75, 0.875, 0.875], "retrieval": [0.875, 1.0]}, 0.95, 0.125,
              "retrieval",
              [("prompt", 0, 0.5), ("prompt", 1, 0.5), ("examples", 0, 0.75), ("examples", 1, 0.875),
               ("examples", 2, 0.875), ("retrieval", 0, 0.875), ("retrieval", 1, 1.0)],
              "The prompt stalls on its second attempt (no gain), the examples rung gains 1/8 then stalls, and "
              "retrieval reaches the target on its second attempt. Record (rung, attempt, score) for every "
              "evaluation, attempts counted from 0 on each rung"),
        _case("a gain equal to min_gain is still progress",
              {"prompt": [0.25, 0.5, 0.5], "examples": [0.75]}, 0.7, 0.25, "examples",
              [("prompt", 0, 0.25), ("prompt", 1, 0.5), ("prompt", 2, 0.5), ("examples", 0, 0.75)],
              "The second prompt gains exactly min_gain (0.25): that counts as improving, so try the prompt "
              "again; only a gain below min_gain is a stall"),
        _case("a score equal to the target reaches it", {"prompt": [0.75]}, 0.75, 0.125, "prompt",
              [("prompt", 0, 0.75)],
              "0.75 against a target of 0.75 is reached (score >= target): stop at once, with no second "
              "evaluation"),
        _case("the target of 1.0 is allowed", {"prompt": [0.5, 0.25], "examples": [0.75, 1.0]}, 1.0, 0.125,
              "examples",
              [("prompt", 0, 0.5), ("prompt", 1, 0.25), ("examples", 0, 0.75), ("examples", 1, 1.0)],
              "A drop is a stall (the gain is negative), so the ladder climbs after the prompt's second "
              "attempt; a target of exactly 1.0 is valid and reached by a perfect score"),
        _case("the top of the ladder without the target",
              {"prompt": [0.25, 0.25], "examples": [0.5, 0.5]}, 0.9, 0.125, None,
              [("prompt", 0, 0.25), ("prompt", 1, 0.25), ("examples", 0, 0.5), ("examples", 1, 0.5)],
              "Both rungs stall below the target: return reached None with the whole path. That None is the "
              "evidence for the next, dearer step", rungs=["prompt", "examples"]),
        _case("a rung's first attempt is not compared with the rung before",
              {"prompt": [0.5, 0.5], "examples": [0.25, 0.75, 0.75], "retrieval": [0.5, 0.5]}, 0.9, 0.125, None,
              [("prompt", 0, 0.5), ("prompt", 1, 0.5), ("examples", 0, 0.25), ("examples", 1, 0.75),
               ("examples", 2, 0.75), ("retrieval", 0, 0.5), ("retrieval", 1, 0.5)],
              "The first examples attempt scores below the last prompt, but a new rung's first attempt is never "
              "a stall: try it again (it then gains 0.5). Compare scores only within one rung"),
        _case("max_attempts caps a rung that keeps improving",
              {"prompt": [0.125, 0.25, 0.375, 0.5], "examples": [0.875]}, 0.8, 0.125, "examples",
              [("prompt", 0, 0.125), ("prompt", 1, 0.25), ("prompt", 2, 0.375), ("examples", 0, 0.875)],
              "With max_attempts=3 the prompt rung gets three attempts, however well it is improving, then "
              "the ladder moves on", max_attempts=3),
        _case("the default is five attempts a rung",
              {"prompt": [0.0, 0.125, 0.25, 0.375, 0.5, 0.625], "examples": [1.0]}, 0.9, 0.125, "examples",
              [("prompt", 0, 0.0), ("prompt", 1, 0.125), ("prompt", 2, 0.25), ("prompt", 3, 0.375),
               ("prompt", 4, 0.5), ("examples", 0, 1.0)],
              "Without max_attempts, a rung gets 5 attempts (0 to 4); a score of 0 is a valid accuracy"),
        _case("one attempt a rung",
              {"a": [0.5], "b": [0.75]}, 0.7, 0.125, "b", [("a", 0, 0.5), ("b", 0, 0.75)],
              "max_attempts=1 is valid: one evaluation per rung, then the next rung", rungs=["a", "b"],
              max_attempts=1),
        _case("a min_gain of 0 accepts any gain that is not negative",
              {"prompt": [0.5, 0.5, 0.5], "examples": [0.25, 0.125]}, 0.9, 0.0, None,
              [("prompt", 0, 0.5), ("prompt", 1, 0.5), ("prompt", 2, 0.5), ("examples", 0, 0.25),
               ("examples", 1, 0.125)],
              "min_gain=0 is valid: a gain of 0 is >= 0, so the prompt rung runs its three attempts; the drop "
              "on the examples rung is a stall", rungs=["prompt", "examples"], max_attempts=3),
        Case("no rungs", args=([], ScriptedEval({}), 0.9, 0.1), raises=ValueError,
             why="A ladder without rungs has nothing to climb: raise ValueError"),
        Case("a target of 0", args=(LADDER, ScriptedEval({"prompt": [0.5]}), 0.0, 0.1), raises=ValueError,
             why="A target of 0 is reached by any model: it must be in (0, 1], raise ValueError"),
        Case("a target above 1", args=(LADDER, ScriptedEval({"prompt": [0.5]}), 1.5, 0.1), raises=ValueError,
             why="An accuracy cannot exceed 1: raise ValueError for target 1.5"),
        Case("a negative min_gain", args=(LADDER, ScriptedEval({"prompt": [0.5]}), 0.9, -0.1), raises=ValueError,
             why="A negative min_gain would call a falling score progress: raise ValueError"),
        Case("zero attempts", args=(LADDER, ScriptedEval({"prompt": [0.5]}), 0.9, 0.1), kwargs={"max_attempts": 0},
             raises=ValueError, why="max_attempts below 1 would never evaluate anything: raise ValueError"),
        Case("an eval that is not an accuracy", args=(LADDER, ScriptedEval({"prompt": [12.0]}), 0.9, 0.1),
             raises=ValueError,
             why="The eval returned 12 (a count, not a rate?): check that each score is in [0, 1] and raise "
                 "ValueError rather than reach the target by accident"),
        Case("a score just above 1", args=(LADDER, ScriptedEval({"prompt": [1.5]}), 0.9, 0.1), raises=ValueError,
             why="1.5 is not an accuracy (perhaps a sum of two rates): raise ValueError for any score above 1"),
        Case("a negative score", args=(LADDER, ScriptedEval({"prompt": [-0.5]}), 0.9, 0.1), raises=ValueError,
             why="A score below 0 is not an accuracy: raise ValueError"),
    ]
