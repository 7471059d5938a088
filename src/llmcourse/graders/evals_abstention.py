"""Grader for evals_abstention: an abstention rule around a model call, and expected calibration error."""

from llmcourse.cases import Case

ABSTAIN = "I don't know."


def _echo(question, passages):
    """A stand-in model whose answer shows exactly what it was given."""
    return f"{question} <- {passages!r}"


def _must_not_be_called(question, passages):
    raise AssertionError("answer_fn was called, but this question should be abstained on without "
                         "spending a model call")


def _counting_model():
    """A fresh stand-in model that says which call this is, so a second call shows up in the answer."""
    calls = []

    def model(question, passages):
        calls.append(question)
        return f"answer from call #{len(calls)}"
    return model


def answer_or_abstain():
    q = "How long is the frame warranty?"
    return [
        Case("strong evidence: answer, passages best first",
             (q, [("B", 1.2), ("A", 4.5), ("C", 0.3)], _echo, 2.0), expect=_echo(q, ["A", "B", "C"]),
             why="Sort all the passages by score, highest first, and pass them to answer_fn as a list."),
        Case("weak evidence: abstain without calling the model",
             (q, [("x", 0.5), ("y", 1.1)], _must_not_be_called, 2.0), expect=ABSTAIN,
             why="Check the best score before calling answer_fn: abstaining must not cost a model call."),
        Case("no passages at all: abstain",
             (q, [], _must_not_be_called, 2.0), expect=ABSTAIN,
             why="An empty retrieval is the weakest evidence there is; do not call max() on it or the model."),
        Case("a best score equal to the threshold answers",
             (q, [("A", 2.0)], _echo, 2.0), expect=_echo(q, ["A"]),
             why="Abstain only when the best score is strictly below the threshold."),
        Case("the best passage need not come first",
             (q, [("low", 0.1), ("high", 3.0)], _echo, 1.0), expect=_echo(q, ["high", "low"]),
             why="The list is not sorted: judge the evidence by the highest score, not by the first pair."),
        Case("equal scores keep their input order",
             (q, [("first", 1.0), ("second", 1.0), ("top", 2.0)], _echo, 0.5),
             expect=_echo(q, ["top", "first", "second"]),
             why="Use a stable sort on the score alone, so ties keep the retriever's order."),
        Case("a best score of 0.0 meets a threshold of 0.0",
             (q, [("A", 0.0), ("B", -1.0)], _echo, 0.0), expect=_echo(q, ["A", "B"]),
             why="Compare the score with the threshold; a score of 0.0 is not 'no evidence'."),
        Case("negative scores work like any other",
             (q, [("A", -3.0), ("B", -2.5)], _must_not_be_called, -1.0), expect=ABSTAIN,
             why="A best score of -2.5 is below a threshold of -1.0, so the system abstains."),
        Case("the caller's abstention message is returned exactly",
             (q, [("x", 0.2)], _must_not_be_called, 1.0),
             kwargs={"abstain_message": "Sorry, the handbook does not cover that."},
             expect="Sorry, the handbook does not cover that.",
             why="Return abstain_message as given, so callers can recognise an abstention."),
        Case("an empty retrieval returns the caller's message too",
             (q, [], _must_not_be_called, 1.0), kwargs={"abstain_message": "No sources found."},
             expect="No sources found.",
             why="Every abstention returns abstain_message, the empty-retrieval one included."),
        Case("the model is called exactly once when answering",
             lambda: (q, [("A", 3.0), ("B", 1.0)], _counting_model(), 1.0), expect="answer from call #1",
             why="Call answer_fn once and return its answer unchanged."),
    ]


def _reference_ece(confidences, correct, n_bins):
    bins = {}
    for c, ok in zip(confidences, correct):
        bins.setdefault(min(int(c * n_bins), n_bins - 1), []).append((c, bool(ok)))
    return sum(len(m) / len(confidences) * abs(sum(ok for _, ok in m) / len(m) - sum(c for c, _ in m) / len(m))
               for m in bins.values())


# 60 confidences k/97 never land on a bin edge of 10 bins, so every correct binning agrees on them.
_MANY_CONF = [((i * 37) % 97) / 97 for i in range(1, 61)]
_MANY_OK = [(i * 7) % 10 < 10 * c - 2 for i, c in enumerate(_MANY_CONF)]


