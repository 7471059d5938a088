"""Grader for capstone_retrieval: the eval-set checker, mean recall@k over a set, and the retriever choice."""

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
_MESSAGE_ONLY = "changes only the error message, and the grader checks the exception's type, not its text"
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "validate_eval_set": {
        "constant: 0 <= min_unanswerable <= 1 -> 0 <= min_unanswerable <= 2":
            "a minimum above 1 is rejected anyway by the share check, since no share exceeds 1",
        "constant: ' '.join -> ' X'.join":
            "folded questions are lower-cased, so an upper-case separator still keeps distinct word lists distinct",
        "parameter ignored: {min_unanswerable} -> {0.25}": _MESSAGE_ONLY,
        "builtin swapped: sorted(missing) -> list(missing)": _MESSAGE_ONLY,
        "parameter ignored: {min_unanswerable:.0%} -> {0.25:.0%}": _MESSAGE_ONLY,
    },
    "choose_retriever": {
        "branch dropped: if not candidates: -> pass":
            "max() of an empty sequence raises ValueError too, which is what the case asks for",
    },
}

PASSAGES = {"a#one", "a#two", "b#one", "b#two"}


def _row(qid, question, relevant, **extra):
    return {"id": qid, "question": question, "answerable": bool(relevant), "relevant": list(relevant), **extra}


def _good():
    return [_row("q1", "What is RRF?", ["a#one"]),
            _row("q2", "How long should a chunk be?", ["a#two", "b#one"]),
            _row("q3", "What is a good bread recipe?", []),
            _row("q4", "Why keep BM25 as a baseline?", ["a#one", "b#one"])]


def _without(key, position=3):
    rows = _good()
    del rows[position][key]
    return rows


def _with(position, **changes):
    rows = _good()
    rows[position] = {**rows[position], **changes}
    return rows


GOOD_SUMMARY = {"questions": 4, "answerable": 3, "unanswerable": 1, "unanswerable_share": 0.25, "passages": 3}


def validate_eval_set():
    more_unanswerable = _good() + [_row("q5", "Which GPU should I buy?", [])]
    all_answerable = [_row("q1", "What is RRF?", ["a#one"]), _row("q2", "Why BM25?", ["a#one", "a#two"])]
    return [
        Case("a well-formed set, one question in four unanswerable", (_good(), PASSAGES), expect=GOOD_SUMMARY,
             tol=1e-9, why="Four rows, three answerable; the share 0.25 equals the default minimum, which is "
                           "allowed. a#one and b#one are labelled twice but are three distinct passages in all."),
        Case("counts with two unanswerable questions", (more_unanswerable, PASSAGES),
             expect={"questions": 5, "answerable": 3, "unanswerable": 2, "unanswerable_share": 0.4,
                     "passages": 3}, tol=1e-9,
             why="Count each kind from the rows themselves, and divide the unanswerable count by all rows."),
        Case("extra keys are allowed", ([{**r, "note": "x"} for r in _good()], PASSAGES), expect=GOOD_SUMMARY,
             tol=1e-9, why="Only the four keys are required; a row may carry more (a note, a source)."),
        Case("min_unanswerable is the caller's", (all_answerable, PASSAGES), kwargs={"min_unanswerable": 0.0},
             expect={"questions": 2, "answerable": 2, "unanswerable": 0, "unanswerable_share": 0.0,
                     "passages": 2}, tol=1e-9,
             why="With min_unanswerable=0 a set without unanswerable questions is acceptable: use the argument."),
        Case("too few unanswerable questions", (_good(), PASSAGES), kwargs={"min_unanswerable": 0.3},
             raises=ValueError,
             why="One unanswerable question in four is 25%, below the 30% asked for: raise ValueError."),
        Case("no unanswerable question at the default minimum", (all_answerable, PASSAGES), raises=ValueError,
             why="A set without unanswerable questions cannot show whether the product abstains: the default "
                 "minimum share is 0.25."),
        Case("an empty set", ([], PASSAGES), raises=ValueError,
             why="An empty eval set measures nothing: raise ValueError rather than divide by zero."),
        Case("min_unanswerable above 1", (_good(), PASSAGES), kwargs={"min_unanswerable": 1.5}, raises=ValueError,
             why="A share lies in [0, 1]; reject a minimum outside it."),
        Case("a minimum of 1 accepts a set of unanswerable questions only",
             ([_row("q1", "Best bread?", []), _row("q2", "Which GPU to buy?", [])], PASSAGES),
             kwargs={"min_unanswerable": 1.0},
             expect={"questions": 2, "answerable": 0, "unanswerable": 2, "unanswerable_share": 1.0, "passages": 0},
             tol=1e-9, why="1 is a valid minimum (the interval [0, 1] includes it), and a share of 1.0 meets it."),
        Case("min_unanswerable below 0", (_good(), PASSAGES), kwargs={"min_unanswerable": -0.1}, raises=ValueError,
             why="A share lies in [0, 1]; reject a minimum outside it, even one every set would meet."),
        Case("a row without relevant", (_without("relevant"), PASSAGES), raises=ValueError,
             why="Check the four keys first and raise ValueError naming the row; a KeyError does not tell the "
                 "person fixing the file what is wrong."),
        Case("a row without answerable", (_without("answerable"), PASSAGES), raises=ValueError,
             why="Every row needs `answerable`: raise ValueError naming the row, not KeyError."),
        Case("a row without question", (_without("question", 1), PASSAGES), raises=ValueError,
             why="Every row needs `question`: raise ValueError naming the row, not KeyError."),
        Case("a row without id", (_without("id", 2), PASSAGES), raises=ValueError,
             why="Every row needs `id`: raise ValueError naming the row by its position."),
        Case("a label that names no passage", (_with(3, relevant=["a#one", "c#gone"]), PASSAGES),
             raises=ValueError,
             why="c#gone is not in passage_ids (a heading renamed, a typo): a label pointing nowhere silently "
                 "lowers every recall. Raise ValueError naming the row."),
        Case("answerable with nothing labelled", (_with(1, relevant=[]), PASSAGES), raises=ValueError,
             why="q2 says it is answerable but lists no relevant passage, so its recall is undefined."),
        Case("unanswerable with a label", (_with(2, relevant=["b#two"]), PASSAGES), raises=ValueError,
             why="q3 says the course does not answer it, yet labels a passage that does: one of the two is "
                 "wrong. Raise ValueError."),
        Case("two rows with the same id", (_with(3, id="q1"), PASSAGES), raises=ValueError,
             why="Ids key the rankings and the reports: two rows called q1 would overwrite each other."),
        Case("the same question in other case and spacing", (_with(3, question="  what is  RRF?"), PASSAGES),
             raises=ValueError,
             why="Fold before comparing: lower-case, strip the ends and collapse runs of whitespace. "
                 "'  what is  RRF?' is q1 again, and a duplicate counts twice in every average."),
        Case("the same question with a tab inside", (_with(3, question="What is\tRRF?"), PASSAGES),
             raises=ValueError, why="A tab is whitespace too: collapse every run of whitespace to one space."),
        Case("a different question stays different", (_with(3, question="What is RRF"), PASSAGES),
             expect=GOOD_SUMMARY, tol=1e-9,
             why="Only case and whitespace are folded: without its question mark this is a different string, "
                 "and the set is valid."),
    ]


