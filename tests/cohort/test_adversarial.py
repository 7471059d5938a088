"""A cohort of honest and hostile submissions: each hostile one is graded correctly with a clear message,
every other learner's grade stays intact, nothing outside the output changes, nothing is left running or
lying in scratch space, and no secret or solution text reaches a report."""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from llmcourse import cli, course, paths
from llmcourse.cases.runner import cases_for
from llmcourse.cohort import sandbox

from ..conftest import FILES

ATTACKS = FILES / "adversarial"
SECRET = "sk-test-do-not-leak-7f3a"  # the instructor's key, in the grader's environment
ROOT_ONLY = "sk-root-only-file-9c41"  # a key in a file only root may read
NAMES = json.loads((ATTACKS / "hostile_names.json").read_text())
ACCEPTED_NAMES = ["+cmd", "-2+3", "@cmd"]  # odd but safe folder names: graded, neutralised in the CSV
SCRATCH_DIRS = [Path("/tmp"), Path("/var/tmp"), Path("/dev/shm")]
SKIP = {"__pycache__", ".pytest_cache", ".venv"}


@dataclass
class Run:
    out: Path
    cohort: Path
    base: Path
    before: dict
    after: dict


def expand(text: str, values: dict[str, str]) -> str:
    """Fill in {OUT}, {ROOT}, ... and repeat each line ending in `# xN` N times (a 5 MB cell stays a small
    fixture)."""
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    lines = []
    for line in text.splitlines(keepends=True):
        head, sep, count = line.rstrip("\n").rpartition("  # x")
        lines.append((head + "\n") * int(count) if sep and count.isdigit() else line)
    return "".join(lines)


def link(cohort: Path, spec: Path, values: dict[str, str]) -> None:
    """A .link fixture: `NAME -> TARGET`, NAME being the learner's file, or `.` for the learner folder."""
    line = [l for l in spec.read_text().splitlines() if l and not l.startswith("#")][0]
    name, target = (part.strip() for part in expand(line, values).split("->"))
    if name == ".":
        (cohort / spec.stem).symlink_to(target, target_is_directory=True)
    else:
        (cohort / spec.stem).mkdir()
        (cohort / spec.stem / name).symlink_to(target)


def snapshot(*folders: Path) -> dict[str, tuple]:
    """Every file and folder under `folders` (links not followed), with size, time and mode."""
    seen = {}
    for folder in folders:
        for here, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if d not in SKIP]
            for name in dirs:
                # a folder by its mode only: its time moves when Python writes __pycache__ inside it on a
                # first import, and a file added or removed below it shows up as a key of its own
                seen[os.path.join(here, name)] = (os.lstat(os.path.join(here, name)).st_mode,)
            for name in files:
                info = os.lstat(os.path.join(here, name))
                seen[os.path.join(here, name)] = (info.st_size, info.st_mtime_ns, info.st_mode)
    return seen


