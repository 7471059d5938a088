"""Grader for workflows_when_to_finetune: a table-tested choice between prompt, RAG and finetune, with reasons."""

from llmcourse.cases import Case


def _e(accuracy, cost):
    return {"accuracy": accuracy, "cost_per_1000": cost}


ALL = {"prompt": _e(0.70, 0.40), "rag": _e(0.86, 1.20), "finetune": _e(0.95, 0.30)}


def recommend():
    return [
        Case("the prompt is good enough", ({"prompt": _e(0.92, 0.4), "rag": _e(0.95, 1.0)}, 0.9, 1.0, 0),
             expect=("prompt", [("prompt", "ok")]),
             why="Stop at the first option that meets the target within budget: a better RAG does not matter "
                 "when the cheaper prompt is already enough."),
        Case("the prompt falls short, RAG is enough", (ALL, 0.85, 2.0, 1000),
             expect=("rag", [("prompt", "below target"), ("rag", "ok")]),
             why="Record why each earlier option was rejected, then stop at the first 'ok'."),
        Case("RAG is over budget, finetune is enough", (ALL, 0.85, 1.0, 1000),
             expect=("finetune", [("prompt", "below target"), ("rag", "over budget"), ("finetune", "ok")]),
             why="An option that meets the target but costs more than the budget is 'over budget'."),
        Case("too few examples to finetune", (ALL, 0.9, 2.0, 400),
             expect=("none", [("prompt", "below target"), ("rag", "below target"), ("finetune", "too few examples")]),
             why="Finetuning needs at least min_finetune_examples labelled examples; with 400 of 500 it is "
                 "'too few examples' even though its measured accuracy would pass."),
        Case("exactly the minimum number of examples is enough", (ALL, 0.9, 2.0, 500),
             expect=("finetune", [("prompt", "below target"), ("rag", "below target"), ("finetune", "ok")]),
             why="labelled_examples < min_finetune_examples rejects; 500 of 500 is enough."),
        Case("the minimum is an argument", (ALL, 0.9, 2.0, 400), kwargs={"min_finetune_examples": 300},
             expect=("finetune", [("prompt", "below target"), ("rag", "below target"), ("finetune", "ok")]),
             why="Use min_finetune_examples, not a fixed 500."),
        Case("no finetune without a prompt baseline", ({"rag": _e(0.8, 0.5), "finetune": _e(0.97, 0.1)}, 0.9, 1.0, 5000),
             expect=("none", [("prompt", "not measured"), ("rag", "below target"), ("finetune", "prompt not measured")]),
             why="Finetuning is justified only by evidence that prompting falls short: without a measured "
                 "prompt, finetune's verdict is 'prompt not measured'."),
        Case("prompt not measured comes before too few examples",
             ({"finetune": _e(0.97, 0.1)}, 0.9, 1.0, 10),
             expect=("none", [("prompt", "not measured"), ("rag", "not measured"), ("finetune", "prompt not measured")]),
             why="Verdicts are checked in the table's order; the first that applies wins."),
        Case("too few examples comes before below target",
             ({"prompt": _e(0.5, 0.1), "finetune": _e(0.6, 0.1)}, 0.9, 1.0, 10),
             expect=("none", [("prompt", "below target"), ("rag", "not measured"), ("finetune", "too few examples")]),
             why="For finetune, check the number of examples before its accuracy."),
        Case("below target comes before over budget",
             ({"prompt": _e(0.5, 9.0)}, 0.9, 1.0, 0),
             expect=("none", [("prompt", "below target"), ("rag", "not measured"), ("finetune", "not measured")]),
             why="An option that misses the target is 'below target', whatever it costs."),
        Case("nothing measured", ({}, 0.9, 1.0, 0),
             expect=("none", [("prompt", "not measured"), ("rag", "not measured"), ("finetune", "not measured")]),
             why="With no evidence every option is 'not measured' and the choice is 'none'."),
        Case("accuracy equal to the target is enough", ({"prompt": _e(0.9, 0.5)}, 0.9, 1.0, 0),
             expect=("prompt", [("prompt", "ok")]), why="accuracy >= target passes; only accuracy < target fails."),
        Case("cost equal to the budget is fine", ({"prompt": _e(0.95, 1.0)}, 0.9, 1.0, 0),
             expect=("prompt", [("prompt", "ok")]), why="cost <= budget passes; only cost > budget fails."),
        Case("over budget, nothing else measured", ({"prompt": _e(0.95, 1.5)}, 0.9, 1.0, 0),
             expect=("none", [("prompt", "over budget"), ("rag", "not measured"), ("finetune", "not measured")])),
        Case("finetune over budget", ({"prompt": _e(0.5, 0.1), "finetune": _e(0.95, 3.0)}, 0.9, 1.0, 1000),
             expect=("none", [("prompt", "below target"), ("rag", "not measured"), ("finetune", "over budget")]),
             why="Finetune is held to the same budget as the others."),
        Case("a zero budget allows free options", ({"prompt": _e(0.5, 0.0), "rag": _e(0.9, 0.0)}, 0.9, 0.0, 0),
             expect=("rag", [("prompt", "below target"), ("rag", "ok")])),
        Case("a target of 0 accepts anything measured", ({"rag": _e(0.0, 0.5)}, 0.0, 1.0, 0),
             expect=("rag", [("prompt", "not measured"), ("rag", "ok")])),
        Case("a target of 1 needs perfect accuracy", ({"prompt": _e(0.99, 0.1), "rag": _e(1.0, 0.1)}, 1.0, 1.0, 0),
             expect=("rag", [("prompt", "below target"), ("rag", "ok")])),
        Case("the result is a tuple of a string and a list of tuples", ({"prompt": _e(0.95, 0.5)}, 0.9, 1.0, 0),
             check=lambda got: None if (isinstance(got, tuple) and len(got) == 2 and isinstance(got[1], list)
                                        and all(isinstance(r, tuple) for r in got[1]))
             else f"returned {got!r}: expected (choice, [(option, verdict), ...])"),
        Case("an unknown option raises ValueError", ({"prompt": _e(0.9, 0.1), "agents": _e(0.99, 0.1)}, 0.9, 1.0, 0),
             raises=ValueError, why="Only 'prompt', 'rag' and 'finetune' are options; a typo must not be ignored."),
        Case("missing accuracy raises ValueError", ({"prompt": {"cost_per_1000": 0.1}}, 0.9, 1.0, 0), raises=ValueError),
        Case("missing cost raises ValueError", ({"prompt": {"accuracy": 0.95}}, 0.9, 1.0, 0), raises=ValueError,
             why="Evidence without a cost cannot be checked against the budget."),
        Case("an accuracy above 1 raises ValueError", ({"prompt": _e(92, 0.1)}, 0.9, 1.0, 0), raises=ValueError,
             why="Accuracy is a share in [0, 1]: 92 is probably a percentage."),
        Case("a negative accuracy raises ValueError", ({"prompt": _e(-0.1, 0.1)}, 0.9, 1.0, 0), raises=ValueError),
        Case("a bad entry after the chosen option still raises", ({"prompt": _e(0.95, 0.1), "finetune": _e(1.5, 0.1)}, 0.9, 1.0, 0),
             raises=ValueError, why="Validate every entry of evidence, not only the ones the rule reaches."),
        Case("a negative cost raises ValueError", ({"prompt": _e(0.95, -0.1)}, 0.9, 1.0, 0), raises=ValueError),
        Case("a target above 1 raises ValueError", ({}, 90, 1.0, 0), raises=ValueError,
             why="target is a share in [0, 1]: 90 is probably a percentage."),
        Case("a target of 1.5 raises ValueError", ({}, 1.5, 1.0, 0), raises=ValueError,
             why="No accuracy can reach 1.5; the bound is 1, not something larger."),
        Case("a negative target raises ValueError", ({}, -0.5, 1.0, 0), raises=ValueError),
        Case("a negative budget raises ValueError", ({}, 0.9, -1.0, 0), raises=ValueError),
        Case("negative labelled examples raise ValueError", ({}, 0.9, 1.0, -1), raises=ValueError),
    ]