def _rows():
    return [_row("q1", "first", ["a", "b"]), _row("q2", "second", ["c"]), _row("q3", "third", [])]


RANKED = {"q1": ["a", "x", "b"], "q2": ["y", "c"], "q3": ["a"]}


def recall_at_k():
    return [
        Case("k = 2 over two answerable questions", (RANKED, _rows(), 2), expect=0.75, tol=1e-9,
             why="q1 finds a of {a, b} in its top 2 (0.5), q2 finds c (1.0): the mean is 0.75."),
        Case("only the first k count", (RANKED, _rows(), 1), expect=0.25, tol=1e-9,
             why="At k = 1, q1 finds a (0.5) and q2 finds nothing (y is first): mean 0.25. Slice each ranking "
                 "to k before comparing."),
        Case("unanswerable questions are left out of the mean", (RANKED, _rows(), 3), expect=1.0, tol=1e-9,
             why="Both answerable questions find all their passages by k = 3. q3 has nothing to find: "
                 "counting it as 0 would give 0.67, as 1 would hide misses."),
        Case("k beyond the end of a ranking", (RANKED, _rows(), 50), expect=1.0, tol=1e-9,
             why="A ranking shorter than k is fine: positions past its end hold nothing."),
        Case("a question with no ranking retrieved nothing", ({"q1": ["a", "x", "b"]}, _rows(), 3), expect=0.5,
             tol=1e-9, why="q2 has no entry, so it found none of its passages: recall 0, and the mean is 0.5."),
        Case("rankings for other ids are ignored", ({**RANKED, "zz": ["q"], "q9": []}, _rows(), 2), expect=0.75,
             tol=1e-9, why="Average over the answerable rows of eval_rows, not over the keys of the rankings."),
        Case("a passage listed twice is one passage", ({"q1": ["a", "a", "a"], "q2": ["c"]}, _rows(), 3),
             expect=0.75, tol=1e-9,
             why="q1 found a three times but b never: its recall is 1/2, not 3/2. Count distinct ids."),
        Case("a relevant id labelled twice is one passage",
             ({"q1": ["b"]}, [_row("q1", "first", ["a", "b", "a"])], 1), expect=0.5, tol=1e-9,
             why="The relevant passages are {a, b}: finding b is one of two, so divide by distinct ids."),
        Case("divide by the relevant passages, not by k", ({"q1": ["a", "x", "y", "z"]}, [_row("q1", "f", ["a"])], 4),
             expect=1.0, tol=1e-9, why="The only relevant passage was found: recall 1.0 (1/4 would be precision)."),
        Case("a mean of questions, not a pooled count",
             ({"q1": ["a", "x"], "q2": ["e"]}, [_row("q1", "f", ["a", "b", "c", "d"]), _row("q2", "g", ["e"])], 2),
             expect=0.625, tol=1e-9,
             why="q1 recalls 1/4 and q2 1/1: the mean is 0.625. Pooling the counts (2 of 5 = 0.4) lets the "
                 "questions with many labels dominate."),
        Case("k = 0", (RANKED, _rows(), 0), raises=ValueError, why="recall@0 measures nothing: raise ValueError."),
        Case("a negative k", (RANKED, _rows(), -1), raises=ValueError,
             why="A negative k would slice from the end of each ranking in Python: raise ValueError."),
        Case("only unanswerable questions", ({"q3": ["a"]}, [_row("q3", "third", [])], 3), raises=ValueError,
             why="With no answerable question there is no recall to average: raise ValueError."),
        Case("no rows at all", (RANKED, [], 3), raises=ValueError,
             why="With no answerable question there is no recall to average: raise ValueError."),
    ]


