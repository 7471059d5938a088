"""Grader for evals_guardrails: a reference-free grounding score, and a threshold for a target FFR."""

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "threshold_for_ffr": {
        "raise to return: raise AssertionError('unreachable: the lowest score always qualifies') -> return None":
            "the line is unreachable: at the lowest score no good answer is below it, so FFR 0 <= target",
    },
}

BRIDGE = "The Larkspur Bridge crosses the river Venn. It opened in 1911 and is 240 metres long."
FLOOD = "The worst flood was in 1953, when the water rose 4.2 metres above normal."
BOOK = "The Glass Orchard sold 1,200 copies in its first year."


def grounding_score():
    tol = 1e-9
    return [
        Case("an answer copied from the context is fully grounded",
             ("The Larkspur Bridge opened in 1911.", BRIDGE), expect=1.0, tol=tol),
        Case("a wrong year lowers the score",
             ("The bridge opened in 1921.", BRIDGE), expect=2 / 3, tol=tol,
             why="Content words are bridge, opened, 1921; the year 1921 is not in the context. "
                 "Numbers are content words: a wrong number is the classic hallucination."),
        Case("a transposed decimal is not supported",
             ("The water rose 2.4 metres.", FLOOD), expect=0.75, tol=tol,
             why="2.4 is one token and the context has 4.2, not 2.4. Splitting numbers at the dot "
                 "finds 2 and 4 in the context and calls the wrong number grounded."),
        Case("a number with a thousands separator is one token",
             ("It sold 200 copies.", BOOK), expect=2 / 3, tol=tol,
             why="1,200 is a single token, so 200 does not occur in the context."),
        Case("a number is matched whole, not inside a longer number",
             ("Route 1 replaced it.", "Bus route 7 has been replaced by route 17."), expect=2 / 3, tol=tol,
             why="Content words are route, 1, replaced; 1 only appears inside 17, which is not a match."),
        Case("a word is matched whole, not as a substring",
             ("Art classes.", "Classes start at nine."), expect=0.5, tol=tol,
             why="'art' occurs inside 'start' but is not a token of the context: match tokens, not substrings."),
        Case("a full stop after a number is not part of it",
             ("Opened in 1911", "The bridge opened in 1911."), expect=1.0, tol=tol,
             why="'1911.' at the end of a sentence is the number 1911; only '.' or ',' followed by "
                 "more digits belongs to a number."),
        Case("letter case does not matter",
             ("ORLA BRANDT founded it.", "Orla Brandt founded the Kestrel Bakery."), expect=1.0, tol=tol,
             why="Lower-case both texts before comparing."),
        Case("stop words do not count",
             ("It was the bridge.", BRIDGE), expect=1.0, tol=tol,
             why="Only 'bridge' is a content word; 'it', 'was' and 'the' are in STOP_WORDS."),
        Case("repeated words are counted each time",
             ("Lisbon, Lisbon and Porto.", "The ferry goes to Lisbon."), expect=2 / 3, tol=tol,
             why="The share is over the answer's content words with repeats: lisbon, lisbon, porto."),
        Case("an answer with no content words scores 1.0",
             ("It is what it is.", BRIDGE), expect=1.0, tol=tol,
             why="Nothing in the answer is unsupported, so the contract gives 1.0 (not 0.0, and no "
                 "ZeroDivisionError)."),
        Case("an empty answer scores 1.0", ("", BRIDGE), expect=1.0, tol=tol,
             why="No content words: 1.0, as the contract says."),
        Case("an invented answer scores 0.0",
             ("Martin Keller, Vienna.", "Orla Brandt founded the Kestrel Bakery."), expect=0.0, tol=tol),
    ]


def threshold_for_ffr():
    tol = 1e-9
    return [
        Case("block one good answer out of four",
             ([0.2, 0.4, 0.6, 0.8], [True] * 4, 0.25), expect=0.4, tol=tol,
             why="At t=0.4 only the good answer scoring 0.2 is below t: FFR 1/4 = 0.25 is allowed. "
                 "At t=0.6 two are blocked, which is too many."),
        Case("target 0 blocks no good answer",
             ([0.1, 0.3, 0.5, 0.9], [False, True, True, True], 0.0), expect=0.3, tol=tol,
             why="The bad answer at 0.1 may be blocked; the lowest good score, 0.3, is the highest "
                 "threshold that blocks no good answer."),
        Case("bad answers do not count towards the false-failure rate",
             ([0.1, 0.2, 0.3, 0.7, 0.8, 0.9], [False, False, False, True, True, True], 1 / 3),
             expect=0.8, tol=tol,
             why="FFR is measured among good answers only: at t=0.8 one of three good answers is "
                 "blocked. Blocking the bad answers is the point of the guardrail, not a false failure."),
        Case("ten good answers at a 10% target",
             ([0.0, 0.5, 0.67, 0.8, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.2, 0.4, 0.75, 1.0],
              [True] * 10 + [False] * 4, 0.1), expect=0.5, tol=tol,
             why="One good answer in ten may be blocked: t=0.5 blocks only the 0.0; t=0.67 would "
                 "block two."),
        Case("unsorted input",
             ([0.9, 0.1, 0.5, 0.3], [True] * 4, 0.5), expect=0.5, tol=tol,
             why="The scores can come in any order: t=0.5 blocks 0.1 and 0.3, half the good answers."),
        Case("answers tied at the threshold are served",
             ([0.5, 0.5, 0.5, 1.0], [True] * 4, 0.5), expect=0.5, tol=tol,
             why="The guardrail blocks scores strictly below t, so at t=0.5 nothing is blocked; "
                 "t=1.0 would block three of four."),
        Case("thresholds are chosen among all observed scores",
             ([0.5, 0.9, 0.95], [True, True, False], 1.0), expect=0.95, tol=tol,
             why="With target 1.0 every threshold qualifies, so the answer is the highest observed "
                 "score, which here belongs to a bad answer."),
        Case("the result is one of the observed scores",
             ([0.2, 0.4, 0.6, 0.8, 0.3], [True, True, True, True, False], 0.25), expect=0.4, tol=tol,
             why="Candidates are the observed scores, not interpolated quantiles."),
        Case("different lengths raise ValueError", ([0.1, 0.2], [True], 0.1), raises=ValueError,
             why="scores and good must line up one to one."),
        Case("no good answer raises ValueError", ([0.1, 0.2], [False, False], 0.1), raises=ValueError,
             why="Without a good answer the false-failure rate is undefined."),
        Case("empty input raises ValueError", ([], [], 0.1), raises=ValueError,
             why="An empty set has no good answers either."),
        Case("a negative target raises ValueError", ([0.1, 0.2], [True, True], -0.1), raises=ValueError,
             why="A rate target must lie in [0, 1]."),
        Case("a target above 1 raises ValueError", ([0.1, 0.2], [True, True], 1.5), raises=ValueError,
             why="A rate target must lie in [0, 1]."),
    ]