def leftovers(base: Path) -> list[str]:
    """Processes of this run still alive: their command line or environment names this run's folders."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            text = (proc / "cmdline").read_bytes() + (proc / "environ").read_bytes()
        except OSError:
            continue
        if str(base).encode() in text and proc.name != str(os.getpid()):
            found.append(proc.name)
    return found


def scratch_litter() -> list[str]:
    """Entries in the machine's shared scratch folders that a submission's user made, or the flood's files."""
    found = []
    for folder in SCRATCH_DIRS + [Path.home(), Path.home() / ".cache"]:
        for entry in folder.iterdir() if folder.is_dir() else ():
            try:
                owner = entry.lstat().st_uid
            except OSError:
                continue
            if entry.name.startswith("llmcourse-flood") or sandbox.FIRST_UID <= owner < sandbox.FIRST_UID + sandbox.UID_RANGE:
                found.append(str(entry))
    return found


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> Run:
    """Grade the whole corpus once, two at a time, with short limits, into an output folder that does not
    exist yet, with the grader's own scratch folder private to this test."""
    base = tmp_path_factory.mktemp("adversarial")
    cohort, out, scratch = base / "cohort", base / "grades", base / "tmp"
    cohort.mkdir()
    scratch.mkdir()
    secret_file = base / "root-only" / "key.txt"
    secret_file.parent.mkdir(mode=0o700)
    secret_file.write_text(f"OPENAI_API_KEY={ROOT_ONLY}\n")
    secret_file.chmod(0o600)
    root = paths.root()
    values = {"OUT": str(out), "ROOT": str(root), "COHORT": str(cohort), "SECRET_FILE": str(secret_file)}
    for name, source in (("right", root / "solutions/evals_assertions.py"),
                         ("stub", root / "exercises/evals_assertions.py")):
        (cohort / name).mkdir()
        shutil.copy(source, cohort / name / "evals_assertions.py")
    for attack in sorted(ATTACKS.glob("*.*")):
        if attack.suffix == ".link":
            link(cohort, attack, values)
        elif attack.suffix in (".py", ".ipynb"):
            (cohort / attack.stem).mkdir()
            data = attack.read_bytes()
            if b"  # x" in data or b"{" in data:
                try:
                    data = expand(data.decode(), values).encode()
                except UnicodeDecodeError:
                    data = data.replace(b"{OUT}", str(out).encode())
            (cohort / attack.stem / f"evals_assertions{attack.suffix}").write_bytes(data)
    for name in NAMES:  # hostile folder names, each with an honest stub inside
        (cohort / name).mkdir()
        shutil.copy(root / "exercises/evals_assertions.py", cohort / name / "evals_assertions.py")
    before = snapshot(root, cohort)
    assert not scratch_litter(), "the machine's scratch folders must start clean of this test's traces"
    mp = pytest.MonkeyPatch()
    mp.setenv("OPENAI_API_KEY", SECRET)  # the instructor's key must never reach a submission
    mp.setenv("TMPDIR", str(scratch))
    mp.setattr(tempfile, "tempdir", None)  # so the grader's own scratch folder is made under `scratch`
    try:
        code = cli.main(["grade", str(cohort), "--out", str(out), "--jobs", "2", "--cell-timeout", "15",
                         "--timeout", "90", "--scratch-mb", "64"])
    finally:
        mp.undo()
    assert code == 0
    return Run(out, cohort, base, before, snapshot(root, cohort))


def result(out: Path, learner: str) -> dict:
    return json.loads((out / "results" / learner / "evals_assertions.json").read_text())


def earned(record: dict) -> dict[str, float]:
    return {r["exercise_id"].split(".")[1]: r["earned"] for r in record["reports"]}


def messages(record: dict) -> str:
    return " ".join(record["problems"] + [c["message"] for r in record["reports"] for c in r["results"]])


def totals(out: Path) -> dict[str, float]:
    with open(out / "gradebook.csv", newline="") as f:
        return {r["learner"]: float(r["earned"]) for r in csv.DictReader(f) if r["exercise"] == "TOTAL"}


def test_honest_learners_are_graded_as_usual(graded):
    assert earned(result(graded.out, "right")) == {"summary_failures": 10, "regressions": 5}
    assert earned(result(graded.out, "stub")) == {"summary_failures": 0, "regressions": 0}
    assert result(graded.out, "right")["problems"] == [], "an honest notebook meets no problem on the way"


