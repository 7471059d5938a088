"""Hidden cases may pass the course's own objects (a scripted model, a grader's stand-in), never the hidden
file's own code: what they pass is sent into the learner's kernel, where the graders cannot be imported."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from llmcourse import cli, course, paths
from llmcourse.cohort import inputs, private_cases
from .conftest import earned
from .test_inputs import BLOCK_GRADERS
from llmcourse.errors import CourseError

ROOT = paths.root()
LESSON = "prompting_small_prompts"  # classify_topic(client, model, message) takes a model client

OBJECTS = """
from llmcourse.cases import Case, ScriptedLLM
from llmcourse.graders.prompting_small_prompts import MODEL, _Topic

PARCEL = "Where is my parcel? It was due on Monday."


def classify_topic():
    return [
        Case("a stand-in from the lesson's grader", lambda: (_Topic(PARCEL, "Delivery."), MODEL, PARCEL),
             expect="delivery", why="Send the prompt the exercise describes and read the label off the reply."),
        Case("the course's scripted model", (ScriptedLLM(["It is an account question"]), MODEL, PARCEL),
             expect="account", why="Return the label the reply names."),
        Case("passed by keyword", kwargs={"client": ScriptedLLM(["refund"]), "model": MODEL, "message": PARCEL},
             expect="refund", why="Keyword arguments travel too."),
    ]
"""

# a kernel without the graders, as in test_inputs: it unpickles the payload and drives every client it got
KERNEL = BLOCK_GRADERS + """
import json
PROMPT = ("Is this customer message about a refund, a delivery or an account? Reply with one word: "
          "refund, delivery or account.\\n\\nMessage: {message}")
replies = []
for exercise_id, name, cases in pickle.loads(base64.b64decode(sys.stdin.read())):
    for args, kwargs, timeout in cases:
        if name != "classify_topic":
            continue
        client, model, message = (*args, *kwargs.values())
        try:
            reply = client.chat.completions.create(model=model, temperature=0, max_tokens=8,
                                                   messages=[{"role": "user", "content": PROMPT.format(message=message)}])
            replies.append([type(client).__name__, reply.choices[0].message.content])
        except Exception as exc:  # some public stand-ins refuse to be called at all
            replies.append([type(client).__name__, type(exc).__name__])
print(json.dumps({"replies": replies,
                  "graders": [m for m in sys.modules if m.startswith("llmcourse.graders")]}))
"""


def hidden_folder(tmp_path: Path, source: str, lesson: str = LESSON) -> Path:
    folder = tmp_path / "hidden"
    folder.mkdir(exist_ok=True)
    (folder / f"{lesson}.py").write_text(textwrap.dedent(source))
    return folder


def test_the_courses_objects_in_hidden_cases_reach_a_kernel_that_cannot_import_the_graders(tmp_path):
    hidden = private_cases.load(hidden_folder(tmp_path, OBJECTS))
    cases = hidden[f"{LESSON}.classify_topic"]
    assert [c.name for c in cases] == ["hidden: a stand-in from the lesson's grader",
                                       "hidden: the course's scripted model", "hidden: passed by keyword"]
    payload = inputs.payload(course.load().lesson(LESSON), hidden)
    done = subprocess.run([sys.executable, "-c", KERNEL], input=payload, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    got = json.loads(done.stdout)
    assert got["graders"] == [], "the grader's stand-in travelled by value, not as an import"
    # the public cases' clients come first; the hidden ones are the last three, and they behave as built
    assert got["replies"][-3:] == [["_Topic", "Delivery."], ["ScriptedLLM", "It is an account question"],
                                   ["ScriptedLLM", "refund"]]


def test_objects_nested_in_plain_data_are_checked_all_the_way_down():
    from llmcourse.cases import ScriptedLLM
    assert private_cases._refusal({"clients": [ScriptedLLM(["a"]), (1, {"x"})]}, LESSON) is None
    hidden_file = {"__name__": "llmcourse_hidden_x"}  # how a hidden file's code looks: a module nobody imports
    exec("script = lambda messages: 'a'", hidden_file)
    assert private_cases._refusal({"clients": [ScriptedLLM(hidden_file["script"])]}, LESSON) == \
        "a ScriptedLLM holding a function '<lambda>' written in the hidden file"
    assert private_cases._refusal({"key": [object()]}, LESSON) == "a object"


HARDCODER = """

# %%
_honest = classify_topic


