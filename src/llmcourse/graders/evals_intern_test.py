"""Grader for evals_intern_test: triage one logged answer, then turn a log into a ranked plan."""

from llmcourse.cases import Case

ACTIONS = {
    "missing context": "retrieve the missing facts",
    "task too hard or ambiguous": "decompose or clarify the task",
    "model mistake": "improve the prompt, examples or model",
}
RETRIEVE = ACTIONS["missing context"]
DECOMPOSE = ACTIONS["task too hard or ambiguous"]
IMPROVE = ACTIONS["model mistake"]


def _entry(correct=False, context=True, intern=True, minutes=1.0):
    return {"correct": correct, "context_has_answer": context, "intern_could_do_it": intern,
            "intern_minutes": minutes}


def _as(category):
    return (category, ACTIONS.get(category))


def _pair(expected):
    """Accept a tuple or a list of two items, compared item by item."""
    def judge(got):
        if isinstance(got, (tuple, list)) and tuple(got) == expected:
            return None
        return f"expected {expected!r}, got {got!r}"
    return judge


def _plan(expected):
    """Accept a list of (action, count) tuples or lists, in exactly the expected order."""
    def judge(got):
        try:
            rows = [tuple(row) for row in got]
        except TypeError:
            rows = None
        if isinstance(got, (list, tuple)) and rows == expected:
            return None
        return f"expected {expected!r}, got {got!r}"
    return judge


def triage():
    return [
        Case("an easy task the model got wrong is a model mistake", (_entry(),),
             check=_pair(_as("model mistake")),
             why="The facts were there and a student would answer in a minute: the model owns this one."),
        Case("facts absent from the input: missing context", (_entry(context=False),),
             check=_pair(_as("missing context")),
             why="When context_has_answer is False, the fix is retrieval."),
        Case("a student could not do it: too hard or ambiguous", (_entry(intern=False, minutes=0),),
             check=_pair(_as("task too hard or ambiguous")),
             why="The facts are there, but even a person could not answer without asking: rework the task."),
        Case("missing context wins over an ambiguous task", (_entry(context=False, intern=False, minutes=0),),
             check=_pair(_as("missing context")),
             why="Ask about the context first: if the facts are missing, that is the first thing to fix, "
                 "even when the task is also ambiguous."),
        Case("missing context wins over a slow task", (_entry(context=False, intern=True, minutes=30),),
             check=_pair(_as("missing context")),
             why="Check context_has_answer before intern_could_do_it and intern_minutes."),
        Case("a task a student could do only slowly is too hard", (_entry(minutes=12),),
             check=_pair(_as("task too hard or ambiguous")),
             why="More than max_minutes (default 5) for a student means: split or simplify the task."),
        Case("a little over the default limit is slow", (_entry(minutes=5.5),),
             check=_pair(_as("task too hard or ambiguous")),
             why="The default max_minutes is 5: five and a half minutes is more than that."),
        Case("exactly max_minutes still counts as quick", (_entry(minutes=5),),
             check=_pair(_as("model mistake")),
             why="Only more than max_minutes is slow; 5 minutes with the default of 5 is quick."),
        Case("max_minutes is used, not a fixed number", (_entry(minutes=12),), kwargs={"max_minutes": 15},
             check=_pair(_as("model mistake")),
             why="With max_minutes=15, a 12-minute task is quick: use the argument."),
        Case("a right answer is not a failure", (_entry(correct=True),),
             check=_pair(("not a failure", None)),
             why="Triage only failures: a correct answer gives ('not a failure', None)."),
        Case("a right answer is not a failure even without the facts",
             (_entry(correct=True, context=False, intern=False, minutes=0),),
             check=_pair(("not a failure", None)),
             why="Ask whether the answer was wrong before anything else: a lucky guess needs no fix."),
        Case("the minutes do not matter when a student could not do it", (_entry(intern=False, minutes=0.5),),
             check=_pair(_as("task too hard or ambiguous")),
             why="intern_could_do_it=False is enough, whatever intern_minutes says."),
    ]


def action_plan():
    easy, missing, vague = _entry(), _entry(context=False, intern=False, minutes=0), _entry(intern=False, minutes=0)
    right = _entry(correct=True)
    return [
        Case("counts per action, most first", ([missing, easy, missing, vague, missing, easy],),
             check=_plan([(RETRIEVE, 3), (IMPROVE, 2), (DECOMPOSE, 1)])),
        Case("most failures first, not fewest", ([missing, easy, easy, easy],),
             check=_plan([(IMPROVE, 3), (RETRIEVE, 1)]),
             why="Sort by count from largest to smallest."),
        Case("ties are broken by action name", ([missing, easy, vague],),
             check=_plan([(DECOMPOSE, 1), (IMPROVE, 1), (RETRIEVE, 1)]),
             why="Equal counts: sort by the action's name, alphabetically, not by the order of the log "
                 "or by category name."),
        Case("right answers add to no action", ([right, easy, right, right],),
             check=_plan([(IMPROVE, 1)]),
             why="Entries with correct=True are not failures: leave them out of the counts."),
        Case("actions with no failures are left out", ([vague, vague],),
             check=_plan([(DECOMPOSE, 2)]),
             why="Do not list actions with a count of 0."),
        Case("missing and ambiguous at once counts as missing context",
             ([_entry(context=False, intern=False), vague],),
             check=_plan([(DECOMPOSE, 1), (RETRIEVE, 1)]),
             why="Triage each entry in the intern test's order: missing context comes first."),
        Case("a slow task counts as too hard", ([_entry(minutes=30), easy, _entry(minutes=20)],),
             check=_plan([(DECOMPOSE, 2), (IMPROVE, 1)]),
             why="A task a student needs more than 5 minutes for calls for decomposing it."),
        Case("an empty log gives an empty plan", ([],), check=_plan([])),
        Case("a log without failures gives an empty plan", ([right, right],), check=_plan([]),
             why="No failures, nothing to do: return []."),
    ]
