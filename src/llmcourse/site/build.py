"""`llmcourse build` and `llmcourse serve`: run mkdocs on the course's mkdocs.yml."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

from .. import net, paths
from ..errors import CourseError


def _mkdocs(*args: str) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", *args, "-f", str(paths.root() / "mkdocs.yml")]
    # should this process die without a chance to clean up, the kernel stops mkdocs too
    return ["setpriv", "--pdeathsig", "TERM", *command] if shutil.which("setpriv") else command


def _stop_on_sigterm(_signum, _frame):
    raise KeyboardInterrupt


def _serve(port: int, env: dict) -> int:
    child = subprocess.Popen(_mkdocs("serve", "--no-livereload", "-a", f"127.0.0.1:{port}"), cwd=paths.root(), env=env)
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        return child.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
        _say_model_server_state()


def _say_model_server_state() -> None:
    from ..llm import server
    info = server.status()
    if info is not None:
        print(f"the site is stopped; the embedded model server (pid {info.pid}, port {info.port}) stays up for "
              "your notebooks. Stop it with: llmcourse model stop", flush=True)
    else:
        print("the site is stopped.", flush=True)


def run(verb: str, port: int = 8000) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if verb == "serve" and not net.port_free(port):
        raise CourseError(f"port {port} is already in use on 127.0.0.1.", f"llmcourse serve --port {port + 1}")
    # a strict build first, so a broken lesson stops here with its error instead of inside the server
    code = subprocess.call(_mkdocs("build", "--strict"), cwd=paths.root(), env=env)
    if verb == "build" or code:
        return code
    print(f"serving the course at http://127.0.0.1:{port}/  (Ctrl-C stops it)", flush=True)
    # serve builds once more on start, in seconds: every executed lesson comes from the cache
    return _serve(port, env)
