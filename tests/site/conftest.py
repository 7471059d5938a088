"""One strict build of the site per test run, shared by the page tests and the browser test."""

import os
import subprocess
import sys

import pytest

from ..conftest import ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, executed_lessons):
    out = tmp_path_factory.mktemp("site")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                           "-d", str(out)], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out
