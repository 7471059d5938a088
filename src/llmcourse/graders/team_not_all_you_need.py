"""Cases for team_not_all_you_need: a failure funnel from pipeline runs."""

from __future__ import annotations

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {"failure_funnel": {}}

_STAGES = ["check input", "model call", "parse", "validate"]
_OK = [("check input", True), ("model call", True), ("parse", True), ("validate", True)]
_BAD_PARSE = [("check input", True), ("model call", True), ("parse", False)]
_BAD_VALID = [("check input", True), ("model call", True), ("parse", True), ("validate", False)]
_BAD_INPUT = [("check input", False)]


def _rows(*rows) -> list[dict]:
    return [{"stage": s, "reached": r, "failed": f, "pass_rate": p} for s, r, f, p in rows]


def _shape(got) -> str | None:
    if not isinstance(got, list) or not all(isinstance(row, dict) for row in got):
        return "return a list of dicts, one per stage"
    if [row.get("stage") for row in got] != _STAGES:
        return f"one row per stage, in the order of stages: {_STAGES}"
    if any(set(row) != {"stage", "reached", "failed", "pass_rate"} for row in got):
        return "each row has exactly the keys stage, reached, failed and pass_rate"
    return None


def failure_funnel() -> list[Case]:
    log = [_BAD_INPUT] + [_BAD_PARSE] * 3 + [_BAD_VALID] * 2 + [_OK] * 4
    return [
        Case("ten runs through four stages", args=(log, _STAGES),
             expect=_rows(("check input", 10, 1, 0.9), ("model call", 9, 0, 1.0), ("parse", 9, 3, 6 / 9),
                          ("validate", 6, 2, 4 / 6)), tol=1e-9,
             why="A stage is reached by every run that contains it: parse is reached by the 9 runs that got past "
                 "the input check and fails in 3, so its pass rate is 6/9, measured against the runs that "
                 "reached it, not against all 10 runs"),
        Case("rows in pipeline order with the four keys", args=(log, _STAGES), check=_shape),
        Case("a stage no run reached", args=([_BAD_INPUT, _BAD_INPUT], _STAGES),
             expect=_rows(("check input", 2, 2, 0.0), ("model call", 0, 0, None), ("parse", 0, 0, None),
                          ("validate", 0, 0, None)),
             why="Stages no run reached still get a row, with reached 0, failed 0 and pass_rate None (not 0.0 "
                 "and not a division by zero): nothing was measured there"),
        Case("a run that stops early after a pass", args=([_OK[:2], _OK, _BAD_PARSE], _STAGES),
             expect=_rows(("check input", 3, 0, 1.0), ("model call", 3, 0, 1.0), ("parse", 2, 1, 0.5),
                          ("validate", 1, 0, 1.0)), tol=1e-9,
             why="The first run ends after a passed model call (say, a cached answer): it counts as reaching "
                 "the first two stages only, and as a failure nowhere"),
        Case("no runs", args=([], ["a", "b"]),
             expect=[{"stage": "a", "reached": 0, "failed": 0, "pass_rate": None},
                     {"stage": "b", "reached": 0, "failed": 0, "pass_rate": None}],
             why="With no runs every stage is unreached: reached 0, failed 0, pass_rate None"),
        Case("an empty run counts nowhere", args=([[], _OK], _STAGES),
             expect=_rows(("check input", 1, 0, 1.0), ("model call", 1, 0, 1.0), ("parse", 1, 0, 1.0),
                          ("validate", 1, 0, 1.0)), tol=1e-9,
             why="A run that recorded nothing reached no stage: it adds to no count"),
        Case("pass rates are floats", args=([_BAD_PARSE, _OK, _OK], _STAGES),
             check=lambda got: None if isinstance(got, list) and len(got) == 4 and isinstance(got[2].get("pass_rate"), float)
             and abs(got[2]["pass_rate"] - 2 / 3) < 1e-9 else "parse is reached 3 times and fails once: pass_rate 2/3 as a float",
             why="pass_rate is (reached - failed) / reached as a float: 2/3 for parse here"),
        Case("a stage that is not in the pipeline", args=([[("check input", True), ("translate", True)]], _STAGES),
             raises=ValueError,
             why="'translate' is not one of the stages: the log and the pipeline disagree, so raise ValueError "
                 "rather than drop the event"),
        Case("a skipped stage", args=([[("check input", True), ("parse", False)]], _STAGES), raises=ValueError,
             why="This run goes from the input check straight to parsing: it is not a prefix of the pipeline's "
                 "stages, so raise ValueError"),
        Case("stages out of order", args=([[("model call", True), ("check input", True)]], _STAGES),
             raises=ValueError,
             why="A run's stages must be the first stages of the pipeline in order: raise ValueError"),
        Case("a repeated stage", args=([[("check input", True), ("check input", True)]], _STAGES),
             raises=ValueError,
             why="A stage that appears twice in one run is not a prefix of the pipeline: raise ValueError"),
        Case("a run that goes on after a failure",
             args=([[("check input", True), ("model call", True), ("parse", False), ("validate", True)]], _STAGES),
             raises=ValueError,
             why="A pipeline stops at its first failure, so a failed stage can only be a run's last pair: raise "
                 "ValueError"),
        Case("a bad run after good ones", args=([_OK, _OK, [("check input", False), ("model call", True)]], _STAGES),
             raises=ValueError,
             why="Check every run, not only the first: the third run goes on after a failed input check"),
    ]
