"""Grader for evals_hallucinations: verify cited ids and quotes against sources, and the unsupported rate."""

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "verify_citations": {
        "constant: ' '.join -> ' X'.join":
            "quotes and sources are joined with the same separator, and lower-cased text never holds an "
            "'X', so a quote matches exactly where it did",
        "builtin swapped: sorted(cited) -> list(cited)":
            "the cited texts are only searched with any(), whose answer does not depend on their order",
    },
}

SRC = {
    "S1": "A day pass costs 6 euros and covers rides of up to 45 minutes.",
    "S2": "Annual members pay 70 euros a year.",
    "S3": "Bikes can be returned to any of the 38 docking stations.",
}
DOCS = {"D1": "The pool opens at 7 on weekdays.", "D2": "A single entry costs 4.50 euros."}

GOOD = 'A day pass costs "6 euros" [S1].'
GOOD_2 = 'Members pay "70 euros a year" [S2].'


def verify_citations():
    return [
        Case("a correct citation and quote", (GOOD, SRC), expect=[]),
        Case("an id that is not in the sources", ('Members pay "70 euros a year" [S2][S9].', SRC),
             expect=["unknown source S9"],
             why="S9 is cited but there is no S9 in the sources: a made-up citation is the first thing to catch."),
        Case("a quote that is only in an uncited source", ('A day pass is "6 euros" [S2].', SRC),
             expect=['quote not found: "6 euros"'],
             why="The words are in S1, but the answer sends the reader to S2. Search only the sources the "
                 "answer cites."),
        Case("letter case and whitespace do not matter", ('It says "a  DAY pass costs\n6 Euros" [S1].', SRC),
             expect=[], why="Lower-case both sides and collapse runs of whitespace before comparing."),
        Case("a citation after the quote, with a list of ids",
             ('"38 docking stations" and "70 euros" [S3, S2].', SRC), expect=[],
             why="A citation anywhere in the answer counts, and [S3, S2] cites both S3 and S2."),
        Case("problems come in the order they appear",
             ('First "free rides" [S7], then "45 minutes" [S1] and [S8].', SRC),
             expect=['quote not found: "free rides"', "unknown source S7", "unknown source S8"],
             why="Sort every problem, quotes and ids together, by where it starts in the answer."),
        Case("a quote with no citation at all", ('The pass is "6 euros".', SRC),
             expect=['quote not found: "6 euros"'],
             why="The answer cites no source, so no source supports the quote, even though S1 contains it."),
        Case("a quote whose only citation is unknown", ('It is "6 euros" [S4].', SRC),
             expect=['quote not found: "6 euros"', "unknown source S4"],
             why="S4 does not exist, so it cannot support the quote: report both problems, in order."),
        Case("no citation and no quote: nothing to verify", ("Day passes are cheap.", SRC), expect=[],
             why="Without citations or quotes there is nothing to check here; the rate exercise counts it."),
        Case("curly quotes are quotes too",
             ("Members pay \u201c70 euros a year\u201d [S2], not \u201c80 euros\u201d [S2].", SRC),
             expect=['quote not found: "80 euros"'],
             why="Models often write curly quotes; check the text between \u201c and \u201d as well, and "
                 "report it between straight quotes."),
        Case("each occurrence of an unknown id counts", ("See [S9] and again [S9].", SRC),
             expect=["unknown source S9", "unknown source S9"],
             why="Report every occurrence, in order; do not collapse repeated ids into a set."),
        Case("an empty quote is ignored", ('The sign said "" [S1].', SRC), expect=[],
             why="A blank quote claims nothing; skip it."),
        Case("other ids and sources", ('Entry is "4.50 euros" [D2] and it opens at "8" [D1].', DOCS),
             expect=['quote not found: "8"'],
             why="Use the ids and texts you are given, not fixed ones: 8 is not in D1 ('opens at 7')."),
        Case("ids in one pair of brackets keep the order written", ("See [S9, S8] for details.", SRC),
             expect=["unknown source S9", "unknown source S8"],
             why="S9 and S8 start at the same bracket: sort the problems by position only, with a stable "
                 "sort, so ids of one citation stay in the order written rather than alphabetical."),
        Case("ids are compared exactly", ('A pass costs "6 euros" [s1].', SRC),
             expect=['quote not found: "6 euros"', "unknown source s1"],
             why="s1 is not the key S1: ids are compared exactly, so the quote has no valid source either."),
    ]


def unsupported_rate():
    return [
        Case("every answer supported", ([(GOOD, SRC), (GOOD_2, SRC)],), expect=0.0, tol=1e-9),
        Case("one unknown id in four answers",
             ([(GOOD, SRC), (GOOD_2, SRC), ("Bikes go back to a dock [S5].", SRC), (GOOD, SRC)],),
             expect=0.25, tol=1e-9, why="1 of 4 answers cites a source that does not exist."),
        Case("an answer with no citation is unsupported",
             ([("Day passes are cheap.", SRC), (GOOD, SRC)],), expect=0.5, tol=1e-9,
             why="verify_citations finds nothing to complain about in 'Day passes are cheap.', but the answer "
                 "cites nothing, so nothing in it is supported: count it."),
        Case("a quote from an uncited source is unsupported",
             ([('A day pass is "6 euros" [S2].', SRC), (GOOD, SRC), (GOOD_2, SRC)],), expect=1 / 3, tol=1e-9,
             why="The quote is in S1 but the answer cites S2."),
        Case("answers are counted, not problems",
             ([('It is "free" [S8] and "cheap" [S9].', SRC), (GOOD, SRC)],), expect=0.5, tol=1e-9,
             why="The first answer has four problems but is one unsupported answer out of two."),
        Case("each answer is checked against its own sources",
             ([('Entry is "4.50 euros" [D2].', DOCS), (GOOD, SRC)],), expect=0.0, tol=1e-9,
             why="Every pair carries its own sources: D2 is a valid id for the first answer."),
        Case("an empty run raises ValueError", ([],), raises=ValueError,
             why="With no answers there is no rate: 0/0 must not quietly become 0."),
    ]
