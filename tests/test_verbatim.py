"""The course says everything in its own words: nothing repeats the report verbatim."""

import subprocess
import sys

import pytest

from .conftest import ROOT

CHECKER = ROOT.parent / "shared" / "tools" / "verbatim_check.py"


@pytest.mark.skipif(not CHECKER.exists(), reason="shared/tools is not beside this checkout")
def test_no_passage_repeats_the_report():
    out = subprocess.run([sys.executable, str(CHECKER)], cwd=ROOT, capture_output=True, text=True)
    assert out.stdout == "", out.stdout
    assert out.returncode == 0
