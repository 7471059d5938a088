"""Inside fresh namespaces: hide private paths, cap resources, drop privileges, then exec the kernel.

Run as `unshare --net --mount --pid --fork --kill-child --mount-proc python -m llmcourse.grade.jail ...`;
it must stay importable without the rest of the package, since it runs before anything else.
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import subprocess
import sys


def _mount(*args: str, fds: tuple[int, ...] = ()) -> None:
    subprocess.run(["mount", *args], check=True, pass_fds=fds, stdout=subprocess.DEVNULL)


def hide(paths: list[str], keep: list[str]) -> None:
    """An empty tmpfs over each private folder (/dev/null over a file); folders in `keep` are bound back."""
    # opened before the hiding, so what must stay reachable can be bound back from these handles
    handles = {path: os.open(path, os.O_PATH) for path in keep}
    covered = []
    for path in paths:
        if os.path.isdir(path):
            _mount("-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", path)
            covered.append(path)
        elif os.path.exists(path):
            _mount("--bind", "/dev/null", path)
    for path, fd in handles.items():
        if not os.path.exists(path):
            if os.path.isdir(f"/proc/self/fd/{fd}"):
                os.makedirs(path)
            else:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                open(path, "w").close()
            _mount("--no-canonicalize", "--bind", f"/proc/self/fd/{fd}", path, fds=(fd,))
        os.close(fd)
    for path in covered:
        _mount("-o", "remount,ro", path)


def limit(memory_mb: int, processes: int, file_mb: int) -> None:
    for name, value in ((resource.RLIMIT_AS, memory_mb * 2**20), (resource.RLIMIT_NPROC, processes),
                        (resource.RLIMIT_FSIZE, file_mb * 2**20), (resource.RLIMIT_CORE, 0)):
        resource.setrlimit(name, (value, value))


def main(argv: list[str]) -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--hide", action="append", default=[])
    p.add_argument("--keep", action="append", default=[])
    p.add_argument("--memory-mb", type=int, default=2048)
    p.add_argument("--processes", type=int, default=64)
    p.add_argument("--file-mb", type=int, default=64)
    p.add_argument("--uid", type=int, default=-1)
    p.add_argument("--no-mounts", action="store_true")
    p.add_argument("command", nargs=argparse.REMAINDER)
    args = p.parse_args(argv)
    if not args.no_mounts:
        hide(args.hide, args.keep)
    limit(args.memory_mb, args.processes, args.file_mb)
    if args.uid >= 0:
        os.setgroups([])
        os.setgid(args.uid)
        os.setuid(args.uid)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # ignored by the launcher above us; the kernel needs it
    os.execv(command[0], command)


if __name__ == "__main__":
    main(sys.argv[1:])
