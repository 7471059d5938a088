"""Hidden cases for capstone_product: the final check of "Ask the course" on a second labelled question set.

`llmcourse grade SUBMISSIONS --out GRADES --hidden-tests instructors/hidden-tests` runs the learner's
`ask_course` on the 20 questions of capstone_questions.jsonl (next to this file) with the grader's scripted
stand-in model, and scores it as the public cases do: retrieval recall, citation validity, abstention
precision and recall, modelled latency and cost per question. A failure names the practice and its lesson,
never a question. This repository is public, so these questions are an example, not a secret: a cohort
should write its own set in the same format (see src/llmcourse/data/capstone_retrieval/README.md).
"""

import json
from pathlib import Path

from llmcourse.graders.capstone_product import corpus, product_cases

QUESTIONS = Path(__file__).with_name("capstone_questions.jsonl")


def ask_course():
    items = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return product_cases(items, corpus(), show_ids=False)
