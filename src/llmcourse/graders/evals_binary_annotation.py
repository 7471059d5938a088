"""Grader for evals_binary_annotation: mean pairwise agreement, and a pass/fail threshold from examples."""

import math

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "mean_pairwise_agreement": {
        "branch dropped: if len(labels) < 2: -> pass":
            "with fewer than two annotators there is no pair, so the later 'no shared item' check raises "
            "the same ValueError",
    },
    "rubric_from_examples": {
        "constant: -1 -> -2":
            "any start below 0 is beaten by the first candidate, which matches at least 0 labels",
    },
}

# three annotators, four items, everyone labels everything
FULL = {
    "ana": {"i1": "pass", "i2": "pass", "i3": "fail", "i4": "fail"},
    "ben": {"i1": "pass", "i2": "fail", "i3": "fail", "i4": "fail"},
    "cho": {"i1": "pass", "i2": "pass", "i3": "fail", "i4": "pass"},
}
# ana-ben 3/4, ana-cho 3/4, ben-cho 2/4 -> mean 2/3

# ana and ben share one item (agree: 1.0), ana and cho share four (2 agree: 0.5), ben and cho share none.
# Mean over pairs = 0.75; pooling all shared items instead gives 3/5 = 0.6.
PARTIAL = {
    "ana": {"i1": True, "i2": True, "i3": False, "i4": False, "i5": True},
    "ben": {"i1": True, "i9": False},
    "cho": {"i2": True, "i3": True, "i4": False, "i5": False},
}


def mean_pairwise_agreement():
    return [
        Case("everyone labels everything", (FULL,), expect=2 / 3, tol=1e-9,
             why="Pairs: ana-ben agree on 3 of 4 items, ana-cho on 3 of 4, ben-cho on 2 of 4; the mean is 2/3."),
        Case("two annotators in full agreement", ({"a": {"x": 1, "y": 2}, "b": {"x": 1, "y": 2}},),
             expect=1.0, tol=1e-9),
        Case("two annotators who never agree", ({"a": {"x": "A", "y": "B"}, "b": {"x": "B", "y": "A"}},),
             expect=0.0, tol=1e-9, why="No shared item has equal labels, so agreement is 0."),
        Case("only items both annotators labelled count",
             ({"a": {"x": 1, "y": 1, "z": 1}, "b": {"x": 1, "w": 2}},), expect=1.0, tol=1e-9,
             why="a and b share only item x, where they agree: an item one of them did not label is "
                 "neither agreement nor disagreement."),
        Case("the mean is over pairs, not over pooled items", (PARTIAL,), expect=0.75, tol=1e-9,
             why="ana-ben agree on their one shared item (1.0), ana-cho on 2 of their 4 (0.5); ben-cho "
                 "share nothing and are skipped. The mean of 1.0 and 0.5 is 0.75, not 3/5 pooled."),
        Case("a pair with no shared item is skipped, not counted as 0",
             ({"a": {"x": 1}, "b": {"x": 1}, "c": {"y": 2}},), expect=1.0, tol=1e-9,
             why="c shares no item with a or b, so those pairs say nothing; only a-b (1.0) counts."),
        Case("one annotator is not enough", ({"a": {"x": 1, "y": 2}},), raises=ValueError,
             why="Agreement needs a pair of annotators: raise ValueError with fewer than two."),
        Case("no annotators at all", ({},), raises=ValueError,
             why="An empty dict has no pair of annotators: raise ValueError."),
        Case("annotators who share no item", ({"a": {"x": 1}, "b": {"y": 1}},), raises=ValueError,
             why="When no pair shares an item there is nothing to average: raise ValueError."),
    ]


def rubric_from_examples():
    return [
        Case("labels split cleanly by score",
             ([(0.2, False), (0.4, False), (0.6, True), (0.9, True)],), expect=0.6, tol=1e-9),
        Case("the order of the examples does not matter",
             ([(0.9, True), (0.2, False), (0.6, True), (0.4, False)],), expect=0.6, tol=1e-9,
             why="Sort or scan all scores; do not assume the examples arrive sorted."),
        Case("a score equal to the threshold passes",
             ([(0.5, True), (0.4, False)],), expect=0.5, tol=1e-9,
             why="The rule is score >= t: with t = 0.5 the example scored 0.5 passes, as labelled."),
        Case("one mislabelled example does not move the threshold",
             ([(0.1, False), (0.3, True), (0.4, False), (0.5, False), (0.7, True), (0.8, True)],),
             expect=0.7, tol=1e-9,
             why="t = 0.7 matches 5 of 6 labels; t = 0.3 matches only 4. Count matches for every candidate."),
        Case("a tie between thresholds goes to the lowest",
             ([(0.2, False), (0.4, True), (0.6, False), (0.8, True)],), expect=0.4, tol=1e-9,
             why="t = 0.4 and t = 0.8 both match 3 of 4 labels: return the lower, more lenient one."),
        Case("repeated scores with different labels",
             ([(0.5, True), (0.5, False), (0.5, True), (0.2, False)],), expect=0.5, tol=1e-9,
             why="Examples can share a score; t = 0.5 matches 3 of 4, every other candidate fewer."),
        Case("every example passes", ([(0.3, True), (0.7, True), (0.5, True)],), expect=0.3, tol=1e-9,
             why="The lowest score passes everything; lower thresholds are not candidates."),
        Case("every example fails", ([(0.3, False), (0.7, False)],), expect=math.inf, tol=1e-9,
             why="Only 'nothing passes' (math.inf) matches every label: include it as a candidate."),
        Case("a tie among integer scores goes to the lowest, in any order",
             ([(8, True), (5, False), (1, True)],), expect=1, tol=1e-9,
             why="t = 1 and t = 8 both match 2 of 3 labels: return the lower one. Scan the candidates in "
                 "ascending order (sorted, not a set's or the input's order) and keep the first best."),
        Case("a single example that fails", ([(0.5, False)],), expect=math.inf, tol=1e-9,
             why="The only threshold that matches the label is math.inf, which matches 1 example: start the "
                 "running best below 0 so that any candidate can become the best."),
        Case("integer scores work too", ([(1, False), (2, False), (3, True), (4, True), (5, True)],),
             expect=3, tol=1e-9),
        Case("no examples", ([],), raises=ValueError,
             why="With no examples there is no threshold to derive: raise ValueError."),
    ]
