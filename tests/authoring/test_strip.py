"""Exercises are generated from solutions: regions become stubs, and broken markers are errors."""

import pytest

from llmcourse.authoring.strip import MarkerError, strip, without_notice

SOLUTION = '''# %%
def f(x):
    """Doc."""
    # BEGIN SOLUTION
    y = x * 2
    return y
    # END SOLUTION


threshold = 0.25  # SOLUTION

# %%
check(f)
# BEGIN SOLUTION NOTE
# Reading the result: doubling is the answer.
# END SOLUTION NOTE
'''


def test_regions_become_an_indented_stub_and_inline_values_an_ellipsis():
    out = strip(SOLUTION, "demo.py")
    assert "x * 2" not in out and "0.25" not in out and "Reading" not in out and "NOTE" not in out
    assert out.rstrip().endswith("check(f)")
    assert "    # TODO: your code here\n    raise NotImplementedError\n" in out
    assert "threshold = ...  # TODO: your value" in out
    assert out.startswith("# Generated from solutions/demo.py")
    compile(without_notice(out), "demo", "exec")


@pytest.mark.parametrize("text,problem", [
    ("# BEGIN SOLUTION\nx = 1\n", "never closed"),
    ("x = 1\n# END SOLUTION\n", "without a BEGIN"),
    ("# BEGIN SOLUTION\n# BEGIN SOLUTION\n# END SOLUTION\n", "inside the region"),
    ("# BEGIN SOLUTION NOTE\n# words\n", "NOTE is never closed"),
    ("# END SOLUTION NOTE\n", "without a BEGIN SOLUTION NOTE"),
    ("# BEGIN SOLUTION NOTE\n# BEGIN SOLUTION\n# END SOLUTION NOTE\n", "inside the note"),
    ("    # BEGIN SOLUTION\n    # BEGIN SOLUTION NOTE\n", "NOTE inside the region"),
])
def test_unpaired_markers_name_the_line(text, problem):
    with pytest.raises(MarkerError, match=problem):
        strip(text, "bad.py")


def test_the_notice_goes_after_a_jupytext_header():
    text = "# ---\n# jupyter:\n#   kernelspec: {}\n# ---\n\n# %%\nx = 1\n"
    out = strip(text, "h.py")
    assert out.startswith("# ---\n") and "# ---\n\n# Generated from solutions/h.py" in out
