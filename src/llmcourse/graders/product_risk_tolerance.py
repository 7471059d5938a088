"""Cases for product_risk_tolerance: a table-tested risk_tier() with the gates each tier needs."""

from __future__ import annotations

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {}

UNACCEPTABLE = {"tier": "unacceptable", "gates": ["do not build"], "max_error_rate": None}
HIGH = {"tier": "high", "gates": ["eval set", "monitoring", "AI disclosure", "human oversight", "risk assessment"],
        "max_error_rate": 0.01}
LIMITED = {"tier": "limited", "gates": ["eval set", "monitoring", "AI disclosure"], "max_error_rate": 0.05}
MINIMAL = {"tier": "minimal", "gates": ["eval set", "monitoring"], "max_error_rate": 0.10}


def _use(prohibited: bool, decides: bool, audience: str, **extra) -> dict:
    return {"prohibited_practice": prohibited, "decides_about_people": decides, "audience": audience, **extra}


def _without(key: str, **values) -> dict:
    use = _use(False, False, "internal", **values)
    del use[key]
    return use


def risk_tier() -> list[Case]:
    return [
        # the table, one row per combination of the three inputs
        Case("internal, decides nothing", args=(_use(False, False, "internal"),), expect=MINIMAL, tol=1e-12,
             why="An internal tool that decides nothing about people is the minimal tier: an eval set and "
                 "monitoring, and it tolerates a 10% error rate"),
        Case("public, decides nothing", args=(_use(False, False, "public"),), expect=LIMITED, tol=1e-12,
             why="A public-facing system that decides nothing about people is limited: it adds AI disclosure to "
                 "the minimal gates and tolerates 5%"),
        Case("internal, decides about people", args=(_use(False, True, "internal"),), expect=HIGH, tol=1e-12,
             why="Deciding about people makes a use high-risk even when only staff see the output (an internal "
                 "hiring screen, say): check decides_about_people before the audience"),
        Case("public, decides about people", args=(_use(False, True, "public"),), expect=HIGH, tol=1e-12,
             why="A public system that decides about people is high, not limited: the decision rule comes before "
                 "the audience rule"),
        Case("prohibited, internal", args=(_use(True, False, "internal"),), expect=UNACCEPTABLE,
             why="A prohibited practice is unacceptable wherever it runs: gates ['do not build'] and "
                 "max_error_rate None, since no error rate makes it acceptable"),
        Case("prohibited, public", args=(_use(True, False, "public"),), expect=UNACCEPTABLE,
             why="The prohibition rule comes first: a prohibited practice is unacceptable even when it is public"),
        Case("prohibited and decides about people", args=(_use(True, True, "public"),), expect=UNACCEPTABLE,
             why="Check prohibited_practice before decides_about_people: a banned use is not merely high-risk"),
        Case("prohibited, decides, internal", args=(_use(True, True, "internal"),), expect=UNACCEPTABLE,
             why="The first matching rule wins, and the prohibition is the first rule"),
        Case("extra keys are ignored", args=(_use(False, False, "public", name="FAQ bot", owner="support"),),
             expect=LIMITED, tol=1e-12, why="Keys other than the three named ones do not change the tier"),
        Case("gates are cumulative and ordered", args=(_use(False, True, "public"),),
             check=lambda got: None if isinstance(got, dict) and got.get("gates") == HIGH["gates"] else
             f"the high tier's gates should be {HIGH['gates']}, got {got.get('gates') if isinstance(got, dict) else got!r}",
             why="A higher tier keeps every gate of the tiers below it, in the table's order, then adds its own"),
        # bad input
        Case("missing prohibited_practice", args=(_without("prohibited_practice"),), raises=ValueError,
             why="A use case without prohibited_practice cannot be tiered: raise ValueError, not KeyError"),
        Case("missing decides_about_people", args=(_without("decides_about_people"),), raises=ValueError,
             why="A use case without decides_about_people cannot be tiered: raise ValueError, not KeyError"),
        Case("missing audience", args=(_without("audience"),), raises=ValueError,
             why="A use case without an audience cannot be tiered: raise ValueError, not KeyError"),
        Case("'no' is not False", args=(_use(False, "no", "internal"),), raises=ValueError,
             why="The string 'no' is truthy: taken as is it would make this use high-risk. Require a real bool "
                 "and raise ValueError otherwise"),
        Case("a string for prohibited_practice", args=(_use("false", False, "internal"),), raises=ValueError,
             why="prohibited_practice must be True or False; the string 'false' is truthy, so raise ValueError"),
        Case("1 is not True", args=(_use(False, 1, "internal"),), raises=ValueError,
             why="decides_about_people must be a bool (isinstance(value, bool)), not a number"),
        Case("an unknown audience", args=(_use(False, False, "external"),), raises=ValueError,
             why="audience is 'internal' or 'public'; anything else ('external') is a ValueError, not a silent "
                 "'minimal'"),
        Case("audience is case-sensitive", args=(_use(False, False, "Public"),), raises=ValueError,
             why="Only the exact strings 'internal' and 'public' are valid"),
        Case("validate before the first rule", args=(_use(True, False, "everyone"),), raises=ValueError,
             why="Check all three keys before applying any rule: a bad audience is an error even when the use is "
                 "prohibited"),
        Case("validate the flags before the first rule", args=(_use(True, "yes", "public"),), raises=ValueError,
             why="Check all three keys before applying any rule: 'yes' is not a bool even when the use is "
                 "prohibited"),
        Case("missing audience on a prohibited use", args=({"prohibited_practice": True,
                                                            "decides_about_people": False},),
             raises=ValueError, why="Check that every key is present before applying any rule"),
    ]
