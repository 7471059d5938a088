"""Grader for evals_assertions: assertions over a logged summary, and regressions between two runs."""

from llmcourse.cases import Case

TICKET = {"id": "t01", "order_id": "A-1042"}
CLEAN = "Customer reports order A-1042 arrived with a cracked blender jar and wants a replacement jar."


def _words(n: int) -> str:
    return "Order A-1042 " + " ".join(["word"] * (n - 2))


CRITERIA = ("mentions_order_id", "length", "no_apology", "no_preamble")

# why "Sure! Sorry." fails each criterion, so a missed one is explained by its own rule
WHY_SURE_SORRY = {
    "mentions_order_id": "it never mentions A-1042",
    "length": "two words are fewer than min_words (5)",
    "no_apology": "'Sorry' is an apology whatever its letter case",
    "no_preamble": "'Sure' opens it, and PREAMBLES match in any letter case",
}


def _all_failures_listed(got):
    """Name what is wrong with the list for "Sure! Sorry.", which fails every criterion."""
    if not isinstance(got, list):
        return f"return a list of criterion names, got {type(got).__name__}"
    missed = [name for name in CRITERIA if name not in got]
    if missed:
        stopped = got and got == list(CRITERIA[:len(got)]) and len(got) == 1
        return ("missing " + ", ".join(f"{name!r} ({WHY_SURE_SORRY[name]})" for name in missed)
                + (": check every criterion; do not stop at the first failure" if stopped else ""))
    if got != list(CRITERIA):
        return f"got {got!r}: list the failures in the order of CRITERIA, {list(CRITERIA)!r}, each once"
    return None


def summary_failures():
    return [
        Case("a clean summary passes every criterion", (TICKET, CLEAN), expect=[]),
        Case("exactly 25 words is allowed", (TICKET, _words(25)), expect=[],
             why="The limits are inclusive: 25 words is within 5 to 25."),
        Case("26 words is too long", (TICKET, _words(26)), expect=["length"],
             why="One word over the limit must fail `length`."),
        Case("exactly 5 words is allowed", (TICKET, _words(5)), expect=[],
             why="The lower limit is inclusive too."),
        Case("the id inside a longer id does not count", (TICKET, CLEAN.replace("A-1042", "A-10423")),
             expect=["mentions_order_id"],
             why="A-10423 is a different order: match the id as a whole token, not as a substring."),
        Case("the id with a prefix does not count", (TICKET, CLEAN.replace("A-1042", "XA-1042")),
             expect=["mentions_order_id"], why="XA-1042 is not A-1042 either."),
        Case("the id in lower case still counts", (TICKET, CLEAN.replace("A-1042", "a-1042")), expect=[],
             why="Letter case does not change which order is meant."),
        Case("a capitalised apology fails", (TICKET, "Sorry, order A-1042 arrived with a cracked blender jar."),
             expect=["no_apology"], why="'Sorry' with a capital S is still an apology."),
        Case("'apologies' fails too", (TICKET, "Our apologies: order A-1042 arrived with a cracked jar."),
             expect=["no_apology"], why="Match the whole family of words: apologise, apologies, apology."),
        Case("a preamble after spaces and a quote fails",
             (TICKET, '  "here is a summary: order A-1042 arrived with a cracked jar.'),
             expect=["no_preamble"],
             why="Strip leading spaces and quotes before looking for the opener (in lower case here, so only the "
                 "stripping is tested)."),
        Case("every failure is listed, in CRITERIA order", (TICKET, "Sure! Sorry."), check=_all_failures_listed),
        Case("a preamble in capitals fails", (TICKET, "SURE, order A-1042 arrived with a cracked blender jar."),
             expect=["no_preamble"], why="PREAMBLES match in any letter case: compare the lower-cased opening."),
        Case("custom word limits are used", (TICKET, CLEAN), kwargs={"max_words": 10}, expect=["length"],
             why="Use the min_words and max_words arguments, not fixed numbers."),
        Case("a custom minimum is used", (TICKET, _words(6)), kwargs={"min_words": 8}, expect=["length"],
             why="Six words are too few when min_words is 8: use the argument, not the default of 5."),
    ]


def regressions():
    return [
        Case("one sample broken by the change",
             ({"a": [], "b": []}, {"a": [], "b": ["length"]}), expect=["b"]),
        Case("a sample that was already failing is not a regression",
             ({"a": ["length"], "b": []}, {"a": ["length", "no_apology"], "b": []}), expect=[],
             why="Only samples that passed everything before can regress."),
        Case("a fixed sample is not a regression",
             ({"a": ["length"]}, {"a": []}), expect=[]),
        Case("a sample only in the new run is not a regression",
             ({"a": []}, {"a": [], "new": ["length"]}), expect=[],
             why="A sample added after the change was never passing before."),
        Case("a sample only in the old run is ignored",
             ({"a": [], "gone": []}, {"a": []}), expect=[],
             why="Compare only the ids present in both runs."),
        Case("ids come back sorted",
             ({"c": [], "a": [], "b": []}, {"c": ["x"], "a": ["x"], "b": ["y"]}), expect=["a", "b", "c"],
             why="Sort the ids so the report is the same every run."),
        # twelve ids: a set's order comes out sorted by chance about once in 479 million runs, so an unsorted
        # answer cannot pass on a lucky hash seed as it could with three ids (one run in six)
        Case("twelve ids come back sorted",
             ({f"s{i:02}": [] for i in reversed(range(12))}, {f"s{i:02}": ["x"] for i in range(12)}),
             expect=[f"s{i:02}" for i in range(12)],
             why="Sort the ids so the report is the same every run."),
        Case("empty runs have no regressions", ({}, {}), expect=[]),
    ]