def choose_retriever():
    lesson = [("BM25", 0.909), ("LSA", 0.939), ("hybrid", 0.909)]
    return [
        Case("the lesson's numbers with a margin of 0.05", (lesson, 0.05), expect="BM25",
             why="The best is 0.939; BM25's 0.909 is within 0.05 of it, and BM25 comes first (simplest)."),
        Case("no margin picks the best", (lesson, 0.0), expect="LSA",
             why="With min_gain = 0 only the best recall qualifies."),
        Case("a recall exactly at the margin counts", ([("BM25", 0.5), ("hybrid", 0.75)], 0.25), expect="BM25",
             why="0.75 - 0.25 = 0.5 exactly, and 'at least best - min_gain' includes it."),
        Case("a gain larger than the margin wins", ([("BM25", 0.5), ("hybrid", 0.75)], 0.125), expect="hybrid",
             why="BM25 is 0.25 behind, more than the 0.125 margin: the hybrid has earned its place."),
        Case("the first of two equal best", ([("simple", 0.5), ("mid", 0.75), ("complex", 0.75)], 0.0),
             expect="mid", why="mid and complex tie for best: take the first in the list, the simpler one."),
        Case("list order, not names, decides", ([("zeta", 0.7), ("alpha", 0.7)], 0.0), expect="zeta",
             why="The list is ordered simplest first; do not sort the names."),
        Case("the margin is measured from the best, not from the first",
             ([("a", 0.5), ("b", 0.6), ("c", 0.7)], 0.15), expect="b",
             why="The best is 0.7, so anything from 0.55 up qualifies: b (0.6) is the simplest such. Comparing "
                 "each candidate with the simplest one would pick c."),
        Case("the best need not be last", ([("x", 0.25), ("y", 1.0), ("z", 0.5)], 0.5), expect="y",
             why="Within 0.5 of 1.0 are y and z; y comes first."),
        Case("one candidate", ([("BM25", 0.4)], 0.1), expect="BM25"),
        Case("a recall of 0 is a valid recall", ([("BM25", 0.0), ("hybrid", 0.0)], 0.0), expect="BM25",
             why="0 lies in [0, 1]: two retrievers that found nothing are valid input, and the simpler one wins."),
        Case("no candidates", ([], 0.05), raises=ValueError, why="Nothing to choose from: raise ValueError."),
        Case("a negative margin", (lesson, -0.01), raises=ValueError,
             why="A negative min_gain would demand more than the best: raise ValueError."),
        Case("a recall above 1", ([("BM25", 0.9), ("hybrid", 1.2)], 0.05), raises=ValueError,
             why="Recall is a share in [0, 1]; 1.2 means a bug upstream."),
        Case("a recall below 0", ([("BM25", -0.1), ("hybrid", 0.5)], 0.05), raises=ValueError,
             why="Recall is a share in [0, 1]; -0.1 means a bug upstream."),
        Case("two candidates with one name", ([("BM25", 0.9), ("BM25", 0.8)], 0.05), raises=ValueError,
             why="Two rows called BM25 cannot both be the answer: raise ValueError."),
    ]
