"""Private cases an instructor keeps out of the learners' reach (graded with --hidden-tests)."""

from llmcourse.cases import Case


def regressions():
    return [
        Case("two regressions among five samples",
             ({"p": [], "q": [], "r": ["x"], "s": [], "t": []}, {"p": ["y"], "q": [], "r": ["x"], "s": ["z"]}),
             expect=["p", "s"], why="Only samples that passed before and fail now, in both runs."),
        Case("numeric-looking ids sort as text", ({"10": [], "9": []}, {"10": ["a"], "9": ["b"]}),
             expect=["10", "9"]),
    ]
