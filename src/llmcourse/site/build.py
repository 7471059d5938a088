"""`llmcourse build` and `llmcourse serve`: run mkdocs on the course's mkdocs.yml."""

from __future__ import annotations

import os
import subprocess
import sys

from .. import net, paths
from ..errors import CourseError


def run(verb: str, port: int = 8000) -> int:
    root = paths.root()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    base = [sys.executable, "-m", "mkdocs"]
    if verb == "build":
        return subprocess.call([*base, "build", "--strict", "-f", str(root / "mkdocs.yml")], cwd=root, env=env)
    if not net.port_free(port):
        raise CourseError(f"port {port} is already in use on 127.0.0.1.",
                          f"llmcourse serve --port {port + 1}")
    code = subprocess.call([*base, "build", "--strict", "-f", str(root / "mkdocs.yml")], cwd=root, env=env)
    if code:
        return code
    print(f"serving the course at http://127.0.0.1:{port}/  (Ctrl-C stops it)", flush=True)
    try:
        # the site is built already; serve watches for edits and rebuilds only what changed
        return subprocess.call([*base, "serve", "--no-livereload", "-a", f"127.0.0.1:{port}",
                                "-f", str(root / "mkdocs.yml")], cwd=root, env=env)
    except KeyboardInterrupt:
        return 0
