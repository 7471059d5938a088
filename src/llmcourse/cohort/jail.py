"""Inside fresh namespaces: hide private paths, cap resources, drop privileges, then exec the kernel.

Run as `unshare --net --mount --pid --ipc --fork --kill-child --mount-proc python -m llmcourse.cohort.jail ...`;
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


EMPTY_DIRS = ("/run/lock", "/dev/mqueue")  # also world-writable on many systems: covered, read-only


def _inside(path: str, folder: str) -> bool:
    return path != folder and path.startswith(folder.rstrip("/") + "/")


def scratch(mountpoint: str, size_mb: int, uid: int) -> int:
    """The kernel's only writable space, a tmpfs of `size_mb` (its inodes capped too) at `mountpoint`, with
    its working folder and home, and shown again at /tmp, /var/tmp and /dev/shm, so whatever the notebook
    writes anywhere counts against one cap and is gone with the namespace. Returns a handle on it.
    (The machine's own /tmp, /var/tmp and /dev/shm are shared by every user: never the kernel's.)"""
    inodes = max(4096, size_mb * 64)
    _mount("-t", "tmpfs", "-o", f"size={size_mb}m,nr_inodes={inodes},mode=0755", "tmpfs", mountpoint)
    shared = {"/tmp": "tmp", "/var/tmp": "vartmp", "/dev/shm": "shm"}
    for sub, mode in (("cwd", 0o700), ("home", 0o700), *((sub, 0o1777) for sub in shared.values())):
        path = os.path.join(mountpoint, sub)
        os.mkdir(path)
        os.chmod(path, mode)
        if uid >= 0 and mode == 0o700:
            os.chown(path, uid, uid)
    handle = os.open(mountpoint, os.O_PATH)
    for target, sub in shared.items():
        if os.path.isdir(target):
            _mount("--no-canonicalize", "--bind", f"/proc/self/fd/{handle}/{sub}", target, fds=(handle,))
    return handle


def confine(paths: list[str], keep: list[str], scratch_at: str = "", scratch_mb: int = 0, uid: int = -1) -> None:
    """An empty tmpfs over each private folder (/dev/null over a file); folders in `keep` are bound back.

    Order matters. Handles on what must stay reachable are opened first; then the scratch tmpfs replaces
    /tmp and friends, the private paths are covered, the kept folders bound back from their handles, and
    private paths inside a kept folder covered again (a bind brings back everything under it).
    """
    # opened before anything is covered, so what must stay reachable can be bound back from these handles
    handles = {path: os.open(path, os.O_PATH) for path in keep}
    scratch_fd = scratch(scratch_at, scratch_mb, uid) if scratch_at else -1
    covered = []

    def cover(path: str) -> None:
        if os.path.isdir(path):
            _mount("-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", path)
            covered.append(path)
        elif os.path.exists(path):
            _mount("--bind", "/dev/null", path)

    for path in [*paths, *EMPTY_DIRS]:
        cover(path)
    for path, fd in sorted(handles.items()):  # outer folders first, so inner binds land on top of them
        if not os.path.exists(path):
            if os.path.isdir(f"/proc/self/fd/{fd}"):
                os.makedirs(path)
            else:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                open(path, "w").close()
        _mount("--no-canonicalize", "--bind", f"/proc/self/fd/{fd}", path, fds=(fd,))
        os.close(fd)
    if scratch_fd >= 0:  # the kernel's own folder was bound back without the tmpfs on it
        _mount("--no-canonicalize", "--bind", f"/proc/self/fd/{scratch_fd}", scratch_at, fds=(scratch_fd,))
        os.close(scratch_fd)
    for path in paths:
        if any(_inside(path, k) for k in keep):
            cover(path)
    for path in covered:
        _mount("-o", "remount,ro", path)


def limit(memory_mb: int, processes: int, file_mb: int) -> None:
    for name, value in ((resource.RLIMIT_AS, memory_mb * 2**20), (resource.RLIMIT_NPROC, processes),
                        (resource.RLIMIT_FSIZE, file_mb * 2**20), (resource.RLIMIT_CORE, 0)):
        resource.setrlimit(name, (value, value))


def main(argv: list[str]) -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--cover", action="append", default=[])
    p.add_argument("--keep", action="append", default=[])
    p.add_argument("--memory-mb", type=int, default=2048)
    p.add_argument("--processes", type=int, default=64)
    p.add_argument("--file-mb", type=int, default=64)
    p.add_argument("--uid", type=int, default=-1)
    p.add_argument("--scratch", default="", help="where to mount the kernel's own capped tmpfs")
    p.add_argument("--scratch-mb", type=int, default=256)
    p.add_argument("--workdir", default="", help="the kernel's working folder, inside the scratch space")
    p.add_argument("--no-mounts", action="store_true")
    p.add_argument("command", nargs=argparse.REMAINDER)
    args = p.parse_args(argv)
    if not args.no_mounts:
        confine(args.cover, args.keep, args.scratch, args.scratch_mb, args.uid)
        if args.workdir:
            os.chdir(args.workdir)  # the launcher started us in the folder the tmpfs now covers
    limit(args.memory_mb, args.processes, args.file_mb)
    if args.uid >= 0:
        os.setgroups([])
        os.setgid(args.uid)
        os.setuid(args.uid)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # ignored by the launcher above us; the kernel needs it
    # jupyter_client adds the grader's own pid; the kernel has no use for it (its parent is watched by
    # --kill-child and the death signal instead), and it only tells a notebook what runs outside
    env = {k: v for k, v in os.environ.items() if k != "JPY_PARENT_PID"}
    os.execve(command[0], command, env)


if __name__ == "__main__":
    main(sys.argv[1:])
