"""Grader for evals_llm_judge: a swap-and-tie pairwise judge, Cohen's kappa, and the flip rate."""

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "swap_judge": {
        "constant: verdicts[0] -> verdicts[1]":
            "it is the value returned when verdicts[0] == verdicts[1], so either one is the same answer",
    },
}

Q = "What is the capital of Australia?"
GOOD = "Canberra."
BAD = "The capital of Australia is Sydney, its largest city, home to the Opera House."


def _always(word):
    def judge(question, first, second):
        return word
    return judge


def _prefers(text):
    """A consistent judge: picks `text` wherever it is shown."""
    def judge(question, first, second):
        return "first" if first == text else "second"
    return judge


def _shorter(question, first, second):
    """A consistent judge that prefers the shorter answer."""
    return "first" if len(first) <= len(second) else "second"


def _scripted(*verdicts):
    """A judge that answers from a script, one verdict per call, whatever it is shown.

    Built fresh by the case's args (a lambda), so every run of the case starts at the top."""
    state = {"n": 0}

    def judge(question, first, second):
        i = state["n"]
        state["n"] += 1
        return verdicts[i] if i < len(verdicts) else "first"
    return judge


def _recording(verdict_of):
    """A judge that remembers its calls, plus the box where the check finds them.

    The args lambda builds a fresh judge for every run of the case (also when the grader replays the
    calls outside the sandbox), and `box` always holds the calls of the latest one."""
    box = {"calls": []}

    def make():
        calls = []
        box["calls"] = calls

        def judge(question, first, second):
            calls.append((question, first, second))
            return verdict_of(question, first, second)
        return judge
    return box, make


def _calls_check(box, expected_verdict):
    def check(got):
        calls = box["calls"]
        if got != expected_verdict:
            return f"expected {expected_verdict!r}, got {got!r}"
        if len(calls) != 2:
            return f"the judge was called {len(calls)} time(s); ask it exactly twice"
        if sorted(calls) != sorted([(Q, GOOD, BAD), (Q, BAD, GOOD)]):
            return (f"the judge was called with {calls}; call it once as judge(question, a, b) and once as "
                    "judge(question, b, a)")
        return None
    return check


def swap_judge():
    box, make = _recording(_prefers(GOOD))
    return [
        Case("a judge that always says 'first' gives a tie", (_always("first"), Q, GOOD, BAD), expect="tie",
             why="The judge named whatever was shown first, so its two verdicts point at different answers: "
                 "that is position bias, and the honest verdict is 'tie'."),
        Case("a judge that always says 'second' gives a tie", (_always("second"), Q, BAD, GOOD), expect="tie",
             why="Position bias can go either way: a judge stuck on 'second' is no more informative."),
        Case("a consistent judge, better answer in position a", (_prefers(GOOD), Q, GOOD, BAD), expect="a",
             why="In the swapped call 'second' means answer a: translate before comparing."),
        Case("a consistent judge, better answer in position b", (_prefers(GOOD), Q, BAD, GOOD), expect="b",
             why="In the swapped call 'first' means answer b: translate before comparing."),
        Case("a consistent judge that prefers the shorter answer", (_shorter, Q, BAD, GOOD), expect="b",
             why="A judge that picks the same answer in both orders deserves its verdict, whatever its taste."),
        Case("verdicts 'second' then 'first' both name b",
             args=lambda: (_scripted("second", "first"), Q, GOOD, BAD), expect="b",
             why="'second' in the call (a, b) is b, and 'first' in the call (b, a) is b too: the verdicts agree "
                 "once they are translated. Compare answers, not positions."),
        Case("verdicts 'first' then 'first' disagree",
             args=lambda: (_scripted("first", "first"), Q, GOOD, BAD), expect="tie",
             why="'first' in (a, b) is a but 'first' in (b, a) is b: on disagreement return 'tie', not the "
                 "first verdict."),
        Case("the judge is called exactly twice, once in each order", args=lambda: (make(), Q, GOOD, BAD),
             check=_calls_check(box, "a"),
             why="Ask judge(question, a, b) and judge(question, b, a), passing the question along, and "
                 "nothing more."),
        Case("a verdict other than 'first' or 'second' raises ValueError",
             (_always("A"), Q, GOOD, BAD), raises=ValueError,
             why="A judge that answers 'A' (or 'tie', or nothing) broke its contract: raise instead of "
                 "reading it as one of the positions."),
    ]


