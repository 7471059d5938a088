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
    mkdocs = [sys.executable, "-m", "mkdocs"]
    config = ["-f", str(root / "mkdocs.yml")]
    if verb == "serve" and not net.port_free(port):
        raise CourseError(f"port {port} is already in use on 127.0.0.1.", f"llmcourse serve --port {port + 1}")
    # a strict build first, so a broken lesson stops here with its error instead of inside the server
    code = subprocess.call([*mkdocs, "build", "--strict", *config], cwd=root, env=env)
    if verb == "build" or code:
        return code
    print(f"serving the course at http://127.0.0.1:{port}/  (Ctrl-C stops it)", flush=True)
    try:
        # serve builds once more on start, in seconds: every executed lesson comes from the cache
        return subprocess.call([*mkdocs, "serve", "--no-livereload", "-a", f"127.0.0.1:{port}", *config],
                               cwd=root, env=env)
    except KeyboardInterrupt:
        return 0