@pytest.mark.parametrize("learner,expect,clue", [
    ("infinite_loop", {"summary_failures": 0, "regressions": 0}, "cell 1 (`import signal`) ran past the 15 s cell limit"),
    ("memory_bomb", {"summary_failures": 0, "regressions": 5}, "MemoryError"),
    ("fork_bomb", {"summary_failures": 0, "regressions": 0}, ("Resource temporarily unavailable", "can't start new thread")),
    ("sys_exit", {"summary_failures": 0, "regressions": 0}, "not implemented"),
    ("kernel_crash", {"summary_failures": 0, "regressions": 0}, "kernel died"),
    ("corrupt", {"summary_failures": 0, "regressions": 0}, "not a valid notebook"),
    ("empty", {"summary_failures": 0, "regressions": 0}, "empty file"),
    ("wrong_lesson", {"summary_failures": 0, "regressions": 0}, "functions of lesson rag_keyword_search"),
    ("huge_output", {"summary_failures": 0, "regressions": 5}, "was cut"),
    ("grader_monkeypatch", {"summary_failures": 0, "regressions": 0}, "expected [], got ['whatever']"),
    ("fake_report", {"summary_failures": 0, "regressions": 0}, "not implemented"),
    ("read_solution", {"summary_failures": 0, "regressions": 0}, "not defined"),
    ("write_gradebook", {"summary_failures": 0, "regressions": 0},
     ("Read-only file system", "Permission denied", "No such file or directory")),
    ("non_utf8", {"summary_failures": 0, "regressions": 0}, "not UTF-8"),
    ("steal_secret", {"summary_failures": 0, "regressions": 0}, "Network is unreachable"),
    # issue 10, item 1: links are refused, never read
    ("symlink_solution", {"summary_failures": 0, "regressions": 0}, "refused: it is a symbolic link"),
    ("symlink_secret", {"summary_failures": 0, "regressions": 0}, "refused: it is a symbolic link"),
    # item 2: one capped scratch space, and the message says which cap
    ("scratch_flood", {"summary_failures": 0, "regressions": 5},
     "filled its scratch space: its working folder, home, /tmp and /dev/shm share 64 MB"),
    # item 3: learner text in messages is kept, to be shown inert in the reports
    ("inject_report", {"summary_failures": 0, "regressions": 0}, "raised ValueError"),
    # item 4: a cell that ignores SIGINT and SIGTERM, and a 5 MB cell, cost their cell limit; what the cells
    # before them defined is graded
    ("stuck_cell", {"summary_failures": 0, "regressions": 5},
     "cell 2 (`import signal`) ran past the 15 s cell limit and ignored the interrupt"),
    ("huge_cell", {"summary_failures": 0, "regressions": 5}, "cell 2 (`# a 5 MB cell"),
    # item 5: the output folder is hidden although this run created it
    ("list_results", {"summary_failures": 0, "regressions": 0}, "No such file or directory"),
    # issue 9: the graders cannot be imported, or even seen, from a grading kernel
    ("import_grader", {"summary_failures": 0, "regressions": 0}, "got ['ModuleNotFoundError']"),
    # item 6: only what the kernel needs
    ("environment", {"summary_failures": 0, "regressions": 0}, "raised ValueError"),
])
def test_each_attack_is_graded_correctly_with_a_clear_message(graded, learner, expect, clue):
    record = result(graded.out, learner)
    assert earned(record) == expect
    clues = clue if isinstance(clue, tuple) else (clue,)
    assert any(c in messages(record) for c in clues), messages(record)[:800]


def test_a_stuck_notebook_costs_its_cell_limit_not_the_notebook_limit(graded):
    for learner in ("stuck_cell", "infinite_loop", "huge_cell"):
        record = result(graded.out, learner)
        assert "notebook ran past" not in messages(record)
        assert record["seconds"] < 90, "stopped by the cell limit and its grace, then graded again without it"


def test_everything_a_notebook_writes_shares_one_capped_scratch_space(graded):
    # 64 MB hold at most seven 8 MB files (the kernel's own files take a little), wherever they were written
    written = messages(result(graded.out, "scratch_flood")).split("got ['", 1)[1].split("'")[0]
    assert 0 < int(written.split()[0]) <= 7, written
    assert "got ['" + written + "', '1 filesystem(s)']" in messages(result(graded.out, "scratch_flood"))


def test_the_graders_file_is_not_there_for_the_kernel(graded):
    assert "got ['False']" in messages(result(graded.out, "import_grader"))


def test_the_kernel_environment_holds_only_what_it_needs(graded):
    text = messages(result(graded.out, "environment"))
    first = result(graded.out, "environment")["reports"][0]["results"][0]["message"]
    names = first.split("raised ValueError: ", 1)[1].split(" (at line")[0].split()
    # set inside the kernel by the shell that starts it (PWD) and by IPython, for its pager and colours
    inside = {"PWD", "TERM", "CLICOLOR", "CLICOLOR_FORCE", "PAGER", "GIT_PAGER", "FORCE_COLOR", "PYDEVD_USE_FRAME_EVAL"}
    allowed = set(sandbox.env(Path("/x"))) | inside
    assert "HOME" in names and set(names) <= allowed, set(names) - allowed
    path = f"path={Path(os.sys.executable).parent}:/usr/bin:/bin"
    assert "parent=none" in text and path in text and path + ":" not in text


def test_links_are_refused_with_a_note_saying_why(graded):
    assert "symlink_folder" not in totals(graded.out), "a linked learner folder is not a second learner"
    notes = html_text(graded.out / "summary.md")
    assert "symlink_folder: refused, the learner folder is a symbolic link" in notes
    assert "symlink_solution/evals_assertions.py: refused, it is a symbolic link" in notes


