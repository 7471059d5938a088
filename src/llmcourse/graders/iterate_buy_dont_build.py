"""Cases for iterate_buy_dont_build: a build-or-buy scorer over cost, time to value, differentiation and data
sensitivity, table-tested."""

from __future__ import annotations

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {}

_W = {"cost": 1.0, "time_to_value": 1.0, "differentiation": 2.0, "data_sensitivity": 1.0}


def _opt(differentiation=2.5, data_sensitivity=2.5, build_cost=100.0, buy_cost=100.0, build_weeks=10.0,
         buy_weeks=10.0):
    return {"differentiation": differentiation, "data_sensitivity": data_sensitivity, "build_cost": build_cost,
            "buy_cost": buy_cost, "build_weeks": build_weeks, "buy_weeks": buy_weeks}


def _ratio(buy, build):
    top = max(buy, build)
    return 0.0 if top == 0 else (buy - build) / top


def _expect(option, weights=None):
    weights = weights or _W
    votes = {"cost": _ratio(option["buy_cost"], option["build_cost"]),
             "time_to_value": _ratio(option["buy_weeks"], option["build_weeks"]),
             "differentiation": (option["differentiation"] - 2.5) / 2.5,
             "data_sensitivity": (option["data_sensitivity"] - 2.5) / 2.5}
    score = sum(weights[k] * votes[k] for k in _W) / sum(weights[k] for k in _W)
    return {"decision": "build" if score > 0 else "buy", "score": score, "votes": votes}


_ROUTER = _opt(1, 4, 120_000, 40_000, 16, 3)
_EXPLAINER = _opt(5, 5, 180_000, 150_000, 20, 12)


