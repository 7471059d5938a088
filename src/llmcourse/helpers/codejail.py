"""Run model-written Python outside the notebook's process, in a jail. Defined for the lesson
`workflows_multiturn_flows`.

Code a model wrote is untrusted: it may delete files, read secrets or open connections, by accident
as easily as by design. So the lesson never runs it in its own kernel. `run_jailed` starts a fresh
interpreter the way cohort grading starts a learner's kernel (`llmcourse.cohort.sandbox` and `jail`):
new network, mount, PID and IPC namespaces (no network at all, not even loopback), the course folder,
the home folder and the course's state hidden under empty read-only folders, a small tmpfs of its own
as its working folder and as /tmp, caps on memory, processes and file size, and, when run as root, an
unprivileged user of its own (run as anyone else, it is you inside the jail, so the audit hook below is
added too). Whatever it writes in its scratch space vanishes with it.

Where the machine forbids namespaces, `run_jailed` falls back to a weaker sandbox and says so in
`RunResult.sandbox`: a plain subprocess with the same resource caps, an empty environment, its own
temporary folder, and an audit hook that refuses writes outside that folder, network connections and
new processes. An audit hook is not a security boundary (native code can step around it); it keeps
honest-but-wrong generated code from doing harm, which is what a lesson needs.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

_runs = itertools.count()

# Prepended to the program in the fallback sandbox: refuse writes outside the working folder, sockets
# and new processes. Installed before any generated line runs; audit hooks cannot be removed.
_GUARD = r'''
import os as _os, sys as _sys
def _guard(event, args, _here=_os.path.realpath(_os.getcwd()) + _os.sep, _os=_os):
    def outside(path):
        if isinstance(path, int):
            return False
        full = _os.path.realpath(_os.fsdecode(path))
        return not (full + _os.sep).startswith(_here)
    if event == "open" and args[0] is not None:
        mode, flags = args[1] or "r", args[2] or 0
        if (any(c in str(mode) for c in "wax+") or flags & (_os.O_WRONLY | _os.O_RDWR | _os.O_CREAT)) and outside(args[0]):
            raise PermissionError(f"sandbox: writing outside the working folder is not allowed: {args[0]!r}")
    elif event in ("os.remove", "os.rename", "os.mkdir", "os.rmdir", "os.chmod", "os.chown", "os.symlink",
                   "os.link", "os.truncate", "os.utime", "shutil.rmtree") and args and outside(args[0]):
        raise PermissionError(f"sandbox: {event} outside the working folder is not allowed")
    elif event.startswith(("socket.connect", "socket.bind", "socket.sendto", "socket.getaddrinfo")):
        raise PermissionError("sandbox: no network")
    elif event in ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
                   "os.forkpty", "ctypes.dlopen"):
        raise PermissionError(f"sandbox: {event} is not allowed")
_sys.addaudithook(_guard)
del _guard
'''


@dataclass
class RunResult:
    """What one jailed run did. `passed` is a clean exit (status 0) within the time limit."""

    passed: bool
    returncode: int | None
    stdout: str
    stderr: str
    timed_out: bool
    sandbox: str  # "namespaces" or "subprocess" (the weaker fallback)

    def reason(self) -> str:
        """One line saying why the run failed ('' when it passed): the last line of its error output."""
        if self.passed:
            return ""
        if self.timed_out:
            return "timed out"
        lines = [line.strip() for line in self.stderr.strip().splitlines() if line.strip()]
        return lines[-1] if lines else f"exited with status {self.returncode}"


def namespaces_available() -> bool:
    """Whether this machine lets us make the namespaces the jail needs (the cohort grader's own test)."""
    from llmcourse.cohort import sandbox
    return sandbox.namespaces_work()


def _limits(memory_mb: int, file_mb: int, processes: int):
    from llmcourse.cohort import jail  # the same caps the jail sets, for the fallback without namespaces

    def apply():
        os.setsid()
        jail.limit(memory_mb, processes, file_mb)
    return apply


def _jail_command(own: Path, memory_mb: int, file_mb: int, scratch_mb: int) -> tuple[list[str], int]:
    """The command line of a jailed interpreter reading its program on stdin, and the user it runs as."""
    from llmcourse import paths
    from llmcourse.cohort import sandbox

    uid = sandbox.uid_for(next(_runs)) if os.geteuid() == 0 else -1
    sandbox.prepare(own, uid)
    covered = sandbox.private_paths([]) + [paths.root().resolve()]
    covered = sorted(set(covered), key=str)
    inner = [sys.executable, "-m", "llmcourse.cohort.jail", "--memory-mb", str(memory_mb),
             "--processes", str(sandbox.process_cap(16)), "--file-mb", str(file_mb),
             "--scratch", str(own / "scratch"), "--scratch-mb", str(scratch_mb),
             "--workdir", str(sandbox.workdir(own))]
    if uid >= 0:
        inner += ["--uid", str(uid)]
    for path in covered:
        inner += ["--cover", str(path)]
    # only the interpreter and the run's own folder come back from under the covers (the course's venv sits
    # in its folder; the run's folder sits in /tmp, which the jail replaces with the run's scratch space)
    for path in {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(), own.resolve()}:
        if any(path.is_relative_to(c) for c in [*covered, *sandbox.SCRATCH_DIRS]):
            inner += ["--keep", str(path)]
    outer = ["setpriv", "--pdeathsig", "KILL"] if shutil.which("setpriv") else []
    outer += ["unshare", "--net", "--mount", "--pid", "--ipc", "--fork", "--kill-child", "--mount-proc"]
    if os.geteuid() != 0:
        outer.append("--map-root-user")
    return [*outer, *inner, "--", sys.executable, "-I", "-"], uid


def run_jailed(program: str, *, timeout_s: float = 10.0, memory_mb: int = 512, file_mb: int = 4,
               scratch_mb: int = 16, force_fallback: bool = False) -> RunResult:
    """Run `program` (Python source) in a fresh jailed interpreter and report how it ended.

    The program is sent on stdin; its working folder is a scratch space of its own. Never raises for
    anything the program does: a crash, a failed assertion or a timeout is a failed RunResult.
    """
    if not isinstance(program, str):
        raise TypeError(f"program must be Python source as a str, not {type(program).__name__}")
    own = Path(tempfile.mkdtemp(prefix="llmcourse-jail-"))
    uid = -1
    try:
        if not force_fallback and namespaces_available():
            command, uid = _jail_command(own, memory_mb, file_mb, scratch_mb)
            env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "LANG": "C.UTF-8",
                   "HOME": str(own / "scratch" / "cwd"), "PYTHONDONTWRITEBYTECODE": "1"}
            # as root the program runs as a user of its own, who can write nowhere but its scratch space;
            # otherwise it runs as you, so folders the jail does not hide stay writable: add the guard
            kind, source, preexec = "namespaces", program if uid >= 0 else _GUARD + program, os.setsid
        else:
            workdir = own / "cwd"
            workdir.mkdir()
            command = [sys.executable, "-I", "-"]
            env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(workdir), "TMPDIR": str(workdir),
                   "PYTHONDONTWRITEBYTECODE": "1"}
            kind, source, preexec = "subprocess", _GUARD + program, _limits(memory_mb, file_mb, 16)
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   env=env, cwd=str(own / "cwd") if kind == "subprocess" else str(own),
                                   preexec_fn=preexec, text=True)
        try:
            out, err = process.communicate(source, timeout=timeout_s)
            return RunResult(process.returncode == 0, process.returncode, out[-4000:], err[-4000:], False, kind)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(process.pid, 9)
            except OSError:
                pass
            out, err = process.communicate()
            return RunResult(False, None, out[-4000:], err[-4000:], True, kind)
    finally:
        if uid >= 0:
            from llmcourse.cohort import sandbox
            sandbox.reap(uid)
        shutil.rmtree(own, ignore_errors=True)