def expected_calibration_error():
    import numpy as np

    return [
        Case("confidence matches accuracy: no error",
             ([0.75, 0.75, 0.75, 0.75], [True, True, True, False]), expect=0.0, tol=1e-9),
        Case("overconfident in one bin",
             ([0.95, 0.95], [True, False]), expect=0.45, tol=1e-9,
             why="One bin: accuracy 0.5 against mean confidence 0.95."),
        Case("bins are weighted by how many answers they hold",
             ([0.15, 0.15, 0.15, 0.85], [True, False, False, False]), expect=0.35, tol=1e-9,
             why="Weight each bin's gap by n_b / N: 3/4 * |1/3 - 0.15| + 1/4 * |0 - 0.85| = 0.35. "
                 "An unweighted mean over bins, or one gap over all answers, gives a different number."),
        Case("empty bins add nothing",
             ([0.05, 0.95], [False, True]), expect=0.05, tol=1e-9,
             why="Sum over the non-empty bins only; do not divide by n_bins."),
        Case("a confidence of 1.0 goes in the last bin",
             ([1.0, 1.0, 0.95], [True, False, True]), expect=abs(2 / 3 - 2.95 / 3), tol=1e-9,
             why="Bin i is [i/n, (i+1)/n), but 1.0 belongs to the last bin; it must not be dropped."),
        Case("a confidence of 0.0 goes in the first bin",
             ([0.0, 0.05, 0.05], [True, False, False]), expect=0.3, tol=1e-9,
             why="Bin 0 is [0, 1/n): a confidence of exactly 0.0 belongs to it and must not be dropped."),
        Case("a confidence on an inner edge goes to the upper bin",
             ([0.5, 0.4], [True, False]), kwargs={"n_bins": 4}, expect=0.45, tol=1e-9,
             why="With 4 bins, 0.5 opens the bin [0.5, 0.75); it does not close [0.25, 0.5)."),
        Case("0.6 sits on an edge and opens the upper bin",
             ([0.6, 0.65], [True, False]), expect=0.125, tol=1e-9,
             why="With 10 bins, 0.6 is the lower edge of [0.6, 0.7) and shares that bin with 0.65: mean "
                 "confidence 0.625 against accuracy 0.5. np.histogram's edges come from np.linspace, whose "
                 "seventh edge is 0.6000000000000001, so it puts 0.6 in the bin below and reports 0.525: "
                 "compute the bin from i / n_bins (int(c * n_bins) does) instead of trusting library edges."),
        Case("the last two bins are separate",
             ([0.85, 0.95], [True, False]), expect=0.55, tol=1e-9,
             why="0.85 is in [0.8, 0.9) and 0.95 in [0.9, 1.0]: 1/2 * 0.15 + 1/2 * 0.95 = 0.55. Only 1.0 is "
                 "moved down into the last bin; nothing else is."),
        Case("1.0 joins the last of n_bins bins",
             ([1.0, 0.8], [False, True]), kwargs={"n_bins": 4}, expect=0.4, tol=1e-9,
             why="With 4 bins the last bin is [0.75, 1.0] and holds both answers: mean confidence 0.9 against "
                 "accuracy 0.5. Clip the bin index to n_bins - 1, not to a fixed number."),
        Case("one bin is the gap between mean confidence and accuracy",
             ([0.2, 0.9], [True, False]), kwargs={"n_bins": 1}, expect=0.05, tol=1e-9,
             why="Use the n_bins argument."),
        Case("numpy arrays and 0/1 labels are accepted",
             (np.array([0.15, 0.15, 0.15, 0.85]), np.array([1, 0, 0, 0])), expect=0.35, tol=1e-9,
             why="Do not test a sequence with `if not confidences`: that fails for numpy arrays."),
        Case("60 answers across many bins",
             (_MANY_CONF, _MANY_OK), expect=_reference_ece(_MANY_CONF, _MANY_OK, 10), tol=1e-9),
        Case("the result is a float", ([0.95, 0.95], [True, False]),
             check=lambda got: None if isinstance(got, float) else f"returned {type(got).__name__}, not a float"),
        Case("no answers raise ValueError", ([], []), raises=ValueError,
             why="ECE is undefined without answers; do not return 0.0."),
        Case("different lengths raise ValueError", ([0.9, 0.8], [True]), raises=ValueError,
             why="zip() would silently drop the extra confidence."),
        Case("a confidence above 1 raises ValueError", ([1.2, 0.5], [True, False]), raises=ValueError),
        Case("a negative confidence raises ValueError", ([-0.1, 0.5], [True, False]), raises=ValueError),
        Case("n_bins of 0 raises ValueError", ([0.5], [True]), kwargs={"n_bins": 0}, raises=ValueError),
    ]