def cohens_kappa():
    return [
        Case("perfect agreement on two labels", (["a", "b", "a", "b"], ["a", "b", "a", "b"]), expect=1.0, tol=1e-9),
        Case("perfect disagreement on balanced labels", (["a", "b", "a", "b"], ["b", "a", "b", "a"]),
             expect=-1.0, tol=1e-9, why="Kappa goes below zero when raters agree less than chance would."),
        Case("a constant judge scores zero despite 75% raw agreement",
             (["a", "a", "a", "b"], ["a", "a", "a", "a"]), expect=0.0, tol=1e-9,
             why="A judge that always says 'a' agrees 75% of the time with these labels, but that is exactly "
                 "the agreement chance predicts: p_e = 0.75*1 + 0.25*0 = 0.75, so kappa = 0. Do not return "
                 "raw agreement."),
        Case("raters with different label shares", (["a", "a", "a", "a", "b", "b"], ["a", "a", "b", "b", "b", "b"]),
             expect=0.4, tol=1e-9,
             why="p_o = 4/6 and p_e = (4/6)(2/6) + (2/6)(4/6) = 4/9, so kappa = 0.4: each rater's own label "
                 "shares enter p_e (pooling the two raters' shares gives a different number)."),
        Case("three labels, one used by one rater only",
             (["a", "b", "tie", "a", "b", "a"], ["a", "b", "a", "a", "b", "b"]),
             expect=3 / 7, tol=1e-9,
             why="Labels are whatever values appear, e.g. 'tie'; one never used by the other rater adds "
                 "nothing to p_e."),
        Case("any hashable labels: numbers and None", ([1, 0, None, 1], [1, 0, None, 0]),
             expect=7 / 11, tol=1e-9,
             why="Do not assume the labels are 'a' and 'b'."),
        Case("both raters use one label only: kappa is 1", (["a", "a", "a"], ["a", "a", "a"]), expect=1.0, tol=1e-9,
             why="p_e = 1 makes the formula divide by zero; the raters agree on every item, so return 1.0."),
        Case("tuples work as well as lists", (("a", "b", "b", "a"), ("a", "b", "a", "a")),
             expect=0.5, tol=1e-9),
        Case("different lengths raise ValueError", (["a", "b", "a"], ["a", "b"]), raises=ValueError,
             why="Labels for different items cannot be compared: zip would silently drop the extra item."),
        Case("empty labels raise ValueError", ([], []), raises=ValueError,
             why="With no items there is no agreement to measure."),
    ]


def flip_rate():
    return [
        Case("no flips", ([("a", "a"), ("b", "b"), ("a", "a")],), expect=0.0, tol=1e-9),
        Case("every verdict flips", ([("a", "b"), ("b", "a")],), expect=1.0, tol=1e-9,
             why="A verdict that names a in one order and b in the other is a flip."),
        Case("one flip in four", ([("a", "a"), ("b", "b"), ("a", "b"), ("b", "b")],), expect=0.25, tol=1e-9),
        Case("ties are neither flips nor counted",
             ([("a", "a"), ("a", "tie"), ("tie", "b"), ("b", "a"), ("tie", "tie")],), expect=0.5, tol=1e-9,
             why="Only (a, a) and (b, a) are decisive, and one of them flips: 1/2. A tie on either side "
                 "leaves the pair out of both the count and the total."),
        Case("a tie against a verdict is not a flip", ([("a", "tie"), ("b", "b")],), expect=0.0, tol=1e-9,
             why="'a' versus 'tie' differ as strings but the judge did not name the other answer."),
        Case("ties only raise ValueError", ([("tie", "tie"), ("a", "tie")],), raises=ValueError,
             why="With no decisive pair the rate is undefined: raise ValueError rather than return 0."),
        Case("an empty list raises ValueError", ([],), raises=ValueError,
             why="No pairs, nothing to measure."),
    ]