def build_or_buy():
    # (name, option, weights, why): each row is checked against the rule the exercise states
    table = [
        ("the lesson's support-ticket router buys", _ROUTER, None,
         "Votes: cost (40000 - 120000) / 120000, time (3 - 16) / 16, differentiation -0.6, data +0.6; weighted "
         "mean with differentiation counted twice is about -0.42: buy."),
        ("the lesson's fraud-case explainer builds", _EXPLAINER, None,
         "Differentiation 5 votes +1 and counts twice, data sensitivity 5 votes +1: the score is positive."),
        ("building cheaper and faster, middling ratings", _opt(2.5, 2.5, 50, 100, 5, 10), None,
         "Build costs half (cost vote +0.5) and takes half the time (+0.5); the ratings vote 0: score 0.2."),
        ("differentiation counts twice by default", _opt(4, 0.5, 100, 100, 10, 10), None,
         "Differentiation +0.6 twice against data sensitivity -0.8 once: (1.2 - 0.8) / 5 = 0.08, build. With "
         "equal weights it would be a buy."),
        ("both costs zero vote 0", _opt(3, 3, 0, 0, 4, 8), None,
         "With both costs 0 the cost vote is 0, not a division by zero."),
        ("both times zero vote 0", _opt(2, 2, 10, 30, 0, 0), None,
         "With both times 0 the time-to-value vote is 0."),
        ("buy free: the cost vote is -1", _opt(2.5, 2.5, 80, 0, 10, 10), None,
         "(0 - 80) / max(0, 80) = -1: the denominator is the larger cost, not the build cost or the sum."),
        ("the larger cost is the denominator", _opt(2.5, 2.5, 100, 400, 10, 10), None,
         "(400 - 100) / 400 = 0.75. Dividing by the build cost (3.0) or by the sum (0.6) gives another vote."),
        ("the larger time is the denominator", _opt(2.5, 2.5, 10, 10, 12, 3), None,
         "(3 - 12) / 12 = -0.75 for time to value."),
        ("ratings at the ends of the scale", _opt(0, 5, 10, 10, 10, 10), None,
         "A rating of 0 votes -1 and a rating of 5 votes +1; both ends are allowed."),
        ("fractional ratings", _opt(3.75, 1.25, 10, 10, 10, 10), None,
         "Ratings may be fractions: (3.75 - 2.5) / 2.5 = 0.5 and (1.25 - 2.5) / 2.5 = -0.5."),
        ("a score of exactly 0 buys", _opt(2.5, 2.5, 10, 10, 10, 10), None,
         "Every vote is 0, so the score is 0: building has to earn its case, so the decision is buy."),
        ("a balanced case also scores 0 and buys", _opt(2.5, 2.5, 100, 50, 5, 10), None,
         "Cost -0.5 and time +0.5 cancel: score 0, decision buy."),
        ("custom weights", _opt(1, 4, 100, 100, 10, 10), {"cost": 0, "time_to_value": 0, "differentiation": 1,
                                                          "data_sensitivity": 3},
         "Use the weights given: (1 * -0.6 + 3 * 0.6) / 4 = 0.3, build."),
        ("custom weights are normalised by their sum", _opt(5, 0, 200, 100, 10, 10),
         {"cost": 2, "time_to_value": 1, "differentiation": 1, "data_sensitivity": 0},
         "(2 * -0.5 + 1 * 0 + 1 * 1 + 0 * -1) / 4 = 0: divide by the sum of the weights, and a 0 score buys."),
        ("one weight alone decides", _opt(0, 5, 10, 10, 10, 10),
         {"cost": 0, "time_to_value": 0, "differentiation": 0, "data_sensitivity": 2},
         "Only data sensitivity counts: its vote is +1, so the score is 1.0."),
    ]
    cases = [Case(name, (option,), kwargs={} if weights is None else {"weights": weights},
                  expect=_expect(option, weights), tol=1e-9, why=why)
             for name, option, weights, why in table]
    cases += [
        Case("the score and votes are floats", (_opt(3, 3, 10, 20, 1, 2),),
             check=lambda got: None if isinstance(got["score"], float) and all(
                 isinstance(v, float) for v in got["votes"].values())
             else "score and every vote must be floats (use float(...) where integers could come out)"),
        Case("integer inputs give float votes", (_opt(5, 0, 0, 0, 0, 0),),
             check=lambda got: None if all(isinstance(v, float) for v in got["votes"].values())
             and got["votes"]["cost"] == 0.0 and got["decision"] == "build"
             else "with integer inputs the votes must still be floats, the cost vote 0.0, and the decision build"),
        Case("a missing key raises ValueError", ({k: v for k, v in _ROUTER.items() if k != "buy_weeks"},),
             raises=ValueError, why="Say which input is missing instead of failing with a KeyError."),
        Case("a missing rating raises ValueError", ({k: v for k, v in _ROUTER.items() if k != "differentiation"},),
             raises=ValueError, why="Every one of the six keys is required."),
        Case("a rating above 5 raises ValueError", (_opt(6, 3),), raises=ValueError,
             why="Ratings run from 0 to 5; a 6 is a typo, and it would vote +1.4."),
        Case("a negative rating raises ValueError", (_opt(2, -0.5),), raises=ValueError),
        Case("a negative cost raises ValueError", (_opt(build_cost=-1),), raises=ValueError),
        Case("a negative buy cost raises ValueError", (_opt(buy_cost=-5),), raises=ValueError),
        Case("negative weeks raise ValueError", (_opt(buy_weeks=-2),), raises=ValueError),
        Case("negative build weeks raise ValueError", (_opt(build_weeks=-0.5),), raises=ValueError),
        Case("a weight missing a criterion raises ValueError", (_ROUTER,),
             kwargs={"weights": {"cost": 1, "time_to_value": 1, "differentiation": 2}}, raises=ValueError),
        Case("a negative weight raises ValueError", (_ROUTER,),
             kwargs={"weights": {"cost": 1, "time_to_value": -1, "differentiation": 2, "data_sensitivity": 1}},
             raises=ValueError, why="A negative weight would turn a criterion's vote around."),
        Case("a negative weight on the first criterion raises ValueError", (_ROUTER,),
             kwargs={"weights": {"cost": -1, "time_to_value": 1, "differentiation": 2, "data_sensitivity": 1}},
             raises=ValueError, why="Check every one of the four weights, cost included."),
        Case("weights without cost raise ValueError", (_ROUTER,),
             kwargs={"weights": {"time_to_value": 1, "differentiation": 2, "data_sensitivity": 1}},
             raises=ValueError, why="Every criterion needs a weight; name the missing one rather than fail with KeyError."),
        Case("weights adding up to 0 raise ValueError", (_ROUTER,),
             kwargs={"weights": {"cost": 0, "time_to_value": 0, "differentiation": 0, "data_sensitivity": 0}},
             raises=ValueError, why="With no weight nothing counts; do not divide by zero."),
    ]
    return cases
