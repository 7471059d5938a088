"""The jail that runs model-written code for workflows_multiturn_flows (llmcourse.helpers.codejail):
generated code runs in another process, cannot write outside its own folder, cannot reach the network,
and cannot outlive its time limit, with namespaces and in the weaker fallback alike."""

from __future__ import annotations

import os

import pytest

from llmcourse import paths
from llmcourse.helpers.codejail import namespaces_available, run_jailed

MODES = [pytest.param(False, id="namespaces" if namespaces_available() else "fallback-only"),
         pytest.param(True, id="fallback")]


@pytest.mark.parametrize("fallback", MODES)
def test_a_generated_snippet_that_writes_outside_its_folder_fails_and_leaves_nothing(fallback, tmp_path):
    targets = [tmp_path / "escaped.txt", paths.root() / "escaped-from-jail.txt"]
    for target in targets:
        snippet = f"open({str(target)!r}, 'w').write('escaped')\nprint('wrote it')"
        result = run_jailed(snippet, timeout_s=20, force_fallback=fallback)
        assert not target.exists(), f"the jailed snippet wrote {target}"
        assert "wrote it" not in result.stdout
        # in the jail /tmp is the snippet's own scratch space: a write there may succeed, but lands inside it
        if not (not fallback and namespaces_available() and str(target).startswith("/tmp/")):
            assert not result.passed and result.reason(), result


@pytest.mark.parametrize("fallback", MODES)
def test_the_snippet_may_write_in_its_own_folder_and_the_folder_goes_away(fallback):
    result = run_jailed("import os\nopen('note.txt', 'w').write('ok')\nprint(open('note.txt').read(), os.getcwd())",
                        timeout_s=20, force_fallback=fallback)
    assert result.passed, result
    text, folder = result.stdout.split()
    assert text == "ok"
    assert not os.path.exists(folder), "the run's folder should be removed once it ends"


@pytest.mark.parametrize("fallback", MODES)
def test_no_network_and_no_runaway_loops(fallback):
    dial = run_jailed("import socket\nsocket.create_connection(('127.0.0.1', 9), timeout=2)", timeout_s=20,
                      force_fallback=fallback)
    assert not dial.passed and not dial.timed_out
    loop = run_jailed("while True:\n    pass", timeout_s=1, force_fallback=fallback)
    assert loop.timed_out and not loop.passed and loop.reason() == "timed out"


@pytest.mark.parametrize("fallback", MODES)
def test_a_failing_assertion_is_reported_with_its_message(fallback):
    result = run_jailed("assert 1 + 1 == 3, 'add(1, 1) returned 2, expected 3'", timeout_s=20, force_fallback=fallback)
    assert not result.passed and result.returncode == 1
    assert result.reason() == "AssertionError: add(1, 1) returned 2, expected 3"
    assert result.sandbox == ("subprocess" if fallback or not namespaces_available() else "namespaces")


def test_the_jail_hides_the_course_and_home_when_namespaces_work():
    if not namespaces_available():
        pytest.skip("this machine forbids namespaces; the fallback does not hide files from reading")
    probe = f"import os\nprint(os.listdir({str(paths.root())!r}))"
    result = run_jailed(probe, timeout_s=20)
    assert result.passed, result
    assert "solutions" not in result.stdout and "course.toml" not in result.stdout


def test_only_source_text_is_run():
    with pytest.raises(TypeError):
        run_jailed(b"print(1)")  # type: ignore[arg-type]