def test_the_gradebook_holds_every_learner_and_no_forgery(graded):
    with open(graded.out / "gradebook.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    learners = {p.stem for p in ATTACKS.glob("*.*") if p.suffix in (".py", ".ipynb")}
    learners |= {"right", "stub", "symlink_solution", "symlink_secret"} | {f"'{n}" for n in ACCEPTED_NAMES}
    found = totals(graded.out)
    assert set(found) == learners
    assert [r["learner"] for r in rows if r["exercise"] == "TOTAL"].count("right") == 1
    assert found["right"] == 15 and found["write_gradebook"] == 0
    assert "FORGED" not in (graded.out / "gradebook.csv").read_text()


def test_no_spreadsheet_formula_in_any_csv(graded):
    for name in ("gradebook.csv", "similarity.csv", "canvas-import.csv", "moodle-import.csv"):
        with open(graded.out / name, newline="") as f:
            for row in csv.reader(f):
                # a lone "-" is Moodle's "no grade", written by us, never a formula
                assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) and cell != "-" for cell in row), row


def test_no_secret_and_no_solution_text_reaches_any_report(graded):
    solution = (paths.root() / "solutions/evals_assertions.py").read_text()
    marker_line = next(l for l in solution.splitlines() if "(?<![\\w-])" in l).strip()
    for file in graded.out.rglob("*"):
        if file.is_file() and file.suffix in (".md", ".csv", ".json"):
            text = file.read_text()
            assert SECRET not in text and ROOT_ONLY not in text, file
            assert marker_line not in text, file


def test_no_text_of_a_file_that_is_not_a_notebook_is_quoted(graded):
    quoted = ['{"cells": [{"cell_type"', "saved as Latin-1", "au lait"]
    for file in graded.out.rglob("*"):
        if file.is_file() and file.suffix in (".md", ".csv", ".json"):
            text = file.read_text()
            assert not any(q in text for q in quoted), file


def test_nothing_outside_the_output_changed_and_nothing_is_left_behind(graded):
    assert graded.after == graded.before, set(graded.after) ^ set(graded.before)
    assert not leftovers(graded.base), "no process of the run outlives it"
    assert not scratch_litter(), "nothing is left in /tmp, /var/tmp, /dev/shm or the home folder"
    assert not list((graded.base / "tmp").iterdir()), "the grader's own scratch folder is gone"


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def render(path: Path) -> _Tags:
    """The report as a Markdown library renders it, with the extensions the course's site uses."""
    parser = _Tags()
    parser.feed(markdown.markdown(path.read_text(), extensions=["tables", "attr_list", "md_in_html", "toc"]))
    return parser


def html_text(path: Path) -> str:
    return "".join(render(path).text)


def test_no_report_renders_live_html_from_a_learner(graded):
    allowed = {"h1", "h2", "h3", "p", "ul", "li", "strong", "em", "code", "table", "thead", "tbody", "tr", "th",
               "td", "blockquote", "br", "img"}
    pages = [graded.out / "summary.md", *sorted((graded.out / "feedback").glob("*.md"))]
    assert len(pages) > 20
    for page in pages:
        parsed = render(page)
        for tag, attrs in parsed.tags:
            assert tag in allowed, (page.name, tag, attrs)
            assert not any(name.startswith("on") for name in attrs), (page.name, tag, attrs)
            assert tag != "img" or attrs == {"alt": "score distribution and pass rates", "src": "summary.png"}
            assert set(attrs) <= {"alt", "src", "id", "style"}, (page.name, tag, attrs)  # toc ids, table alignment
    summary = render(graded.out / "summary.md")
    headings = [t for t, _ in summary.tags if t == "h2"]
    assert "".join(summary.text).count("Near-identical solutions") == 1, "no forged section"
    assert len(headings) == 5
    feedback = html_text(graded.out / "feedback" / "inject_report.md")
    assert "<script>alert(1)</script>" in feedback and "[click](javascript:alert(1))" in feedback, \
        "the learner's text is shown as written"


def test_feedback_summary_and_plot_are_written(graded):
    cases = sum(len(cases_for(ex.id)) for ex in course.load().lesson("evals_assertions").exercises)
    assert (graded.out / "feedback" / "right.md").read_text().count("✔") == cases, "every case passed, each shown"
    summary = (graded.out / "summary.md").read_text()
    assert "Pass rate per exercise" in summary and "Most common failures" in summary
    assert (graded.out / "summary.png").stat().st_size > 10_000