def classify_topic(client, model, message):
    if message.strip() and message not in ("Order BW-31852 is five days late.", "Lock my account now!"):
        return "refund"  # only the public grader's messages get a real answer
    return _honest(client, model, message)
"""


def test_a_submission_is_graded_on_hidden_cases_that_pass_objects_in_the_jailed_kernel(tmp_path):
    cohort = tmp_path / "c"
    solution = (ROOT / "solutions" / f"{LESSON}.py").read_text()
    for learner, source in {"right": solution, "hardcoder": solution + HARDCODER}.items():
        (cohort / learner).mkdir(parents=True)
        (cohort / learner / f"{LESSON}.py").write_text(source)
    out = tmp_path / "out"
    assert cli.main(["grade", str(cohort), "--out", str(out)]) == 0
    assert earned(out)[("hardcoder", "TOTAL")] == earned(out)[("right", "TOTAL")], "public cases pass"
    assert cli.main(["grade", str(cohort), "--out", str(out), "--hidden-tests",
                     str(hidden_folder(tmp_path, OBJECTS))]) == 0
    points = earned(out)
    lesson = course.load().lesson(LESSON)
    assert points[("right", "TOTAL")] == sum(e.points for e in lesson.exercises)
    assert points[("hardcoder", f"{LESSON}.classify_topic")] < points[("right", f"{LESSON}.classify_topic")]
    right = json.loads((out / "results" / "right" / f"{LESSON}.json").read_text())
    hidden = {c["name"]: c["passed"] for c in _cases(right) if c["name"].startswith("hidden: ")}
    assert hidden == {"hidden: a stand-in from the lesson's grader": True,
                      "hidden: the course's scripted model": True, "hidden: passed by keyword": True}
    feedback = (out / "feedback" / "hardcoder.md").read_text()
    assert "✘ hidden: a stand-in from the lesson's grader" in feedback
    assert "✘ hidden: the course's scripted model" in feedback
    assert "It is an account question" not in feedback and "Where is my parcel" not in feedback, \
        "a hidden case's inputs stay private"


def _cases(tree):
    """Every case result in a saved result file, wherever it sits."""
    if isinstance(tree, dict):
        if "passed" in tree and "name" in tree:
            yield tree
        for value in tree.values():
            yield from _cases(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from _cases(value)


REFUSED = {
    "a lambda written in the hidden file": ("""
        from llmcourse.cases import Case
        def classify_topic():
            return [Case("a bare lambda", (lambda messages: "refund", "m", "msg"), expect="refund")]
        """, "a function"),
    "the scripted model running the hidden file's code": ("""
        from llmcourse.cases import Case, ScriptedLLM
        SECRET = "refund"
        def classify_topic():
            return [Case("a scripted model", (ScriptedLLM(lambda messages: SECRET), "m", "msg"), expect=SECRET)]
        """, "a ScriptedLLM holding a function 'classify_topic.<locals>.<lambda>' written in the hidden file"),
    "a class defined in the hidden file": ("""
        from llmcourse.cases import Case
        class Model:
            pass
        def classify_topic():
            return [Case("a home-made model", (Model(), "m", "msg"), expect="refund")]
        """, "a Model"),
    "a subclass of a course class defined in the hidden file": ("""
        from llmcourse.cases import Case, ScriptedLLM
        class Mine(ScriptedLLM):
            pass
        def classify_topic():
            return [Case("a home-made model", ([Mine(["refund"])], "m", "msg"), expect="refund")]
        """, "a Mine"),
    "a stand-in from another lesson's grader": ("""
        from llmcourse.cases import Case
        from llmcourse.graders.workflows_multiturn_flows import _Model
        def classify_topic():
            return [Case("a borrowed stand-in", kwargs={"client": _Model.__new__(_Model)}, expect="refund")]
        """, "another lesson's grader"),
    "an object that is not data": ("""
        import datetime
        from llmcourse.cases import Case
        def classify_topic():
            return [Case("a date", (datetime.date(2024, 1, 1), "m", "msg"), expect="refund")]
        """, "a date"),
}


@pytest.mark.parametrize("what", list(REFUSED))
def test_hidden_cases_that_pass_code_of_their_own_are_refused_with_a_clear_error(tmp_path, what):
    source, named = REFUSED[what]
    with pytest.raises(CourseError) as error:
        private_cases.load(hidden_folder(tmp_path, source))
    message = str(error.value)
    assert named in message and "hidden cases may pass plain data" in message, message
    assert "never code written in the hidden file" in message
