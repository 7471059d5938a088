"""Each case's inputs travel into the kernel by value, so the kernel never needs the graders."""

import subprocess
import sys

from llmcourse import course
from llmcourse.cohort import inputs

# a kernel without the graders: any import of llmcourse.graders fails, then the payload is unpickled and used
BLOCK_GRADERS = """
import base64, pickle, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.startswith("llmcourse.graders"):
            raise ModuleNotFoundError(name)
sys.meta_path.insert(0, Block())
"""
KERNEL = BLOCK_GRADERS + """
exercises = pickle.loads(base64.b64decode(sys.stdin.read()))
for exercise_id, name, cases in exercises:
    for args, kwargs, timeout in cases:
        for value in (*args, *kwargs.values()):
            if callable(value) and not isinstance(value, type):
                try:
                    value(*[None] * value.__code__.co_argcount) if hasattr(value, "__code__") else None
                except Exception:
                    pass  # called with nonsense: only that it runs here without the grader module matters
print(len(exercises), sum(len(c) for _, _, c in exercises), any(m.startswith("llmcourse.graders") for m in sys.modules))
"""


def test_every_lessons_inputs_unpickle_and_run_where_the_graders_cannot_be_imported():
    for lesson in course.load().lessons:
        payload = inputs.payload(lesson, {})
        done = subprocess.run([sys.executable, "-c", KERNEL], input=payload, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, (lesson.id, done.stderr[-2000:])
        exercises, cases, imported = done.stdout.split()
        assert int(exercises) == len(lesson.exercises) and int(cases) > 0 and imported == "False", lesson.id
